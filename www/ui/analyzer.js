// The one client of the analysis worker (../worker.js), for the page and the
// widget: starts the module worker (found relative to this file, so the
// widget works from any directory), sends it analyses and file reads, and
// replaces it whenever it can no longer be trusted.
//
//   const analyzer = new Analyzer({ onReady, onFailure });   // the worker starts on first use
//   const { report, ms } = await analyzer.analyze(articles, { timeLimit, onSent, onProgress });
//   const { text, format, warnings, meta, blocks } = await analyzer.read(file.name, await file.arrayBuffer());
//
// The worker protocol (page: the main thread, page or widget; worker.js
// answers; keep the two in step):
//   worker → page  {type: 'ready', version}                 the wasm is loaded
//   worker → page  {type: 'error', id: null, phase: 'init', fatal: true, message}
//                                                          the wasm could not be loaded
//   page → worker  {type: 'analyze', id, articles: [{text, label?, name?, warnings?, meta?, language?}]}
//                  (language: the reader's choice, 'de'; none: identified from the text)
//                  (meta: a web page's {headline?, publisher?, author?, published?, url?, language?})
//   worker → page  {type: 'progress', id, stage: 'analyzing'}  at once, then between the
//                  engine's stages {type: 'progress', id, stage: 'analyzing', step,
//                  fraction} (at most every 50 ms, and at 1): step 'reading' | 'entities'
//                  | 'reuse' | 'divergences' | 'report', fraction the share done (0..1)
//   worker → page  {type: 'result', id, report, ms, parts}  (report made with {offsets: 'utf16'});
//                  when `parts` > 0 the report's heavy arrays came empty, and `parts`
//                  messages {type: 'result-part', id, path, items} follow: each appends
//                  `items` to the array at `path` in the report (['entities'], or
//                  ['entities', 3, 'mentions']), so no one message is a long task to read
//   worker → page  {type: 'language', code, ms, bytes}     a language pack (lang/<code>.bin,
//                  fetched from the worker's own origin before the first analysis that
//                  needs it) was loaded
//   worker → page  {type: 'warning', message}              a language pack could not be loaded;
//                  the analysis goes on without it (its articles' warnings say so)
//   page → worker  {type: 'prepare', articles: [{text, language?}]}  the page has these texts (their
//                  beginnings): load the language packs they need now (no answer)
//   page → worker  {type: 'read', id, name, bytes: ArrayBuffer}  (bytes transferred)
//   worker → page  {type: 'read-result', id, text, format, warnings, meta?, blocks?}  (the wasm's
//                  readFile; for a web page, its metadata and every block of its text, kept or
//                  set aside with the reason)
//   worker → page  {type: 'error', id, message, fatal}  the request failed; `fatal`: the
//                  wasm trapped (or never loaded) and this worker must not be used again
// A request sent before 'ready' waits in the worker; this client sends each
// request only once the worker is ready, so that its time limit counts the
// analysis, not the loading.
//
// What happens to the worker:
//   load failure (no worker, the wasm did not load, the worker died before
//     'ready'): the requests fail with kind 'start' or 'load' and `onFailure`
//     is told; the next request starts a fresh worker (starting again at
//     once would fail the same way);
//   crash (a fatal error, or the worker died after 'ready'): the requests in
//     flight fail with kind 'crash', `onFailure` is told and a fresh worker
//     starts at once;
//   time limit: the request fails with kind 'timeout', any other with
//     'cancelled', and the worker is replaced;
//   cancel(): every request fails with kind 'cancelled'; the worker is
//     replaced.

// Why a request failed: `kind` is 'start' | 'load' | 'crash' | 'failed' |
// 'timeout' | 'cancelled'; `hadWork` (crashes): a request was in flight.
export class AnalyzerError extends Error {
  constructor(kind, message, { hadWork = false } = {}) {
    super(message);
    this.name = 'AnalyzerError';
    this.kind = kind;
    this.hadWork = hadWork;
  }
}

export class Analyzer {
  #onReady;
  #onFailure;
  #worker = null;
  #ready = false;
  #whenReady = null;
  #settleReady = null;
  #failure = null;
  #jobs = new Map(); // id → {message, transfer, sent, timer, timeLimit, onSent, onProgress, resolve, reject, result?}
  #nextId = 1;
  #prepare = null;

  // The worker starts on first use (whenReady, analyze, read).
  // `onReady(version)`: each time a worker has loaded the wasm.
  // `onFailure(error)`: each load failure and crash (an AnalyzerError), with
  // or without a request in flight, before the requests' own rejections.
  constructor({ onReady, onFailure } = {}) {
    this.#onReady = onReady;
    this.#onFailure = onFailure;
  }

  /** The current worker has loaded the wasm. */
  get ready() {
    return this.#ready;
  }

  /** The last start failed: the next request starts afresh. */
  get failed() {
    return this.#failure !== null;
  }

  /** Resolves with the version once the wasm is loaded (a failed analyzer starts again). */
  whenReady() {
    if (!this.#worker) this.#start();
    return this.#whenReady;
  }

  // Analyzes articles ([{text, label?, name?, warnings?}]) off the main
  // thread; resolves to {report, ms}. `onSent()`: the request reached the
  // ready worker. `onProgress({step, fraction})`: the engine's progress.
  // `timeLimit` (ms, from sending): past it the worker is replaced.
  analyze(articles, { timeLimit = 0, onSent, onProgress } = {}) {
    return this.#request({ type: 'analyze', articles }, [], { timeLimit, onSent, onProgress });
  }

  // Tells the worker which texts are coming (their first 2,000 characters are
  // enough to tell their language), so it loads the language data they need
  // while the reader is still typing. Sent once the worker is ready; the
  // latest call wins. Never starts a worker.
  prepare(articles) {
    this.#prepare = (articles || []).map((a) => ({ text: String(a?.text ?? '').slice(0, 2000), language: a?.language || undefined }));
    if (this.#ready) this.#sendPrepare();
  }

  #sendPrepare() {
    if (!this.#prepare || !this.#worker) return;
    this.#worker.postMessage({ type: 'prepare', articles: this.#prepare });
    this.#prepare = null;
  }

  /** Reads a file's bytes into article text; resolves to {text, format, warnings}. */
  read(name, bytes) {
    return this.#request({ type: 'read', name, bytes }, [bytes], {});
  }

  /** Stops every request (they fail with kind 'cancelled') and replaces the worker. */
  cancel() {
    if (this.#jobs.size) this.#replace('the analysis was cancelled');
  }

  /** Stops the worker for good (requests fail with kind 'cancelled'). */
  close() {
    this.#rejectAll(new AnalyzerError('cancelled', 'the analyzer was closed'));
    this.#stop();
  }

  // ---------------------------------------------------------------- worker

  #start() {
    this.#stop();
    this.#failure = null;
    this.#whenReady = new Promise((resolve, reject) => {
      this.#settleReady = { resolve, reject };
    });
    // rejections reach callers through their own awaits
    this.#whenReady.catch(() => {});
    let worker;
    try {
      // written literally so bundlers (Vite, webpack 5) find and copy the worker
      worker = new Worker(new URL('../worker.js', import.meta.url), { type: 'module', name: 'corroborate' });
    } catch (err) {
      this.#fail(new AnalyzerError('start', `Could not start the analyzer: ${(err && err.message) || err}`));
      return;
    }
    this.#worker = worker;
    worker.onmessage = (event) => {
      if (worker === this.#worker) this.#receive(event.data);
    };
    worker.onmessageerror = () => {
      if (worker === this.#worker) this.#died('a message from the analyzer could not be read');
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      if (worker === this.#worker) this.#died(event && event.message ? event.message : '');
    };
  }

  #stop() {
    this.#worker?.terminate();
    this.#worker = null;
    this.#ready = false;
  }

  // The worker could not load: fail everything, wait for the next request.
  #fail(error) {
    this.#stop();
    this.#failure = error;
    this.#settleReady.reject(error);
    this.#rejectAll(error);
    this.#onFailure?.(error);
  }

  // The worker can no longer be trusted: fail what it held, start a fresh one.
  #crash(message) {
    const error = new AnalyzerError('crash', message, { hadWork: this.#jobs.size > 0 });
    this.#stop();
    this.#rejectAll(error);
    this.#onFailure?.(error);
    this.#start();
  }

  #died(detail) {
    const why = detail ? `: ${detail}` : '';
    if (this.#ready) this.#crash(`The analyzer stopped unexpectedly${why}`);
    else this.#fail(new AnalyzerError('load', `The analyzer could not be loaded${why}`));
  }

  // Cancels every request and starts a fresh worker (the old one may be busy for long).
  #replace(why) {
    this.#rejectAll(new AnalyzerError('cancelled', why));
    this.#start();
  }

  #receive(msg) {
    if (!msg || typeof msg !== 'object') return;
    if (msg.type === 'ready') {
      this.#ready = true;
      const version = msg.version ?? null;
      this.#settleReady.resolve(version);
      this.#onReady?.(version);
      this.#sendPrepare();
      for (const [id, job] of this.#jobs) if (!job.sent) this.#send(id, job);
      return;
    }
    if (msg.type === 'error' && (msg.phase === 'init' || !this.#ready)) {
      // restarting at once would fail the same way
      this.#fail(new AnalyzerError('load', msg.message || 'the analyzer could not be loaded'));
      return;
    }
    if (msg.type === 'error' && msg.fatal) {
      this.#crash(msg.message || 'The analyzer crashed');
      return;
    }
    const job = this.#jobs.get(msg.id);
    if (!job) return;
    if (msg.type === 'progress') {
      if (typeof msg.fraction === 'number') job.onProgress?.({ step: msg.step, fraction: msg.fraction });
      return;
    }
    if (msg.type === 'result' && msg.parts > 0) {
      // the analysis is done (its time limit no longer applies); its parts follow
      clearTimeout(job.timer);
      job.result = { report: msg.report, ms: msg.ms, partsLeft: msg.parts };
      return;
    }
    if (msg.type === 'result-part') {
      const result = job.result;
      if (!result) return;
      const list = msg.path.reduce((x, k) => x?.[k], result.report);
      if (Array.isArray(list)) for (const item of msg.items) list.push(item);
      if (--result.partsLeft > 0) return;
      this.#settle(msg.id, job);
      job.resolve({ report: result.report, ms: result.ms });
      return;
    }
    this.#settle(msg.id, job);
    if (msg.type === 'result') job.resolve({ report: msg.report, ms: msg.ms });
    else if (msg.type === 'read-result') {
      job.resolve({ text: msg.text, format: msg.format, warnings: msg.warnings || [], meta: msg.meta ?? null, blocks: msg.blocks ?? null });
    }
    else job.reject(new AnalyzerError('failed', msg.message || 'the request failed'));
  }

  // ---------------------------------------------------------------- requests

  #request(message, transfer, options) {
    if (!this.#worker) this.#start();
    if (this.#failure) return Promise.reject(this.#failure);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const job = { message: { ...message, id }, transfer, sent: false, timer: 0, ...options, resolve, reject };
      this.#jobs.set(id, job);
      if (this.#ready) this.#send(id, job);
    });
  }

  #send(id, job) {
    job.sent = true;
    job.onSent?.();
    this.#worker.postMessage(job.message, job.transfer);
    if (job.timeLimit > 0) {
      job.timer = setTimeout(() => {
        this.#settle(id, job);
        job.reject(new AnalyzerError('timeout', `the analysis took longer than ${job.timeLimit} ms`));
        this.#replace('the analyzer was restarted');
      }, job.timeLimit);
    }
  }

  #settle(id, job) {
    clearTimeout(job.timer);
    this.#jobs.delete(id);
  }

  #rejectAll(error) {
    for (const [id, job] of this.#jobs) {
      this.#settle(id, job);
      job.reject(error);
    }
  }
}
