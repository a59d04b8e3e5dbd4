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

// Long-task durations are wall-clock: on a loaded machine (the suite's own
// workers on 2 cores) a short task can be preempted past 50 ms. A real
// regression (extraction on the main thread takes hundreds of ms every
// time) fails every attempt; a preempted one passes on a retry.
test.describe(() => {
  test.describe.configure({ retries: 2 });
  test('a 2 MB saved page is read in the worker without a long task on the page', async ({ page }) => {
    await gotoReady(page);
    // the page is built with little garbage (the 1.8 MB script is bytes, not a
    // string), outside the watched stretch
    const dt = await page.evaluateHandle(() => {
      const links = Array.from({ length: 3000 }, (_, i) => `<li><a href="/topic/${i}">Topic number ${i}</a></li>`).join('');
      const paras = Array.from({ length: 400 }, (_, i) => `<p>Paragraph ${i} of the long report: the council met, the harbor authority spoke, and the cranes were inspected, one by one, all week.</p>`).join('');
      const parts = [
        '<!doctype html><html><head><title>Long report | Big Site</title><script>var data = "',
        new Uint8Array(1_800_000).fill(120),
        `";</script></head><body><ul class="menu">${links}</ul><article>${paras}</article><div id="comments">${paras.replace(/Paragraph/g, 'Comment')}</div></body></html>`,
      ];
      const file = new File(parts, 'long-report.html', { type: 'text/html' });
      window.__size = file.size;
      const d = new DataTransfer();
      d.items.add(file);
      return d;
    });
    expect(await page.evaluate(() => window.__size)).toBeGreaterThan(2_000_000);
    await page.waitForTimeout(300);
    await page.evaluate(() => {
      window.__long = [];
      new PerformanceObserver((list) => window.__long.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
    });
    await page.dispatchEvent('body', 'drop', { dataTransfer: dt });
    await expect(page.getByLabel('Article 1 label')).toHaveValue('long-report.html');
    const box = page.locator('section.article-box').nth(0);
    await expect(box.locator('details.set-aside summary')).toContainText('comments');
    const long = await page.evaluate(() => window.__long);
    expect(long.filter((d) => d > 50), `main-thread tasks over 50 ms: ${long.join(', ')}`).toEqual([]);
  });
});
