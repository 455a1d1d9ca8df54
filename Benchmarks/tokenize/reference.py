"""Reference side of the segmentation benchmark: rjieba (jieba-rs) and jieba on the same input.

Prints one JSON line: rjieba's single-thread throughput on the file (line by line, as
`practiced bench tokenize` does), rjieba's and jieba's time to have their dictionary ready.
Run with an interpreter that has rjieba; jieba is timed in Debian's /usr/bin/python3.
"""
import json
import subprocess
import sys
import time

path = sys.argv[1]
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3

started = time.perf_counter()
import rjieba  # noqa: E402  (import time is part of rjieba's load)
rjieba.cut("预热")
rjieba_load = time.perf_counter() - started

with open(path, encoding="utf-8") as source:
    lines = [line for line in source.read().split("\n") if line]
size = sum(len(line.encode("utf-8")) + 1 for line in lines)
best = float("inf")
tokens = 0
for _ in range(repeats):
    started = time.perf_counter()
    tokens = 0
    for line in lines:
        tokens += len(rjieba.cut(line))
    best = min(best, time.perf_counter() - started)

jieba_load = float(subprocess.check_output([
    "/usr/bin/python3", "-c",
    "import time,logging;t=time.perf_counter();import jieba;jieba.setLogLevel(logging.ERROR);"
    "jieba.initialize();print(time.perf_counter()-t)",
]).decode().strip())

print(json.dumps({
    "tool": "rjieba", "bytes": size, "tokens": tokens, "seconds": best,
    "mb_per_s": size / 1e6 / best, "load_ms": rjieba_load * 1000, "jieba_load_ms": jieba_load * 1000,
}, sort_keys=True))
