#!/usr/bin/env bash
# The ranking's cost, two binaries side by side in the same run (this machine's speed drifts):
# CLI `recommend` with start-up, and the daemon's CPU per request (utime + stime from
# /proc/PID/stat over 5 s of 16 connections on /v1/recommend, after 2 s of warm-up).
# Usage: Benchmarks/ranking/speed.sh OLD_BINARY [NEW_BINARY, default .build/release/practiced]
# (OLD_BINARY: e.g. a release build of the previous commit, copied aside before rebuilding.)
set -euo pipefail
cd "$(dirname "$0")/../.."
OLD=${1:?usage: $0 OLD_BINARY [NEW_BINARY]} NEW=${2:-.build/release/practiced}
WORK=$(mktemp -d)
trap 'kill ${PID:-} 2>/dev/null || true; rm -rf "$WORK"' EXIT
ticks=$(getconf CLK_TCK)
for round in 1 2 3; do
  for name in OLD NEW; do
    start=$(date +%s.%N); ${!name} recommend --text "山区贫困县，健康素养低，看病难" > /dev/null; end=$(date +%s.%N)
    echo "{\"binary\": \"$name\", \"cli_recommend_s\": $(echo "$end - $start" | bc)}"
  done
done
echo '{"level":"county","terrain":["mountain"],"economy":"former_poverty","text":"山区贫困县，健康素养低，看病难"}' > "$WORK/profile.json"
for round in 1 2; do
  for name in OLD NEW; do
    socket="$WORK/$name.sock"
    ${!name} serve --socket "$socket" 2>/dev/null & PID=$!
    for _ in $(seq 100); do [ -S "$socket" ] && break; sleep 0.1; done
    $NEW bench load --socket "$socket" --connections 16 --duration 2 --path /v1/recommend --body "$WORK/profile.json" > /dev/null
    before=$(awk '{print $14 + $15}' /proc/$PID/stat)
    requests=$($NEW bench load --socket "$socket" --connections 16 --duration 5 --path /v1/recommend --body "$WORK/profile.json" \
      | python3 -c "import json, sys; print(json.load(sys.stdin)['requests'])")
    after=$(awk '{print $14 + $15}' /proc/$PID/stat)
    echo "{\"binary\": \"$name\", \"requests_in_5s\": $requests, \"cpu_us_per_request\": $(echo "($after - $before) * 1000000 / $ticks / $requests" | bc)}"
    kill $PID; wait $PID 2>/dev/null || true
  done
done
