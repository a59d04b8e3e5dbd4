// Corroborate: the page.
//
// Collects articles from text boxes and dropped/picked files, keeps them in
// IndexedDB, runs the wasm analysis in a module Web Worker (worker.js,
// through ui/analyzer.js) and renders the Report with the report assembly
// (ui/report.js). User text only ever reaches the DOM through text nodes,
// never as HTML.
//
// This module starts the page and wires its parts together; they live in
// page/: the state (state.js), what the page says (status.js), the boxes
// (boxes.js), files (files.js), the saved session (session.js), analyses
// (analysis.js) and the report on screen (results.js).

import { Analyzer } from './ui/analyzer.js';
import { listText, plural } from './ui/dom.js';
import { clearSession } from './ui/store.js';
import { analyzerFailed, analyzerReady, cancelAnalysis, maybeReady, runAnalysis, scheduleAuto } from './page/analysis.js';
import { addBox, boxText, boxes, isBlankBox, setBoxes } from './page/boxes.js';
import { acceptFiles, acceptPastes } from './page/files.js';
import { clearReport, markStale, offerExports } from './page/results.js';
import { loadSaved, saveNow, scheduleSave } from './page/session.js';
import { clearAlert, confirmDialog, errorText, getPhase, setPhase, setStatus, showAlert } from './page/status.js';
import { defaultSettings, page, ui } from './page/state.js';

/** Every edit: save soon, mark the report stale, re-analyze after a pause. */
function inputsChanged() {
  prepareLanguages();
  scheduleSave();
  if (page.shown) markStale();
  scheduleAuto();
}

/** Lets the worker fetch the language data of the articles' texts while the reader types (a moment after an edit). */
function prepareLanguages() {
  clearTimeout(page.timers.prepare);
  page.timers.prepare = setTimeout(() => {
    page.analyzer?.prepare(boxes().map((box) => ({ text: boxText(box), language: box.querySelector('.lang-select').value })));
  }, 300);
}

/** Puts the saved articles and settings back, then the page may become ready. */
async function restore() {
  setStatus('Restoring your articles…');
  const saved = await loadSaved();
  if (saved) {
    page.settings = { ...page.settings, ...saved.settings };
    await setBoxes(saved.articles);
    const over = saved.articles.flatMap((a, i) => (a.overLimit ? [i + 1] : []));
    page.restoredNote = `Restored ${plural(saved.articles.length, 'article')} from this browser` + (over.length
      ? `; the text saved for ${over.length === 1 ? `article ${over[0]} is` : `articles ${listText(over.map(String))} are`} ` +
        'over the size limit and kept out of the page: save it as a file or discard it'
      : '');
    setStatus(page.restoredNote);
    // a text over the limit saved as a string by an older version: save it again as a Blob, never read again
    if (over.length) scheduleSave();
  } else if (!boxes().length) {
    await setBoxes([]);
  }
  ui.auto.checked = page.settings.auto !== false;
  page.restored = true;
  document.body.dataset.restored = 'true';
  maybeReady();
}

async function clearAll() {
  const ok = await confirmDialog({
    title: 'Clear all articles?',
    text: 'This removes every article and label from the page and from this browser’s storage, and closes the report. It cannot be undone.',
    ok: 'Clear all',
  });
  if (!ok) {
    setStatus('Nothing was cleared');
    return;
  }
  if (page.run) cancelAnalysis();
  clearTimeout(page.timers.auto);
  clearTimeout(page.timers.save);
  await clearSession();
  page.settings = defaultSettings(ui.auto.checked);
  clearReport();
  await setBoxes([]);
  clearAlert();
  if (getPhase() !== 'loading') setPhase(page.analyzer.ready ? 'ready' : 'loading');
  document.body.dataset.saved = 'cleared';
  setStatus('Cleared: all articles were removed from the page and this browser');
  boxes()[0].querySelector('textarea').focus();
}

async function loadExample() {
  const { EXAMPLE_ARTICLES } = await import('./examples/derailment.js');
  if (boxes().some((b) => !isBlankBox(b))) {
    const ok = await confirmDialog({
      title: 'Replace your articles?',
      text: 'The example replaces the articles on the page (they are not kept). Clear them and load the example?',
      ok: 'Load the example',
    });
    if (!ok) return;
  }
  await setBoxes(EXAMPLE_ARTICLES.map((a) => ({ text: a.text, label: a.label })));
  scheduleSave();
  runAnalysis();
}

// ---------------------------------------------------------------- start

ui.boxes.addEventListener('input', inputsChanged);
ui.boxes.addEventListener('articles-change', inputsChanged);
ui.boxes.addEventListener('keydown', (event) => {
  if (event.target.localName !== 'textarea' || event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
  event.preventDefault();
  if (!ui.analyze.disabled) runAnalysis();
});
ui.addBox.addEventListener('click', () => {
  const box = addBox();
  box.querySelector('textarea').focus();
  scheduleSave();
});
ui.analyze.addEventListener('click', () => runAnalysis());
ui.cancel.addEventListener('click', cancelAnalysis);
ui.example.addEventListener('click', () => {
  loadExample().catch((err) => showAlert(`Could not load the example: ${errorText(err)}`));
});
ui.clearAll.addEventListener('click', () => {
  clearAll().catch((err) => showAlert(`Could not clear: ${errorText(err)}`));
});
ui.auto.addEventListener('change', () => {
  page.settings.auto = ui.auto.checked;
  scheduleSave();
  if (page.shown) markStale();
  scheduleAuto();
});
// Keep the latest edits when the tab closes or is hidden.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden' && document.body.dataset.saved === 'pending') saveNow();
});
acceptFiles();
acceptPastes();
offerExports();

page.analyzer = new Analyzer({ onReady: analyzerReady, onFailure: analyzerFailed });
setPhase('loading');
page.analyzer.whenReady(); // loads the wasm now; a failure reaches analyzerFailed
restore();
