"""Writes the word frequencies of the wordfreq package (3.1.1; data CC BY-SA
4.0, see its README: Wikipedia, OpenSubtitles, news, books, web text,
Twitter, Reddit) for each language given, one file per language,
`<out>/<code>.tsv` with `word<TAB>frequency` lines, most frequent first, the
words wordfreq lists down to a frequency of `--min` (1e-7 by default).
Read by `corroborate build-lang-freq` (scripts/build-lang-freq.sh runs both).
Deterministic: wordfreq's lists are sorted by frequency, ties kept in its order.
"""
import argparse
import os
import sys

import wordfreq


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--min", type=float, default=1e-7)
    ap.add_argument("codes", nargs="+")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for code in args.codes:
        wordlist = "large" if code in wordfreq.available_languages("large") else "small"
        freqs = wordfreq.get_frequency_dict(code, wordlist)
        n = 0
        with open(os.path.join(args.out, code + ".tsv"), "w", encoding="utf-8", newline="\n") as f:
            f.write("# wordfreq %s %s list\n" % ("3.1.1", wordlist))
            for word, p in freqs.items():
                if p < args.min:
                    break
                if "\t" in word or "\n" in word:
                    continue
                f.write("%s\t%.4g\n" % (word, p))
                n += 1
        print("%s: %d words (%s list)" % (code, n, wordlist), file=sys.stderr)


if __name__ == "__main__":
    main()
