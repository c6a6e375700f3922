#!/usr/bin/python3
"""Peer for `embdiff transfer`: the same protocol with scikit-learn (Debian python3-sklearn).

Usage: transfer_peer.py VECTORS_A VECTORS_B LEXICON TASK [SPLITS]
TASK: bing-liu | afinn-sign. Trains LogisticRegression(C=1, liblinear) on A's standardised vectors
for each of SPLITS seeded 80/20 word splits and prints in-domain accuracy and log loss (mean and
t-interval), and the same for B's vectors mapped into A by an affine least-squares map fitted on
the shared words minus the test words. Splits differ from embdiff's (another RNG), so compare the
means within their intervals, not split by split.
"""
import gzip, sys, time
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss
from sklearn.preprocessing import StandardScaler

def load(path):
    words, rows = [], []
    with gzip.open(path, 'rt', encoding='utf-8', errors='replace') as f:
        for line in f:
            t = line.rstrip('\n').split(' ')
            if len(t) < 3:
                continue
            words.append(t[0]); rows.append(np.asarray(t[1:], dtype=np.float32))
    return {w: i for i, w in enumerate(words)}, np.vstack(rows)

def lexicon(path, task):
    out, conflict = {}, set()
    for line in open(path, encoding='utf-8'):
        w, lab = line.rstrip('\n').split('\t')[:2]
        w = w.lower()
        if task == 'afinn-sign':
            v = int(lab)
            if v == 0:
                continue
            lab = 'positive' if v > 0 else 'negative'
        if w in out and out[w] != lab:
            conflict.add(w)
        out.setdefault(w, lab)
    return {w: l for w, l in out.items() if w not in conflict}

def main():
    t0 = time.time()
    ia, A = load(sys.argv[1]); ib, B = load(sys.argv[2])
    task = sys.argv[4]; splits = int(sys.argv[5]) if len(sys.argv) > 5 else 10
    lex = lexicon(sys.argv[3], task)
    shared = [w for w in ia if w in ib]
    words = [w for w in lex if w in ia and w in ib]
    y = np.array([lex[w] == 'positive' for w in words], dtype=int)
    XA = A[[ia[w] for w in words]]; XB = B[[ib[w] for w in words]]
    rng = np.random.default_rng(42)
    acc_in, loss_in, acc_x, loss_x = [], [], [], []
    for s in range(splits):
        perm = rng.permutation(len(words)); nt = round(0.2 * len(words))
        test, train = perm[:nt], perm[nt:]
        test_words = {words[i] for i in test}
        anchors = [w for w in shared if w not in test_words]
        Xs = np.hstack([B[[ib[w] for w in anchors]], np.ones((len(anchors), 1))])
        Ys = A[[ia[w] for w in anchors]]
        W, *_ = np.linalg.lstsq(Xs.astype(np.float64), Ys.astype(np.float64), rcond=None)
        scaler = StandardScaler().fit(XA[train])
        clf = LogisticRegression(C=1.0, solver='liblinear').fit(scaler.transform(XA[train]), y[train])
        p = clf.predict_proba(scaler.transform(XA[test]))
        acc_in.append((p.argmax(1) == y[test]).mean()); loss_in.append(log_loss(y[test], p, labels=[0, 1]))
        mapped = np.hstack([XB[test], np.ones((len(test), 1))]) @ W
        p = clf.predict_proba(scaler.transform(mapped))
        acc_x.append((p.argmax(1) == y[test]).mean()); loss_x.append(log_loss(y[test], p, labels=[0, 1]))
    from statistics import mean, stdev
    t = {10: 2.262, 5: 2.776, 3: 4.303}.get(splits, 2.0)
    for name, v in (('in-domain accuracy', acc_in), ('in-domain log loss', loss_in),
                    ('cross-domain accuracy', acc_x), ('cross-domain log loss', loss_x)):
        h = t * stdev(v) / len(v) ** 0.5
        print(f'{name:24s} {mean(v):.3f} [{mean(v) - h:.3f}, {mean(v) + h:.3f}]')
    print(f'words {len(words)}, shared {len(shared)}, seconds {time.time() - t0:.1f}')

if __name__ == '__main__':
    main()
