// The page's main thread under the largest inputs: the longest task (and
// long animation frame, with the scripts and layout it spent its time on)
// from pressing Analyze to the report on screen. Issue 9's target: the page
// never stops answering for more than 100 ms.
//
//   node bench/page-responsiveness.mjs [runs] [scenario regex]   (after scripts/build-wasm.sh)
//
// To find where the time goes: VERBOSE=1 lists the long animation frames and
// the scripts in them, PROFILE=1 the functions with the most self time (V8
// sampling profiler), TRACE=1 the browser's own work (style, layout, paint)
// inside each task over 50 ms; EXTRA_CSS='…' adds a style sheet first, to
// try a CSS change without editing the page.
//
// Serves www/ with scripts/serve.mjs on a free port and drives the system
// Chromium (CHROMIUM_PATH, default /usr/bin/chromium) with Playwright.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { pseudoArticle } from '../tests/e2e/helpers.mjs';
import { MAX_ARTICLE_BYTES } from '../www/limits.js';
import { EXAMPLE_ARTICLES } from '../www/examples/derailment.js';

const RUNS = Number(process.argv[2]) || 3;
const ONLY = process.argv[3] ? new RegExp(process.argv[3]) : null;
const WIRE = 'A container crane collapsed in Rotterdam on Monday, killing four dock workers, the Harbor Authority said. ' +
  'Mayor Elena Vasquez ordered an inspection of every crane in Rotterdam, and the port said work would resume on Thursday.';

/** Article sets, as the user would paste them. */
const SCENARIOS = {
  'the example (four short articles)': () => EXAMPLE_ARTICLES.map((a) => a.text),
  'one 2 MB article and a short one': () => {
    const big = pseudoArticle(2, 330_000).slice(0, MAX_ARTICLE_BYTES - WIRE.length - 2);
    return [`${WIRE}\n\n${big}`, WIRE];
  },
  '50 articles of 1,000 words, copying each other': () => {
    const base = pseudoArticle(0, 1_000);
    return Array.from({ length: 50 }, (_, i) => (i % 2 ? base : pseudoArticle(i, 1_000)));
  },
  'two 1 MB articles sharing half their text': () => {
    const shared = pseudoArticle(9, 80_000);
    return [`${pseudoArticle(3, 80_000)}\n\n${shared}`, `${shared}\n\n${pseudoArticle(4, 80_000)}`];
  },
};

function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitFor(url) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${url} did not start`);
}

const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
const server = spawn('node', ['scripts/serve.mjs', '--port', String(port)], { stdio: 'ignore' });
try {
  await waitFor(`${origin}/`);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  for (const [name, make] of Object.entries(SCENARIOS)) {
    if (ONLY && !ONLY.test(name)) continue;
    const texts = make();
    const rows = [];
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.addInitScript(() => {
        window.__tasks = [];
        window.__frames = [];
        new PerformanceObserver((l) => {
          for (const e of l.getEntries()) window.__tasks.push({ start: e.startTime, ms: e.duration });
        }).observe({ type: 'longtask' });
        try {
          new PerformanceObserver((l) => {
            for (const e of l.getEntries()) {
              window.__frames.push({
                start: e.startTime,
                ms: e.duration,
                blocking: e.blockingDuration,
                layout: e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0,
                scripts: e.scripts.map((s) => ({
                  ms: Math.round(s.duration),
                  fn: `${s.invoker || ''} ${s.sourceFunctionName || ''} ${(s.sourceURL || '').split('/').pop()}:${s.sourceCharPosition}`,
                })),
              });
            }
          }).observe({ type: 'long-animation-frame' });
        } catch {
          /* no long-animation-frame timing */
        }
      });
      if (process.env.VERBOSE) page.on('console', (m) => m.text().startsWith('T ') && console.log(`    ${m.text()}`));
      await page.goto(`${origin}/`);
      await page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 30_000 });
      if (process.env.EXTRA_CSS) await page.evaluate((css) => { const s = new CSSStyleSheet(); s.replaceSync(css); document.adoptedStyleSheets = [...document.adoptedStyleSheets, s]; }, process.env.EXTRA_CSS);
      while ((await page.locator('section.article-box').count()) < texts.length) await page.locator('#add-box').click();
      await page.locator('section.article-box textarea').evaluateAll((boxes, list) => {
        boxes.forEach((t, i) => {
          t.value = list[i];
          t.dispatchEvent(new Event('input', { bubbles: true }));
        });
      }, texts);
      await page.waitForTimeout(300);
      const t0 = await page.evaluate(() => performance.now());
      let cdp;
      if (process.env.PROFILE) {
        cdp = await page.context().newCDPSession(page);
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await cdp.send('Profiler.start');
      }
      if (process.env.TRACE) await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink'] });
      await page.locator('#analyze').click();
      await page.waitForFunction(() => document.body.dataset.state === 'done', null, { timeout: 60_000 });
      if (process.env.TRACE) {
        await page.waitForTimeout(500);
        const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
        const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
        const mine = events.filter((e) => e.tid === main?.tid && e.pid === main?.pid && e.ph === 'X');
        for (const e of mine.filter((x) => x.name === 'RunTask' && x.dur > 50_000)) {
          const inside = mine.filter((x) => x.ts >= e.ts && x.ts + x.dur <= e.ts + e.dur && x !== e && x.dur > 5_000);
          console.log(`  task ${Math.round(e.dur / 1000)} ms: ${inside.map((x) => `${x.name} ${Math.round(x.dur / 1000)}`).join(', ')}`);
          for (const x of inside.filter((y) => y.name === 'Layout' || y.name === 'UpdateLayoutTree')) {
            const outer = mine.filter((y) => y.ts <= x.ts && y.ts + y.dur >= x.ts + x.dur && ['FunctionCall', 'EventDispatch', 'TimerFire', 'FireAnimationFrame', 'v8.callFunction', 'ParseHTML', 'HitTest'].includes(y.name));
            console.log(`    ${x.name} ${Math.round(x.dur / 1000)} ms ${JSON.stringify(x.args.beginData?.dirtyObjects ?? x.args.elementCount)} in ${outer.map((y) => `${y.name}(${y.args?.data?.functionName || y.args?.data?.type || ''} ${(y.args?.data?.url || '').split('/').pop()}:${y.args?.data?.lineNumber ?? ''})`).join(' > ')}`);
          }
        }
      }
      if (cdp) {
        const { profile } = await cdp.send('Profiler.stop');
        const self = new Map();
        const byId = new Map(profile.nodes.map((n) => [n.id, n]));
        const dt = profile.timeDeltas;
        profile.samples.forEach((id, i) => {
          const n = byId.get(id);
          const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
          self.set(k, (self.get(k) || 0) + (dt[i] || 0) / 1000);
        });
        const top = [...self].filter(([k]) => !k.startsWith('(idle)') && !k.startsWith('(program)')).sort((a, b) => b[1] - a[1]).slice(0, 15);
        for (const [k, ms] of top) console.log(`    self ${ms.toFixed(1)} ms  ${k}`);
      }
      await page.waitForTimeout(500); // tasks that follow the report (scroll, layout of what is on screen)
      // then read the report: every section scrolled into view in turn, as a reader would
      const t1 = await page.evaluate(() => performance.now());
      for (const id of ['overview', 'reading', 'entities-section', 'divergences-section']) {
        await page.evaluate((s) => document.getElementById(s).scrollIntoView(), id);
        await page.waitForTimeout(300);
      }
      const scrolled = await page.evaluate((since) => window.__tasks.filter((e) => e.start >= since).map((e) => Math.round(e.ms)), t1);
      const out = await page.evaluate((since) => ({
        tasks: window.__tasks.filter((e) => e.start >= since).map((e) => Math.round(e.ms)),
        frames: window.__frames.filter((e) => e.start >= since && e.ms > 50),
        run: Number(document.body.dataset.runMs),
        render: Number(document.body.dataset.renderMs),
      }), t0);
      out.tasks = out.tasks.filter((_, i) => i < out.tasks.length - scrolled.length);
      out.scrolled = scrolled;
      rows.push(out);
      await page.close();
    }
    const longest = rows.map((r) => Math.max(0, ...r.tasks));
    const reading = rows.map((r) => Math.max(0, ...r.scrolled));
    console.log(`\n${name}: longest task per run ${longest.join(', ')} ms; over 50 ms: ${rows.map((r) => r.tasks.length).join(', ')}; ` +
      `analyze ${rows.map((r) => r.run).join(', ')} ms; draw ${rows.map((r) => r.render).join(', ')} ms; ` +
      `longest task while scrolling through the report ${reading.join(', ')} ms`);
    if (process.env.VERBOSE) {
      for (const r of rows) {
        for (const f of r.frames) {
          console.log(`  frame ${Math.round(f.ms)} ms (layout ${Math.round(f.layout)}): ${f.scripts.map((s) => `${s.ms} ${s.fn}`).join(' | ')}`);
        }
      }
    }
  }
  await browser.close();
} finally {
  server.kill();
}
