// End-to-end checks of the page people use: example, overview, reading
// views, entities, divergences, persistence, clear-all, exports, re-analysis.
// Run with `npx playwright test`.
import { expect } from '@playwright/test';
import { copyFileSync, readFileSync } from 'node:fs';
import { EXAMPLE_ARTICLES } from '../../www/examples/derailment.js';
import { gotoReady, loadExample, plainText, test, watch } from './helpers.mjs';

test('the example loads, analyzes and fills every view, with no request off the origin', async ({ page, context }) => {
  const w = watch(page, context);
  await loadExample(page);
  for (const [i, a] of EXAMPLE_ARTICLES.entries()) {
    await expect(page.getByLabel(`Article ${i + 1} label`)).toHaveValue(a.label);
    await expect(page.getByLabel(`Article ${i + 1} text`)).toHaveValue(a.text);
  }
  // overview
  await expect(page.getByTestId('articles').locator('li')).toHaveCount(4);
  const heat = page.getByTestId('overlap');
  await expect(heat.locator('td.cb-cell')).toHaveCount(12);
  await expect(heat.locator('td.cb-diagonal')).toHaveCount(4);
  for (const cell of await heat.locator('td.cb-cell').all()) await expect(cell).toHaveText(/^\d+%$/);
  await expect(page.locator('.cb-legend')).toBeVisible();
  await expect(page.getByTestId('articles').locator('[role="meter"]')).toHaveCount(4);
  await expect(page.getByTestId('similarity').locator('li')).toHaveCount(6);
  const summary = page.getByTestId('plain-summary');
  await expect(summary).toContainText('Valley Daily Herald [B]');
  await expect(summary).toContainText(/near cop|reuses/);
  await expect(summary).toContainText('Riverside Community Radio [D] is an independent account');
  await expect(page.getByTestId('passages')).toContainText(/\d+ shared passages?/);
  // the passages are counted by how they were reused (issue 18)
  await expect(page.getByTestId('passages')).toContainText(/\d+ shared passages? \(\d+ (verbatim|paraphrase|summary)/);
  // reading view opens on the pair sharing most text
  await expect(page.getByTestId('reading').locator('.cb-pane')).toHaveCount(2);
  // entities and divergences
  expect(await page.getByTestId('entities').locator('tbody tr[data-entity]').count()).toBeGreaterThan(10);
  expect(await page.getByTestId('divergences').locator('li.cb-divergence').count()).toBeGreaterThan(10);
  for (const kind of ['fact', 'wording', 'unique', 'coverage']) {
    expect(await page.locator(`li.cb-divergence[data-group="${kind}"]`).count(), kind).toBeGreaterThan(0);
  }
  // the cleaning of each box is there on request
  const cleaning = page.locator('section.article-box').first().locator('details.cleaning');
  await expect(cleaning).toBeVisible();
  await cleaning.locator('summary').click();
  await expect(cleaning.locator('li')).toContainText('Continental Press');

  expect(w.foreign(), 'requests to other origins').toEqual([]);
  expect(w.errors, 'console errors').toEqual([]);
  expect(w.dialogs).toEqual([]);
});

test('a heatmap cell opens the two articles side by side, aligned, with substitutions inline', async ({ page }) => {
  await loadExample(page);
  await page.getByTestId('overlap').locator('td[data-a="C"][data-b="A"] button').click();
  const reading = page.getByTestId('reading');
  await expect(page.locator('#reading-view')).toHaveAttribute('data-mode', 'pair');
  await expect(page.getByRole('radio', { name: 'Side by side' })).toHaveAttribute('aria-checked', 'true');
  const left = reading.locator('.cb-pane').nth(0);
  const right = reading.locator('.cb-pane').nth(1);
  await expect(left).toHaveAttribute('data-article', 'C');
  await expect(right).toHaveAttribute('data-article', 'A');
  await expect(page.getByLabel('Left article')).toHaveValue('C');
  await expect(page.getByLabel('Right article')).toHaveValue('A');

  // the panes show the original texts exactly, whatever is marked
  expect(await plainText(left.locator('.cb-scroll'))).toBe(EXAMPLE_ARTICLES[2].text);
  expect(await plainText(right.locator('.cb-scroll'))).toBe(EXAMPLE_ARTICLES[0].text);
  expect(await left.locator('.cb-shared').count()).toBeGreaterThan(0);
  expect(await right.locator('.cb-shared').count()).toBeGreaterThan(0);
  expect(await left.locator('.cb-unique').count()).toBeGreaterThan(0);
  // each passage says how it was reused, where it starts on both sides, and
  // the note counts the passages by kind (issue 18)
  for (const pane of [left, right]) {
    const kinds = await pane.locator('.cb-passage-kind').evaluateAll((nodes) => nodes.map((n) => [n.dataset.kind, n.textContent]));
    expect(kinds.length).toBeGreaterThan(0);
    for (const [kind, text] of kinds) {
      expect(['verbatim', 'paraphrase', 'summary']).toContain(kind);
      expect(text).toBe(`shared passage, ${kind}`);
    }
    await expect(pane.locator('.cb-shared').first()).toHaveAttribute('title', /^Shared passage, (verbatim|paraphrase|summary): /);
  }
  expect(await left.locator('.cb-passage-kind').count()).toBe(await right.locator('.cb-passage-kind').count());
  await expect(page.locator('#reading-view .cb-note')).toContainText(/share \d+ passages? \(\d+ (verbatim|paraphrase|summary)/);
  // the shared stretches on the left are, by and large, text that the right also has
  const stretches = await left.locator('.cb-shared:not(.cb-changed):not(.cb-dropped)').allTextContents();
  const found = stretches.filter((s) => EXAMPLE_ARTICLES[0].text.includes(s.trim()));
  expect(found.length / stretches.length).toBeGreaterThan(0.7);

  // A beside B: the Herald's substitutions show as old → new on the right
  await page.getByTestId('overlap').locator('td[data-a="A"][data-b="B"] button').click();
  await expect(reading.locator('.cb-pane').nth(1)).toHaveAttribute('data-article', 'B');
  const olds = reading.locator('.cb-pane').nth(1).locator('.cb-old');
  expect(await olds.count()).toBeGreaterThan(0);
  const pairs = await olds.evaluateAll((nodes) => nodes.map((n) => [n.querySelector('s').textContent, n.nextElementSibling?.textContent]));
  expect(pairs).toContainEqual(['residents', 'people']);
  for (const [oldText, newText] of pairs) expect(oldText).not.toBe(newText);
  await expect(reading.locator('.cb-pane').nth(0).locator('.cb-changed', { hasText: 'residents' })).toHaveCount(1);

  // scrolling one side scrolls the other, through the shared passages
  const [l, r] = [reading.locator('.cb-scroll').nth(0), reading.locator('.cb-scroll').nth(1)];
  await page.setViewportSize({ width: 1280, height: 600 });
  await l.evaluate((n) => { n.style.maxHeight = '12rem'; });
  await r.evaluate((n) => { n.style.maxHeight = '12rem'; });
  await l.evaluate((n) => { n.scrollTop = 400; });
  await expect.poll(() => r.evaluate((n) => n.scrollTop)).toBeGreaterThan(200);
  await page.getByLabel('Scroll together').uncheck();
  const before = await r.evaluate((n) => n.scrollTop);
  await l.evaluate((n) => { n.scrollTop = 0; });
  await page.waitForTimeout(200);
  expect(await r.evaluate((n) => n.scrollTop)).toBe(before);
});

test('picking two articles in the reading view and the single-article mode', async ({ page }) => {
  await loadExample(page);
  await page.getByLabel('Left article').selectOption('D');
  await page.getByLabel('Right article').selectOption('C');
  const reading = page.getByTestId('reading');
  await expect(reading.locator('.cb-pane').nth(0)).toHaveAttribute('data-article', 'D');
  await expect(reading.locator('.cb-pane').nth(1)).toHaveAttribute('data-article', 'C');
  // D shares nothing: all of it is shaded as its own
  await expect(reading.locator('.cb-pane').nth(0).locator('.cb-shared')).toHaveCount(0);
  await page.getByRole('radio', { name: 'One article, its divergences' }).click();
  await page.getByLabel('Article to read').selectOption('A');
  await expect(reading.locator('.cb-pane')).toHaveCount(1);
  await expect(reading.locator('.cb-pane')).toHaveAttribute('data-article', 'A');
  expect(await plainText(reading.locator('.cb-scroll'))).toBe(EXAMPLE_ARTICLES[0].text);
  expect(await reading.locator('.cb-div-first').count()).toBeGreaterThan(3);
  // selecting a marked stretch explains it
  await reading.locator('.cb-pane .cb-div.cb-group-fact', { hasText: '300 residents' }).first().click();
  await expect(page.locator('#reading-view .cb-note')).toContainText('800 residents');
});

test('a difference seen against two sources is one card, marked in each of them', async ({ page }) => {
  await loadExample(page);
  // C dates the derailment "Wednesday" where A and B both say "Tuesday":
  // one card, told from C, with the span of "Tuesday" in A and in B
  const cards = page.getByTestId('divergences').locator('li.cb-divergence');
  await expect(cards.filter({ hasText: /Tuesday/ }).filter({ hasText: /Wednesday/ })).toHaveCount(1);
  await page.getByRole('radio', { name: 'One article, its divergences' }).click();
  const reading = page.getByTestId('reading');
  for (const id of ['A', 'B']) {
    await page.getByLabel('Article to read').selectOption(id);
    await expect(reading.locator('.cb-pane')).toHaveAttribute('data-article', id);
    const marked = reading.locator('.cb-pane .cb-div', { hasText: 'Tuesday' }).first();
    await expect(marked).toBeVisible();
    await marked.click();
    await expect(page.locator('#reading-view .cb-note')).toContainText('Wednesday');
  }
});

test('clicking an entity highlights its mentions in every article', async ({ page }) => {
  await loadExample(page);
  const table = page.getByTestId('entities');
  const row = table.locator('tbody tr[data-entity]').first();
  const name = await row.getAttribute('data-entity');
  const counts = {};
  for (const id of ['A', 'B', 'C', 'D']) counts[id] = Number(await row.locator(`td[data-article="${id}"]`).innerText());
  const aliases = (await row.locator('th').innerText()).replace(/[()]/g, ',').split(',').map((s) => s.trim()).filter(Boolean);
  await row.getByRole('button').click();
  await expect(row.getByRole('button')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('#reading-view')).toHaveAttribute('data-mode', 'all');
  const reading = page.getByTestId('reading');
  await expect(reading.locator('.cb-pane')).toHaveCount(4);
  for (const [i, id] of ['A', 'B', 'C', 'D'].entries()) {
    const pane = reading.locator(`.cb-pane[data-article="${id}"]`);
    await expect(pane.locator('.cb-hit')).toHaveCount(counts[id]);
    for (const hit of await pane.locator('.cb-hit').allTextContents()) {
      expect(aliases.some((a) => a === hit || name.includes(hit) || hit.includes(a)), `${hit} is a form of ${name}`).toBe(true);
    }
    expect(await plainText(pane.locator('.cb-scroll'))).toBe(EXAMPLE_ARTICLES[i].text);
  }
  await expect(page.locator('#reading-view .cb-controls').last()).toContainText(name);

  // filter by kind and by name, sort, and the bar chart selects too
  await page.getByLabel('Filter entities by kind').selectOption('person');
  for (const kind of await table.locator('tbody tr[data-entity]').evaluateAll((rows) => rows.map((r) => r.dataset.kind))) expect(kind).toBe('person');
  await page.getByLabel('Filter entities by name').fill('okafor');
  await expect(table.locator('tbody tr[data-entity]')).toHaveCount(1);
  await page.getByLabel('Filter entities by name').fill('');
  await page.getByLabel('Sort entities').selectOption('name');
  const names = await table.locator('tbody tr[data-entity]').evaluateAll((rows) => rows.map((r) => r.dataset.entity));
  expect(names).toEqual([...names].sort((x, y) => x.localeCompare(y)));
  const bar = page.locator('.cb-bars .cb-entity-name').nth(1);
  const barName = await bar.innerText();
  await bar.click();
  await expect(page.locator('#reading-view .cb-controls').last()).toContainText(barName);
  expect(await reading.locator('.cb-hit').count()).toBeGreaterThan(0);
});

test('counts of things are rows only when the reader asks for them', async ({ page }) => {
  await loadExample(page);
  const table = page.getByTestId('entities');
  const rows = table.locator('tbody tr[data-entity]');
  const kinds = () => rows.evaluateAll((rs) => rs.map((r) => r.dataset.kind));
  expect(await rows.count()).toBeGreaterThan(0);
  expect(await kinds()).not.toContain('number');
  await expect(page.locator('#entities-view .cb-controls .cb-hint')).toContainText(/counts? hidden/);
  // the box is reached and ticked from the keyboard
  const box = page.getByTestId('show-numbers');
  await box.focus();
  await page.keyboard.press('Space');
  await expect(box).toBeChecked();
  await expect.poll(kinds).toContain('number');
  await expect(page.locator('#entities-view .cb-controls .cb-hint')).not.toContainText('hidden');
  await page.keyboard.press('Space');
  await expect.poll(kinds).not.toContain('number');
  // choosing the kind asks for them too
  await page.getByLabel('Filter entities by kind').selectOption('number');
  for (const kind of await kinds()) expect(kind).toBe('number');
  expect(await rows.count()).toBeGreaterThan(0);
});

test('a divergence jumps to its place in the text and shows the other wording', async ({ page }) => {
  await loadExample(page);
  const list = page.getByTestId('divergences');
  await page.getByLabel('Kind of divergence').selectOption('fact');
  const items = list.locator('li.cb-divergence');
  expect(await items.count()).toBeGreaterThan(0);
  for (const g of await items.evaluateAll((xs) => xs.map((x) => x.dataset.group))) expect(g).toBe('fact');
  const item = items.first();
  const index = await item.getAttribute('data-index');
  const article = await item.getAttribute('data-article');
  await expect(item.locator('.cb-counterpart q')).toHaveText(/\S/);
  await item.getByRole('button', { name: /Show in text/ }).click();
  await expect(page.locator('#reading-view')).toHaveAttribute('data-mode', 'article');
  const reading = page.getByTestId('reading');
  await expect(reading.locator('.cb-pane')).toHaveAttribute('data-article', article);
  const target = reading.locator(`[data-start~="d${index}"]`);
  await expect(target).toBeFocused();
  await expect(target).toBeInViewport();
  const marked = (await reading.locator(`[data-keys~="d${index}"]`).allTextContents()).join('');
  const explanation = await item.locator('.cb-div-line').innerText();
  expect(marked.length).toBeGreaterThan(0);
  expect(explanation).toContain(marked);
  for (const span of await reading.locator(`[data-keys~="d${index}"]`).all()) await expect(span).toHaveClass(/cb-current/);

  // group by kind, filter by article and severity
  await page.getByLabel('Kind of divergence').selectOption('all');
  await page.getByLabel('Group divergences by').selectOption('kind');
  await expect(list.locator('li.cb-div-group').first()).toHaveAttribute('data-group', 'fact');
  await page.getByLabel('Show divergences of').selectOption('D');
  for (const a of await items.evaluateAll((xs) => xs.map((x) => x.dataset.article))) expect(a).toBe('D');
  await page.getByLabel('Minimum severity').selectOption('high');
  for (const s of await items.evaluateAll((xs) => xs.map((x) => x.dataset.severity))) expect(s).toBe('high');
});

test('articles, labels, order and settings survive a reload', async ({ page }) => {
  await gotoReady(page);
  await page.getByLabel('Article 1 text').fill('First text about the harbor.');
  await page.getByLabel('Article 1 label').fill('Harbor Post');
  await page.getByLabel('Article 2 text').fill('Second text about the ferry.');
  await page.getByLabel('Article 2 label').fill('Ferry News');
  await page.getByRole('button', { name: 'Add article' }).click();
  await page.getByLabel('Article 3 text').fill('Third text, by the river.');
  await page.getByRole('button', { name: 'Move article 3 up' }).click();
  await expect(page.getByRole('button', { name: 'Move article 2 up' })).toBeFocused();
  await page.getByLabel('Update after edits').uncheck();
  await expect(page.locator('body')).toHaveAttribute('data-saved', 'saved');
  await expect(page.locator('section.article-box').nth(0).locator('.box-count')).toHaveText('28 characters · 5 words');

  await page.reload();
  await expect(page.locator('body')).toHaveAttribute('data-state', 'ready');
  await expect(page.locator('section.article-box')).toHaveCount(3);
  await expect(page.getByLabel('Article 1 text')).toHaveValue('First text about the harbor.');
  await expect(page.getByLabel('Article 1 label')).toHaveValue('Harbor Post');
  await expect(page.getByLabel('Article 2 text')).toHaveValue('Third text, by the river.');
  await expect(page.getByLabel('Article 3 text')).toHaveValue('Second text about the ferry.');
  await expect(page.getByLabel('Article 3 label')).toHaveValue('Ferry News');
  await expect(page.getByLabel('Update after edits')).not.toBeChecked();
  await expect(page.getByRole('status').first()).toContainText('Restored 3 articles');
});

test('an analyzed session comes back analyzed after a reload', async ({ page }) => {
  await loadExample(page);
  await page.getByRole('radio', { name: 'All articles' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-saved', 'saved');
  await page.reload();
  await expect(page.locator('body')).toHaveAttribute('data-state', 'done');
  await expect(page.locator('section.article-box')).toHaveCount(4);
  await expect(page.getByTestId('overlap').locator('td.cb-cell')).toHaveCount(12);
  await expect(page.locator('#reading-view')).toHaveAttribute('data-mode', 'all');
});

test('clear all asks first, then empties the page and the storage', async ({ page }) => {
  await loadExample(page);
  await expect(page.locator('body')).toHaveAttribute('data-saved', 'saved');
  await page.getByRole('button', { name: 'Clear all…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Clear all articles?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('section.article-box')).toHaveCount(4);
  await expect(page.locator('#results')).toBeVisible();

  // Escape also keeps everything
  await page.getByRole('button', { name: 'Clear all…' }).click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.locator('section.article-box')).toHaveCount(4);

  await page.getByRole('button', { name: 'Clear all…' }).click();
  await dialog.getByRole('button', { name: 'Clear all' }).click();
  await expect(page.locator('section.article-box')).toHaveCount(2);
  await expect(page.getByLabel('Article 1 text')).toHaveValue('');
  await expect(page.locator('#results')).toBeHidden();
  await expect(page.getByRole('status').first()).toContainText('Cleared');
  await page.reload();
  await expect(page.locator('body')).toHaveAttribute('data-state', 'ready');
  await expect(page.locator('section.article-box')).toHaveCount(2);
  await expect(page.getByLabel('Article 1 text')).toHaveValue('');
});

test('the example asks before replacing typed articles', async ({ page }) => {
  await gotoReady(page);
  await page.getByLabel('Article 1 text').fill('My own draft.');
  await page.getByRole('button', { name: 'Try an example' }).click();
  const dialog = page.getByRole('dialog', { name: 'Replace your articles?' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByLabel('Article 1 text')).toHaveValue('My own draft.');
  await page.getByRole('button', { name: 'Try an example' }).click();
  await dialog.getByRole('button', { name: 'Load the example' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-state', 'done');
  await expect(page.getByLabel('Article 1 label')).toHaveValue(EXAMPLE_ARTICLES[0].label);
});

test('exports: Report JSON, entity CSV and an offline HTML report that runs nothing', async ({ page, context, browser }, testInfo) => {
  const w = watch(page, context);
  await gotoReady(page);
  const hostile = `${EXAMPLE_ARTICLES[0].text}\n\nA reader wrote: <script>window.__pwned = 1; alert("x")</script> ` +
    '<img src="http://example.invalid/p.png" onerror="alert(2)"> and "quotes" & ampersands, =SUM(A1) </style><style>body{display:none}</style>';
  await page.getByLabel('Article 1 text').fill(hostile);
  await page.getByLabel('Article 1 label').fill('<b>Wire</b> & "Co"');
  await page.getByLabel('Article 2 text').fill(EXAMPLE_ARTICLES[1].text);
  await page.getByLabel('Article 2 label').fill('Valley Daily Herald');
  await page.getByRole('button', { name: 'Analyze' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-state', 'done');

  const save = async (name) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
    return { name: download.suggestedFilename(), path: await download.path() };
  };
  const json = await save('Report JSON');
  expect(json.name).toBe('corroborate-report.json');
  const report = JSON.parse(readFileSync(json.path, 'utf8'));
  expect(report.articles.map((a) => a.id)).toEqual(['A', 'B']);
  expect(report.articles[0].label).toBe('<b>Wire</b> & "Co"');
  expect(Array.isArray(report.divergences)).toBe(true);

  const csv = await save('Entities CSV');
  expect(csv.name).toBe('corroborate-entities.csv');
  const lines = readFileSync(csv.path, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r\n/);
  expect(lines[0]).toBe('entity,kind,aliases,total,"A <b>Wire</b> & ""Co""",B Valley Daily Herald');
  expect(lines.length).toBe(report.entities.length + 1);
  expect(lines.slice(1).every((l) => l.split(',').length >= 6)).toBe(true);
  expect(lines.some((l) => l.startsWith('Marguerite Okafor,person,'))).toBe(true);

  const html = await save('Annotated HTML');
  expect(html.name).toBe('corroborate-report.html');
  const source = readFileSync(html.path, 'utf8');
  expect(source).not.toMatch(/<script/i);
  expect(source).not.toMatch(/<img/i);
  expect(source).not.toMatch(/<b>Wire/);
  expect(source).toContain('&lt;script&gt;window.__pwned = 1;');
  expect(source).toContain('&lt;/style&gt;&lt;style&gt;body{display:none}');
  expect(source).toContain('&lt;b&gt;Wire&lt;/b&gt; &amp; &quot;Co&quot;');
  expect(source).toContain("default-src 'none'");
  // opened offline, it shows the texts and runs nothing
  const offline = await browser.newContext({ offline: true });
  const view = await offline.newPage();
  const viewWatch = watch(view, offline);
  const copy = testInfo.outputPath('report.html');
  copyFileSync(html.path, copy);
  await view.goto(`file://${copy}`);
  await expect(view.getByRole('heading', { name: 'Corroborate report' })).toBeVisible();
  await expect(view.locator('body')).toContainText('<script>window.__pwned = 1;');
  expect(await view.evaluate(() => window.__pwned)).toBeUndefined();
  expect(await view.locator('img, script').count()).toBe(0);
  expect(await view.locator('a[href^="#d"]').count()).toBeGreaterThan(0);
  // each divergence link leads to an anchor in the text
  const href = await view.locator('a[href^="#d"]').first().getAttribute('href');
  await expect(view.locator(href)).toHaveCount(1);
  expect(viewWatch.dialogs).toEqual([]);
  expect(viewWatch.requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
  await offline.close();

  expect(w.dialogs).toEqual([]);
  expect(w.foreign()).toEqual([]);
  expect(await page.locator('img').count()).toBe(0);
});

test('an edit re-analyzes after a pause, without pressing Analyze', async ({ page }) => {
  await loadExample(page);
  await page.getByLabel('Article 4 label').fill('Community Radio');
  await expect(page.locator('#stale')).toBeVisible();
  await expect(page.getByTestId('articles').locator('li[data-article="D"]')).toContainText('Community Radio', { timeout: 15_000 });
  await expect(page.locator('body')).toHaveAttribute('data-state', 'done');
  await expect(page.locator('#stale')).toBeHidden();
  // reordering re-analyzes too: the moved article becomes A
  await page.getByRole('button', { name: 'Move article 4 up' }).click();
  await page.getByRole('button', { name: 'Move article 3 up' }).click();
  await page.getByRole('button', { name: 'Move article 2 up' }).click();
  await expect(page.getByTestId('articles').locator('li[data-article="A"]')).toContainText('Community Radio', { timeout: 15_000 });
});

test('a file dropped on the page becomes an article', async ({ page }) => {
  await gotoReady(page);
  const dt = await page.evaluateHandle(() => {
    const d = new DataTransfer();
    d.items.add(new File(['Storm closes the coast road near Bayview, police said on Tuesday.\n'], 'dropped-story.txt', { type: 'text/plain' }));
    d.items.add(new File(['# Coast road shut\n\nPolice shut the coast road near Bayview on Tuesday.\n'], 'second.md', { type: 'text/markdown' }));
    return d;
  });
  await page.dispatchEvent('body', 'dragenter', { dataTransfer: dt });
  await expect(page.locator('body')).toHaveClass(/dragging/);
  await page.dispatchEvent('body', 'drop', { dataTransfer: dt });
  await expect(page.getByLabel('Article 1 label')).toHaveValue('dropped-story.txt');
  await expect(page.getByLabel('Article 1 text')).toHaveValue(/Storm closes the coast road/);
  await expect(page.getByLabel('Article 2 label')).toHaveValue('second.md');
  await expect(page.getByLabel('Article 2 text')).toHaveValue(/Police shut the coast road/);
  await expect(page.locator('body')).not.toHaveClass(/dragging/);
});

test('the findings that matter most come first, each saying why; spelling variants wait behind a toggle', async ({ page }) => {
  await loadExample(page);
  const top = page.getByTestId('top-findings');
  const items = top.locator('li.cb-divergence');
  await expect(items.first()).toBeVisible();
  expect(await items.count()).toBeLessThanOrEqual(5);
  expect(await top.locator('.cb-why').count()).toBe(await items.count());
  await expect(top.locator('.cb-why').first()).toContainText('Why this matters:');
  // none of them is a spelling or alias variant
  for (const kind of await items.evaluateAll((xs) => xs.map((x) => x.dataset.kind))) expect(kind).not.toBe('format');
  const list = page.getByTestId('divergences');
  const toggle = page.getByTestId('show-formats');
  if (await toggle.count()) {
    expect(await list.locator('li.cb-divergence[data-kind="format"]').count()).toBe(0);
    await toggle.check();
    expect(await list.locator('li.cb-divergence[data-kind="format"]').count()).toBeGreaterThan(0);
  }
});
