// Runs the Corroborate wasm off the main thread: analyses and file reads,
// for the one client in ui/analyzer.js, whose header documents the protocol
// (keep the two in step).
//
// A trap (a Rust panic with panic = abort, out of memory) leaves the wasm
// instance undefined: the worker then answers every request, this one and
// the next, with a `fatal` error, and the client replaces it.

import init, { analyze, analyzeWithProgress, readFile, version, warmUp } from './pkg/corroborate.js';

let ready = false;
let broken = null;

function messageOf(err) {
  if (err && typeof err.message === 'string' && err.message) return err.message;
  if (typeof err === 'string' && err) return err;
  try {
    return String(err);
  } catch {
    return 'unknown error';
  }
}

// A trap (panic, out of memory, unreachable) reaches JavaScript as a
// WebAssembly.RuntimeError.
function isFatal(err) {
  return typeof WebAssembly !== 'undefined' && err instanceof WebAssembly.RuntimeError;
}

const loading = init()
  .then(() => {
    ready = true;
    self.postMessage({ type: 'ready', version: version() });
    // Load the tagger model and lexicons now, while the user reads or types,
    // rather than on the first analysis (a request sent meanwhile waits).
    try {
      warmUp?.();
    } catch {
      /* the first analysis loads them and reports any problem */
    }
  })
  .catch((err) => {
    broken = `Could not load the analyzer: ${messageOf(err)}`;
    self.postMessage({ type: 'error', id: null, message: broken, fatal: true, phase: 'init' });
  });

self.onmessage = async (event) => {
  const msg = event.data;
  if (!msg || (msg.type !== 'analyze' && msg.type !== 'read')) return;
  const { id } = msg;
  if (!ready) await loading;
  if (broken) {
    self.postMessage({ type: 'error', id, message: broken, fatal: true });
    return;
  }
  if (msg.type === 'read') {
    try {
      const decoded = readFile(String(msg.name ?? ''), new Uint8Array(msg.bytes));
      self.postMessage({ type: 'read-result', id, ...decoded });
    } catch (err) {
      failed(id, err);
    }
    return;
  }
  const articles = Array.isArray(msg.articles)
    ? msg.articles.map((a) => ({
        text: String(a?.text ?? ''),
        label: a?.label == null || a.label === '' ? undefined : String(a.label),
        name: a?.name == null || a.name === '' ? undefined : String(a.name),
        warnings: Array.isArray(a?.warnings) ? a.warnings.map(String) : [],
      }))
    : msg.articles;
  const t0 = performance.now();
  self.postMessage({ type: 'progress', id, stage: 'analyzing' });
  try {
    // progress between the engine's stages, at most every 50 ms
    let last = 0;
    const onProgress = (stage, fraction) => {
      const now = performance.now();
      if (now - last < 50 && fraction < 1) return;
      last = now;
      self.postMessage({ type: 'progress', id, stage: 'analyzing', step: stage, fraction });
    };
    const report = analyzeWithProgress
      ? analyzeWithProgress(articles, { offsets: 'utf16' }, onProgress)
      : analyze(articles, { offsets: 'utf16' });
    const ms = performance.now() - t0;
    if (report && report.stats && report.stats.elapsed_ms == null) report.stats.elapsed_ms = ms;
    self.postMessage({ type: 'result', id, report, ms });
  } catch (err) {
    failed(id, err);
  }
};

/** Answers a request that threw; a trap also marks this worker broken. */
function failed(id, err) {
  const fatal = isFatal(err);
  // the panic hook (src/wasm.rs) left the Rust message; the trap itself only says "unreachable"
  if (fatal) broken = `The analyzer crashed (${self.corroboratePanic || messageOf(err)})`;
  self.postMessage({ type: 'error', id, message: fatal ? broken : messageOf(err), fatal });
}
