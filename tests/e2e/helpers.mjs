// Shared helpers of the page tests.
import { test as base, expect } from '@playwright/test';

export const ORIGIN = `http://127.0.0.1:${Number(process.env.E2E_PORT) || 8123}`;

/** Waits for the analyzer to be ready (Analyze enabled). */
export async function gotoReady(page) {
  await page.goto('/');
  await expect(page.locator('body')).toHaveAttribute('data-state', 'ready');
  await expect(page.getByRole('button', { name: 'Analyze' })).toBeEnabled();
}

/** Loads the built-in example and waits for its report. */
export async function loadExample(page) {
  await gotoReady(page);
  await page.getByRole('button', { name: 'Try an example' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-state', 'done');
  await expect(page.locator('section.article-box')).toHaveCount(4);
}

/** Records every request and console/page error of a page and its workers. */
export function watch(page, context) {
  const requests = [];
  const errors = [];
  context.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('worker', (w) => w.on('console', (m) => {
    if (m.type() === 'error') errors.push(`[worker] ${m.text()}`);
  }));
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  return {
    requests,
    errors,
    dialogs,
    /** Requests that left the page's origin (blob: URLs of downloads count as the origin). */
    foreign() {
      return requests.filter((u) => {
        if (u.startsWith('blob:')) u = u.slice(5);
        if (u.startsWith('data:')) return false;
        return new URL(u).origin !== ORIGIN;
      });
    },
  };
}

/** Text of an element without the annotations the page adds (old wording, carets). */
export async function plainText(locator) {
  return locator.evaluate((node) => {
    const copy = node.cloneNode(true);
    for (const a of copy.querySelectorAll('[data-annotation]')) a.remove();
    return copy.textContent;
  });
}

/** A deterministic pseudo-article of `n` words. */
export function pseudoArticle(i, n, seed = 7) {
  const words = ('the mayor said council river bridge police report officials city people water storm road north ' +
    'south budget vote school fire train market harbor ferry county court judge museum festival').split(' ');
  let s = seed + i * 7919;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const out = [];
  for (let k = 0; k < n; k++) out.push(words[Math.floor(rnd() * words.length)] + (k % 12 === 11 ? '.' : ''));
  return `Report number ${i}\n\n${out.join(' ')}.`;
}

/**
 * Playwright's `test` with one automatic check: no request of the test's
 * page context left the origin (blob: and data: URLs count as the origin).
 * Every spec imports `test` from here.
 */
export const test = base.extend({
  offOrigin: [
    async ({ context }, use) => {
      const seen = [];
      context.on('request', (r) => seen.push(r.url()));
      await use(seen);
      const foreign = seen.filter((u) => {
        if (u.startsWith('data:')) return false;
        if (u.startsWith('blob:')) u = u.slice(5);
        try {
          return new URL(u).origin !== ORIGIN;
        } catch {
          return true;
        }
      });
      expect(foreign, 'requests that left the origin').toEqual([]);
    },
    { auto: true },
  ],
});
