#!/usr/bin/env python3
"""Unlabeled news as a teacher, two ways (issue 17's ninth round; tried and
not kept, see the README). A developer script: nothing it writes is committed.

  python3 scripts/ner-self-training.py dump ../shared/data/unlabeled/bbc-news/news > /tmp/ner9/bbc.conll
  ./target/release/corroborate tag --conll /tmp/ner9/bbc.conll > /tmp/ner9/bbc.tagged
  python3 scripts/ner-self-training.py gazetteer /tmp/ner9/bbc.tagged 3 > /tmp/ner9/gaz3.tsv   # names the model finds
  python3 scripts/ner-self-training.py quarter /tmp/ner9/bbc.tagged > /tmp/ner9/bbc-quarter.conll  # silver training text

`dump` writes the BBC articles (headline left out) as CoNLL token lines,
split into tokens and sentences as `corroborate build-clusters` reads them;
`gazetteer` mines the tagged names seen at least N times with one type 80%
of the time (the rule `train-ner` mines WikiANN with); `quarter` keeps every
fourth article with the model's tags as gold, for `train-ner --extra`.
"""
import collections
import os
import sys

ENDS = {".", "!", "?", ":", ";", "\"", "“", "”", "'", "‘", "’", "(", "-", "–", "—"}


def tokens(line: str) -> list[str]:
    out: list[str] = []
    for piece in line.split():
        idx = [i for i, c in enumerate(piece) if c.isalnum()]
        if not idx:
            out.append(piece)
            continue
        s, e = idx[0], idx[-1] + 1
        out.extend(piece[:s])
        w = piece[s:e]
        for suf in ("'s", "’s"):
            if w.endswith(suf) and len(w) > 2:
                out += [w[:-2], "'s"]
                break
        else:
            out.append(w)
        out.extend(piece[e:])
    return out


def dump(root: str) -> None:
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if f.endswith(".txt"))
    o = sys.stdout
    for f in files:
        text = open(f, encoding="utf-8", errors="replace").read()
        o.write("-DOCSTART- -X- -X- O\n\n")
        for line in text.splitlines()[1:]:
            cur: list[str] = []
            for t in tokens(line):
                cur.append(t)
                if t in ENDS:
                    o.write("".join(x + " X X O\n" for x in cur) + "\n")
                    cur = []
            if cur:
                o.write("".join(x + " X X O\n" for x in cur) + "\n")


def key(t: str) -> str:
    return "".join(c for c in t.lower() if c not in ".'")


def sentences(path: str):
    sent: list[tuple[str, str]] = []
    for line in open(path, encoding="utf-8"):
        p = line.split()
        if not p:
            if sent:
                yield sent
            sent = []
        elif p[0] != "-DOCSTART-":
            sent.append((p[0], p[-1]))
    if sent:
        yield sent


def gazetteer(path: str, min_count: int) -> None:
    counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for sent in sentences(path):
        cur: list | None = None
        chunks = []
        for i, (_, tag) in enumerate(sent):
            if tag.startswith("B-") or (tag.startswith("I-") and (cur is None or cur[2] != tag[2:])):
                if cur:
                    chunks.append(cur)
                cur = [i, i + 1, tag[2:]]
            elif tag.startswith("I-") and cur:
                cur[1] = i + 1
            elif cur:
                chunks.append(cur)
                cur = None
        if cur:
            chunks.append(cur)
        for a, b, ty in chunks:
            k = " ".join(x for x in (key(t) for t, _ in sent[a:b]) if x)
            if len(k) >= 2 and any(c.isalpha() for c in k):
                counts[k][ty] += 1
    print("# mined from BBC news 2004-05 as the committed tagger tags it")
    for k in sorted(counts):
        c = counts[k]
        ty, n = c.most_common(1)[0]
        if sum(c.values()) >= min_count and n * 10 >= sum(c.values()) * 8:
            print(f"{k}\t{ty}")


def quarter(path: str) -> None:
    docs = open(path, encoding="utf-8").read().split("-DOCSTART- -X- -X- O O\n")
    for d in [d for d in docs if d.strip()][::4]:
        lines = [" ".join([l.split()[0], "X", "X", l.split()[-1]]) if l.strip() else "" for l in d.split("\n")]
        sys.stdout.write("-DOCSTART- -X- -X- O\n" + "\n".join(lines))


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    if cmd == "dump":
        dump(sys.argv[2])
    elif cmd == "gazetteer":
        gazetteer(sys.argv[2], int(sys.argv[3]))
    elif cmd == "quarter":
        quarter(sys.argv[2])
    else:
        sys.exit(__doc__)
