// Runs the Corroborate wasm off the main thread: analyses and file reads,
// for the one client in ui/analyzer.js, whose header documents the protocol
// (keep the two in step).
//
// A trap (a Rust panic with panic = abort, out of memory) leaves the wasm
// instance undefined: the worker then answers every request, this one and
// the next, with a `fatal` error, and the client replaces it.

import * as core from './pkg/corroborate.js';

const { default: init, analyze, analyzeWithProgress, readFile, version, warmUp } = core;

let ready = false;
let broken = null;

// Language packs (src/lang/pack.rs): the shipped wasm embeds no language
// data; the worker fetches lang/<code>.bin from its own origin the first
// time an article needs it and hands it to the core (loadLanguage). A pack
// that cannot be had leaves the analysis degraded, never failed: the core
// then says in each article's warnings what is missing.
const PACK_BASE = new URL('./lang/', import.meta.url);
const packs = new Map(); // code -> Promise<boolean>

/** Loads the pack of `code` once; resolves to whether it is loaded. */
function ensurePack(code) {
  if (typeof core.hasLanguage !== 'function' || core.hasLanguage(code)) return Promise.resolve(true);
  if (!packs.has(code)) {
    const url = new URL(`${code}.bin`, PACK_BASE);
    if (url.origin !== self.location.origin) return Promise.resolve(false);
    const t0 = performance.now();
    const loaded = fetch(url, { credentials: 'same-origin' })
      .then((r) => {
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        return r.arrayBuffer();
      })
      .then((buf) => {
        core.loadLanguage(new Uint8Array(buf));
        self.postMessage({ type: 'language', code, ms: performance.now() - t0, bytes: buf.byteLength });
        return true;
      })
      .catch((err) => {
        const message = `The language data for ${code} (${url.pathname}) could not be loaded: ${messageOf(err)}. The analysis goes on without it.`;
        console.warn(message);
        self.postMessage({ type: 'warning', message });
        packs.delete(code); // try again with the next analysis
        return false;
      });
    packs.set(code, loaded);
  }
  return packs.get(code);
}

// The languages that have a pack (lang/index.json, written with the packs),
// asked for once.
let packIndex = null;
function packList() {
  if (!packIndex) {
    packIndex = fetch(new URL('index.json', PACK_BASE), { credentials: 'same-origin' })
      .then((r) => (r.ok ? r.json() : { packs: ['en'] }))
      .then((j) => new Set(Array.isArray(j?.packs) ? j.packs.map(String) : ['en']))
      .catch(() => {
        packIndex = null; // asked again next time
        return new Set(['en']);
      });
  }
  return packIndex;
}

/**
 * The language packs an analysis of `articles` needs: English always (its
 * tagger and lists serve every language for now), and the language of each
 * article (chosen by the reader, else identified from its beginning) that
 * has a pack.
 */
async function packsFor(articles) {
  if (!Array.isArray(articles) || !articles.length) return [];
  const want = new Set(['en']);
  for (const a of articles) {
    const chosen = typeof a?.language === 'string' && a.language ? a.language.toLowerCase().split('-')[0] : '';
    let code = chosen;
    if (!code && typeof core.detectLanguage === 'function') {
      try {
        code = core.detectLanguage(String(a?.text ?? '').slice(0, 4000));
      } catch {
        code = '';
      }
    }
    if (code) want.add(code);
  }
  const have = await packList();
  return [...want].filter((c) => have.has(c));
}

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
  if (msg && msg.type === 'prepare') {
    // the page has text: fetch the language data it will need now, not when Analyze is pressed
    if (!ready) await loading;
    if (!broken) await Promise.all((await packsFor(msg.articles)).map(ensurePack));
    return;
  }
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
        meta: metaOf(a?.meta),
        language: typeof a?.language === 'string' && a.language ? a.language : undefined,
      }))
    : msg.articles;
  const t0 = performance.now();
  self.postMessage({ type: 'progress', id, stage: 'analyzing' });
  await Promise.all((await packsFor(articles)).map(ensurePack));
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
    postReport(id, report, ms);
  } catch (err) {
    failed(id, err);
  }
};

/** A web page's metadata as the core takes it: string fields only, else undefined. */
function metaOf(meta) {
  if (!meta || typeof meta !== 'object') return undefined;
  const out = {};
  for (const k of ['headline', 'publisher', 'author', 'published', 'url', 'language']) {
    if (typeof meta[k] === 'string' && meta[k]) out[k] = meta[k];
  }
  return Object.keys(out).length ? out : undefined;
}

// A report is sent in parts of at most PART_WEIGHT values. The page reads a
// message (the structured clone) in one task of its main thread: as one
// message, the report of two 2 MB articles of names (4 million values) held
// it for 1.6 s; in parts, each is a task of its own, about 20 ms.
const PART_WEIGHT = 25_000;

/** How many values a clone of `x` holds (strings count by length too). */
function weigh(x) {
  if (Array.isArray(x)) {
    let w = 1;
    for (const y of x) w += weigh(y);
    return w;
  }
  if (x && typeof x === 'object') {
    let w = 1;
    for (const k in x) w += weigh(x[k]);
    return w;
  }
  return typeof x === 'string' ? 1 + (x.length >> 8) : 1;
}

// Posts `report` as {type: 'result', id, report, ms, parts} and then `parts`
// messages {type: 'result-part', id, path, items}: the report's heavy arrays
// (its own, and those of their items) are sent empty in 'result', their
// items appended in order by the parts (ui/analyzer.js puts them back).
function postReport(id, report, ms) {
  const parts = [];
  const skeleton = { ...report };
  for (const [key, list] of Object.entries(report || {})) {
    if (!Array.isArray(list)) continue;
    const weights = list.map(weigh);
    if (weights.reduce((s, w) => s + w, 0) <= PART_WEIGHT) continue;
    skeleton[key] = [];
    let batch = [];
    let weight = 0;
    const flush = () => {
      if (batch.length) parts.push({ path: [key], items: batch });
      batch = [];
      weight = 0;
    };
    list.forEach((item, i) => {
      if (weights[i] <= PART_WEIGHT || !item || typeof item !== 'object') {
        if (weight + weights[i] > PART_WEIGHT) flush();
        batch.push(item);
        weight += weights[i];
        return;
      }
      // an item too heavy for one part (an entity of 100,000 mentions): its arrays follow it
      const light = { ...item };
      const heavy = Object.entries(item).filter(([, v]) => Array.isArray(v) && v.length > 1);
      for (const [field] of heavy) light[field] = [];
      batch.push(light);
      flush();
      for (const [field, values] of heavy) {
        let from = 0;
        let w = 0;
        values.forEach((v, j) => {
          w += weigh(v);
          if (w > PART_WEIGHT || j === values.length - 1) {
            parts.push({ path: [key, i, field], items: values.slice(from, j + 1) });
            from = j + 1;
            w = 0;
          }
        });
      }
    });
    flush();
  }
  self.postMessage({ type: 'result', id, report: parts.length ? skeleton : report, ms, parts: parts.length });
  for (const part of parts) self.postMessage({ type: 'result-part', id, ...part });
}

/** Answers a request that threw; a trap also marks this worker broken. */
function failed(id, err) {
  const fatal = isFatal(err);
  // the panic hook (src/wasm.rs) left the Rust message; the trap itself only says "unreachable"
  if (fatal) broken = `The analyzer crashed (${self.corroboratePanic || messageOf(err)})`;
  self.postMessage({ type: 'error', id, message: fatal ? broken : messageOf(err), fatal });
}
