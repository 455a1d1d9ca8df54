#!/usr/bin/env bash
# The engine at library size (issue 16): the shipped corpus, then synthetic corpora of realistic
# cases (`practiced synth --corpus N`: shipped practices recombined, real counties). For each:
# `practiced build` (wall time, peak memory), the daemon's time to its first answer from a built
# model, recommend p50/p99 on one connection and req/s on 16 (`practiced bench load`), its
# resident memory. Beside them in the same run: scikit-learn's TF-IDF cosine top-10 over the
# same term counts (tfidf_top10.py) and nginx's static answer on a Unix socket (the transport
# floor: the same answer as a static file, Benchmarks/lib/nginx.sh). Results: Benchmarks/results/scale.jsonl.
# Usage: Benchmarks/scale/run.sh [sizes, default "5000"; LONG=1 adds 50000]
set -euo pipefail
cd "$(dirname "$0")/../.."
source Benchmarks/lib/nginx.sh
P=.build/release/practiced
PY=.venv-bench/bin/python
SIZES=${1:-5000}
[ "${LONG:-}" = 1 ] && SIZES="$SIZES 50000"
WORK=$(mktemp -d)
chmod 755 "$WORK"   # nginx workers (nobody) read the answers under it
trap 'kill ${DAEMON:-} ${NGINX:-} 2>/dev/null || true; rm -rf "$WORK"' EXIT
OUT=Benchmarks/results/scale.jsonl
: > "$OUT"
echo '{"level":"county","terrain":["mountain"],"economy":"former_poverty","text":"山区贫困县，健康素养低，看病难"}' > "$WORK/profile.json"

measure() {  # name, corpus directory, model directory
  local name=$1 corpus=$2 model=$3
  export CORPUS_DIRECTORY=$corpus MODEL_DIRECTORY=$model
  /usr/bin/time -f '%e %M' -o "$WORK/build.time" $P build > /dev/null
  read -r build_s build_kb < "$WORK/build.time"
  local socket="$WORK/$name.sock" started ready
  started=$(date +%s.%N)
  $P serve --socket "$socket" 2> "$WORK/serve.log" & DAEMON=$!
  until curl -sf --unix-socket "$socket" http://x/v1/health > /dev/null 2>&1; do sleep 0.02; done
  ready=$(echo "$(date +%s.%N) - $started" | bc)
  one=$($P bench load --socket "$socket" --connections 1 --duration 5 --path /v1/recommend --body "$WORK/profile.json")
  many=$($P bench load --socket "$socket" --connections 16 --duration 5 --path /v1/recommend --body "$WORK/profile.json")
  local rss; rss=$(awk '/VmRSS/ {print $2}' /proc/$DAEMON/status)
  # The transport floor: nginx serving this very answer as a static file, same generator.
  mkdir -p "$WORK/www-$name/v1"
  curl -s --unix-socket "$socket" -X POST --data-binary @"$WORK/profile.json" http://x/v1/recommend > "$WORK/www-$name/v1/recommend"
  kill $DAEMON; wait $DAEMON 2>/dev/null || true
  start_nginx "$WORK/nginx-$name" "$WORK/www-$name" 2>/dev/null
  for connections in 1 16; do
    $P bench load --socket "$NGINX_SOCKET" --connections $connections --duration 5 --path /v1/recommend \
      | sed "s/^{/{\"corpus\": \"$name\", \"server\": \"nginx static answer\", /" >> "$OUT"
  done
  kill $NGINX; wait $NGINX 2>/dev/null || true
  python3 - "$name" "$build_s" "$build_kb" "$ready" "$rss" "$one" "$many" >> "$OUT" <<'PY'
import json, sys
name, build_s, build_kb, ready, rss, one, many = sys.argv[1:]
one, many = json.loads(one), json.loads(many)
print(json.dumps({"corpus": name, "build_s": float(build_s), "build_peak_mb": int(build_kb) // 1024, "ready_s": float(ready),
                  "p50_us_1": one["p50_us"], "p99_us_1": one["p99_us"], "req_s_16": many["requests_per_second"],
                  "errors": one["errors"] + many["errors"], "daemon_rss_mb": int(rss) // 1024}))
PY
  $P export --out "$WORK/export-$name" > /dev/null
  $PY Benchmarks/scale/tfidf_top10.py "$WORK/export-$name/counts.mtx" 1000 | sed "s/^{/{\"corpus\": \"$name\", /" >> "$OUT"
}

measure shipped "$PWD/Models/corpus" "$WORK/model-shipped"
for size in $SIZES; do
  $P synth --corpus "$size" --out "$WORK/corpus-$size" > /dev/null
  measure "$size" "$WORK/corpus-$size" "$WORK/model-$size"
done
cat "$OUT"
