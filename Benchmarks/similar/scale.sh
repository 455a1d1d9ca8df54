#!/usr/bin/env bash
# Similar cases at library size, two binaries side by side in the same run: a synthetic corpus
# (`practiced synth --corpus N`), built by each; then for each daemon its resident memory
# before and after the first similar request, that first request's time (the similarity space
# and the hubness are built on first use), and p50 of similar by id and by text on one
# connection (`practiced bench load`). Results: one JSON line per binary.
# Usage: Benchmarks/similar/scale.sh SIZE OLD_BINARY [NEW_BINARY, default .build/release/practiced]
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZE=${1:?usage: $0 SIZE OLD_BINARY [NEW_BINARY]} OLD=${2:?usage: $0 SIZE OLD_BINARY [NEW_BINARY]} NEW=${3:-.build/release/practiced}
WORK=$(mktemp -d)
trap 'kill ${DAEMON:-} 2>/dev/null || true; rm -rf "$WORK"' EXIT
"$NEW" synth --corpus "$SIZE" --out "$WORK/corpus" > /dev/null
ID=$(head -1 "$WORK"/corpus/*.jsonl | python3 -c "import json, sys; print(json.loads(sys.stdin.readline())['id'])")
echo '{"text": "建立健康科普专家库，通过电视和新媒体开展科普", "top": 10}' > "$WORK/body.json"
rss() { awk '/VmRSS/ {print int($2 / 1024)}' /proc/$DAEMON/status; }
for name in OLD NEW; do
  export CORPUS_DIRECTORY="$WORK/corpus" MODEL_DIRECTORY="$WORK/model-$name"
  ${!name} build > /dev/null 2>&1
  socket="$WORK/$name.sock"
  ${!name} serve --socket "$socket" 2> /dev/null & DAEMON=$!
  until curl -sf --unix-socket "$socket" http://x/v1/health > /dev/null 2>&1; do sleep 0.05; done
  before=$(rss)
  start=$(date +%s.%N)
  curl -sf --unix-socket "$socket" "http://x/v1/cases/$ID/similar?top=10" > /dev/null
  first=$(echo "$(date +%s.%N) - $start" | bc)
  after=$(rss)
  byid=$("$NEW" bench load --socket "$socket" --connections 1 --duration 5 --path "/v1/cases/$ID/similar?top=10")
  bytext=$("$NEW" bench load --socket "$socket" --connections 1 --duration 5 --path /v1/similar --body "$WORK/body.json")
  python3 - "$name" "$SIZE" "$before" "$first" "$after" "$(rss)" "$byid" "$bytext" <<'PY'
import json, sys
name, size, before, first, after, end, byid, bytext = sys.argv[1:]
byid, bytext = json.loads(byid), json.loads(bytext)
print(json.dumps({"binary": name, "cases": int(size), "rss_mb_ready": int(before), "first_similar_s": float(first),
                  "rss_mb_after_first": int(after), "rss_mb_end": int(end), "p50_us_by_id": byid["p50_us"],
                  "p50_us_by_text": bytext["p50_us"], "errors": byid["errors"] + bytext["errors"]}))
PY
  kill $DAEMON; wait $DAEMON 2>/dev/null || true
done
