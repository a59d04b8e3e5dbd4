"""Writes `<out>/<code>/lemma.tsv` (word form -> lemma, both lowercase) for
each language given, from the lemma lookup tables of the spacy-lookups-data
wheel (read inside the wheel, never unpacked into the project), restricted
to the forms of the language's wordfreq list (`<lists>/<code>.tsv`, written
by scripts/wordfreq_dump.py), its `--top` commonest words. Read by
`corroborate eval-similarity --lemma-dir` and the table builders'
`--lemma-dir` (scripts/build-lang-lemma.sh runs all of it).

A form listed under several lemmas (one per part of speech in the Polish
tables, or differing only in case: German "Essen"/"essen") takes the lemma
commonest in the wordfreq list (ties by the lemma's text); forms whose lemma
is the form itself are left out. Lines: commonest forms first, ties by form.
Deterministic: the same wheel and lists give the same bytes.
"""
import argparse
import gzip
import json
import os
import re
import sys
import zipfile

# Each table's source and licence, as the wheel's own files say (README
# "Data and licences" records them).
LICENCES = {
    "de": "spacy-lookups-data 1.0.5 (package MIT; table from Michal Mechura's lemmatization-lists, ODbL 1.0)",
    "es": "spacy-lookups-data 1.0.5 (package MIT; table from Michal Mechura's lemmatization-lists, ODbL 1.0)",
    "fr": "spacy-lookups-data 1.0.5 (package MIT; table from Michal Mechura's lemmatization-lists, ODbL 1.0)",
    "it": "spacy-lookups-data 1.0.5 (package MIT; it_license.txt: Morph-it! by Zanchetta and Baroni, CC BY-SA 2.0 or LGPL)",
    "pl": "spacy-lookups-data 1.0.5 (PoliMorf/SGJP 2020.05.03, BSD-2-Clause, pl_license.txt)",
    "ru": "spacy-lookups-data 1.0.5 (package MIT; table from Michal Mechura's lemmatization-lists, ODbL 1.0)",
    "tr": "spacy-lookups-data 1.0.5 (package MIT; tr_source.txt: Zargan linguistic resources, no licence stated)",
}


def tables(wheel, code):
    """The wheel's lookup tables of a language: (form, lemma) pairs."""
    pat = re.compile(r"spacy_lookups_data/data/%s_lemma_lookup(_[a-z]+)?\.json\.gz$" % code)
    with zipfile.ZipFile(wheel) as z:
        names = sorted(n for n in z.namelist() if pat.match(n))
        for name in names:
            data = json.loads(gzip.decompress(z.read(name)).decode("utf-8"))
            for form, lemma in data.items():
                if isinstance(lemma, list):
                    lemma = lemma[0] if lemma else None
                if isinstance(lemma, str) and lemma:
                    yield form, lemma
    if not names:
        raise SystemExit("no lemma lookup for %s in %s" % (code, wheel))


def read_list(path):
    freq = {}
    order = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            w, _, p = line.rstrip("\n").partition("\t")
            try:
                freq[w] = float(p)
            except ValueError:
                continue
            order.append(w)
    return freq, order


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--wheel", required=True)
    ap.add_argument("--lists", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--top", type=int, default=1000000, help="commonest words of the list looked up")
    ap.add_argument("codes", nargs="+")
    args = ap.parse_args()
    for code in args.codes:
        freq, order = read_list(os.path.join(args.lists, code + ".tsv"))
        wanted = set(order[: args.top])
        cands = {}
        for form, lemma in tables(args.wheel, code):
            f, l = form.lower(), lemma.lower()
            if f in wanted and "\t" not in l and "\n" not in l:
                cands.setdefault(f, set()).add(l)
        rows = []
        for f, ls in cands.items():
            best = min(ls, key=lambda l: (-freq.get(l, 0.0), l))
            if best != f:
                rows.append((-freq[f], f, best))
        rows.sort()
        dest = os.path.join(args.out, code)
        os.makedirs(dest, exist_ok=True)
        with open(os.path.join(dest, "lemma.tsv"), "w", encoding="utf-8", newline="\n") as out:
            out.write(
                "# %s: word forms and their lemmas, from %s, the forms among the %d commonest words of "
                "wordfreq (data CC BY-SA 4.0); written by scripts/build-lang-lemma.sh\n"
                % (code, LICENCES.get(code, "spacy-lookups-data 1.0.5"), args.top)
            )
            for _, f, l in rows:
                out.write("%s\t%s\n" % (f, l))
        print("%s: %d forms" % (code, len(rows)), file=sys.stderr)


if __name__ == "__main__":
    main()
