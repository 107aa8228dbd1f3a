#!/usr/bin/env bash
# Identity exports (issue 5): generate PEOPLE people (default 100000), ingest and resolve them
# once (or use STORE, a resolved store, such as Benchmarks/resolution.sh's
# bench-data/resolution/people-1000000.db), then time `kith export` to each format RUNS times
# (default 3) and print the median wall time, CPU time, peak RSS (/usr/bin/time: mostly the
# store's pages that LMDB maps) and peak anonymous memory (sampled from /proc every 0.2 s: what
# the export itself holds); FORMATS picks formats (default: all five).
set -euo pipefail
cd "$(dirname "$0")/.."
PEOPLE=${PEOPLE:-100000}
RUNS=${RUNS:-3}
DATA=bench-data/retail-$PEOPLE
if [ -n "${STORE:-}" ] && [ ! -f "$STORE/data.mdb" ]; then
  echo "exports.sh: no store at $STORE (Benchmarks/resolution.sh makes bench-data/resolution/people-N.db)" >&2
  exit 1
fi
STORE=${STORE:-$DATA.db}
OUT=bench-data/exports-$(basename "$STORE" .db)
BIN=${BIN:-.build/release}
[ -n "${SKIP_BUILD:-}" ] || swift build -c release --product kith >/dev/null

if [ ! -f "$STORE/data.mdb" ]; then
  rm -rf "$DATA" "$STORE"
  $BIN/kith generate --people "$PEOPLE" --seed 7 --out "$DATA"
  /usr/bin/time -f "ingest %e s wall, %U+%S s CPU, %M KiB" $BIN/kith ingest --db "$STORE" --mapping Fixtures/retail/mapping.yaml "$DATA"
  /usr/bin/time -f "resolve %e s wall, %U+%S s CPU, %M KiB" $BIN/kith resolve --db "$STORE"
fi
mkdir -p "$OUT"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for format in ${FORMATS:-csv jsonl sqlite graphson neptune-csv}; do
  case $format in neptune-csv) target=$OUT/neptune ;; *) target=$OUT/export.$format ;; esac
  for i in $(seq "$RUNS"); do
    rm -rf "$target"
    /usr/bin/time -f "%e %U %S %M" -o /tmp/kith-export-time $BIN/kith export --db "$STORE" --format $format --out "$target" >/dev/null &
    timer=$! anon=0
    while kill -0 $timer 2>/dev/null; do
      kb=$(awk '/RssAnon/ {print $2}' /proc/$(pgrep -P $timer | head -1)/status 2>/dev/null || true)
      [ -n "$kb" ] && [ "$kb" -gt "$anon" ] && anon=$kb
      sleep 0.2
    done
    wait $timer
    echo "$(cat /tmp/kith-export-time) $anon"
  done > /tmp/kith-export-runs
  printf "%-12s median %6s s wall, %6s s CPU (user + sys), peak RSS %4d MiB, anonymous %4d MiB (runs: %s)\n" $format \
    "$(awk '{print $1}' /tmp/kith-export-runs | median)" "$(awk '{print $2 + $3}' /tmp/kith-export-runs | median)" \
    $(( $(awk '{print $4}' /tmp/kith-export-runs | median) / 1024 )) $(( $(awk '{print $5}' /tmp/kith-export-runs | median) / 1024 )) \
    "$(awk '{printf "%s ", $1}' /tmp/kith-export-runs)"
done
$BIN/kith export --db "$STORE" --format csv --hash sha256 --out "$OUT/hashed.csv" >/dev/null
/usr/bin/time -f "csv --hash sha256: %e s wall, %M KiB" $BIN/kith export --db "$STORE" --format csv --hash sha256 --out "$OUT/hashed.csv" >/dev/null
du -sh "$OUT"/*
