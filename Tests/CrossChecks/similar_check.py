"""Cross-check of practiced's similar-case text cosine against scikit-learn on the exported corpus.

Reads DIR/counts.mtx, DIR/terms.txt, DIR/cases.txt (written by `practiced export --out DIR`) and
DIR/answers.json ({query case id: {case id: components.text}}, from `practiced similar` with the
places weighing as any word). Builds the same space independently: each term counts for itself
and for each of its 2- and 3-character pieces (words of 3+ characters), a term's weight
count^0.75 × idf by TfidfTransformer(smooth_idf=True, norm="l2", sublinear_tf=False) over those
powered counts; prints one JSON line with the largest absolute difference of the cosines.
"""
import json
import sys

import numpy as np
import scipy.io
import scipy.sparse
from sklearn.feature_extraction.text import TfidfTransformer

directory = sys.argv[1]
counts = scipy.io.mmread(f"{directory}/counts.mtx").tocsr()
terms = open(f"{directory}/terms.txt", encoding="utf-8").read().split("\n")[: counts.shape[1]]
cases = open(f"{directory}/cases.txt", encoding="utf-8").read().split()
answers = json.load(open(f"{directory}/answers.json", encoding="utf-8"))

column = {term: index for index, term in enumerate(terms)}
rows, columns = [], []
for index, term in enumerate(terms):
    rows.append(index)
    columns.append(index)
    if len(term) >= 3:
        for length in (2, 3):
            if length < len(term):
                for start in range(len(term) - length + 1):
                    piece = term[start:start + length]
                    if piece not in column:
                        column[piece] = len(column)
                    rows.append(index)
                    columns.append(column[piece])
expansion = scipy.sparse.csr_matrix((np.ones(len(rows)), (rows, columns)), shape=(len(terms), len(column)))
expanded = (counts @ expansion).tocsr()
expanded.data = expanded.data ** 0.75
vectors = TfidfTransformer(smooth_idf=True, norm="l2", sublinear_tf=False).fit_transform(expanded).tocsr()
cosines = (vectors @ vectors.T).toarray()
row = {case: index for index, case in enumerate(cases)}
difference, compared = 0.0, 0
for query, found in answers.items():
    for case, text in found.items():
        difference = max(difference, abs(cosines[row[query], row[case]] - text))
        compared += 1
print(json.dumps({"columns": len(column), "compared": compared, "max_abs_difference": difference}))
