// TypeScript declarations of the Corroborate Report: the contract shared by
// the page, the widget, the CLI and the tests. GENERATED from the Rust types
// (src/report/, src/article.rs, src/input/mod.rs) by
// `UPDATE_TYPES=1 cargo test --lib typescript`; do not edit by hand (a test
// fails when this file and the types disagree).

/**
 * The unit every span of a report is counted in.
 *
 * JavaScript strings index UTF-16 code units, Rust strings UTF-8 bytes and
 * Python strings code points; the caller picks one and every `start`/`end`
 * in the report uses it.
 */
export type OffsetUnit = "utf8" | "utf16" | "chars";

/**
 * What an entity is.
 */
export type EntityKind = "person" | "place" | "organization" | "group" | "date" | "number" | "other";

/**
 * How much a divergence matters to a reader.
 */
export type Severity = "low" | "medium" | "high";

/**
 * Something noticed about an article's text as a whole.
 */
export type ArticleFlag = "degraded" | "lowercase" | "no-punctuation" | "no-digits" | "empty" | "duplicate";

/**
 * The kinds of [`Divergence`]. Declared in the order of their names, which
 * is how findings of equal severity and span are ordered.
 */
export type DivergenceKind = "attribution" | "coverage" | "fact" | "format" | "framing" | "omission" | "unique";

/**
 * How the figures of a `fact` finding relate.
 */
export type Relation = "agrees" | "compatible" | "conflicts";

/**
 * What kind of difference an [`Edit`] is.
 */
export type EditKind = "substitute" | "insert" | "delete";

/**
 * What a page says about its article.
 */
export type ArticleMeta = {
  /**
   * The headline: JSON-LD `headline`, `og:title`, the `<title>` without
   * the site's name, or the only `<h1>`.
   */
  headline?: string;
  /**
   * The publisher or site: JSON-LD `publisher`, `og:site_name`.
   */
  publisher?: string;
  /**
   * The author(s), comma-separated.
   */
  author?: string;
  /**
   * When it was published, as the page wrote it (usually ISO 8601).
   */
  published?: string;
  /**
   * The canonical address of the article.
   */
  url?: string;
  /**
   * The language (`<html lang>`, `og:locale`, JSON-LD `inLanguage`).
   */
  language?: string;
};

/**
 * The language of one article, as the report gives it.
 */
export type Language = {
  /**
   * ISO 639-1 code where the language has one (`"de"`), else ISO 639-3
   * (`"fil"`); `"und"` when the text tells nothing (no letters).
   */
  code: string;
  /**
   * The language's English name (`"German"`), or `"Unknown"`.
   */
  name: string;
  /**
   * How sure the identification is, in `[0, 1]` (1 when the user set it).
   */
  confidence: number;
  /**
   * True when the user chose the language (the article input's
   * `language`) rather than the identification.
   */
  user_set: boolean;
};

/**
 * One piece of the page's text, in page order: part of the article or set
 * aside.
 */
export type Block = {
  /**
   * The text, paragraphs separated by a blank line.
   */
  text: string;
  /**
   * True when the block is part of the article's text.
   */
  kept: boolean;
  /**
   * Why a block was set aside (`"outside the article"`, `"comments"`;
   * `"navigation"`, `"hidden"`, …); `None` for kept blocks.
   */
  reason?: string;
};

/**
 * How a shared passage was reused.
 */
export type PassageKind = "verbatim" | "paraphrase" | "summary";

/**
 * One article to analyze.
 */
export type ArticleInput = {
  /**
   * The text as the user pasted it.
   */
  text: string;
  /**
   * The label the user typed (the outlet), if any.
   */
  label?: string | null;
  /**
   * The file name it came from, if any.
   */
  name?: string | null;
  /**
   * Problems met while reading the input (e.g. invalid UTF-8 replaced);
   * carried into the report's article warnings.
   */
  warnings?: Array<string>;
  /**
   * What a web page's markup said about the article
   * ([`crate::input::Decoded::meta`]): its headline is the article's title
   * (not looked for in the text), its publisher the label when the user
   * typed none, its date orders the articles.
   */
  meta?: ArticleMeta | null;
  /**
   * The language the user chose for the article (`"de"`, ISO 639-1 or
   * 639-3; `"auto"` or none: identified from the text).
   */
  language?: string | null;
};

/**
 * What a file turned out to be.
 */
export type Format = "text" | "html" | "markdown" | "docx";

/**
 * A file's article text, what the file was, and what the reader had to
 * repair on the way.
 */
export type DecodedFile = {
  /**
   * The text to analyze.
   */
  text: string;
  /**
   * What the file turned out to be.
   */
  format: Format;
  /**
   * Problems worth telling the user, each naming the file (for example
   * undecodable bytes that were replaced).
   */
  warnings: Array<string>;
  /**
   * For a web page: what its markup says about the article (headline;
   * publisher, author, date, address, language).
   */
  meta?: ArticleMeta;
  /**
   * For a web page: every block of its text in page order, the article's
   * kept and the rest set aside with the reason, so that a reader can
   * restore any of them ([`extract_article`]).
   */
  blocks?: Array<Block>;
};

/**
 * Options of one analysis.
 */
export type AnalyzeOptions = {
  /**
   * The unit of every span in the report (the browser's default is
   * `"utf16"`).
   */
  offsets?: OffsetUnit;
};

/**
 * A half-open range into an article's original text.
 */
export type Span = {
  /**
   * First unit of the range.
   */
  start: number;
  /**
   * One past the last unit of the range.
   */
  end: number;
};

/**
 * A piece of the original text that the cleaner left out of the body.
 */
export type Removed = {
  /**
   * Start of the removed text in the original.
   */
  start: number;
  /**
   * End of the removed text in the original.
   */
  end: number;
  /**
   * Why it was removed: `"header"`, `"dateline"`, `"chrome"`;
   * `"repeated"`, `"title"`.
   */
  reason: string;
  /**
   * The removed text itself.
   */
  text: string;
};

/**
 * One input article as the analysis saw it.
 */
export type ArticleReport = {
  /**
   * Short stable identifier used everywhere else in the report: `"A"`;
   * `"B"`, … `"Z"`, `"AA"`, … in input order.
   */
  id: string;
  /**
   * What the user typed as the label, else a guess (the outlet named in a
   * dateline, the file name), else `"Article N"`.
   */
  label: string;
  /**
   * The headline: from the page's markup when the article came from a
   * web page (then it is not part of the text, and `title_span` is
   * null), else the first line when it reads like one.
   */
  title: string | null;
  /**
   * Span of the title in the original text (null when the title came
   * from a page's markup).
   */
  title_span: Span | null;
  /**
   * Number of words in the cleaned text (numbers count as words).
   */
  words: number;
  /**
   * Number of sentences in the cleaned text.
   */
  sentences: number;
  /**
   * Length of the original text in the report's offset unit.
   */
  length: number;
  /**
   * What the analysis noticed about the text.
   */
  flags: Array<ArticleFlag>;
  /**
   * Metadata found while cleaning, e.g. `date`, `source`, `place`.
   */
  metadata: { [key in string]: string };
  /**
   * What the web page the article came from said about it (headline;
   * publisher, author, published date, address, language); null for
   * pasted text.
   */
  meta: ArticleMeta | null;
  /**
   * Lines the cleaner removed from the article body (header lines;
   * datelines, page chrome), with why.
   */
  removed: Array<Removed>;
  /**
   * Share of this article's words found in no other article, in `[0, 1]`.
   */
  originality: number;
  /**
   * Problems noticed while reading the input (e.g. invalid UTF-8 replaced).
   */
  warnings: Array<string>;
  /**
   * The language the article is written in: identified from its text;
   * or as the user chose it.
   */
  language: Language;
};

/**
 * One place where an entity is mentioned.
 */
export type Mention = {
  /**
   * Article id.
   */
  article: string;
  /**
   * Start in the article's original text.
   */
  start: number;
  /**
   * End in the article's original text.
   */
  end: number;
  /**
   * The original text of the mention.
   */
  text: string;
};

/**
 * One canonical entity and everything said about it.
 */
export type Entity = {
  /**
   * Canonical name ("United States", "Bashar al-Assad").
   */
  name: string;
  /**
   * What kind of thing it is.
   */
  kind: EntityKind;
  /**
   * Distinct surface forms seen, most frequent first.
   */
  aliases: Array<string>;
  /**
   * Mentions per article id (articles without a mention are absent).
   */
  counts: { [key in string]: number };
  /**
   * Mentions across all articles.
   */
  total: number;
  /**
   * For numbers: the parsed value ("more than 80 people" → 80).
   */
  value: number | null;
  /**
   * For numbers: the qualifier ("more than", "at least", "about").
   */
  qualifier: string | null;
  /**
   * For numbers: what is counted ("people", "civilians").
   */
  unit: string | null;
  /**
   * Every mention, in article order then text order.
   */
  mentions: Array<Mention>;
};

/**
 * Scores for one ordered pair of articles.
 */
export type Pair = {
  /**
   * The article whose words are counted.
   */
  a: string;
  /**
   * The article they are looked for in.
   */
  b: string;
  /**
   * Share of `a`'s words that lie inside passages shared with `b`, in
   * `[0, 1]`. Asymmetric: a short copy of a long article has a high
   * containment in it, the long one a low containment in the copy.
   */
  containment: number;
  /**
   * Symmetric same-story score in `[0, 1]`, combining shared text with
   * shared entities, numbers and dates.
   */
  similarity: number;
  /**
   * Words of `a` inside shared passages.
   */
  shared_words: number;
  /**
   * False when the pair shares text but its passages are left out of
   * `passages`: in a large set whose articles all share text, the report
   * lists the passages of the pairs that share the most (each article's
   * closest partner always) up to a size proportional to the input.
   * Containment and shared words still count every passage; compare the
   * two articles alone to see theirs.
   */
  passages_listed: boolean;
  /**
   * One sentence a reader understands.
   */
  explanation: string;
};

/**
 * A difference inside an aligned passage.
 */
export type Edit = {
  /**
   * Substitution, insertion or deletion.
   */
  kind: EditKind;
  /**
   * Start in `a` (an empty range for an insertion).
   */
  a_start: number;
  /**
   * End in `a`.
   */
  a_end: number;
  /**
   * Start in `b` (an empty range for a deletion).
   */
  b_start: number;
  /**
   * End in `b`.
   */
  b_end: number;
  /**
   * `a`'s words.
   */
  a_text: string;
  /**
   * `b`'s words.
   */
  b_text: string;
};

/**
 * A passage of text shared by two articles.
 */
export type Passage = {
  /**
   * First article id.
   */
  a: string;
  /**
   * Second article id.
   */
  b: string;
  /**
   * Start of the passage in `a`'s original text.
   */
  a_start: number;
  /**
   * End of the passage in `a`'s original text.
   */
  a_end: number;
  /**
   * Start of the passage in `b`'s original text.
   */
  b_start: number;
  /**
   * End of the passage in `b`'s original text.
   */
  b_end: number;
  /**
   * Words of `a` in the passage.
   */
  words: number;
  /**
   * Share of the passage's aligned words that are identical, in `[0, 1]`.
   */
  identity: number;
  /**
   * How the passage was reused: copied, reworded or summarized.
   */
  kind: PassageKind;
  /**
   * Substitutions, insertions and deletions inside the passage.
   */
  edits: Array<Edit>;
};

/**
 * One more source's side of a divergence: where an article says what the
 * counterpart says.
 */
export type Side = {
  /**
   * The article.
   */
  article: string;
  /**
   * Start in that article's original text.
   */
  start: number;
  /**
   * End in that article's original text.
   */
  end: number;
  /**
   * The original text.
   */
  text: string;
};

/**
 * Something one source says differently from the others.
 */
export type Divergence = {
  /**
   * What kind of difference it is.
   */
  kind: DivergenceKind;
  /**
   * How much it matters.
   */
  severity: Severity;
  /**
   * The article it is found in.
   */
  article: string;
  /**
   * Start in that article's original text.
   */
  start: number;
  /**
   * End in that article's original text.
   */
  end: number;
  /**
   * The original text.
   */
  text: string;
  /**
   * The other articles involved.
   */
  others: Array<string>;
  /**
   * What the other articles say instead, when there is a counterpart.
   */
  counterpart: string | null;
  /**
   * Where the counterpart is, in the first of `others`: one finding
   * carries both sides of a difference and is listed once.
   */
  counterpart_start?: number;
  /**
   * End of the counterpart in the first of `others`.
   */
  counterpart_end?: number;
  /**
   * Where the further articles of `others` (after the first) say what
   * the counterpart says: one difference seen against several sources
   * is one finding, with every source's span.
   */
  also?: Array<Side>;
  /**
   * For facts: how the figures relate.
   */
  relation?: Relation;
  /**
   * One sentence a reader understands without knowing the algorithm.
   */
  explanation: string;
  /**
   * How much it matters to a reader, in `[0, 1]`: figures that disagree
   * and claims only one source makes highest, spelling variants lowest.
   */
  score: number;
  /**
   * Why it matters, in one line.
   */
  why: string;
};

/**
 * Totals for one run.
 */
export type Stats = {
  /**
   * Words across all articles.
   */
  words: number;
  /**
   * Milliseconds spent, when the caller measured it (the core has no clock
   * in wasm).
   */
  elapsed_ms: number | null;
};

/**
 * The whole result of comparing a set of articles.
 */
export type Report = {
  /**
   * Version of this report format; bumped when a field changes meaning.
   */
  version: number;
  /**
   * The unit of every `start`/`end` in this report.
   */
  offsets: OffsetUnit;
  /**
   * One entry per input article, in input order.
   */
  articles: Array<ArticleReport>;
  /**
   * Canonical entities with their aliases and every mention, most
   * mentioned first.
   */
  entities: Array<Entity>;
  /**
   * One entry per ordered pair of distinct articles `(a, b)`.
   */
  pairs: Array<Pair>;
  /**
   * Passages of text shared by two articles, aligned word by word.
   */
  passages: Array<Passage>;
  /**
   * What one source says differently from the others, most severe first.
   */
  divergences: Array<Divergence>;
  /**
   * Totals and timings for this run.
   */
  stats: Stats;
};
