// The report on screen: drawn by the report assembly (../ui/report.js)
// into the page's sections, with the page's own lines around it (the
// counts, the shared passages, what cleaning set aside under each box), the
// "changed since" notice and the exports.

import { Context, passageKinds } from '../ui/model.js';
import { download, el, formatMs, plural } from '../ui/dom.js';
import { reportSteps, strongestPair } from '../ui/report.js';
import { runSteps } from '../ui/schedule.js';
import { entitiesCsv, reportJson, standaloneHtml } from '../ui/export.js';
import { boxText, boxes, collectArticles, showLanguage } from './boxes.js';
import { scheduleSave } from './session.js';
import { setStatus } from './status.js';
import { page, ui } from './state.js';

// Reports above any of these are drawn paced (a step per task, a frame per
// few heatmap rows); below, in one task, as fast as they can be (the
// example: 20–60 ms of drawing).
const PACE_FROM_ARTICLES = 12;
const PACE_FROM_CHARS = 300_000;
const PACE_FROM_ITEMS = 600;

/**
 * Draws the report of `inputs` ([{text, label}]) one part per task when it
 * is large, so that no single task keeps the page from answering for long
 * (drawn and laid out at once, a 50-article report held the page for
 * 200–350 ms). Resolves to false when a newer drawing (or Clear all)
 * replaced this one.
 */
export async function drawReport(report, inputs, ms) {
  const generation = ++page.drawing;
  ui.results.setAttribute('aria-busy', 'true');
  const texts = inputs.map((a) => a.text);
  const ctx = new Context(report, texts);
  page.shown = { report, ctx, inputs };
  const { settings } = page;
  const saved = settings.reading || {};
  const { steps: [overview, ...views] } = reportSteps(ctx, {
    summary: ui.plainSummary, heatmap: ui.heatmap, articles: ui.articleList, similarity: ui.similarity,
    reading: ui.reading, entities: ui.entities, divergences: ui.divergences,
  }, {
    rowsPerStep: 8,
    state: { reading: saved.a ? saved : { ...saved, ...strongestPair(ctx) }, entities: settings.entities, divergences: settings.divergences },
    onChange: (view, s) => {
      page.settings[view] = view === 'reading' ? { mode: s.mode, a: s.a, b: s.b, article: s.article, sync: s.sync } : s;
      scheduleSave();
    },
  });
  const steps = [
    // what the views ask of every finding, a slice per task
    () => ctx.prepareJob(30_000),
    () => {
      ui.summary.textContent =
        `${plural(ctx.articles.length, 'article')}, ${plural(report.stats?.words ?? 0, 'word')}, ` +
        `${plural(ctx.entities.length, 'entity', 'entities')}, ${plural(ctx.divergences.length, 'divergence')}` +
        (typeof ms === 'number' ? `; analyzed in ${formatMs(ms)}` : '') + '.';
      overview();
      renderPassages(ctx);
      // on screen from the first step: each later step lays out only what it added
      ui.results.hidden = false;
    },
    ...views,
    () => {
      renderCleaning(report, inputs);
      renderLanguages(report, inputs);
      ui.results.removeAttribute('aria-busy');
      markStale();
    },
  ];
  const paced = ctx.articles.length > PACE_FROM_ARTICLES || texts.reduce((n, t) => n + t.length, 0) > PACE_FROM_CHARS ||
    ctx.divergences.length + ctx.entities.length + ctx.passages.length > PACE_FROM_ITEMS;
  return runSteps(steps, { paced, current: () => generation === page.drawing });
}

/** Takes the report off the page (Clear all); a drawing still running stops. */
export function clearReport() {
  page.drawing++;
  ui.results.removeAttribute('aria-busy');
  page.shown = null;
  ui.results.hidden = true;
}

/** Marks the report stale when the articles no longer match it. */
export function markStale() {
  const same = page.shown && sameInputs(collectArticles(), page.shown.inputs);
  ui.results.classList.toggle('is-stale', !same);
  // on the sections themselves: a class on their parent that a descendant rule reads makes the
  // browser walk every element below it (400,000 in a large report) at every edit
  for (const section of ui.results.querySelectorAll(':scope > .cb-root')) section.classList.toggle('is-stale', !same);
  ui.stale.hidden = same;
  if (!same) {
    ui.stale.textContent = page.settings.auto
      ? 'The articles changed since this report; it will update when you pause typing.'
      : 'The articles changed since this report: press Analyze to update it.';
  }
}

export function sameInputs(a, b) {
  return a.length === b.length &&
    a.every((x, i) => x.text === b[i].text && x.label === b[i].label && (x.language ?? '') === (b[i].language ?? ''));
}

function renderPassages(ctx) {
  const passages = ctx.passages;
  ui.passages.dataset.count = String(passages.length);
  const words = passages.reduce((s, p) => s + (p.words || 0), 0);
  const pairs = new Set(passages.map((p) => `${p.a}↔${p.b}`));
  ui.passages.replaceChildren(
    el('span', { text: plural(passages.length, 'shared passage') }),
    passages.length ? ` (${passageKinds(passages)}; ${plural(words, 'word')}; between ${[...pairs].join(', ')})` : '',
  );
}

/** The language badge of each box: what the report found (or kept of the reader's choice). */
function renderLanguages(report, inputs) {
  const list = boxes();
  report.articles.forEach((a, i) => {
    const box = list[i];
    if (box) showLanguage(box, boxText(box) === inputs[i]?.text ? a.language ?? null : null);
  });
}

/** "What cleaning removed", under each box, on request. */
function renderCleaning(report, inputs) {
  const list = boxes();
  report.articles.forEach((a, i) => {
    const box = list[i];
    if (!box) return;
    const details = box.querySelector('.cleaning');
    const removed = Array.isArray(a.removed) ? a.removed : [];
    if (!removed.length || boxText(box) !== inputs[i]?.text) {
      details.hidden = true;
      return;
    }
    const reasons = [...new Set(removed.map((r) => r.reason))];
    details.querySelector('.cleaning-summary').textContent =
      `Cleaning set aside ${plural(removed.length, 'piece')} (${reasons.join(', ')})`;
    details.querySelector('.cleaning-list').replaceChildren(...removed.map((r) =>
      el('li', {}, el('span', { className: 'cleaning-reason', text: `${r.reason}: ` }), el('q', { text: r.text }))));
    details.hidden = false;
  });
}

/** The export buttons: the Report as JSON, the entities as CSV, the offline annotated HTML. */
export function offerExports() {
  const save = (name, type, content) => {
    download(name, content, type);
    setStatus(`Saved ${name}`);
  };
  ui.exportJson.addEventListener('click', () => {
    if (page.shown) save('corroborate-report.json', 'application/json', reportJson(page.shown.report));
  });
  ui.exportCsv.addEventListener('click', () => {
    if (page.shown) save('corroborate-entities.csv', 'text/csv;charset=utf-8', `\ufeff${entitiesCsv(page.shown.ctx)}`);
  });
  ui.exportHtml.addEventListener('click', () => {
    if (page.shown) save('corroborate-report.html', 'text/html;charset=utf-8', standaloneHtml(page.shown.ctx));
  });
}
