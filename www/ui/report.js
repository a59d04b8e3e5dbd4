// The one report assembly: how a Report (through its Context) becomes the
// views every front end shows, and how the views are wired together.
//
//   reportSteps(ctx, slots, options)   the live views, drawn into given
//                                      elements in steps (the page paces
//                                      them over several tasks)
//   reportSections(ctx, options)       the same views in <section>s with
//                                      headings, at once: the widget's full
//                                      view and its compact one
//   mountReport(root, report, texts)   reportSections into `root`
//
// The offline export (export.js) draws the same views as static HTML, with
// reportHtml (report-html.js), kept apart so the widget does not load it.
//
// Wiring: selecting a heatmap cell or a similar pair opens the two articles
// side by side in the reading view, selecting an entity marks its mentions
// there, and a divergence's "Show in text" jumps to its place.

import { el } from './dom.js';
import { heatmapJob, renderArticles, renderSimilarity } from './heatmap.js';
import { Context } from './model.js';
import { ReadingView } from './sidebyside.js';
import { renderEntities } from './entities.js';
import { renderDivergences, renderTopDivergences } from './divergences.js';
import { renderSummary } from './summary.js';

// The drawing steps of a report's views. `slots`: the elements to draw into
// (any of summary, heatmap, articles, similarity, reading, entities,
// divergences, top; a view without a slot is not drawn; `top` holds the
// `top` most telling divergences). Each step draws one part; the heatmap's
// step returns a job ({step() → more rows to draw?}) of `rowsPerStep` rows
// per step, and the entities' and divergences' steps a job that draws the
// rest of their first page a few rows per step. `state`: saved view states
// {reading, entities, divergences}; `onChange(view, state)` when the reader
// changes one. `onSelectPair(a, b)`
// and `onJump(index)` replace the reading view's answer (for views without
// one). Returns {steps, views}; `views.reading` is the ReadingView once drawn.
export function reportSteps(ctx, slots, {
  state = {}, onChange, rowsPerStep = Infinity, top = 0, onSelectPair, onJump,
} = {}) {
  const views = { reading: null };
  const openPair = onSelectPair ?? ((a, b) => {
    views.reading?.show({ mode: 'pair', a, b });
    slots.reading?.closest('section')?.scrollIntoView({ block: 'start' });
    slots.reading?.querySelector('.cb-scroll')?.focus({ preventScroll: true });
  });
  const jump = onJump ?? ((index) => views.reading?.jumpTo(index));
  const steps = [
    () => {
      if (slots.summary) renderSummary(slots.summary, ctx);
      if (slots.articles) renderArticles(slots.articles, ctx);
      if (slots.similarity) renderSimilarity(slots.similarity, ctx, { onSelect: openPair });
    },
    () => slots.heatmap && heatmapJob(slots.heatmap, ctx, { onSelect: openPair, rowsPerStep }),
    () => {
      if (!slots.reading) return;
      views.reading = new ReadingView(slots.reading, ctx, {
        state: state.reading,
        onChange: (s) => onChange?.('reading', s),
      });
    },
    () => slots.entities && renderEntities(slots.entities, ctx, {
      state: state.entities || {},
      onSelect: (i) => views.reading?.highlightEntity(i),
      onChange: (s) => onChange?.('entities', s),
    }),
    () => {
      if (slots.top) renderTopDivergences(slots.top, ctx, { top, onJump: jump });
      return slots.divergences && renderDivergences(slots.divergences, ctx, {
        state: state.divergences || {}, onJump: jump, onChange: (s) => onChange?.('divergences', s),
      });
    },
  ];
  return { steps, views };
}

/** The pair sharing the most text, as a reading state ({a, b}), to open on something telling. */
export function strongestPair(ctx) {
  let best = null;
  for (const p of ctx.pairs) if (!best || p.containment > best.containment) best = p;
  return best ? { a: best.b, b: best.a } : {};
}

// The views in <section part="…"> elements with a heading (h2–h6), drawn at
// once; returns {sections, views}. `view`: 'full' (summary, heatmap with
// originality and similarity, reading, entities, divergences) or 'compact'
// (summary, heatmap, the `top` most telling divergences, none when 0).
export function reportSections(ctx, { view = 'full', headingLevel = 3, top = 5, ...options } = {}) {
  const h = `h${Math.min(6, Math.max(2, headingLevel))}`;
  const slots = {};
  const sections = [];
  const section = (title, part, ...bodies) => {
    const body = el('div', {}, ...bodies);
    sections.push(el('section', { className: 'cb-section', part }, el(h, { text: title }), body));
    return body;
  };
  slots.summary = section('Summary', 'summary');
  if (view === 'compact') {
    slots.heatmap = section('Who shares text with whom', 'heatmap');
    const all = ctx.divergences.length;
    const shown = Math.min(top, all);
    if (top > 0) slots.top = section(all > shown ? `Top ${shown} of ${all} divergences` : 'Divergences', 'divergences');
  } else {
    [slots.heatmap, slots.articles, slots.similarity] = [el('div'), el('div'), el('div')];
    section('Who shares text with whom', 'heatmap', slots.heatmap, slots.articles, slots.similarity);
    slots.reading = section('Read', 'reading');
    slots.entities = section('Entities', 'entities');
    slots.divergences = section('Divergences', 'divergences');
  }
  const { steps, views } = reportSteps(ctx, slots, { ...options, top });
  for (const step of steps) {
    const job = step();
    while (job?.step?.());
  }
  return { sections, views };
}

// The whole report in `root` (a page element or a shadow root's), from the
// report and the texts it was computed from. `compact`: the entities and
// divergences wait behind a "Show everything" button. Returns {ctx, reading,
// destroy()}.
export function mountReport(root, report, texts, { compact = false, headingLevel = 3 } = {}) {
  const ctx = new Context(report, texts);
  const { sections, views } = reportSections(ctx, { headingLevel });
  if (compact) {
    const later = sections.filter((s) => ['entities', 'divergences'].includes(s.getAttribute('part')));
    for (const s of later) s.hidden = true;
    const more = el('button', { type: 'button', className: 'cb-small', part: 'expand' }, 'Show everything');
    more.addEventListener('click', () => {
      for (const s of later) s.hidden = false;
      more.remove();
    });
    sections.push(more);
  }
  root.replaceChildren(...sections);
  return { ctx, reading: views.reading, destroy: () => root.replaceChildren() };
}
