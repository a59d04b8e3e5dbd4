// Entities: a table entity × article (counts, aliases), filter by kind and by
// name, sort, and a bar chart of the most mentioned; selecting an entity
// calls onSelect(index into report.entities).

import { el, plural, token } from './dom.js';
import { otherNames } from './model.js';

const KIND_ORDER = ['person', 'organization', 'group', 'place', 'date', 'number', 'other'];

export function renderEntities(root, ctx, { onSelect, state = {}, onChange } = {}) {
  const st = { kind: state.kind || 'all', query: state.query || '', sort: state.sort || 'total' };
  // long tables are drawn in part, with a button for the rest
  const PAGE = 100;
  let limit = PAGE;
  const kinds = KIND_ORDER.filter((k) => ctx.entities.some((e) => e.kind === k));
  for (const e of ctx.entities) if (!kinds.includes(e.kind)) kinds.push(e.kind);
  if (st.kind !== 'all' && !kinds.includes(st.kind)) st.kind = 'all';

  const kindSel = el('select', { 'aria-label': 'Filter entities by kind' },
    el('option', { value: 'all' }, 'All kinds'),
    ...kinds.map((k) => el('option', { value: k }, `${k} (${ctx.entities.filter((e) => e.kind === k).length})`)));
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
  const count = el('span', { className: 'cb-hint', role: 'status', 'aria-live': 'polite' });
  const controls = el('div', { className: 'cb-controls' },
    el('label', {}, 'Kind ', kindSel), el('label', {}, 'Name ', query), el('label', {}, 'Sort ', sortSel), count);
  const chart = el('div', { className: 'cb-chart' });
  const table = el('table', { className: 'cb-entities', dataset: { testid: 'entities' } });
  const more = el('button', { type: 'button', className: 'cb-small cb-more', hidden: true });
  root.replaceChildren(controls, el('div', { className: 'cb-entities-layout' },
    el('div', {}, el('div', { className: 'cb-table-wrap' }, table), more), chart));

  const select = (index) => {
    for (const b of root.querySelectorAll('[aria-pressed]')) b.setAttribute('aria-pressed', String(Number(b.dataset.index) === index));
    onSelect?.(index);
  };

  const visible = () => {
    const q = st.query.trim().toLowerCase();
    const rows = ctx.entities.map((e, index) => ({ e, index })).filter(({ e }) =>
      (st.kind === 'all' || e.kind === st.kind) &&
      (!q || e.name.toLowerCase().includes(q) || (e.aliases || []).some((x) => x.toLowerCase().includes(q))));
    const spread = (e) => Object.values(e.counts || {}).filter((n) => n > 0).length;
    const by = {
      total: (x, y) => (y.e.total ?? 0) - (x.e.total ?? 0) || x.index - y.index,
      name: (x, y) => x.e.name.localeCompare(y.e.name),
      kind: (x, y) => KIND_ORDER.indexOf(x.e.kind) - KIND_ORDER.indexOf(y.e.kind) || x.index - y.index,
      spread: (x, y) => spread(x.e) - spread(y.e) || x.index - y.index,
    };
    let cmp = by[st.sort];
    if (!cmp && st.sort.startsWith('article:')) {
      const id = st.sort.slice(8);
      cmp = (x, y) => (y.e.counts?.[id] ?? 0) - (x.e.counts?.[id] ?? 0) || x.index - y.index;
    }
    return rows.sort(cmp || by.total);
  };

  const nameButton = (e, index) => el('button', {
    type: 'button', className: 'cb-link cb-entity-name', 'aria-pressed': 'false', dataset: { index },
    'aria-label': `${e.name}: highlight its mentions in every article`,
  }, e.name);

  const draw = () => {
    const rows = visible();
    count.textContent = `${plural(Math.min(rows.length, limit), 'entity', 'entities')} shown of ${ctx.entities.length}`;
    const head = el('thead', {}, el('tr', {},
      el('th', { scope: 'col', text: 'Entity' }),
      el('th', { scope: 'col', className: 'cb-kind-col', text: 'Kind' }),
      ...ctx.articles.map((a) => el('th', { scope: 'col', title: a.label, dataset: { article: a.id } },
        el('span', { className: 'cb-id', text: a.id }), el('span', { className: 'cb-th-label', text: a.label }))),
      el('th', { scope: 'col', text: 'Total' })));
    const body = el('tbody');
    for (const { e, index } of rows.slice(0, limit)) {
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
    if (!rows.length) {
      body.append(el('tr', {}, el('td', { colspan: ctx.articles.length + 3, className: 'cb-empty', text: ctx.entities.length ? 'No entity matches the filter.' : 'No entities found.' })));
    }
    table.replaceChildren(el('caption', { className: 'cb-visually-hidden', text: 'Entities and how often each article mentions them' }), head, body);
    more.hidden = rows.length <= limit;
    more.textContent = `Show all ${rows.length} entities`;

    // bar chart of the most mentioned among those shown
    const top = [...rows].sort((x, y) => (y.e.total ?? 0) - (x.e.total ?? 0)).slice(0, 12);
    const max = Math.max(1, ...top.map(({ e }) => e.total ?? 0));
    const list = el('ol', { className: 'cb-bars', 'aria-label': 'Most mentioned entities' });
    for (const { e, index } of top) {
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
    limit = Infinity;
    draw();
    table.querySelectorAll('tbody tr')[PAGE]?.querySelector('button')?.focus();
  });
  const changed = () => {
    limit = PAGE;
    draw();
    onChange?.({ ...st });
  };
  kindSel.addEventListener('change', () => { st.kind = kindSel.value; changed(); });
  sortSel.addEventListener('change', () => { st.sort = sortSel.value; changed(); });
  query.addEventListener('input', () => { st.query = query.value; changed(); });
  draw();
}
