"""Reference side of the SVD benchmark: scikit-learn on the same counts.mtx.

TfidfTransformer(sublinear_tf=True, smooth_idf=True, norm="l2") then TruncatedSVD(k,
algorithm="randomized", n_iter=5); loading is not timed. The counts are released once weighted
(practiced's benchmark does the same), so that peak memory compares the SVDs, not what is kept. Prints one JSON line, with the
process's peak resident memory (MiB).
"""
import json
import resource
import sys
import time

import scipy.io
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfTransformer

path, k = sys.argv[1], int(sys.argv[2])
counts = scipy.io.mmread(path).tocsr()
after_load = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
started = time.perf_counter()
weights = TfidfTransformer(sublinear_tf=True, smooth_idf=True, norm="l2").fit_transform(counts)
tfidf_seconds = time.perf_counter() - started
shape, nonzeros = counts.shape, int(counts.nnz)
del counts
started = time.perf_counter()
svd = TruncatedSVD(n_components=k, algorithm="randomized", n_iter=5, random_state=0).fit(weights)
svd_seconds = time.perf_counter() - started
print(json.dumps({
    "tool": "scikit-learn", "documents": shape[0], "terms": shape[1], "nonzeros": nonzeros, "k": k,
    "tfidf_seconds": tfidf_seconds, "svd_seconds": svd_seconds,
    "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "peak_mib_after_load": after_load,
    "sigma_1": float(svd.singular_values_[0]),
}, sort_keys=True))
