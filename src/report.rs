//! The [`Report`]: the one contract shared by the page, the widget, the CLI
//! and the tests.
//!
//! Every span in a report is a half-open range `[start, end)` into the
//! **original** text of one article, exactly as the user supplied it, counted
//! in the unit named by [`Report::offsets`]. The core computes byte offsets
//! and converts them once, when the report is finished
//! ([`OffsetUnit`], [`crate::analyze`]).
//!
//! Field names are part of the public contract (JavaScript, TypeScript
//! declarations in `www/corroborate.d.ts` and independent checks read them):
//! rename nothing, add freely.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The unit every span of a report is counted in.
///
/// JavaScript strings index UTF-16 code units, Rust strings UTF-8 bytes and
/// Python strings code points; the caller picks one and every `start`/`end`
/// in the report uses it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum OffsetUnit {
    /// UTF-8 bytes (Rust `str` indices). The default.
    #[default]
    Utf8,
    /// UTF-16 code units (JavaScript `String` indices).
    Utf16,
    /// Unicode scalar values (Python `str` indices).
    Chars,
}

impl OffsetUnit {
    /// Parses `"utf8"`, `"utf16"` or `"chars"` (also `"utf-8"`, `"utf-16"`,
    /// `"char"`), case-insensitively.
    ///
    /// ```
    /// use corroborate::OffsetUnit;
    /// assert_eq!(OffsetUnit::parse("UTF-16"), Some(OffsetUnit::Utf16));
    /// assert_eq!(OffsetUnit::parse("bytes"), Some(OffsetUnit::Utf8));
    /// assert_eq!(OffsetUnit::parse("lines"), None);
    /// ```
    pub fn parse(s: &str) -> Option<OffsetUnit> {
        match s.to_ascii_lowercase().as_str() {
            "utf8" | "utf-8" | "bytes" | "byte" => Some(OffsetUnit::Utf8),
            "utf16" | "utf-16" => Some(OffsetUnit::Utf16),
            "chars" | "char" | "codepoints" | "scalars" => Some(OffsetUnit::Chars),
            _ => None,
        }
    }

    /// The name used in the report (`"utf8"`, `"utf16"` or `"chars"`).
    pub fn as_str(self) -> &'static str {
        match self {
            OffsetUnit::Utf8 => "utf8",
            OffsetUnit::Utf16 => "utf16",
            OffsetUnit::Chars => "chars",
        }
    }
}

/// The whole result of comparing a set of articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
pub struct ArticleReport {
    /// Short stable identifier used everywhere else in the report: `"A"`,
    /// `"B"`, … `"Z"`, `"AA"`, … in input order.
    pub id: String,
    /// What the user typed as the label, else a guess (the outlet named in a
    /// dateline, the file name), else `"Article N"`.
    pub label: String,
    /// The detected headline, when there is one.
    pub title: Option<String>,
    /// Span of the title in the original text.
    pub title_span: Option<Span>,
    /// Number of words in the cleaned text (numbers count as words).
    pub words: usize,
    /// Number of sentences in the cleaned text.
    pub sentences: usize,
    /// Length of the original text in the report's offset unit.
    pub length: usize,
    /// Flags about the text: `"degraded"` (no capitals or no sentence
    /// punctuation), `"lowercase"`, `"no-punctuation"`, `"no-digits"`,
    /// `"empty"`, `"duplicate"`.
    pub flags: Vec<String>,
    /// Metadata found while cleaning, e.g. `date`, `source`, `place`.
    pub metadata: BTreeMap<String, String>,
    /// Lines the cleaner removed from the article body (header lines,
    /// datelines, page chrome), with why.
    pub removed: Vec<Removed>,
    /// Share of this article's words found in no other article, in `[0, 1]`.
    pub originality: f64,
    /// Problems noticed while reading the input (e.g. invalid UTF-8 replaced).
    pub warnings: Vec<String>,
}

/// A half-open range into an article's original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// First unit of the range.
    pub start: usize,
    /// One past the last unit of the range.
    pub end: usize,
}

/// A piece of the original text that the cleaner left out of the body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    /// One sentence a reader understands.
    pub explanation: String,
}

/// A passage of text shared by two articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    /// Substitutions, insertions and deletions inside the passage.
    pub edits: Vec<Edit>,
}

/// A difference inside an aligned passage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Edit {
    /// `"substitute"`, `"insert"` (text only in `b`) or `"delete"` (text
    /// only in `a`).
    pub kind: String,
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

/// How much a divergence matters to a reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Shown, low weight (format and alias changes).
    Low,
    /// Worth a look.
    Medium,
    /// Highlighted: changes what a reader learns.
    High,
}

/// Something one source says differently from the others.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Divergence {
    /// `"unique"` (no other article supports it), `"wording"` (re-worded
    /// inside a shared passage), `"fact"` (numbers or dates disagree),
    /// `"coverage"` (an entity only one article mentions).
    pub kind: String,
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
    /// For facts: how the figures relate, `agrees`, `compatible` or
    /// `conflicts`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relation: Option<String>,
    /// One sentence a reader understands without knowing the algorithm.
    pub explanation: String,
}

/// Totals for one run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Stats {
    /// Words across all articles.
    pub words: usize,
    /// Milliseconds spent, when the caller measured it (the core has no clock
    /// in wasm).
    pub elapsed_ms: Option<f64>,
}

/// Converts byte offsets of one text to another [`OffsetUnit`].
///
/// Built once per article; ASCII-only texts convert for free, others by a
/// binary search over the positions of their non-ASCII characters.
///
/// ```
/// use corroborate::{OffsetMap, OffsetUnit};
/// let text = "café 🙂 ok";
/// let map = OffsetMap::new(text, OffsetUnit::Utf16);
/// let byte = text.find("ok").unwrap();
/// assert_eq!(byte, 11);
/// assert_eq!(map.convert(byte), 8); // c a f é ␠ 🙂(2) ␠
/// ```
#[derive(Debug, Clone)]
pub struct OffsetMap {
    unit: OffsetUnit,
    /// (byte offset just after a non-ASCII char, units saved so far).
    checkpoints: Vec<(usize, usize)>,
}

impl OffsetMap {
    /// Prepares conversions from byte offsets of `text` to `unit`.
    pub fn new(text: &str, unit: OffsetUnit) -> OffsetMap {
        let mut checkpoints = Vec::new();
        if unit != OffsetUnit::Utf8 && !text.is_ascii() {
            let mut saved = 0usize;
            for (i, c) in text.char_indices() {
                let len8 = c.len_utf8();
                if len8 > 1 {
                    let units = match unit {
                        OffsetUnit::Utf16 => c.len_utf16(),
                        _ => 1,
                    };
                    saved += len8 - units;
                    checkpoints.push((i + len8, saved));
                }
            }
        }
        OffsetMap { unit, checkpoints }
    }

    /// The unit this map converts to.
    pub fn unit(&self) -> OffsetUnit {
        self.unit
    }

    /// Converts a byte offset (on a character boundary) to the target unit.
    pub fn convert(&self, byte: usize) -> usize {
        if self.checkpoints.is_empty() {
            return byte;
        }
        let idx = self.checkpoints.partition_point(|&(b, _)| b <= byte);
        if idx == 0 {
            byte
        } else {
            let saved = self.checkpoints.get(idx - 1).map_or(0, |&(_, s)| s);
            byte - saved
        }
    }
}

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

    #[test]
    fn offset_units() {
        // (text, byte offset, utf16, chars)
        let cases = [
            ("abc", 2, 2, 2),
            ("é", 2, 1, 1),
            ("aé b", 4, 3, 3),
            ("🙂x", 4, 2, 1),
            ("🙂x", 5, 3, 2),
            ("日本語", 6, 2, 2),
            ("“q”", 4, 2, 2),
        ];
        for (text, byte, u16_, ch) in cases {
            assert_eq!(OffsetMap::new(text, OffsetUnit::Utf8).convert(byte), byte);
            assert_eq!(OffsetMap::new(text, OffsetUnit::Utf16).convert(byte), u16_, "{text} utf16");
            assert_eq!(OffsetMap::new(text, OffsetUnit::Chars).convert(byte), ch, "{text} chars");
        }
    }
}
