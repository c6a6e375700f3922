#!/usr/bin/env bash
# Whole-process analogy evaluation, embdiff vs gensim, side by side with hyperfine:
#   gensim: python start + KeyedVectors.load_word2vec_format + evaluate_word_analogies (restrict = all, case-insensitive)
#   embdiff: JVM start + load + batched 3CosAdd (and 3CosMul) over the same file and questions.
# Usage: embdiff-bench/scripts/eval_vs_gensim.sh [VECTORS.txt.gz] [RUNS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# the shared folder is a sibling of the checkout or of one of its parents (as the tests look for it)
shared="${EMBDIFF_SHARED:-}"
for d in "$root" "$root/.." "$root/../.."; do
  if [ -z "$shared" ] && [ -d "$d/../shared/data" ]; then shared="$(cd "$d/../shared" && pwd)"; fi
done
[ -n "$shared" ] || { echo "shared folder (peers, data) not found; set EMBDIFF_SHARED" >&2; exit 1; }
peers="$shared/peers"
file="${1:-$shared/data/embeddings/glove.6B.100d.top50k.txt.gz}"
runs="${2:-3}"
questions="$root/data/eval/questions-words.txt"
"$root/embdiff" --version >/dev/null   # build the jar outside the timing
hyperfine --warmup 1 --runs "$runs" --export-markdown "${TMPDIR:-/tmp}/eval_vs_gensim.md" \
  -n gensim "/usr/bin/python3 $peers/gensim_eval.py $file $questions" \
  -n embdiff-3cosadd "$root/embdiff eval $file --analogies $questions --no-pairs" \
  -n embdiff-3cosmul "$root/embdiff eval $file --analogies $questions --no-pairs --method 3cosmul"
