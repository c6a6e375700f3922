#!/usr/bin/env python3
"""gensim Word2Vec skip-gram with the settings of ../shared/peers/gensim_w2v.py (100d, window 5, 5 negatives,
min-count 5, sample 1e-4), a seed, and the vectors saved in word2vec text format for the quality comparison.
Usage: sgns_w2v.py CORPUS EPOCHS WORKERS OUT.vec [SEED]"""
import sys, time
from gensim.models import Word2Vec
from gensim.models.word2vec import LineSentence
path, epochs, workers, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
seed = int(sys.argv[5]) if len(sys.argv) > 5 else 1
t0 = time.perf_counter()
m = Word2Vec(LineSentence(path), vector_size=100, window=5, negative=5, sg=1, min_count=5, epochs=epochs,
             workers=workers, sample=1e-4, seed=seed)
t1 = time.perf_counter()
print(f"train_s {t1-t0:.2f} words {m.corpus_total_words} vocab {len(m.wv)} words_per_s {m.corpus_total_words*epochs/(t1-t0):.0f}")
m.wv.save_word2vec_format(out)
