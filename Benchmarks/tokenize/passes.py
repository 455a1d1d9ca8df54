"""rjieba over the lines of a file, N passes (for counting cycles with perf stat)."""
import sys

import rjieba

lines = [line for line in open(sys.argv[1], encoding="utf-8").read().split("\n") if line]
tokens = 0
for _ in range(int(sys.argv[2])):
    for line in lines:
        tokens += len(rjieba.cut(line))
print(tokens)
