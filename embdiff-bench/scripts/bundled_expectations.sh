#!/usr/bin/env bash
# Recomputes the expected numbers that let the cross-checks run in a clone without ../shared:
#   gensim 4 (evaluate_word_analogies / evaluate_word_pairs, restrict = all, case-insensitive) on the bundled
#   GloVe 6B 100d subset and every bundled word-pair set -> embdiff-core/src/test/resources/org/embdiff/eval/gensim-bundled.txt
#   scipy (jensenshannon, entropy) on the bundled corpus samples -> .../stats/scipy-bundled-pair.txt (by the test itself)
# Needs Debian's python3-gensim and python3-scipy and ../shared/peers/gensim_eval.py.
# Usage: embdiff-bench/scripts/bundled_expectations.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
shared="${EMBDIFF_SHARED:-}"
for d in "$root" "$root/.." "$root/../.."; do
  if [ -z "$shared" ] && [ -d "$d/../shared/peers" ]; then shared="$(cd "$d/../shared" && pwd)"; fi
done
[ -n "$shared" ] || { echo "shared folder (peers) not found; set EMBDIFF_SHARED" >&2; exit 1; }
cd "$root"
out=embdiff-core/src/test/resources/org/embdiff/eval/gensim-bundled.txt
mkdir -p "$(dirname "$out")"
versions=$(/usr/bin/python3 -c "import gensim, numpy, scipy; print('gensim', gensim.__version__, 'numpy', numpy.__version__, 'scipy', scipy.__version__)")
{
  echo "# $versions; python3 ../shared/peers/gensim_eval.py data/embeddings/glove.6B.100d.twitter12k-vocab.txt.gz data/eval/questions-words.txt data/eval/wordsim353.tsv data/eval/simlex999.txt data/eval/word-sim/*.txt"
  /usr/bin/python3 "$shared/peers/gensim_eval.py" data/embeddings/glove.6B.100d.twitter12k-vocab.txt.gz \
    data/eval/questions-words.txt data/eval/wordsim353.tsv data/eval/simlex999.txt data/eval/word-sim/*.txt | grep -v '^load_s'
} > "$out"
echo "wrote $out"
(cd embdiff-core && mvn -B -ntp -q surefire:test -Dtest='ScipyCrossCheckTest#bundled*' -Dembdiff.recordFixtures=true)
echo "wrote embdiff-core/src/test/resources/org/embdiff/stats/scipy-bundled-pair.txt"
