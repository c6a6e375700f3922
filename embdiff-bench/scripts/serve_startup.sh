#!/usr/bin/env bash
# Start-up of `embdiff serve`: seconds from launching the process to the first successful word-view
# answer (HTTP 200 with the word found), then to the shift table being ready. Default: the bundled
# data; any serve arguments can be given instead.
# Usage: serve_startup.sh [WORD] [SERVE_ARGS...]     (default WORD: the)
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
word=${1:-the}
shift || true
"$here/embdiff" --version > /dev/null   # build the jar first, outside the measurement
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
log=$(mktemp)
start=$(date +%s.%N)
"$here/embdiff" serve --port "$port" "$@" > "$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -f "$log"' EXIT
until curl -sf "http://127.0.0.1:$port/api/word?w=$word&k=10" 2>/dev/null | grep -q '"found":true'; do
  kill -0 $server 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.05
done
first=$(date +%s.%N)
cpu_first=$(awk -v t="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / t}' "/proc/$server/stat")
until curl -sf "http://127.0.0.1:$port/api/meta" | grep -q '"shiftReady":true,"domainReady":true'; do
  kill -0 $server 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.2
done
ready=$(date +%s.%N)
awk -v s="$start" -v f="$first" -v r="$ready" -v c="$cpu_first" 'BEGIN {printf "first word view after %.2f s (%s s of server CPU by then); shift table and domain terms ready after %.2f s\n", f - s, c, r - s}'
grep "ready in" "$log" || true
uptime
