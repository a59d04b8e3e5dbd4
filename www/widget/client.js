// The analyzer shared by every <corroborate-compare> on a page: one module
// Web Worker (../worker.js, found relative to this file, so the widget works
// from any directory), started on first use, replaced if the wasm traps.
//
//   const result = await sharedAnalyzer().analyze([{ text, label }]);
//   // → { report, ms }  (rejects with an Error on failure)

let shared = null;

/** The one analyzer of this module instance (two widgets share it). */
export function sharedAnalyzer() {
  if (!shared) shared = new Analyzer();
  return shared;
}

class Analyzer {
  constructor() {
    this.nextId = 1;
    this.pending = new Map();
    this.inflight = new Map();
    this.version = null;
    this.failure = null;
    this.start();
  }

  start() {
    let resolveReady;
    let rejectReady;
    this.ready = new Promise((resolve, reject) => {
      resolveReady = resolve;
      rejectReady = reject;
    });
    // Swallow here; callers see the rejection through their own awaits.
    this.ready.catch(() => {});
    this.readyResolve = resolveReady;
    this.readyReject = rejectReady;
    let worker;
    try {
      // Written literally so bundlers (Vite, webpack 5) find and copy the worker.
      worker = new Worker(new URL('../worker.js', import.meta.url), { type: 'module', name: 'corroborate' });
    } catch (err) {
      this.fail(`Could not start the analyzer: ${err && err.message ? err.message : err}. ` +
        'The widget files must be served from the page\'s own origin.');
      return;
    }
    this.worker = worker;
    worker.onmessage = (event) => this.receive(worker, event.data);
    worker.onmessageerror = () => this.died(worker, 'a message from the analyzer could not be read');
    worker.onerror = (event) => {
      event.preventDefault?.();
      this.died(worker, event && event.message ? event.message : 'the analyzer could not be loaded');
    };
  }

  fail(message) {
    this.failure = message;
    this.readyReject(new Error(message));
    for (const { reject } of this.pending.values()) reject(new Error(message));
    this.pending.clear();
  }

  died(worker, message) {
    if (worker !== this.worker) return;
    worker.terminate();
    this.worker = null;
    this.fail(message);
  }

  receive(worker, msg) {
    if (worker !== this.worker || !msg || typeof msg !== 'object') return;
    if (msg.type === 'ready') {
      this.version = msg.version ?? null;
      this.failure = null;
      this.readyResolve(this.version);
      return;
    }
    if (msg.type === 'progress') return;
    const job = msg.id == null ? null : this.pending.get(msg.id);
    if (msg.type === 'result' && job) {
      this.pending.delete(msg.id);
      job.resolve({ report: msg.report, ms: msg.ms });
    } else if (msg.type === 'error') {
      if (job) {
        this.pending.delete(msg.id);
        job.reject(new Error(msg.message || 'the analysis failed'));
      }
      if (msg.fatal) {
        // A trapped or unloadable wasm: later requests get a fresh worker.
        worker.terminate();
        this.worker = null;
        if (msg.phase === 'init') this.fail(msg.message || 'the analyzer could not be loaded');
        else this.restartNextTime = true;
      }
    }
  }

  /** Resolves with the analyzer version once the wasm is loaded. */
  whenReady() {
    if (!this.worker && (this.restartNextTime || this.failure)) this.restart();
    return this.ready;
  }

  restart() {
    this.restartNextTime = false;
    this.failure = null;
    this.start();
  }

  /**
   * Analyzes articles ({text, label}) off the main thread. Widgets asking
   * for the same articles at the same time share one analysis.
   */
  analyze(articles) {
    const key = JSON.stringify(articles);
    const running = this.inflight.get(key);
    if (running) return running;
    const job = this.request(articles);
    this.inflight.set(key, job);
    const forget = () => this.inflight.delete(key);
    job.then(forget, forget);
    return job;
  }

  request(articles) {
    if (!this.worker) this.restart();
    if (!this.worker) return Promise.reject(new Error(this.failure || 'the analyzer is not available'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ type: 'analyze', id, articles });
    });
  }
}
