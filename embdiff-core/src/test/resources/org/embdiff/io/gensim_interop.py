#!/usr/bin/env python3
"""Loads vector files with gensim and prints, as JSON, the vectors and top-10 neighbours of the given words.

Usage: gensim_interop.py WORDS_FILE (binary|text) PATH [(binary|text) PATH ...]
Output: {"<path>": {"<word>": {"vector": [...], "neighbors": [[word, sim], ...]}}}
"""
import json
import sys

from gensim.models import KeyedVectors

words = [w for w in open(sys.argv[1], encoding="utf-8").read().split("\n") if w]
out = {}
args = sys.argv[2:]
for kind, path in zip(args[0::2], args[1::2]):
    kv = KeyedVectors.load_word2vec_format(path, binary=(kind == "binary"))
    result = {"_size": len(kv), "_dim": kv.vector_size}
    for w in words:
        result[w] = {
            "vector": [float(x) for x in kv[w]],
            "neighbors": [[n, float(s)] for n, s in kv.most_similar(w, topn=10)],
        }
    out[path] = result
json.dump(out, sys.stdout)
