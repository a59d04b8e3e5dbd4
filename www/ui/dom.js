// Small DOM helpers shared by the rendering modules. Text only ever reaches
// the DOM through text nodes: nothing here parses HTML.

/**
 * Creates an element. `props`: className, text, dataset, on{Event} handlers
 * (functions), any other key becomes an attribute (true → empty attribute,
 * null/false → skipped). Children: nodes or strings (as text).
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value == null || value === false) continue;
    if (key === 'className') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key === 'dataset') {
      for (const [k, v] of Object.entries(value)) if (v != null) node.dataset[k] = String(v);
    } else if (key.startsWith('on') && typeof value === 'function') {
      node.addEventListener(key.slice(2).toLowerCase(), value);
    } else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child == null || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function percent(x) {
  if (typeof x !== 'number' || !Number.isFinite(x)) return '?';
  return `${Math.round(x * 100)}%`;
}

// one formatter: toLocaleString makes a new one at every call (70 ms for a report's 3,500 passages)
const NUMBER = new Intl.NumberFormat('en');

export function plural(n, word, many = `${word}s`) {
  return `${NUMBER.format(Number(n))} ${n === 1 ? word : many}`;
}

export function formatMs(ms) {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return '';
  if (ms >= 10000) return `${(ms / 1000).toFixed(0)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(1)} s`;
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

/** "A, B and C". */
export function listText(items, last = 'and') {
  const xs = items.filter((x) => x != null && x !== '');
  if (xs.length <= 1) return xs.join('');
  return `${xs.slice(0, -1).join(', ')} ${last} ${xs[xs.length - 1]}`;
}

/** A safe CSS class fragment from any string. */
export function token(s) {
  return String(s ?? '').toLowerCase().replace(/[^a-z0-9-]/g, '') || 'x';
}

/** Words in a text, roughly as a reader counts them (letters or digits runs). */
export function countWords(text) {
  const re = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.-]*/gu;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}

/**
 * Shortens a string for a quote, on a word boundary, with runs of white
 * space as one space. Reads only as much of `s` as the quote needs: a
 * divergence can quote a whole 2 MB article.
 */
export function clip(s, max = 160) {
  const str = String(s ?? '');
  let t;
  for (let take = max * 2 + 64; ; take *= 4) {
    t = str.slice(0, take).replace(/\s+/g, ' ').trim();
    if (t.length > max || take >= str.length) break;
  }
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const sp = cut.lastIndexOf(' ');
  return `${cut.slice(0, sp > max * 0.6 ? sp : max)}…`;
}

/** Offers `content` (a Blob, or a string of `type`) as a download named `name`. */
export function download(name, content, type = 'text/plain;charset=utf-8') {
  const blob = content instanceof Blob ? content : new Blob([content], { type });
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Scrolls `target` into view inside its scrolling `box` (not the page). */
export function scrollWithin(box, target, margin = 40) {
  if (!box || !target) return;
  const b = box.getBoundingClientRect();
  const t = target.getBoundingClientRect();
  box.scrollTop += t.top - b.top - margin;
}
