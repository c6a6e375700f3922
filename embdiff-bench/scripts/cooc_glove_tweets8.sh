#!/usr/bin/env bash
# Co-occurrence and GloVe training on tweets8.txt against the Stanford C reference numbers
# (issue 4: cooccur -window-size 10 -memory 4.0 -> 9,753,548 records summing to 93,015,757.1111031
# in 14.8 s; glove -vector-size 100 -x-max 100 -iter 10 -threads 2 -model 0 -> ~12.6 s/iteration,
# costs below). Checks the record count, the sum (1e-9 relative) and the cost curve (3% from
# iteration 3), and prints wall and CPU times.
# Usage: cooc_glove_tweets8.sh [WORK_DIR]   (default /tmp/embdiff-tweets8; needs ~1 GB of disk)
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
work=${1:-/tmp/embdiff-tweets8}
mkdir -p "$work"
if [ ! -f "$work/tweets8.txt" ]; then
  bash "$here/../shared/peers/make_corpus.sh" "$work" >/dev/null
fi
embdiff="$here/embdiff"
t() { /usr/bin/time -f "%e s wall, %U s user, %S s sys, %M KB max RSS" "$@"; }

echo "== vocabulary + co-occurrence (vocabulary counted first, as vocab_count; not part of the C 14.8 s)"
t "$embdiff" cooccur "$work/tweets8.txt" --min-count 5 --window 10 -o "$work/vocab-run.crec" --threads 2 --memory 4 \
  --vocab-out "$work/vocab.txt" > "$work/vocab-run.log"
cat "$work/vocab-run.log"
echo "== co-occurrence with the vocabulary file (as the C run)"
t "$embdiff" cooccur "$work/tweets8.txt" --vocab-file "$work/vocab.txt" --window 10 --memory 4 --threads 2 \
  -o "$work/cooccurrence.bin" --json "$work/cooccur.json" | tee "$work/cooccur.log"
/usr/bin/python3 - "$work/cooccur.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))["summary"]
ref_n, ref_sum = 9753548, 93015757.1111031
rel = abs(s["sum"] - ref_sum) / ref_sum
print(f"records {s['records']:,} (C {ref_n:,}) {'OK' if s['records'] == ref_n else 'MISMATCH'}; "
      f"sum {s['sum']:.7f} (C {ref_sum}) relative difference {rel:.2e} {'OK' if rel < 1e-9 else 'MISMATCH'}")
PY
echo "== shuffle"
t "$embdiff" shuffle "$work/cooccurrence.bin" -o "$work/cooccurrence.shuf.bin" --seed 1
echo "== glove -vector-size 100 -x-max 100 -iter 10 -threads 2 -model 0"
t "$embdiff" train glove --input "$work/cooccurrence.shuf.bin" --vocab-file "$work/vocab.txt" --vector-size 100 \
  --x-max 100 --iter 10 --threads 2 --model 0 --seed 1 -o "$work/vectors.txt" --json "$work/glove.json" \
  | tee "$work/glove.log"
/usr/bin/python3 - "$work/glove.json" <<'PY'
import json, sys
ref = [0.0644, 0.0443, 0.0390, 0.0346, 0.0308, 0.0277, 0.0253, 0.0234, 0.0218, 0.0205]
its = json.load(open(sys.argv[1]))["iterations"]
worst = 0
for it in sorted(its, key=lambda r: r["iteration"]):
    i = it["iteration"]
    d = (it["cost"] - ref[i - 1]) / ref[i - 1]
    if i >= 3:
        worst = max(worst, abs(d))
    print(f"iter {i:2d} cost {it['cost']:.4f} C {ref[i-1]:.4f} diff {100*d:+.1f}%  {it['seconds']:.2f} s")
print(f"worst deviation from iteration 3 on: {100*worst:.1f}% {'OK' if worst <= 0.03 else 'OUTSIDE 3%'}")
print(f"mean seconds/iteration: {sum(r['seconds'] for r in its)/len(its):.2f} (C: ~12.6)")
PY
