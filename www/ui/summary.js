// The one-paragraph plain-language summary of a Report:
// "B (Herald) shares 91% of its words with A (Wire) — a near copy; D is
// independent; A and C disagree on “300 residents” vs “800 residents”."

import { el, listText, percent, plural } from './dom.js';
import { GROUP_LABELS, GROUP_ORDER } from './model.js';

const COPY = 0.5;
const REUSE = 0.2;
const INDEPENDENT = 0.1;

/** Sentences of the summary, in order. */
export function summarySentences(ctx) {
  const arts = ctx.articles;
  const out = [];
  if (arts.length < 2) {
    const a = arts[0];
    if (a) out.push(`One article, ${ctx.name(a.id)}, with ${plural(a.words ?? 0, 'word')}: add another version of the story to compare them.`);
    return out;
  }
  // reuse, one statement per unordered pair, strongest first
  const stated = [];
  for (let i = 0; i < arts.length; i++) {
    for (let j = i + 1; j < arts.length; j++) {
      const x = arts[i].id;
      const y = arts[j].id;
      const xy = ctx.pair(x, y)?.containment ?? 0;
      const yx = ctx.pair(y, x)?.containment ?? 0;
      const top = Math.max(xy, yx);
      if (top < REUSE) continue;
      // the article mostly made of the other's text comes first
      const [from, into, c, back] = yx > xy ? [y, x, yx, xy] : [x, y, xy, yx];
      let s;
      if (c >= COPY && back >= COPY) s = `${ctx.name(x)} and ${ctx.name(y)} are near copies of each other (${percent(xy)} of ${x}'s words and ${percent(yx)} of ${y}'s are shared)`;
      else if (c >= COPY) s = `${ctx.name(from)} reuses ${percent(c)} of its words from ${ctx.name(into)}`;
      else s = `${ctx.name(x)} and ${ctx.name(y)} share some passages (${percent(xy)} of ${x}'s words, ${percent(yx)} of ${y}'s)`;
      stated.push({ c, s });
    }
  }
  stated.sort((p, q) => q.c - p.c);
  for (const { s } of stated.slice(0, 4)) out.push(`${s}.`);
  if (stated.length > 4) out.push(`${stated.length - 4} more pairs share some text.`);

  const independent = arts.filter((a) => arts.every((b) => b.id === a.id || (ctx.pair(a.id, b.id)?.containment ?? 0) < INDEPENDENT));
  if (independent.length === arts.length) out.push('No two articles share much text: each is an independent account.');
  else if (independent.length) {
    const names = independent.map((a) => ctx.name(a.id));
    out.push(`${listText(names)} ${independent.length === 1 ? 'is an independent account' : 'are independent accounts'}, sharing little or no text with the others.`);
  }

  // facts, once per pair of articles and wording: only a finding whose
  // relation is `conflicts` is called a disagreement; the others are
  // counted as what their findings say they are
  const { facts: factIndices, groupCounts: counts } = ctx.prep();
  const seen = new Set();
  const facts = [];
  let moreFacts = 0;
  const consistent = { agrees: 0, compatible: 0 };
  for (const i of factIndices) {
    const d = ctx.divergences[i];
    const words = [d.text, d.counterpart].filter(Boolean).map((s) => s.trim().toLowerCase()).sort().join('|');
    for (const o of d.others?.length ? d.others : [null]) {
      const ids = o == null ? d.article : d.article < o ? `${d.article},${o}` : `${o},${d.article}`;
      const key = `${ids}|${words}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (d.relation !== 'conflicts') {
        if (d.relation in consistent) consistent[d.relation]++;
        continue;
      }
      if (facts.length >= 3) {
        moreFacts++;
        continue;
      }
      const other = o ? ` and ${ctx.name(o)}` : '';
      const what = d.counterpart ? `“${d.text}” against “${d.counterpart}”` : `“${d.text}”`;
      facts.push(`${ctx.name(d.article)}${other} disagree on a figure: ${what}`);
    }
  }
  if (facts.length) {
    out.push(`${facts.join('; ')}${moreFacts ? `; and ${moreFacts} more` : ''}.`);
  } else {
    out.push('No disagreement on figures was found.');
  }
  const agreeing = [
    consistent.agrees && `${plural(consistent.agrees, 'figure')} written differently ${consistent.agrees === 1 ? 'agrees' : 'agree'}`,
    consistent.compatible && `${plural(consistent.compatible, 'pair')} of figures ${consistent.compatible === 1 ? 'is' : 'are'} compatible`,
  ].filter(Boolean);
  if (agreeing.length) out.push(`${listText(agreeing).replace(/^./, (c) => c.toUpperCase())}.`);

  const parts = GROUP_ORDER.filter((g) => g !== 'fact' && counts.get(g)).map((g) => `${counts.get(g)} ${GROUP_LABELS[g].toLowerCase()}`);
  if (parts.length) out.push(`Other findings: ${listText(parts)}.`);
  return out;
}

export function summaryText(ctx) {
  return summarySentences(ctx).join(' ');
}

/** Renders the summary paragraph into `root` (replacing its content). */
export function renderSummary(root, ctx) {
  root.replaceChildren(el('p', { className: 'cb-summary', dataset: { testid: 'plain-summary' } }, summaryText(ctx)));
}
