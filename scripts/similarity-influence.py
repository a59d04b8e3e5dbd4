#!/usr/bin/env python3
"""Which pairs of one language pair pull its same-story figure down most:
for each pair of an `eval-similarity --features` dump, how much the
Pearson (sign flipped, as eval-similarity prints it) rises when that pair is
left out. Prints the CSV row (1-based, as the dump's `row`), the rating,
the similarity, the containment and that rise; no text. Standard library
only.

    python3 scripts/similarity-influence.py FEATURES.csv PAIR [N]

e.g. `de-de 8` for the eight German pairs that weigh most.
"""
import csv
import sys

from similarity_stats import pearson


def main():
    path, pair = sys.argv[1], sys.argv[2]
    top = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    with open(path, newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["pair"] == pair]
    sim = [float(r["similarity"]) for r in rows]
    rating = [float(r["overall"]) for r in rows]
    whole = -pearson(sim, rating)
    rise = []
    for j in range(len(rows)):
        s = sim[:j] + sim[j + 1:]
        o = rating[:j] + rating[j + 1:]
        rise.append(-pearson(s, o) - whole)
    print(f"{pair}: {len(rows)} pairs, {whole:.3f}")
    print("row   overall  similarity  containment  rise_without_it")
    for j in sorted(range(len(rows)), key=lambda j: -rise[j])[:top]:
        r = rows[j]
        print(f"{r['row']:>5} {float(r['overall']):7.2f}  {sim[j]:10.4f}  {float(r['containment']):11.4f}  {rise[j]:+.4f}")


if __name__ == "__main__":
    main()
