// The report's views as static HTML, for the offline export (export.js):
// the counterpart of the live views that report.js assembles, built from
// the same pieces (the summary, heatmap levels, divergence order and kind
// labels, the annotated segments of a text).

import { segments } from './annotate.js';
import { percent } from './dom.js';
import { level } from './heatmap.js';
import { GROUP_LABELS, divergenceKey, kindInfo, otherNames, severityOf } from './model.js';
import { kindLabel } from './divergences.js';
import { summaryText } from './summary.js';

const ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(s) {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ESC[c]);
}

/**
 * The report's views as static HTML (the body of the offline export): the
 * summary, the articles, the heatmap, the entities, the divergences linked to
 * their places in the annotated texts. Every piece of text is escaped.
 */
export function reportHtml(ctx) {
  const e = escapeHtml;
  const arts = ctx.articles;
  const out = [`<h2>Summary</h2><p>${e(summaryText(ctx))}</p>`];
  // articles
  out.push('<h2>Articles</h2><ul>');
  for (const a of arts) {
    out.push(`<li><span class="id">${e(a.id)}</span> <a href="#text-${e(a.id)}">${e(a.label)}</a> — ${e(a.words)} words, ${e(percent(a.originality))} original${(a.flags || []).length ? ` <span class="muted">[${e(a.flags.join(', '))}]</span>` : ''}</li>`);
  }
  out.push('</ul>');
  // heatmap
  out.push('<h2>Shared text</h2><p class="muted">Share of the row article’s words in passages shared with the column article.</p><div class="wrap"><table><thead><tr><td></td>');
  for (const b of arts) out.push(`<th scope="col">${e(b.id)}</th>`);
  out.push('</tr></thead><tbody>');
  for (const a of arts) {
    out.push(`<tr><th scope="row">${e(a.id)} ${e(a.label)}</th>`);
    for (const b of arts) {
      if (a.id === b.id) { out.push('<td class="n muted">—</td>'); continue; }
      const p = ctx.pair(a.id, b.id);
      out.push(`<td class="n l${level(p?.containment ?? 0)}" title="${e(p?.explanation ?? '')}">${e(percent(p?.containment))}</td>`);
    }
    out.push('</tr>');
  }
  out.push('</tbody></table></div>');
  // entities
  out.push('<h2>Entities</h2><div class="wrap"><table><thead><tr><th scope="col">Entity</th><th scope="col">Kind</th>');
  for (const a of arts) out.push(`<th scope="col">${e(a.id)}</th>`);
  out.push('</tr></thead><tbody>');
  for (const en of ctx.entities) {
    const aliases = otherNames(en);
    out.push(`<tr><th scope="row">${e(en.name)}${aliases.length ? ` <span class="muted">(${e(aliases.join(', '))})</span>` : ''}</th><td>${e(en.kind)}</td>`);
    for (const a of arts) out.push(`<td class="n">${e(en.counts?.[a.id] ?? 0)}</td>`);
    out.push('</tr>');
  }
  out.push('</tbody></table></div>');
  // divergences, each linked to its place in the texts below
  const divs = ctx.severityOrder().map((i) => ctx.indexed(i));
  out.push(`<h2>Divergences (${divs.length})</h2>`);
  const byArticle = new Map(arts.map((a) => [a.id, []]));
  for (const d of divs) byArticle.get(d.article)?.push(d);
  for (const a of arts) {
    const mine = byArticle.get(a.id);
    if (!mine.length) continue;
    out.push(`<h3><span class="id">${e(a.id)}</span> ${e(a.label)}</h3><ol>`);
    for (const d of mine) {
      const cp = d.counterpart != null && d.others?.length
        ? `<br><span class="muted">${e(d.others.map((o) => ctx.name(o)).join(', '))}: ${d.counterpart ? `“${e(d.counterpart)}”` : 'leaves it out'}</span>` : '';
      out.push(`<li><span class="sev">${e(severityOf(d.severity))}</span> <strong>${e(kindLabel(d))}</strong> `,
        `<a href="#d${d.index}">${e(d.explanation)}</a>${cp}</li>`);
    }
    out.push('</ol>');
  }
  // annotated texts
  out.push('<h2>Texts</h2><p class="muted">Marked: ',
    ['fact', 'wording', 'unique', 'coverage'].map((g) => `<span class="d g-${g}">${e(kindInfo(g).icon)} ${e(GROUP_LABELS[g])}</span>`).join(' · '), '</p>');
  for (const a of arts) {
    const ranges = ctx.divergencesOf(a.id).map((d) => ({
      start: d.start, end: d.end, key: divergenceKey(d), d,
    }));
    out.push(`<h3 id="text-${e(a.id)}"><span class="id">${e(a.id)}</span> ${e(a.label)}</h3><div class="text">`);
    for (const s of segments(ctx.text(a.id), ranges)) {
      if (s.before) continue;
      if (!s.active.length) { out.push(e(s.text)); continue; }
      const groups = [...new Set(s.active.map((r) => kindInfo(r.d.kind).group))];
      const title = s.active.map((r) => r.d.explanation).join('\n');
      const icons = s.starts.map((r) => `<sup class="k" id="${divergenceKey(r.d)}">${e(kindInfo(r.d.kind).icon)}</sup>`).join('');
      out.push(`<span class="d ${groups.map((g) => `g-${e(g)}`).join(' ')}" title="${e(title)}">${icons}${e(s.text)}</span>`);
    }
    out.push('</div>');
  }
  return out.join('');
}
