// The article boxes: one per article, each a text, a label and, for a file,
// its name and reader warnings. Edits reach the rest of the page as events
// on the boxes' container: `input` (bubbling from a text or a label) and
// `articles-change` (a box removed, moved or filled from a file).

import { countWords, plural } from '../ui/dom.js';
import { yieldToBrowser } from '../ui/schedule.js';
import { MAX_ARTICLE_BYTES, humanSize } from '../limits.js';
import { setStatus } from './status.js';
import { page, ui } from './state.js';

export function boxes() {
  return Array.from(ui.boxes.querySelectorAll('section.article-box'));
}

/** Tells the page the articles changed other than by typing. */
export function articlesChanged() {
  ui.boxes.dispatchEvent(new Event('articles-change'));
}

export function addBox({ text = '', label = '', name = '', warnings = null } = {}) {
  const fragment = ui.template.content.cloneNode(true);
  const box = fragment.querySelector('section.article-box');
  const textarea = box.querySelector('textarea');
  const input = box.querySelector('input');
  textarea.value = text;
  input.value = label;
  if (name) box.dataset.name = name;
  if (Array.isArray(warnings) && warnings.length) box.dataset.warnings = JSON.stringify(warnings);
  box.querySelector('.remove-box').addEventListener('click', () => removeBox(box));
  box.querySelector('.move-up').addEventListener('click', (e) => moveBox(box, -1, e.currentTarget));
  box.querySelector('.move-down').addEventListener('click', (e) => moveBox(box, 1, e.currentTarget));
  textarea.addEventListener('input', () => {
    // Typed text replaces a file's content: the file name no longer applies.
    if (box.dataset.name && !textarea.value) delete box.dataset.name;
    updateCount(box);
  });
  ui.boxes.append(box);
  updateCount(box);
  renumberSoon();
  return box;
}

/** Puts `text` from file `name` into an existing box. */
export function fillBox(box, { text, name }) {
  box.querySelector('textarea').value = text;
  box.querySelector('input').value = name;
  box.dataset.name = name;
  updateCount(box);
}

/** Replaces every box with `articles`, keeping at least two boxes. */
export function setBoxes(articles) {
  ui.boxes.replaceChildren();
  for (const a of articles) addBox(a);
  while (boxes().length < 2) addBox();
}

export function isBlankBox(box) {
  return !box.querySelector('textarea').value.trim() && !box.querySelector('input').value.trim();
}

/** The articles as the analyzer takes them: [{text, label, name?, warnings?}]. */
export function collectArticles() {
  return boxes().map((box) => {
    const article = {
      text: box.querySelector('textarea').value,
      label: box.querySelector('input').value.trim(),
    };
    if (box.dataset.name) article.name = box.dataset.name;
    if (box.dataset.warnings) article.warnings = JSON.parse(box.dataset.warnings);
    return article;
  });
}

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
  const text = box.querySelector('textarea').value;
  const out = box.querySelector('.box-count');
  clearTimeout(box.countTimer);
  // counting words of a very long text waits for a pause in typing and
  // yields between slices; past the size limit it is not counted at all
  if (text.length > MAX_ARTICLE_BYTES) {
    out.textContent = `${plural(text.length, 'character')} · too long to analyze (one article may have at most ${humanSize(MAX_ARTICLE_BYTES)})`;
  } else if (text.length > 200_000) {
    box.countTimer = setTimeout(async () => {
      const t = box.querySelector('textarea').value;
      const n = await countWordsChunked(t, () => box.querySelector('textarea').value === t);
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
async function countWordsChunked(text, isCurrent = () => true, slice = 100_000) {
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
