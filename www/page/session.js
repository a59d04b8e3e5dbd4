// The articles and settings kept in this browser (IndexedDB through
// ../ui/store.js), saved a moment after each change.
// `document.body.dataset.saved` is "saved" once the inputs reached
// IndexedDB, "memory" when only memory kept them, "pending" while a save
// waits, "cleared" after Clear all.
//
// Long texts are saved as Blobs: IndexedDB copies a string on the main
// thread at every save (4 MB of articles: 70 ms) and again at every load,
// while a Blob is handed over as it is and read back only when needed. A
// saved text over the article limit (an older version saved whatever was
// in a box, and a 49 MB one froze every reload for 13 s) is never read back
// into the page: it comes back held as a Blob (boxes.js).

import { loadSession, saveSession } from '../ui/store.js';
import { yieldToBrowser } from '../ui/schedule.js';
import { MAX_ARTICLE_BYTES, utf8Length } from '../limits.js';
import { collectArticles } from './boxes.js';
import { page } from './state.js';

const SAVE_DELAY_MS = 250;
// texts longer than this (UTF-16 units) are saved as Blobs
const BLOB_FROM = 16_384;
// a string is turned into a Blob a slice at a time, a task each (UTF-8 encoding)
const ENCODE_SLICE = 250_000;
const ENCODE_BUDGET_MS = 10;

// the Blob saved for each long text, by text, so an unchanged text is not encoded again
let blobs = new Map();

export function scheduleSave() {
  page.saveGeneration++;
  document.body.dataset.saved = 'pending';
  clearTimeout(page.timers.save);
  page.timers.save = setTimeout(saveNow, SAVE_DELAY_MS);
}

export async function saveNow() {
  clearTimeout(page.timers.save);
  const generation = page.saveGeneration;
  const next = new Map();
  const articles = [];
  let since = performance.now();
  for (const { overLimit, ...a } of collectArticles({ setAside: true })) {
    // 50 articles of 80 KB are 4 MB to encode: a turn for the browser every few
    if (performance.now() - since > ENCODE_BUDGET_MS) {
      await yieldToBrowser();
      since = performance.now();
    }
    if (overLimit) {
      articles.push({ ...a, text: overLimit.blob });
    } else if (a.text.length <= BLOB_FROM) {
      articles.push(a);
    } else {
      const blob = blobs.get(a.text) ?? await blobOf(a.text);
      next.set(a.text, blob);
      articles.push({ ...a, text: blob });
    }
  }
  blobs = next;
  if (generation !== page.saveGeneration) return; // changed while encoding: the newer save has it
  const ok = await saveSession({ version: 2, articles, settings: { ...page.settings } });
  if (generation !== page.saveGeneration) return; // a newer change has its own save coming
  if (document.body.dataset.saved === 'pending') document.body.dataset.saved = ok ? 'saved' : 'memory';
}

/**
 * The saved session as {articles, settings}, each article's fields checked,
 * or null. An article is {text, label, name, warnings, meta, setAside}, or {overLimit:
 * {blob, bytes}, …} for a text over the article limit (never read).
 */
export async function loadSaved() {
  let session = null;
  try {
    session = await loadSession();
  } catch {
    session = null;
  }
  if (!session || !Array.isArray(session.articles) || !session.articles.length) return null;
  const articles = [];
  for (const a of session.articles) {
    const article = {
      text: '', label: String(a?.label ?? ''), name: a?.name ? String(a.name) : '',
      warnings: Array.isArray(a?.warnings) ? a.warnings.map(String) : null,
      meta: savedMeta(a?.meta),
      setAside: savedSetAside(a?.setAside),
    };
    const text = a?.text;
    if (text instanceof Blob) {
      // a Blob's size is its UTF-8 length: an oversized one is not even read
      if (text.size > MAX_ARTICLE_BYTES) article.overLimit = { blob: text, bytes: text.size };
      else article.text = await text.text().catch(() => '');
    } else {
      const s = String(text ?? '');
      // a string longer than the limit in UTF-16 units is over it in UTF-8 bytes too
      if (s.length > MAX_ARTICLE_BYTES || utf8Length(s, MAX_ARTICLE_BYTES) > MAX_ARTICLE_BYTES) {
        const blob = await blobOf(s);
        article.overLimit = { blob, bytes: blob.size };
      } else {
        article.text = s;
      }
    }
    articles.push(article);
  }
  return { settings: session.settings || {}, articles };
}

/** A saved page's metadata, its fields checked (strings only), or null. */
function savedMeta(meta) {
  if (!meta || typeof meta !== 'object') return null;
  const out = {};
  for (const k of ['headline', 'publisher', 'author', 'published', 'url', 'language']) {
    if (typeof meta[k] === 'string' && meta[k]) out[k] = meta[k];
  }
  return Object.keys(out).length ? out : null;
}

/** A saved page's blocks ({blocks, composed}), checked, or null. */
function savedSetAside(aside) {
  if (!aside || !Array.isArray(aside.blocks)) return null;
  const blocks = aside.blocks.map((b) => ({ text: String(b?.text ?? ''), kept: !!b?.kept, reason: b?.reason ? String(b.reason) : null }));
  return { blocks, composed: String(aside.composed ?? '') };
}

/** `s` as a UTF-8 Blob, encoded a slice per task (never splitting a surrogate pair). */
async function blobOf(s) {
  const parts = [];
  for (let at = 0; at < s.length;) {
    let end = Math.min(s.length, at + ENCODE_SLICE);
    if (end < s.length && (s.charCodeAt(end) & 0xfc00) === 0xdc00) end++;
    parts.push(new Blob([s.slice(at, end)]));
    at = end;
    if (at < s.length) await yieldToBrowser();
  }
  return new Blob(parts, { type: 'text/plain;charset=utf-8' });
}
