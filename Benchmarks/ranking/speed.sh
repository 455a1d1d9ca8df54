#!/usr/bin/env bash
# The ranking's cost, two binaries side by side in the same run (this machine's speed drifts):
# CLI `recommend` with start-up, and the daemon's CPU per request (utime + stime from
# /proc/PID/stat over 5 s of 16 connections on /v1/recommend, after 2 s of warm-up).
# Usage: Benchmarks/ranking/speed.sh OLD_BINARY [NEW_BINARY, default .build/release/practiced]
# (OLD_BINARY: e.g. a release build of the previous commit, copied aside before rebuilding.)
# SIMILAR=1 measures similar cases instead: CLI `similar 001-18`, and the daemon's CPU per
# request on GET /v1/cases/001-18/similar?top=10 and POST /v1/similar (a text).
set -euo pipefail
cd "$(dirname "$0")/../.."
OLD=${1:?usage: $0 OLD_BINARY [NEW_BINARY]} NEW=${2:-.build/release/practiced}
WORK=$(mktemp -d)
trap 'kill ${PID:-} 2>/dev/null || true; rm -rf "$WORK"' EXIT
ticks=$(getconf CLK_TCK)
if [ "${SIMILAR:-0}" = 1 ]; then
  cli=(similar 001-18); routes=("/v1/cases/001-18/similar?top=10" /v1/similar)
  echo '{"text": "建立健康科普专家库，通过电视和新媒体开展科普", "top": 10}' > "$WORK/body.json"
else
  cli=(recommend --text "山区贫困县，健康素养低，看病难"); routes=(/v1/recommend)
  echo '{"level":"county","terrain":["mountain"],"economy":"former_poverty","text":"山区贫困县，健康素养低，看病难"}' > "$WORK/body.json"
fi
for round in 1 2 3; do
  for name in OLD NEW; do
    start=$(date +%s.%N); ${!name} "${cli[@]}" > /dev/null; end=$(date +%s.%N)
    echo "{\"binary\": \"$name\", \"cli_${cli[0]}_s\": $(echo "$end - $start" | bc)}"
  done
done
for route in "${routes[@]}"; do
  # A GET route has no body (the bench sends a GET without --body).
  body=(); case "$route" in /v1/cases/*) ;; *) body=(--body "$WORK/body.json") ;; esac
for round in 1 2; do
  for name in OLD NEW; do
    socket="$WORK/$name.sock"
    ${!name} serve --socket "$socket" 2>/dev/null & PID=$!
    for _ in $(seq 100); do [ -S "$socket" ] && break; sleep 0.1; done
    $NEW bench load --socket "$socket" --connections 16 --duration 2 --path "$route" "${body[@]}" > /dev/null
    before=$(awk '{print $14 + $15}' /proc/$PID/stat)
    requests=$($NEW bench load --socket "$socket" --connections 16 --duration 5 --path "$route" "${body[@]}" \
      | python3 -c "import json, sys; print(json.load(sys.stdin)['requests'])")
    after=$(awk '{print $14 + $15}' /proc/$PID/stat)
    echo "{\"binary\": \"$name\", \"route\": \"$route\", \"requests_in_5s\": $requests, \"cpu_us_per_request\": $(echo "($after - $before) * 1000000 / $ticks / $requests" | bc)}"
    kill $PID; wait $PID 2>/dev/null || true
  done
done
done
