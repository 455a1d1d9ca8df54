#!/usr/bin/env bash
# Segmentation side by side, in one run, on the same 10 MB of case text (the seeds repeated):
# practiced (release build) against rjieba (jieba-rs), single thread, three interleaved rounds
# (this machine is noisy: each side's best round is compared); lexicon load times against
# rjieba's and jieba's. Writes Benchmarks/results/tokenize.json and prints it.
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p Benchmarks/results
input=Benchmarks/results/seeds-10mb.txt
python3 - "$input" <<'PY'
import sys, glob
texts = [open(p, encoding="utf-8").read() for p in sorted(glob.glob("Models/sources/*.txt"))]
texts.append(open("Tests/AnalyzerTests/Fixtures/004_5a58676f7c40b71f.txt", encoding="utf-8").read())
block = "\n".join(texts)
out, size = [], 0
while size < 10_000_000:
    out.append(block)
    size += len(block.encode("utf-8")) + 1
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(out))
PY
rounds=()
for round in 1 2 3; do
  rounds+=("$(.build/release/practiced bench tokenize --input "$input" --no-domain --repeats 3)")
  rounds+=("$(.venv-bench/bin/python Benchmarks/tokenize/reference.py "$input" 3)")
done
python3 - "${rounds[@]}" <<'PY' | tee Benchmarks/results/tokenize.json
import json, sys
results = [json.loads(line) for line in sys.argv[1:]]
ours = [r for r in results if r.get("kernel") == "tokenize"]
theirs = [r for r in results if r.get("tool") == "rjieba"]
best_ours = max(ours, key=lambda r: r["mb_per_s"])
best_theirs = max(theirs, key=lambda r: r["mb_per_s"])
pairs = [o["mb_per_s"] / t["mb_per_s"] for o, t in zip(ours, theirs)]
print(json.dumps({
    "practiced_mb_per_s": [round(r["mb_per_s"], 2) for r in ours],
    "rjieba_mb_per_s": [round(r["mb_per_s"], 2) for r in theirs],
    "throughput_ratio_best": best_ours["mb_per_s"] / best_theirs["mb_per_s"],
    "throughput_ratio_per_round": [round(p, 2) for p in pairs],
    "practiced_load_ms": min(r["load_ms"] for r in ours),
    "rjieba_load_ms": min(r["load_ms"] for r in theirs),
    "jieba_load_ms": min(r["jieba_load_ms"] for r in theirs),
}, sort_keys=True))
PY
Benchmarks/tokenize/cycles.sh "$input" | tee Benchmarks/results/tokenize-cycles.json
