// Divergences: grouped by article or by kind, filtered, sorted by severity
// (renderDivergences), or the few most telling (renderTopDivergences, the
// widget's compact view). Every item is drawn by divergenceItem: it shows the
// other sources' wording and a button that calls onJump(index into
// report.divergences).

import { clip, el, listText, plural } from './dom.js';
import { GROUP_LABELS, GROUP_ORDER, kindInfo, severityOf, severityRank } from './model.js';

// the first page is drawn ITEMS_PER_STEP findings per step (150 at once were 2,300 elements to lay out)
const ITEMS_PER_STEP = 30;

// Draws the divergence list into `root`; returns a job ({step() → more to
// draw?}) that adds the rest of the first page a few findings per step (run
// it to the end to draw it at once).
export function renderDivergences(root, ctx, { onJump, state = {}, onChange } = {}) {
  const st = {
    article: state.article || 'all', group: state.group || 'all', by: state.by === 'kind' ? 'kind' : 'article', min: state.min || 'low',
    // spelling and alias variants are hidden until asked for
    formats: state.formats === true,
  };
  const all = ctx.divergences;
  const { groups: groupOf, groupCounts: sizes } = ctx.prep();
  const groups = GROUP_ORDER.filter((g) => sizes.has(g));
  if (st.group !== 'all' && !groups.includes(st.group)) st.group = 'all';
  if (st.article !== 'all' && !ctx.byId.has(st.article)) st.article = 'all';

  const artSel = el('select', { 'aria-label': 'Show divergences of' },
    el('option', { value: 'all' }, 'All articles'),
    ...ctx.articles.map((a) => el('option', { value: a.id }, `${a.id} — ${a.label}`)));
  artSel.value = st.article;
  const kindSel = el('select', { 'aria-label': 'Kind of divergence' },
    el('option', { value: 'all' }, 'All kinds'),
    ...groups.map((g) => el('option', { value: g }, `${GROUP_LABELS[g]} (${sizes.get(g)})`)));
  kindSel.value = st.group;
  const minSel = el('select', { 'aria-label': 'Minimum severity' },
    el('option', { value: 'low' }, 'Any severity'), el('option', { value: 'medium' }, 'Medium and high'), el('option', { value: 'high' }, 'High only'));
  minSel.value = st.min;
  const bySel = el('select', { 'aria-label': 'Group divergences by' },
    el('option', { value: 'article' }, 'Group by article'), el('option', { value: 'kind' }, 'Group by kind'));
  bySel.value = st.by;
  const count = el('span', { className: 'cb-hint', role: 'status', 'aria-live': 'polite' });
  const formats = all.reduce((n, d) => n + (d.kind === 'format' ? 1 : 0), 0);
  const formatBox = el('input', { type: 'checkbox', dataset: { testid: 'show-formats' } });
  formatBox.checked = st.formats;
  const list = el('ol', { className: 'cb-divergences', dataset: { testid: 'divergences' } });
  // the few that matter most, each with why, above the full list
  const top = topDivergences(ctx, TOP, (d) => d.kind !== 'format');
  const topBlock = top.length ? el('section', { className: 'cb-top-findings', dataset: { testid: 'top-findings' } },
    el('h4', {}, 'What matters most'),
    el('ol', { className: 'cb-divergences' }, ...top.map((d) => divergenceItem(ctx, d, { onJump, why: true })))) : null;
  root.replaceChildren(...[topBlock, el('div', { className: 'cb-controls' },
    el('label', {}, 'Article ', artSel), el('label', {}, 'Kind ', kindSel), el('label', {}, 'Severity ', minSel), el('label', {}, bySel),
    formats ? el('label', {}, formatBox, ` Spelling and alias variants (${formats})`) : null, count), list].filter(Boolean));

  // long lists are drawn a page at a time: "Show more" adds the next page
  const PAGE = 150;
  const more = el('button', { type: 'button', className: 'cb-small cb-more', hidden: true });
  root.append(more);
  let matching = [];
  let shown = 0;
  let sections = new Map(); // group key → {li, ol, n, count}
  const keyOf = (i) => (st.by === 'kind' ? groupOf[i] : all[i].article);
  const order = () => (st.by === 'kind' ? GROUP_ORDER : ctx.articles.map((a) => a.id));
  const title = (key) => (st.by === 'kind' ? GROUP_LABELS[key] : ctx.name(key));
  // the findings the current page ends at
  let pageEnd = PAGE;
  /** Appends findings up to `upTo` (at most the page's end) to their groups. */
  const showItems = (upTo) => {
    const end = Math.min(matching.length, pageEnd, upTo);
    const keys = order();
    for (; shown < end; shown++) {
      const i = matching[shown];
      const key = keyOf(i);
      let section = sections.get(key);
      if (!section) {
        const n = el('span', { className: 'cb-hint' });
        section = { ol: el('ol'), n: 0, count: n };
        section.li = el('li', { className: 'cb-div-group', dataset: { group: key } }, el('h4', {}, `${title(key)} `, n), section.ol);
        // groups in their order, whenever their first finding is shown
        const rank = keys.indexOf(key);
        let before = null;
        let beforeRank = Infinity;
        for (const [k, v] of sections) {
          const r = keys.indexOf(k);
          if (r > rank && r < beforeRank) [before, beforeRank] = [v.li, r];
        }
        list.insertBefore(section.li, before);
        sections.set(key, section);
      }
      section.ol.append(divergenceItem(ctx, ctx.indexed(i), { onJump }));
      section.n++;
    }
    for (const section of sections.values()) section.count.textContent = `(${section.n})`;
    const rest = matching.length - shown;
    more.hidden = rest <= 0 || shown < Math.min(pageEnd, matching.length);
    more.textContent = `Show ${Math.min(rest, PAGE)} more (${plural(rest, 'divergence')} not shown)`;
    count.textContent = `${plural(shown, 'divergence')} shown of ${all.length}`;
  };
  more.addEventListener('click', () => {
    pageEnd = shown + PAGE;
    showItems(pageEnd);
  });
  // `upTo`: the findings drawn now (the rest of the page by the job returned)
  const draw = (upTo = PAGE) => {
    const min = severityRank(st.min);
    const { bySeverity: ranked, ranked: known } = ctx.prep();
    // no filter: the order as it is (a pass over 240,000 findings is not free)
    const allFormats = st.formats || !formats;
    matching = st.article === 'all' && st.group === 'all' && st.min === 'low' && allFormats ? ranked.slice(0, known) : ranked.filter((i) => {
      const d = all[i];
      return (st.article === 'all' || d.article === st.article) && (st.group === 'all' || groupOf[i] === st.group) &&
        severityRank(d.severity) >= min && (allFormats || d.kind !== 'format');
    });
    shown = 0;
    pageEnd = PAGE;
    sections = new Map();
    list.replaceChildren();
    if (!all.length || !matching.length) {
      list.append(el('li', { className: 'cb-empty', text: all.length ? 'No divergence matches the filters.' : 'No divergences found.' }));
    }
    showItems(upTo);
  };
  const changed = () => {
    draw();
    onChange?.({ ...st });
  };
  artSel.addEventListener('change', () => { st.article = artSel.value; changed(); });
  kindSel.addEventListener('change', () => { st.group = kindSel.value; changed(); });
  minSel.addEventListener('change', () => { st.min = minSel.value; changed(); });
  bySel.addEventListener('change', () => { st.by = bySel.value; changed(); });
  formatBox.addEventListener('change', () => { st.formats = formatBox.checked; changed(); });
  draw(ITEMS_PER_STEP);
  return { step: () => (showItems(shown + ITEMS_PER_STEP), shown < Math.min(pageEnd, matching.length)) };
}

// findings shown above the full list, with why they matter
const TOP = 5;

// the ranking when a report has no scores (one from before they were
// added): severity, then facts before wording before the rest
const GROUP_RANK = { fact: 4, wording: 2, unique: 1, coverage: 0, other: 0 };

/**
 * The `top` divergences most worth a reader's attention (indexed), by the
 * engine's `score`, for the compact view and the list's first block;
 * `keep(d)` filters them.
 */
export function topDivergences(ctx, top, keep = () => true) {
  const rank = (d) => GROUP_RANK[kindInfo(d.kind).group] ?? 0;
  const score = (d) => (typeof d.score === 'number' ? d.score : -1);
  const cmp = (x, y) => score(y) - score(x) || severityRank(y.severity) - severityRank(x.severity) || rank(y) - rank(x) ||
    x.index - y.index;
  // the `top` best in one pass, kept sorted (no sort of every finding)
  const best = [];
  if (!(top > 0)) return best;
  ctx.divergences.forEach((d, index) => {
    if (!keep(d)) return;
    if (best.length >= top && cmp({ severity: d.severity, kind: d.kind, score: d.score, index }, best[best.length - 1]) >= 0) return;
    const item = ctx.indexed(index);
    let at = best.length;
    while (at > 0 && cmp(item, best[at - 1]) < 0) at--;
    best.splice(at, 0, item);
    if (best.length > top) best.pop();
  });
  return best;
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
export function divergenceItem(ctx, d, { onJump, quoteLength = 300, why = false } = {}) {
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
    others, why && d.why ? el('p', { className: 'cb-why', text: `Why this matters: ${d.why}` }) : null), jump);
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
