//! The [`Report`]: the one contract shared by the page, the widget, the CLI
//! and the tests.
//!
//! Every span in a report is a half-open range `[start, end)` into the
//! **original** text of one article, exactly as the user supplied it, counted
//! in the unit named by [`Report::offsets`]. The core computes byte offsets
//! and converts them once, when the report is finished
//! ([`OffsetUnit`], [`crate::analyze`]).
//!
//! Field names and the strings of the enums are part of the public
//! contract: JavaScript reads them, and the TypeScript declarations in
//! `types/report.d.ts` are generated from these types (a test fails when
//! they drift: `UPDATE_TYPES=1 cargo test --lib typescript` rewrites them).
//! Rename nothing, add freely.
//!
//! The stages hand over byte spans and article indices; [`assemble`] turns
//! them into this report, and [`prose`] writes its sentences for readers.

mod assemble;
mod offsets;
pub(crate) mod prose;
#[cfg(all(test, not(target_family = "wasm")))]
mod typescript;

#[cfg(not(target_family = "wasm"))]
pub(crate) use assemble::round4;
pub(crate) use assemble::{assemble, passage};
pub use offsets::{OffsetMap, OffsetUnit};

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Version of the [`Report`] format.
pub const REPORT_VERSION: u32 = 1;

/// The whole result of comparing a set of articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(test, not(target_family = "wasm")), derive(ts_rs::TS))]
pub struct Report {
    /// Version of this report format; bumped when a field changes meaning.
    pub version: u32,
    /// The unit of every `start`/`end` in this report.
    pub offsets: OffsetUnit,
    /// One entry per input article, in input order.
    pub articles: Vec<ArticleReport>,
    /// Canonical entities with their aliases and every mention, most
    /// mentioned first.
    pub entities: Vec<Entity>,
    /// One entry per ordered pair of distinct articles `(a, b)`.
    pub pairs: Vec<Pair>,
    /// Passages of text shared by two articles, aligned word by word.
    pub passages: Vec<Passage>,
    /// What one source says differently from the others, most severe first.
    pub divergences: Vec<Divergence>,
    /// Totals and timings for this run.
    pub stats: Stats,
}

/// One input article as the analysis saw it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(test, not(target_family = "wasm")), derive(ts_rs::TS))]
pub struct ArticleReport {
    /// Short stable identifier used everywhere else in the report: `"A"`,
    /// `"B"`, … `"Z"`, `"AA"`, … in input order.
    pub id: String,
    /// What the user typed as the label, else a guess (the outlet named in a
    /// dateline, the file name), else `"Article N"`.
    pub label: String,
    /// The headline: from the page's markup when the article came from a
    /// web page (then it is not part of the text, and `title_span` is
    /// null), else the first line when it reads like one.
    pub title: Option<String>,
    /// Span of the title in the original text (null when the title came
    /// from a page's markup).
    pub title_span: Option<Span>,
    /// Number of words in the cleaned text (numbers count as words).
    pub words: usize,
    /// Number of sentences in the cleaned text.
    pub sentences: usize,
    /// Length of the original text in the report's offset unit.
    pub length: usize,
    /// What the analysis noticed about the text.
    pub flags: Vec<ArticleFlag>,
    /// Metadata found while cleaning, e.g. `date`, `source`, `place`.
    pub metadata: BTreeMap<String, String>,
    /// What the web page the article came from said about it (headline,
    /// publisher, author, published date, address, language); null for
    /// pasted text.
    #[serde(default)]
    pub meta: Option<crate::input::ArticleMeta>,
    /// Lines the cleaner removed from the article body (header lines,
    /// datelines, page chrome), with why.
    pub removed: Vec<Removed>,
    /// Share of this article's words found in no other article, in `[0, 1]`.
    pub originality: f64,
    /// Problems noticed while reading the input (e.g. invalid UTF-8 replaced).
    pub warnings: Vec<String>,
    /// The language the article is written in: identified from its text,
    /// or as the user chose it.
    pub language: crate::lang::detect::Language,
}

/// Something noticed about an article's text as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(all(test, not(target_family = "wasm")), derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum ArticleFlag {
    /// No capitals or no sentence punctuation: a copy that lost them on
    /// its way (a research dump, a scraped page).
    Degraded,
    /// No capital letters at all.
    Lowercase,
    /// No sentence punctuation in a text long enough to need it.
    NoPunctuation,
    /// A degraded copy without a single digit: its numbers were deleted.
    NoDigits,
    /// No words after cleaning.
    Empty,
    /// The same text as an earlier article.
    Duplicate,
}

impl ArticleFlag {
    /// The name used in the report (`"no-digits"`).
    pub fn as_str(self) -> &'static str {
        match self {
            ArticleFlag::Degraded => "degraded",
            ArticleFlag::Lowercase => "lowercase",
            ArticleFlag::NoPunctuation => "no-punctuation",
            ArticleFlag::NoDigits => "no-digits",
            ArticleFlag::Empty => "empty",
            ArticleFlag::Duplicate => "duplicate",
        }
    }
}

/// A half-open range into an article's original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(all(test, not(target_family = "wasm")), derive(ts_rs::TS))]
pub struct Span {
    /// First unit of the range.
    pub start: usize,
    /// One past the last unit of the range.
    pub end: usize,
}

/// A piece of the original text that the cleaner left out of the body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(test, not(target_family = "wasm")), derive(ts_rs::TS))]
pub struct Removed {
    /// Start of the removed text in the original.
    pub start: usize,
    /// End of the removed text in the original.
    pub end: usize,
    /// Why it was removed: `"header"`, `"dateline"`, `"chrome"`,
    /// `"repeated"`, `"title"`.
    pub reason: String,
    /// The removed text itself.
    pub text: String,
}

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(all(test, not(target_family = "wasm")), derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A country, city, region or landmark.
    Place,
    /// A company, agency, government body, news outlet.
    Organization,
    /// Nationalities, religions, political groups ("Russian", "Syrian rebels").
    Group,
    /// An absolute or relative date or time ("Tuesday", "2017-05-02").
    Date,
    /// A number, quantity, amount of money or percentage.
    Number,
    /// Any other named thing (events, laws, works).
    Other,
}

impl EntityKind {
    /// The lowercase name used in the report.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Organization => "organization",
            EntityKind::Group => "group",
            EntityKind::Date => "date",
            EntityKind::Number => "number",
            EntityKind::Other => "other",
        }
    }
}

/// One canonical entity and everything said about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(test, not(target_family = "wasm")), derive(ts_rs::TS))]
pub struct Entity {
    /// Canonical name ("United States", "Bashar al-Assad").
    pub name: String,
    /// What kind of thing it is.
    pub kind: EntityKind,
    /// Distinct surface forms seen, most frequent first.
    pub aliases: Vec<String>,
    /// Mentions per article id (articles without a mention are absent).
    pub counts: BTreeMap<String, usize>,
    /// Mentions across all articles.
    pub total: usize,
    /// For numbers: the parsed value ("more than 80 people" → 80).
    pub value: Option<f64>,
    /// For numbers: the qualifier ("more than", "at least", "about").
    pub qualifier: Option<String>,
    /// For numbers: what is counted ("people", "civilians").
    pub unit: Option<String>,
    /// Every mention, in article order then text order.
    pub mentions: Vec<Mention>,
}

/// One place where an entity is mentioned.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(test, not(target_family = "wasm")), derive(ts_rs::TS))]
pub struct Mention {
    /// Article id.
    pub article: String,
    /// Start in the article's original text.
    pub start: usize,
    /// End in the article's original text.
    pub end: usize,
    /// The original text of the mention.
    pub text: String,
}

/// Scores for one ordered pair of articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(test, not(target_family = "wasm")), derive(ts_rs::TS))]
pub struct Pair {
    /// The article whose words are counted.
    pub a: String,
    /// The article they are looked for in.
    pub b: String,
    /// Share of `a`'s words that lie inside passages shared with `b`, in
    /// `[0, 1]`. Asymmetric: a short copy of a long article has a high
    /// containment in it, the long one a low containment in the copy.
    pub containment: f64,
    /// Symmetric same-story score in `[0, 1]`, combining shared text with
    /// shared entities, numbers and dates.
    pub similarity: f64,
    /// Words of `a` inside shared passages.
    pub shared_words: usize,
    /// False when the pair shares text but its passages are left out of
    /// `passages`: in a large set whose articles all share text, the report
    /// lists the passages of the pairs that share the most (each article's
    /// closest partner always) up to a size proportional to the input.
    /// Containment and shared words still count every passage; compare the
    /// two articles alone to see theirs.
    pub passages_listed: bool,
    /// One sentence a reader understands.
    pub explanation: String,
}

/// A passage of text shared by two articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(test, not(target_family = "wasm")), derive(ts_rs::TS))]
pub struct Passage {
    /// First article id.
    pub a: String,
    /// Second article id.
    pub b: String,
    /// Start of the passage in `a`'s original text.
    pub a_start: usize,
    /// End of the passage in `a`'s original text.
    pub a_end: usize,
    /// Start of the passage in `b`'s original text.
    pub b_start: usize,
    /// End of the passage in `b`'s original text.
    pub b_end: usize,
    /// Words of `a` in the passage.
    pub words: usize,
    /// Share of the passage's aligned words that are identical, in `[0, 1]`.
    pub identity: f64,
    /// How the passage was reused: copied, reworded or summarized.
    pub kind: PassageKind,
    /// Substitutions, insertions and deletions inside the passage.
    pub edits: Vec<Edit>,
}

/// How a shared passage was reused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(all(test, not(target_family = "wasm")), derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum PassageKind {
    /// Copied: most words identical and in order, with a few edits.
    Verbatim,
    /// Reworded: about as long on both sides, but many words replaced,
    /// moved or reordered.
    Paraphrase,
    /// Condensed: one side is much shorter than the other and takes its
    /// content words from it.
    Summary,
}

impl PassageKind {
    /// The name used in the report.
    pub fn as_str(self) -> &'static str {
        match self {
            PassageKind::Verbatim => "verbatim",
            PassageKind::Paraphrase => "paraphrase",
            PassageKind::Summary => "summary",
        }
    }
}

/// A difference inside an aligned passage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(test, not(target_family = "wasm")), derive(ts_rs::TS))]
pub struct Edit {
    /// Substitution, insertion or deletion.
    pub kind: EditKind,
    /// Start in `a` (an empty range for an insertion).
    pub a_start: usize,
    /// End in `a`.
    pub a_end: usize,
    /// Start in `b` (an empty range for a deletion).
    pub b_start: usize,
    /// End in `b`.
    pub b_end: usize,
    /// `a`'s words.
    pub a_text: String,
    /// `b`'s words.
    pub b_text: String,
}

/// What kind of difference an [`Edit`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(all(test, not(target_family = "wasm")), derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum EditKind {
    /// Words of `a` replaced by other words in `b`.
    Substitute,
    /// Words only in `b`.
    Insert,
    /// Words only in `a`.
    Delete,
}

impl EditKind {
    /// The name used in the report.
    pub fn as_str(self) -> &'static str {
        match self {
            EditKind::Substitute => "substitute",
            EditKind::Insert => "insert",
            EditKind::Delete => "delete",
        }
    }
}

/// How much a divergence matters to a reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(all(test, not(target_family = "wasm")), derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Shown, low weight (format and alias changes).
    Low,
    /// Worth a look.
    Medium,
    /// Highlighted: changes what a reader learns.
    High,
}

/// The kinds of [`Divergence`]. Declared in the order of their names, which
/// is how findings of equal severity and span are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(all(test, not(target_family = "wasm")), derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum DivergenceKind {
    /// The same statement attributed to different sources in different
    /// articles.
    Attribution,
    /// People, organizations, places or quoted sources only one article
    /// has.
    Coverage,
    /// Numbers or dates about the same thing, with how they relate
    /// ([`Relation`]).
    Fact,
    /// The same thing written differently inside a shared passage (an
    /// alias, a spelling variant, digits lost in a stripped copy).
    Format,
    /// Words changed inside a shared passage in a way that changes how the
    /// story reads ("president" → "regime leader").
    Framing,
    /// A clause or sentence dropped from, or added to, text two articles
    /// otherwise share.
    Omission,
    /// Sentences no other article supports, neither by a shared passage nor
    /// by a sentence carrying the same content.
    Unique,
}

impl DivergenceKind {
    /// Every kind, in declaration order.
    pub const ALL: [DivergenceKind; 7] = [
        DivergenceKind::Attribution,
        DivergenceKind::Coverage,
        DivergenceKind::Fact,
        DivergenceKind::Format,
        DivergenceKind::Framing,
        DivergenceKind::Omission,
        DivergenceKind::Unique,
    ];

    /// The lowercase name used in the report.
    ///
    /// ```
    /// assert_eq!(corroborate::DivergenceKind::Omission.as_str(), "omission");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            DivergenceKind::Attribution => "attribution",
            DivergenceKind::Coverage => "coverage",
            DivergenceKind::Fact => "fact",
            DivergenceKind::Format => "format",
            DivergenceKind::Framing => "framing",
            DivergenceKind::Omission => "omission",
            DivergenceKind::Unique => "unique",
        }
    }
}

/// How the figures of a `fact` finding relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(all(test, not(target_family = "wasm")), derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    /// The same figure.
    Agrees,
    /// Different figures that can both be true ("more than 80" and "87").
    Compatible,
    /// Figures that cannot both be true.
    Conflicts,
}

impl Relation {
    /// The name used in the report.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Agrees => "agrees",
            Relation::Compatible => "compatible",
            Relation::Conflicts => "conflicts",
        }
    }
}

/// Something one source says differently from the others.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(test, not(target_family = "wasm")), derive(ts_rs::TS))]
pub struct Divergence {
    /// What kind of difference it is.
    pub kind: DivergenceKind,
    /// How much it matters.
    pub severity: Severity,
    /// The article it is found in.
    pub article: String,
    /// Start in that article's original text.
    pub start: usize,
    /// End in that article's original text.
    pub end: usize,
    /// The original text.
    pub text: String,
    /// The other articles involved.
    pub others: Vec<String>,
    /// What the other articles say instead, when there is a counterpart.
    pub counterpart: Option<String>,
    /// Where the counterpart is, in the first of `others`: one finding
    /// carries both sides of a difference and is listed once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(test, not(target_family = "wasm")), ts(optional))]
    pub counterpart_start: Option<usize>,
    /// End of the counterpart in the first of `others`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(test, not(target_family = "wasm")), ts(optional))]
    pub counterpart_end: Option<usize>,
    /// Where the further articles of `others` (after the first) say what
    /// the counterpart says: one difference seen against several sources
    /// is one finding, with every source's span.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(all(test, not(target_family = "wasm")), ts(as = "Option<Vec<Side>>", optional))]
    pub also: Vec<Side>,
    /// For facts: how the figures relate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(test, not(target_family = "wasm")), ts(optional))]
    pub relation: Option<Relation>,
    /// One sentence a reader understands without knowing the algorithm.
    pub explanation: String,
    /// How much it matters to a reader, in `[0, 1]`: figures that disagree
    /// and claims only one source makes highest, spelling variants lowest.
    pub score: f64,
    /// Why it matters, in one line.
    pub why: String,
}

/// One more source's side of a divergence: where an article says what the
/// counterpart says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(test, not(target_family = "wasm")), derive(ts_rs::TS))]
pub struct Side {
    /// The article.
    pub article: String,
    /// Start in that article's original text.
    pub start: usize,
    /// End in that article's original text.
    pub end: usize,
    /// The original text.
    pub text: String,
}

/// Totals for one run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(all(test, not(target_family = "wasm")), derive(ts_rs::TS))]
pub struct Stats {
    /// Words across all articles.
    pub words: usize,
    /// Milliseconds spent, when the caller measured it (the core has no clock
    /// in wasm).
    pub elapsed_ms: Option<f64>,
}

/// The report's strings for its enums, for messages and summaries.
macro_rules! display_as_str {
    ($($t:ty),*) => {$(
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    )*};
}
display_as_str!(ArticleFlag, EditKind, PassageKind, DivergenceKind, Relation, EntityKind);

/// Spreadsheet-style article ids: 0 → `"A"`, 25 → `"Z"`, 26 → `"AA"`.
///
/// ```
/// assert_eq!(corroborate::article_id(0), "A");
/// assert_eq!(corroborate::article_id(27), "AB");
/// ```
pub fn article_id(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_ids() {
        let cases = [(0, "A"), (1, "B"), (25, "Z"), (26, "AA"), (51, "AZ"), (52, "BA"), (701, "ZZ"), (702, "AAA")];
        for (i, want) in cases {
            assert_eq!(article_id(i), want, "index {i}");
        }
    }
}
