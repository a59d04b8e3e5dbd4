// The first analysis after the page loads, with and without the language
// pack already loaded: the shipped wasm embeds no language data, so the
// first analysis that needs a language waits for the worker to fetch
// lang/<code>.bin from the page's origin and load it (src/lang/pack.rs).
// Issue 20's budget: the first analysis waits at most 100 ms longer than it
// would with the data already there.
//
//   node bench/first-analysis.mjs [runs]      (after `npm run build`)
//
// Per run, two fresh workers (www/worker.js, as the page starts it) each
// get the built-in example (4 articles) half a second after 'ready':
// `cold` fetches and loads the English pack first; `warm` had it loaded
// before (the page's 'prepare' message, sent while the reader types), as
// the old build with the data embedded had it after its warm-up. Prints the medians, what the pack
// took in the worker (fetch + load), and then, with a mixed set (MIXED=1:
// 10 articles in 5 languages, tests/e2e/languages.mjs), the warm time of
// that set beside the English example.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { EXAMPLE_ARTICLES } from '../www/examples/derailment.js';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const RUNS = Number(process.argv[2]) || 5;
const port = await new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port: p } = s.address();
    s.close(() => resolve(p));
  });
});
const origin = `http://127.0.0.1:${port}`;
const server = spawn('node', ['scripts/serve.mjs', '--port', String(port)], { stdio: 'ignore' });

/** Runs in the page: a fresh worker, `preload` or not, then timed analyses of each set. */
async function timeWorker({ sets, preload }) {
  const worker = new Worker('worker.js', { type: 'module' });
  const events = [];
  let waiting = null;
  worker.onmessage = (e) => {
    events.push(e.data);
    if (waiting && waiting.test(e.data)) waiting.done(e.data);
  };
  const next = (test) => new Promise((done) => {
    waiting = { test, done };
  });
  const pause = (ms) => new Promise((r) => setTimeout(r, ms));
  let id = 1;
  const run = async (articles) => {
    const my = id++;
    const t0 = performance.now();
    const got = next((m) => m.id === my && (m.type === 'result' || m.type === 'error'));
    worker.postMessage({ type: 'analyze', id: my, articles });
    const m = await got;
    if (m.type === 'error') throw new Error(m.message);
    return { total: performance.now() - t0, engine: m.ms };
  };
  await next((m) => m.type === 'ready');
  if (preload) {
    // as the page does while the reader types: the pack is loaded, nothing analyzed yet
    const loaded = next((m) => m.type === 'language' || m.type === 'warning');
    worker.postMessage({ type: 'prepare', articles: sets[0] });
    await loaded;
  }
  await pause(500);
  const out = [];
  for (const articles of sets) out.push(await run(articles));
  const pack = events.filter((m) => m.type === 'language').map((m) => ({ code: m.code, ms: m.ms }));
  worker.terminate();
  return { out, pack };
}

try {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${origin}/`)).ok) break;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage();
  await page.goto(`${origin}/`);
  const example = EXAMPLE_ARTICLES.map((a) => ({ text: a.text, label: a.label }));
  const cold = [];
  const warm = [];
  const packMs = [];
  for (let r = 0; r < RUNS; r++) {
    const c = await page.evaluate(timeWorker, { sets: [example], preload: false });
    const w = await page.evaluate(timeWorker, { sets: [example], preload: true });
    cold.push(c.out[0].total);
    warm.push(w.out[0].total);
    packMs.push(c.pack.reduce((s, p) => s + p.ms, 0));
  }
  const f = (x) => Math.round(x);
  console.log(`first analysis of the example (${example.length} articles), median of ${RUNS}: ` +
    `${f(median(cold))} ms with the pack fetched and loaded first, ${f(median(warm))} ms with it loaded before: ` +
    `+${f(median(cold) - median(warm))} ms (the pack in the worker: ${f(median(packMs))} ms)`);
  if (process.env.MIXED) {
    const { MIXED_ARTICLES } = await import('../tests/e2e/languages.mjs');
    const mixed = [];
    const english = [];
    for (let r = 0; r < RUNS; r++) {
      const m = await page.evaluate(timeWorker, { sets: [MIXED_ARTICLES, example, MIXED_ARTICLES, example], preload: true });
      mixed.push(m.out[2].engine);
      english.push(m.out[3].engine);
    }
    const langs = new Set(MIXED_ARTICLES.map((a) => a.lang)).size;
    console.log(`warm analysis in the worker, median of ${RUNS}: ${MIXED_ARTICLES.length} articles in ${langs} languages ` +
      `${f(median(mixed))} ms; the English example (${example.length} articles) ${f(median(english))} ms`);
  }
  await browser.close();
} finally {
  server.kill();
}
