// Issue 19: the overview says only what the findings say. A figure is
// called a disagreement only when its finding's relation is `conflicts`;
// agreeing and compatible figures are described as such. Pinned for each
// relation on a small hand-made report (the summary module runs in node).
import { expect, test } from '@playwright/test';
import { Context } from '../../www/ui/model.js';
import { summaryText } from '../../www/ui/summary.js';

const ARTICLES = [
  { id: 'A', label: 'Wire', words: 40 },
  { id: 'B', label: 'Herald', words: 40 },
];

function report(relation) {
  return {
    articles: ARTICLES,
    entities: [],
    pairs: [],
    passages: [],
    divergences: [{
      kind: 'fact', severity: relation === 'conflicts' ? 'high' : 'low', article: 'A', start: 0, end: 9,
      text: '87 people', others: ['B'], counterpart: 'more than 80 people', relation,
      explanation: 'test',
    }],
  };
}

const CASES = [
  ['conflicts', /disagree on a figure: “87 people” against “more than 80 people”/, null],
  ['compatible', /1 pair of figures is compatible/, /disagree on a figure/],
  ['agrees', /1 figure written differently agrees/, /disagree on a figure/],
];

for (const [relation, says, never] of CASES) {
  test(`a ${relation} fact is described as such in the overview`, () => {
    const text = summaryText(new Context(report(relation), ['x'.repeat(40), 'y'.repeat(40)]));
    expect(text).toMatch(says);
    if (never) expect(text).not.toMatch(never);
    if (relation !== 'conflicts') expect(text).toContain('No disagreement on figures was found.');
  });
}
