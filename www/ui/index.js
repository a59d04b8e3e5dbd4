// The report views in one call, for any root (a page section or a shadow
// root): the <corroborate-compare> widget draws with the same assembly
// (report.js).
//
//   import { mountReport } from './ui/index.js';
//   const view = mountReport(shadowRoot.querySelector('.report'), report, texts, { compact: true });
//
// `texts`: the article texts the report was computed from, in input order
// (spans index into them; the report must use {offsets: 'utf16'}).
// Load ui/ui.css into the same root (a <link rel="stylesheet"> in a shadow
// root works under a strict CSP). Returns {ctx, reading, destroy()}.

export { Context } from './model.js';
export { renderSummary, summaryText } from './summary.js';
export { heatmapJob, renderArticles, renderHeatmap, renderSimilarity } from './heatmap.js';
export { ReadingView } from './sidebyside.js';
export { renderEntities } from './entities.js';
export { divergenceItem, renderDivergences, renderTopDivergences } from './divergences.js';
export { entitiesCsv, reportJson, standaloneHtml } from './export.js';
export { mountReport, reportSections, reportSteps } from './report.js';
