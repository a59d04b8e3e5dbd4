// Corroborate: the first, plain page.
//
// Collects articles from text boxes and dropped/picked files, runs the wasm
// analysis in a module Web Worker (worker.js) and renders the Report as plain
// tables and lists. User text only ever reaches the DOM through textContent
// and other DOM APIs, never as HTML.
//
// `document.body.dataset.state` is one of
//   loading   – the analyzer is starting, Analyze is disabled
//   ready     – the analyzer is ready, nothing analyzed yet
//   analyzing – an analysis is running
//   done      – a report is shown
//   error     – the last action failed; the message is in the role=alert box

const MAX_FILE_BYTES = 5 * 1024 * 1024;

const $ = (id) => document.getElementById(id);

const ui = {
  boxes: $('boxes'),
  template: $('box-template'),
  addBox: $('add-box'),
  analyze: $('analyze'),
  status: $('status'),
  alert: $('alert'),
  fileInput: $('file-input'),
  dropZone: $('drop-zone'),
  results: $('results'),
  summary: $('summary'),
  articles: $('articles'),
  entities: $('entities'),
  overlap: $('overlap'),
  passages: $('passages'),
  divergences: $('divergences'),
  version: $('version'),
};

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
/** The analysis in flight: {id, articles, sent}. */
let pending = null;
let nextId = 1;

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
  if (getState() !== 'error') {
    setStatus('Loading…');
  }
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
      if (getState() === 'loading') setState('ready');
      else updateControls();
      if (pending && !pending.sent) sendPending();
      else if (getState() !== 'analyzing') setStatus('Ready');
      break;
    }
    case 'result': {
      if (!pending || msg.id !== pending.id) return;
      pending = null;
      try {
        renderReport(msg.report, msg.ms);
      } catch (err) {
        showAlert(`Could not show the report: ${errorText(err)}`);
        setStatus('');
        setState('error');
        return;
      }
      clearAlert();
      setStatus(`Done in ${formatMs(msg.ms)}`);
      setState('done');
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
      if (pending && msg.id === pending.id) pending = null;
      else if (!msg.fatal) return;
      showAlert(message);
      setStatus('');
      setState('error');
      if (msg.fatal) startWorker();
      break;
    }
    default:
      break;
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
  pending = null;
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
}

function sendPending() {
  if (!pending || !worker || !workerReady) return;
  pending.sent = true;
  worker.postMessage({ type: 'analyze', id: pending.id, articles: pending.articles });
}

function updateControls() {
  const state = getState();
  const busy = state === 'analyzing';
  ui.analyze.disabled = busy || (!workerReady && !workerFailed);
  ui.analyze.setAttribute('aria-busy', busy ? 'true' : 'false');
}

// ---------------------------------------------------------------- boxes

function boxes() {
  return Array.from(ui.boxes.querySelectorAll('section.article-box'));
}

function addBox({ text = '', label = '', name = '' } = {}) {
  const fragment = ui.template.content.cloneNode(true);
  const box = fragment.querySelector('section.article-box');
  const textarea = box.querySelector('textarea');
  const input = box.querySelector('input');
  textarea.value = text;
  input.value = label;
  if (name) box.dataset.name = name;
  box.querySelector('.remove-box').addEventListener('click', () => removeBox(box));
  textarea.addEventListener('input', () => {
    // Typed text replaces a file's content: the file name no longer applies.
    if (box.dataset.name && !textarea.value) delete box.dataset.name;
  });
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (!ui.analyze.disabled) runAnalysis();
    }
  });
  ui.boxes.append(box);
  renumber();
  return box;
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
}

function renumber() {
  const list = boxes();
  list.forEach((box, i) => {
    const n = i + 1;
    box.dataset.index = String(n);
    box.setAttribute('aria-label', `Article ${n}`);
    const textarea = box.querySelector('textarea');
    const input = box.querySelector('input');
    textarea.setAttribute('aria-label', `Article ${n} text`);
    textarea.placeholder = `Paste article ${n} here`;
    input.setAttribute('aria-label', `Article ${n} label`);
    input.placeholder = `Article ${n} (outlet or name, optional)`;
    const remove = box.querySelector('.remove-box');
    remove.setAttribute('aria-label', `Remove article ${n}`);
    remove.disabled = list.length <= 1;
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
        results.push({ file, error: `${file.name} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` });
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
  for (const result of await readFiles(files)) {
    const { file } = result;
    if (result.error) {
      problems.push(result.error);
      continue;
    }
    const { text, warnings } = result;
    notes.push(...warnings);
    // Fill the untouched empty boxes first, then add new ones.
    const empty = boxes().find(isBlankBox);
    let box;
    if (empty) {
      empty.querySelector('textarea').value = text;
      empty.querySelector('input').value = file.name;
      empty.dataset.name = file.name;
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

function runAnalysis() {
  const articles = collectArticles();
  if (!articles.length) {
    showAlert('Add at least one article to analyze.');
    setState('error');
    ui.addBox.focus();
    return;
  }
  const emptyIndex = articles.findIndex((a) => !a.text.trim());
  if (emptyIndex >= 0) {
    const n = emptyIndex + 1;
    const others = articles.length > 1 ? ', or remove the box' : '';
    showAlert(`Article ${n} is empty: paste its text${others}.`);
    setState('error');
    boxes()[emptyIndex].querySelector('textarea').focus();
    return;
  }
  clearAlert();
  pending = { id: nextId++, articles, sent: false };
  setState('analyzing');
  setStatus('Analyzing…');
  if (workerFailed || !worker) {
    startWorker();
    setStatus('Loading the analyzer…');
  } else if (workerReady) {
    sendPending();
  }
}

// ---------------------------------------------------------------- render

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (key === 'className') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child == null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function formatMs(ms) {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return '';
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

function percent(x) {
  if (typeof x !== 'number' || !Number.isFinite(x)) return '?';
  return `${Math.round(x * 100)}%`;
}

function plural(n, word, many = `${word}s`) {
  return `${n} ${n === 1 ? word : many}`;
}

function renderReport(report, ms) {
  if (!report || !Array.isArray(report.articles)) throw new Error('the report has no articles');
  const articles = report.articles;
  const labels = new Map(articles.map((a) => [a.id, a.label]));
  const labelOf = (id) => labels.get(id) ?? id;

  const words = report.stats?.words ?? articles.reduce((s, a) => s + (a.words || 0), 0);
  ui.summary.textContent =
    `${plural(articles.length, 'article')}, ${plural(words, 'word')}` +
    (typeof ms === 'number' ? `, analyzed in ${formatMs(ms)}` : '') + '.';

  renderArticles(articles);
  renderEntities(report.entities || [], articles);
  renderOverlap(report.pairs || [], articles);
  renderPassages(report.passages || [], labelOf);
  renderDivergences(report.divergences || [], labelOf);
  ui.results.hidden = false;
}

function renderArticles(articles) {
  ui.articles.replaceChildren(
    ...articles.map((a) => {
      const flags = Array.isArray(a.flags) && a.flags.length ? a.flags : [];
      const li = el('li', { dataset: { article: a.id } },
        el('span', { className: 'id', text: a.id }), ' ',
        el('span', { className: 'label', text: a.label }),
        el('span', { className: 'meta', text: ` — ${plural(a.words ?? 0, 'word')}, ${plural(a.sentences ?? 0, 'sentence')}` }),
      );
      if (flags.length) {
        const list = el('span', { className: 'flags' });
        for (const f of flags) list.append(el('span', { className: `flag flag-${String(f).replace(/[^a-z0-9-]/gi, '')}`, text: f }));
        li.append(' ', list);
      }
      if (a.title) li.append(el('div', { className: 'title', text: a.title }));
      for (const w of a.warnings || []) li.append(el('div', { className: 'warning', text: w }));
      return li;
    }),
  );
}

function articleHeader(a) {
  return el('th', { scope: 'col', title: a.label, dataset: { article: a.id } },
    el('span', { className: 'id', text: a.id }),
    el('span', { className: 'th-label', text: a.label }),
  );
}

function renderEntities(entities, articles) {
  const head = el('thead', {},
    el('tr', {},
      el('th', { scope: 'col', text: 'Entity' }),
      el('th', { scope: 'col', text: 'Kind' }),
      ...articles.map(articleHeader),
    ),
  );
  const body = el('tbody');
  for (const e of entities) {
    const aliases = (e.aliases || []).filter((x) => x !== e.name);
    const name = el('th', { scope: 'row' }, el('span', { text: e.name }));
    if (aliases.length) name.append(el('span', { className: 'aliases', text: ` (${aliases.join(', ')})` }));
    const row = el('tr', { dataset: { entity: e.name, kind: e.kind } },
      name,
      el('td', { className: `kind kind-${String(e.kind).replace(/[^a-z]/g, '')}`, text: e.kind }),
    );
    for (const a of articles) {
      const n = (e.counts && e.counts[a.id]) || 0;
      row.append(el('td', { className: n ? 'count' : 'count zero', dataset: { article: a.id }, text: String(n) }));
    }
    body.append(row);
  }
  if (!entities.length) {
    body.append(el('tr', {}, el('td', { colspan: articles.length + 2, className: 'empty', text: 'No entities found.' })));
  }
  ui.entities.replaceChildren(
    el('caption', { className: 'visually-hidden', text: 'Entities and how often each article mentions them' }),
    head,
    body,
  );
}

function renderOverlap(pairs, articles) {
  const byPair = new Map(pairs.map((p) => [`${p.a}\u0000${p.b}`, p]));
  const head = el('thead', {},
    el('tr', {}, el('td', { className: 'corner' }), ...articles.map(articleHeader)),
  );
  const body = el('tbody');
  for (const a of articles) {
    const row = el('tr', {},
      el('th', { scope: 'row', title: a.label, dataset: { article: a.id } },
        el('span', { className: 'id', text: a.id }),
        el('span', { className: 'th-label', text: a.label }),
      ),
    );
    for (const b of articles) {
      if (a.id === b.id) {
        row.append(el('td', { className: 'diagonal', dataset: { a: a.id, b: b.id }, text: '—' }));
        continue;
      }
      const p = byPair.get(`${a.id}\u0000${b.id}`);
      const c = p ? p.containment : null;
      const level = c == null ? 'none' : c >= 0.6 ? 'high' : c >= 0.25 ? 'mid' : c > 0 ? 'low' : 'none';
      row.append(el('td', {
        className: `cell level-${level}`,
        dataset: { a: a.id, b: b.id },
        title: p ? p.explanation : 'no data for this pair',
        text: p ? percent(c) : '?',
      }));
    }
    body.append(row);
  }
  ui.overlap.replaceChildren(
    el('caption', { className: 'visually-hidden', text: 'Containment of each row article in each column article' }),
    head,
    body,
  );
}

function renderPassages(passages, labelOf) {
  ui.passages.dataset.count = String(passages.length);
  ui.passages.replaceChildren(
    el('span', { text: `${plural(passages.length, 'shared passage')}` }),
  );
  if (passages.length) {
    const words = passages.reduce((s, p) => s + (p.words || 0), 0);
    const pairs = new Set(passages.map((p) => `${labelOf(p.a)} ↔ ${labelOf(p.b)}`));
    ui.passages.append(` (${plural(words, 'word')}; ${[...pairs].join(', ')})`);
  }
}

function renderDivergences(divergences, labelOf) {
  if (!divergences.length) {
    ui.divergences.replaceChildren(el('li', { className: 'empty', text: 'No divergences found.' }));
    return;
  }
  ui.divergences.replaceChildren(
    ...divergences.map((d) => {
      const severity = ['low', 'medium', 'high'].includes(d.severity) ? d.severity : 'low';
      const li = el('li', { className: `divergence sev-${severity}`, dataset: { severity, kind: d.kind, article: d.article } },
        el('span', { className: `severity sev-${severity}`, text: d.severity }), ' ',
        el('span', { className: 'kind', text: d.kind }), ' ',
        el('span', { className: 'article', text: labelOf(d.article) }), ': ',
        el('span', { className: 'explanation', text: d.explanation }),
      );
      if (d.text && !(d.explanation || '').includes(d.text)) {
        li.append(el('blockquote', { className: 'quote', text: d.text }));
      }
      return li;
    }),
  );
}

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
});
ui.analyze.addEventListener('click', runAnalysis);

addBox();
addBox();
setState('loading');
startWorker();
