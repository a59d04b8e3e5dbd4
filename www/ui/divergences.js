// Divergences: grouped by article or by kind, filtered, sorted by severity
// (renderDivergences), or the few most telling (renderTopDivergences, the
// widget's compact view). Every item is drawn by divergenceItem: it shows the
// other sources' wording and a button that calls onJump(index into
// report.divergences).

import { clip, el, listText, plural } from './dom.js';
import { GROUP_LABELS, GROUP_ORDER, kindInfo, severityOf, severityRank } from './model.js';

export function renderDivergences(root, ctx, { onJump, state = {}, onChange } = {}) {
  const st = { article: state.article || 'all', group: state.group || 'all', by: state.by === 'kind' ? 'kind' : 'article', min: state.min || 'low' };
  const all = ctx.indexedDivergences();
  const groups = GROUP_ORDER.filter((g) => all.some((d) => kindInfo(d.kind).group === g));
  if (st.group !== 'all' && !groups.includes(st.group)) st.group = 'all';
  if (st.article !== 'all' && !ctx.byId.has(st.article)) st.article = 'all';

  const artSel = el('select', { 'aria-label': 'Show divergences of' },
    el('option', { value: 'all' }, 'All articles'),
    ...ctx.articles.map((a) => el('option', { value: a.id }, `${a.id} — ${a.label}`)));
  artSel.value = st.article;
  const kindSel = el('select', { 'aria-label': 'Kind of divergence' },
    el('option', { value: 'all' }, 'All kinds'),
    ...groups.map((g) => el('option', { value: g }, `${GROUP_LABELS[g]} (${all.filter((d) => kindInfo(d.kind).group === g).length})`)));
  kindSel.value = st.group;
  const minSel = el('select', { 'aria-label': 'Minimum severity' },
    el('option', { value: 'low' }, 'Any severity'), el('option', { value: 'medium' }, 'Medium and high'), el('option', { value: 'high' }, 'High only'));
  minSel.value = st.min;
  const bySel = el('select', { 'aria-label': 'Group divergences by' },
    el('option', { value: 'article' }, 'Group by article'), el('option', { value: 'kind' }, 'Group by kind'));
  bySel.value = st.by;
  const count = el('span', { className: 'cb-hint', role: 'status', 'aria-live': 'polite' });
  const list = el('ol', { className: 'cb-divergences', dataset: { testid: 'divergences' } });
  root.replaceChildren(el('div', { className: 'cb-controls' },
    el('label', {}, 'Article ', artSel), el('label', {}, 'Kind ', kindSel), el('label', {}, 'Severity ', minSel), el('label', {}, bySel), count), list);

  const PAGE = 150;
  let limit = PAGE;
  const more = el('button', { type: 'button', className: 'cb-small cb-more', hidden: true });
  root.append(more);
  more.addEventListener('click', () => {
    limit = Infinity;
    draw();
  });
  const draw = () => {
    const matching = all.filter((d) =>
      (st.article === 'all' || d.article === st.article) &&
      (st.group === 'all' || kindInfo(d.kind).group === st.group) &&
      severityRank(d.severity) >= severityRank(st.min))
      .sort(bySeverity);
    const shown = matching.slice(0, limit);
    more.hidden = matching.length <= shown.length;
    more.textContent = `Show all ${matching.length} divergences`;
    count.textContent = `${plural(shown.length, 'divergence')} shown of ${all.length}`;
    if (!all.length) {
      list.replaceChildren(el('li', { className: 'cb-empty', text: 'No divergences found.' }));
      return;
    }
    if (!shown.length) {
      list.replaceChildren(el('li', { className: 'cb-empty', text: 'No divergence matches the filters.' }));
      return;
    }
    const keyOf = st.by === 'kind' ? (d) => kindInfo(d.kind).group : (d) => d.article;
    const order = st.by === 'kind' ? GROUP_ORDER : ctx.articles.map((a) => a.id);
    const title = st.by === 'kind' ? (g) => GROUP_LABELS[g] : (id) => ctx.name(id);
    const sections = [];
    for (const key of order) {
      const items = shown.filter((d) => keyOf(d) === key);
      if (!items.length) continue;
      sections.push(el('li', { className: 'cb-div-group', dataset: { group: key } },
        el('h4', {}, `${title(key)} `, el('span', { className: 'cb-hint', text: `(${items.length})` })),
        el('ol', {}, ...items.map((d) => divergenceItem(ctx, d, { onJump })))));
    }
    list.replaceChildren(...sections);
  };
  const changed = () => {
    limit = PAGE;
    draw();
    onChange?.({ ...st });
  };
  artSel.addEventListener('change', () => { st.article = artSel.value; changed(); });
  kindSel.addEventListener('change', () => { st.group = kindSel.value; changed(); });
  minSel.addEventListener('change', () => { st.min = minSel.value; changed(); });
  bySel.addEventListener('change', () => { st.by = bySel.value; changed(); });
  draw();
}

/** Most severe first, then in report order. */
export function bySeverity(x, y) {
  return severityRank(y.severity) - severityRank(x.severity) || x.index - y.index;
}

// the compact view's ranking: severity, then facts before wording before the rest
const GROUP_RANK = { fact: 4, wording: 2, unique: 1, coverage: 0, other: 0 };

/** The `top` divergences most worth a reader's attention (indexed), for a compact view. */
export function topDivergences(ctx, top) {
  const rank = (d) => GROUP_RANK[kindInfo(d.kind).group] ?? 0;
  return ctx.indexedDivergences()
    .sort((x, y) => severityRank(y.severity) - severityRank(x.severity) || rank(y) - rank(x) || x.index - y.index)
    .slice(0, top);
}

/** A list of the `top` divergences (the compact view's), each as `divergenceItem` draws it. */
export function renderTopDivergences(root, ctx, { top, onJump } = {}) {
  const picked = topDivergences(ctx, top);
  const list = el('ol', { className: 'cb-divergences' });
  for (const d of picked) list.append(divergenceItem(ctx, d, { onJump, quoteLength: 220 }));
  if (!picked.length) list.append(el('li', { className: 'cb-empty', text: 'No divergences found.' }));
  root.replaceChildren(list);
}

/**
 * One divergence (indexed) as a list item: its article, severity, kind and
 * explanation, the quoted text, the other sources' wording, and a "Show in
 * text" button that calls onJump(index). `quoteLength`: the longest quote.
 */
export function divergenceItem(ctx, d, { onJump, quoteLength = 300 } = {}) {
  const info = kindInfo(d.kind);
  const severity = severityOf(d.severity);
  const [sev, s1, chip, s2, explanation, ...others] = describeDivergence(ctx, d);
  const jump = el('button', {
    type: 'button', className: 'cb-small cb-jump', part: 'jump',
    'aria-label': `Show in text: ${ctx.name(d.article)}, “${clip(d.text, 60)}”`,
  }, 'Show in text');
  jump.addEventListener('click', () => onJump?.(d.index));
  const quoted = d.text && !(d.explanation || '').includes(d.text);
  return el('li', {
    className: `cb-divergence cb-group-${info.group} cb-sev-${severity}`,
    part: 'divergence',
    dataset: { severity, kind: d.kind, group: info.group, article: d.article, index: d.index },
  }, el('div', { className: 'cb-div-text' },
    el('div', { className: 'cb-div-line' }, el('span', { className: 'cb-div-article cb-id', text: d.article }), ' ', sev, s1, chip, s2, explanation),
    quoted ? el('blockquote', { className: 'cb-quote', text: clip(d.text, quoteLength) }) : null,
    others), jump);
}

/** The kind as a chip says it: its icon and name ("≠ fact"). */
export function kindLabel(d) {
  const info = kindInfo(d.kind);
  return `${info.icon} ${info.group === 'other' ? info.label : d.kind}`;
}

/** Nodes describing one divergence: severity, kind, explanation, then the others' wording (if any). */
export function describeDivergence(ctx, d) {
  const info = kindInfo(d.kind);
  const out = [
    el('span', { className: `cb-sev cb-sev-${severityOf(d.severity)}`, text: d.severity }), ' ',
    el('span', { className: `cb-kind-chip cb-group-${info.group}`, text: kindLabel(d) }), ' ',
    el('span', { text: d.explanation }),
  ];
  const others = (d.others || []).map((o) => ctx.name(o));
  if (d.counterpart != null && others.length) {
    out.push(el('div', { className: 'cb-counterpart' },
      `${listText(others)}: `,
      d.counterpart ? el('q', { text: clip(d.counterpart, 200) }) : el('em', { text: 'leaves it out' })));
  } else if (others.length && info.group === 'unique') {
    out.push(el('div', { className: 'cb-counterpart', text: `Not in ${listText(others, 'or')}.` }));
  } else if (others.length) {
    out.push(el('div', { className: 'cb-counterpart', text: `Compared with ${listText(others)}.` }));
  }
  return out;
}
