#!/usr/bin/env bash
# The embdiff cache against gensim's own reload (KeyedVectors.load(mmap='r')), whole process, paired
# (hyperfine), plus the in-process cold open-to-first-lookup (JMH, fresh JVM per sample).
# Usage: cache_vs_gensim_mmap.sh [WORK_DIR]   (default /tmp/embdiff-cache-bench; ~700 MB of disk)
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
work=${1:-/tmp/embdiff-cache-bench}
mkdir -p "$work"
cd "$work"
[ -f v400k100.txt ] || /usr/bin/python3 "$here/../shared/peers/make_vectors.py" 400000 100 v400k100.txt
[ -f v400k100.emb ] || "$here/embdiff" convert v400k100.txt v400k100.emb --to embdiff
if [ ! -f v400k100.kv ]; then
  /usr/bin/python3 -c 'import sys
from gensim.models import KeyedVectors
KeyedVectors.load_word2vec_format(sys.argv[1], binary=False, no_header=True).save(sys.argv[2])' v400k100.txt v400k100.kv
fi
cat > gensim_mmap.py <<'PY'
import sys
from gensim.models import KeyedVectors
kv = KeyedVectors.load(sys.argv[1], mmap='r')
v = kv[sys.argv[2]]
print(len(kv), kv.vector_size, float(v[0]))
PY
date -u; cat /proc/loadavg
hyperfine -N --warmup 2 --runs 15 --export-json cache_vs_gensim.json \
  -n gensim_import_mmap_lookup "/usr/bin/python3 gensim_mmap.py v400k100.kv w280000" \
  -n embdiff_info "$here/embdiff info v400k100.emb" \
  -n embdiff_neighbors "$here/embdiff neighbors v400k100.emb w280000"
cat /proc/loadavg
for cmd in "/usr/bin/python3 gensim_mmap.py v400k100.kv w280000" "$here/embdiff info v400k100.emb" \
    "$here/embdiff info --verify v400k100.emb"; do
  /usr/bin/time -f "%e s wall, %U s user, %M KB peak RSS: $cmd" $cmd >/dev/null
done
jar="$here/embdiff-bench/target/benchmarks.jar"
[ -f "$jar" ] || (cd "$here" && mvn -B -ntp -q package -DskipTests -pl embdiff-bench -am)
java -jar "$jar" CacheOpenBenchmark -f 12
