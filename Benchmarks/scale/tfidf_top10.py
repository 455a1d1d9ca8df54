#!/usr/bin/env python3
"""The reference a Python user would write: scikit-learn's TF-IDF over the same case term
counts the product exports (counts.mtx, cases × terms), a query as a TF-IDF row, the cosine by
one sparse matrix–vector product, the top 10 by argpartition. Prints one JSON line: the load
time and the per-query p50/p99 in microseconds over QUERIES queries (each a random case's first
terms, so that every query hits real postings).
Usage: tfidf_top10.py COUNTS_MTX [QUERIES]"""
import json, sys, time
import numpy as np
import scipy.io
from sklearn.feature_extraction.text import TfidfTransformer

started = time.perf_counter()
counts = scipy.io.mmread(sys.argv[1]).tocsr()
transformer = TfidfTransformer(sublinear_tf=True, smooth_idf=True, norm="l2").fit(counts)
matrix = transformer.transform(counts).tocsr()
load_s = time.perf_counter() - started
rng = np.random.default_rng(1)
queries = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
times = []
for _ in range(queries):
    row = counts[rng.integers(counts.shape[0])]
    query = row.copy()
    keep = query.indices[:12]  # a profile's dozen words
    query = scipy.sparse.csr_matrix((np.ones(len(keep)), (np.zeros(len(keep), dtype=int), keep)), shape=(1, counts.shape[1]))
    t = time.perf_counter()
    q = transformer.transform(query)
    scores = (matrix @ q.T).toarray().ravel()
    top = np.argpartition(-scores, 10)[:10]
    top = top[np.argsort(-scores[top])]
    times.append((time.perf_counter() - t) * 1e6)
times.sort()
print(json.dumps({"reference": "sklearn tfidf top10", "cases": counts.shape[0], "load_s": load_s,
                  "p50_us": times[len(times) // 2], "p99_us": times[int(len(times) * 0.99)]}))
