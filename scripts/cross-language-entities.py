#!/usr/bin/env python3
"""Counts, on the cross-language SemEval-2022 Task 8 pairs, the entity rows
the engine finds in both articles of a pair, and among them the rows whose
two articles write the name differently (Russland / Russia, Путин / Putin):
the rows only a merge across languages can give. No entity gold exists for
these texts: the counts and the printed examples are for spot checks.

  python3 scripts/cross-language-entities.py [CSV] [--limit N] [--bin PATH]
"""
import csv, json, os, subprocess, sys, tempfile, collections

args = sys.argv[1:]
csv_path = next((a for a in args if a.endswith('.csv')), '../shared/data/similarity/semeval2022-task8-train-all.csv')
limit = int(args[args.index('--limit') + 1]) if '--limit' in args else 40
binary = args[args.index('--bin') + 1] if '--bin' in args else 'target/release/corroborate'
csv.field_size_limit(1 << 30)
per = collections.defaultdict(list)
with open(csv_path, newline='', encoding='utf-8') as f:
    for row in csv.DictReader(f):
        if row['lang1'] != row['lang2'] and len(per[(row['lang1'], row['lang2'])]) < limit:
            per[(row['lang1'], row['lang2'])].append(row)
examples = collections.Counter()
with tempfile.TemporaryDirectory() as tmp:
    for (l1, l2), rows in sorted(per.items()):
        shared = across = places = 0
        for i, row in enumerate(rows):
            paths = []
            for k, t in enumerate((row['text1'], row['text2'])):
                p = os.path.join(tmp, f'{i}-{k}.txt')
                with open(p, 'w', encoding='utf-8') as f:
                    f.write(t)
                paths.append(p)
            out = subprocess.run([binary, 'analyze', '--json', *paths], capture_output=True, text=True)
            if out.returncode != 0:
                continue
            rep = json.loads(out.stdout)
            ids = [a['id'] for a in rep['articles']]
            for e in rep['entities']:
                if e['kind'] in ('date', 'number') or not all(e['counts'].get(x) for x in ids):
                    continue
                shared += 1
                forms = [{m['text'] for m in e['mentions'] if m['article'] == x} for x in ids]
                if not (forms[0] & forms[1]):
                    across += 1
                    places += e['kind'] == 'place'
                    examples[f"{e['name']} ({e['kind']}): " + ' / '.join(sorted(forms[0])[:2] + sorted(forms[1])[:2])] += 1
        n = max(len(rows), 1)
        print(f'{l1}-{l2}: {len(rows)} pairs, {shared / n:.2f} shared named rows a pair, '
              f'{across / n:.2f} of them written differently in the two articles ({places} places in all)')
print('most frequent rows written differently:')
for k, c in examples.most_common(25):
    print(f'  {c:3d}  {k}')
