// The iframe embed (../embed.html): one <corroborate-compare>, fed from the
// URL fragment or by postMessage from the parent, telling the parent its
// height so the iframe can be sized to fit (no inner scrollbar).
//
// Fragment:  embed.html#articles=<encodeURIComponent(JSON.stringify([{label, text}, …]))>
//            &id=<name for height messages>&view=full&theme=dark&top=3&editable&heading=…
// Parent → iframe:  {type: 'corroborate:articles', articles: [{label, text}], options?: {view, theme, top, heading, editable}}
//                   {type: 'corroborate:options', options}   {type: 'corroborate:get-height'}
// Iframe → parent:  {type: 'corroborate:ready', id}        (listening; send articles now)
//                   {type: 'corroborate:height', id, height}
//                   {'datawrapper-height': {[id]: height}} (the Datawrapper convention, same figure)
//                   {type: 'corroborate:report', id, report} (only to the origin that sent the articles)
//                   {type: 'corroborate:error', id, message}

import { CorroborateCompare } from './element.js';

CorroborateCompare.define();

const widget = document.getElementById('compare');
const errorBox = document.getElementById('embed-error');
const embedded = window.parent !== window;
let id = 'corroborate';
let replyTo = null;

function toParent(message, origin = '*') {
  if (embedded) window.parent.postMessage(message, origin);
}

function showError(message) {
  errorBox.textContent = message;
  errorBox.hidden = !message;
}

function applyOptions(o) {
  if (!o || typeof o !== 'object') return;
  for (const name of ['view', 'theme', 'top', 'heading']) {
    if (o[name] != null) widget.setAttribute(name, String(o[name]));
  }
  if (o.editable != null) widget.editable = o.editable !== false && o.editable !== 'false';
}

function setArticles(value) {
  try {
    widget.articles = value;
    showError('');
  } catch (err) {
    showError(`Could not read the articles: ${err.message}`);
  }
}

function readFragment() {
  const params = new URLSearchParams(window.location.hash.slice(1));
  if (params.get('id')) id = params.get('id').slice(0, 200);
  const options = {};
  for (const name of ['view', 'theme', 'top', 'heading', 'editable']) {
    if (params.has(name)) options[name] = params.get(name) || true;
  }
  applyOptions(options);
  const raw = params.get('articles');
  if (raw == null) return;
  let parsed;
  try {
    parsed = JSON.parse(raw);
  } catch {
    showError('Could not read the articles in the address: they must be a URL-encoded JSON array.');
    return;
  }
  replyTo = null;
  setArticles(parsed);
}

window.addEventListener('message', (event) => {
  if (!embedded || event.source !== window.parent) return;
  const msg = event.data;
  if (!msg || typeof msg !== 'object') return;
  if (msg.type === 'corroborate:articles') {
    applyOptions(msg.options);
    replyTo = event.origin && event.origin !== 'null' ? event.origin : null;
    setArticles(msg.articles);
  } else if (msg.type === 'corroborate:options') {
    applyOptions(msg.options);
  } else if (msg.type === 'corroborate:get-height') {
    lastHeight = -1;
    postHeight();
  }
});
window.addEventListener('hashchange', readFragment);

widget.addEventListener('corroborate-report', (event) => {
  if (replyTo) toParent({ type: 'corroborate:report', id, report: event.detail }, replyTo);
});
widget.addEventListener('corroborate-error', (event) => {
  toParent({ type: 'corroborate:error', id, message: event.detail?.message ?? '' });
});

// Height: whenever the content's height changes.
let lastHeight = -1;
function postHeight() {
  const height = Math.ceil(document.body.getBoundingClientRect().height);
  if (height === lastHeight) return;
  lastHeight = height;
  toParent({ type: 'corroborate:height', id, height });
  toParent({ 'datawrapper-height': { [id]: height } });
}
new ResizeObserver(postHeight).observe(document.body);

readFragment();
toParent({ type: 'corroborate:ready', id });
postHeight();
