// The page's state: one object, `page`, that the page's modules (page/*.js)
// read and change, beside the page's fixed elements (`ui`). Nothing else in
// page/ keeps anything between calls; the phase the page is in lives in the
// DOM (status.js), where the tests and the CSS read it.

const $ = (id) => document.getElementById(id);

/** The page's fixed elements (index.html). */
export const ui = {
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
  confirmTitle: $('confirm-title'),
  confirmText: $('confirm-text'),
  confirmOk: $('confirm-ok'),
  confirmCancel: $('confirm-cancel'),
  exportJson: $('export-json'),
  exportCsv: $('export-csv'),
  exportHtml: $('export-html'),
};

/** The settings kept with the articles (session.js). */
export function defaultSettings(auto = true) {
  return { auto, analyzed: false, reading: null, entities: null, divergences: null };
}

export const page = {
  /** The analysis worker's client (ui/analyzer.js), made by app.js. */
  analyzer: null,
  /** {auto, analyzed, reading, entities, divergences}: "Update after edits", whether the articles were analyzed (a reload analyzes them again), the views' states. */
  settings: defaultSettings(),
  /** The saved session has been read back (or there was none): the page may become ready. */
  restored: false,
  /** The status line once ready after a restore ("Restored 3 articles from this browser"). */
  restoredNote: '',
  /** The analysis in flight: {articles, auto, started, sent, step, fraction, words}, or null. */
  run: null,
  /** The inputs changed while it ran: analyze again when it ends. */
  rerun: false,
  /** The report on screen: {report, ctx, inputs}, or null. */
  shown: null,
  /** Bumped by every setBoxes (restore, Clear all, the example): an older one stops filling boxes. */
  filling: 0,
  /** Bumped by every drawing of a report and by Clear all: an older drawing stops at its next step. */
  drawing: 0,
  /** Bumped by every change: a save that ends after a newer change does not mark the page saved. */
  saveGeneration: 0,
  /** Files dragged over the page: dragenter events minus dragleave events. */
  dragDepth: 0,
  /** The boxes are renumbered once after a batch of added boxes, not once per box. */
  renumberQueued: false,
  /** Pending timeouts and intervals: the re-analysis after an edit, the save after an edit, the progress clock. */
  timers: { auto: 0, save: 0, progress: 0, prepare: 0 },
};
