#!/usr/bin/env python3
"""Per language pair, -Pearson of the similarity against Overall, on all the
pairs of a `corroborate eval-similarity --features FILE` dump and without the
pairs where either text begins with a given string (a site's page that is not
an article, for example). Standard library only.

    python3 scripts/similarity-subset.py CSV FEATURES PREFIX
"""
import csv
import sys

from similarity_stats import pearson


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    path, features, prefix = sys.argv[1:]
    csv.field_size_limit(1 << 30)
    with open(path, newline="", encoding="utf-8") as f:
        texts = [(r["text1"].strip(), r["text2"].strip()) for r in csv.DictReader(f)]
    with open(features, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    groups = {}
    for r in rows:
        t1, t2 = texts[int(r["row"]) - 1]
        drop = t1.startswith(prefix) or t2.startswith(prefix)
        groups.setdefault(r["pair"], []).append((float(r["similarity"]), float(r["overall"]), drop))
    print(f"{'pair':<8} {'pairs':>6} {'pearson':>8} {'kept':>6} {'pearson':>8}")
    for g in sorted(groups):
        all_ = groups[g]
        kept = [p for p in all_ if not p[2]]
        print(
            f"{g:<8} {len(all_):>6} {-pearson([p[0] for p in all_], [p[1] for p in all_]):>8.3f}"
            f" {len(kept):>6} {-pearson([p[0] for p in kept], [p[1] for p in kept]):>8.3f}"
        )


main()
