// TypeScript declarations of the embeddable <corroborate-compare> element
// (www/widget/element.js, registered by www/corroborate-widget.js). The
// Report it emits is declared in ./report.d.ts.

import type { Report } from "./report.js";

export type {
  Report, ArticleReport, Entity, EntityKind, Mention, Pair, Passage, Edit, Divergence, Severity, Span, OffsetUnit,
} from "./report.js";

/** One article to compare. A plain string is an article without a label. */
export interface CompareArticle {
  text: string;
  /** The outlet or source, shown in the report ("Harbor Wire"). */
  label?: string | null;
}

/** Milliseconds, measured with performance.now() from the element's first connection. */
export interface CompareTimings {
  connectedToReady?: number;
  connectedToFirstReport?: number;
  /** Analysis time inside the worker, last request. */
  lastAnalysis?: number;
  /** Request → result on the main thread, last request. */
  lastRequest?: number;
  /** Rendering of the last report. */
  lastRender?: number;
}

export interface CorroborateReadyDetail { version: string | null; }
export interface CorroborateErrorDetail { message: string; }

/**
 * `<corroborate-compare>`: compares versions of a news story in the reader's
 * browser (nothing is uploaded).
 *
 * Attributes: `editable`, `view` ("compact" | "full"), `theme`
 * ("light" | "dark" | "auto"), `top`, `heading-level`, `heading`.
 * Events (bubbling, composed): `corroborate-ready`, `corroborate-report`,
 * `corroborate-error`.
 * Parts: frame, header, title, status, editor, label-input, article-input,
 * remove, add, analyze, error, report, summary, heatmap, divergences,
 * divergence, jump, expand, collapse, reading, entities, footer.
 */
export declare class CorroborateCompare extends HTMLElement {
  static readonly observedAttributes: string[];
  /**
   * Registers the element (default tag "corroborate-compare", default
   * registry `customElements`). Returns the class registered under the tag;
   * a second call keeps the first definition.
   */
  static define(tag?: string, registry?: CustomElementRegistry): CustomElementConstructor;

  /** The articles compared. Setting it overrides the child elements; `null` goes back to them. */
  get articles(): CompareArticle[];
  set articles(value: ReadonlyArray<string | CompareArticle> | null);
  /** The last report, or null before the first one. */
  readonly report: Report | null;
  readonly timings: CompareTimings;
  /** Reflects the `editable` attribute: the reader can paste articles. */
  editable: boolean;
  /** Reflects `view`: "compact" (summary, heatmap, top divergences) or "full". */
  view: "compact" | "full";
  /** Reflects `theme`; default "light". */
  theme: "light" | "dark" | "auto";
  /** Reflects `top`: divergences listed in the compact view (default 5, 0 hides them). */
  top: number;
  /** Reflects `heading-level`: the level of the section headings, 2–6 (default 3). */
  headingLevel: number;
  /** Analyzes again; resolves with the new report. */
  refresh(): Promise<Report>;

  addEventListener<K extends keyof CorroborateCompareEventMap>(
    type: K, listener: (this: CorroborateCompare, ev: CorroborateCompareEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof CorroborateCompareEventMap>(
    type: K, listener: (this: CorroborateCompare, ev: CorroborateCompareEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

export interface CorroborateCompareEventMap extends HTMLElementEventMap {
  "corroborate-ready": CustomEvent<CorroborateReadyDetail>;
  "corroborate-report": CustomEvent<Report>;
  "corroborate-error": CustomEvent<CorroborateErrorDetail>;
}

declare global {
  interface HTMLElementTagNameMap {
    "corroborate-compare": CorroborateCompare;
  }
  interface DocumentEventMap {
    "corroborate-ready": CustomEvent<CorroborateReadyDetail>;
    "corroborate-report": CustomEvent<Report>;
    "corroborate-error": CustomEvent<CorroborateErrorDetail>;
  }
}
