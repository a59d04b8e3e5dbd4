// The page's view of the Report contract agrees with the Rust types:
// types/report.d.ts is generated from them (a cargo test fails when it
// drifts), and the lists of kinds the page knows must match it.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { KIND_GROUPS } from '../../www/ui/model.js';

const TYPES = readFileSync(new URL('../../types/report.d.ts', import.meta.url), 'utf8');

/** The string members of `export type NAME = "a" | "b";` in the declarations. */
function union(name) {
  const m = TYPES.match(new RegExp(`export type ${name} = ([^;]+);`));
  expect(m, `${name} is declared in types/report.d.ts`).toBeTruthy();
  return [...m[1].matchAll(/"([^"]+)"/g)].map((x) => x[1]).sort();
}

test('the page knows exactly the divergence kinds the engine reports', () => {
  expect(Object.keys(KIND_GROUPS).sort()).toEqual(union('DivergenceKind'));
});

test('the edit kinds and relations the page reads are the declared ones', () => {
  expect(union('EditKind')).toEqual(['delete', 'insert', 'substitute']);
  expect(union('Relation')).toEqual(['agrees', 'compatible', 'conflicts']);
  for (const file of ['../../www/ui/sidebyside.js', '../../www/ui/model.js']) {
    const src = readFileSync(new URL(file, import.meta.url), 'utf8');
    for (const [, kind] of src.matchAll(/e\.kind === '([a-z]+)'/g)) expect(union('EditKind')).toContain(kind);
  }
});
