// What one analysis may take, checked in the page before anything is sent
// to the worker, so an oversized input is refused at once with a message
// saying what was too big and what to do. The same numbers are checked
// again in the core (src/limits.rs), whose messages read the same; keep
// the two in step (tests/e2e/hostile.spec.mjs checks the page against them).
//
// Sizes are UTF-8 bytes, as the core counts them; `utf8Length` counts them
// without encoding the string, and looks at each character only when the
// string's length alone cannot decide.

/** The most text one article may have (UTF-8 bytes). */
export const MAX_ARTICLE_BYTES = 2_000_000;
/** The most text all articles may have together (labels and names included). */
export const MAX_TOTAL_BYTES = 4_000_000;
/** The most articles one analysis compares. */
export const MAX_ARTICLES = 50;
/** The longest label or file name (UTF-8 bytes). */
export const MAX_LABEL_BYTES = 1_000;
/** The largest file the page or the CLI reads (bytes as stored). */
export const MAX_FILE_BYTES = 5_000_000;
/** How long the page waits for an analysis before stopping it. */
export const TIME_LIMIT_MS = 30_000;

/** UTF-8 length of a string; stops counting past `cap` (returns a value > cap). */
export function utf8Length(s, cap = Infinity) {
  // a UTF-16 unit is 1 to 3 UTF-8 bytes (a surrogate pair is 4 for 2 units)
  if (s.length > cap) return s.length;
  // long strings: the browser's encoder is native code (as wasm-bindgen
  // encodes strings for the wasm, lone surrogates become 3-byte U+FFFD); a
  // JS loop over megabytes (cold, interpreted at first) is a long task
  if (s.length > 65_536 && typeof TextEncoder === 'function') {
    return new TextEncoder().encodeInto(s, new Uint8Array(s.length * 3)).written;
  }
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
    if (n > cap) return n;
  }
  return n;
}

/** "2 MB", "10.5 MB", "900 KB", "1,001 bytes", as the core writes them. */
export function humanSize(bytes) {
  if (bytes >= 1_000_000) {
    const tenths = Math.round(bytes / 100_000);
    return tenths % 10 === 0 ? `${tenths / 10} MB` : `${Math.floor(tenths / 10)}.${tenths % 10} MB`;
  }
  if (bytes >= 10_000) return `${Math.floor((bytes + 500) / 1_000)} KB`;
  return `${bytes.toLocaleString('en')} bytes`;
}

function sizes(value, limit) {
  const v = humanSize(value);
  const l = humanSize(limit);
  return v === l ? [`${value.toLocaleString('en')} bytes`, `${limit.toLocaleString('en')} bytes`] : [v, l];
}

function which(i, a) {
  const label = String(a.label ?? '').trim();
  const name = String(a.name ?? '');
  const n = label && label.length <= 80 ? label : name && name.length <= 80 ? name : '';
  return n ? `article ${i + 1} (${n})` : `article ${i + 1}`;
}

function capital(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * The first limit `articles` ([{text, label, name}]) exceed, as
 * {index, message} (index: the article to point at, or -1), or null.
 * Cheap: strings far from a limit are judged by their length alone.
 */
export function checkLimits(articles) {
  if (articles.length > MAX_ARTICLES) {
    return {
      index: -1,
      message: `${articles.length} articles are more than Corroborate compares at once (at most ${MAX_ARTICLES}): ` +
        'remove some, or analyze them in groups.',
    };
  }
  let total = 0;
  for (const [i, a] of articles.entries()) {
    const text = String(a.text ?? '');
    // exact up to the limit, cut short past it (an over-long text is judged by its length)
    const bytes = utf8Length(text, MAX_ARTICLE_BYTES);
    if (bytes > MAX_ARTICLE_BYTES) {
      // a very long text is not counted out (it would block the page): its
      // length in UTF-16 units is a lower bound of its UTF-8 size
      const [size, limit] = text.length > 2 * MAX_ARTICLE_BYTES
        ? [`at least ${humanSize(text.length)}`, humanSize(MAX_ARTICLE_BYTES)]
        : sizes(utf8Length(text), MAX_ARTICLE_BYTES);
      return {
        index: i,
        message: `${capital(which(i, a))} has ${size} of text, more than the ${limit} one article may have: ` +
          'paste only the article itself, or split it into several articles. Your text is kept in its box.',
      };
    }
    for (const [what, value] of [['label', a.label], ['file name', a.name]]) {
      const v = String(value ?? '');
      const len = utf8Length(v, MAX_LABEL_BYTES);
      if (len > MAX_LABEL_BYTES) {
        const [size, limit] = sizes(utf8Length(v), MAX_LABEL_BYTES);
        return { index: i, message: `The ${what} of article ${i + 1} is ${size} long, more than ${limit}: shorten it.` };
      }
      total += len;
    }
    total += bytes;
    for (const w of a.warnings || []) total += utf8Length(String(w));
  }
  if (total > MAX_TOTAL_BYTES) {
    const [size, limit] = sizes(total, MAX_TOTAL_BYTES);
    return {
      index: -1,
      message: `The articles have ${size} of text together, more than the ${limit} one analysis takes: ` +
        'remove some articles or shorten them, then analyze again. Your text is kept.',
    };
  }
  return null;
}
