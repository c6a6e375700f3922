#!/usr/bin/env bash
# Word-view latency of `embdiff serve` on the bundled data (GloVe 6B 100d vs GloVe Twitter 25d, their
# frequency lists and corpus samples) under 8 concurrent clients (wrk): each request a random word of
# the shared vocabulary (the words of both vector files) with the neighbour cache at one entry
# (--cache-words 1), so every request searches ("cold"); after the background preparation and 10 s of
# unmeasured requests.
# Usage: serve_bundled_latency.sh [WORK_DIR] [DURATION]   (default /tmp/embdiff-serve-bundled, 20s; needs wrk)
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
work=${1:-/tmp/embdiff-serve-bundled}
duration=${2:-20s}
mkdir -p "$work"
python3 - "$here/data/embeddings" "$work/words.lua" <<'PY'
import gzip, sys, urllib.parse, random
d, out = sys.argv[1], sys.argv[2]
def words(f):
    with gzip.open(f, "rt", encoding="utf-8", errors="replace") as fh:
        return [line.split(" ", 1)[0] for line in fh]
a = words(d + "/glove.6B.100d.twitter12k-vocab.txt.gz")
b = set(words(d + "/glove.twitter.27B.25d.embedplyr12k.txt.gz"))
shared = [w for w in a if w in b]
random.Random(5).shuffle(shared)
with open(out, "w") as f:
    f.write("words = {" + ",".join('"%s"' % urllib.parse.quote(w, safe="") for w in shared) + "}\n")
PY
cat >> "$work/words.lua" <<'LUA'
local n = 0
function setup(thread) n = n + 1; thread:set("id", n) end
function init(args) i = id * 1499 end
function request() i = i + 1; return wrk.format("GET", "/api/word?k=10&w=" .. words[(i % #words) + 1]) end
LUA
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$here/embdiff" serve --port "$port" --cache-words 1 > "$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
until curl -s "http://127.0.0.1:$port/api/meta" 2>/dev/null | grep -q '"shiftReady":true,"domainReady":true'; do
  kill -0 $server 2>/dev/null || { cat "$work/serve.log"; exit 1; }
  sleep 1
done
cat "$work/serve.log"
url="http://127.0.0.1:$port"
ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }
wrk -t2 -c8 -d10s --timeout 10s -s "$work/words.lua" "$url" | grep "requests in"
uptime
before=$(cpu)
out=$(wrk -t2 -c8 -d"$duration" --timeout 10s --latency -s "$work/words.lua" "$url")
after=$(cpu)
echo "$out"
echo "$out" | awk -v c=$((after - before)) -v t="$ticks" '/requests in/ {printf "server CPU: %.2f ms per request (%d requests)\n", 1000 * c / t / $1, $1}'
uptime
