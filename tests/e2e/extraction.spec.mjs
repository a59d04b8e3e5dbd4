// Real web pages in: HTML pasted from a browser (clipboard `text/html`) and
// a dropped saved page are read by the wasm's article extractor in a
// worker; the page shows their metadata, lists what was set aside and
// restores any of it, and the restored text is analyzed. Pasted markup is
// never put in the page: nothing in it runs or loads. Fixtures:
// tests/fixtures/pages/ (written for the project).
import { expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { gotoReady, test, watch } from './helpers.mjs';

const fixture = (name) => readFileSync(new URL(`../fixtures/pages/${name}`, import.meta.url), 'utf8');

/** Pastes `html` (and `plain`) into a text box as a browser does: a paste event carrying both types. */
async function pasteHtml(page, label, html, plain = '') {
  await page.getByLabel(label).focus();
  await page.evaluate(([label, html, plain]) => {
    const dt = new DataTransfer();
    dt.setData('text/html', html);
    dt.setData('text/plain', plain);
    const box = document.querySelector(`textarea[aria-label="${label}"]`);
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, [label, html, plain]);
}

/** The word count the report gives article `id`. */
async function reportWords(page, id) {
  const text = await page.getByTestId('articles').locator(`li[data-article="${id}"] .cb-meta`).textContent();
  return Number(/(\d[\d,]*) words?/.exec(text)[1].replace(/,/g, ''));
}

test('a pasted page and a dropped page become articles; set-aside text can be restored and is analyzed', async ({ page, context }) => {
  const w = watch(page, context);
  await gotoReady(page);

  // hostile extras in the pasted markup: a script and an image from elsewhere
  const hostile = '<script>window.__pwned = 1</script><img src="https://tracker.invalid/pixel.png" onerror="window.__pwned = 2">';
  await pasteHtml(page, 'Article 1 text', fixture('paste.html') + hostile, 'plain text of the paste');
  const text1 = page.getByLabel('Article 1 text');
  await expect(text1).toHaveValue(/first tram line in Alder/);
  await expect(text1).not.toHaveValue(/Bus fares frozen|Lena Fisk|pwned/);
  const box1 = page.locator('section.article-box').nth(0);
  await expect(box1.locator('.box-meta')).toContainText('Tram line gets the green light');
  const aside = box1.locator('details.set-aside');
  await expect(aside).toBeVisible();
  await expect(aside.locator('summary')).toContainText('set aside');

  // a saved page dropped on the page fills the next empty box, labelled by its publisher
  const dt = await page.evaluateHandle((html) => {
    const d = new DataTransfer();
    d.items.add(new File([html], 'harbor-cranes.html', { type: 'text/html' }));
    return d;
  }, fixture('form-page.html'));
  await page.dispatchEvent('body', 'drop', { dataTransfer: dt });
  await expect(page.getByLabel('Article 2 label')).toHaveValue('Alder Daily Record');
  await expect(page.getByLabel('Article 2 text')).toHaveValue(/Every crane at the port of Alder/);
  await expect(page.getByLabel('Article 2 text')).not.toHaveValue(/About us|Search/);
  await expect(page.locator('section.article-box').nth(1).locator('.box-meta')).toContainText('2025-03-04');

  await page.getByRole('button', { name: 'Analyze' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-state', 'done');
  const articles = page.getByTestId('articles');
  await expect(articles.locator('li[data-article="B"]')).toContainText('Harbor cranes to be inspected after collapse');
  await expect(articles.locator('li[data-article="B"] [data-testid="published"]')).toContainText('2025-03-04');
  const before = await reportWords(page, 'A');

  // restore the related links: they go back into the text, and the next analysis reads them
  await aside.locator('summary').click();
  await box1.getByRole('button', { name: /Restore the promotion block/ }).click();
  await expect(text1).toHaveValue(/first tram line in Alder[\s\S]*Bus fares frozen for a year/);
  await page.getByRole('button', { name: 'Analyze' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-state', 'done');
  await expect.poll(() => reportWords(page, 'A')).toBeGreaterThan(before);

  // nothing ran, nothing was fetched
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(w.foreign(), 'requests to other origins').toEqual([]);
  expect(w.errors).toEqual([]);
});

test('a plain-text paste is left to the browser', async ({ page }) => {
  await gotoReady(page);
  await page.getByLabel('Article 1 text').focus();
  await page.keyboard.insertText('Typed text.');
  await expect(page.getByLabel('Article 1 text')).toHaveValue('Typed text.');
  await expect(page.locator('section.article-box').nth(0).locator('details.set-aside')).toBeHidden();
});

test('a whole page pasted as plain text: the learned chrome detector, from the English pack, sets its furniture aside', async ({ page, context }) => {
  const w = watch(page, context);
  await gotoReady(page);
  // one menu line the hand-written rules know ("Sign in | Subscribe"); the
  // newsletter box, the "most read" list and the copyright line are written
  // as sentences, which only the learned detector (model/chrome.bin, the
  // English pack's chrome.bin) sets aside
  const story = [
    'Crane collapses at Port Ellis harbor',
    'A harbor crane collapsed on Monday morning at the port of Ellis, injuring two dock workers and halting cargo traffic for most of the day.',
    'Mayor Elena Vasquez said the city would open an inquiry into the maintenance of the crane, which was installed more than thirty years ago.',
    'Caldera Shipping, which operates the terminal, said it would pay for the repairs and compensate the injured workers.',
    'Engineers from the regional authority inspected the remaining cranes on Tuesday and found no further damage.',
  ];
  const pasted = [
    'Home | News | Sport | Business | Weather',
    'Sign in | Subscribe',
    ...story,
    "Sign up for our morning newsletter and get the day's top stories delivered to your inbox. By signing up you agree to our terms of use and privacy policy.",
    'Most read: Storm warning for the coast this weekend. Council approves new budget for schools. Local team wins the regional final.',
    '© 2026 Coastline Media. All rights reserved.',
  ].join('\n');
  await page.getByLabel('Article 1 label').fill('Coastline');
  await page.getByLabel('Article 1 text').fill(pasted);
  await page.getByLabel('Article 2 label').fill('Wire');
  await page.getByLabel('Article 2 text').fill(story.join('\n\n'));
  await page.getByRole('button', { name: 'Analyze' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-state', 'done');
  const cleaning = page.locator('section.article-box').first().locator('details.cleaning');
  await expect(cleaning).toBeVisible();
  await cleaning.locator('summary').click();
  const items = cleaning.locator('li');
  // the menu line too: only the headline joins the article from above it
  for (const part of ['Home | News', 'Sign in | Subscribe', 'morning newsletter', 'Most read', 'All rights reserved']) {
    await expect(items.filter({ hasText: part })).toHaveCount(1);
    await expect(items.filter({ hasText: part }).locator('.cleaning-reason')).toHaveText('chrome: ');
  }
  // the article's sentences stay, and the box keeps every word typed
  await expect(items.filter({ hasText: 'Caldera Shipping' })).toHaveCount(0);
  await expect(page.getByLabel('Article 1 text')).toHaveValue(pasted);
  expect(w.requests.filter((u) => u.endsWith('/lang/en.bin'))).toHaveLength(1);
  expect(w.foreign(), 'requests to other origins').toEqual([]);
  expect(w.errors, 'console errors').toEqual([]);
});
