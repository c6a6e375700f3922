#!/usr/bin/env bash
# Full-size single-machine comparison (issue 13 item 5): `embdiff compare` of a 1,193,514 x 200
# space against a 400,000 x 300 space (synthetic, ../shared/peers/make_vectors.py) with synthetic
# Zipf-like frequency lists, under GNU time. Targets: peak RSS < 8 GB, wall < 3 min on 2 cores; the
# domain shift includes neighbour overlap (k = 10 and 100: --overlap-k 100) over the 100,000 most frequent shared words.
# Usage: embdiff-bench/scripts/fullsize_compare.sh [WORKDIR]   (default /tmp/embdiff-fullsize; ~3.1 GB of files)
# EMBDIFF_JAVA_OPTS is passed through (default here: -Xmx7g -Xmn1g: the heap below the RSS target, and an old
# generation of 6 GB for the ~5 GB live set of the two spaces, their reduced copies and the per-word tables);
# EMBDIFF_COMPARE_ARGS are extra compare options (default: --overlap-k 100).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${1:-/tmp/embdiff-fullsize}"
peers="${EMBDIFF_PEERS:-}"
if [ -z "$peers" ]; then
  for candidate in "$here/../shared/peers" "$here/../../shared/peers"; do
    [ -f "$candidate/make_vectors.py" ] && { peers="$candidate"; break; }
  done
fi
[ -f "${peers:-/nonexistent}/make_vectors.py" ] || { echo "make_vectors.py not found; set EMBDIFF_PEERS" >&2; exit 2; }
mkdir -p "$work"
a="$work/a1193k200.txt" b="$work/b400k300.txt" fa="$work/fa.tsv" fb="$work/fb.tsv"
# make_vectors.py is single-threaded Python: ~10-20 min for the 2.0 GB file, once
[ -s "$a" ] || { echo "making $a ..." >&2; python3 "$peers/make_vectors.py" 1193514 200 "$a.tmp" && mv "$a.tmp" "$a"; }
[ -s "$b" ] || { echo "making $b ..." >&2; python3 "$peers/make_vectors.py" 400000 300 "$b.tmp" && mv "$b.tmp" "$b"; }
# word<TAB>count: Zipf counts jittered by a factor in [0.5, 1.5), so ranks differ from row order and between the sides
freq() { awk -v n="$1" -v seed="$2" 'BEGIN { srand(seed); for (i = 0; i < n; i++) { c = int(1e9 / (i + 1) * (0.5 + rand())) + 1; print "w" i "\t" c } }'; }
[ -s "$fa" ] || freq 1193514 1 > "$fa"
[ -s "$fb" ] || freq 400000 2 > "$fb"
"$here/embdiff" --version >&2 # builds the jar if needed, outside the timed run
export EMBDIFF_JAVA_OPTS="${EMBDIFF_JAVA_OPTS:--Xmx7g -Xmn1g}"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
rm -rf "$work/report"
/usr/bin/time -v -o "$work/time.txt" "$here/embdiff" compare \
  --a "a=vectors:$a,freq:$fa" --b "b=vectors:$b,freq:$fb" ${EMBDIFF_COMPARE_ARGS:---overlap-k 100} \
  --out "$work/report" > "$work/compare.out" 2> "$work/compare.err"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
python3 - "$work" "$load_before" "$load_after" <<'PY'
import json, re, sys
work, before, after = sys.argv[1:4]
t = open(work + "/time.txt").read()
get = lambda k: re.search(re.escape(k) + r": (.*)", t).group(1).strip()
h = json.load(open(work + "/report/report.json"))["header"]
print("| what | value |\n|---|---|")
print("| load average (1, 5, 15 min) before / after | %s / %s |" % (before, after))
print("| JDK, kernels | %s, %s |" % (h["java"], h["kernelProvider"]))
print("| wall (GNU time) | %s |" % get("Elapsed (wall clock) time (h:mm:ss or m:ss)"))
print("| user + sys CPU | %.1f s |" % (float(get("User time (seconds)")) + float(get("System time (seconds)"))))
print("| peak RSS | %.2f GB |" % (int(get("Maximum resident set size (kbytes)")) / 1024 / 1024))
print("| report total (in-process) | %.1f s |" % h["totalSeconds"])
for s in sorted(h["stages"], key=lambda s: -s["seconds"]):
    print("| stage: %s (%s) | %.1f s |" % (s["stage"], s["status"], s["seconds"]))
PY
