#!/usr/bin/env bash
# practiced import on 1, 2, 4, 8 and 64 MB: the three shipped collections one after another,
# repeated to the size (their case numbers repeat, so the cases are numbered in order of
# appearance), imported by the release build to standard output (thrown away). Each size: best
# wall time of ROUNDS runs (default 2; the machine is shared), peak memory, cases; and the time
# less the start (loading the division table: the time to import the smallest collection alone).
# No other tool imports these documents. As a yardstick on the same machine and file, python3
# reads, decodes and splits the file into lines and clauses (one pass, linear; its own time
# without the interpreter's start), and iconv converts it to GB18030.
# Writes Benchmarks/results/import.json and prints it.
#   PRACTICED=path   another build (the figures before the importer was made linear)
#   LIMIT=seconds    a run that takes longer is stopped and written as null (default 600)
#   SIZES="1 2 4 8"  other sizes, in MB (10^6 bytes)   OUT=file  another result file
set -euo pipefail
cd "$(dirname "$0")/../.."
practiced=${PRACTICED:-.build/release/practiced}
limit=${LIMIT:-600}
rounds=${ROUNDS:-2}
sizes=${SIZES:-1 2 4 8 64}
out=${OUT:-Benchmarks/results/import.json}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$(dirname "$out")"

for mb in $sizes; do
  python3 - "$WORK/collections-${mb}mb.txt" "$mb" Models/sources/*.txt <<'PY'
import sys
out, mb, sources = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
block = b"".join(open(path, "rb").read().rstrip(b"\n") + b"\n\n" for path in sources)
copies = max(1, round(mb * 1_000_000 / len(block)))
open(out, "wb").write(block * copies)
PY
done

# The start: practiced import on the 14.6 KB collection alone.
/usr/bin/time -f '%e' -o "$WORK/time" "$practiced" import Models/sources/000_fec52221f5d9a716.txt --out - >/dev/null 2>&1
start=$(cat "$WORK/time")

rows=()
for mb in $sizes; do
  file="$WORK/collections-${mb}mb.txt"
  best="" peak="" cases=""
  for round in $(seq "$rounds"); do
    if /usr/bin/time -f '%e %M' -o "$WORK/time" timeout "$limit" "$practiced" import "$file" --out - \
         >/dev/null 2>"$WORK/summary"; then
      read -r seconds kb < "$WORK/time"
      cases=$(sed -n 's/^.*: \([0-9]*\) cases.*$/\1/p' "$WORK/summary" | head -1)
      if [ -z "$best" ] || awk "BEGIN {exit !($seconds < $best)}"; then best=$seconds peak=$kb; fi
    else
      break  # stopped at the limit (or failed): one such run says enough
    fi
  done
  reference=$(python3 -c '
import re, sys, time
started = time.perf_counter()
text = open(sys.argv[1], encoding="utf-8").read()
clauses = sum(len(re.split("[，。；！？]", line)) for line in text.splitlines())
print(round(time.perf_counter() - started, 3))
' "$file")
  iconv_seconds=$( { /usr/bin/time -f '%e' iconv -f UTF-8 -t GB18030 "$file" >/dev/null; } 2>&1 | tail -1)
  rows+=("$(stat -c %s "$file") ${best:-null} ${peak:-null} ${cases:-null} $reference $iconv_seconds")
done

python3 - "$out" "$practiced" "$limit" "$start" "${rows[@]}" <<'PY' | tee "$out"
import json, os, sys
out, practiced, limit, start, rows = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), sys.argv[5:]
def number(text):
    return None if text == "null" else float(text)
runs = []
for row in rows:
    size, seconds, peak, cases, python, iconv = row.split()
    seconds = number(seconds)
    work = round(seconds - start, 2) if seconds else None
    runs.append({
        "bytes": int(size), "seconds": seconds, "seconds_less_start": work,
        "mb_per_s": round(int(size) / 1e6 / work, 2) if work else None,
        "peak_rss_kb": None if peak == "null" else int(peak), "cases": None if cases == "null" else int(cases),
        "python_split_seconds": float(python), "iconv_gb18030_seconds": float(iconv),
        "ratio_to_python": round(work / float(python), 1) if work else None,
    })
print(json.dumps({"practiced": practiced, "cores": os.cpu_count(), "start_seconds": start,
                  "stopped_after_seconds": limit, "runs": runs}, indent=1))
PY
