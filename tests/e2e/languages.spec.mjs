// Articles in other languages (issue 20): each box gets a language badge
// from the report, the reader can override it (the choice goes with the
// analysis and comes back in the report), and the language data is fetched
// by the worker from the page's own origin only.
import { expect } from '@playwright/test';
import { gotoReady, test, watch } from './helpers.mjs';
import { MIXED_ARTICLES } from './languages.mjs';

const EN = MIXED_ARTICLES.find((a) => a.lang === 'en');
const DE = MIXED_ARTICLES.find((a) => a.lang === 'de');

async function fill(page, articles) {
  for (const [i, a] of articles.entries()) {
    await page.getByLabel(`Article ${i + 1} label`).fill(a.label);
    await page.getByLabel(`Article ${i + 1} text`).fill(a.text);
  }
}

test('a German and an English article get their badges; an override goes with the analysis', async ({ page, context }) => {
  const w = watch(page, context);
  await gotoReady(page);
  await fill(page, [DE, EN]);
  await page.getByRole('button', { name: 'Analyze' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-state', 'done');
  const boxes = page.locator('section.article-box');
  await expect(boxes.nth(0)).toHaveAttribute('data-lang', 'de');
  await expect(boxes.nth(1)).toHaveAttribute('data-lang', 'en');
  await expect(boxes.nth(0).locator('.lang-select option').first()).toHaveText('auto: German');
  await expect(boxes.nth(1).locator('.lang-select option').first()).toHaveText('auto: English');

  // the reader says the first article is Dutch: the next analysis says so too
  await boxes.nth(0).locator('.lang-select').selectOption('nl');
  await page.getByRole('button', { name: 'Analyze' }).click();
  await expect(boxes.nth(0)).toHaveAttribute('data-lang', 'nl');
  await expect(boxes.nth(0).locator('.lang-select')).toHaveAttribute('title', /Dutch \(nl\), chosen by you/);
  await expect(boxes.nth(1)).toHaveAttribute('data-lang', 'en');

  // the language data came from the page's origin, each pack once: English and German
  const packs = w.requests.filter((u) => u.includes('/lang/'));
  for (const u of packs) expect(new URL(u).origin).toBe(new URL(page.url()).origin);
  expect(packs.filter((u) => u.endsWith('/lang/en.bin')), packs.join(' ')).toHaveLength(1);
  expect(packs.filter((u) => u.endsWith('/lang/de.bin')), packs.join(' ')).toHaveLength(1);
  expect(w.foreign(), 'requests to other origins').toEqual([]);
  expect(w.errors, 'console errors').toEqual([]);
});

test('a language pack that cannot be loaded leaves a working analysis that says what is missing', async ({ page, context }) => {
  const w = watch(page, context);
  await page.route('**/lang/en.bin', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await gotoReady(page);
  await fill(page, [EN, MIXED_ARTICLES[1]]);
  await page.getByRole('button', { name: 'Analyze' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('overlap').locator('td.cb-cell')).toHaveCount(2);
  // each article says what is missing (the overview's warnings), and the page did not fail
  await expect(page.getByTestId('articles').locator('.cb-warning')).toHaveCount(2);
  await expect(page.getByTestId('articles').locator('.cb-warning').first()).toContainText('no entities from the tagger');
  expect(w.foreign(), 'requests to other origins').toEqual([]);
});

test('German nouns are not names: the German pack keeps the entity table to people, places and organizations', async ({ page, context }) => {
  const w = watch(page, context);
  await gotoReady(page);
  // German capitalizes every noun; the English tagger alone read "Polizei",
  // "Unglück" or "Dienstagmorgen im Hafen" as names (README: German names
  // and German nouns)
  const articles = [
    {
      label: 'Kurier',
      text: 'Kran stürzt im Hafen von Port Ellis um\n\nIm Hafen von Port Ellis ist am Dienstagmorgen ein Kran umgestürzt. Die Polizei sperrte das Gelände, die Feuerwehr war mit vierzig Einsatzkräften vor Ort. Bürgermeisterin Elena Vasquez sprach von einem schweren Unglück. Die Reederei Caldera Shipping kündigte an, die Reparatur zu bezahlen.',
    },
    {
      label: 'Anzeiger',
      text: 'Unglück in Port Ellis: Hafenkran umgestürzt\n\nAm Dienstagmorgen ist im Hafen von Port Ellis ein Kran umgestürzt. Nach Angaben der Polizei wurde niemand verletzt. Elena Vasquez, die Bürgermeisterin der Stadt, besuchte die Unglücksstelle am Mittag. Caldera Shipping will für den Schaden aufkommen.',
    },
  ];
  await fill(page, articles);
  await page.getByRole('button', { name: 'Analyze' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-state', 'done');
  const table = page.getByTestId('entities');
  // each name once per article (Port Ellis twice), in one row
  for (const [name, n] of [['Elena Vasquez', '1'], ['Caldera Shipping', '1'], ['Port Ellis', '2']]) {
    await expect(table.locator(`tr[data-entity="${name}"]`)).toHaveCount(1);
    await expect(table.locator(`tr[data-entity="${name}"] td[data-article="A"]`)).toHaveText(n);
    await expect(table.locator(`tr[data-entity="${name}"] td[data-article="B"]`)).toHaveText(n);
  }
  const rows = await table.locator('tbody tr[data-entity]').evaluateAll((trs) => trs.map((tr) => tr.dataset.entity));
  for (const noun of ['Polizei', 'Unglück', 'Dienstagmorgen', 'Reparatur', 'Bürgermeisterin', 'Feuerwehr', 'Hafen']) {
    expect(rows.some((r) => r.split(/\s+/).includes(noun)), `${noun} in ${rows.join(' | ')}`).toBe(false);
  }
  expect(w.foreign(), 'requests to other origins').toEqual([]);
  expect(w.errors, 'console errors').toEqual([]);
});
