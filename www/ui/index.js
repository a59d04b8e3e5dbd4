// The report views in one call, for any root (a page section or a shadow
// root): issue 8's <corroborate-compare> widget reuses this.
//
//   import { mountReport } from './ui/index.js';
//   const view = mountReport(shadowRoot.querySelector('.report'), report, texts, { compact: true });
//
// `texts`: the article texts the report was computed from, in input order
// (spans index into them; the report must use {offsets: 'utf16'}).
// Load ui/ui.css into the same root (a <link rel="stylesheet"> in a shadow
// root works under a strict CSP). Returns {ctx, reading, destroy()}.

import { Context } from './model.js';
import { el } from './dom.js';
import { renderSummary } from './summary.js';
import { renderArticles, renderHeatmap, renderSimilarity } from './heatmap.js';
import { ReadingView } from './sidebyside.js';
import { renderEntities } from './entities.js';
import { renderDivergences } from './divergences.js';

export { Context } from './model.js';
export { renderSummary, summaryText } from './summary.js';
export { renderArticles, renderHeatmap, renderSimilarity } from './heatmap.js';
export { ReadingView } from './sidebyside.js';
export { renderEntities } from './entities.js';
export { renderDivergences } from './divergences.js';
export { entitiesCsv, reportJson, standaloneHtml } from './export.js';

/**
 * Renders the whole report into `root`. `compact`: only the summary, the
 * heatmap and the reading view (the divergences and entities stay one click
 * away behind a "Show everything" button).
 */
export function mountReport(root, report, texts, { compact = false, headingLevel = 3 } = {}) {
  const ctx = new Context(report, texts);
  const h = `h${Math.min(6, Math.max(2, headingLevel))}`;
  const section = (title, part) => {
    const body = el('div');
    return { node: el('section', { className: 'cb-section', part }, el(h, { text: title }), body), body };
  };
  const summary = section('Summary', 'summary');
  const heat = section('Who shares text with whom', 'heatmap');
  const reading = section('Read', 'reading');
  const entities = section('Entities', 'entities');
  const divergences = section('Divergences', 'divergences');
  renderSummary(summary.body, ctx);
  const readingView = new ReadingView(reading.body, ctx, {});
  const openPair = (a, b) => {
    readingView.show({ mode: 'pair', a, b });
    reading.node.scrollIntoView({ block: 'start' });
  };
  renderHeatmap(heat.body, ctx, { onSelect: openPair });
  const originality = el('div');
  renderArticles(originality, ctx);
  heat.body.append(originality);
  const similarity = el('div');
  renderSimilarity(similarity, ctx, { onSelect: openPair });
  heat.body.append(similarity);
  renderEntities(entities.body, ctx, { onSelect: (i) => readingView.highlightEntity(i) });
  renderDivergences(divergences.body, ctx, { onJump: (i) => readingView.jumpTo(i) });
  const full = [entities.node, divergences.node];
  const parts = [summary.node, heat.node, reading.node, ...full];
  if (compact) {
    for (const n of full) n.hidden = true;
    const more = el('button', { type: 'button', className: 'cb-small', part: 'expand' }, 'Show everything');
    more.addEventListener('click', () => {
      for (const n of full) n.hidden = false;
      more.remove();
    });
    parts.push(more);
  }
  root.replaceChildren(...parts);
  return { ctx, reading: readingView, destroy: () => root.replaceChildren() };
}
