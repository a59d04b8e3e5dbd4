// <corroborate-compare>: the embeddable comparison. This module only holds
// the class; ../corroborate-widget.js registers it (or call
// CorroborateCompare.define(tag, registry) yourself).
//
// Articles: child <article>/<template> elements, the `articles` property,
// or what the reader pastes when the element is `editable`. The analysis
// runs in one module Web Worker shared by every widget of the page (through
// ../ui/analyzer.js, as the page's does). The report is drawn by the page's
// report assembly (../ui/report.js) inside a shadow root.
//
// Attributes: editable, view ("compact" | "full"), theme ("light" | "dark" |
// "auto"), top (divergences in the compact view, default 5),
// heading-level (2–6, default 3), heading (the title line).
// Events (bubbles, composed): corroborate-ready {detail: {version}},
// corroborate-report {detail: Report}, corroborate-error {detail: {message}}.

import { articlesFromChildren, articlesKey, normalizeArticles } from './articles.js';
import { linkedSheets, widgetSheets } from './styles.js';
import { Analyzer } from '../ui/analyzer.js';
import { Context } from '../ui/model.js';
import { el, plural } from '../ui/dom.js';
import { reportSections } from '../ui/report.js';

const ATTRIBUTES = ['editable', 'view', 'theme', 'top', 'heading-level', 'heading'];
const DEFAULT_HEADING = 'How the coverage compares';
const DEFAULT_TOP = 5;

// One analyzer (one worker) for every widget of this module instance,
// started on first use; widgets asking for the same articles at the same
// time share one analysis.
const shared = { analyzer: null, running: new Map() };

function sharedAnalyzer() {
  shared.analyzer ??= new Analyzer();
  return shared.analyzer;
}

function analyzeShared(articles) {
  const key = JSON.stringify(articles);
  let job = shared.running.get(key);
  if (!job) {
    job = sharedAnalyzer().analyze(articles);
    shared.running.set(key, job);
    const forget = () => shared.running.delete(key);
    job.then(forget, forget);
  }
  return job;
}

/** What the widget says when the analyzer fails. */
function failureText(err) {
  const message = err && err.message ? err.message : String(err);
  // a worker that cannot even be created is most often a widget served from another origin
  return err?.kind === 'start' ? `${message}. The widget files must be served from the page's own origin.` : message;
}

export class CorroborateCompare extends HTMLElement {
  static get observedAttributes() {
    return ATTRIBUTES;
  }

  /**
   * Registers the element (default tag `corroborate-compare`). A second call,
   * from this or another copy of the module, keeps the first definition and
   * returns it.
   */
  static define(tag = 'corroborate-compare', registry = globalThis.customElements) {
    const existing = registry.get(tag);
    if (existing) return existing;
    try {
      registry.define(tag, this);
    } catch (err) {
      const raced = registry.get(tag);
      if (raced) return raced;
      // This class already has another tag in this registry: register a subclass.
      if (err && err.name === 'NotSupportedError') registry.define(tag, class extends this {});
      else throw err;
    }
    return registry.get(tag);
  }

  #shadow;
  #frame;
  #titleNode;
  #status;
  #editor;
  #alert;
  #reportRoot;
  #internals = null;
  #given = null; // from the `articles` property
  #pasted = null; // from the editor
  #current = []; // the articles of the last analysis request
  #report = null;
  #texts = [];
  #key = null;
  #generation = 0;
  #dirty = new Set();
  #scheduled = false;
  #observer = null;
  #connectedAt = null;
  #timings = {};
  #readyFired = false;
  #afterRender = null;

  constructor() {
    super();
    try {
      this.#internals = this.attachInternals?.() ?? null;
    } catch {
      this.#internals = null;
    }
    this.#shadow = this.attachShadow({ mode: 'open' });
    // The frame stays hidden until its styles apply (no unstyled flash).
    widgetSheets().then((sheets) => {
      if (sheets) {
        this.#shadow.adoptedStyleSheets = sheets;
        this.#frame.hidden = false;
        return;
      }
      const links = linkedSheets();
      let waiting = links.length;
      const shown = () => {
        if (--waiting === 0) this.#frame.hidden = false;
      };
      for (const link of links) {
        link.addEventListener('load', shown, { once: true });
        link.addEventListener('error', shown, { once: true });
      }
      this.#shadow.prepend(...links);
    });
    this.#titleNode = el('p', { className: 'cb-w-title', part: 'title' });
    this.#status = el('span', { className: 'cb-w-status', part: 'status', role: 'status', 'aria-live': 'polite' });
    this.#editor = el('div', { className: 'cb-w-editor', part: 'editor', hidden: true });
    this.#alert = el('p', { className: 'cb-w-error', part: 'error', role: 'alert', hidden: true });
    this.#reportRoot = el('div', { className: 'cb-w-report', part: 'report' });
    this.#frame = el('div', { className: 'cb-w', part: 'frame', role: 'region', hidden: true, dataset: { state: 'idle' } },
      el('div', { className: 'cb-w-head', part: 'header' }, this.#titleNode, this.#status),
      this.#editor, this.#alert, this.#reportRoot,
      el('p', { className: 'cb-w-foot', part: 'footer' }, 'Compared in your browser by Corroborate: nothing is uploaded.'));
    this.#shadow.append(this.#frame);
    this.#renderTitle();
  }

  // ---------------------------------------------------------------- lifecycle

  connectedCallback() {
    this.#connectedAt ??= performance.now();
    // A property set before the element was defined shadows the accessor.
    if (Object.prototype.hasOwnProperty.call(this, 'articles')) {
      const value = this.articles;
      delete this.articles;
      this.articles = value;
    }
    if (!this.#observer) {
      this.#observer = new MutationObserver(() => {
        if (!this.#given && !this.#pasted) this.#queue('articles');
      });
    }
    this.#observer.observe(this, {
      childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['data-label', 'title', 'label'],
    });
    this.#queue('articles', 'editor');
    const analyzer = sharedAnalyzer();
    if (!this.#report) this.#setState('loading', 'Loading the analyzer…');
    analyzer.whenReady().then((version) => {
      if (this.#readyFired) return;
      this.#readyFired = true;
      this.#timings.connectedToReady = performance.now() - this.#connectedAt;
      this.#emit('corroborate-ready', { version });
    }, (err) => this.#showError(failureText(err)));
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    if (name === 'editable') this.#queue('editor');
    else if (name === 'heading') this.#renderTitle();
    else if (name === 'view' || name === 'top' || name === 'heading-level') this.#queue('view');
    // theme: styles only (:host([theme=…])).
  }

  // ---------------------------------------------------------------- API

  /** The articles compared: [{text, label}]. Set strings or {text, label}; null goes back to the child elements. */
  get articles() {
    return this.#source().map((a) => ({ ...a }));
  }

  set articles(value) {
    this.#given = value == null ? null : normalizeArticles(value);
    this.#pasted = null;
    this.#queue('articles', 'editor');
  }

  /** The last Report (types/report.d.ts), or null. */
  get report() {
    return this.#report;
  }

  /** Milliseconds from connection to ready and to the first report, and the last analysis. */
  get timings() {
    return { ...this.#timings };
  }

  get editable() {
    return this.hasAttribute('editable');
  }

  set editable(on) {
    this.toggleAttribute('editable', Boolean(on));
  }

  get view() {
    return this.getAttribute('view') === 'full' ? 'full' : 'compact';
  }

  set view(v) {
    this.setAttribute('view', v === 'full' ? 'full' : 'compact');
  }

  get theme() {
    const t = this.getAttribute('theme');
    return t === 'dark' || t === 'auto' ? t : 'light';
  }

  set theme(t) {
    this.setAttribute('theme', String(t));
  }

  get top() {
    const n = Number.parseInt(this.getAttribute('top') ?? '', 10);
    return Number.isFinite(n) && n >= 0 ? Math.min(n, 50) : DEFAULT_TOP;
  }

  set top(n) {
    this.setAttribute('top', String(n));
  }

  get headingLevel() {
    const n = Number.parseInt(this.getAttribute('heading-level') ?? '', 10);
    return Number.isFinite(n) ? Math.min(6, Math.max(2, n)) : 3;
  }

  set headingLevel(n) {
    this.setAttribute('heading-level', String(n));
  }

  /** Analyzes again even if the articles did not change; resolves with the Report. */
  refresh() {
    this.#key = null;
    this.#queue('articles');
    return new Promise((resolve, reject) => {
      const done = (e) => {
        this.removeEventListener('corroborate-report', done);
        this.removeEventListener('corroborate-error', done);
        if (e.type === 'corroborate-report') resolve(e.detail);
        else reject(new Error(e.detail?.message));
      };
      this.addEventListener('corroborate-report', done);
      this.addEventListener('corroborate-error', done);
    });
  }

  // ---------------------------------------------------------------- updates

  /** Batches changes: one update per microtask, whatever changed how often. */
  #queue(...what) {
    for (const w of what) this.#dirty.add(w);
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      const dirty = this.#dirty;
      this.#dirty = new Set();
      if (!this.isConnected) {
        for (const w of dirty) this.#dirty.add(w);
        return;
      }
      if (dirty.has('editor')) this.#renderEditor();
      if (dirty.has('articles')) this.#analyze();
      if (dirty.has('view') && !dirty.has('articles') && this.#report) this.#renderReport();
    });
  }

  #source() {
    return this.#pasted || this.#given || articlesFromChildren(this);
  }

  async #analyze() {
    const list = this.#source().filter((a) => a.text.trim());
    const key = articlesKey(list);
    if (key === this.#key) return;
    this.#key = key;
    const generation = ++this.#generation;
    this.#current = list;
    if (!list.length) {
      this.#report = null;
      this.#reportRoot.replaceChildren(el('p', { className: 'cb-empty' },
        this.editable ? 'Paste two or more versions of a story above, then select Compare.' : 'No articles to compare.'));
      this.#setState('empty', '');
      return;
    }
    this.#setState('analyzing', `Comparing ${plural(list.length, 'article')}…`);
    const t0 = performance.now();
    try {
      const { report, ms } = await analyzeShared(list.map((a) => ({ text: a.text, label: a.label || undefined })));
      if (generation !== this.#generation) return;
      this.#report = report;
      this.#texts = list.map((a) => a.text);
      this.#alert.hidden = true;
      const received = performance.now();
      this.#renderReport();
      const now = performance.now();
      this.#timings.lastAnalysis = ms;
      this.#timings.lastRequest = received - t0;
      this.#timings.lastRender = now - received;
      this.#timings.connectedToFirstReport ??= now - this.#connectedAt;
      const n = report.divergences?.length ?? 0;
      this.#setState('done', `${plural(report.articles.length, 'article')} compared · ${plural(n, 'divergence')}`);
      this.#emit('corroborate-report', report);
    } catch (err) {
      if (generation !== this.#generation) return;
      this.#key = null;
      this.#showError(failureText(err));
    }
  }

  #renderTitle() {
    const title = this.getAttribute('heading') || DEFAULT_HEADING;
    this.#titleNode.textContent = title;
    this.#frame.setAttribute('aria-label', title);
  }

  #renderReport() {
    const report = this.#report;
    if (!report) return;
    const after = this.#afterRender;
    this.#afterRender = null;
    const ctx = new Context(report, this.#texts);
    const view = this.view;
    this.#reportRoot.dataset.view = view;
    if (view === 'full') {
      const { sections, views } = reportSections(ctx, { headingLevel: this.headingLevel });
      const less = el('button', { type: 'button', className: 'cb-w-toggle', part: 'collapse' }, 'Show the summary only');
      less.addEventListener('click', () => {
        this.view = 'compact';
      });
      this.#reportRoot.replaceChildren(less, el('div', { className: 'cb-w-full' }, ...sections));
      after?.(views);
      return;
    }
    // the summary, the heatmap and the top divergences; the rest opens the full view
    const { sections } = reportSections(ctx, {
      view: 'compact',
      headingLevel: this.headingLevel,
      top: this.top,
      onSelectPair: (a, b) => this.#expand((full) => full.reading.show({ mode: 'pair', a, b })),
      onJump: (index) => this.#expand((full) => full.reading.jumpTo(index)),
    });
    const more = el('button', { type: 'button', className: 'cb-w-toggle', part: 'expand' }, 'Show the full comparison');
    more.addEventListener('click', () => this.#expand());
    this.#reportRoot.replaceChildren(...sections, more);
  }

  /** Switches to the full view, then runs `then(views)` on its views ({reading}). */
  #expand(then) {
    this.#afterRender = (full) => {
      then?.(full);
      full.reading.root.closest('section')?.scrollIntoView?.({ block: 'nearest' });
    };
    if (this.view === 'full') this.#renderReport();
    else this.view = 'full';
  }

  #renderEditor() {
    const on = this.editable;
    this.#editor.hidden = !on;
    if (!on) {
      this.#editor.replaceChildren();
      return;
    }
    const start = this.#source();
    const list = el('ol', { className: 'cb-w-inputs' });
    const row = (a) => {
      const li = el('li', { className: 'cb-w-input' });
      const label = el('input', { type: 'text', className: 'cb-w-label', part: 'label-input', placeholder: 'Source (e.g. outlet name)', autocomplete: 'off' });
      const text = el('textarea', { className: 'cb-w-text', part: 'article-input', rows: 5, spellcheck: 'false', placeholder: 'Paste the article text here' });
      label.value = a.label || '';
      text.value = a.text || '';
      const remove = el('button', { type: 'button', className: 'cb-small', part: 'remove' }, 'Remove');
      remove.addEventListener('click', () => {
        li.remove();
        renumber();
      });
      li.append(el('div', { className: 'cb-w-input-head' }, el('span', { className: 'cb-id' }), label, remove), text);
      return li;
    };
    const renumber = () => {
      [...list.children].forEach((li, i) => {
        const n = i + 1;
        li.querySelector('.cb-id').textContent = String.fromCharCode(64 + Math.min(26, n));
        li.querySelector('input').setAttribute('aria-label', `Article ${n} source`);
        li.querySelector('textarea').setAttribute('aria-label', `Article ${n} text`);
      });
    };
    const rows = start.length ? start : [{ label: '', text: '' }, { label: '', text: '' }];
    for (const a of rows) list.append(row(a));
    renumber();
    const add = el('button', { type: 'button', part: 'add' }, 'Add article');
    add.addEventListener('click', () => {
      list.append(row({}));
      renumber();
      list.lastElementChild.querySelector('textarea').focus();
    });
    const go = el('button', { type: 'button', className: 'cb-w-primary', part: 'analyze' }, 'Compare');
    go.addEventListener('click', () => {
      this.#pasted = [...list.children].map((li) => ({
        label: li.querySelector('input').value.trim(),
        text: li.querySelector('textarea').value,
      }));
      this.#queue('articles');
    });
    this.#editor.replaceChildren(list, el('div', { className: 'cb-w-actions' }, add, go));
  }

  // ---------------------------------------------------------------- state

  #setState(state, message) {
    this.#frame.dataset.state = state;
    this.#status.textContent = message;
    const states = this.#internals?.states;
    if (states) {
      try {
        for (const s of ['loading', 'analyzing', 'done', 'error', 'empty']) states.delete(s);
        states.add(state);
      } catch {
        /* older engines only accept --dashed states */
      }
    }
  }

  #showError(message) {
    // one failure (the analyzer did not load) reaches here twice: say it once
    if (this.#frame.dataset.state === 'error' && this.#alert.dataset.message === message) return;
    this.#alert.dataset.message = message;
    this.#alert.textContent = `Could not compare the articles: ${message}`;
    this.#alert.hidden = false;
    this.#setState('error', '');
    this.#emit('corroborate-error', { message });
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}
