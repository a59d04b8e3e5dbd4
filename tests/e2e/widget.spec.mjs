// The embeddable widget (issue 8): <corroborate-compare> on a hostile host
// page, the iframe embed (embed.html) and the npm package from `npm pack`.
// Host pages are served with page.route() from /__host/deep/ on the test
// server's origin, so the widget loads its worker and wasm relative to its
// own URL, not the page's.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, createReadStream, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ORIGIN, watch } from './helpers.mjs';
import {
  CSP, HOSTILE_CSS, HOSTILE_LIB, IFRAME_PARENT_CSS, THREE, hostApp, hostilePage, iframeParent, iframeParentApp,
} from './widget-fixtures.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HOST = `${ORIGIN}/__host/deep/`;

/** Serves `files` (name → {type, body}) under /__host/deep/ with the strict CSP. */
async function serveHost(page, files) {
  await page.route(`${ORIGIN}/__host/**`, (route) => {
    const name = new URL(route.request().url()).pathname.replace('/__host/deep/', '');
    const file = files[name];
    if (!file) return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' });
    return route.fulfill({ status: 200, contentType: file.type, headers: { 'Content-Security-Policy': CSP }, body: file.body });
  });
}

const html = (body) => ({ type: 'text/html; charset=utf-8', body });
const js = (body) => ({ type: 'text/javascript; charset=utf-8', body });
const css = (body) => ({ type: 'text/css; charset=utf-8', body });

function hostileFiles({ widgets = true } = {}) {
  return {
    'page.html': html(hostilePage({ widgets })),
    'hostile.css': css(HOSTILE_CSS),
    'hostile-lib.js': js(HOSTILE_LIB),
    'host-app.js': js(hostApp(THREE)),
  };
}

/** Computed styles of a few host elements, to compare with and without widgets. */
async function hostStyles(page) {
  return page.evaluate(() => {
    const props = ['color', 'font-size', 'font-family', 'display', 'letter-spacing', 'line-height', 'background-color',
      'margin-top', 'text-transform', 'visibility', 'width'];
    const out = {};
    for (const sel of ['html', 'body', '#masthead', '#before', '#after', '.article-body', '#second-heading', '#host-button', '#host-table td']) {
      const node = document.querySelector(sel);
      const cs = getComputedStyle(node);
      out[sel] = Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
      const before = getComputedStyle(node, '::before');
      out[sel]['::before'] = before.getPropertyValue('content');
    }
    out.sheets = document.styleSheets.length;
    out.adopted = document.adoptedStyleSheets.length;
    out.headChildren = document.head.children.length;
    return out;
  });
}

test('two widgets on a hostile host page render, analyze and keep their own styles', async ({ page, context }) => {
  const w = watch(page, context);
  await serveHost(page, hostileFiles());
  await page.goto(`${HOST}page.html`);

  const markup = page.locator('#from-markup');
  const built = page.locator('#from-constructor');
  for (const widget of [markup, built]) {
    await expect(widget.locator('.cb-w')).toHaveAttribute('data-state', 'done');
    await expect(widget.locator('[part~="summary"]')).toBeVisible();
    await expect(widget.locator('[part~="heatmap"] td.cb-cell')).toHaveCount(6);
    for (const cell of await widget.locator('td.cb-cell').all()) await expect(cell).toHaveText(/^\d+%$/);
    await expect(widget.locator('[part~="expand"]')).toBeVisible();
  }
  // The articles were read from the children: three, labelled, and the
  // wire/gazette pair is a near copy disagreeing on the figures.
  const report = await page.evaluate(() => document.getElementById('from-markup').report);
  expect(report.articles.map((a) => a.label)).toEqual(THREE.map((a) => a.label));
  expect(await markup.locator('[part~="summary"]')).toContainText('Harbor Wire [A]');
  await expect(markup.locator('[part~="summary"]')).toContainText(/212|250/);
  // the template's text is read, its script and image stay inert, the article's script is blocked by CSP
  expect(report.articles[1].words).toBeGreaterThan(40);
  expect(await page.evaluate(() => [window.__articleScriptRan, window.__templateScriptRan])).toEqual([undefined, undefined]);
  // the property-built widget has the same articles and shows its top 3
  const builtReport = await page.evaluate(() => document.getElementById('card').shadowRoot.getElementById('from-constructor').report);
  expect(builtReport.articles.length).toBe(3);
  expect(await built.locator('[part~="divergence"]').count()).toBeLessThanOrEqual(3);
  expect(await built.locator('[part~="divergence"]').count()).toBeGreaterThan(0);
  await expect(markup.locator('[part~="divergence"]')).toHaveCount(Math.min(5, report.divergences.length));
  // the fact divergence (passengers, hours) is among the top ones
  await expect(markup.locator('[part~="divergence"][data-group="fact"]').first()).toBeVisible();

  // Host styles did not break the widget: its own font, colours and layout.
  const style = await markup.locator('.cb-w').evaluate((node) => {
    const cs = getComputedStyle(node);
    const host = getComputedStyle(node.getRootNode().host);
    const button = getComputedStyle(node.querySelector('[part~="expand"]'));
    const td = getComputedStyle(node.querySelector('td.cb-cell'));
    const heading = getComputedStyle(node.querySelector('[part~="summary"] h3'));
    return {
      hostDisplay: host.display, display: cs.display, fontSize: cs.fontSize, color: cs.color, letterSpacing: cs.letterSpacing,
      textTransform: cs.textTransform, textAlign: cs.textAlign, fontFamily: cs.fontFamily, lineHeight: cs.lineHeight,
      buttonDisplay: button.display, tdDisplay: td.display, headingSize: heading.fontSize,
      before: getComputedStyle(node.querySelector('.cb-cell'), '::before').content,
    };
  });
  expect(style.hostDisplay).toBe('block');
  expect(style.display).toBe('block');
  expect(style.fontSize).toBe('16px');
  expect(style.color).toBe('rgb(29, 31, 35)');
  expect(style.letterSpacing).toBe('normal');
  expect(style.textTransform).toBe('none');
  expect(style.textAlign).toBe('start');
  expect(style.fontFamily).not.toContain('Comic');
  expect(parseFloat(style.lineHeight)).toBeGreaterThan(20);
  expect(style.buttonDisplay).not.toBe('none');
  expect(style.tdDisplay).toBe('table-cell');
  expect(style.headingSize).not.toBe('40px');
  expect(style.before).toBe('none');
  const box = await markup.boundingBox();
  expect(box.height).toBeGreaterThan(300);
  expect(box.width).toBeGreaterThan(600);
  // The documented styling API reaches in: --cb-* and ::part().
  const themed = await markup.locator('.cb-w').evaluate((node) => ({
    border: getComputedStyle(node).borderTopColor,
    width: getComputedStyle(node).borderTopWidth,
    accent: getComputedStyle(node.querySelector('[part~="expand"]')).borderColor,
    accentVar: getComputedStyle(node).getPropertyValue('--cb-accent').trim(),
  }));
  expect(themed).toMatchObject({ border: 'rgb(0, 128, 0)', width: '3px', accentVar: 'rgb(0, 90, 60)' });
  // …but the host's generic --fg/--accent do not.
  expect(await built.locator('.cb-w').evaluate((n) => getComputedStyle(n).getPropertyValue('--cb-accent').trim())).toBe('#1f5fbf');
  expect(await built.locator('.cb-w').evaluate((n) => getComputedStyle(n).color)).toBe('rgb(29, 31, 35)');

  // Events: ready and report for both, bubbling and composed (the second
  // widget sits in another component's shadow root).
  const events = await page.evaluate(() => window.__events);
  for (const id of ['from-markup', 'from-constructor']) {
    for (const type of ['corroborate-ready', 'corroborate-report']) {
      const e = events.find((x) => x.origin === id && x.type === type);
      expect(e, `${type} of ${id}`).toBeTruthy();
      expect(e).toMatchObject({ bubbles: true, composed: true });
      if (type === 'corroborate-report') expect(e.articles).toBe(3);
    }
  }
  expect(events.find((e) => e.origin === 'from-constructor').target).toBe('card');
  expect(events.filter((e) => e.type === 'corroborate-error')).toEqual([]);
  // Defining twice (and under a second tag) is tolerated; the host's wrapper saw it.
  expect(await page.evaluate(() => window.__definitions)).toEqual({ sameClass: true, otherTag: true });
  expect(await page.evaluate(() => window.__defined)).toEqual(expect.arrayContaining(['corroborate-compare', 'news-compare', 'host-card']));
  // One worker for both widgets.
  expect(page.workers().length).toBe(1);

  // Figures for the README (logged, not asserted).
  const timings = await page.evaluate(() => ({
    markup: document.getElementById('from-markup').timings,
    built: document.getElementById('card').shadowRoot.getElementById('from-constructor').timings,
  }));
  console.log(`hostile page, connected → first report: markup ${timings.markup.connectedToFirstReport.toFixed(0)} ms, ` +
    `constructor ${timings.built.connectedToFirstReport.toFixed(0)} ms (analysis ${timings.built.lastAnalysis.toFixed(0)} ms)`);

  await page.screenshot({ path: 'test-results/widget-hostile.png', fullPage: true });
  expect(w.foreign(), 'requests to other origins').toEqual([]);
  // (only the host's own inline <script> in the first <article> is refused, by the host's CSP)
  expect(w.errors.filter((e) => !/(Refused to execute|Executing) inline script/.test(e)), 'console errors').toEqual([]);
});

test('the widget leaks no styles or globals into the host page', async ({ page, context }) => {
  const w = watch(page, context);
  await serveHost(page, hostileFiles({ widgets: false }));
  await page.goto(`${HOST}page.html`);
  const without = await hostStyles(page);
  const globalsWithout = await page.evaluate(() => Object.getOwnPropertyNames(window).sort());

  await page.unroute(`${ORIGIN}/__host/**`);
  await serveHost(page, hostileFiles());
  await page.goto(`${HOST}page.html`);
  await expect(page.locator('#from-constructor .cb-w')).toHaveAttribute('data-state', 'done');
  await expect(page.locator('#from-markup .cb-w')).toHaveAttribute('data-state', 'done');
  const withWidgets = await hostStyles(page);
  const globalsWith = await page.evaluate(() => Object.getOwnPropertyNames(window).sort());

  // The host page's own elements look exactly the same; the only new
  // stylesheets are inside the widgets' shadow roots.
  expect({ ...withWidgets, headChildren: 0 }).toEqual({ ...without, headChildren: 0 });
  expect(withWidgets.headChildren - without.headChildren).toBe(3); // the three module scripts of the page itself
  // No new globals except the host's own (host-app.js sets these).
  const added = globalsWith.filter((g) => !globalsWithout.includes(g));
  expect(added.sort()).toEqual(['__definitions', '__events']);
  expect(await page.evaluate(() => window.CorroborateCompare)).toBe('taken by the host');
  expect(w.foreign()).toEqual([]);
});

test('editable mode: paste articles, compare, expand to the full view and jump to a divergence', async ({ page, context }) => {
  const w = watch(page, context);
  await serveHost(page, {
    'page.html': html(`<!doctype html><html lang="en"><head><meta charset="utf-8">
      <meta http-equiv="Content-Security-Policy" content="${CSP}"><title>Editable</title>
      <script type="module" src="/corroborate-widget.js"></script></head>
      <body><corroborate-compare id="paste" editable heading-level="2"></corroborate-compare></body></html>`),
  });
  await page.goto(`${HOST}page.html`);
  const widget = page.locator('#paste');
  await expect(widget.locator('[part~="editor"]')).toBeVisible();
  await expect(widget.getByText('Paste two or more versions')).toBeVisible();
  await widget.getByLabel('Article 1 source').fill(THREE[0].label);
  await widget.getByLabel('Article 1 text').fill(THREE[0].text);
  await widget.getByLabel('Article 2 source').fill(THREE[1].label);
  await widget.getByLabel('Article 2 text').fill(THREE[1].text);
  await widget.getByRole('button', { name: 'Compare' }).click();
  await expect(widget.locator('.cb-w')).toHaveAttribute('data-state', 'done');
  await expect(widget.locator('[part~="heatmap"] td.cb-cell')).toHaveCount(2);
  await expect(widget.locator('[part~="summary"] h2')).toHaveText('Summary');
  expect(await page.evaluate(() => document.getElementById('paste').articles.length)).toBe(2);

  // a third article
  await widget.getByRole('button', { name: 'Add article' }).click();
  await widget.getByLabel('Article 3 text').fill(THREE[2].text);
  await widget.getByRole('button', { name: 'Compare' }).click();
  await expect(widget.locator('[part~="heatmap"] td.cb-cell')).toHaveCount(6);

  // expand: the full view (reading, entities, all divergences), then back
  await widget.locator('[part~="expand"]').click();
  await expect(widget).toHaveAttribute('view', 'full');
  await expect(widget.locator('[part~="reading"] .cb-pane')).toHaveCount(2);
  await expect(widget.locator('[part~="entities"]')).toBeVisible();
  await expect(widget.locator('[part~="divergences"] li.cb-divergence').first()).toBeVisible();
  await widget.locator('[part~="collapse"]').click();
  await expect(widget).toHaveAttribute('view', 'compact');
  await expect(widget.locator('[part~="reading"]')).toHaveCount(0);

  // "Show in text" on a top divergence opens it in the full view
  const first = widget.locator('[part~="divergence"]').first();
  const article = await first.getAttribute('data-article');
  await first.locator('[part~="jump"]').click();
  await expect(widget).toHaveAttribute('view', 'full');
  await expect(widget.locator('.cb-reading-body .cb-current').first()).toBeVisible();
  expect(await widget.locator('[part~="reading"] select[aria-label="Article to read"]').inputValue()).toBe(article);

  // batched: three attribute changes in one task → one render
  const renders = await page.evaluate(async () => {
    const el = document.getElementById('paste');
    const root = el.shadowRoot.querySelector('.cb-w-report');
    let n = 0;
    const mo = new MutationObserver((records) => { n += records.filter((r) => r.target === root).length; });
    mo.observe(root, { childList: true });
    el.view = 'compact';
    el.top = 2;
    el.headingLevel = 4;
    await new Promise((r) => setTimeout(r, 50));
    mo.disconnect();
    return { n, items: root.querySelectorAll('[part~="divergence"]').length, h: root.querySelector('h4')?.textContent };
  });
  expect(renders).toEqual({ n: 1, items: 2, h: 'Summary' });
  expect(w.foreign()).toEqual([]);
  expect(w.errors).toEqual([]);
});

test('the iframe embed takes articles by fragment and by postMessage and reports its height', async ({ page, context }) => {
  const w = watch(page, context);
  const fragment = `/embed.html#id=by-fragment&articles=${encodeURIComponent(JSON.stringify(THREE))}`;
  await serveHost(page, {
    'page.html': html(iframeParent(fragment)),
    'iframe-parent.css': css(IFRAME_PARENT_CSS),
    'iframe-parent.js': js(iframeParentApp(THREE.slice(0, 2))),
  });
  await page.goto(`${HOST}page.html`);
  const byFragment = page.frameLocator('#by-fragment');
  const byMessage = page.frameLocator('#by-message');
  await expect(byFragment.locator('.cb-w')).toHaveAttribute('data-state', 'done');
  await expect(byFragment.locator('td.cb-cell')).toHaveCount(6);
  await expect(byMessage.locator('.cb-w')).toHaveAttribute('data-state', 'done');
  await expect(byMessage.locator('td.cb-cell')).toHaveCount(2);
  await expect(byMessage.locator('[part~="divergence"]')).toHaveCount(2); // top=2 from the fragment

  // The parent (embed-resize.js) sized each iframe to its content: no inner scrollbar.
  for (const id of ['by-fragment', 'by-message']) {
    const frame = page.locator(`#${id}`);
    await expect(frame).toHaveAttribute('data-corroborate-height', /^\d+$/);
    await expect.poll(async () => {
      const inner = await page.frameLocator(`#${id}`).locator('body').evaluate((b) => Math.ceil(b.getBoundingClientRect().height));
      const outer = await frame.evaluate((f) => f.getBoundingClientRect().height);
      return Math.abs(inner - outer) <= 1 && outer > 300;
    }, { message: `${id} fits its content` }).toBe(true);
    const scroll = await page.frameLocator(`#${id}`).locator('html').evaluate((h) => h.scrollHeight - h.clientHeight);
    expect(scroll, `${id} has no inner scrollbar`).toBeLessThanOrEqual(1);
  }
  const messages = await page.evaluate(() => window.__messages);
  expect(messages.some((m) => m.type === 'corroborate:height' && m.id === 'by-fragment' && m.height > 300)).toBe(true);
  expect(messages.some((m) => m.datawrapper === 'by-message')).toBe(true);
  // the report goes back only to the page that sent the articles
  expect(messages.filter((m) => m.type === 'corroborate:report')).toEqual([
    expect.objectContaining({ from: 'by-message', origin: ORIGIN, articles: 2 }),
  ]);

  // the parent resizes again when the content grows (full view)
  const before = await page.locator('#by-message').evaluate((f) => f.getBoundingClientRect().height);
  await byMessage.locator('[part~="expand"]').click();
  await expect.poll(() => page.locator('#by-message').evaluate((f) => f.getBoundingClientRect().height)).toBeGreaterThan(before + 200);

  await page.locator('#by-fragment').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/widget-iframe.png', fullPage: true });
  expect(w.foreign()).toEqual([]);
  expect(w.errors).toEqual([]);
});

/** A tiny static server for the scratch folder, with the strict CSP. */
function serveFolder(root) {
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
    '.wasm': 'application/wasm', '.json': 'application/json' };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = resolve(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': types[extname(file)] || 'application/octet-stream', 'Content-Security-Policy': CSP });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

test('the npm package from `npm pack` installs into a scratch folder and works from there', async ({ page, context }) => {
  test.setTimeout(120_000);
  const scratch = mkdtempSync(join(tmpdir(), 'corroborate-pack-'));
  try {
    const out = join(scratch, 'dist');
    const log = execFileSync('bash', [join(ROOT, 'scripts/pack.sh'), out], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const tarball = log.trim().split('\n').pop();
    expect(tarball).toMatch(/\.tgz$/);
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n');
    for (const f of ['package/package.json', 'package/README.md', 'package/corroborate-widget.js', 'package/widget/element.js',
      'package/worker.js', 'package/pkg/corroborate.js', 'package/pkg/corroborate_bg.wasm', 'package/types/widget.d.ts',
      'package/types/report.d.ts', 'package/embed.html', 'package/embed-resize.js', 'package/ui/ui.css']) {
      expect(files, f).toContain(f);
    }
    const site = join(scratch, 'site');
    mkdirSync(site);
    writeFileSync(join(site, 'package.json'), JSON.stringify({ name: 'scratch-site', private: true, version: '1.0.0' }));
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], { cwd: site, stdio: 'pipe' });
    const pkg = JSON.parse(readFileSync(join(site, 'node_modules/corroborate-compare/package.json'), 'utf8'));
    expect(pkg.exports['.'].types).toBe('./types/widget.d.ts');
    expect(readFileSync(join(site, 'node_modules/corroborate-compare/README.md'), 'utf8')).toContain('Embed in your CMS');
    writeFileSync(join(site, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8">
      <meta http-equiv="Content-Security-Policy" content="${CSP}"><title>From the package</title>
      <script type="module" src="node_modules/corroborate-compare/corroborate-widget.js"></script>
      <script type="module" src="app.js"></script></head>
      <body><corroborate-compare id="pkg"></corroborate-compare></body></html>`);
    writeFileSync(join(site, 'app.js'), `import { CorroborateCompare } from './node_modules/corroborate-compare/widget/element.js';
      CorroborateCompare.define();
      document.getElementById('pkg').articles = ${JSON.stringify(THREE)};`);
    const server = await serveFolder(site);
    try {
      const origin = `http://127.0.0.1:${server.address().port}`;
      const requests = [];
      context.on('request', (r) => requests.push(r.url()));
      await page.goto(`${origin}/index.html`);
      await expect(page.locator('#pkg .cb-w')).toHaveAttribute('data-state', 'done');
      await expect(page.locator('#pkg td.cb-cell')).toHaveCount(6);
      expect(requests.some((u) => u.endsWith('/node_modules/corroborate-compare/pkg/corroborate_bg.wasm'))).toBe(true);
      expect(requests.filter((u) => new URL(u).origin !== origin)).toEqual([]);
    } finally {
      server.close();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});

test('connected → first report, cold and warm, for three short articles (logged)', async ({ page }) => {
  await serveHost(page, {
    'page.html': html(`<!doctype html><html lang="en"><head><meta charset="utf-8">
      <meta http-equiv="Content-Security-Policy" content="${CSP}"><title>Timing</title>
      <script type="module" src="timing.js"></script></head><body></body></html>`),
    'timing.js': js(`import { CorroborateCompare } from '/widget/element.js';
      CorroborateCompare.define();
      const articles = ${JSON.stringify(THREE)};
      window.__run = () => new Promise((resolve) => {
        const w = new CorroborateCompare();
        w.addEventListener('corroborate-report', () => resolve(w.timings), { once: true });
        w.articles = articles;
        document.body.append(w);
      });`),
  });
  await page.goto(`${HOST}page.html`);
  const cold = await page.evaluate(() => window.__run());
  const warm = await page.evaluate(() => window.__run());
  expect(cold.connectedToFirstReport).toBeGreaterThan(0);
  expect(warm.connectedToFirstReport).toBeGreaterThan(0);
  console.log(`widget connected → first report (3 short articles): cold ${cold.connectedToFirstReport.toFixed(0)} ms ` +
    `(ready ${cold.connectedToReady?.toFixed(0)} ms, analysis ${cold.lastAnalysis.toFixed(0)} ms, render ${cold.lastRender.toFixed(0)} ms), ` +
    `warm ${warm.connectedToFirstReport.toFixed(0)} ms (analysis ${warm.lastAnalysis.toFixed(0)} ms)`);
});

test('in a narrow column of a wide page the widget fits (container queries), light and dark', async ({ page }) => {
  await serveHost(page, {
    'page.html': html(`<!doctype html><html lang="en"><head><meta charset="utf-8">
      <meta http-equiv="Content-Security-Policy" content="${CSP}"><title>Column</title>
      <link rel="stylesheet" href="column.css">
      <script type="module" src="/corroborate-widget.js"></script><script type="module" src="column.js"></script></head>
      <body><main><corroborate-compare id="light" view="full"></corroborate-compare>
      <corroborate-compare id="dark" theme="dark"></corroborate-compare></main></body></html>`),
    'column.css': css('body { margin: 0; background: #ddd; } main { width: 340px; margin: 0 auto; background: #fff; padding: 10px; } corroborate-compare { margin-bottom: 10px; }'),
    'column.js': js(`for (const id of ['light', 'dark']) document.getElementById(id).articles = ${JSON.stringify(THREE)};`),
  });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${HOST}page.html`);
  for (const id of ['light', 'dark']) await expect(page.locator(`#${id} .cb-w`)).toHaveAttribute('data-state', 'done');
  // side by side becomes one pane above the other inside a 340 px column, even on a 1280 px window
  const panes = page.locator('#light [part~="reading"] .cb-pane');
  await expect(panes).toHaveCount(2);
  const [p1, p2] = [await panes.nth(0).boundingBox(), await panes.nth(1).boundingBox()];
  expect(p2.y).toBeGreaterThan(p1.y + p1.height - 1);
  for (const id of ['light', 'dark']) {
    const overflow = await page.locator(`#${id} .cb-w`).evaluate((n) => n.scrollWidth - n.clientWidth);
    if (process.env.DEBUG_OVERFLOW) console.log(id, await page.locator(`#${id} .cb-w`).evaluate((n) => { const r = n.getBoundingClientRect(); return [...n.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > r.right + 1).slice(0, 8).map((e) => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right - r.right) + ' ' + (e.textContent || '').slice(0, 40)); }));
    expect(overflow, `${id}: no sideways overflow`).toBeLessThanOrEqual(1);
    expect((await page.locator(`#${id}`).boundingBox()).width).toBeLessThanOrEqual(340);
  }
  expect(await page.locator('#dark .cb-w').evaluate((n) => getComputedStyle(n).backgroundColor)).toBe('rgb(21, 23, 26)');
  await page.locator('#light').screenshot({ path: 'test-results/widget-column-light-full.png' });
  await page.locator('#dark').screenshot({ path: 'test-results/widget-column-dark.png' });
});

test('when the analyzer cannot load, the widget says so and fires corroborate-error', async ({ page, context }) => {
  await context.route('**/pkg/corroborate_bg.wasm', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'gone' }));
  await serveHost(page, {
    'page.html': html(`<!doctype html><html lang="en"><head><meta charset="utf-8">
      <meta http-equiv="Content-Security-Policy" content="${CSP}"><title>Broken</title>
      <script type="module" src="errors.js"></script><script type="module" src="/corroborate-widget.js"></script></head>
      <body><corroborate-compare id="broken"><article data-label="A">One short text about a ferry.</article><article>Another text about a ferry.</article></corroborate-compare></body></html>`),
    'errors.js': js(`window.__errors = [];
      document.addEventListener('corroborate-error', (e) => window.__errors.push({ message: e.detail.message, bubbles: e.bubbles, composed: e.composed }));`),
  });
  await page.goto(`${HOST}page.html`);
  const widget = page.locator('#broken');
  await expect(widget.locator('[part~="error"]')).toBeVisible();
  await expect(widget.locator('[part~="error"]')).toContainText('Could not compare the articles');
  await expect(widget.locator('.cb-w')).toHaveAttribute('data-state', 'error');
  const errors = await page.evaluate(() => window.__errors);
  expect(errors.length).toBe(1);
  expect(errors[0]).toMatchObject({ bubbles: true, composed: true });
  expect(errors[0].message).toMatch(/analyzer|wasm|WebAssembly|load/i);
  expect(await widget.evaluate((n) => n.matches(':state(error)'))).toBe(true);
});
