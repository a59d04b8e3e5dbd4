#!/usr/bin/env python3
"""Issue 19: is the sentence-support learner or its features the limit?

Reads the features `corroborate eval-paraphrase --dump FILE` writes (one
row per MSRP pair: label, a figure conflicts, the engine's answer, the
conflicting facts, then each judged sentence's features) and scores other
learners the way eval-paraphrase does: 10 folds by pair position (pair i in
fold i mod 10), a sentence-level fit, the pair "not the same" when a figure
conflicts or a sentence on its unsupported side falls under a threshold
chosen on the training folds. `--synonyms` adds features from word pairs
learned per fold (content words left unaligned in "same" pairs).

    ./target/release/corroborate eval-paraphrase --dump /tmp/dump.tsv
    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install numpy scikit-learn
    /tmp/venv/bin/python scripts/paraphrase_learners.py /tmp/dump.tsv [--synonyms]

Development only: nothing here ships, and no data is written.
"""
import collections
import re
import sys

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression

PAIRS = "../shared/data/paraphrase/msrp-train.txt"
FOLDS = 10

rows = []
for line in open(sys.argv[1], encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    judged = [j.split(":", 1) for j in f[5:]]
    rows.append((f[0] == "1", f[1] == "1", [[float(x) for x in v.split(",")] for _, v in judged], [int(a) for a, _ in judged]))
X = np.array([x for r in rows for x in r[2]])
P = np.array([i for i, r in enumerate(rows) for _ in r[2]])
SIDE = np.array([a for r in rows for a in r[3]])
Y = np.array([r[0] for r in rows])
CONFLICT = np.array([r[1] for r in rows])
D = X.shape[1] // 2
# as the engine decides: the sentence that carries less of the other
UNSUPPORTED_SIDE = (X[:, 0] <= X[:, D]) | (X[:, 0] < 0.5)

STOP = set("the a an of to in on at for and or but is are was were be been has have had it its this that with by as "
           "from he she they we i you his her their our said says will would".split())


def words(s):
    return [w for w in re.findall(r"[a-z0-9]+", s.lower()) if w not in STOP and len(w) > 1]


def unaligned(a, b):
    sb, pb = set(b), {w[:5] for w in b}
    return [w for w in set(a) if w not in sb and w[:5] not in pb]


def learn_synonyms(texts, idx):
    co, df = collections.Counter(), collections.Counter()
    for i in idx:
        a, b = texts[i]
        for w in set(a) | set(b):
            df[w] += 1
        if rows[i][0]:
            for x in unaligned(a, b):
                for y in unaligned(b, a):
                    co[(x, y)] += 1
                    co[(y, x)] += 1
    return {k for k, c in co.items() if c >= 2 and c / min(df[k[0]], df[k[1]]) >= 0.1}


def synonym_features(texts, i, side, syn):
    a, b = texts[i] if side == 0 else (texts[i][1], texts[i][0])
    left, theirs = unaligned(a, b), set(unaligned(b, a))
    hit = sum(1 for x in left if any((x, y) in syn for y in theirs))
    return [len(left) - hit, hit, (len(left) - hit) / max(1, len(set(a)))]


def pairs_said_same(p, t, idx):
    bad = np.zeros(len(rows), bool)
    np.logical_or.at(bad, P[(p < t) & UNSUPPORTED_SIDE], True)
    return (~(bad | CONFLICT))[idx]


def run(make, texts=None):
    pred = np.zeros(len(rows), bool)
    for k in range(FOLDS):
        train = np.arange(len(rows)) % FOLDS != k
        feats = X
        if texts is not None:
            syn = learn_synonyms(texts, np.where(train)[0])
            extra = np.array([synonym_features(texts, i, s, syn) + synonym_features(texts, i, 1 - s, syn)
                              for i, s in zip(P, SIDE)])
            feats = np.hstack([X, extra])
        m = make()
        m.fit(feats[train[P]], Y[P[train[P]]])
        p = m.predict_proba(feats)[:, 1]
        tr, te = np.where(train)[0], np.where(~train)[0]
        best = max(np.arange(0.2, 0.8, 0.01), key=lambda t: (pairs_said_same(p, t, tr) == Y[tr]).mean())
        pred[te] = pairs_said_same(p, best, te)
    acc = (pred == Y).mean()
    tp = (pred & Y).sum()
    prec, rec = tp / pred.sum(), tp / Y.sum()
    return f"accuracy {acc:.3f}  F1 {2 * prec * rec / (prec + rec):.3f}"


print("logistic", run(lambda: LogisticRegression(C=1.0, max_iter=3000)), flush=True)
if "--synonyms" in sys.argv:
    raw = [l.rstrip("\n").split("\t") for l in open(PAIRS, encoding="utf-8-sig")][1:]
    texts = [(words(r[3]), words(r[4])) for r in raw]
    print("logistic + learned synonyms", run(lambda: LogisticRegression(C=1.0, max_iter=3000), texts), flush=True)
else:
    for depth in (2, 3):
        print(f"boosted trees, depth {depth}",
              run(lambda: HistGradientBoostingClassifier(max_depth=depth, max_iter=100, learning_rate=0.05,
                                                         l2_regularization=1.0)), flush=True)
