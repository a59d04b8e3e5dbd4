#!/usr/bin/env python3
"""Is a change of the same-story similarity beyond noise? Paired bootstrap
over the pairs of each language pair, from two `eval-similarity
--features` dumps of the same pairs (before, after): the change of the
Pearson (sign flipped, as eval-similarity prints it), its 95 % interval
over 2,000 resamples (seed 1), the share of resamples with no gain, and
the smallest and largest change when any one pair is left out. Standard
library only; no text is printed.

    python3 scripts/similarity-bootstrap.py BEFORE.csv AFTER.csv de-de,es-es,pl-pl
"""
import csv
import random
import sys

from similarity_stats import pearson


def load(path):
    with open(path, newline="", encoding="utf-8") as f:
        return {r["row"]: r for r in csv.DictReader(f)}


def main():
    before, after = load(sys.argv[1]), load(sys.argv[2])
    rng = random.Random(1)
    for pair in sys.argv[3].split(","):
        keys = [k for k, r in before.items() if r["pair"] == pair and k in after]
        x = [float(before[k]["similarity"]) for k in keys]
        y = [float(after[k]["similarity"]) for k in keys]
        o = [float(before[k]["overall"]) for k in keys]
        n = len(keys)

        def change(idx):
            return -pearson([y[i] for i in idx], [o[i] for i in idx]) + pearson([x[i] for i in idx], [o[i] for i in idx])

        whole = change(range(n))
        boot = sorted(change([rng.randrange(n) for _ in range(n)]) for _ in range(2000))
        loo = [change([i for i in range(n) if i != j]) for j in range(n)]
        no_gain = sum(1 for d in boot if d <= 0) / len(boot)
        print(f"{pair} n={n} change {whole:+.4f} 95% [{boot[49]:+.4f}, {boot[1949]:+.4f}] "
              f"no gain in {no_gain:.3f}; one pair left out [{min(loo):+.4f}, {max(loo):+.4f}]")


if __name__ == "__main__":
    main()
