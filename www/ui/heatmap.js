// Overview: the asymmetric containment heatmap (N×N, values in every cell,
// a legend), originality bars per article and same-story similarity.
//
// renderHeatmap(root, ctx, {onSelect(a, b)}) – clicking (or Enter on) a cell
// asks to read row article a beside column article b.

import { el, percent, plural, token } from './dom.js';

function articleHead(ctx, a, scope) {
  return el('th', { scope, title: a.label, dataset: { article: a.id } },
    el('span', { className: 'cb-id', text: a.id }),
    el('span', { className: 'cb-th-label', text: a.label }),
  );
}

/** Colour level 0..5 for a value, for CSS classes and the legend. */
export function level(x) {
  if (!(x > 0)) return 0;
  return Math.min(5, 1 + Math.floor(x * 5));
}

// Tables of more than FIXED_FROM articles get fixed column widths (rem, as in ui.css).
const FIXED_FROM = 12;
const HEAD_REM = 7.5;
const CELL_REM = 3.6;

/**
 * Renders the heatmap at once. For many articles, `heatmapJob` builds the
 * same table a few rows per step, so a 50 × 50 table (5,000 elements, about
 * 50 ms to build and 80 ms to lay out) never holds the page in one task.
 */
export function renderHeatmap(root, ctx, options = {}) {
  const job = heatmapJob(root, ctx, { ...options, rowsPerStep: Infinity });
  while (job.step());
}

/**
 * The heatmap as a job: the first `step()` puts the table (head, legend and
 * the first rows) in `root`; each further call appends `rowsPerStep` rows.
 * `step()` returns true while rows remain. One click and one keydown
 * listener serve every cell; only one cell is in the Tab order at a time
 * (arrow keys move between cells, as in a grid), so a 50-article table is
 * one Tab stop, not 2,450.
 */
export function heatmapJob(root, ctx, { onSelect, rowsPerStep = 10 } = {}) {
  const arts = ctx.articles;
  const table = el('table', { className: 'cb-heatmap', dataset: { testid: 'overlap' } },
    el('caption', { className: 'cb-visually-hidden', text: 'Share of each row article’s words that lie in passages shared with the column article' }),
  );
  const head = el('thead', {}, el('tr', {},
    el('td', { className: 'cb-corner' }, el('span', { className: 'cb-axis', text: 'row ↓ in column →' })),
    ...arts.map((a) => articleHead(ctx, a, 'col'))));
  const body = el('tbody');
  if (arts.length > FIXED_FROM) {
    // fixed column widths: rows added later lay out alone, not the whole table again
    table.classList.add('cb-heatmap-fixed');
    table.style.width = `${HEAD_REM + CELL_REM * arts.length}rem`;
    table.append(el('colgroup', {}, el('col', { className: 'cb-col-head' }), el('col', { className: 'cb-col-cell', span: arts.length })));
  }
  table.append(head, body);
  let tabStop = null;
  const makeRow = (a) => {
    const row = el('tr', {}, articleHead(ctx, a, 'row'));
    for (const b of arts) {
      if (a.id === b.id) {
        row.append(el('td', { className: 'cb-diagonal', dataset: { a: a.id, b: b.id }, text: '—' }));
        continue;
      }
      const p = ctx.pair(a.id, b.id);
      const c = p ? p.containment : null;
      const lv = level(c ?? 0);
      const button = el('button', {
        type: 'button',
        className: 'cb-cell-button',
        tabindex: tabStop ? '-1' : '0',
        title: p ? p.explanation : 'no data for this pair',
        'aria-label': `${percent(c)} of ${ctx.name(a.id)} is shared with ${ctx.name(b.id)}. Read them side by side.`,
        text: p ? percent(c) : '?',
      });
      tabStop ??= button;
      row.append(el('td', { className: `cb-cell cb-level-${lv}`, dataset: { a: a.id, b: b.id, level: lv } }, button));
    }
    return row;
  };
  table.addEventListener('click', (e) => {
    const cell = e.target.closest?.('td.cb-cell');
    if (cell && e.target.closest('button')) onSelect?.(cell.dataset.a, cell.dataset.b);
  });
  // the focused cell becomes the one Tab returns to
  table.addEventListener('focusin', (e) => {
    const button = e.target.closest?.('.cb-cell-button');
    if (!button || button === tabStop) return;
    tabStop?.setAttribute('tabindex', '-1');
    button.setAttribute('tabindex', '0');
    tabStop = button;
  });
  // arrow keys move between cells, as in a grid
  table.addEventListener('keydown', (e) => {
    const moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const m = moves[e.key];
    const cell = e.target.closest?.('td');
    if (!m || !cell) return;
    const rows = [...body.rows];
    let r = rows.indexOf(cell.parentElement);
    let c = cell.cellIndex;
    for (let step = 0; step < arts.length; step++) {
      r += m[0];
      c += m[1];
      if (r < 0 || r >= rows.length || c < 1 || c > arts.length) return;
      const next = rows[r].cells[c]?.querySelector('button');
      if (next) {
        e.preventDefault();
        next.focus();
        return;
      }
    }
  });
  const legend = el('div', { className: 'cb-legend', role: 'img', 'aria-label': 'Colour scale: darker cells mean more shared text, from 0% to 100%.' },
    el('span', { className: 'cb-legend-end', text: '0%' }),
    ...[0, 1, 2, 3, 4, 5].map((lv) => el('span', { className: `cb-swatch cb-level-${lv}`, text: lv === 0 ? '0' : `${(lv - 1) * 20}–${lv * 20}` })),
    el('span', { className: 'cb-legend-end', text: '100%' }),
  );
  const note = el('p', { className: 'cb-hint cb-heatmap-note' },
    'Each cell: the share of the row article’s words that lie in passages shared with the column article. Select a cell to read the two side by side.');
  let next = 0;
  let started = false;
  return {
    step() {
      const rows = [];
      for (const end = Math.min(arts.length, next + rowsPerStep); next < end; next++) rows.push(makeRow(arts[next]));
      body.append(...rows);
      if (!started) {
        started = true;
        root.replaceChildren(el('div', { className: 'cb-table-wrap' }, table), legend, note);
      }
      return next < arts.length;
    },
  };
}

/**
 * The article list: label, size, flags and warnings, and an originality bar
 * (share of words found in no other article).
 */
export function renderArticles(root, ctx) {
  const list = el('ul', { className: 'cb-articles', dataset: { testid: 'articles' } });
  // articles whose page gave a date come first, earliest first ("who
  // published first"); the others follow in input order
  const order = byPublication(ctx.articles);
  for (const a of order) {
    const orig = typeof a.originality === 'number' ? a.originality : 1;
    const bar = el('div', {
      className: 'cb-bar', role: 'meter', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': Math.round(orig * 100),
      'aria-label': `Originality of ${ctx.name(a.id)}`,
    }, el('span', { className: 'cb-bar-fill' }));
    bar.firstChild.style.width = `${Math.round(orig * 100)}%`;
    const li = el('li', { dataset: { article: a.id } },
      el('div', { className: 'cb-article-head' },
        el('span', { className: 'cb-id', text: a.id }), ' ',
        el('span', { className: 'cb-label', text: a.label }),
        el('span', { className: 'cb-meta', text: ` — ${plural(a.words ?? 0, 'word')}, ${plural(a.sentences ?? 0, 'sentence')}` }),
      ),
      el('div', { className: 'cb-originality' }, bar, el('span', { className: 'cb-bar-text', text: `${percent(orig)} original` })),
    );
    const flags = Array.isArray(a.flags) ? a.flags : [];
    if (flags.length) {
      li.firstChild.append(' ', el('span', { className: 'cb-flags' },
        ...flags.map((f) => el('span', { className: `cb-flag cb-flag-${token(f)}`, text: f }))));
    }
    if (a.title) li.append(el('div', { className: 'cb-title', text: a.title }));
    const published = publishedOf(a);
    if (published) {
      const first = order[0] === a && order.filter(publishedOf).length > 1;
      li.append(el('div', { className: 'cb-published', dataset: { testid: 'published' }, text: `Published ${a.meta.published}${first ? ' — first' : ''}${a.meta.publisher ? ` by ${a.meta.publisher}` : ''}` }));
    }
    for (const w of a.warnings || []) li.append(el('div', { className: 'cb-warning', text: `⚠ ${w}` }));
    list.append(li);
  }
  root.replaceChildren(list);
}

/** The time an article's page says it was published (ms since 1970), or null. */
export function publishedOf(a) {
  const t = a?.meta?.published ? Date.parse(a.meta.published) : NaN;
  return Number.isFinite(t) ? t : null;
}

/** The articles, those with a publication date first, earliest first; the rest in input order. */
export function byPublication(articles) {
  const dated = articles.filter((a) => publishedOf(a) !== null).sort((x, y) => publishedOf(x) - publishedOf(y));
  return [...dated, ...articles.filter((a) => publishedOf(a) === null)];
}

/** Same-story similarity for each unordered pair, highest first. */
export function renderSimilarity(root, ctx, { onSelect } = {}) {
  const rows = [];
  const arts = ctx.articles;
  for (let i = 0; i < arts.length; i++) {
    for (let j = i + 1; j < arts.length; j++) {
      const p = ctx.pair(arts[i].id, arts[j].id) || ctx.pair(arts[j].id, arts[i].id);
      if (p) rows.push({ a: arts[i].id, b: arts[j].id, s: p.similarity ?? 0 });
    }
  }
  rows.sort((x, y) => y.s - x.s);
  const list = el('ul', { className: 'cb-similarity', dataset: { testid: 'similarity' } });
  const TOP = 12;
  for (const r of rows.slice(0, TOP)) {
    const bar = el('span', { className: 'cb-bar', 'aria-hidden': 'true' }, el('span', { className: 'cb-bar-fill' }));
    bar.firstChild.style.width = `${Math.round(r.s * 100)}%`;
    const verdict = r.s >= 0.5 ? 'same story' : r.s >= 0.25 ? 'probably the same story' : 'different stories?';
    const button = el('button', {
      type: 'button', className: 'cb-link',
      'aria-label': `${r.a} ↔ ${r.b}: ${ctx.name(r.a)} and ${ctx.name(r.b)}, similarity ${percent(r.s)}, ${verdict}. Read side by side.`,
    }, `${r.a} ↔ ${r.b}`);
    button.addEventListener('click', () => onSelect?.(r.a, r.b));
    list.append(el('li', { dataset: { a: r.a, b: r.b } }, button, bar,
      el('span', { className: 'cb-bar-text', text: `${percent(r.s)} · ${verdict}` })));
  }
  root.replaceChildren(list);
  if (rows.length > TOP) root.append(el('p', { className: 'cb-hint', text: `The ${TOP} most similar of ${rows.length} pairs; the heatmap shows them all.` }));
}
