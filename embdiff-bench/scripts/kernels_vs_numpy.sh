#!/usr/bin/env bash
# Neighbour kernels beside numpy's float32 sgemm, same shapes, same run, alternating (issue 17 item 2):
#   search:   top-10 for 1,000 queries over 400,000 x 100 (target >= 750 queries/s, >= 60 GFLOP/s)
#   allpairs: top-1000 of each of 50,000 x 100 rows among the others (neighbour overlap at k = 1000)
# Each round starts a fresh JVM (rep 0 includes JIT) and a fresh Python; REPS calls each.
# Usage: embdiff-bench/scripts/kernels_vs_numpy.sh [ROUNDS] [REPS]   (JAVA: the JDK's java; default Temurin 25 if present)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rounds="${1:-2}" reps="${2:-3}"
java="${JAVA:-$( [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && echo /usr/lib/jvm/temurin-25-jdk-amd64/bin/java || echo java)}"
jar="$here/embdiff-bench/target/benchmarks.jar"
[ -f "$jar" ] || (cd "$here" && mvn -B -ntp -q -pl embdiff-bench -am package -DskipTests)
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $("$java" -version 2>&1 | head -1)"
for r in $(seq 1 "$rounds"); do
  for shape in "search 400000 100 1000 10" "allpairs 50000 100 - 1000"; do
    set -- $shape
    "$java" -Xmx3g --add-modules jdk.incubator.vector -cp "$jar" org.embdiff.bench.KernelThroughput $1 $2 $3 $4 $5 "$reps" 2>&1 | grep -v '^WARNING'
    python3 "$here/embdiff-bench/scripts/numpy_kernels.py" $1 $2 $3 $4 $5 "$reps"
  done
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
