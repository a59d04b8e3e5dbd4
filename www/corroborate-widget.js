// The one-tag embed: registers <corroborate-compare>.
//
//   <script type="module" src="https://your.site/corroborate/corroborate-widget.js"></script>
//   <corroborate-compare>
//     <article data-label="Wire">…</article>
//     <article data-label="Herald">…</article>
//   </corroborate-compare>
//
// The worker and the wasm are found relative to this file, so it works from
// any directory of the page's origin. Loading it twice (even from two URLs)
// keeps the first definition.

import { CorroborateCompare } from './widget/element.js';

CorroborateCompare.define();

export { CorroborateCompare };
