// TypeScript declarations of the Corroborate Report: the contract shared by
// the page, the widget, the CLI and the tests. Field docs live in the Rust
// crate (src/report.rs); keep both in step.

/** Unit of every `start`/`end` in a report. */
export type OffsetUnit = "utf8" | "utf16" | "chars";
export type EntityKind = "person" | "place" | "organization" | "group" | "date" | "number" | "other";
export type Severity = "low" | "medium" | "high";

export interface ArticleInput {
  /** The text as the user pasted it. */
  text: string;
  /** What the user typed as the label (the outlet). */
  label?: string | null;
  /** The file name it came from. */
  name?: string | null;
  /** Problems met reading the file (from readFile), shown with the article. */
  warnings?: string[];
}

/** A dropped file read by `readFile`: the article text and what the file was. */
export interface DecodedFile {
  text: string;
  format: "text" | "html" | "markdown" | "docx";
  /** Problems worth telling the user, each naming the file (e.g. undecodable bytes replaced). */
  warnings: string[];
}

export interface AnalyzeOptions {
  /** Unit of every span; the browser default is "utf16". */
  offsets?: OffsetUnit;
}

export interface Span { start: number; end: number; }

export interface Removed { start: number; end: number; reason: string; text: string; }

export interface ArticleReport {
  /** "A", "B", … in input order. */
  id: string;
  label: string;
  title: string | null;
  title_span: Span | null;
  words: number;
  sentences: number;
  /** Length of the original text in the report's unit. */
  length: number;
  /** "degraded", "lowercase", "no-punctuation", "no-digits", "empty", "duplicate". */
  flags: string[];
  metadata: Record<string, string>;
  removed: Removed[];
  /** Share of words found in no other article, 0..1. */
  originality: number;
  warnings: string[];
}

export interface Mention { article: string; start: number; end: number; text: string; }

export interface Entity {
  name: string;
  kind: EntityKind;
  aliases: string[];
  /** Article id → mentions. */
  counts: Record<string, number>;
  total: number;
  value: number | null;
  qualifier: string | null;
  unit: string | null;
  mentions: Mention[];
}

export interface Pair {
  a: string;
  b: string;
  /** Share of a's words inside passages shared with b, 0..1 (asymmetric). */
  containment: number;
  /** Symmetric same-story score, 0..1. */
  similarity: number;
  shared_words: number;
  explanation: string;
}

export interface Edit {
  kind: "substitute" | "insert" | "delete";
  a_start: number; a_end: number;
  b_start: number; b_end: number;
  a_text: string; b_text: string;
}

export interface Passage {
  a: string; b: string;
  a_start: number; a_end: number;
  b_start: number; b_end: number;
  words: number;
  identity: number;
  edits: Edit[];
}

export interface Divergence {
  /** unique: only this article says it; framing: re-worded so it reads
   * differently; format: the same thing written differently; omission: a
   * clause or sentence dropped from or added to shared text; fact: figures
   * or dates about the same thing; coverage: a name or source only this
   * article has; attribution: the same statement attributed to different
   * sources. */
  kind: "unique" | "framing" | "format" | "omission" | "fact" | "coverage" | "attribution";
  severity: Severity;
  article: string;
  start: number;
  end: number;
  text: string;
  others: string[];
  counterpart: string | null;
  /** For facts: how the two figures relate. */
  relation?: "agrees" | "compatible" | "conflicts";
  explanation: string;
}

export interface Stats { words: number; elapsed_ms: number | null; }

export interface Report {
  version: number;
  offsets: OffsetUnit;
  articles: ArticleReport[];
  entities: Entity[];
  pairs: Pair[];
  passages: Passage[];
  divergences: Divergence[];
  stats: Stats;
}
