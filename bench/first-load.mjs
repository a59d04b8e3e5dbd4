// The page's first load, gzipped: every file the browser fetches from
// opening the page until the analyzer is ready (HTML, JS modules, CSS, the
// worker, the wasm), each gzipped alone at level 9 as a static server would
// send it. The budget is 1 MB (1,000,000 bytes) in all.
//
//   node bench/first-load.mjs        (after `npm run build`)
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { gzipSync } from 'node:zlib';

const BUDGET = 1_000_000;
const port = await new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port: p } = s.address();
    s.close(() => resolve(p));
  });
});
const origin = `http://127.0.0.1:${port}`;
const server = spawn('node', ['scripts/serve.mjs', '--port', String(port)], { stdio: 'ignore' });
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
  const context = await browser.newContext();
  const urls = new Set();
  context.on('request', (r) => urls.add(r.url()));
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 30_000 });
  await browser.close();
  let total = 0;
  const rows = [];
  for (const url of [...urls].sort()) {
    const u = new URL(url);
    if (u.origin !== origin) throw new Error(`a request left the origin: ${url}`);
    const path = u.pathname === '/' ? '/index.html' : u.pathname;
    const bytes = readFileSync(`www${decodeURIComponent(path)}`);
    const gz = gzipSync(bytes, { level: 9 }).length;
    total += gz;
    rows.push([path, bytes.length, gz]);
  }
  rows.sort((a, b) => b[2] - a[2]);
  for (const [path, raw, gz] of rows) console.log(`${String(gz).padStart(9)} ${String(raw).padStart(9)}  ${path}`);
  const wasm = rows.filter((r) => r[0].endsWith('.wasm')).reduce((s, r) => s + r[2], 0);
  console.log(`first load: ${rows.length} files, ${total} bytes gzipped (wasm ${wasm}, the rest ${total - wasm}); budget ${BUDGET}`);
  if (total > BUDGET) process.exitCode = 1;
} finally {
  server.kill();
}
