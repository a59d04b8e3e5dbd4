// Files dropped anywhere on the page or picked with the file input become
// articles: read by the wasm (plain text in any encoding, HTML, Markdown,
// Word .docx) in a short-lived worker of their own, so a hostile file can
// never stall or crash the analyzer, then put in the empty boxes first.

import { Analyzer } from '../ui/analyzer.js';
import { plural } from '../ui/dom.js';
import { yieldToBrowser } from '../ui/schedule.js';
import { MAX_FILE_BYTES, humanSize } from '../limits.js';
import { addBox, articlesChanged, boxes, fillBox, isBlankBox } from './boxes.js';
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
async function readFiles(files) {
  const reader = new Analyzer();
  const results = [];
  try {
    await reader.whenReady();
    for (const file of files) {
      if (file.size > MAX_FILE_BYTES) {
        results.push({
          file,
          error: `${file.name} is ${humanSize(file.size)}, more than the ${humanSize(MAX_FILE_BYTES)} Corroborate reads ` +
            'from one file (copy the article text and paste it instead)',
        });
        continue;
      }
      try {
        const { text, warnings } = await reader.read(file.name, await file.arrayBuffer());
        results.push({ file, text, warnings });
      } catch (err) {
        results.push({ file, error: errorText(err) });
      }
    }
  } catch (err) {
    for (const file of files.slice(results.length)) results.push({ file, error: `${file.name} could not be read (${errorText(err)})` });
  } finally {
    reader.close();
  }
  return results;
}

async function addFiles(fileList) {
  const files = Array.from(fileList || []);
  if (!files.length) return;
  const problems = [];
  const notes = [];
  let added = 0;
  let firstBox = null;
  setStatus(`Reading ${plural(files.length, 'file')}…`);
  // the boxes empty before the drop, filled first (looked up once: 200 files must not scan 200 boxes each)
  const blanks = boxes().filter(isBlankBox);
  for (const result of await readFiles(files)) {
    const { file } = result;
    // many files: let the page answer between batches of boxes
    if ((added + problems.length) % 20 === 19) await yieldToBrowser();
    if (result.error) {
      problems.push(result.error);
      continue;
    }
    const { text, warnings } = result;
    notes.push(...warnings);
    // Fill the untouched empty boxes first, then add new ones.
    const empty = blanks.find((b) => b.isConnected && isBlankBox(b));
    if (empty) blanks.splice(blanks.indexOf(empty), 1);
    let box;
    if (empty) {
      fillBox(empty, { text, name: file.name });
      box = empty;
    } else {
      box = addBox({ text, label: file.name, name: file.name });
    }
    if (warnings.length) box.dataset.warnings = JSON.stringify(warnings);
    else delete box.dataset.warnings;
    firstBox ??= box;
    added++;
  }
  if (problems.length) {
    showAlert(`Some files were skipped: ${problems.join('; ')}.`);
    if (getPhase() !== 'analyzing') setPhase('error');
  } else if (added) {
    setStatus(`Added ${added} file${added === 1 ? '' : 's'}${notes.length ? ` (${notes.join('; ')})` : ''}`);
  }
  if (added) articlesChanged();
  if (firstBox) firstBox.scrollIntoView({ block: 'nearest' });
}
