#!/usr/bin/env python3
"""Chooses the weight of the prefix cosine beside the language terms'
(`PREFIX_WEIGHT_WITHIN`, `PREFIX_WEIGHT_ACROSS` in src/overlap/similarity.rs)
from two feature dumps of `corroborate eval-similarity --folds 5`: one with
the language terms alone (`--prefix-weights 0,0`), one with the prefixes
alone (`--prefix-weights 1e9,1e9`). Since the similarity is
(terms + w * prefixes) / (1 + w), its Pearson for any w follows from the two.

For the monolingual pairs and for the cross-language pairs apart, prints each
language pair's -Pearson (higher is better) at each weight of a grid, the
weight with the best mean over the pairs, and each pair's figure when the
weight is chosen on the other pairs only (leave one language pair out).
Development only, standard library.

    ./target/release/corroborate eval-similarity ../shared/data/similarity/semeval2022-task8-train-all.csv --folds 5 --prefix-weights 0,0 --features /tmp/terms.csv
    ./target/release/corroborate eval-similarity ../shared/data/similarity/semeval2022-task8-train-all.csv --folds 5 --prefix-weights 1e9,1e9 --features /tmp/prefixes.csv
    python3 scripts/similarity-weights.py /tmp/terms.csv /tmp/prefixes.csv
"""

import csv
import sys
from collections import defaultdict

from similarity_stats import pearson

GRID = [0.0, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0]


def score(rows: list[tuple[float, float, float]], w: float) -> float:
    return -pearson([t + w * p for _, t, p in rows], [o for o, _, _ in rows])


def main(terms_path: str, prefixes_path: str) -> None:
    terms = {r["row"]: r for r in csv.DictReader(open(terms_path, encoding="utf-8"))}
    prefixes = {r["row"]: r for r in csv.DictReader(open(prefixes_path, encoding="utf-8"))}
    groups: dict[str, dict[str, list[tuple[float, float, float]]]] = {
        "within one language": defaultdict(list),
        "across languages": defaultdict(list),
    }
    for row, t in terms.items():
        p = prefixes.get(row)
        if p is None:
            continue
        a, b = t["pair"].split("-")
        group = "within one language" if a == b else "across languages"
        groups[group][t["pair"]].append((float(t["overall"]), float(t["similarity"]), float(p["similarity"])))
    for name, pairs in groups.items():
        print(f"{name}:")
        print("pair    " + "".join(f"{w:>7}" for w in GRID) + "   left out: weight, figure")
        for pair in sorted(pairs):
            others = [q for q in pairs if q != pair]
            chosen = max(GRID, key=lambda w: sum(score(pairs[q], w) for q in others) / len(others))
            figures = "".join(f"{score(pairs[pair], w):7.3f}" for w in GRID)
            print(f"{pair:8}{figures}   {chosen:>5} {score(pairs[pair], chosen):.3f}")
        means = [sum(score(pairs[q], w) for q in pairs) / len(pairs) for w in GRID]
        print("mean    " + "".join(f"{m:7.4f}" for m in means))
        best = GRID[max(range(len(GRID)), key=lambda i: means[i])]
        print(f"best mean: weight {best}\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
