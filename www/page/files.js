// Files dropped anywhere on the page or picked with the file input become
// articles: read by the wasm (plain text in any encoding, HTML, Markdown,
// Word .docx) in a short-lived worker of their own, so a hostile file can
// never stall or crash the analyzer, then put in the empty boxes first.
//
// A web page (a saved page, or HTML copied from a browser and pasted into a
// box) goes through the same reader, which finds the article in it: the box
// gets the article's text, the page's metadata (its publisher becomes the
// label) and every block it set aside, which the reader can restore. The
// pasted markup is only ever a string sent to the worker: it is never put
// in the page, so nothing in it runs or loads.

import { Analyzer } from '../ui/analyzer.js';
import { plural } from '../ui/dom.js';
import { MAX_ARTICLE_BYTES, MAX_FILE_BYTES, humanSize, utf8Length } from '../limits.js';
import { addBox, articlesChanged, boxes, fillBox, fillPacer, isBlankBox, setPage } from './boxes.js';
import { errorText, getPhase, setPhase, setStatus, showAlert } from './status.js';
import { page, ui } from './state.js';


/** Listens for files dragged onto the page and picked with the file input. */
export function acceptFiles() {
  const hasFiles = (event) => {
    const types = event.dataTransfer && event.dataTransfer.types;
    return !!types && Array.from(types).includes('Files');
  };
  document.addEventListener('dragenter', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    page.dragDepth++;
    document.body.classList.add('dragging');
  });
  document.addEventListener('dragover', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  });
  document.addEventListener('dragleave', (event) => {
    if (!hasFiles(event)) return;
    page.dragDepth = Math.max(0, page.dragDepth - 1);
    if (!page.dragDepth) document.body.classList.remove('dragging');
  });
  document.addEventListener('drop', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    page.dragDepth = 0;
    document.body.classList.remove('dragging');
    addFiles(event.dataTransfer.files);
  });
  ui.fileInput.addEventListener('change', async () => {
    await addFiles(Array.from(ui.fileInput.files || []));
    ui.fileInput.value = ''; // picking the same file again still fires change
  });
}

/** Resolves to [{file, text, warnings} | {file, error}] in file order. */
async function readFiles(files, onRead) {
  const reader = new Analyzer();
  const results = [];
  try {
    await reader.whenReady();
    for (const file of files) {
      onRead(results.length);
      results.push(await readOne(reader, file));
    }
  } catch (err) {
    for (const file of files.slice(results.length)) results.push({ file, error: `${file.name} could not be read (${errorText(err)})` });
  } finally {
    reader.close();
  }
  return results;
}

async function readOne(reader, file) {
  if (file.size > MAX_FILE_BYTES) {
    return {
      file,
      error: `${file.name} is ${humanSize(file.size)}, more than the ${humanSize(MAX_FILE_BYTES)} Corroborate reads ` +
        'from one file (copy the article text and paste it instead)',
    };
  }
  let decoded;
  try {
    decoded = await reader.read(file.name, await file.arrayBuffer());
  } catch (err) {
    return { file, error: errorText(err) };
  }
  const text = String(decoded.text ?? '');
  // The decoded text, not the file, must fit (a 143 KB .docx held 49 MB of
  // text): the core refuses it, and so does the page before any of it
  // reaches a text box, whatever reader sent it.
  if (text.length > MAX_ARTICLE_BYTES || utf8Length(text, MAX_ARTICLE_BYTES) > MAX_ARTICLE_BYTES) {
    const size = text.length > 2 * MAX_ARTICLE_BYTES ? `at least ${humanSize(text.length)}` : humanSize(utf8Length(text));
    return {
      file,
      error: `${file.name} holds ${size} of text, more than the ${humanSize(MAX_ARTICLE_BYTES)} one article may have: ` +
        'copy only the article itself and paste it instead',
    };
  }
  return { file, text, warnings: Array.isArray(decoded.warnings) ? decoded.warnings.map(String) : [], ...pageOf(decoded, text) };
}

/** The metadata and set-aside blocks of a decoded web page ({meta, setAside}, each null when absent). */
function pageOf(decoded, text) {
  const meta = decoded.meta && typeof decoded.meta === 'object' ? decoded.meta : null;
  const blocks = Array.isArray(decoded.blocks)
    ? decoded.blocks.map((b) => ({ text: String(b?.text ?? ''), kept: !!b?.kept, reason: b?.reason ? String(b.reason) : null }))
    : [];
  return { meta, setAside: blocks.some((b) => !b.kept) ? { blocks, composed: text } : null };
}

/**
 * Reads the files and puts each in a box, then says what happened: the
 * status line always ends saying how many were added, with every file's
 * warnings, and the alert names every file skipped and why.
 */
async function addFiles(fileList) {
  const files = Array.from(fileList || []);
  if (!files.length) return;
  const problems = [];
  const notes = [];
  let added = 0;
  let firstBox = null;
  const reading = (i) => setStatus(files.length === 1 ? `Reading ${files[0].name}…` : `Reading ${plural(files.length, 'file')} (${i + 1} of ${files.length})…`);
  reading(0);
  try {
    // the boxes empty before the drop, filled first (looked up once: 200 files must not scan 200 boxes each)
    const blanks = boxes().filter(isBlankBox);
    const pace = fillPacer();
    for (const result of await readFiles(files, reading)) {
      const { file } = result;
      if (result.error) {
        problems.push(result.error);
        continue;
      }
      const { text, warnings, meta, setAside } = result;
      // a page's publisher labels it, else the file's name
      const label = meta?.publisher || file.name;
      notes.push(...warnings);
      // a frame for each batch of text put in boxes, so that none lays out megabytes
      await pace(text);
      // Fill the untouched empty boxes first, then add new ones.
      const empty = blanks.find((b) => b.isConnected && isBlankBox(b));
      if (empty) blanks.splice(blanks.indexOf(empty), 1);
      let box;
      if (empty) {
        fillBox(empty, { text, name: file.name, label, meta, setAside });
        box = empty;
      } else {
        box = addBox({ text, label, name: file.name, meta, setAside });
      }
      if (warnings.length) box.dataset.warnings = JSON.stringify(warnings);
      else delete box.dataset.warnings;
      firstBox ??= box;
      added++;
    }
  } catch (err) {
    problems.push(`the files could not all be added (${errorText(err)})`);
  } finally {
    const skipped = problems.length ? `; ${plural(problems.length, 'file')} skipped (see the message above)` : '';
    const what = added ? `Added ${plural(added, 'file')}` : 'No file added';
    setStatus(`${what}${skipped}${notes.length ? ` (${notes.join('; ')})` : ''}`);
    if (problems.length) {
      showAlert(`Some files were skipped: ${problems.join('; ')}.`);
      if (getPhase() !== 'analyzing') setPhase('error');
    }
  }
  if (added) articlesChanged();
  if (firstBox) firstBox.scrollIntoView({ block: 'nearest' });
}

// ---------------------------------------------------------------- pastes

/**
 * Listens for pastes into the article boxes: a paste that carries
 * `text/html` (a selection copied from a web page) is read by the same
 * extractor as a saved page; a plain-text paste is left to the browser.
 */
export function acceptPastes() {
  ui.boxes.addEventListener('paste', (event) => {
    const textarea = event.target;
    if (!(textarea instanceof HTMLTextAreaElement)) return;
    const data = event.clipboardData;
    const html = data && Array.from(data.types || []).includes('text/html') ? data.getData('text/html') : '';
    if (!html.trim()) return;
    event.preventDefault();
    pasteHtml(textarea, html, data.getData('text/plain'));
  });
}

async function pasteHtml(textarea, html, plain) {
  const box = textarea.closest('section.article-box');
  if (!box) return;
  const { selectionStart: start, selectionEnd: end } = textarea;
  const whole = !textarea.value.trim() || (start === 0 && end === textarea.value.length);
  setStatus('Reading the pasted page…');
  const reader = new Analyzer();
  let result;
  try {
    await reader.whenReady();
    const bytes = new TextEncoder().encode(html);
    result = await readOne(reader, new File([bytes], 'pasted.html', { type: 'text/html' }));
  } catch (err) {
    result = { error: errorText(err) };
  } finally {
    reader.close();
  }
  if (!textarea.isConnected) return;
  if (result.error) {
    // nothing is lost: the plain text of the clipboard goes in as it is
    textarea.setRangeText(plain || '', start, end, 'end');
    setStatus(`The pasted page could not be read (${result.error}); its plain text was pasted instead`);
  } else if (whole) {
    textarea.value = result.text;
    const label = box.querySelector('input');
    if (!label.value.trim() && result.meta?.publisher) label.value = result.meta.publisher;
    setPage(box, result.meta, result.setAside);
    const n = result.setAside ? result.setAside.blocks.filter((b) => !b.kept).length : 0;
    setStatus(`Pasted the article from the page${n ? `; ${plural(n, 'block')} set aside (restore any under the box)` : ''}`);
  } else {
    textarea.setRangeText(result.text, start, end, 'end');
    setStatus('Pasted the article from the page');
  }
  // the box's count, the session and the report follow the new text
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
}
