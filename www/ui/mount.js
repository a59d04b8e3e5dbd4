// mountReport(): the whole report in one call, for any root (a page
// section or a shadow root). Kept apart from index.js so the widget loads
// only the modules it renders with (not the exports). See index.js.

import { Context } from './model.js';
import { el } from './dom.js';
import { renderSummary } from './summary.js';
import { renderArticles, renderHeatmap, renderSimilarity } from './heatmap.js';
import { ReadingView } from './sidebyside.js';
import { renderEntities } from './entities.js';
import { renderDivergences } from './divergences.js';

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
