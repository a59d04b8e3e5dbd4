#!/usr/bin/env python3
"""Learned combinations of the same-story features, measured per language
pair (README "Languages", ninth round). Reads three `eval-similarity
--features` dumps of the same pairs: the shipped similarity, the language
terms alone (`--prefix-weights 0,0`) and the prefixes alone
(`--prefix-weights 1e9,1e9`), and prints for each monolingual pair the
shipped Pearson (sign flipped) beside

  * a ridge regression fit within that language alone (features
    standardized on the training part), 5 folds as `--folds 5` (pair i of
    the file in fold i % 5), and its training figure;
  * one combination pooled over all monolingual languages (features and
    ratings centred per language), scored on each language left out of the
    fit (LOLO) and in 5 folds.

Standard library only. No text is printed.

    python3 scripts/similarity-combination.py BASE.csv TERMS.csv PREFIXES.csv [FEATURES] [LAMBDA]

FEATURES is a comma list of terms, prefixes, similarity, containment, named,
person, place, organization, date, number (default terms,prefixes,containment).
"""
import csv
import math
import sys

from similarity_stats import pearson


def load(path):
    with open(path, newline="", encoding="utf-8") as f:
        return {int(r["row"]): r for r in csv.DictReader(f)}


def solve(a, b):
    """Gaussian elimination with partial pivoting (a is small and SPD)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c and m[c][c] != 0:
                f = m[r][c] / m[c][c]
                m[r] = [x - f * y for x, y in zip(m[r], m[c])]
    return [m[i][n] / m[i][i] if m[i][i] else 0.0 for i in range(n)]


def ridge(xs, ys, lam):
    d = len(xs[0])
    a = [[sum(x[i] * x[j] for x in xs) + (lam if i == j else 0.0) for j in range(d)] for i in range(d)]
    b = [sum(x[i] * y for x, y in zip(xs, ys)) for i in range(d)]
    return solve(a, b)


def centred(groups):
    xs, ys = [], []
    for x, y in groups:
        d = len(x[0])
        mx = [sum(r[i] for r in x) / len(x) for i in range(d)]
        my = sum(y) / len(y)
        xs += [[r[i] - mx[i] for i in range(d)] for r in x]
        ys += [v - my for v in y]
    return xs, ys


def dot(w, x):
    return sum(a * b for a, b in zip(w, x))


def main():
    base, terms, prefixes = (load(p) for p in sys.argv[1:4])
    use = (sys.argv[4] if len(sys.argv) > 4 else "terms,prefixes,containment").split(",")
    lam = float(sys.argv[5]) if len(sys.argv) > 5 else 1.0
    get = {
        "terms": lambda k: float(terms[k]["similarity"]),
        "prefixes": lambda k: float(prefixes[k]["similarity"]),
    }
    for name in ["similarity", "containment", "named", "person", "place", "organization", "date", "number"]:
        get[name] = (lambda n: lambda k: float(base[k][n]))(name)
    pairs = sorted({r["pair"] for r in base.values() if r["pair"][:2] == r["pair"][3:]})
    data = {}
    for p in pairs:
        rows = sorted(k for k, r in base.items() if r["pair"] == p)
        x = [[get[f](k) for f in use] for k in rows]
        y = [-float(base[k]["overall"]) for k in rows]
        sim = [float(base[k]["similarity"]) for k in rows]
        fold = [(k - 1) % 5 for k in rows]
        data[p] = (x, y, sim, fold)
    print(f"features {','.join(use)}, ridge {lam}")
    print("pair     n  shipped  own:train  own:5fold  pooled:5fold  pooled:LOLO")
    for p, (x, y, sim, fold) in data.items():
        def own(train):
            tx = [r for r, t in zip(x, train) if t]
            ty = [v for v, t in zip(y, train) if t]
            d = len(use)
            mu = [sum(r[i] for r in tx) / len(tx) for i in range(d)]
            sd = [math.sqrt(sum((r[i] - mu[i]) ** 2 for r in tx) / len(tx)) or 1.0 for i in range(d)]
            z = [[(r[i] - mu[i]) / sd[i] for i in range(d)] for r in tx]
            zc, yc = centred([(z, ty)])
            w = ridge(zc, yc, lam * len(tx) / 100)
            return lambda r: dot(w, [(r[i] - mu[i]) / sd[i] for i in range(d)])
        f_all = own([True] * len(x))
        held = [0.0] * len(x)
        pooled = [0.0] * len(x)
        for k in range(5):
            f = own([g != k for g in fold])
            w5 = ridge(*centred([([r for r, g in zip(q[0], q[3]) if g != k], [v for v, g in zip(q[1], q[3]) if g != k]) for q in data.values()]), lam)
            for i, g in enumerate(fold):
                if g == k:
                    held[i] = f(x[i])
                    pooled[i] = dot(w5, x[i])
        wl = ridge(*centred([(q[0], q[1]) for o, q in data.items() if o != p]), lam)
        lolo = [dot(wl, r) for r in x]
        train = [f_all(r) for r in x]
        print(f"{p}  {len(x):4}  {pearson(sim, y):.3f}    {pearson(train, y):.3f}      {pearson(held, y):.3f}      "
              f"{pearson(pooled, y):.3f}         {pearson(lolo, y):.3f}")


if __name__ == "__main__":
    main()
