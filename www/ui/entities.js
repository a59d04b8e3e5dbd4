// Entities: a table entity × article (counts, aliases), filter by kind and by
// name, sort, and a bar chart of the most mentioned; selecting an entity
// calls onSelect(index into report.entities). Counts of things ("two
// leaders", kind `number`) stay in the Report for the fact comparison but
// are rows only when the reader asks: the "Show counts" box, or the kind
// filter set to number.

import { el, plural, token } from './dom.js';
import { otherNames } from './model.js';

const KIND_ORDER = ['person', 'organization', 'group', 'place', 'date', 'number', 'other'];
const PAGE_CELLS = 2_000;
const CELLS_PER_STEP = 400;
// Tables of more than FIXED_FROM articles get fixed column widths (rem, as in ui.css).
const FIXED_FROM = 12;
const NAME_REM = 12;
const KIND_REM = 6.5;
const COUNT_REM = 3.6;

// Draws the entity table and chart into `root`; returns a job ({step() →
// more rows to draw?}) that adds the rest of the first page a few rows per
// step (run it to the end to draw it at once).
export function renderEntities(root, ctx, { onSelect, state = {}, onChange } = {}) {
  const st = { kind: state.kind || 'all', query: state.query || '', sort: state.sort || 'total', numbers: Boolean(state.numbers) };
  // long tables are drawn a page at a time ("Show more" adds the next), of
  // about PAGE_CELLS cells: 100 rows of 50 articles' counts took 100 ms to
  // build and 200 ms to lay out
  const PAGE = Math.max(20, Math.min(100, Math.floor(PAGE_CELLS / (ctx.articles.length + 3))));
  // one pass for the kinds present and their sizes (a report may name 100,000 people)
  const sizes = new Map();
  for (const e of ctx.entities) sizes.set(e.kind, (sizes.get(e.kind) || 0) + 1);
  const kinds = [...KIND_ORDER.filter((k) => sizes.has(k)), ...[...sizes.keys()].filter((k) => !KIND_ORDER.includes(k))];
  if (st.kind !== 'all' && !kinds.includes(st.kind)) st.kind = 'all';

  const kindSel = el('select', { 'aria-label': 'Filter entities by kind' },
    el('option', { value: 'all' }, 'All kinds'),
    ...kinds.map((k) => el('option', { value: k }, `${k} (${sizes.get(k)})`)));
  kindSel.value = st.kind;
  const query = el('input', { type: 'search', placeholder: 'Filter by name', 'aria-label': 'Filter entities by name', value: st.query });
  const sortSel = el('select', { 'aria-label': 'Sort entities' },
    el('option', { value: 'total' }, 'Most mentioned'),
    el('option', { value: 'name' }, 'Name A–Z'),
    el('option', { value: 'kind' }, 'Kind'),
    el('option', { value: 'spread' }, 'Fewest articles first'),
    ...ctx.articles.map((a) => el('option', { value: `article:${a.id}` }, `Most in ${a.id} (${a.label})`)));
  sortSel.value = st.sort;
  if (sortSel.value !== st.sort) st.sort = sortSel.value = 'total';
  const numbersBox = el('input', { type: 'checkbox', checked: st.numbers, dataset: { testid: 'show-numbers' } });
  const numbersLabel = el('label', { className: 'cb-numbers-toggle', hidden: !sizes.has('number') },
    numbersBox, ` Show counts (${sizes.get('number') || 0})`);
  const count = el('span', { className: 'cb-hint', role: 'status', 'aria-live': 'polite' });
  const controls = el('div', { className: 'cb-controls' },
    el('label', {}, 'Kind ', kindSel), el('label', {}, 'Name ', query), el('label', {}, 'Sort ', sortSel), numbersLabel, count);
  const chart = el('div', { className: 'cb-chart' });
  const table = el('table', { className: 'cb-entities', dataset: { testid: 'entities' } });
  const fixed = ctx.articles.length > FIXED_FROM;
  if (fixed) {
    // fixed column widths (rem, as in ui.css): rows added later lay out alone, not the whole table again
    table.classList.add('cb-entities-fixed');
    table.style.width = `${NAME_REM + KIND_REM + COUNT_REM * (ctx.articles.length + 1)}rem`;
  }
  const columns = () => (fixed
    ? [el('colgroup', {}, el('col', { className: 'cb-col-name' }), el('col', { className: 'cb-col-kind cb-kind-col' }),
      el('col', { className: 'cb-col-count', span: ctx.articles.length + 1 }))]
    : []);
  const more = el('button', { type: 'button', className: 'cb-small cb-more', hidden: true });
  root.replaceChildren(controls, el('div', { className: 'cb-entities-layout' },
    el('div', {}, el('div', { className: 'cb-table-wrap' }, table), more), chart));

  const select = (index) => {
    for (const b of root.querySelectorAll('[aria-pressed]')) b.setAttribute('aria-pressed', String(Number(b.dataset.index) === index));
    onSelect?.(index);
  };

  // The entities shown, as indices in order. The orders by number are sorted
  // as numbers packed with the index (a typed array sorts natively): sorting
  // 94,000 rows with a comparator, twice, took 150 ms.
  const visible = () => {
    const q = st.query.trim().toLowerCase();
    const all = ctx.entities;
    const rows = [];
    const numbers = st.numbers || st.kind === 'number';
    all.forEach((e, index) => {
      if ((st.kind === 'all' || e.kind === st.kind) && (numbers || e.kind !== 'number') &&
        (!q || e.name.toLowerCase().includes(q) || (e.aliases || []).some((x) => x.toLowerCase().includes(q)))) rows.push(index);
    });
    const spread = (e) => Object.values(e.counts || {}).filter((n) => n > 0).length;
    const numeric = {
      total: (e) => -(e.total ?? 0),
      kind: (e) => { const k = KIND_ORDER.indexOf(e.kind); return k < 0 ? KIND_ORDER.length : k; },
      spread,
    };
    let key = numeric[st.sort];
    if (!key && st.sort.startsWith('article:')) {
      const id = st.sort.slice(8);
      key = (e) => -(e.counts?.[id] ?? 0);
    }
    if (st.sort === 'name') {
      const { compare } = new Intl.Collator();
      return rows.sort((x, y) => compare(all[x].name, all[y].name) || x - y);
    }
    key ??= numeric.total;
    const n = all.length;
    const keys = rows.map((i) => key(all[i]));
    const low = keys.reduce((m, k) => Math.min(m, k), 0);
    const packed = new Float64Array(rows.length);
    rows.forEach((i, j) => { packed[j] = (keys[j] - low) * n + i; });
    packed.sort();
    return Array.from(packed, (p) => p % n);
  };

  const nameButton = (e, index) => el('button', {
    type: 'button', className: 'cb-link cb-entity-name', 'aria-pressed': 'false', dataset: { index },
    'aria-label': `${e.name}: highlight its mentions in every article`,
  }, e.name);

  let rows = [];
  let shown = 0;
  let body = null;
  /** Appends the next page of rows to the table. */
  // the rows the current page ends at
  let pageEnd = PAGE;
  /** Appends rows up to `upTo` (at most the page's end). */
  const showRows = (upTo) => {
    const end = Math.min(rows.length, pageEnd, upTo);
    for (; shown < end; shown++) {
      const index = rows[shown];
      const e = ctx.entities[index];
      const aliases = otherNames(e);
      const b = nameButton(e, index);
      b.addEventListener('click', () => select(index));
      const name = el('th', { scope: 'row' }, b);
      if (aliases.length) name.append(el('span', { className: 'cb-aliases', text: ` (${aliases.join(', ')})` }));
      const row = el('tr', { dataset: { entity: e.name, kind: e.kind, index } },
        name, el('td', { className: `cb-kind cb-kind-col cb-kind-${token(e.kind)}`, text: e.kind }));
      for (const a of ctx.articles) {
        const n = e.counts?.[a.id] || 0;
        row.append(el('td', { className: n ? 'cb-count' : 'cb-count cb-zero', dataset: { article: a.id }, text: String(n) }));
      }
      row.append(el('td', { className: 'cb-count cb-total', text: String(e.total ?? 0) }));
      body.append(row);
    }
    const hidden = st.numbers || st.kind === 'number' ? 0 : sizes.get('number') || 0;
    count.textContent = `${plural(shown, 'entity', 'entities')} shown of ${ctx.entities.length}${hidden ? ` (${plural(hidden, 'count', 'counts')} hidden)` : ''}`;
    const rest = rows.length - shown;
    more.hidden = rest <= 0 || shown < Math.min(pageEnd, rows.length);
    more.textContent = `Show ${Math.min(rest, PAGE)} more (${plural(rest, 'entity', 'entities')} not shown)`;
  };

  // `upTo`: the rows drawn now (the rest of the page by `job`)
  const draw = (upTo = PAGE) => {
    rows = visible();
    shown = 0;
    pageEnd = PAGE;
    const head = el('thead', {}, el('tr', {},
      el('th', { scope: 'col', text: 'Entity' }),
      el('th', { scope: 'col', className: 'cb-kind-col', text: 'Kind' }),
      ...ctx.articles.map((a) => el('th', { scope: 'col', title: a.label, dataset: { article: a.id } },
        el('span', { className: 'cb-id', text: a.id }), el('span', { className: 'cb-th-label', text: a.label }))),
      el('th', { scope: 'col', text: 'Total' })));
    body = el('tbody');
    if (!rows.length) {
      body.append(el('tr', {}, el('td', { colspan: ctx.articles.length + 3, className: 'cb-empty', text: ctx.entities.length ? 'No entity matches the filter.' : 'No entities found.' })));
    }
    table.replaceChildren(el('caption', { className: 'cb-visually-hidden', text: 'Entities and how often each article mentions them' }), ...columns(), head, body);
    showRows(upTo);

    // bar chart of the most mentioned among those shown: the first 12 by total, in one pass
    const top = [];
    for (const index of rows) {
      const t = ctx.entities[index].total ?? 0;
      if (top.length === 12 && t <= (ctx.entities[top[11]].total ?? 0)) continue;
      let at = Math.min(top.length, 11);
      if (top.length === 12) top.pop();
      while (at > 0 && (ctx.entities[top[at - 1]].total ?? 0) < t) at--;
      top.splice(at, 0, index);
    }
    const max = Math.max(1, ...top.map((i) => ctx.entities[i].total ?? 0));
    const list = el('ol', { className: 'cb-bars', 'aria-label': 'Most mentioned entities' });
    for (const index of top) {
      const e = ctx.entities[index];
      const bar = el('span', { className: 'cb-bar', 'aria-hidden': 'true' });
      // one segment per article, with a pattern per article position as the second cue
      ctx.articles.forEach((a, i) => {
        const n = e.counts?.[a.id] || 0;
        if (!n) return;
        const seg = el('span', { className: `cb-seg cb-seg-${i % 6}`, title: `${a.id}: ${n}` });
        seg.style.width = `${(n / max) * 100}%`;
        bar.append(seg);
      });
      const b = nameButton(e, index);
      b.addEventListener('click', () => select(index));
      list.append(el('li', {}, b, bar, el('span', { className: 'cb-bar-text', text: String(e.total ?? 0) })));
    }
    const key = el('p', { className: 'cb-key cb-seg-key', 'aria-hidden': 'true' },
      ...ctx.articles.slice(0, 6).map((a, i) => el('span', {}, el('span', { className: `cb-seg cb-seg-${i % 6} cb-seg-swatch` }), ` ${a.id} `)));
    chart.replaceChildren(el('h4', { text: 'Most mentioned' }), list, key);
  };

  more.addEventListener('click', () => {
    const first = shown;
    pageEnd = shown + PAGE;
    showRows(pageEnd);
    table.querySelectorAll('tbody tr')[first]?.querySelector('button')?.focus();
  });
  const changed = () => {
    draw();
    onChange?.({ ...st });
  };
  kindSel.addEventListener('change', () => { st.kind = kindSel.value; changed(); });
  sortSel.addEventListener('change', () => { st.sort = sortSel.value; changed(); });
  query.addEventListener('input', () => { st.query = query.value; changed(); });
  numbersBox.addEventListener('change', () => { st.numbers = numbersBox.checked; changed(); });
  // the first page a few rows per step: a page of 50 articles' counts is 2,000 cells to lay out
  const batch = Math.max(1, Math.floor(CELLS_PER_STEP / (ctx.articles.length + 3)));
  draw(batch);
  return { step: () => (showRows(shown + batch), shown < Math.min(pageEnd, rows.length)) };
}
