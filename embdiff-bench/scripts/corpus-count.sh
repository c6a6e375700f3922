#!/usr/bin/env bash
# Whole-process timing of embdiff's corpus counting (embdiff vocab), the number to compare with
# Stanford GloVe's vocab_count (run side by side when `vocab_count` is on the PATH).
#   1. whitespace tokens of tweets8.txt (20.0M tokens), min-count 5, as `vocab_count -min-count 5`
#   2. the Twitter tokenizer (and its GloVe-Twitter mapping) on the raw TweetEval tweets (2.2M words)
#   3. the wiki (PTB) tokenizer on the same raw tweets
# Usage: corpus-count.sh [WORK_DIR] [RUNS]   (default /tmp/embdiff-corpus, 5 runs)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
shared="$(cd "$root/.." && pwd)/shared"
[ -d "$shared" ] || shared=/work/shared
work=${1:-/tmp/embdiff-corpus}
runs=${2:-5}
mkdir -p "$work"
[ -f "$work/tweets8.txt" ] || bash "$shared/peers/make_corpus.sh" "$work" >&2
[ -f "$work/tweets-raw.txt" ] || zcat $(find "$shared/data/corpora/twitter" -name '*_text.txt.gz' | LC_ALL=C sort) > "$work/tweets-raw.txt"
"$root/embdiff" vocab --help > /dev/null 2>&1   # builds the jar once, outside the timings

time_it() { # label, command...
  local label=$1; shift
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "$label: %e s wall, %U s user, %M KB max RSS" "$@" > /dev/null 2>> "$work/time.log"
  done
  grep "^$label:" "$work/time.log" | tail -n "$runs"
}
: > "$work/time.log"
echo "== $(date -u +%F) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
time_it "embdiff vocab whitespace tweets8 min5" "$root/embdiff" vocab "$work/tweets8.txt" --min-count 5
if command -v vocab_count > /dev/null; then
  time_it "vocab_count tweets8 min5" sh -c "vocab_count -min-count 5 -verbose 0 < '$work/tweets8.txt'"
else
  echo "(vocab_count not installed: compare with the recorded 1.85 s for tweets8.txt)"
fi
time_it "embdiff vocab twitter raw tweets" "$root/embdiff" vocab "$work/tweets-raw.txt" --tokenizer twitter
time_it "embdiff vocab twitter+glove raw tweets" "$root/embdiff" vocab "$work/tweets-raw.txt" --tokenizer twitter+glove
time_it "embdiff vocab wiki raw tweets" "$root/embdiff" vocab "$work/tweets-raw.txt" --tokenizer wiki
# tokens per run, from embdiff's own summary line
"$root/embdiff" vocab "$work/tweets-raw.txt" --tokenizer twitter 2>&1 > /dev/null | tail -1
"$root/embdiff" vocab "$work/tweets8.txt" --min-count 5 2>&1 > /dev/null | tail -1
