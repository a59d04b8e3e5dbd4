"""Writes `<out>/<code>/common.txt` for a language that writes its common
nouns with a capital (German): the language's frequent words that are not
names, so that the entity stage can tell "Hafen" and "Polizei" from
"Vasquez" and "Caldera". Reads the wordfreq dumps of scripts/wordfreq_dump.py
(`<lists>/<code>.tsv` and `<lists>/en.tsv`) and the English casing list.

A word of the language (letters only, 3 or more) seen at a frequency of
`--min` or more is common when English text uses it at most a tenth as
often (the language's own vocabulary: "polizei", "unglück"; a name
international news uses, "Putin", is not; `--foreign` compares with more
languages, measured worse: it loses "Firma" and "Foto"), or when
English uses it as often as `--min` too and writes it lowercase
("port", "film": the casing list, mined from WikiANN, does not list it).
The second kind is written with a leading "+": English words too
("Shipping" in "Caldera Shipping"), they are cut from the start of a name
only, not from its end. The language's first names and surnames (`--names`, from Faker's
locales) are never common; they are written with a leading "-", so that
no inflected form of a common word is read into them either ("Volker" is
no "Volk" with an ending). Other names that pass the test (German surnames and places are frequent in German
text and rarer in English) are kept apart at run time by the name
lexicons, so the list need not know them.

Deterministic: one word per line, sorted by code point, under a comment.

    python3 scripts/build_lang_common.py --lists DIR --casing model/casing.txt --out model/lang de
"""
import argparse
import os
import sys


def read_list(path):
    freqs = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            word, _, p = line.rstrip("\n").partition("\t")
            if word and p:
                freqs.setdefault(word, float(p))
    return freqs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lists", required=True)
    ap.add_argument("--casing", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--min", type=float, default=1e-6)
    ap.add_argument("--ratio", type=float, default=10.0)
    ap.add_argument("--names", help="first names and surnames of the language, one per line: never common")
    ap.add_argument("--places", help="place names in many languages, one per line: never common")
    ap.add_argument("--stopwords", help="the language's stop words: never a place name")
    ap.add_argument("--foreign", default="en", help="languages whose use of a word makes it no word of the language's own")
    ap.add_argument("codes", nargs="+")
    args = ap.parse_args()
    with open(args.casing, encoding="utf-8") as f:
        capitalized = {l.strip() for l in f if l.strip() and not l.startswith("#")}
    english = read_list(os.path.join(args.lists, "en.tsv"))

    def lines(path):
        if not path:
            return set()
        with open(path, encoding="utf-8") as f:
            return {l.strip().lower() for l in f if l.strip() and not l.startswith("#")}

    stop = lines(args.stopwords)
    names = lines(args.names)
    # place names that are also a stop word or an English word written
    # lowercase ("Die", "Region": GeoNames' alternate names hold such) stay
    # out
    names |= {
        n for n in lines(args.places) if n not in stop and not (english.get(n, 0.0) >= args.min and n not in capitalized)
    }
    foreign = [read_list(os.path.join(args.lists, c + ".tsv")) for c in args.foreign.split(",")]
    for code in args.codes:
        freqs = read_list(os.path.join(args.lists, code + ".tsv"))
        words = []
        for word, p in freqs.items():
            if p < args.min or len(word) < 3 or not word.isalpha() or word != word.lower() or word in names:
                continue
            pe = english.get(word, 0.0)
            pf = max(t.get(word, 0.0) for t in foreign)
            if pf * args.ratio <= p:
                words.append(word)
            elif pe >= args.min and word not in capitalized:
                words.append("+" + word)
        # the names, marked "-": never common, nor read as an inflected
        # common word ("Volker" is no form of "Volk")
        # (the names the language's list holds: the others never look
        # common; GeoNames' 77,000 names in every script are mostly those)
        words.extend("-" + n for n in names if len(n) >= 3 and n.isalpha() and n in freqs)
        words = sorted(set(words), key=lambda w: (w.lstrip("+-"), w))
        path = os.path.join(args.out, code, "common.txt")
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(
                "# %s: common words, not names (frequency >= %g in wordfreq 3.1.1, English at most 1/%g of it"
                " or lowercase in English; wordfreq data CC BY-SA 4.0), written by scripts/build-lang-common.sh\n"
                % (code, args.min, args.ratio)
            )
            for w in words:
                f.write(w + "\n")
        print("%s: %d common words" % (code, len(words)), file=sys.stderr)


if __name__ == "__main__":
    main()
