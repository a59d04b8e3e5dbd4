// Keyboard, small screens, themes, accessibility scan, screenshots, and long
// analyses (progress, cancel). Run with `npx playwright test`.
import { expect } from '@playwright/test';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gotoReady, loadExample, pseudoArticle, test, watch } from './helpers.mjs';

// Screenshots go to test-results/screenshots/; with UPDATE_SCREENSHOTS=1 the
// ones the README shows are also copied to tests/e2e/screenshots/.
const SHOTS = new URL('../../test-results/screenshots/', import.meta.url);
const KEPT = new URL('./screenshots/', import.meta.url);
const KEEP = ['light-1280-overview', 'light-1280-reading', 'dark-1280-divergence', 'light-390-overview', 'dark-390-reading'];

test('keyboard: skip link, heatmap cells, reading modes, divergence jumps, dialog', async ({ page }) => {
  await loadExample(page);
  await expect(page.locator('body')).toHaveAttribute('data-saved', 'saved');
  await page.reload(); // the session comes back, analyzed; focus starts at the top
  await expect(page.locator('body')).toHaveAttribute('data-state', 'done');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to the report' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#results')).toBeFocused();

  // Tab reaches the heatmap, one Tab stop (its first cell); arrow keys move to B→C; Enter opens the pair
  const heat = page.getByTestId('overlap');
  await expect(heat.locator('button[tabindex="0"]')).toHaveCount(1);
  const first = heat.locator('td[data-a="A"][data-b="B"] button');
  let reached = false;
  for (let i = 0; i < 60 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await first.evaluate((n) => n === document.activeElement);
  }
  expect(reached, 'the heatmap is reachable with Tab').toBe(true);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  const cell = heat.locator('td[data-a="B"][data-b="C"] button');
  await expect(cell).toBeFocused();
  // the cell last focused is the grid's Tab stop now
  await expect(cell).toHaveAttribute('tabindex', '0');
  await expect(heat.locator('button[tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page.locator('#reading-view')).toHaveAttribute('data-mode', 'pair');
  await expect(page.getByLabel('Left article')).toHaveValue('B');
  await expect(page.getByLabel('Right article')).toHaveValue('C');
  await expect(page.getByRole('region', { name: /Text of .*\[B\]/ })).toBeFocused();

  // arrow keys move between reading modes
  await page.getByRole('radio', { name: 'Side by side' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'One article, its divergences' })).toBeFocused();
  await expect(page.getByRole('radio', { name: 'One article, its divergences' })).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#reading-view')).toHaveAttribute('data-mode', 'all');

  // an entity with the keyboard
  await page.getByTestId('entities').locator('tbody tr[data-entity] button').first().focus();
  await page.keyboard.press('Enter');
  expect(await page.locator('.cb-hit').count()).toBeGreaterThan(0);

  // a divergence with the keyboard: focus lands on the marked text
  const jump = page.getByTestId('divergences').locator('li.cb-divergence').first();
  const index = await jump.getAttribute('data-index');
  await jump.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator(`#reading-view [data-start~="d${index}"]`)).toBeFocused();

  // the dialog traps focus and Escape closes it
  await page.getByRole('button', { name: 'Clear all…' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(page.getByRole('dialog').getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Clear all…' })).toBeFocused();
  await expect(page.locator('section.article-box')).toHaveCount(4);
});

for (const width of [360, 390]) {
  test(`${width} px wide: nothing overflows sideways in any view`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await loadExample(page);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    for (const mode of ['One article, its divergences', 'All articles', 'Side by side']) {
      await page.getByRole('radio', { name: mode }).click();
      expect(await overflow(), mode).toBeLessThanOrEqual(0);
    }
    await page.getByTestId('divergences').locator('li.cb-divergence').first().getByRole('button').click();
    expect(await overflow()).toBeLessThanOrEqual(0);
    // the two panes stack
    await page.getByRole('radio', { name: 'Side by side' }).click();
    const [a, b] = await page.locator('.cb-pane').evaluateAll((ps) => ps.map((p) => p.getBoundingClientRect().top));
    expect(b).toBeGreaterThan(a);
    for (const box of await page.locator('button:visible').all()) {
      const r = await box.boundingBox();
      if (r) expect(r.x + r.width, await box.innerText()).toBeLessThanOrEqual(width + 1);
    }
  });
}

test('screenshots at 1280 and 390 px, light and dark', async ({ browser }) => {
  // four page loads and analyses, twenty screenshots: the suite's 30 s per
  // test is too short for them on a loaded machine (seen with a build
  // running beside the suite on 2 cores)
  test.setTimeout(120_000);
  mkdirSync(SHOTS, { recursive: true });
  for (const colorScheme of ['light', 'dark']) {
    for (const width of [1280, 390]) {
      const context = await browser.newContext({ colorScheme, viewport: { width, height: width > 800 ? 900 : 844 } });
      const page = await context.newPage();
      await loadExample(page);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: new URL(`page-${colorScheme}-${width}-input.png`, SHOTS).pathname });
      await page.locator('#overview').scrollIntoViewIfNeeded();
      await page.evaluate(() => document.getElementById('overview').scrollIntoView());
      await page.screenshot({ path: new URL(`page-${colorScheme}-${width}-overview.png`, SHOTS).pathname });
      await page.evaluate(() => document.getElementById('reading').scrollIntoView());
      await page.screenshot({ path: new URL(`page-${colorScheme}-${width}-reading.png`, SHOTS).pathname });
      await page.getByTestId('divergences').locator('li.cb-divergence[data-group="fact"]').first().getByRole('button').click();
      await page.evaluate(() => document.getElementById('reading').scrollIntoView());
      await page.screenshot({ path: new URL(`page-${colorScheme}-${width}-divergence.png`, SHOTS).pathname });
      await page.evaluate(() => document.getElementById('entities-section').scrollIntoView());
      await page.screenshot({ path: new URL(`page-${colorScheme}-${width}-entities.png`, SHOTS).pathname });
      // the theme follows the system
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(bg).toBe(colorScheme === 'dark' ? 'rgb(22, 24, 28)' : 'rgb(251, 251, 250)');
      await context.close();
      if (process.env.UPDATE_SCREENSHOTS) {
        mkdirSync(KEPT, { recursive: true });
        for (const view of ['input', 'overview', 'reading', 'divergence', 'entities']) {
          const key = `${colorScheme}-${width}-${view}`;
          if (KEEP.includes(key)) copyFileSync(new URL(`page-${key}.png`, SHOTS), new URL(`page-${key}.png`, KEPT));
        }
      }
    }
  }
});

const require = createRequire(import.meta.url);
let axePath = null;
try {
  axePath = require.resolve('axe-core/axe.min.js');
} catch {
  axePath = null;
}

test('axe-core finds no serious or critical accessibility problem, light and dark', async ({ browser }) => {
  test.skip(!axePath || !existsSync(axePath), 'axe-core is not installed (npm install --no-save axe-core)');
  const source = readFileSync(axePath, 'utf8');
  for (const colorScheme of ['light', 'dark']) {
    // axe is injected by evaluation; the page keeps its CSP for its own code
    const context = await browser.newContext({ colorScheme, bypassCSP: true });
    const page = await context.newPage();
    await loadExample(page);
    const scan = async (what) => {
      await page.evaluate(source);
      const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
      const bad = result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${what}: ${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      expect(bad, `${colorScheme} ${what}`).toEqual([]);
    };
    await scan('pair view');
    await page.getByRole('radio', { name: 'One article, its divergences' }).click();
    await scan('article view');
    await page.getByTestId('entities').locator('tbody tr[data-entity] button').first().click();
    await scan('entity view');
    await context.close();
  }
});

test('a long analysis shows progress and can be cancelled without losing input', async ({ page, context }) => {
  test.setTimeout(90_000);
  const w = watch(page, context);
  await gotoReady(page);
  // as many articles as one analysis takes (MAX_ARTICLES), long enough to be cancelled midway
  const files = Array.from({ length: 50 }, (_, i) => ({
    name: `story-${i}.txt`, mimeType: 'text/plain', buffer: Buffer.from(pseudoArticle(i, 6000), 'utf8'),
  }));
  await page.locator('input[type="file"]').setInputFiles(files);
  await expect(page.locator('section.article-box')).toHaveCount(50);
  // the boxes exist before the drop has finished (the page scrolls to the first one at the end):
  // a click before then may land on whatever the scroll moves under the pointer
  await expect(page.locator('#status')).toContainText('Added 50 files');
  await page.getByRole('button', { name: 'Analyze' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-state', 'analyzing');
  const progress = page.locator('#progress');
  await expect(progress).toBeVisible();
  await expect(progress.locator('progress')).toBeVisible();
  await expect(page.locator('#progress-text')).toContainText('50 articles');
  // the engine reports its stages: the bar becomes determinate and names the step
  await expect(progress.locator('progress')).toHaveAttribute('value', /^0?\.\d+|^0$|^1$/, { timeout: 30_000 });
  await expect(page.locator('#progress-text')).toContainText(/reading|finding names|aligning passages|comparing sources|writing the report/);
  // the page answers while the worker works
  await page.getByLabel('Article 50 label').fill('still typing');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-state', 'ready');
  await expect(progress).toBeHidden();
  await expect(page.locator('#status')).toContainText('cancelled');
  await expect(page.locator('section.article-box')).toHaveCount(50);
  await expect(page.getByLabel('Article 50 label')).toHaveValue('still typing');
  await expect(page.getByLabel('Article 7 text')).toHaveValue(pseudoArticle(6, 6000));
  await expect(page.getByRole('button', { name: 'Analyze' })).toBeEnabled();
  await page.waitForTimeout(500);
  await expect(page.locator('body')).toHaveAttribute('data-state', 'ready');
  await expect(page.locator('#results')).toBeHidden();
  expect(w.foreign()).toEqual([]);
});

test('figures for the README: example render time, 50 × 1,000 words', async ({ page }) => {
  test.setTimeout(90_000);
  await loadExample(page);
  const readyMs = await page.evaluate(() => document.body.dataset.readyMs);
  const renderMs = await page.evaluate(() => document.body.dataset.renderMs);
  const exampleRun = await page.evaluate(() => document.body.dataset.runMs);
  console.log(`example: page load to ready ${readyMs} ms; example Analyze → all views rendered ${exampleRun} ms (render ${renderMs} ms)`);
  // a second run, with the analyzer warm
  await page.getByRole('button', { name: 'Analyze' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-state', 'done');
  console.log(`example, second run: Analyze → all views rendered ${await page.evaluate(() => document.body.dataset.runMs)} ms`);
  await page.getByRole('button', { name: 'Clear all…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Clear all' }).click();
  const files = Array.from({ length: 50 }, (_, i) => ({
    name: `story-${i}.txt`, mimeType: 'text/plain', buffer: Buffer.from(pseudoArticle(i, 1000, 11), 'utf8'),
  }));
  await page.locator('input[type="file"]').setInputFiles(files);
  await expect(page.locator('section.article-box')).toHaveCount(50);
  await expect(page.locator('#status')).toContainText('Added 50 files');
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Analyze' }).click();
  // (progress may come and go before a poll sees it: the progress test checks it)
  await expect(page.locator('body')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  const runMs = await page.evaluate(() => document.body.dataset.runMs);
  const status = await page.locator('#status').innerText();
  console.log(`50 × 1,000 words: ${runMs} ms from Analyze to rendered report (${status}); ${Date.now() - t0} ms as polled by the test`);
  await expect(page.getByTestId('overlap').locator('td.cb-cell')).toHaveCount(50 * 49);
});

test('heatmap cells answer arrow keys', async ({ page }) => {
  await loadExample(page);
  const cell = (a, b) => page.getByTestId('overlap').locator(`td[data-a="${a}"][data-b="${b}"] button`);
  await cell('A', 'B').focus();
  await page.keyboard.press('ArrowRight');
  await expect(cell('A', 'C')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(cell('B', 'C')).toBeFocused();
  await page.keyboard.press('ArrowDown'); // over the diagonal
  await expect(cell('D', 'C')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Left article')).toHaveValue('D');
});

test('the heatmap drawn a few rows per step is the same table as drawn at once, with one Tab stop', async ({ page }) => {
  await gotoReady(page);
  const out = await page.evaluate(async () => {
    const { heatmapJob, renderHeatmap } = await import('/ui/heatmap.js');
    const { Context } = await import('/ui/model.js');
    const html = {};
    for (const n of [3, 13, 30]) {
      const articles = Array.from({ length: n }, (_, i) => ({ id: `A${i}`, label: `story ${i}` }));
      const pairs = [];
      for (const a of articles) for (const b of articles) if (a !== b && (a.id.length + b.id.length) % 5) pairs.push({ a: a.id, b: b.id, containment: ((a.id.length * 7 + b.id.length * 3) % 11) / 10, explanation: `${a.id} and ${b.id}` });
      const ctx = new Context({ articles, pairs }, []);
      const once = document.createElement('div');
      renderHeatmap(once, ctx);
      const stepped = document.createElement('div');
      const job = heatmapJob(stepped, ctx, { rowsPerStep: 4 });
      let steps = 0;
      let rowsAfterFirst = 0;
      for (let more = true; more; steps++) {
        more = job.step();
        if (!steps) rowsAfterFirst = stepped.querySelectorAll('tbody tr').length;
      }
      html[n] = {
        same: once.innerHTML === stepped.innerHTML,
        steps,
        rowsAfterFirst,
        cells: stepped.querySelectorAll('td.cb-cell').length,
        buttons: stepped.querySelectorAll('td.cb-cell button').length,
        unknown: [...stepped.querySelectorAll('td.cb-cell button')].filter((b) => b.textContent === '?').length,
        absent: n * (n - 1) - pairs.length,
        tabStops: stepped.querySelectorAll('button[tabindex="0"]').length,
        fixed: stepped.querySelector('table').classList.contains('cb-heatmap-fixed'),
      };
    }
    return html;
  });
  expect(out[3]).toMatchObject({ same: true, steps: 1, rowsAfterFirst: 3, cells: 6, buttons: 6, tabStops: 1, fixed: false });
  expect(out[13]).toMatchObject({ same: true, steps: 4, rowsAfterFirst: 4, cells: 13 * 12, buttons: 13 * 12, tabStops: 1, fixed: true });
  expect(out[30]).toMatchObject({ same: true, steps: 8, rowsAfterFirst: 4, cells: 30 * 29, buttons: 30 * 29, tabStops: 1, fixed: true });
  // a pair without data still gets its cell, marked "?"
  for (const n of [3, 13, 30]) expect(out[n].unknown, `${n} articles`).toBe(out[n].absent);
  expect(out[30].absent).toBeGreaterThan(0);
});

test('quotes are clipped the same way whatever the length of the text', async ({ page }) => {
  await gotoReady(page);
  const rows = await page.evaluate(async () => {
    const { clip } = await import('/ui/dom.js');
    // the former clip(), which normalized the whole text first
    const whole = (s, max = 160) => {
      const t = String(s ?? '').replace(/\s+/g, ' ').trim();
      if (t.length <= max) return t;
      const cut = t.slice(0, max);
      const sp = cut.lastIndexOf(' ');
      return `${cut.slice(0, sp > max * 0.6 ? sp : max)}…`;
    };
    const cases = [
      ['', 10], [null, 10], ['short', 10], ['  padded   words  ', 10], ['exactly ten', 11],
      ['a b c d e f g h i j k l m n o p', 9], ['nospacesatallinthislongword', 8],
      [`${' '.repeat(5000)}late start of the text`, 12], [`one${' \n\t'.repeat(3000)}two three four`, 10],
      ['word '.repeat(400_000), 300], ['🚆 emoji 😀 '.repeat(50), 20],
    ];
    return cases.map(([s, max]) => ({ got: clip(s, max), want: whole(s, max) }));
  });
  for (const r of rows) expect(r.got).toBe(r.want);
});

test('the report views mount inside a shadow root, as the widget will use them', async ({ page }) => {
  await loadExample(page);
  const result = await page.evaluate(async () => {
    const { default: init, analyze } = await import('/pkg/corroborate.js');
    const { EXAMPLE_ARTICLES } = await import('/examples/derailment.js');
    const { mountReport } = await import('/ui/index.js');
    await init();
    const report = analyze(EXAMPLE_ARTICLES, { offsets: 'utf16' });
    const host = document.createElement('div');
    host.id = 'shadow-host';
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = '/ui/ui.css';
    const root = document.createElement('div');
    shadow.append(link, root);
    await new Promise((resolve) => { link.onload = resolve; });
    mountReport(root, report, EXAMPLE_ARTICLES.map((a) => a.text), { compact: true });
    return { cells: shadow.querySelectorAll('.cb-cell').length, hidden: shadow.querySelectorAll('section[hidden]').length };
  });
  expect(result).toEqual({ cells: 12, hidden: 2 });
  const host = page.locator('#shadow-host');
  await host.locator('td[data-a="C"][data-b="A"] button').click();
  await expect(host.locator('.cb-pane').first()).toHaveAttribute('data-article', 'C');
  await expect(host.locator('.cb-shared').first()).toHaveCSS('text-decoration-line', 'underline');
  await host.getByRole('button', { name: 'Show everything' }).click();
  await host.locator('.cb-entity-name').first().click();
  expect(await host.locator('.cb-hit').count()).toBeGreaterThan(0);
  // the page's own report is untouched
  await expect(page.locator('#reading-view .cb-pane')).toHaveCount(2);
});
