"""Cross-check of practiced's TF-IDF against scikit-learn on the exported corpus.

Reads DIR/counts.mtx and DIR/tfidf.mtx (written by `practiced export --out DIR`), computes
TfidfTransformer(sublinear_tf=True, smooth_idf=True, norm="l2") on the counts, and prints one
JSON line: shapes, non-zeros and the largest absolute difference.
"""
import json
import sys

import scipy.io
from sklearn.feature_extraction.text import TfidfTransformer

directory = sys.argv[1]
counts = scipy.io.mmread(f"{directory}/counts.mtx").tocsr()
ours = scipy.io.mmread(f"{directory}/tfidf.mtx").tocsr()
reference = TfidfTransformer(sublinear_tf=True, smooth_idf=True, norm="l2").fit_transform(counts)
difference = abs(reference - ours)
print(json.dumps({
    "rows": counts.shape[0], "columns": counts.shape[1],
    "nonzeros": int(counts.nnz), "reference_nonzeros": int(reference.nnz),
    "max_abs_difference": float(difference.max()) if difference.nnz else 0.0,
}))
