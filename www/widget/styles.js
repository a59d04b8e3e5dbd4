// The widget's stylesheets (../ui/ui.css and ./widget.css), fetched once per
// page and shared by every widget as constructed stylesheets
// (adoptedStyleSheets: allowed by a strict CSP, parsed once).
//
// Two rewrites make the page's CSS fit an embed:
// - `rem` would follow the host's root font size (62.5% themes make it
//   10px): every `N rem` becomes `calc(N * var(--cb-font-size, 16px))`.
// - width media queries describe the host's window, not the column the
//   widget sits in: `@media (max-width: …)` becomes a container query on the
//   widget's frame (container `cb-widget`), its rem lengths taken at 16px.
// Without fetch or constructed stylesheets the files are linked as they are.

const FILES = [new URL('../ui/ui.css', import.meta.url).href, new URL('./widget.css', import.meta.url).href];

let shared = null;

export function rewriteCss(css) {
  return css.replace(/@media([^{]*)\{|(-?(?:\d+\.?\d*|\.\d+))rem\b/g, (match, prelude, n) => {
    if (prelude != null) {
      if (!/\b(?:max|min)-width\b/.test(prelude) || /prefers-|print|screen/.test(prelude)) return match;
      const px = prelude.replace(/(\d+\.?\d*|\.\d+)rem\b/g, (_, x) => `${Number(x) * 16}px`);
      return `@container cb-widget${px}{`;
    }
    return `calc(${n} * var(--cb-font-size, 16px))`;
  });
}

/** Resolves with the shared CSSStyleSheets, or null when they cannot be built here. */
export function widgetSheets() {
  if (!shared) {
    shared = (async () => {
      if (typeof CSSStyleSheet !== 'function' || !('adoptedStyleSheets' in Document.prototype) || typeof fetch !== 'function') return null;
      const texts = await Promise.all(FILES.map(async (url) => {
        const res = await fetch(url, { credentials: 'same-origin' });
        if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
        return res.text();
      }));
      return Promise.all(texts.map((text) => new CSSStyleSheet().replace(rewriteCss(text))));
    })().catch(() => null);
  }
  return shared;
}

/** <link> elements for the same files: the fallback. */
export function linkedSheets() {
  return FILES.map((href) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    return link;
  });
}
