#!/usr/bin/env bash
# Word-view latency of `embdiff serve` on a 400,000 x 300 space under 8 concurrent clients (wrk).
# Both sides are the same synthetic file (make_vectors.py, converted once to the binary cache), so
# every request searches both sides; words are drawn at random over the whole vocabulary (each wrk
# thread its own seed), so almost every request misses the neighbour cache ("cold"); a second run
# repeats 100 words, all requested once before it, so every request is a cache hit ("warm"). The runs
# start after the background shift table is ready and 10 s of unmeasured requests (JIT compilation).
# After each run: the server's CPU time per request
# (user + sys from /proc), which load on the machine distorts less than latency.
# Usage: [SERVE_ARGS="--search-words 0"] serve_word_latency.sh [WORK_DIR] [DURATION]
#        (default /tmp/embdiff-serve-bench, 30s; needs wrk, ~1.6 GB disk)
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
work=${1:-/tmp/embdiff-serve-bench}
duration=${2:-30s}
mkdir -p "$work"
vectors="$work/v400k300.txt"
if [ ! -f "$vectors" ]; then
  python3 "$here/../shared/peers/make_vectors.py" 400000 300 "$vectors"
fi
if [ ! -f "$work/v400k300.emb" ]; then
  EMBDIFF_JAVA_OPTS=-Xmx4g "$here/embdiff" convert --to embdiff "$vectors" "$work/v400k300.emb"
fi
vectors="$work/v400k300.emb"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
EMBDIFF_JAVA_OPTS=${EMBDIFF_JAVA_OPTS:--Xmx8g} "$here/embdiff" serve --a "a=vectors:$vectors" --b "b=vectors:$vectors" \
  --table-words 5000 --port "$port" ${SERVE_ARGS:-} > "$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
until grep -q "ready in" "$work/serve.log"; do
  kill -0 $server 2>/dev/null || { cat "$work/serve.log"; exit 1; }
  sleep 1
done
grep "ready in" "$work/serve.log"
until curl -s "http://127.0.0.1:$port/api/meta" | grep -q '"shiftReady":true'; do sleep 1; done
grep "shift table" "$work/serve.log" || true
cat > "$work/cold.lua" <<'LUA'
local n = 0
function setup(thread) n = n + 1; thread:set("id", n) end
function init(args) math.randomseed(7919 * id) end
function request() return wrk.format("GET", "/api/word?w=w" .. math.random(0, 399999) .. "&k=10") end
LUA
cat > "$work/warm.lua" <<'LUA'
local n = 0
function setup(thread) n = n + 1; thread:set("id", n) end
function init(args) math.randomseed(31 * id) end
function request() return wrk.format("GET", "/api/word?w=w" .. (4000 * math.random(0, 99)) .. "&k=10") end
LUA
url="http://127.0.0.1:$port"
ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }
run() { # NAME LUA: wrk with latency percentiles, then CPU ms per request
  local before after out
  before=$(cpu)
  out=$(wrk -t2 -c8 -d"$duration" --timeout 10s --latency -s "$2" "$url")
  after=$(cpu)
  echo "$out"
  echo "$out" | awk -v c=$((after - before)) -v t="$ticks" '/requests in/ {printf "server CPU: %.1f ms per request (%d requests)\n", 1000 * c / t / $1, $1}'
}
curl -s "$url/api/word?w=w123&k=10" | head -c 300; echo
uptime
cat > "$work/warmup.lua" <<'LUA'
local n = 0
function setup(thread) n = n + 1; thread:set("id", n) end
function init(args) math.randomseed(104729 * id) end
function request() return wrk.format("GET", "/api/word?w=w" .. math.random(0, 399999) .. "&k=10") end
LUA
echo "== JIT warm-up (not measured): 10 s of random words with other seeds"
wrk -t2 -c8 -d10s --timeout 10s -s "$work/warmup.lua" "$url" | grep "requests in"
uptime
echo "== cold: random words over the whole vocabulary, 8 connections, 2 threads"
run cold "$work/cold.lua"
uptime
echo "== warm: 100 repeated words, each requested once before, 8 connections, 2 threads"
for i in $(seq 0 99); do curl -s -o /dev/null "$url/api/word?w=w$((4000 * i))&k=10"; done
run warm "$work/warm.lua"
uptime
