// Host pages for the widget tests (tests/e2e/widget.spec.mjs), served through
// page.route() on the test server's origin, in a directory (/__host/deep/)
// other than the widget's, so relative loading of the worker and wasm is
// really exercised.

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** Three short articles: a wire story, a near copy with other figures, an independent account. */
export const THREE = [
  {
    label: 'Harbor Wire',
    text: `Ferry runs aground off Kestrel Point

KESTREL POINT (Harbor Wire) — The passenger ferry Morning Gull ran aground on a sandbank off Kestrel Point on Sunday morning with 212 passengers on board, the coast guard said.

No one was hurt. Passengers were taken ashore by lifeboats over four hours, said coast guard spokesperson Lena Marsh.

The ferry operator, Bluewater Lines, said the vessel would be towed to Port Aldous for inspection on Monday.`,
  },
  {
    label: 'Aldous Gazette',
    text: `Ferry aground off Kestrel Point, passengers rescued

KESTREL POINT — The passenger ferry Morning Gull ran aground on a sandbank off Kestrel Point on Sunday morning with 250 passengers on board, the coast guard said.

No one was hurt. Passengers were taken ashore by lifeboats over six hours, said coast guard spokesperson Lena Marsh.

The ferry operator, Bluewater Lines, said the vessel would be towed to Port Aldous for inspection.`,
  },
  {
    label: 'Point Radio',
    text: `Stranded ferry passengers praise lifeboat crews

Passengers who spent the morning stranded on the Morning Gull said volunteer lifeboat crews kept everyone calm. "The children thought it was an adventure," said Ruth Okoye, who was travelling with her two sons. Local fishermen also helped ferry people to the harbour, according to harbour master Dev Patel.`,
  },
];

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The hostile host page: markup widget with child articles, constructor widget from host-app.js. */
export function hostilePage({ widgets = true } = {}) {
  const [a, b, c] = THREE;
  const paras = (t) => t.split('\n\n').map((p, i) => (i === 0 ? `<h1>${esc(p)}</h1>` : `<p>${esc(p)}</p>`)).join('\n      ');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta http-equiv="Content-Security-Policy" content="${CSP}">
  <title>The Daily Hostile</title>
  <link rel="stylesheet" href="hostile.css">
  <script src="hostile-lib.js"></script>
  ${widgets ? `<script type="module" src="/corroborate-widget.js"></script>
  <script type="module" src="/corroborate-widget.js?second-copy"></script>
  <script type="module" src="host-app.js"></script>` : ''}
</head>
<body>
  <header class="masthead"><h1 id="masthead">The Daily Hostile</h1></header>
  <div class="article-body"><p>This div is hidden by the host's own rules.</p></div>
  <p id="before" class="lede">How three outlets covered the grounding of the Morning Gull.</p>
  <corroborate-compare id="from-markup" heading="Three reports of the grounding">
    <article data-label="${esc(a.label)}">
      ${paras(a.text)}
      <script>window.__articleScriptRan = true;</script>
    </article>
    <template data-label="${esc(b.label)}">
      ${paras(b.text)}
      <img src="https://tracker.invalid/pixel.png" alt="">
      <script>window.__templateScriptRan = true;</script>
    </template>
    <article data-label="${esc(c.label)}">
      ${paras(c.text)}
    </article>
  </corroborate-compare>
  <p id="after" class="lede">A host paragraph after the first widget.</p>
  <section id="second-home"><h2 id="second-heading">Built by the host's script</h2></section>
  <button id="host-button" type="button">Host button</button>
  <table id="host-table"><tr><td>host cell</td></tr></table>
</body>
</html>`;
}

export const HOSTILE_CSS = `/* Aggressive global resets, as some CMS themes ship them. */
html { font-size: 10px; line-height: 0.8; }
body { font-family: "Comic Sans MS", cursive; color: rgb(255, 0, 255); letter-spacing: 4px;
  text-transform: uppercase; text-align: center; word-spacing: 12px; background: rgb(255, 255, 200); }
body * { all: unset !important; }
div { display: none !important; }
p { display: block !important; color: rgb(255, 0, 0) !important; font-size: 22px !important; line-height: 0.9 !important; }
h1, h2, h3, h4 { display: block !important; font-size: 40px !important; font-weight: 900 !important; }
section, header { display: block !important; }
button, input, textarea, select { display: none !important; }
table, td, th, tr, tbody { display: inline !important; }
*::before, *::after { content: "✗" !important; color: red !important; }
:root { --fg: rgb(255, 0, 0); --bg: rgb(0, 0, 0); --accent: rgb(0, 255, 0); --line: rgb(255, 0, 0);
  --muted: rgb(0, 255, 255); --panel: rgb(0, 0, 0); }
svg, img { width: 2000px !important; }
/* The documented styling API still works on top of that. */
#from-markup { --cb-accent: rgb(0, 90, 60); }
#from-markup::part(frame) { border-color: rgb(0, 128, 0); border-width: 3px; }
`;

export const HOSTILE_LIB = `// Another library's globals, loaded before the widget (classic script).
window.define = function define() { throw new Error('AMD define must not be called'); };
window.define.amd = { jQuery: true };
window.require = function require() { throw new Error('require must not be called'); };
window.module = { exports: {} };
window.exports = window.module.exports;
window.process = { env: { NODE_ENV: 'development' } };
window.CorroborateCompare = 'taken by the host';
window.Context = null;
window.Analyzer = 42;
window.$ = window.jQuery = function () { throw new Error('jQuery must not be called'); };
Array.prototype.hostileExtra = function () { return 'enumerable on every array'; };
Object.prototype.hostilePollution = 'enumerable on every object';
// A polyfill-style wrapper of customElements.define that records names.
window.__defined = [];
(function () {
  var original = customElements.define;
  customElements.define = function (name, ctor, options) {
    window.__defined.push(name);
    return original.call(this, name, ctor, options);
  };
})();
`;

/** Module script of the host page: the second widget, by constructor and property. */
export function hostApp(articles) {
  return `import { CorroborateCompare } from '/widget/element.js';

// Second and third definitions must be tolerated.
const again = CorroborateCompare.define();
const other = CorroborateCompare.define('news-compare');
window.__definitions = { sameClass: again === customElements.get('corroborate-compare'), otherTag: typeof other === 'function' };

window.__events = [];
for (const type of ['corroborate-ready', 'corroborate-report', 'corroborate-error']) {
  document.addEventListener(type, (e) => {
    window.__events.push({
      type, target: e.target.id || e.target.localName, origin: e.composedPath()[0].id,
      bubbles: e.bubbles, composed: e.composed,
      articles: type === 'corroborate-report' ? e.detail.articles.length : null,
      message: type === 'corroborate-error' ? e.detail.message : null,
    });
  });
}

// A host component with its own shadow root holds the second widget: events
// reach the document only because they are composed.
class HostCard extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
  }
}
customElements.define('host-card', HostCard);
const card = document.createElement('host-card');
card.id = 'card';
const widget = new CorroborateCompare();
widget.id = 'from-constructor';
widget.setAttribute('heading', 'Built with the constructor');
widget.top = 3;
widget.articles = ${JSON.stringify(articles)};
card.shadowRoot.append(widget);
document.getElementById('second-home').append(card);
`;
}

/** The parent page of the iframe embeds. */
export function iframeParent(fragmentSrc) {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta http-equiv="Content-Security-Policy" content="${CSP}">
  <title>Iframe host</title>
  <link rel="stylesheet" href="iframe-parent.css">
  <script src="/embed-resize.js" async></script>
  <script type="module" src="iframe-parent.js"></script>
</head>
<body>
  <h1>Newsroom page with two iframe embeds</h1>
  <iframe id="by-fragment" title="Comparison (articles in the fragment)" src="${esc(fragmentSrc)}" width="100%" height="150"></iframe>
  <p>Between the embeds.</p>
  <iframe id="by-message" title="Comparison (articles by postMessage)" src="/embed.html#id=by-message&amp;top=2" width="100%" height="150"></iframe>
</body>
</html>`;
}

export const IFRAME_PARENT_CSS = `body { margin: 0 auto; max-width: 900px; padding: 1rem; font: 16px/1.4 Georgia, serif; }
iframe { display: block; border: 1px dashed rgb(160, 160, 160); margin: 1rem 0; }
`;

export function iframeParentApp(articles) {
  return `window.__messages = [];
const frame = document.getElementById('by-message');
window.addEventListener('message', (e) => {
  const d = e.data;
  const from = e.source === frame.contentWindow ? 'by-message' : 'other';
  window.__messages.push({ from, origin: e.origin, type: d && d.type, height: d && d.height, id: d && d.id,
    datawrapper: d && d['datawrapper-height'] ? Object.keys(d['datawrapper-height'])[0] : null,
    articles: d && d.type === 'corroborate:report' ? d.report.articles.length : null });
  if (from === 'by-message' && d && d.type === 'corroborate:ready') send();
});
// The embed says it is ready; the load event covers a "ready" sent before this script ran.
let sent = false;
function send() {
  if (sent) return;
  sent = true;
  frame.contentWindow.postMessage({ type: 'corroborate:articles', articles: ${JSON.stringify(articles)} }, location.origin);
}
frame.addEventListener('load', send);
if (frame.contentDocument && frame.contentDocument.readyState === 'complete' && frame.contentWindow.location.pathname.endsWith('/embed.html')) send();
`;
}
