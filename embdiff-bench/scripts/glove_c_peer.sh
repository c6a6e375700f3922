#!/usr/bin/env bash
# embdiff against the real Stanford GloVe C tools (vocab_count, cooccur, shuffle, glove), side by side
# in one run, on tweets8.txt (20.0M tokens) and a quality check on the bundled tweets sample.
#
# The peer is NOT part of this repository. Get it from the public repository and build it outside:
#   git clone https://github.com/stanfordnlp/GloVe /tmp/glove-peer && make -C /tmp/glove-peer
# (its Makefile: gcc -O3 -march=native -funroll-loops -lm -pthread; binaries land in build/).
# Or point GLOVE_SRC at a directory holding its src/*.c and src/common.h and this script builds
# them with the same flags into $GLOVE_BIN.
#
# Usage: glove_c_peer.sh [WORK_DIR]      (default /tmp/glove-peer/run; needs ~1 GB of disk, 4 GB RAM)
# Env:   GLOVE_BIN (default /tmp/glove-peer/build), GLOVE_SRC (optional), ITER (tweets8 iterations, 3),
#        CORPUS (default WORK_DIR/tweets8.txt, built with ../shared/peers/make_corpus.sh when missing).
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
work=${1:-/tmp/glove-peer/run}
bin=${GLOVE_BIN:-/tmp/glove-peer/build}
iter=${ITER:-3}
embdiff="$here/embdiff"
mkdir -p "$work" "$bin"
cd "$work"

if [ -n "${GLOVE_SRC:-}" ]; then
  flags="-lm -pthread -O3 -march=native -funroll-loops -Wno-unused-result"
  gcc "$GLOVE_SRC/vocab_count.c" -o "$bin/vocab_count" $flags
  gcc "$GLOVE_SRC/cooccur.c" -o "$bin/cooccur" $flags
  gcc "$GLOVE_SRC/shuffle.c" "$GLOVE_SRC/common.c" -o "$bin/shuffle" $flags
  gcc "$GLOVE_SRC/glove.c" -o "$bin/glove" $flags
fi
for tool in vocab_count cooccur shuffle glove; do
  [ -x "$bin/$tool" ] || { echo "missing $bin/$tool: build the Stanford GloVe peer first (see the header)" >&2; exit 1; }
done
corpus=${CORPUS:-$work/tweets8.txt}
if [ ! -f "$corpus" ]; then
  bash "$here/../shared/peers/make_corpus.sh" "$(dirname "$corpus")" >/dev/null
fi

date -u; uptime
crec_check() {  # records, sum and pair equality of two CREC files
  /usr/bin/python3 - "$1" "$2" <<'PY'
import math, sys
import numpy as np
dt = np.dtype([("w", "<i4"), ("c", "<i4"), ("v", "<f8")])
a, b = (np.fromfile(p, dt) for p in sys.argv[1:3])
sa, sb = math.fsum(a["v"]), math.fsum(b["v"])
same = len(a) == len(b) and np.array_equal(a["w"], b["w"]) and np.array_equal(a["c"], b["c"])
print(f"records C {len(a):,} embdiff {len(b):,}; sum C {sa!r} embdiff {sb!r}; "
      f"relative difference {abs(sa - sb) / sa:.2e}; same (word, context) sequence: {same}"
      + (f"; max |value difference| {np.abs(a['v'] - b['v']).max():.2e}" if same else ""))
PY
}

echo "== 1. vocabulary, min-count 5"
hyperfine --runs 2 --export-json vocab.json \
  -n c_vocab_count "$bin/vocab_count -verbose 0 -min-count 5 < $corpus > vocab.txt" \
  -n embdiff_vocab "$embdiff vocab $corpus --min-count 5 -o v.txt"
wc -l vocab.txt v.txt
cmp -s <(sort vocab.txt) <(sort v.txt) && echo "same words and counts" || echo "WORDS OR COUNTS DIFFER"
cmp -s vocab.txt v.txt && echo "same order" || echo "order differs among equal counts: $(diff vocab.txt v.txt | grep -c '^<') lines"

echo "== 2. co-occurrence, window 10, memory 4 GB, both with the C vocabulary (same ids)"
hyperfine --runs 1 --export-json cooccur.json \
  -n c_cooccur "$bin/cooccur -verbose 0 -vocab-file vocab.txt -window-size 10 -memory 4.0 -overflow-file $work/overflow < $corpus > X.bin" \
  -n embdiff_cooccur "$embdiff cooccur $corpus --vocab-file vocab.txt --window 10 --memory 4 --threads 2 -o x.crec"
crec_check X.bin x.crec

echo "== 3. shuffle (seed 1) and glove 100d, x_max 100, $iter iterations, 2 threads, model 0, on the same shuffled file"
hyperfine --runs 1 --export-json shuffle.json \
  -n c_shuffle "$bin/shuffle -verbose 0 -seed 1 -memory 2.0 -temp-file $work/tshuf < X.bin > X.shuf.bin" \
  -n embdiff_shuffle "$embdiff shuffle X.bin --seed 1 --memory 2 -o x.shuf.crec"
hyperfine --runs 1 --export-json glove.json --show-output \
  -n c_glove "$bin/glove -input-file X.shuf.bin -vocab-file vocab.txt -save-file c_vectors -vector-size 100 -x-max 100 -iter $iter -threads 2 -model 0 -binary 0 -write-header 0 -seed 1 -verbose 2" \
  -n embdiff_glove "$embdiff train glove --input X.shuf.bin --vocab-file vocab.txt --vector-size 100 --x-max 100 --iter $iter --threads 2 --model 0 --seed 1 -o e_vectors.txt --json e_glove.json"

echo "== 4. quality: bundled tweets sample, min-count 5, window 10, 50d, x_max 10, 15 iterations, same records"
mkdir -p "$work/q" && cd "$work/q"
zcat "$here/data/corpora/tweeteval-train-sample.txt.gz" > tweets.txt
"$bin/vocab_count" -verbose 0 -min-count 5 < tweets.txt > vocab.txt
"$bin/cooccur" -verbose 0 -vocab-file vocab.txt -window-size 10 -memory 1.0 -overflow-file "$work/q/ovf" < tweets.txt > X.bin
"$bin/shuffle" -verbose 0 -seed 1 -memory 1.0 -temp-file "$work/q/tshuf" < X.bin > X.shuf.bin
hyperfine --runs 1 --export-json quality.json --show-output \
  -n c_glove50 "$bin/glove -input-file X.shuf.bin -vocab-file vocab.txt -save-file c50 -vector-size 50 -x-max 10 -iter 15 -threads 2 -model 2 -binary 0 -write-header 0 -seed 1 -verbose 2" \
  -n embdiff_glove50 "$embdiff train glove --input X.shuf.bin --vocab-file vocab.txt --vector-size 50 --x-max 10 --iter 15 --threads 2 --model 2 --seed 1 -o e50.txt --json e50.json"
"$embdiff" eval c50.txt e50.txt --no-analogies
uptime; date -u
