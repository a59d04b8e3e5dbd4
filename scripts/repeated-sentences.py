#!/usr/bin/env python3
"""How much boilerplate the SemEval texts of each language hold: lines and
sentences (over 25 characters) found verbatim in at least K different
texts of the language (K default 3). Prints counts only, no text. Standard
library only.

    python3 scripts/repeated-sentences.py CSV [K]
"""
import collections
import csv
import re
import sys


def main():
    path = sys.argv[1]
    k = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    csv.field_size_limit(10**9)
    texts = {}
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            ids = row["pair_id"].split("_")
            for i, key in enumerate(("1", "2")):
                texts[(ids[i] if i < len(ids) else row["pair_id"], row["lang" + key])] = row["text" + key]
    by_lang = collections.defaultdict(list)
    for (_, lang), text in texts.items():
        by_lang[lang].append(text)
    print("lang texts lines/text  sentences  in>=%d_texts  their_occurrences" % k)
    for lang in sorted(by_lang):
        count = collections.Counter()
        total = 0
        lines = 0
        for text in by_lang[lang]:
            lines += len([x for x in text.split("\n") if x.strip()])
            parts = {x.strip() for x in re.split(r"(?<=[.!?])\s+|\n+", text) if len(x.strip()) > 25}
            total += len(parts)
            count.update(parts)
        repeated = [c for c in count.values() if c >= k]
        n = len(by_lang[lang])
        print(f"{lang} {n} {lines / n:.1f} {total} {len(repeated)} {sum(repeated)}")


if __name__ == "__main__":
    main()
