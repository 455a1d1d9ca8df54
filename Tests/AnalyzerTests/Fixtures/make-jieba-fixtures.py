#!/usr/bin/python3
"""Segments the seed documents with python3-jieba (precise mode, HMM on, no user dictionary)
and writes, for each document, one line per input line: jieba's tokens separated by single
spaces, whitespace tokens left out — the format of `practiced tokenize`.

Run with Debian's interpreter, which has python3-jieba:
    /usr/bin/python3 Tests/AnalyzerTests/Fixtures/make-jieba-fixtures.py
"""
import logging
import os

import jieba

jieba.setLogLevel(logging.ERROR)
here = os.path.dirname(os.path.abspath(__file__))
root = os.path.normpath(os.path.join(here, "..", "..", ".."))
documents = [
    os.path.join(root, "Models", "sources", "000_fec52221f5d9a716.txt"),
    os.path.join(root, "Models", "sources", "001_2c0caaffe9a8f491.txt"),
    os.path.join(root, "Models", "sources", "003_4a8c5636681108ed.txt"),
    os.path.join(here, "004_5a58676f7c40b71f.txt"),
]
for path in documents:
    name = os.path.basename(path)[:3]
    with open(path, encoding="utf-8") as source:
        text = source.read()
    # Lines as Swift's split on "\n" gives them.
    lines = text.split("\n")
    out = os.path.join(here, "jieba-%s.txt" % name)
    with open(out, "w", encoding="utf-8") as target:
        for line in lines:
            tokens = [t for t in jieba.cut(line, cut_all=False, HMM=True) if t.strip()]
            target.write(" ".join(tokens) + "\n")
    print("wrote", out)
