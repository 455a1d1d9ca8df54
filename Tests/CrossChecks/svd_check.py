"""Cross-check of practiced's SVD against numpy's exact SVD on the exported TF-IDF matrix.

Reads DIR/tfidf.mtx, DIR/sigma.txt and DIR/case_vectors.mtx (from `practiced export --out DIR`).
Prints one JSON line: the largest relative difference of the k singular values, and the largest
absolute difference of the case × case cosine similarities in the k-dimensional space (ours from
case_vectors.mtx, numpy's from its own U_k·Σ_k; cosines do not depend on the signs of singular
vectors, so they compare directly).
"""
import json
import sys

import numpy as np
import scipy.io

directory = sys.argv[1]
tfidf = scipy.io.mmread(f"{directory}/tfidf.mtx").toarray()
sigma = np.loadtxt(f"{directory}/sigma.txt", ndmin=1)
vectors = scipy.io.mmread(f"{directory}/case_vectors.mtx").toarray()
k = len(sigma)

u, s, _ = np.linalg.svd(tfidf, full_matrices=False)
reference_vectors = u[:, :k] * s[:k]


def cosines(matrix):
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    unit = matrix / np.where(norms == 0, 1, norms)
    return unit @ unit.T


print(json.dumps({
    "k": k, "cases": tfidf.shape[0], "terms": tfidf.shape[1],
    "max_relative_sigma_difference": float(np.max(np.abs(sigma - s[:k]) / s[:k])),
    "max_cosine_difference": float(np.max(np.abs(cosines(vectors) - cosines(reference_vectors)))),
}))
