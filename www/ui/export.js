// Exports: the Report as JSON, the entity table as CSV, and a standalone
// annotated HTML report that opens offline (its views are drawn by
// reportHtml, in report-html.js). The HTML carries no script at all and a CSP
// that forbids any, and every piece of article text in it is escaped, so
// nothing pasted can run when it is opened.

import { otherNames } from './model.js';
import { escapeHtml, reportHtml } from './report-html.js';

export function reportJson(report) {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** RFC 4180 field; a leading = + - @ is defused so spreadsheets do not run it as a formula. */
function csvField(value) {
  let s = String(value ?? '');
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function entitiesCsv(ctx) {
  const head = ['entity', 'kind', 'aliases', 'total', ...ctx.articles.map((a) => `${a.id} ${a.label}`)];
  const rows = [head];
  for (const e of ctx.entities) {
    rows.push([
      e.name, e.kind, otherNames(e).join('; '), e.total ?? 0,
      ...ctx.articles.map((a) => e.counts?.[a.id] ?? 0),
    ]);
  }
  return `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

const STYLE = `
:root { color-scheme: light dark; --fg:#1d1f23; --muted:#5d6470; --bg:#fbfbfa; --panel:#fff; --line:#d8dbe0;
  --h0:transparent; --h1:#e8f1fa; --h2:#c6dcf0; --h3:#93bfe3; --h4:#4f95cc; --h5:#0b5c9e; --hs:#fff;
  --fact:#d55e00; --wording:#0072b2; --unique:#cc79a7; --coverage:#009e73; --other:#777; }
@media (prefers-color-scheme: dark) { :root { --fg:#e6e7ea; --muted:#a3a9b3; --bg:#16181c; --panel:#1e2126; --line:#3a3f47;
  --h1:#1c2b3a; --h2:#1f3f5e; --h3:#2b5f8c; --h4:#4c8fc4; --h5:#9fd0f5; --hs:#0d1420;
  --fact:#ff9b57; --wording:#6cb8f0; --unique:#f0a5cf; --coverage:#4fd1a5; } }
* { box-sizing: border-box; }
body { font-family: system-ui, sans-serif; line-height: 1.5; color: var(--fg); background: var(--bg); margin: 0 auto; max-width: 72rem; padding: 1rem; }
h1 { font-size: 1.6rem; margin: 0; } h2 { margin-top: 2rem; border-bottom: 1px solid var(--line); }
.muted { color: var(--muted); }
.wrap { overflow-x: auto; }
table { border-collapse: collapse; background: var(--panel); }
th, td { border: 1px solid var(--line); padding: .25rem .5rem; text-align: left; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.l0 { background: var(--h0); } .l1 { background: var(--h1); } .l2 { background: var(--h2); } .l3 { background: var(--h3); }
.l4 { background: var(--h4); color: var(--hs); font-weight: 600; } .l5 { background: var(--h5); color: var(--hs); font-weight: 700; }
.id { display: inline-block; min-width: 1.5rem; text-align: center; border-radius: .25rem; background: var(--line); font-weight: 700; }
.text { white-space: pre-wrap; background: var(--panel); border: 1px solid var(--line); border-radius: .4rem; padding: .75rem; overflow-wrap: anywhere; }
.d { text-decoration-line: underline; text-decoration-thickness: 2px; text-underline-offset: 3px; }
.g-fact { text-decoration-style: double; text-decoration-color: var(--fact); background: color-mix(in srgb, var(--fact) 18%, transparent); }
.g-wording { text-decoration-style: wavy; text-decoration-color: var(--wording); background: color-mix(in srgb, var(--wording) 14%, transparent); }
.g-unique { text-decoration-style: dotted; text-decoration-color: var(--unique); background: color-mix(in srgb, var(--unique) 12%, transparent); }
.g-coverage { text-decoration-style: dashed; text-decoration-color: var(--coverage); }
.g-other { text-decoration-style: solid; text-decoration-color: var(--other); }
sup.k { font-size: .7em; font-weight: 700; }
li { margin: .3rem 0; }
.sev { font-size: .75rem; font-weight: 700; text-transform: uppercase; border: 1px solid currentColor; border-radius: .25rem; padding: 0 .3rem; }
blockquote { margin: .2rem 0 .2rem .5rem; padding-left: .6rem; border-left: 3px solid var(--line); color: var(--muted); }
:target { outline: 3px solid var(--fact); }
`;

/** A standalone annotated report (one HTML file, no script, no external resource). */
export function standaloneHtml(ctx, { generated = new Date() } = {}) {
  const e = escapeHtml;
  return ['<!doctype html><html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer">',
    `<title>Corroborate report: ${e(ctx.articles.map((a) => a.label).join(', '))}</title>`,
    `<style>${STYLE}</style></head><body>`,
    '<h1>Corroborate report</h1>',
    `<p class="muted">${ctx.articles.length} articles, generated ${e(generated.toISOString().slice(0, 16).replace('T', ' '))} UTC. Offline copy: it contains no script.</p>`,
    reportHtml(ctx),
    '<p class="muted">Made with Corroborate. Analysis ran in the browser; nothing was uploaded.</p></body></html>\n',
  ].join('');
}
