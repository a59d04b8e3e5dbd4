// Turns a text plus possibly overlapping ranges into pieces: plain text
// where no range applies, one piece per stretch covered by the same set of
// ranges. Offsets are UTF-16 code units (JavaScript string indices), like a
// Report made with {offsets: 'utf16'}.
//
// A range: {start, end, cls: 'shared' | [..], key: 'p3', title, before: () => Node,
// onStart: (node) => …} (its start and end are clamped to the text in place)
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
  return [...pieces(text, ranges, cuts)].filter((s) => s !== PAUSE);
}

// what `pieces` yields between the phases of its start (making, sorting and
// cutting the marks), so that a job can stop there when its time is up
const PAUSE = {};

// The pieces of `segments`, one at a time (a long text is annotated over
// several tasks). `ranges` may be a function returning them: it is called
// at the first piece.
function* pieces(text, ranges, cuts = []) {
  const len = text.length;
  const list = [];
  // clamped in place: copying 50,000 ranges ({...r}) took 60 ms
  for (const r of (typeof ranges === 'function' ? ranges() : ranges) || []) {
    r.start = clampInt(r.start, 0, len);
    r.end = clampInt(r.end, r.start, len);
    if (r.end > r.start || r.before) list.push(r);
  }
  yield PAUSE;
  list.sort((x, y) => x.start - y.start || y.end - x.end);
  yield PAUSE;
  // `cuts`: extra points where a stretch is split (chunk boundaries), changing nothing else
  const all = new Float64Array(list.length * 2 + cuts.length + 2);
  let n = 0;
  all[n++] = 0;
  all[n++] = len;
  for (const c of cuts) if (c > 0 && c < len) all[n++] = c;
  for (const r of list) {
    all[n++] = r.start;
    all[n++] = r.end;
  }
  // a typed array sorts numerically, natively: 100,000 ranges cost a few ms
  const sorted = all.subarray(0, n).sort();
  yield PAUSE;
  let next = 0;
  let active = [];
  const started = new Set();
  for (let i = 0; i < n; i++) {
    const p = sorted[i];
    if (i > 0 && p === sorted[i - 1]) continue;
    let j = i + 1;
    while (j < n && sorted[j] === p) j++;
    const q = j < n ? sorted[j] : undefined;
    active = active.filter((r) => r.end > p);
    while (next < list.length && list[next].start <= p) {
      const r = list[next++];
      if (r.before) yield { before: r, at: p };
      if (r.end > p) active.push(r);
    }
    if (q === undefined) break;
    const starts = active.filter((r) => !started.has(r));
    for (const r of starts) started.add(r);
    yield { text: text.slice(p, q), active: [...active], starts, at: p };
  }
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
  const job = annotateJob(root, text, ranges);
  while (job.step(Infinity));
  return root;
}

// `annotate` as a job that appends to `container` as it goes: each
// `step(deadline)` adds pieces until performance.now() passes `deadline`,
// and returns true while pieces remain (a 2 MB text with 50,000 marked
// words is 200,000 elements: built at once, 3.6 s). `blocks` lists the
// blocks of a long text ({node, start, end} in text offsets) as they are
// made. A range's `onStart(node)` is called with the first element of it.
// `ranges` may be a function returning them, called at the first step.
export function annotateJob(container, text, ranges) {
  const cuts = chunkCuts(text);
  const blocks = [];
  let frag = container;
  let next = 0;
  const block = () => {
    const node = container.appendChild(el('span', { className: 'cb-chunk' }));
    const start = next === 0 ? 0 : cuts[next - 1];
    blocks.push({ node, start, end: next < cuts.length ? cuts[next] : text.length });
    return node;
  };
  if (cuts.length) frag = block();
  const it = pieces(text, ranges, cuts);
  return {
    blocks,
    size: text.length,
    step(deadline) {
      for (let k = 0; ; k++) {
        // the clock is read every few pieces: reading it costs more than a piece
        if ((k & 63) === 63 && performance.now() > deadline) return true;
        const { value: s, done } = it.next();
        if (done) return false;
        if (s === PAUSE) {
          if (performance.now() > deadline) return true;
          continue;
        }
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
        const span = el('span', {
          className: [...classes].join(' '),
          dataset: { keys: keys || null, start: starts || null },
          title: titles.length ? titles.join('\n') : null,
        }, s.text);
        frag.append(span);
        for (const r of s.starts) r.onStart?.(span);
      }
    },
  };
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
