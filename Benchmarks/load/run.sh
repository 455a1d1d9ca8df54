#!/usr/bin/env bash
# Load on the daemon over its Unix socket: /v1/health (the transport floor) and /v1/recommend,
# with 1 and 16 keep-alive connections, by `practiced bench load`. Beside it, the same generator
# against nginx serving a static JSON file on a Unix socket (the reference: a C server's floor
# on this machine, in the same run). Resident memory of the daemon before and after.
# Usage: Benchmarks/load/run.sh [seconds per run, default 10]
#        LONG=1 Benchmarks/load/run.sh   also 1,000,000 recommendations in ten runs of 100,000 on 16
#        connections, with the daemon's resident memory after each (errors and memory over time).
set -euo pipefail
cd "$(dirname "$0")/../.."
source Benchmarks/lib/nginx.sh
SECONDS_PER_RUN=${1:-10}
P=.build/release/practiced
WORK=$(mktemp -d)
trap 'kill $DAEMON 2>/dev/null || true; [ -n "${NGINX:-}" ] && kill $NGINX 2>/dev/null || true; rm -rf "$WORK"' EXIT
OUT=Benchmarks/results/load.jsonl
: > "$OUT"

$P serve --socket "$WORK/practiced.sock" 2>"$WORK/serve.log" &
DAEMON=$!
for _ in $(seq 100); do [ -S "$WORK/practiced.sock" ] && break; sleep 0.1; done
echo '{"level":"county","terrain":["mountain"],"economy":"former_poverty","text":"山区贫困县，健康素养低，看病难"}' > "$WORK/profile.json"
rss() { awk '/VmRSS/ {print $2}' /proc/$DAEMON/status; }
echo "{\"daemon_rss_kb_start\": $(rss)}" >> "$OUT"
for connections in 1 16; do
  $P bench load --socket "$WORK/practiced.sock" --connections $connections --duration "$SECONDS_PER_RUN" --path /v1/health >> "$OUT"
  $P bench load --socket "$WORK/practiced.sock" --connections $connections --duration "$SECONDS_PER_RUN" --path /v1/recommend --body "$WORK/profile.json" >> "$OUT"
done
echo "{\"daemon_rss_kb_end\": $(rss)}" >> "$OUT"
if [ "${LONG:-}" = 1 ]; then
  for chunk in $(seq 10); do
    $P bench load --socket "$WORK/practiced.sock" --connections 16 --duration 100000 --requests 100000 \
      --path /v1/recommend --body "$WORK/profile.json" | sed "s/^{/{\"chunk\":$chunk,\"daemon_rss_kb\":RSS,/" > "$WORK/chunk.json"
    sed "s/RSS/$(rss)/" "$WORK/chunk.json" >> "$OUT"
  done
fi

if command -v nginx >/dev/null; then
  mkdir -p "$WORK/www/v1"
  curl -s --unix-socket "$WORK/practiced.sock" http://x/v1/health > "$WORK/www/v1/health"
  start_nginx "$WORK" "$WORK/www"
  for connections in 1 16; do
    $P bench load --socket "$WORK/nginx.sock" --connections $connections --duration "$SECONDS_PER_RUN" --path /v1/health \
      | sed 's/^{/{"server":"nginx",/' >> "$OUT"
  done
fi
cat "$OUT"
