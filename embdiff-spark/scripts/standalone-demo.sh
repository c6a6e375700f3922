#!/usr/bin/env bash
# A Spark standalone cluster on loopback from the Maven class path (no Spark distribution needed):
# starts org.apache.spark.deploy.master.Master and ...worker.Worker on 127.0.0.1, runs `embdiff vocab`
# and `embdiff cooccur` against spark://127.0.0.1:PORT, compares them with the local engine, and stops
# both daemons. Usage: embdiff-spark/scripts/standalone-demo.sh [CORPUS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
corpus="${1:-$root/data/corpora/tweeteval-train-sample.txt.gz}"
work="$(mktemp -d -t embdiff-standalone.XXXXXX)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# the job jar and Spark's class path (Maven builds them once)
if [ ! -f "$root/embdiff-spark/target/embdiff-spark.jar" ] || [ ! -f "$root/embdiff-spark/target/spark.classpath" ]; then
  (cd "$root" && mvn -q -B -ntp -DskipTests package -pl embdiff-spark -am)
fi
java_bin=""
for c in /usr/lib/jvm/*/bin/java; do
  v=$("$c" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}')
  if [ "${v%%.*}" = 17 ] || [ "${v%%.*}" = 21 ]; then java_bin="$c"; fi
done
[ -n "$java_bin" ] || { echo "standalone-demo: needs a JDK 17 or 21" >&2; exit 2; }
export JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$java_bin")")")"

# A SPARK_HOME whose jars/ are the Maven jars: the worker builds executor class paths from it.
mkdir -p "$work/spark-home/jars"
tr ':' '\n' < "$root/embdiff-spark/target/spark.classpath" | while read -r j; do ln -s "$j" "$work/spark-home/jars/"; done
export SPARK_HOME="$work/spark-home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1 SPARK_LOG_DIR="$work/logs"
cp="$work/spark-home/jars/*"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port=$(free_port); ui=$(free_port); wui=$(free_port)
opens=(--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED)

echo "== master spark://127.0.0.1:$port"
"$java_bin" -Xmx256m "${opens[@]}" -cp "$cp" org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port "$port" --webui-port "$ui" > "$work/master.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do grep -q "I have been elected leader" "$work/master.log" && break; sleep 0.5; done
grep -q "I have been elected leader" "$work/master.log" || { cat "$work/master.log"; exit 1; }
echo "== worker (2 cores, 2 GB)"
"$java_bin" -Xmx256m "${opens[@]}" -cp "$cp" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 \
  --cores 2 --memory 2g --webui-port "$wui" --work-dir "$work/worker" "spark://127.0.0.1:$port" > "$work/worker.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do grep -q "Successfully registered with master" "$work/worker.log" && break; sleep 0.5; done
grep -q "Successfully registered with master" "$work/worker.log" || { cat "$work/worker.log"; exit 1; }
grep -h "Starting Spark master\|Successfully registered" "$work/master.log" "$work/worker.log" | sed 's/^/   /'

cluster=(--engine spark --master "spark://127.0.0.1:$port" --partitions 4)
export EMBDIFF_JAVA="$java_bin" EMBDIFF_JAVA_OPTS="-Dspark.executor.memory=1g"
echo "== vocab on the cluster and locally"
"$root/embdiff" vocab "${cluster[@]}" "$corpus" --min-count 5 -o "$work/vocab-cluster.txt"
"$root/embdiff" vocab "$corpus" --min-count 5 -o "$work/vocab-local.txt" 2>&1 | grep -v "^WARNING"
cmp "$work/vocab-cluster.txt" "$work/vocab-local.txt" && echo "   vocab.txt: identical ($(wc -l < "$work/vocab-local.txt") words)"
echo "== cooccur --flat (integer counts) on the cluster and locally"
"$root/embdiff" cooccur "${cluster[@]}" "$corpus" --flat --window 10 -o "$work/flat-cluster.crec" | sed 's/^/   /'
"$root/embdiff" cooccur "$corpus" --flat --window 10 -o "$work/flat-local.crec" > /dev/null 2>&1
cmp "$work/flat-cluster.crec" "$work/flat-local.crec" && echo "   CREC: identical ($(( $(stat -c %s "$work/flat-local.crec") / 16 )) records)"
cmp "$work/flat-cluster.vocab.txt" "$work/flat-local.vocab.txt" && echo "   vocabulary: identical"
echo "== cooccur (1/distance) on the cluster"
"$root/embdiff" cooccur "${cluster[@]}" "$corpus" --window 10 -o "$work/cluster.crec" | sed 's/^/   /'
grep -h "Launching executor\|Asked to launch executor" "$work/worker.log" | head -2 | sed 's/^/   worker: /'
echo "== stopping master and worker"
