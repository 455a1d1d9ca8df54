"""Reference side of the neighbours benchmark: faiss IndexFlatIP on the same .f32 vectors.

Vectors are L2-normalised (so inner product = cosine, as practiced computes), then: the top
T+1 neighbours of every vector (all pairs; the vector itself is among them), and 200 single
queries on one thread. Loading is not timed. Prints one JSON line.
"""
import json
import sys
import time

import faiss
import numpy as np

path, dim, top = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
vectors = np.fromfile(path, dtype="<f4").reshape(-1, dim).copy()
faiss.normalize_L2(vectors)
index = faiss.IndexFlatIP(dim)
index.add(vectors)
started = time.perf_counter()
index.search(vectors, top + 1)
all_pairs = time.perf_counter() - started
faiss.omp_set_num_threads(1)
step = max(len(vectors) // 200, 1)
times = []
for row in range(0, len(vectors), step)[:200]:
    started = time.perf_counter()
    index.search(vectors[row:row + 1], top + 1)
    times.append((time.perf_counter() - started) * 1000)
times.sort()
print(json.dumps({"tool": "faiss IndexFlatIP", "vectors": len(vectors), "dim": dim, "top": top,
                  "all_pairs_seconds": all_pairs, "query_median_ms": times[len(times) // 2]}, sort_keys=True))
