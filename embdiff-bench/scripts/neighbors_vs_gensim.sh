#!/usr/bin/env bash
# Whole-process batched top-10 neighbours, embdiff vs gensim, side by side on the same file and
# the same 1,000 query words (the file's first 1,000, as gensim_load.py takes them).
# Issue 2 target: embdiff queries/s >= 5x gensim's. Usage:
#   embdiff-bench/scripts/neighbors_vs_gensim.sh [VECTORS] [QUERIES]
# VECTORS defaults to /tmp/v400k.txt (made with ../shared/peers/make_vectors.py 400000 100 when absent).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
peers="${EMBDIFF_PEERS:-}"
if [ -z "$peers" ]; then
  # the shared peers sit beside the checkout (../shared) or beside a worktree's parent (../../shared)
  for candidate in "$here/../shared/peers" "$here/../../shared/peers"; do
    [ -f "$candidate/gensim_load.py" ] && { peers="$candidate"; break; }
  done
fi
[ -f "${peers:-/nonexistent}/gensim_load.py" ] || { echo "gensim_load.py not found; set EMBDIFF_PEERS" >&2; exit 2; }
vectors="${1:-/tmp/v400k.txt}"
queries="${2:-1000}"
python=/usr/bin/python3

if [ ! -s "$vectors" ]; then
  echo "making $vectors (400,000 x 100 random words)..." >&2
  "$python" "$peers/make_vectors.py" 400000 100 "$vectors"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
head -n "$queries" "$vectors" | cut -d' ' -f1 > "$work/queries.txt"

"$here/embdiff" --version >&2 # builds the jar if needed, outside the timed runs

echo "== gensim (load + $queries x most_similar(topn=10))" >&2
"$python" "$peers/gensim_load.py" "$vectors" "$queries" | tee "$work/gensim.txt" >&2
gensim_qps=$(awk '/^neighbors_q/ {print $NF}' "$work/gensim.txt")

echo "== embdiff (load + one batch of $queries queries, top 10)" >&2
start=$(date +%s.%N)
"$here/embdiff" neighbors "$vectors" --queries-file "$work/queries.txt" -k 10 > "$work/embdiff.out" 2> "$work/embdiff.err"
end=$(date +%s.%N)
cat "$work/embdiff.err" >&2
embdiff_qps=$(sed -n 's/.* \([0-9,.]*\) queries\/s.*/\1/p' "$work/embdiff.err" | tr -d ,)
echo "embdiff whole process: $(echo "$end - $start" | bc) s" >&2

echo "queries/s: embdiff $embdiff_qps, gensim $gensim_qps, ratio $(echo "scale=1; $embdiff_qps / $gensim_qps" | bc)x (target >= 5x)"
