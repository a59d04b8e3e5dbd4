// Corroborate: the page.
//
// Collects articles from text boxes and dropped/picked files, keeps them in
// IndexedDB, runs the wasm analysis in a module Web Worker (worker.js) and
// renders the Report with the reusable modules in ui/ (overview heatmap,
// reading view, entities, divergences, exports). User text only ever reaches
// the DOM through text nodes, never as HTML.
//
// `document.body.dataset.state` is one of
//   loading   – the analyzer is starting, Analyze is disabled
//   ready     – the analyzer is ready, nothing analyzed yet
//   analyzing – an analysis is running
//   done      – a report is shown
//   error     – the last action failed; the message is in the role=alert box
// `document.body.dataset.saved` is "saved" once the inputs reached IndexedDB,
// "pending" while a save waits.

import { Context } from './ui/model.js';
import { el, formatMs, plural, countWords } from './ui/dom.js';
import { renderSummary } from './ui/summary.js';
import { heatmapJob, renderArticles, renderSimilarity } from './ui/heatmap.js';
import { ReadingView } from './ui/sidebyside.js';
import { renderEntities } from './ui/entities.js';
import { renderDivergences } from './ui/divergences.js';
import { entitiesCsv, reportJson, standaloneHtml } from './ui/export.js';
import { clearSession, loadSession, saveSession } from './ui/store.js';
import { MAX_ARTICLE_BYTES, TIME_LIMIT_MS, checkLimits, countWordsChunked, humanSize } from './limits.js';

const MAX_FILE_BYTES = 5_000_000;
const AUTO_DELAY_MS = 800;
const SAVE_DELAY_MS = 250;
// `?time-limit-ms=N` shortens the time guard (tests of the guard).
const TIME_LIMIT = Number(new URLSearchParams(location.search).get('time-limit-ms')) || TIME_LIMIT_MS;

const $ = (id) => document.getElementById(id);

const ui = {
  boxes: $('boxes'),
  template: $('box-template'),
  addBox: $('add-box'),
  analyze: $('analyze'),
  auto: $('auto'),
  example: $('example'),
  clearAll: $('clear-all'),
  status: $('status'),
  alert: $('alert'),
  progress: $('progress'),
  progressText: $('progress-text'),
  cancel: $('cancel'),
  fileInput: $('file-input'),
  results: $('results'),
  summary: $('summary'),
  stale: $('stale'),
  plainSummary: $('plain-summary'),
  heatmap: $('heatmap'),
  articleList: $('article-list'),
  similarity: $('similarity'),
  passages: $('passages'),
  reading: $('reading-view'),
  entities: $('entities-view'),
  divergences: $('divergences-view'),
  version: $('version'),
  confirm: $('confirm'),
  exportJson: $('export-json'),
  exportCsv: $('export-csv'),
  exportHtml: $('export-html'),
};

/** Settings kept with the articles. */
let settings = { auto: true, analyzed: false, reading: null, entities: null, divergences: null };
/** The report on screen: {report, ctx, texts, inputs} or null. */
let shown = null;
let readingView = null;

// ---------------------------------------------------------------- state

function setState(state) {
  document.body.dataset.state = state;
  updateControls();
}

function getState() {
  return document.body.dataset.state;
}

function setStatus(text) {
  ui.status.textContent = text;
}

function showAlert(message) {
  ui.alert.textContent = message;
  ui.alert.hidden = false;
}

function clearAlert() {
  ui.alert.textContent = '';
  ui.alert.hidden = true;
}

// ---------------------------------------------------------------- worker

/** @type {Worker | null} */
let worker = null;
let workerReady = false;
/** The worker could not load; the next Analyze starts a fresh one. */
let workerFailed = false;
/** The analysis in flight: {id, articles, sent, auto, started}. */
let pending = null;
let nextId = 1;
/** Inputs changed while an analysis ran: run again when it ends. */
let rerun = false;
let restored = false;
let restoredNote = '';
let autoTimer = 0;
let progressTimer = 0;

function startWorker() {
  if (worker) worker.terminate();
  workerReady = false;
  workerFailed = false;
  let w;
  try {
    w = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  } catch (err) {
    worker = null;
    workerFailed = true;
    failPending();
    showAlert(`Could not start the analyzer: ${errorText(err)}`);
    setStatus('Analyzer unavailable');
    setState('error');
    return;
  }
  worker = w;
  w.onmessage = (event) => {
    if (w === worker) onWorkerMessage(event.data);
  };
  w.onmessageerror = () => {
    if (w === worker) onWorkerDied('a message from the analyzer could not be read');
  };
  w.onerror = (event) => {
    event.preventDefault?.();
    if (w === worker) onWorkerDied(event && event.message ? event.message : '');
  };
  updateControls();
}

function onWorkerMessage(msg) {
  if (!msg || typeof msg !== 'object') return;
  switch (msg.type) {
    case 'ready': {
      workerReady = true;
      // navigation start → wasm loaded in the worker, for the README figure
      if (!document.body.dataset.readyMs) document.body.dataset.readyMs = String(Math.round(performance.now()));
      ui.version.textContent = `Corroborate ${msg.version}`;
      maybeReady();
      updateControls();
      if (pending && !pending.sent) sendPending();
      break;
    }
    case 'progress': {
      if (pending && msg.id === pending.id) {
        const first = pending.stage !== msg.stage;
        pending.stage = msg.stage;
        if (typeof msg.fraction === 'number') {
          pending.fraction = msg.fraction;
          pending.step = msg.step;
        }
        if (first) showProgress();
        else showFraction();
      }
      break;
    }
    case 'result': {
      if (!pending || msg.id !== pending.id) return;
      const done = pending;
      pending = null;
      hideProgress();
      const t0 = performance.now();
      // drawn in steps, the browser painting and answering input between them
      renderReport(msg.report, done.articles, msg.ms).then((drawn) => {
        if (!drawn) return; // a newer report, or Clear all, took over
        const renderMs = performance.now() - t0;
        document.body.dataset.renderMs = String(Math.round(renderMs));
        // Analyze pressed (or edit paused) → report on screen, for the README figures
        document.body.dataset.runMs = String(Math.round(performance.now() - done.started));
        if (pending) return; // a newer analysis is running: its progress stays on screen
        clearAlert();
        setStatus(`Done: analyzed in ${formatMs(msg.ms)}, shown in ${formatMs(renderMs)}`);
        setState('done');
        if (!settings.analyzed) {
          settings.analyzed = true;
          scheduleSave();
        }
        if (rerun) {
          rerun = false;
          scheduleAuto(0);
        }
      }, (err) => {
        console.error(err);
        if (pending) return;
        showAlert(`Could not show the report: ${errorText(err)}`);
        setStatus('');
        setState('error');
      });
      break;
    }
    case 'error': {
      const message = msg.message || 'The analysis failed.';
      if (msg.phase === 'init' || !workerReady) {
        // Restarting at once would fail the same way: wait for the user.
        workerFailed = true;
        if (worker) worker.terminate();
        worker = null;
        failPending();
        showAlert(`${sentence(message)} Press Analyze to try again.`);
        setStatus('Analyzer unavailable');
        setState('error');
        return;
      }
      if (pending && msg.id === pending.id) failPending();
      else if (!msg.fatal) return;
      showAlert(msg.fatal ? `${sentence(message)} It has been restarted and your articles are kept: press Analyze to try again.` : message);
      setStatus('');
      setState('error');
      if (msg.fatal) startWorker();
      break;
    }
    default:
      break;
  }
}

function maybeReady() {
  if (getState() === 'loading' && workerReady && restored) {
    setState('ready');
    setStatus(restoredNote || 'Ready');
    if (settings.analyzed && boxes().some((b) => !isBlankBox(b)) && !pending) runAnalysis({ auto: true });
  }
}

function onWorkerDied(detail) {
  const wasReady = workerReady;
  if (worker) worker.terminate();
  worker = null;
  workerReady = false;
  const why = detail ? `: ${detail}` : '';
  if (!wasReady) {
    workerFailed = true;
    failPending();
    showAlert(`${sentence(`The analyzer could not be loaded${why}`)} Press Analyze to try again.`);
    setStatus('Analyzer unavailable');
    setState('error');
    return;
  }
  const hadWork = pending !== null;
  failPending();
  showAlert(
    `${sentence(`The analyzer stopped unexpectedly${why}`)} It has been restarted` +
      `${hadWork ? ' and your articles are kept' : ''}: press Analyze to try again.`,
  );
  setStatus('');
  setState('error');
  startWorker();
}

function failPending() {
  pending = null;
  hideProgress();
}

function sendPending() {
  if (!pending || !worker || !workerReady) return;
  pending.sent = true;
  pending.stage = 'analyzing';
  showProgress();
  worker.postMessage({ type: 'analyze', id: pending.id, articles: pending.articles });
  const { id } = pending;
  setTimeout(() => onTimeLimit(id), TIME_LIMIT);
}

/** The time guard: an analysis still running after TIME_LIMIT is stopped (its worker replaced). */
function onTimeLimit(id) {
  if (!pending || pending.id !== id) return;
  rerun = false;
  failPending();
  startWorker();
  showAlert(
    `The analysis took longer than ${formatMs(TIME_LIMIT)} and was stopped; your articles are kept. ` +
      'Remove some articles or shorten them, then press Analyze again.',
  );
  setStatus('');
  setState('error');
}

function updateControls() {
  const state = getState();
  const busy = state === 'analyzing';
  ui.analyze.disabled = busy || (!workerReady && !workerFailed);
  ui.analyze.setAttribute('aria-busy', busy ? 'true' : 'false');
}

// ---------------------------------------------------------------- progress and cancel

function showProgress() {
  if (!pending) return;
  ui.progress.hidden = false;
  // counting the words of megabytes would block the page: give their size instead
  const chars = pending.articles.reduce((s, a) => s + a.text.length, 0);
  pending.words ??= chars > 300_000 ? -1 : pending.articles.reduce((s, a) => s + countWords(a.text), 0);
  const words = pending.words;
  const what = `${plural(pending.articles.length, 'article')}, ` +
    (words < 0 ? `about ${humanSize(chars)} of text` : `about ${plural(words, 'word')}`);
  const stage = !pending.sent ? 'Starting the analyzer' : pending.stage === 'analyzing' ? 'Analyzing' : 'Preparing';
  const tick = () => {
    if (!pending) return;
    const s = (performance.now() - pending.started) / 1000;
    const step = pending.step ? `, ${STEP_NAMES[pending.step] ?? pending.step}` : '';
    ui.progressText.textContent = `${stage} ${what}${step}… ${s.toFixed(1)} s`;
  };
  tick();
  clearInterval(progressTimer);
  progressTimer = setInterval(tick, 200);
  setStatus(`${stage}…`);
}

// The engine's share of the work done, on the bar (indeterminate until the
// first report from the worker).
const STEP_NAMES = { reading: 'reading', entities: 'finding names', reuse: 'aligning passages', divergences: 'comparing sources', report: 'writing the report' };
function showFraction() {
  const bar = ui.progress.querySelector('progress');
  if (!pending || !bar || typeof pending.fraction !== 'number') return;
  bar.max = 1;
  bar.value = pending.fraction;
  bar.setAttribute('aria-valuetext', `${Math.round(pending.fraction * 100)}%, ${STEP_NAMES[pending.step] ?? pending.step ?? ''}`);
}

function hideProgress() {
  const bar = ui.progress.querySelector('progress');
  if (bar) {
    bar.removeAttribute('value');
    bar.removeAttribute('aria-valuetext');
  }
  clearInterval(progressTimer);
  ui.progress.hidden = true;
  ui.progressText.textContent = '';
}

/** Stops the analysis in flight: the worker is replaced, nothing typed is touched. */
function cancelAnalysis() {
  if (!pending) return;
  pending = null;
  rerun = false;
  clearTimeout(autoTimer);
  hideProgress();
  startWorker();
  setState(shown ? 'done' : 'ready');
  setStatus('Analysis cancelled; your articles are kept.');
  if (shown) markStale();
  ui.analyze.focus();
}

// ---------------------------------------------------------------- boxes

function boxes() {
  return Array.from(ui.boxes.querySelectorAll('section.article-box'));
}

function addBox({ text = '', label = '', name = '', warnings = null } = {}) {
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
    inputsChanged();
  });
  input.addEventListener('input', inputsChanged);
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (!ui.analyze.disabled) runAnalysis();
    }
  });
  ui.boxes.append(box);
  updateCount(box);
  renumberSoon();
  return box;
}

/** Renumbers once after a batch of added boxes (200 dropped files renumbered one by one block the page). */
let renumberQueued = false;
function renumberSoon() {
  if (renumberQueued) return;
  renumberQueued = true;
  queueMicrotask(() => {
    renumberQueued = false;
    renumber();
  });
}

function updateCount(box) {
  const text = box.querySelector('textarea').value;
  const out = box.querySelector('.box-count');
  clearTimeout(box.countTimer);
  const show = () => {
    const t = box.querySelector('textarea').value;
    out.textContent = `${plural(t.length, 'character')} · ${plural(countWords(t), 'word')}`;
  };
  // counting words of a very long text waits for a pause in typing and
  // yields between slices; past the size limit it is not counted at all
  if (text.length > MAX_ARTICLE_BYTES) {
    out.textContent = `${plural(text.length, 'character')} · too long to analyze (one article may have at most ${humanSize(MAX_ARTICLE_BYTES)})`;
  } else if (text.length > 200_000) {
    box.countTimer = setTimeout(async () => {
      const t = box.querySelector('textarea').value;
      const n = await countWordsChunked(t, countWords, () => box.querySelector('textarea').value === t);
      if (n !== null) out.textContent = `${plural(t.length, 'character')} · ${plural(n, 'word')}`;
    }, 400);
  } else show();
}

function removeBox(box) {
  const list = boxes();
  const index = list.indexOf(box);
  box.remove();
  renumber();
  const rest = boxes();
  const focusTarget = rest[Math.min(index, rest.length - 1)];
  if (focusTarget) focusTarget.querySelector('textarea').focus();
  else ui.addBox.focus();
  inputsChanged();
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
  inputsChanged();
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

function isBlankBox(box) {
  return !box.querySelector('textarea').value.trim() && !box.querySelector('input').value.trim();
}

function collectArticles() {
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

function setBoxes(articles) {
  ui.boxes.replaceChildren();
  for (const a of articles) addBox(a);
  while (boxes().length < 2) addBox();
}

/** Every edit: save soon, mark the report stale, re-analyze after a pause. */
function inputsChanged() {
  scheduleSave();
  if (shown) markStale();
  scheduleAuto();
}

function markStale() {
  const same = shown && sameInputs(collectArticles(), shown.inputs);
  ui.results.classList.toggle('is-stale', !same);
  ui.stale.hidden = same;
  if (!same) {
    ui.stale.textContent = settings.auto
      ? 'The articles changed since this report; it will update when you pause typing.'
      : 'The articles changed since this report: press Analyze to update it.';
  }
}

function sameInputs(a, b) {
  return a.length === b.length && a.every((x, i) => x.text === b[i].text && x.label === b[i].label);
}

function scheduleAuto(delay = AUTO_DELAY_MS) {
  clearTimeout(autoTimer);
  if (!settings.auto || !shown) return;
  autoTimer = setTimeout(() => {
    if (sameInputs(collectArticles(), shown.inputs)) return;
    if (pending) {
      rerun = true;
      return;
    }
    runAnalysis({ auto: true });
  }, delay);
}

// ---------------------------------------------------------------- persistence

let saveTimer = 0;
// bumped by every change: a save that finishes after a newer change does
// not mark the page saved
let saveGeneration = 0;
function scheduleSave() {
  saveGeneration++;
  document.body.dataset.saved = 'pending';
  clearTimeout(saveTimer);
  saveTimer = setTimeout(saveNow, SAVE_DELAY_MS);
}

async function saveNow() {
  clearTimeout(saveTimer);
  const generation = saveGeneration;
  const ok = await saveSession({ version: 1, articles: collectArticles(), settings: { ...settings } });
  if (generation !== saveGeneration) return; // a newer change has its own save coming
  if (document.body.dataset.saved === 'pending') document.body.dataset.saved = ok ? 'saved' : 'memory';
}

async function restore() {
  let session = null;
  try {
    session = await loadSession();
  } catch {
    session = null;
  }
  if (session && Array.isArray(session.articles) && session.articles.length) {
    settings = { ...settings, ...(session.settings || {}) };
    setBoxes(session.articles.map((a) => ({
      text: String(a?.text ?? ''), label: String(a?.label ?? ''), name: a?.name ? String(a.name) : '',
      warnings: Array.isArray(a?.warnings) ? a.warnings.map(String) : null,
    })));
    restoredNote = `Restored ${plural(session.articles.length, 'article')} from this browser`;
    setStatus(restoredNote);
  } else if (!boxes().length) {
    setBoxes([]);
  }
  ui.auto.checked = settings.auto !== false;
  restored = true;
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
  if (pending) cancelAnalysis();
  clearTimeout(autoTimer);
  clearTimeout(saveTimer);
  await clearSession();
  settings = { auto: ui.auto.checked, analyzed: false, reading: null, entities: null, divergences: null };
  drawing++; // a report still being drawn stops
  ui.results.removeAttribute('aria-busy');
  shown = null;
  readingView = null;
  ui.results.hidden = true;
  ui.boxes.replaceChildren();
  setBoxes([]);
  clearAlert();
  if (getState() !== 'loading') setState(workerReady ? 'ready' : 'loading');
  document.body.dataset.saved = 'cleared';
  setStatus('Cleared: all articles were removed from the page and this browser');
  boxes()[0].querySelector('textarea').focus();
}

// ---------------------------------------------------------------- dialog

function confirmDialog({ title, text, ok = 'OK' }) {
  const d = ui.confirm;
  $('confirm-title').textContent = title;
  $('confirm-text').textContent = text;
  $('confirm-ok').textContent = ok;
  const opener = document.activeElement;
  return new Promise((resolve) => {
    d.returnValue = '';
    d.addEventListener('close', () => {
      resolve(d.returnValue === 'ok');
      if (opener && opener.isConnected) opener.focus();
    }, { once: true });
    d.showModal();
    $('confirm-cancel').focus();
  });
}

// ---------------------------------------------------------------- example

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
  setBoxes(EXAMPLE_ARTICLES.map((a) => ({ text: a.text, label: a.label })));
  scheduleSave();
  runAnalysis();
}

// ---------------------------------------------------------------- files

/**
 * Reads dropped or picked files into article text with the wasm reader
 * (plain text in any encoding, HTML, Markdown, Word .docx), in a short-lived
 * worker of its own so a hostile file can never stall or crash the analyzer.
 * Resolves to [{file, text, warnings} | {file, error}] in file order.
 */
async function readFiles(files) {
  const w = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  const waiting = new Map();
  let nextReadId = 1;
  const ready = new Promise((resolve, reject) => {
    w.onmessage = (event) => {
      const msg = event.data || {};
      if (msg.type === 'ready') resolve();
      else if (msg.type === 'error' && msg.phase === 'init') reject(new Error(msg.message));
      const done = waiting.get(msg.id);
      if (!done) return;
      waiting.delete(msg.id);
      if (msg.type === 'read-result') done.resolve(msg);
      else done.reject(new Error(msg.message || 'could not read the file'));
    };
    w.onerror = (event) => {
      event.preventDefault?.();
      const err = new Error(event?.message || 'the file reader stopped');
      reject(err);
      for (const done of waiting.values()) done.reject(err);
      waiting.clear();
    };
  });
  const results = [];
  try {
    await ready;
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
        const bytes = await file.arrayBuffer();
        const id = nextReadId++;
        const reply = new Promise((resolve, reject) => waiting.set(id, { resolve, reject }));
        w.postMessage({ type: 'read', id, name: file.name, bytes }, [bytes]);
        const msg = await reply;
        results.push({ file, text: msg.text, warnings: msg.warnings || [] });
      } catch (err) {
        results.push({ file, error: errorText(err) });
      }
    }
  } catch (err) {
    for (const file of files.slice(results.length)) results.push({ file, error: `${file.name} could not be read (${errorText(err)})` });
  } finally {
    w.terminate();
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
    if ((added + problems.length) % 20 === 19) await new Promise((resolve) => setTimeout(resolve, 0));
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
      empty.querySelector('textarea').value = text;
      empty.querySelector('input').value = file.name;
      empty.dataset.name = file.name;
      updateCount(empty);
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
    if (getState() !== 'analyzing') setState('error');
  } else if (added) {
    setStatus(`Added ${added} file${added === 1 ? '' : 's'}${notes.length ? ` (${notes.join('; ')})` : ''}`);
  }
  if (added) inputsChanged();
  if (firstBox) firstBox.scrollIntoView({ block: 'nearest' });
}

function hasFiles(event) {
  const types = event.dataTransfer && event.dataTransfer.types;
  return !!types && Array.from(types).includes('Files');
}

let dragDepth = 0;
document.addEventListener('dragenter', (event) => {
  if (!hasFiles(event)) return;
  event.preventDefault();
  dragDepth++;
  document.body.classList.add('dragging');
});
document.addEventListener('dragover', (event) => {
  if (!hasFiles(event)) return;
  event.preventDefault();
  event.dataTransfer.dropEffect = 'copy';
});
document.addEventListener('dragleave', (event) => {
  if (!hasFiles(event)) return;
  dragDepth = Math.max(0, dragDepth - 1);
  if (!dragDepth) document.body.classList.remove('dragging');
});
document.addEventListener('drop', (event) => {
  if (!hasFiles(event)) return;
  event.preventDefault();
  dragDepth = 0;
  document.body.classList.remove('dragging');
  addFiles(event.dataTransfer.files);
});

ui.fileInput.addEventListener('change', async () => {
  const files = Array.from(ui.fileInput.files || []);
  await addFiles(files);
  ui.fileInput.value = ''; // picking the same file again still fires change
});

// ---------------------------------------------------------------- analyze

/** Starts an analysis. `auto`: started by an edit or a reload, so stay quiet when the input is not ready. */
function runAnalysis({ auto = false } = {}) {
  const articles = collectArticles();
  if (!articles.length) {
    if (auto) return;
    showAlert('Add at least one article to analyze.');
    setState('error');
    ui.addBox.focus();
    return;
  }
  const emptyIndex = articles.findIndex((a) => !a.text.trim());
  if (emptyIndex >= 0) {
    if (auto) return;
    const n = emptyIndex + 1;
    const others = articles.length > 1 ? ', or remove the box' : '';
    showAlert(`Article ${n} is empty: paste its text${others}.`);
    setState('error');
    boxes()[emptyIndex].querySelector('textarea').focus();
    return;
  }
  const over = checkLimits(articles);
  if (over) {
    // refused at once, before anything reaches the worker; nothing typed is touched
    if (pending) cancelQuietly();
    clearTimeout(autoTimer);
    showAlert(over.message);
    setStatus('Not analyzed: the input is over a limit');
    setState('error');
    // point at the box; focusing a textarea of megabytes would lay all of it out first
    const box = over.index >= 0 ? boxes()[over.index] : null;
    if (!auto && box) {
      const textarea = box.querySelector('textarea');
      if (textarea.value.length > MAX_ARTICLE_BYTES) box.scrollIntoView({ block: 'nearest' });
      else textarea.focus({ preventScroll: true });
    }
    return;
  }
  if (pending) {
    // a newer request replaces the one in flight
    cancelQuietly();
  }
  clearTimeout(autoTimer);
  if (!auto) clearAlert();
  pending = { id: nextId++, articles, sent: false, auto, started: performance.now(), stage: 'starting' };
  setState('analyzing');
  showProgress();
  if (workerFailed || !worker) {
    startWorker();
  } else if (workerReady) {
    sendPending();
  }
}

function cancelQuietly() {
  pending = null;
  hideProgress();
  startWorker();
}

// ---------------------------------------------------------------- render

/** Ends the current task so the browser can answer input; resumes in a new one. */
function nextTask() {
  if (globalThis.scheduler?.yield) return globalThis.scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

// Drawing pace: steps run back to back until they have spent FRAME_BUDGET_MS
// since the last frame, then wait for the next frame, so the browser lays
// out (and paints) what they added before more is built. Without the wait,
// the steps of a 50-article report ran faster than frames and the browser
// laid out all of it in one 150–350 ms task.
const FRAME_BUDGET_MS = 16;
// Reports above any of these are drawn paced; below, in one task.
const PACE_FROM_ARTICLES = 12;
const PACE_FROM_CHARS = 300_000;
const PACE_FROM_ITEMS = 600;
let lastFrame = 0;

/**
 * Between two drawing steps: a new task, after a new frame once the budget is spent or when
 * `frame` asks for one (a job's steps each add a batch of table rows: each gets its own layout).
 */
async function pace(frame = false) {
  if ((frame || performance.now() - lastFrame > FRAME_BUDGET_MS) && !document.hidden) {
    // (a hidden page draws no frames: it only yields)
    await new Promise((resolve) => requestAnimationFrame(() => resolve()));
    await nextTask(); // runs after that frame's layout and paint
    lastFrame = performance.now();
    return;
  }
  await nextTask();
}

/** Bumped by every new drawing and by Clear all: an older drawing stops at its next step. */
let drawing = 0;

/**
 * Draws the report one section per task (the heatmap a few rows per task),
 * so that no single task keeps the page from answering for long: drawn and
 * laid out at once, a 50-article report held the page for 200–350 ms.
 * Resolves to false when a newer drawing (or Clear all) replaced this one.
 */
async function renderReport(report, inputs, ms) {
  const generation = ++drawing;
  ui.results.setAttribute('aria-busy', 'true');
  const texts = inputs.map((a) => a.text);
  const ctx = new Context(report, texts);
  const articles = ctx.articles;
  shown = { report, ctx, inputs };
  const openPair = (a, b) => {
    readingView?.show({ mode: 'pair', a, b });
    $('reading').scrollIntoView({ block: 'start' });
    ui.reading.querySelector('.cb-scroll')?.focus({ preventScroll: true });
  };
  const steps = [
    () => {
      ui.summary.textContent =
        `${plural(articles.length, 'article')}, ${plural(report.stats?.words ?? 0, 'word')}, ` +
        `${plural(ctx.entities.length, 'entity', 'entities')}, ${plural(ctx.divergences.length, 'divergence')}` +
        (typeof ms === 'number' ? `; analyzed in ${formatMs(ms)}` : '') + '.';
      renderSummary(ui.plainSummary, ctx);
      renderArticles(ui.articleList, ctx);
      renderSimilarity(ui.similarity, ctx, { onSelect: openPair });
      renderPassages(ctx);
      // on screen from the first step: each later step lays out only what it added
      ui.results.hidden = false;
    },
    () => heatmapJob(ui.heatmap, ctx, { onSelect: openPair, rowsPerStep: 8 }),
    () => {
      const saved = settings.reading || {};
      const initial = saved.a ? saved : { ...saved, ...strongestPair(ctx) };
      readingView = new ReadingView(ui.reading, ctx, {
        state: initial,
        onChange: (s) => {
          settings.reading = { mode: s.mode, a: s.a, b: s.b, article: s.article, sync: s.sync };
          scheduleSave();
        },
      });
    },
    () => renderEntities(ui.entities, ctx, {
      state: settings.entities || {},
      onSelect: (i) => readingView.highlightEntity(i),
      onChange: (s) => { settings.entities = s; scheduleSave(); },
    }),
    () => renderDivergences(ui.divergences, ctx, {
      state: settings.divergences || {},
      onJump: (i) => readingView.jumpTo(i),
      onChange: (s) => { settings.divergences = s; scheduleSave(); },
    }),
    () => {
      renderCleaning(report, inputs);
      ui.results.removeAttribute('aria-busy');
      markStale();
    },
  ];
  // A small report (the example: 20–60 ms of drawing) is drawn in one task, as fast as it can
  // be. A large one goes one step per task, paced by frames, so each frame lays out only what
  // the last steps added; a step may return a job ({step() → more to do?}) that is continued
  // the same way, a frame per step.
  const large = articles.length > PACE_FROM_ARTICLES || texts.reduce((n, t) => n + t.length, 0) > PACE_FROM_CHARS ||
    ctx.divergences.length + ctx.entities.length + ctx.passages.length > PACE_FROM_ITEMS;
  const between = large ? pace : () => null;
  lastFrame = performance.now();
  for (const [i, step] of steps.entries()) {
    if (i > 0) await between();
    if (generation !== drawing) return false;
    const job = step();
    while (job?.step?.()) {
      await between(true);
      if (generation !== drawing) return false;
    }
  }
  return true;
}

/** The pair sharing the most text, to open the reading view on something telling. */
function strongestPair(ctx) {
  let best = null;
  for (const p of ctx.pairs) if (!best || p.containment > best.containment) best = p;
  return best ? { a: best.b, b: best.a } : {};
}

function renderPassages(ctx) {
  const passages = ctx.passages;
  ui.passages.dataset.count = String(passages.length);
  const words = passages.reduce((s, p) => s + (p.words || 0), 0);
  const pairs = new Set(passages.map((p) => `${p.a}↔${p.b}`));
  ui.passages.replaceChildren(
    el('span', { text: plural(passages.length, 'shared passage') }),
    passages.length ? ` (${plural(words, 'word')}; between ${[...pairs].join(', ')})` : '',
  );
}

/** "What cleaning removed", under each box, on request. */
function renderCleaning(report, inputs) {
  const list = boxes();
  report.articles.forEach((a, i) => {
    const box = list[i];
    if (!box) return;
    const details = box.querySelector('.cleaning');
    const removed = Array.isArray(a.removed) ? a.removed : [];
    const current = box.querySelector('textarea').value;
    if (!removed.length || current !== inputs[i]?.text) {
      details.hidden = true;
      return;
    }
    const reasons = [...new Set(removed.map((r) => r.reason))];
    details.querySelector('.cleaning-summary').textContent =
      `Cleaning set aside ${plural(removed.length, 'piece')} (${reasons.join(', ')})`;
    details.querySelector('.cleaning-list').replaceChildren(...removed.map((r) =>
      el('li', {}, el('span', { className: 'cleaning-reason', text: `${r.reason}: ` }), el('q', { text: r.text }))));
    details.hidden = false;
  });
}

// ---------------------------------------------------------------- export

function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = el('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
  setStatus(`Saved ${name}`);
}

ui.exportJson.addEventListener('click', () => {
  if (shown) download('corroborate-report.json', 'application/json', reportJson(shown.report));
});
ui.exportCsv.addEventListener('click', () => {
  if (shown) download('corroborate-entities.csv', 'text/csv;charset=utf-8', `\ufeff${entitiesCsv(shown.ctx)}`);
});
ui.exportHtml.addEventListener('click', () => {
  if (shown) download('corroborate-report.html', 'text/html;charset=utf-8', standaloneHtml(shown.ctx));
});

// ---------------------------------------------------------------- helpers

/** Ends a message with a full stop unless it already ends a sentence. */
function sentence(message) {
  const m = String(message).trim();
  return /[.!?…]$/.test(m) ? m : `${m}.`;
}

function errorText(err) {
  return (err && err.message) || String(err);
}

// ---------------------------------------------------------------- start

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
  settings.auto = ui.auto.checked;
  scheduleSave();
  if (shown) markStale();
  scheduleAuto();
});
// Keep the latest edits when the tab closes or is hidden.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden' && document.body.dataset.saved === 'pending') saveNow();
});

setState('loading');
startWorker();
restore();
