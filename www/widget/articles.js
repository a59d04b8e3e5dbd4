// Articles given to a <corroborate-compare>: read from its child <article>
// and <template> elements, or normalised from the `articles` property.
// Only ever reads text (textContent of text nodes): nothing is parsed as
// HTML, rendered or executed, and <script>/<style> content is skipped.

const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE',
  'SECTION', 'SUMMARY', 'TABLE', 'TR', 'UL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'svg', 'SVG', 'MATH', 'math', 'BUTTON', 'SELECT', 'TEXTAREA']);

/** The text of a subtree, with paragraph breaks between block elements. */
export function textOf(root) {
  const out = [];
  const walk = (node) => {
    for (let n = node.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) {
        out.push(n.data.replace(/\s+/g, ' '));
      } else if (n.nodeType === 1) {
        const tag = n.tagName;
        if (SKIP.has(tag) || n.hasAttribute('data-corroborate-skip')) continue;
        if (tag === 'BR') {
          out.push('\n');
          continue;
        }
        const block = BLOCKS.has(tag.toUpperCase());
        if (block) out.push('\n\n');
        walk(n);
        if (block) out.push('\n\n');
      } else if (n.nodeType === 11) {
        walk(n);
      }
    }
  };
  walk(root);
  return out.join('')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function labelOf(node) {
  return (node.getAttribute('data-label') || node.getAttribute('label') || node.getAttribute('title') || '').trim();
}

/**
 * Articles from the element's children, in document order: each child
 * <article>, and each <template> (its <article>s, or its whole content as
 * one article). The label comes from data-label (or title).
 */
export function articlesFromChildren(host) {
  const out = [];
  for (const child of host.children) {
    if (child.localName === 'article') {
      out.push({ label: labelOf(child), text: textOf(child) });
    } else if (child.localName === 'template') {
      const content = child.content;
      const inner = [...content.children].filter((c) => c.localName === 'article');
      if (inner.length) {
        inner.forEach((a, i) => out.push({ label: labelOf(a) || (i === 0 ? labelOf(child) : ''), text: textOf(a) }));
      } else {
        out.push({ label: labelOf(child), text: textOf(content) });
      }
    }
  }
  return out.filter((a) => a.text);
}

/** Normalises what a caller gives: strings or {text, label} objects. */
export function normalizeArticles(value) {
  if (value == null) return [];
  if (!Array.isArray(value)) throw new TypeError('articles must be an array of strings or {text, label} objects');
  return value.map((a, i) => {
    if (typeof a === 'string') return { label: '', text: a };
    if (a && typeof a === 'object' && typeof a.text === 'string') {
      return { label: a.label == null ? '' : String(a.label), text: a.text };
    }
    throw new TypeError(`articles[${i}] must be a string or an object with a text string`);
  });
}

/** A key telling whether two article lists differ. */
export function articlesKey(list) {
  return JSON.stringify(list.map((a) => [a.label, a.text]));
}
