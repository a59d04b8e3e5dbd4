// A dropped 2 MB saved page is read by the wasm in a worker: the page's own
// thread sees no long task. Apart from extraction.spec.mjs because
// Playwright's trace recorder snapshots the whole DOM on the page's thread
// after each action; with a 2 MB page those snapshots were long tasks of their
// own (a CPU profile showed 50-115 ms ones in the recorder's serializer),
// blamed on the page, and `trace` can only be turned off for a whole file.
import { expect } from '@playwright/test';
import { gotoReady, test } from './helpers.mjs';

test.use({ trace: 'off' });

// The hostile suite's limit. Reading this page natively takes about 230 ms
// (`corroborate read` on it, loaded machine), longer in wasm, so reading it
// on the page's thread fails every attempt; the page's own work when the
// text arrives (filling the box, laying it out) measured 35-67 ms on a
// loaded machine, too close to 50 ms to hold that line without flakes.
const LONG_TASK_MS = 100;

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
    expect(long.filter((d) => d > LONG_TASK_MS), `main-thread tasks over ${LONG_TASK_MS} ms: ${long.join(', ')}`).toEqual([]);
  });
});
