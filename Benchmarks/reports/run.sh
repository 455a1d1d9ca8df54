#!/usr/bin/env bash
# Reports for all 2,978 county-level divisions (profiles from the gazetteer: profiles.py) in
# HTML, Markdown and CSV, by the release build on this machine's cores; wall time and peak
# memory from /usr/bin/time. Goal: within 60 s on 2 cores. Writes Benchmarks/results/reports.json.
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p Benchmarks/results
python3 Benchmarks/reports/profiles.py "$WORK/counties.jsonl"
.build/release/practiced build >/dev/null   # the model is ready: its build is not part of the figure
/usr/bin/time -f '%e %M' -o "$WORK/time" .build/release/practiced report --profiles "$WORK/counties.jsonl" --out "$WORK/out" >/dev/null
read -r seconds peak_kb < "$WORK/time"
files=$(find "$WORK/out" -type f | wc -l)
bytes=$(du -sb "$WORK/out" | cut -f1)
echo "{\"regions\": $(wc -l < "$WORK/counties.jsonl"), \"formats\": \"html,md,csv\", \"cores\": $(nproc), \"seconds\": $seconds, \"peak_rss_kb\": $peak_kb, \"files\": $files, \"bytes\": $bytes}" \
  | tee Benchmarks/results/reports.json
