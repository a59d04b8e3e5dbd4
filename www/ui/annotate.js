// Turns a text plus possibly overlapping ranges into pieces: plain text
// where no range applies, one piece per stretch covered by the same set of
// ranges. Offsets are UTF-16 code units (JavaScript string indices), like a
// Report made with {offsets: 'utf16'}.
//
// A range: {start, end, cls: 'shared' | [..], key: 'p3', title, before: () => Node}
//   key     – the first piece of the range lists it in data-start (space
//             separated); every piece lists all its keys in data-keys
//   before  – a node inserted where the range starts (an annotation such as
//             the old wording of a substitution); zero-length ranges may use it

import { el } from './dom.js';

/**
 * The pieces of `text` under `ranges`, in order:
 *   {before: range}                        – an insertion point
 *   {text, active: [range], starts: [range]} – a stretch of text
 */
export function segments(text, ranges, cuts = []) {
  const len = text.length;
  const list = [];
  for (const r of ranges || []) {
    const start = clampInt(r.start, 0, len);
    const end = clampInt(r.end, start, len);
    if (end > start || r.before) list.push({ ...r, start, end });
  }
  list.sort((x, y) => x.start - y.start || y.end - x.end);
  // `cuts`: extra points where a stretch is split (chunk boundaries), changing nothing else
  const points = new Set([0, len, ...cuts.filter((c) => c > 0 && c < len)]);
  for (const r of list) {
    points.add(r.start);
    points.add(r.end);
  }
  const bounds = [...points].sort((x, y) => x - y);
  const out = [];
  let next = 0;
  let active = [];
  const started = new Set();
  for (let i = 0; i < bounds.length; i++) {
    const p = bounds[i];
    const q = bounds[i + 1];
    active = active.filter((r) => r.end > p);
    while (next < list.length && list[next].start <= p) {
      const r = list[next++];
      if (r.before) out.push({ before: r, at: p });
      if (r.end > p) active.push(r);
    }
    if (q === undefined) break;
    if (q <= p) continue;
    const starts = active.filter((r) => !started.has(r));
    for (const r of starts) started.add(r);
    out.push({ text: text.slice(p, q), active: [...active], starts, at: p });
  }
  return out;
}

// Texts longer than CHUNK_FROM are laid out in blocks of about CHUNK
// characters (`span.cb-chunk`, `content-visibility: auto` in ui.css), cut
// after a line break where there is one, so the browser lays out only the
// blocks on screen: a 2 MB article otherwise takes over a second of layout,
// during which the page cannot answer.
const CHUNK_FROM = 30_000;
const CHUNK = 4_000;

/** Where to cut a long text into blocks: after a newline, else after a space, near every CHUNK characters. */
export function chunkCuts(text) {
  const cuts = [];
  if (text.length <= CHUNK_FROM) return cuts;
  let at = 0;
  while (text.length - at > CHUNK * 1.5) {
    const target = at + CHUNK;
    const window = text.slice(target, target + CHUNK);
    let cut = window.indexOf('\n');
    if (cut < 0) cut = window.indexOf(' ');
    if (cut < 0) {
      cut = target;
      if ((text.charCodeAt(cut) & 0xfc00) === 0xdc00) cut++; // never between a surrogate pair
    } else cut += target + 1;
    cuts.push(cut);
    at = cut;
  }
  return cuts;
}

/** The pieces as a DocumentFragment of text nodes and spans (in blocks for long texts). */
export function annotate(text, ranges) {
  const root = document.createDocumentFragment();
  const cuts = chunkCuts(text);
  let frag = root;
  let next = 0;
  const block = () => root.appendChild(el('span', { className: 'cb-chunk' }));
  if (cuts.length) frag = block();
  for (const s of segments(text, ranges, cuts)) {
    while (next < cuts.length && s.at >= cuts[next]) {
      next++;
      frag = block();
    }
    if (s.before) {
      frag.append(s.before.before());
      continue;
    }
    if (!s.active.length) {
      frag.append(document.createTextNode(s.text));
      continue;
    }
    const classes = new Set();
    const titles = [];
    for (const r of s.active) {
      for (const c of [].concat(r.cls || [])) classes.add(c);
      if (r.title) titles.push(r.title);
    }
    const keys = s.active.map((r) => r.key).filter(Boolean).join(' ');
    const starts = s.starts.map((r) => r.key).filter(Boolean).join(' ');
    frag.append(el('span', {
      className: [...classes].join(' '),
      dataset: { keys: keys || null, start: starts || null },
      title: titles.length ? titles.join('\n') : null,
    }, s.text));
  }
  return root;
}

function clampInt(x, lo, hi) {
  const n = Math.floor(Number(x));
  if (!Number.isFinite(n)) return lo;
  return Math.min(hi, Math.max(lo, n));
}

/** Ranges covering the stretches of [0, len) outside `covered`, trimmed of white space. */
export function gaps(text, covered, cls) {
  const sorted = [...covered].sort((x, y) => x.start - y.start);
  const out = [];
  let at = 0;
  const push = (s, e) => {
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e, cls });
  };
  for (const r of sorted) {
    if (r.start > at) push(at, r.start);
    at = Math.max(at, r.end);
  }
  push(at, text.length);
  return out;
}
