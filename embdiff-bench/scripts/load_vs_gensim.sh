#!/usr/bin/env bash
# Whole-process load benchmark: embdiff vs gensim on the same GloVe text file, side by side in one
# hyperfine run (JVM / Python start included), plus embdiff's binary-cache reload and the
# 1.2M x 200 load under -Xmx3g. Results go to docs/BENCHMARKS.md ("## Loading vectors").
#
# Usage: embdiff-bench/scripts/load_vs_gensim.sh [RUNS]    (SKIP_BIG=1 skips the 1.2M x 200 part)
# Needs: hyperfine, /usr/bin/python3 with python3-gensim, ../shared/peers (or PEERS=dir).
# Generated files (/tmp/v400k.txt, /tmp/v400k.emb, /tmp/v1200k.txt) are never committed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-3}"
peers="${PEERS:-$here/../shared/peers}"
[ -d "$peers" ] || peers=/work/shared/peers
small=/tmp/v400k.txt
cache=/tmp/v400k.emb
big=/tmp/v1200k.txt
out="${OUT:-/tmp/load_vs_gensim}"
mkdir -p "$out"

[ -f "$small" ] || /usr/bin/python3 "$peers/make_vectors.py" 400000 100 "$small"
"$here/embdiff" --version >/dev/null 2>&1           # builds the jar once, outside the timings
"$here/embdiff" convert "$small" "$cache" --to embdiff

echo "== 400,000 x 100 GloVe text: embdiff vs gensim; embdiff binary cache reload"
hyperfine --warmup 1 --runs "$runs" --export-markdown "$out/load400k.md" --export-json "$out/load400k.json" \
  -n "embdiff info (text)" "$here/embdiff info $small" \
  -n "gensim load_word2vec_format" "/usr/bin/python3 $peers/gensim_load.py $small" \
  -n "embdiff info (embdiff cache)" "$here/embdiff info $cache"
python3 - "$out/load400k.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
g = r["gensim load_word2vec_format"]["mean"]
for name in ("embdiff info (text)", "embdiff info (embdiff cache)"):
    m = r[name]["mean"]
    print(f"{name}: mean {m:.3f} s; gensim {g:.3f} s; speed-up {g / m:.1f}x")
PY

echo "== in-process load time: gensim's own load_s vs embdiff info's 'loaded in' (interleaved, $runs runs)"
for i in $(seq "$runs"); do
  g=$(/usr/bin/python3 "$peers/gensim_load.py" "$small" | awk '/load_s/ {print $2}')
  t=$("$here/embdiff" info "$small" 2>/dev/null | awk '/loaded in/ {print $3}')
  c=$("$here/embdiff" info "$cache" 2>/dev/null | awk '/loaded in/ {print $3}')
  echo "run $i: gensim $g s, embdiff text $t s ($(echo "$g / $t" | bc -l | cut -c1-5)x), embdiff cache $c s ($(echo "$g / $c" | bc -l | cut -c1-6)x)"
done

[ "${SKIP_BIG:-0}" = 1 ] && exit 0
echo "== 1,200,000 x 200 GloVe text with EMBDIFF_JAVA_OPTS=-Xmx3g"
[ -f "$big" ] || /usr/bin/python3 "$peers/make_vectors.py" 1200000 200 "$big"
EMBDIFF_JAVA_OPTS="-Xmx3g -XX:+PrintFlagsFinal" "$here/embdiff" --version 2>/dev/null | grep -E ' MaxHeapSize ' || true
EMBDIFF_JAVA_OPTS=-Xmx3g /usr/bin/time -f "wall %e s, max RSS %M KB, exit %x" "$here/embdiff" info "$big"
