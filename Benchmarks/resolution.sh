#!/usr/bin/env bash
# Identity resolution (issue 4): accuracy at 20k people on both generators, with the ceiling any
# resolver could reach on the same data; then speed: PEOPLE generated people (default 1,000,000)
# ingested and resolved with /usr/bin/time (wall, CPU, peak RSS), where the last 1% of every
# file's rows arrive as a second batch that an incremental resolve takes in.
# ACCURACY=0 or SPEED=0 skips a part. Takes about 15 minutes at 1M people on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
PEOPLE=${PEOPLE:-1000000}
BIN=${BIN:-.build/release}
WORK=bench-data/resolution
MAPPING=Fixtures/retail/mapping.yaml
[ -n "${SKIP_BUILD:-}" ] || swift build -c release --product kith >/dev/null
mkdir -p $WORK

timed() { # label, command...: runs the command, prints wall, CPU (user + sys) and peak RSS
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o $WORK/time "$@" >/dev/null
  awk -v l="$label" '{printf "%-34s %7.1f s wall, %7.1f s CPU, peak RSS %5d MiB\n", l, $1, $2 + $3, $4 / 1024}' $WORK/time
}

if [ "${ACCURACY:-1}" != 0 ]; then
  echo "== accuracy, 20k people"
  rm -rf $WORK/ours $WORK/python
  $BIN/kith generate --people 20000 --seed 7 --out $WORK/ours >/dev/null
  python3 Benchmarks/independent_generator.py --people 20000 --seed 3 --out $WORK/python >/dev/null
  for data in ours python; do
    rm -rf $WORK/$data.db
    $BIN/kith ingest --db $WORK/$data.db --mapping $MAPPING $WORK/$data >/dev/null
    $BIN/kith resolve --db $WORK/$data.db >/dev/null
    $BIN/kith export --db $WORK/$data.db --format csv --out $WORK/$data.csv >/dev/null
    echo "-- $data: Kith"
    $BIN/kith evaluate --truth $WORK/$data --export $WORK/$data.csv | head -3
    echo "-- $data: the most any resolver can reach (Benchmarks/accuracy_ceiling.py)"
    python3 Benchmarks/accuracy_ceiling.py $WORK/$data
  done
fi

if [ "${SPEED:-1}" != 0 ]; then
  echo "== speed, $PEOPLE people"
  DATA=$WORK/people-$PEOPLE
  STORE=$DATA.db
  if [ ! -d $DATA/batch2 ]; then
    rm -rf $DATA
    mkdir -p $DATA
    $BIN/kith generate --people "$PEOPLE" --seed 7 --out $DATA/all >/dev/null
    mkdir -p $DATA/batch1 $DATA/batch2
    # The first 99% of every file's rows, then the last 1% (CSV files keep their header).
    for file in $DATA/all/*; do
      name=$(basename $file)
      case $name in truth_*) continue ;; esac
      rows=$(wc -l < $file)
      case $name in
        *.csv) body=$((rows - 1)); tail_rows=$((body / 100))
               head -n $((rows - tail_rows)) $file > $DATA/batch1/$name
               { head -n 1 $file; tail -n $tail_rows $file; } > $DATA/batch2/$name ;;
        *) tail_rows=$((rows / 100))
           head -n $((rows - tail_rows)) $file > $DATA/batch1/$name
           tail -n $tail_rows $file > $DATA/batch2/$name ;;
      esac
    done
  fi
  echo "records: $(cat $DATA/all/{crm_contacts,ecommerce_accounts,loyalty_members,pos_transactions}.csv | wc -l) lines, events: $(wc -l < $DATA/all/web_events.jsonl)"
  rm -rf $STORE
  timed "ingest, 99% of the rows" $BIN/kith ingest --db $STORE --mapping $MAPPING $DATA/batch1
  timed "resolve, full" $BIN/kith resolve --db $STORE
  FULL=$(awk '{print $2 + $3}' $WORK/time)
  timed "ingest, the other 1%" $BIN/kith ingest --db $STORE --mapping $MAPPING $DATA/batch2
  timed "resolve, incremental" $BIN/kith resolve --db $STORE
  awk -v full=$FULL '{printf "incremental resolve: %.1f%% of the full resolve'"'"'s CPU time\n", 100 * ($2 + $3) / full}' $WORK/time
fi
