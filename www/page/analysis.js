// Running an analysis: checks the articles, sends them to the analyzer
// (page.analyzer, ../ui/analyzer.js), shows its progress, draws the report
// it sends back, and says what went wrong when something did. Analyses
// also start by themselves a moment after an edit ("Update after edits").

import { countWords, formatMs, plural } from '../ui/dom.js';
import { MAX_ARTICLE_BYTES, TIME_LIMIT_MS, checkLimits, humanSize } from '../limits.js';
import { boxes, collectArticles, isBlankBox, overLimitMessage } from './boxes.js';
import { drawReport, markStale, sameInputs } from './results.js';
import { scheduleSave } from './session.js';
import { clearAlert, errorText, getPhase, sentence, setPhase, setStatus, showAlert, updateControls } from './status.js';
import { page, ui } from './state.js';

const AUTO_DELAY_MS = 800;
// `?time-limit-ms=N` shortens the time guard (tests of the guard).
const TIME_LIMIT = Number(new URLSearchParams(location.search).get('time-limit-ms')) || TIME_LIMIT_MS;
// the engine's stages, as the progress line names them
const STEP_NAMES = { reading: 'reading', entities: 'finding names', reuse: 'aligning passages', divergences: 'comparing sources', report: 'writing the report' };

/** Starts an analysis. `auto`: started by an edit or a reload, so stay quiet when the input is not ready. */
export function runAnalysis({ auto = false } = {}) {
  const articles = collectArticles();
  if (!articles.length) {
    if (auto) return;
    showAlert('Add at least one article to analyze.');
    setPhase('error');
    ui.addBox.focus();
    return;
  }
  // a saved text over the limit is held out of its box: say so before anything else
  const heldIndex = articles.findIndex((a) => a.overLimit);
  if (heldIndex >= 0) {
    if (page.run) cancelQuietly();
    clearTimeout(page.timers.auto);
    showAlert(`${overLimitMessage(heldIndex + 1, articles[heldIndex].overLimit.bytes)} Discard it, or remove the box, to analyze the others.`);
    setStatus('Not analyzed: the input is over a limit');
    setPhase('error');
    boxes()[heldIndex].scrollIntoView({ block: 'nearest' });
    return;
  }
  const emptyIndex = articles.findIndex((a) => !/\S/.test(a.text));
  if (emptyIndex >= 0) {
    if (auto) return;
    const n = emptyIndex + 1;
    const others = articles.length > 1 ? ', or remove the box' : '';
    showAlert(`Article ${n} is empty: paste its text${others}.`);
    setPhase('error');
    boxes()[emptyIndex].querySelector('textarea').focus();
    return;
  }
  const over = checkLimits(articles);
  if (over) {
    // refused at once, before anything reaches the worker; nothing typed is touched
    if (page.run) cancelQuietly();
    clearTimeout(page.timers.auto);
    showAlert(over.message);
    setStatus('Not analyzed: the input is over a limit');
    setPhase('error');
    // point at the box; focusing a textarea of megabytes would lay all of it out first
    const box = over.index >= 0 ? boxes()[over.index] : null;
    if (!auto && box) {
      const textarea = box.querySelector('textarea');
      if (textarea.value.length > MAX_ARTICLE_BYTES) box.scrollIntoView({ block: 'nearest' });
      else textarea.focus({ preventScroll: true });
    }
    return;
  }
  // a newer request replaces the one in flight
  if (page.run) cancelQuietly();
  clearTimeout(page.timers.auto);
  if (!auto) clearAlert();
  const run = { articles, auto, started: performance.now(), sent: false };
  page.run = run;
  setPhase('analyzing');
  showProgress();
  page.analyzer.analyze(articles, {
    timeLimit: TIME_LIMIT,
    onSent: () => {
      run.sent = true;
      if (page.run === run) showProgress();
    },
    onProgress: ({ step, fraction }) => {
      run.step = step;
      run.fraction = fraction;
      if (page.run === run) showFraction();
    },
  }).then((result) => analyzed(run, result), (err) => failed(run, err));
}

function analyzed(run, { report, ms }) {
  if (page.run !== run) return;
  page.run = null;
  hideProgress();
  const t0 = performance.now();
  // drawn in steps, the browser painting and answering input between them
  drawReport(report, run.articles, ms).then((drawn) => {
    if (!drawn) return; // a newer report, or Clear all, took over
    const renderMs = performance.now() - t0;
    document.body.dataset.renderMs = String(Math.round(renderMs));
    // Analyze pressed (or edit paused) → report on screen, for the README figures
    document.body.dataset.runMs = String(Math.round(performance.now() - run.started));
    if (page.run) return; // a newer analysis is running: its progress stays on screen
    clearAlert();
    setStatus(`Done: analyzed in ${formatMs(ms)}, shown in ${formatMs(renderMs)}`);
    setPhase('done');
    if (!page.settings.analyzed) {
      page.settings.analyzed = true;
      scheduleSave();
    }
    if (page.rerun) {
      page.rerun = false;
      scheduleAuto(0);
    }
  }, (err) => {
    console.error(err);
    if (page.run) return;
    showAlert(`Could not show the report: ${errorText(err)}`);
    setStatus('');
    setPhase('error');
  });
}

/** The analysis failed, or its time ran out. (Crashes and load failures come through analyzerFailed.) */
function failed(run, err) {
  if (page.run !== run) return; // replaced, cancelled, or already told
  page.run = null;
  hideProgress();
  if (err.kind === 'timeout') {
    page.rerun = false;
    showAlert(
      `The analysis took longer than ${formatMs(TIME_LIMIT)} and was stopped; your articles are kept. ` +
        'Remove some articles or shorten them, then press Analyze again.',
    );
  } else {
    showAlert(err.message);
  }
  setStatus('');
  setPhase('error');
}

/** The analyzer has loaded (at start, and again after each restart). */
export function analyzerReady(version) {
  // navigation start → wasm loaded in the worker, for the README figure
  if (!document.body.dataset.readyMs) document.body.dataset.readyMs = String(Math.round(performance.now()));
  ui.version.textContent = `Corroborate ${version}`;
  maybeReady();
  updateControls();
}

/** The analyzer could not load, or crashed (it has then been restarted); the articles are never touched. */
export function analyzerFailed(err) {
  page.run = null;
  hideProgress();
  if (err.kind === 'crash') {
    showAlert(`${sentence(err.message)} It has been restarted${err.hadWork ? ' and your articles are kept' : ''}: press Analyze to try again.`);
    setStatus('');
  } else {
    // restarting at once would fail the same way: wait for the user
    showAlert(err.kind === 'start' ? err.message : `${sentence(err.message)} Press Analyze to try again.`);
    setStatus('Analyzer unavailable');
  }
  setPhase('error');
}

/** Once the analyzer is ready and the saved articles are back: ready, and a session analyzed before is analyzed again. */
export function maybeReady() {
  if (getPhase() === 'loading' && page.analyzer.ready && page.restored) {
    setPhase('ready');
    setStatus(page.restoredNote || 'Ready');
    if (page.settings.analyzed && boxes().some((b) => !isBlankBox(b)) && !page.run) runAnalysis({ auto: true });
  }
}

/** Stops the analysis in flight: the worker is replaced, nothing typed is touched. */
export function cancelAnalysis() {
  if (!page.run) return;
  page.rerun = false;
  clearTimeout(page.timers.auto);
  cancelQuietly();
  setPhase(page.shown ? 'done' : 'ready');
  setStatus('Analysis cancelled; your articles are kept.');
  if (page.shown) markStale();
  ui.analyze.focus();
}

function cancelQuietly() {
  page.run = null;
  hideProgress();
  page.analyzer.cancel();
}

/** Analyzes again `delay` ms after the last edit, when "Update after edits" is on and a report is shown. */
export function scheduleAuto(delay = AUTO_DELAY_MS) {
  clearTimeout(page.timers.auto);
  if (!page.settings.auto || !page.shown) return;
  page.timers.auto = setTimeout(() => {
    if (sameInputs(collectArticles(), page.shown.inputs)) return;
    if (page.run) {
      page.rerun = true;
      return;
    }
    runAnalysis({ auto: true });
  }, delay);
}

// ---------------------------------------------------------------- progress

function showProgress() {
  const run = page.run;
  if (!run) return;
  ui.progress.hidden = false;
  // counting the words of megabytes would block the page: give their size instead
  const chars = run.articles.reduce((s, a) => s + a.text.length, 0);
  run.words ??= chars > 300_000 ? -1 : run.articles.reduce((s, a) => s + countWords(a.text), 0);
  const what = `${plural(run.articles.length, 'article')}, ` +
    (run.words < 0 ? `about ${humanSize(chars)} of text` : `about ${plural(run.words, 'word')}`);
  const stage = run.sent ? 'Analyzing' : 'Starting the analyzer';
  const tick = () => {
    if (!page.run) return;
    const s = (performance.now() - page.run.started) / 1000;
    const step = page.run.step ? `, ${STEP_NAMES[page.run.step] ?? page.run.step}` : '';
    ui.progressText.textContent = `${stage} ${what}${step}… ${s.toFixed(1)} s`;
  };
  tick();
  clearInterval(page.timers.progress);
  page.timers.progress = setInterval(tick, 200);
  setStatus(`${stage}…`);
}

/** The engine's share of the work done, on the bar (indeterminate until the worker's first report). */
function showFraction() {
  const run = page.run;
  const bar = ui.progress.querySelector('progress');
  if (!run || !bar || typeof run.fraction !== 'number') return;
  bar.max = 1;
  bar.value = run.fraction;
  bar.setAttribute('aria-valuetext', `${Math.round(run.fraction * 100)}%, ${STEP_NAMES[run.step] ?? run.step ?? ''}`);
}

function hideProgress() {
  const bar = ui.progress.querySelector('progress');
  if (bar) {
    bar.removeAttribute('value');
    bar.removeAttribute('aria-valuetext');
  }
  clearInterval(page.timers.progress);
  ui.progress.hidden = true;
  ui.progressText.textContent = '';
}
