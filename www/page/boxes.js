// The article boxes: one per article, each a text, a label and, for a file,
// its name and reader warnings; for a web page (dropped, or HTML pasted from
// a browser), what its markup said about the article (`box.meta`: headline,
// publisher, date…) and every block of the page (`box.setAside`), so the
// reader can restore any block the extractor set aside. Edits reach the rest of the page as events
// on the boxes' container: `input` (bubbling from a text or a label) and
// `articles-change` (a box removed, moved or filled from a file).
//
// A long text the page puts in a box (from a file, or a saved session) is
// held beside its text box instead of in it: the browser lays out every
// line of a text box at once, and a 1.5 MB text took 420 ms to lay out
// (issue 15), so a held text shows its size and its beginning and goes into
// the text box only when the reader asks to edit it. A saved text over the
// article limit (saved by an older version, or pasted by hand) is held as a
// Blob and never put in the page: it can be saved as a file or discarded.

import { clip, countWords, download, plural } from '../ui/dom.js';
import { yieldToBrowser } from '../ui/schedule.js';
import { MAX_ARTICLE_BYTES, humanSize } from '../limits.js';
import { setStatus } from './status.js';
import { page, ui } from './state.js';

/** Texts longer than this (UTF-16 units) are held out of their text box when the page fills it. */
export const HOLD_FROM = 50_000;
// Boxes are filled in batches of at most FILL_CHARS characters and
// FILL_BOXES boxes, a frame each, so that one frame lays out at most that
// much (200 dropped files made at once held the page for 150 ms).
const FILL_CHARS = 50_000;
const FILL_BOXES = 20;
// Longer texts are counted a slice at a time after a pause (counting 50
// boxes of 80 KB at once took 250 ms).
const COUNT_AT_ONCE = 20_000;

export function boxes() {
  return Array.from(ui.boxes.querySelectorAll('section.article-box'));
}

/** Tells the page the articles changed other than by typing. */
export function articlesChanged() {
  ui.boxes.dispatchEvent(new Event('articles-change'));
}

/** The text of a box: what its text box holds, or the text held beside it. */
export function boxText(box) {
  return box.held ? box.held.text ?? '' : box.querySelector('textarea').value;
}

/** The message for a box whose saved text is over the article limit (held as a Blob). */
export function overLimitMessage(n, bytes) {
  return `The text saved for article ${n} has ${humanSize(bytes)}, more than the ${humanSize(MAX_ARTICLE_BYTES)} one article may have, ` +
    'so it was kept out of its box (it would stall the page). It stays saved in this browser until you discard it: ' +
    'save it as a file to take the article from it.';
}

/**
 * Adds a box. `text`: put in its text box, or held beside it when longer
 * than HOLD_FROM; `overLimit` ({blob, bytes}): a text over the article limit,
 * held as a Blob.
 */
export function addBox({ text = '', label = '', name = '', warnings = null, overLimit = null, meta = null, setAside = null, language = '' } = {}) {
  const fragment = ui.template.content.cloneNode(true);
  const box = fragment.querySelector('section.article-box');
  const textarea = box.querySelector('textarea');
  const input = box.querySelector('input');
  input.value = label;
  setLanguageChoice(box, language);
  if (name) box.dataset.name = name;
  if (Array.isArray(warnings) && warnings.length) box.dataset.warnings = JSON.stringify(warnings);
  box.querySelector('.remove-box').addEventListener('click', () => removeBox(box));
  box.querySelector('.move-up').addEventListener('click', (e) => moveBox(box, -1, e.currentTarget));
  box.querySelector('.move-down').addEventListener('click', (e) => moveBox(box, 1, e.currentTarget));
  box.querySelector('.held-edit').addEventListener('click', () => editHeld(box));
  box.querySelector('.held-save').addEventListener('click', () => saveHeld(box));
  box.querySelector('.held-discard').addEventListener('click', () => discardHeld(box));
  textarea.addEventListener('input', () => {
    // Typed text replaces a file's content: the file name (and the page's
    // metadata and blocks) no longer apply.
    if (!textarea.value) {
      delete box.dataset.name;
      setPage(box, null, null);
    }
    updateCount(box);
  });
  ui.boxes.append(box);
  if (overLimit) {
    box.held = { blob: overLimit.blob, bytes: overLimit.bytes };
    showHeld(box);
    updateCount(box);
  } else {
    setText(box, text);
  }
  setPage(box, meta, setAside);
  renumberSoon();
  return box;
}

/** Puts `text` from file `name` into an existing box, labelled `label` (the file name when none). */
export function fillBox(box, { text, name, label = name, meta = null, setAside = null }) {
  box.querySelector('input').value = label;
  box.dataset.name = name;
  setText(box, text);
  setPage(box, meta, setAside);
}

// ---------------------------------------------------------------- web pages

/**
 * What a web page's reader returned for a box: `meta` (headline, publisher,
 * author, published, url, language) and `setAside` ({blocks: [{text, kept,
 * reason}], composed}: every block of the page in page order, and the text
 * the kept ones made). Either may be null.
 */
export function setPage(box, meta, setAside) {
  box.meta = meta && typeof meta === 'object' ? meta : null;
  box.setAside = setAside && Array.isArray(setAside.blocks) && setAside.blocks.some((b) => !b.kept) ? setAside : null;
  showPage(box);
}

/** The text of the kept blocks, as the reader joins them. */
export function composeBlocks(blocks) {
  return blocks.filter((b) => b.kept).map((b) => b.text).join('\n\n');
}

function showPage(box) {
  const meta = box.meta;
  const line = box.querySelector('.box-meta');
  const parts = meta ? [meta.headline && `“${meta.headline}”`, meta.publisher, meta.author && `by ${meta.author}`, meta.published].filter(Boolean) : [];
  line.hidden = !parts.length;
  line.textContent = parts.length ? `From the page: ${parts.join(' · ')}` : '';
  const details = box.querySelector('.set-aside');
  const aside = box.setAside;
  const removed = aside ? aside.blocks.map((b, i) => [b, i]).filter(([b]) => !b.kept) : [];
  details.hidden = !removed.length;
  if (!removed.length) return;
  const reasons = [...new Set(removed.map(([b]) => b.reason || 'not article'))];
  details.querySelector('.set-aside-summary').textContent =
    `${plural(removed.length, 'block')} of the page set aside (${reasons.slice(0, 4).join(', ')}${reasons.length > 4 ? ', …' : ''}): restore any`;
  details.querySelector('.set-aside-list').replaceChildren(...removed.map(([b, i]) => {
    const li = document.createElement('li');
    const reason = document.createElement('span');
    reason.className = 'set-aside-reason';
    reason.textContent = `${b.reason || 'not article'}: `;
    const q = document.createElement('q');
    q.textContent = clip(b.text, 200);
    const restore = document.createElement('button');
    restore.type = 'button';
    restore.className = 'restore-block';
    restore.textContent = 'Restore';
    restore.setAttribute('aria-label', `Restore the ${b.reason || 'set-aside'} block: ${clip(b.text, 60)}`);
    restore.addEventListener('click', () => restoreBlock(box, i));
    li.append(reason, q, restore);
    return li;
  }));
}

/**
 * Puts set-aside block `i` back into the box's text: in its place in the
 * page when the text is still what the reader made, else at the end. The
 * restored text is analyzed like the rest.
 */
function restoreBlock(box, i) {
  const aside = box.setAside;
  const block = aside?.blocks[i];
  if (!block || block.kept) return;
  const current = boxText(box);
  block.kept = true;
  let text;
  if (current === aside.composed) {
    text = composeBlocks(aside.blocks);
  } else {
    text = current.trimEnd() ? `${current.trimEnd()}\n\n${block.text}` : block.text;
  }
  aside.composed = text;
  setText(box, text);
  showPage(box);
  setStatus(`Restored a block (${block.reason || 'set aside'}) to article ${boxes().indexOf(box) + 1}`);
  articlesChanged();
}

function setText(box, text) {
  const textarea = box.querySelector('textarea');
  if (text.length > HOLD_FROM) {
    textarea.value = '';
    box.held = { text };
  } else {
    textarea.value = text;
    box.held = null;
  }
  showHeld(box);
  updateCount(box);
}

/**
 * Replaces every box with `articles`, keeping at least two boxes. The
 * boxes are filled a batch per frame; resolves to false when a newer
 * setBoxes (Clear all, the example) took over meanwhile.
 */
export async function setBoxes(articles) {
  const generation = ++page.filling;
  ui.boxes.replaceChildren();
  const pace = fillPacer();
  for (const a of articles) {
    await pace(a.text ?? '');
    if (generation !== page.filling) return false;
    addBox(a);
  }
  while (boxes().length < 2) addBox();
  return true;
}

/**
 * Call before filling a box with `text`: waits for a frame when the boxes
 * filled since the last one hold FILL_CHARS characters or number FILL_BOXES.
 */
export function fillPacer() {
  let chars = 0;
  let count = 0;
  return async (text) => {
    const size = Math.min(text.length, HOLD_FROM);
    if (count && (chars + size > FILL_CHARS || count >= FILL_BOXES)) {
      await yieldToBrowser({ afterPaint: true });
      chars = 0;
      count = 0;
    }
    chars += size;
    count++;
  };
}

export function isBlankBox(box) {
  return !box.held?.blob && !/\S/.test(boxText(box)) && !box.querySelector('input').value.trim();
}

/**
 * The articles as the analyzer takes them: [{text, label, name?, warnings?, meta?}];
 * a box holding a text over the limit gives `overLimit` ({blob, bytes}) and no text.
 * With `setAside`, a web page's blocks too (for saving the session).
 */
export function collectArticles({ setAside = false } = {}) {
  return boxes().map((box) => {
    const article = {
      text: boxText(box),
      label: box.querySelector('input').value.trim(),
    };
    if (box.held?.blob) article.overLimit = { blob: box.held.blob, bytes: box.held.bytes };
    if (box.dataset.name) article.name = box.dataset.name;
    if (box.dataset.warnings) article.warnings = JSON.parse(box.dataset.warnings);
    if (box.meta) article.meta = box.meta;
    const language = box.querySelector('.lang-select').value;
    if (language) article.language = language;
    if (setAside && box.setAside) article.setAside = box.setAside;
    return article;
  });
}

// ---------------------------------------------------------------- languages

/** Sets the reader's choice of language for a box ('' or an unknown code: identified from the text). */
function setLanguageChoice(box, code) {
  const select = box.querySelector('.lang-select');
  select.value = [...select.options].some((o) => o.value === code) ? code : '';
}

/**
 * Shows the language the report gave the box's article on its badge:
 * "auto: German" when identified (the select's first option), the chosen
 * language otherwise. `language` is the report's {code, name, confidence,
 * user_set}, or null to forget it.
 */
export function showLanguage(box, language) {
  const select = box.querySelector('.lang-select');
  const auto = select.options[0];
  if (!language) {
    auto.textContent = 'auto';
    delete box.dataset.lang;
    select.removeAttribute('title');
    return;
  }
  box.dataset.lang = language.code;
  auto.textContent = language.user_set ? 'auto' : `auto: ${language.name}`;
  const how = language.user_set ? 'chosen by you' : `identified from the text (confidence ${Math.round(language.confidence * 100)}%)`;
  select.title = `${language.name} (${language.code}), ${how}`;
  select.setAttribute('aria-label', `Language of the article: ${language.name}, ${language.user_set ? 'chosen' : 'identified'}`);
}

// ---------------------------------------------------------------- held texts

function showHeld(box) {
  const held = box.held;
  const panel = box.querySelector('.held');
  box.querySelector('textarea').hidden = !!held;
  panel.hidden = !held;
  box.classList.toggle('is-held', !!held);
  if (!held) return;
  heldNote(box, Number(box.dataset.index) || boxes().indexOf(box) + 1);
  const preview = panel.querySelector('.held-preview');
  if (held.blob) {
    preview.textContent = '';
    // the beginning only: the rest is never read into the page
    held.blob.slice(0, 2_000).text().then((start) => {
      if (box.held === held) preview.textContent = clip(start, 300);
    }, () => {});
  } else {
    preview.textContent = clip(held.text, 300);
  }
  panel.querySelector('.held-edit').hidden = !!held.blob;
  panel.querySelector('.held-save').hidden = !held.blob;
  panel.querySelector('.held-discard').hidden = !held.blob;
}

function heldNote(box, n) {
  const held = box.held;
  box.querySelector('.held-note').textContent = held.blob
    ? overLimitMessage(n, held.bytes)
    : 'This long text is shown in part, so the page stays quick; all of it is analyzed. Edit the full text to change it.';
}

/** Puts a held text in its text box, as the reader asked (laying it out may take a moment). */
function editHeld(box) {
  const text = box.held?.text;
  if (text == null) return;
  const textarea = box.querySelector('textarea');
  box.held = null;
  textarea.value = text;
  showHeld(box);
  updateCount(box);
  textarea.focus({ preventScroll: true });
}

function saveHeld(box) {
  const held = box.held;
  if (!held?.blob) return;
  const n = boxes().indexOf(box) + 1;
  const name = `${(box.dataset.name || `article-${n}`).replace(/\.[^.]*$/, '')}.txt`;
  download(name, held.blob);
  setStatus(`Saved ${name}`);
}

function discardHeld(box) {
  if (!box.held?.blob) return;
  const n = boxes().indexOf(box) + 1;
  box.held = null;
  delete box.dataset.name;
  showHeld(box);
  updateCount(box);
  box.querySelector('textarea').focus();
  setStatus(`The text saved for article ${n} was discarded`);
  articlesChanged();
}

// ---------------------------------------------------------------- counts

/** Renumbers once after a batch of added boxes (200 dropped files renumbered one by one block the page). */
function renumberSoon() {
  if (page.renumberQueued) return;
  page.renumberQueued = true;
  queueMicrotask(() => {
    page.renumberQueued = false;
    renumber();
  });
}

function updateCount(box) {
  const out = box.querySelector('.box-count');
  clearTimeout(box.countTimer);
  if (box.held?.blob) {
    out.textContent = `${humanSize(box.held.bytes)} of text · too long to analyze (one article may have at most ${humanSize(MAX_ARTICLE_BYTES)})`;
    return;
  }
  const text = boxText(box);
  // counting words of a long text waits for a pause and yields between
  // slices; past the size limit it is not counted at all
  if (text.length > MAX_ARTICLE_BYTES) {
    out.textContent = `${plural(text.length, 'character')} · too long to analyze (one article may have at most ${humanSize(MAX_ARTICLE_BYTES)})`;
  } else if (text.length > COUNT_AT_ONCE) {
    if (!out.textContent) out.textContent = plural(text.length, 'character');
    box.countTimer = setTimeout(async () => {
      const t = boxText(box);
      const n = await countWordsChunked(t, () => boxText(box) === t);
      if (n !== null) out.textContent = `${plural(t.length, 'character')} · ${plural(n, 'word')}`;
    }, 400);
  } else {
    out.textContent = `${plural(text.length, 'character')} · ${plural(countWords(text), 'word')}`;
  }
}

function removeBox(box) {
  const index = boxes().indexOf(box);
  box.remove();
  renumber();
  const rest = boxes();
  const focusTarget = rest[Math.min(index, rest.length - 1)];
  if (focusTarget) focusTarget.querySelector('textarea').focus();
  else ui.addBox.focus();
  articlesChanged();
}

function moveBox(box, delta, button) {
  const list = boxes();
  const i = list.indexOf(box);
  const j = i + delta;
  if (j < 0 || j >= list.length) return;
  if (delta < 0) ui.boxes.insertBefore(box, list[j]);
  else ui.boxes.insertBefore(box, list[j].nextSibling);
  renumber();
  // keep focus on the moved box's button, or its twin when this one is now disabled
  const target = button.disabled ? box.querySelector(delta < 0 ? '.move-down' : '.move-up') : button;
  target.focus();
  setStatus(`Article moved to position ${j + 1}`);
  articlesChanged();
}

function renumber() {
  const list = boxes();
  list.forEach((box, i) => {
    const n = i + 1;
    box.dataset.index = String(n);
    box.setAttribute('aria-label', `Article ${n}`);
    box.querySelector('.box-id').textContent = String(n);
    const textarea = box.querySelector('textarea');
    const input = box.querySelector('input');
    textarea.setAttribute('aria-label', `Article ${n} text`);
    textarea.placeholder = `Paste article ${n} here`;
    input.setAttribute('aria-label', `Article ${n} label`);
    input.placeholder = `Article ${n} (outlet or name, optional)`;
    box.querySelector('.held').setAttribute('aria-label', `Held text of article ${n}`);
    if (box.held) heldNote(box, n);
    const remove = box.querySelector('.remove-box');
    remove.setAttribute('aria-label', `Remove article ${n}`);
    remove.disabled = list.length <= 1;
    const up = box.querySelector('.move-up');
    const down = box.querySelector('.move-down');
    up.setAttribute('aria-label', `Move article ${n} up`);
    down.setAttribute('aria-label', `Move article ${n} down`);
    up.disabled = i === 0;
    down.disabled = i === list.length - 1;
  });
}

/**
 * Counts words like `countWords` in slices, giving the browser a turn
 * between them, so a long text never blocks input. Resolves to the count,
 * or null when `isCurrent()` turns false meanwhile.
 */
async function countWordsChunked(text, isCurrent = () => true, slice = 50_000) {
  let n = 0;
  let at = 0;
  while (at < text.length) {
    let end = Math.min(text.length, at + slice);
    // cut at a space, so no word is split (or counted twice)
    while (end < text.length && !/\s/.test(text[end])) end++;
    n += countWords(text.slice(at, end));
    at = end;
    if (at < text.length) {
      await yieldToBrowser();
      if (!isCurrent()) return null;
    }
  }
  return n;
}
