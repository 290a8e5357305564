#!/usr/bin/env bash
# Samples the live heap (after a full GC) of a running `./sightline throughput` JVM about every second,
# with the command's last output line (its phase), into a TSV (docs/benchmarks.md, "Heap").
# Usage: ./sightline throughput --partitions 3 --rounds 1 > tp.log & scripts/sample-heap.sh heap.tsv tp.log
set -u
out=$1; log=$2; jcmd=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/jcmd
pid=""
for i in $(seq 1 120); do
  pid=$(pgrep -f 'SightlineCommand throughput' | head -1)
  [ -n "$pid" ] && break; sleep 0.5
done
[ -z "$pid" ] && { echo "no throughput JVM"; exit 1; }
echo -e "millis\tused_kb\tphase" > "$out"
while kill -0 "$pid" 2>/dev/null; do
  $jcmd "$pid" GC.run >/dev/null 2>&1
  used=$($jcmd "$pid" GC.heap_info 2>/dev/null | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+')
  [ -n "$used" ] && echo -e "$(date +%s%3N)\t$used\t$(tail -1 "$log" | cut -c1-60)" >> "$out"
  sleep 1
done
