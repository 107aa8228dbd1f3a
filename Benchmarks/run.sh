#!/usr/bin/env bash
# The storage-engine benchmarks (issue #2): a random graph of 1M vertices and 3M edges
# (uniform ends, seed 42, weight:Double per edge) as Neptune CSV, then whole-process import,
# whole-process components, look-ups by external id, adjacency scan, bytes per edge, peak RSS,
# and the peers (Kuzu COPY FROM, igraph connected_components) on the same data in the same run.
# Figures are medians of RUNS runs (default 3).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
DATA=bench-data
STORE=$DATA/kith.db

command -v hyperfine >/dev/null || apt-get install -y -qq hyperfine >/dev/null
swift build -c release --product kith >/dev/null
swift build -c release --product KithBench >/dev/null
BIN=.build/release
[ -f $DATA/edges.csv ] || $BIN/KithBench generate --vertices 1000000 --edges 3000000 --seed 42 --out $DATA

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "== kith import (whole process, $RUNS runs)"
for i in $(seq $RUNS); do
  rm -rf $STORE
  /usr/bin/time -f "%e %M" -o /tmp/kith-import-time $BIN/kith import --db $STORE $DATA/vertices.csv $DATA/edges.csv >/dev/null
  cat /tmp/kith-import-time
done | tee /tmp/kith-import-runs
IMPORT=$(awk '{print $1}' /tmp/kith-import-runs | median)
IMPORT_RSS=$(awk '{print $2}' /tmp/kith-import-runs | median)
echo "import median ${IMPORT} s, $(awk -v s=$IMPORT 'BEGIN{printf "%.0f", 3000000/s}') edges/s, peak RSS $((IMPORT_RSS / 1024)) MiB"

echo "== kith components (whole process)"
for i in $(seq $((RUNS + 2))); do
  /usr/bin/time -f "%e %M" -o /tmp/kith-cc-time $BIN/kith components --db $STORE >/dev/null
  cat /tmp/kith-cc-time
done | tee /tmp/kith-cc-runs
echo "components median $(awk '{print $1}' /tmp/kith-cc-runs | median) s, peak RSS $(( $(awk '{print $2}' /tmp/kith-cc-runs | median) / 1024 )) MiB"
$BIN/kith components --db $STORE

echo "== look-ups and scans"
$BIN/KithBench lookups --db $STORE --vertices 1000000 --count 1000000
$BIN/KithBench scan --db $STORE
echo "== gremlin latency (in process)"
$BIN/KithBench gremlin --db $STORE --vertices 1000000 --count 2000
BYTES=$(du -B1 $STORE/data.mdb | cut -f1)
echo "store: $BYTES bytes on disk = $((BYTES / 3000000)) bytes per edge (everything included)"

echo "== peers (same data, same run)"
python3 -c "import kuzu, igraph" 2>/dev/null || pip install -q kuzu==0.11.3 igraph numpy >/dev/null 2>&1 || true
for i in $(seq $RUNS); do python3 Benchmarks/peers.py kuzu $DATA || echo "kuzu unavailable"; done
for i in $(seq $RUNS); do python3 Benchmarks/peers.py igraph $DATA || echo "igraph unavailable"; done
