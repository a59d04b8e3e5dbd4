// End-to-end checks of the first page: paste → Analyze → Report, errors,
// file input and worker recovery. Run with `npx playwright test`.
import { expect } from '@playwright/test';
import { test } from './helpers.mjs';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ORIGIN } from './helpers.mjs';

const fixture = (name) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)), 'utf8');

const WIRE = fixture('wire.txt');
const REWRITE = fixture('rewrite.txt');

/** Waits for the analyzer to be ready (Analyze enabled). */
async function gotoReady(page) {
  await page.goto('/');
  await expect(page.locator('body')).toHaveAttribute('data-state', 'ready');
  await expect(page.getByRole('button', { name: 'Analyze' })).toBeEnabled();
}

function percentOf(text) {
  const m = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(text);
  if (!m) throw new Error(`not a percentage: ${JSON.stringify(text)}`);
  return Number(m[1]);
}

test('analyzes two pasted articles and renders the report', async ({ page, context }) => {
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  context.on('request', (r) => requests.push(r.url()));
  const failures = [];
  context.on('response', (r) => {
    if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`);
  });
  context.on('requestfailed', (r) => failures.push(`${r.failure()?.errorText} ${r.url()}`));
  const consoleErrors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('worker', (w) => {
    w.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(`[worker] ${m.text()}`);
    });
  });

  await gotoReady(page);
  await expect(page.locator('section.article-box')).toHaveCount(2);

  await page.getByLabel('Article 1 text').fill(WIRE);
  await page.getByLabel('Article 1 label').fill('Wire');
  await page.getByLabel('Article 2 text').fill(REWRITE);
  await page.getByLabel('Article 2 label').fill('Rewrite');
  await page.getByRole('button', { name: 'Analyze' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-state', 'done');
  await expect(page.getByRole('alert')).toBeHidden();

  // articles
  const articles = page.getByTestId('articles');
  await expect(articles.locator('li')).toHaveCount(2);
  await expect(articles.locator('li[data-article="A"]')).toContainText('Wire');
  await expect(articles.locator('li[data-article="B"]')).toContainText('Rewrite');

  // entities
  const entities = page.getByTestId('entities');
  const vasquez = entities.locator('tr[data-entity="Elena Vasquez"]');
  await expect(vasquez).toHaveCount(1);
  await expect(vasquez.locator('td[data-article="A"]')).toHaveText('2');
  await expect(vasquez.locator('td[data-article="B"]')).toHaveText('2');
  await expect(entities.locator('tr[data-entity="Harbor Authority"]')).toHaveCount(1);

  // overlap matrix
  const overlap = page.getByTestId('overlap');
  await expect(overlap.locator('td[data-a="A"][data-b="A"]')).toHaveText('—');
  await expect(overlap.locator('td[data-a="B"][data-b="B"]')).toHaveText('—');
  for (const [a, b] of [['A', 'B'], ['B', 'A']]) {
    const value = percentOf(await overlap.locator(`td[data-a="${a}"][data-b="${b}"]`).innerText());
    expect(value, `containment ${a}→${b}`).toBeGreaterThanOrEqual(50);
    expect(value, `containment ${a}→${b}`).toBeLessThanOrEqual(80);
  }

  // passages and divergences
  await expect(page.getByTestId('passages')).toContainText(/\d+ shared passages?/);
  await expect(page.getByTestId('divergences')).toContainText('unsafe');

  // The inputs survive the analysis.
  await expect(page.getByLabel('Article 1 text')).toHaveValue(WIRE);
  await expect(page.getByLabel('Article 2 label')).toHaveValue('Rewrite');

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: 'test-results/skeleton.png', fullPage: true });
  // Figure for the README (not asserted: tests check correctness, not speed).
  const readyMs = await page.evaluate(() => document.body.dataset.readyMs);
  console.log(`page load to ready: ${readyMs} ms`);

  // Nothing but the page's own origin was contacted, and the wasm really loaded.
  const origin = new URL(page.url()).origin;
  expect(origin).toBe(ORIGIN);
  const foreign = requests.filter((u) => new URL(u).origin !== origin);
  expect(foreign, 'requests to other origins').toEqual([]);
  expect(requests.some((u) => u.endsWith('/pkg/corroborate_bg.wasm'))).toBe(true);
  expect(requests.some((u) => u.endsWith('/worker.js'))).toBe(true);

  expect(failures, 'failed requests').toEqual([]);
  expect(consoleErrors, 'console errors').toEqual([]);
  expect(pageErrors, 'page errors').toEqual([]);
});

test('an empty box is reported in an alert and no text is lost', async ({ page }) => {
  await gotoReady(page);
  const text = 'Mayor Elena Vasquez opened the new bridge in Port Alder on Friday.';
  await page.getByLabel('Article 1 text').fill(text);
  await page.getByLabel('Article 1 label').fill('Only one');
  await page.getByRole('button', { name: 'Analyze' }).click();

  const alert = page.getByRole('alert');
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(/article 2 .*empty/i);
  await expect(page.locator('body')).toHaveAttribute('data-state', 'error');
  await expect(page.getByLabel('Article 1 text')).toHaveValue(text);
  await expect(page.getByLabel('Article 1 label')).toHaveValue('Only one');
  await expect(page.getByRole('button', { name: 'Analyze' })).toBeEnabled();
});

test('an error from the wasm is shown and the page keeps working', async ({ page }) => {
  await gotoReady(page);
  // Text without a single word: only the analyzer can tell it is empty.
  await page.getByLabel('Article 1 text').fill('— … — !!! ???');
  await page.getByRole('button', { name: 'Remove article 2' }).click();
  await expect(page.locator('section.article-box')).toHaveCount(1);
  await page.getByRole('button', { name: 'Analyze' }).click();

  await expect(page.locator('body')).toHaveAttribute('data-state', 'error');
  await expect(page.getByRole('alert')).toContainText('empty after cleaning');
  await expect(page.getByLabel('Article 1 text')).toHaveValue('— … — !!! ???');

  // The same worker still analyzes.
  await page.getByLabel('Article 1 text').fill('Mayor Elena Vasquez opened the new bridge in Port Alder on Friday.');
  await page.getByRole('button', { name: 'Analyze' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-state', 'done');
  await expect(page.getByRole('alert')).toBeHidden();
  await expect(page.getByTestId('entities').locator('tr[data-entity="Elena Vasquez"]')).toHaveCount(1);
});

test('files picked with the file input become labelled boxes', async ({ page }) => {
  await gotoReady(page);
  const first = 'Storm closes the coast road\nHeavy rain closed the coast road near Bayview on Tuesday, police said.\n';
  const second = 'Coast road shut by storm\nPolice shut the coast road near Bayview on Tuesday after heavy rain.\n';
  await page.locator('input[type="file"]').setInputFiles([
    { name: 'first-report.txt', mimeType: 'text/plain', buffer: Buffer.from(first, 'utf8') },
    { name: 'second-report.txt', mimeType: 'text/plain', buffer: Buffer.from(second, 'utf8') },
  ]);

  // The two empty starting boxes are filled in file order, labelled by file name.
  await expect(page.getByLabel('Article 1 label')).toHaveValue('first-report.txt');
  await expect(page.getByLabel('Article 2 label')).toHaveValue('second-report.txt');
  await expect(page.getByLabel('Article 1 text')).toHaveValue(first);
  await expect(page.getByLabel('Article 2 text')).toHaveValue(second);
  await expect(page.locator('section.article-box')).toHaveCount(2);

  // A further file gets a box of its own.
  await page.locator('input[type="file"]').setInputFiles([
    { name: 'third.txt', mimeType: 'text/plain', buffer: Buffer.from('A third note.\nIt is short.\n', 'utf8') },
  ]);
  await expect(page.locator('section.article-box')).toHaveCount(3);
  await expect(page.getByLabel('Article 3 label')).toHaveValue('third.txt');

  await page.getByRole('button', { name: 'Analyze' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-state', 'done');
  const articles = page.getByTestId('articles');
  await expect(articles.locator('li')).toHaveCount(3);
  await expect(articles.locator('li[data-article="A"]')).toContainText('first-report.txt');
  await expect(articles.locator('li[data-article="B"]')).toContainText('second-report.txt');
});

test('an HTML file is read as its text, inertly', async ({ page, context }) => {
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  await gotoReady(page);
  const html = [
    '<!doctype html><html><head><title>Bridge opens | The Bayview Post</title>',
    '<style>p { color: red }</style><script>alert("head")</script></head><body>',
    '<h1>Bridge opens in Bayview</h1>',
    '<p>Mayor Ana Ruiz opened the <b>new</b> bridge on Friday.</p>',
    '<img src="http://example.invalid/pixel.png" onerror="alert(1)">',
    '<script>alert("body")</script><p>Traffic will start on Monday.</p></body></html>',
  ].join('\n');
  await page.locator('input[type="file"]').setInputFiles([
    { name: 'bridge.html', mimeType: 'text/html', buffer: Buffer.from(html, 'utf8') },
  ]);
  await expect(page.getByLabel('Article 1 label')).toHaveValue('bridge.html');
  // the page's headline is metadata, shown under the box, not part of the text (issue 16)
  await expect(page.getByLabel('Article 1 text')).toHaveValue(
    'Mayor Ana Ruiz opened the new bridge on Friday.\n\nTraffic will start on Monday.',
  );
  await expect(page.locator('section.article-box').first().locator('.box-meta')).toContainText('Bridge opens');
  expect(dialogs).toEqual([]);
  expect(requests.filter((u) => !u.startsWith(`${ORIGIN}/`))).toEqual([]);
});

test('add and remove boxes keep numbering', async ({ page }) => {
  await gotoReady(page);
  await page.getByRole('button', { name: 'Add article' }).click();
  await expect(page.locator('section.article-box')).toHaveCount(3);
  await page.getByLabel('Article 3 text').fill('third');
  await page.getByRole('button', { name: 'Remove article 1' }).click();
  await expect(page.locator('section.article-box')).toHaveCount(2);
  await expect(page.getByLabel('Article 2 text')).toHaveValue('third');
});

test('the page recovers when the worker dies', async ({ page }) => {
  const workerPromise = page.waitForEvent('worker');
  await gotoReady(page);
  const worker = await workerPromise;
  // An uncaught exception kills nothing by itself, but reaches the page as the
  // worker's `error` event, which the page treats as a dead worker.
  await worker.evaluate(() => {
    setTimeout(() => {
      throw new Error('simulated worker crash');
    }, 0);
  });
  await expect(page.getByRole('alert')).toContainText('simulated worker crash');
  await expect(page.getByRole('button', { name: 'Analyze' })).toBeEnabled();

  await page.getByLabel('Article 1 text').fill(WIRE);
  await page.getByLabel('Article 2 text').fill(REWRITE);
  await page.getByRole('button', { name: 'Analyze' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-state', 'done');
  await expect(page.getByRole('alert')).toBeHidden();
  await expect(page.getByTestId('overlap').locator('td[data-a="A"][data-b="B"]')).toHaveText(/\d+%/);
});

test('binary files are refused by name and nothing typed is lost', async ({ page }) => {
  await gotoReady(page);
  await page.getByLabel('Article 1 text').fill('Typed text that must survive.');
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const name = '<img src=x onerror=alert(1)>.png';
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs++; d.dismiss(); });
  await page.locator('input[type="file"]').setInputFiles([{ name, mimeType: 'image/png', buffer: png }]);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(name);
  await expect(alert).toContainText(/PNG/i);
  await expect(page.getByLabel('Article 1 text')).toHaveValue('Typed text that must survive.');
  await expect(page.locator('section.article-box')).toHaveCount(2);
  expect(dialogs).toBe(0);
  expect(await page.locator('img').count()).toBe(0);
});

test('UTF-16 and invalid UTF-8 files are decoded, with a warning for the latter', async ({ page }) => {
  await gotoReady(page);
  const text16 = 'Café owners in Bayview said the storm closed the coast road on Tuesday.';
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text16, 'utf16le')]);
  const broken = Buffer.concat([Buffer.from('Police in Bayview closed the road '), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(' on Tuesday after the storm.')]);
  await page.locator('input[type="file"]').setInputFiles([
    { name: 'utf16.txt', mimeType: 'text/plain', buffer: utf16 },
    { name: 'broken.txt', mimeType: 'text/plain', buffer: broken },
  ]);
  await expect(page.getByLabel('Article 1 text')).toHaveValue(text16);
  await expect(page.getByLabel('Article 2 text')).toHaveValue(/Police in Bayview closed the road \uFFFD+ on Tuesday/);
  await page.getByRole('button', { name: 'Analyze' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('articles').locator('li[data-article="B"]')).toContainText('UTF-8');
});
