#!/usr/bin/env bash
# Word-view latency of `embdiff serve` on a 400,000 x 300 space under 8 concurrent clients (wrk).
# Both sides are the same synthetic file (make_vectors.py), so every request searches 2 x 400,000
# rows; words are drawn at random over the whole vocabulary (each wrk thread its own seed), so
# almost every request misses the neighbour cache ("cold"); a second run repeats 500 words, which
# after the first pass are all cached ("warm").
# Usage: [SERVE_ARGS="--search-words 100000"] serve_word_latency.sh [WORK_DIR] [DURATION]
#        (default /tmp/embdiff-serve-bench, 30s; needs wrk, ~1.1 GB disk)
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
work=${1:-/tmp/embdiff-serve-bench}
duration=${2:-30s}
mkdir -p "$work"
vectors="$work/v400k300.txt"
if [ ! -f "$vectors" ]; then
  python3 "$here/../shared/peers/make_vectors.py" 400000 300 "$vectors"
fi
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
function request() return wrk.format("GET", "/api/word?w=w" .. (800 * math.random(0, 499)) .. "&k=10") end
LUA
url="http://127.0.0.1:$port"
curl -s "$url/api/word?w=w123&k=10" | head -c 300; echo
uptime
echo "== cold: random words over the whole vocabulary, 8 connections, 2 threads"
wrk -t2 -c8 -d"$duration" --timeout 10s --latency -s "$work/cold.lua" "$url"
uptime
echo "== warm: 500 repeated words (cached after the first pass), 8 connections, 2 threads"
wrk -t2 -c8 -d10s --timeout 10s -s "$work/warm.lua" "$url" > /dev/null
wrk -t2 -c8 -d"$duration" --timeout 10s --latency -s "$work/warm.lua" "$url"
uptime
