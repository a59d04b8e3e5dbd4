//! Corpus mode: text reuse across an archive of articles on one machine.
//!
//! [`crate::analyze`] compares up to 50 articles, every pair. An archive of
//! 100,000 articles has five billion pairs, so corpus mode first finds
//! *candidate* pairs with MinHash/LSH over word shingles ([`signature`],
//! [`band_keys`]), then aligns each candidate with the same reuse engine as
//! `analyze` ([`align_pair`]) on all cores, and writes three tables:
//!
//! - **pairs** ([`PairRow`]): containment both ways, similarity, shared words;
//! - **passages** ([`PassageRow`]): the spans of each shared passage in both
//!   articles' original text (in characters, Python `str` indices), its
//!   identity, kind and number of edits;
//! - **provenance** ([`EdgeRow`]): for each passage, which article most
//!   likely copied which, from the dates and the containment, with the reason.
//!
//! Native only (`cfg(not(target_family = "wasm"))`): nothing of it reaches
//! the page's wasm.
//!
//! # Example
//!
//! ```
//! use corroborate::corpus::{run, CorpusArticle, CorpusOptions};
//! let wire = "A container crane collapsed in Rotterdam on Monday, killing four dock workers, the Harbor Authority said. \
//!             Mayor Elena Vasquez ordered an inspection of every crane in the port.";
//! let copy = "a container crane collapsed in rotterdam on monday killing four dock workers the harbor authority said \
//!             mayor elena vasquez ordered an inspection of every crane in the port";
//! let other = "The city council approved the new library budget after a long debate about parking and school buses.";
//! let articles = vec![
//!     CorpusArticle::new("w1", "wire", Some("2024-03-04"), wire),
//!     CorpusArticle::new("c1", "outlet", Some("2024-03-05"), copy),
//!     CorpusArticle::new("x1", "outlet", None, other),
//! ];
//! let tables = run(&articles, &CorpusOptions::default());
//! assert_eq!(tables.pairs.len(), 1);
//! assert!(tables.pairs[0].containment_b > 0.9);
//! assert_eq!(tables.provenance[0].copier, "c1"); // dated a day later
//! assert_eq!(tables.provenance[0].source, "w1");
//! ```

mod generate;
mod minhash;
mod tables;

pub use generate::{evaluate, generate, Evaluation, GenOptions, Generated, TruthRow};
pub use minhash::{
    band_keys, estimated_jaccard, fingerprint, match_words, shingle_containment, shingles, signature,
    signature_of_shingles, Fingerprint, MinHashParams,
};
pub use tables::{read_directions, read_pairs_csv, write_tables};

use crate::pipeline::pair_reuse;
use crate::report::{round4, OffsetUnit};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;
use std::io::BufRead;

/// One article of a corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorpusArticle {
    /// Unique id of the article in the corpus.
    pub id: String,
    /// Who published it (an outlet or agency name; may be empty).
    pub source: String,
    /// Publication date, ISO 8601 (`2024-03-05` or `2024-03-05T10:00:00Z`);
    /// dates compare as strings, so keep one format and time zone.
    pub date: Option<String>,
    /// The article's text.
    pub text: String,
}

impl CorpusArticle {
    /// An article from its parts.
    pub fn new(id: &str, source: &str, date: Option<&str>, text: &str) -> CorpusArticle {
        CorpusArticle {
            id: id.to_string(),
            source: source.to_string(),
            date: date.map(str::to_string),
            text: text.to_string(),
        }
    }
}

/// A line of a JSONL corpus that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusError {
    /// 1-based line number (0 when the error is not tied to a line).
    pub line: usize,
    /// What is wrong, lowercase, naming the offending value.
    pub message: String,
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}", self.message)
        } else {
            write!(f, "line {}: {}", self.line, self.message)
        }
    }
}

impl std::error::Error for CorpusError {}

/// Reads one JSONL line into an article: an object with a string `text`, an
/// `id` (string or integer), and optionally `source` and `date` (string or
/// null). Other fields are ignored.
fn parse_line(line: &str, n: usize) -> Result<CorpusArticle, CorpusError> {
    let err = |message: String| CorpusError { line: n, message };
    let v: serde_json::Value = serde_json::from_str(line).map_err(|e| err(format!("not valid JSON: {e}")))?;
    let serde_json::Value::Object(obj) = v else {
        return Err(err("expected a JSON object with `id` and `text`".to_string()));
    };
    let id = match obj.get("id") {
        Some(serde_json::Value::String(s)) if !s.is_empty() => s.clone(),
        Some(serde_json::Value::Number(x)) => x.to_string(),
        Some(serde_json::Value::String(_)) => return Err(err("`id` is empty".to_string())),
        Some(other) => return Err(err(format!("`id` must be a string or a number, not {other}"))),
        None => return Err(err("missing field `id`".to_string())),
    };
    let text = match obj.get("text") {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Null) | None => return Err(err(format!("article {id:?} has no `text`"))),
        Some(_) => return Err(err(format!("`text` of article {id:?} must be a string"))),
    };
    let opt = |field: &str| -> Result<Option<String>, CorpusError> {
        match obj.get(field) {
            None | Some(serde_json::Value::Null) => Ok(None),
            Some(serde_json::Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(err(format!("`{field}` of article {id:?} must be a string or null"))),
        }
    };
    let source = opt("source")?.unwrap_or_default();
    let date = opt("date")?.filter(|d| !d.trim().is_empty());
    Ok(CorpusArticle { id, source, date, text })
}

/// Reads a JSONL corpus: one article object per line (blank lines skipped).
///
/// # Errors
///
/// A [`CorpusError`] naming the line of the first unreadable line: invalid
/// JSON, not an object, a missing or empty `id`, a missing `text`, a field of
/// the wrong type, an `id` used twice, or a read error.
///
/// ```
/// use corroborate::corpus::read_jsonl;
/// let ok = "{\"id\": \"a\", \"text\": \"One.\"}\n\n{\"id\": 7, \"source\": \"x\", \"date\": \"2024-01-02\", \"text\": \"Two.\"}\n";
/// let arts = read_jsonl(ok.as_bytes()).unwrap();
/// assert_eq!(arts[1].id, "7");
/// let bad = "{\"id\": \"a\", \"text\": \"One.\"}\n{\"id\": \"b\"}\n";
/// assert_eq!(read_jsonl(bad.as_bytes()).unwrap_err().to_string(), "line 2: article \"b\" has no `text`");
/// ```
pub fn read_jsonl(reader: impl BufRead) -> Result<Vec<CorpusArticle>, CorpusError> {
    let mut out = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, line) in reader.lines().enumerate() {
        let n = i + 1;
        let line = line.map_err(|e| CorpusError { line: n, message: format!("cannot read: {e}") })?;
        if line.trim().is_empty() {
            continue;
        }
        let a = parse_line(&line, n)?;
        if let Some(first) = seen.insert(a.id.clone(), n) {
            return Err(CorpusError { line: n, message: format!("id {:?} already used on line {first}", a.id) });
        }
        out.push(a);
    }
    Ok(out)
}

/// One pair of articles that share text. `a` comes before `b` in the input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PairRow {
    /// First article's id.
    pub a: String,
    /// Second article's id.
    pub b: String,
    /// Words in `a`'s matching stream.
    pub a_words: usize,
    /// Words in `b`'s matching stream.
    pub b_words: usize,
    /// Share of `a`'s words inside passages shared with `b`, as
    /// [`crate::Pair::containment`].
    pub containment_a: f64,
    /// Share of `b`'s words inside passages shared with `a`.
    pub containment_b: f64,
    /// Same-story similarity in `[0, 1]`: the engine's word-vector cosine
    /// (without the entity weighting of a full analysis), at least the
    /// larger share of identical words.
    pub similarity: f64,
    /// Words of `a` in shared passages.
    pub shared_words_a: usize,
    /// Words of `b` in shared passages.
    pub shared_words_b: usize,
    /// Number of passages.
    pub passages: usize,
}

impl PairRow {
    /// The larger of the two containments.
    pub fn max_containment(&self) -> f64 {
        self.containment_a.max(self.containment_b)
    }
}

/// One passage shared by a pair, spans in characters (Unicode scalar
/// values) of each article's original text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PassageRow {
    /// First article's id (as in its [`PairRow`]).
    pub a: String,
    /// Second article's id.
    pub b: String,
    /// Index of the passage within the pair, in `a`'s order, from 0.
    pub index: usize,
    /// Start in `a`.
    pub a_start: usize,
    /// End in `a`.
    pub a_end: usize,
    /// Start in `b`.
    pub b_start: usize,
    /// End in `b`.
    pub b_end: usize,
    /// Words of `a` in the passage.
    pub words: usize,
    /// Share of the aligned words that are identical.
    pub identity: f64,
    /// `verbatim`, `paraphrase` or `summary` ([`crate::PassageKind`]).
    pub kind: String,
    /// Substitutions, insertions and deletions inside the passage.
    pub edits: usize,
}

/// Who most likely copied a passage from whom.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EdgeRow {
    /// The article that most likely took the passage.
    pub copier: String,
    /// The article it most likely came from.
    pub source: String,
    /// The pair's first article (the passage's key, with `b` and `index`).
    pub a: String,
    /// The pair's second article.
    pub b: String,
    /// Index of the passage within the pair.
    pub index: usize,
    /// `date`: the source was published first; `history`: same or unknown
    /// dates, and the source's outlet is usually the first of the two
    /// ([`OutletHistory`], learned from the run's dated pairs);
    /// `containment`: neither, and the copier is the article made up more
    /// of the other's text (by at least [`DIRECTION_MARGIN`]);
    /// `undetermined`: nothing tells (the columns then keep the pair's
    /// order).
    pub reason: String,
}

/// The tables of a corpus run.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CorpusTables {
    /// Pairs that share text, in input order of `(a, b)`.
    pub pairs: Vec<PairRow>,
    /// Their passages, in the same order.
    pub passages: Vec<PassageRow>,
    /// One provenance edge per passage.
    pub provenance: Vec<EdgeRow>,
    /// Counts of the run.
    pub stats: CorpusStats,
}

/// What a corpus run did: sizes of each stage.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorpusStats {
    /// Articles read.
    pub articles: usize,
    /// Candidate pairs from LSH.
    pub candidates: usize,
    /// Candidates whose shingle overlap reaches
    /// [`CorpusOptions::min_shingle_containment`]: the pairs aligned.
    pub checked: usize,
    /// Candidates that share at least one passage.
    pub aligned: usize,
    /// Pairs written (aligned and over the threshold).
    pub pairs: usize,
    /// LSH buckets cut to [`CorpusOptions::max_bucket`] articles.
    pub capped_buckets: usize,
}

/// Options of a corpus run.
#[derive(Debug, Clone, PartialEq)]
pub struct CorpusOptions {
    /// Signature and band parameters.
    pub minhash: MinHashParams,
    /// Smallest larger-side containment for a pair to be written (0 keeps
    /// every pair that shares a passage).
    pub threshold: f64,
    /// An LSH bucket with more articles than this (thousands of copies of
    /// one boilerplate text) pairs each article only with its
    /// `max_bucket` neighbours in input order, so one bucket cannot make
    /// millions of candidates.
    pub max_bucket: usize,
    /// Smallest exact shingle containment of the smaller article
    /// ([`shingle_containment`]) for a candidate to be aligned: LSH
    /// candidates that met on one common phrase are dropped here. A pair
    /// under it shares less than a few sentences (a 500-word article at 0.05
    /// shares about 25 shingles).
    pub min_shingle_containment: f64,
    /// Candidate pairs aligned per batch: memory stays bounded by one
    /// batch's results plus the tables.
    pub batch: usize,
}

impl Default for CorpusOptions {
    fn default() -> Self {
        CorpusOptions {
            minhash: MinHashParams::default(),
            threshold: 0.0,
            min_shingle_containment: 0.05,
            max_bucket: 200,
            batch: 20_000,
        }
    }
}

/// Containment difference from which the more-contained article is taken for
/// the copier when dates do not tell.
pub const DIRECTION_MARGIN: f64 = 0.1;

/// Aligns two articles with the engine of [`crate::analyze`]: the same
/// containment (both ways) and passages as `analyze` reports for `[a, b]`,
/// spans in characters. `None` when they share no passage.
///
/// ```
/// use corroborate::corpus::{align_pair, CorpusArticle};
/// let a = CorpusArticle::new("a", "wire", None, "The harbor crane collapsed on Monday, killing four dock workers, officials said.");
/// let b = CorpusArticle::new("b", "copy", None, "Officials said the harbor crane collapsed on Monday, killing four workers.");
/// let (pair, passages) = align_pair(&a, &b).unwrap();
/// assert_eq!((pair.a.as_str(), pair.b.as_str()), ("a", "b"));
/// assert_eq!(passages.len(), 1);
/// // one passage with its edits: "dock" left out, "officials said" moved
/// assert_eq!(pair.containment_a, 1.0);
/// assert!(passages[0].edits >= 1);
/// ```
pub fn align_pair(a: &CorpusArticle, b: &CorpusArticle) -> Option<(PairRow, Vec<PassageRow>)> {
    let r = pair_reuse(&a.text, &b.text, OffsetUnit::Chars);
    if r.passages.is_empty() {
        return None;
    }
    let contain = |x: usize| {
        let w = r.words.get(x).copied().unwrap_or(0);
        if w == 0 {
            0.0
        } else {
            round4(r.shared.get(x).copied().unwrap_or(0) as f64 / w as f64)
        }
    };
    let pair = PairRow {
        a: a.id.clone(),
        b: b.id.clone(),
        a_words: r.words[0],
        b_words: r.words[1],
        containment_a: contain(0),
        containment_b: contain(1),
        similarity: round4(r.similarity),
        shared_words_a: r.shared[0],
        shared_words_b: r.shared[1],
        passages: r.passages.len(),
    };
    let passages = r
        .passages
        .iter()
        .enumerate()
        .map(|(index, p)| PassageRow {
            a: a.id.clone(),
            b: b.id.clone(),
            index,
            a_start: p.a_start,
            a_end: p.a_end,
            b_start: p.b_start,
            b_end: p.b_end,
            words: p.words,
            identity: p.identity,
            kind: p.kind.as_str().to_string(),
            edits: p.edits.len(),
        })
        .collect();
    Some((pair, passages))
}

/// The provenance edge of a pair's passages: who copied whom and why.
///
/// ```
/// use corroborate::corpus::{direction, CorpusArticle, PairRow};
/// let wire = CorpusArticle::new("w", "wire", Some("2024-03-04"), "");
/// let copy = CorpusArticle::new("c", "paper", Some("2024-03-05T08:00"), "");
/// let pair = PairRow { a: "c".into(), b: "w".into(), a_words: 300, b_words: 500, containment_a: 0.9,
///     containment_b: 0.5, similarity: 0.9, shared_words_a: 270, shared_words_b: 250, passages: 2 };
/// assert_eq!(direction(&copy, &wire, &pair), ("c".to_string(), "w".to_string(), "date"));
/// ```
pub fn direction(a: &CorpusArticle, b: &CorpusArticle, pair: &PairRow) -> (String, String, &'static str) {
    let day = |d: &Option<String>| d.as_deref().map(str::trim).filter(|d| !d.is_empty()).map(str::to_string);
    if let (Some(da), Some(db)) = (day(&a.date), day(&b.date)) {
        if da < db {
            return (b.id.clone(), a.id.clone(), "date");
        }
        if db < da {
            return (a.id.clone(), b.id.clone(), "date");
        }
    }
    if pair.containment_a >= pair.containment_b + DIRECTION_MARGIN {
        (a.id.clone(), b.id.clone(), "containment")
    } else if pair.containment_b >= pair.containment_a + DIRECTION_MARGIN {
        (b.id.clone(), a.id.clone(), "containment")
    } else {
        (a.id.clone(), b.id.clone(), "undetermined")
    }
}

/// Dated pairs an outlet needs before its history decides a direction.
pub const HISTORY_MIN_PAIRS: u32 = 5;
/// Difference of two outlets' shares of being first from which the one
/// usually first is taken for the source.
pub const HISTORY_MARGIN: f64 = 0.5;

/// Which outlets (the articles' `source`) usually publish first: for each,
/// how often it was the earlier and how often the later article of a pair
/// whose direction the dates decided. A wire agency is first in nearly
/// every dated pair it is in; an outlet that rewrites the wire is mostly
/// later. Pairs the dates cannot decide (the same day, a date missing) then
/// take the direction of the outlets' history, where it is clear, before
/// containment, which cannot tell a partial copy (a few paragraphs of the
/// wire in an outlet's own longer story) from its source.
///
/// ```
/// use corroborate::corpus::OutletHistory;
/// let mut h = OutletHistory::default();
/// h.record("wire", "paper", 9); // the wire was first in 9 dated pairs
/// h.record("paper", "wire", 1);
/// h.record("wire", "blog", 5);
/// // same-day pair: the wire's history says it is the source
/// assert_eq!(h.decide(("p1", "paper"), ("w1", "wire")), Some(("p1", "w1")));
/// // the paper and the blog are both mostly later: no decision
/// assert_eq!(h.decide(("p1", "paper"), ("b1", "blog")), None);
/// // an outlet with no dated pairs: no decision
/// assert_eq!(h.decide(("b1", "blog"), ("x", "unknown")), None);
/// ```
#[derive(Debug, Clone, Default)]
pub struct OutletHistory {
    /// outlet → (first, later)
    counts: HashMap<String, (u32, u32)>,
}

impl OutletHistory {
    /// Records `n` dated pairs in which `source_outlet` published first and
    /// `copier_outlet` later (nothing for an empty name or one outlet with
    /// itself).
    pub fn record(&mut self, source_outlet: &str, copier_outlet: &str, n: u32) {
        if source_outlet.is_empty() || copier_outlet.is_empty() || source_outlet == copier_outlet {
            return;
        }
        let first = self.counts.entry(source_outlet.to_string()).or_default();
        first.0 = first.0.saturating_add(n);
        let later = self.counts.entry(copier_outlet.to_string()).or_default();
        later.1 = later.1.saturating_add(n);
    }

    /// The outlet's share of being first, smoothed (`(first + 1) / (all + 2)`),
    /// when it has at least [`HISTORY_MIN_PAIRS`] dated pairs.
    pub fn first_share(&self, outlet: &str) -> Option<f64> {
        let &(first, later) = self.counts.get(outlet)?;
        let all = first.saturating_add(later);
        (all >= HISTORY_MIN_PAIRS).then(|| (f64::from(first) + 1.0) / (f64::from(all) + 2.0))
    }

    /// `(copier, source)` of two articles given as `(id, outlet)`, when their
    /// outlets' shares of being first differ by at least [`HISTORY_MARGIN`].
    pub fn decide<'a>(&self, a: (&'a str, &str), b: (&'a str, &str)) -> Option<(&'a str, &'a str)> {
        if a.1 == b.1 {
            return None;
        }
        let (pa, pb) = (self.first_share(a.1)?, self.first_share(b.1)?);
        if pa >= pb + HISTORY_MARGIN {
            Some((b.0, a.0))
        } else if pb >= pa + HISTORY_MARGIN {
            Some((a.0, b.0))
        } else {
            None
        }
    }
}

/// Candidate pairs `(i, j)`, `i < j`, sorted and distinct: articles that
/// share at least one band key. Returns the pairs and the number of
/// buckets cut to `max_bucket`.
pub fn candidates(keys: &[&[u64]], max_bucket: usize) -> (Vec<(u32, u32)>, usize) {
    let mut all: Vec<(u64, u32)> =
        keys.iter().enumerate().flat_map(|(i, ks)| ks.iter().map(move |&k| (k, i as u32))).collect();
    all.par_sort_unstable();
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    let mut capped = 0;
    let cap = max_bucket.max(2);
    for group in all.chunk_by(|x, y| x.0 == y.0) {
        if group.len() < 2 {
            continue;
        }
        if group.len() > cap {
            capped += 1;
        }
        for (x, &(_, i)) in group.iter().enumerate() {
            let end = if group.len() > cap { (x + 1 + cap).min(group.len()) } else { group.len() };
            for &(_, j) in group.get(x + 1..end).unwrap_or_default() {
                if i != j {
                    pairs.push((i.min(j), i.max(j)));
                }
            }
        }
    }
    pairs.par_sort_unstable();
    pairs.dedup();
    (pairs, capped)
}

/// Runs corpus mode on `articles` with no progress report.
pub fn run(articles: &[CorpusArticle], options: &CorpusOptions) -> CorpusTables {
    run_with_progress(articles, options, &mut |_, _, _| {})
}

/// Runs corpus mode, calling `progress(stage, done, total)` as it goes
/// (`signatures`, `candidates`, `checking`, `aligning`). All cores (rayon's pool); the
/// tables are the same whatever the number of threads.
pub fn run_with_progress(
    articles: &[CorpusArticle],
    options: &CorpusOptions,
    progress: &mut dyn FnMut(&str, usize, usize),
) -> CorpusTables {
    let n = articles.len();
    let params = options.minhash;
    progress("signatures", 0, n);
    let mut prints: Vec<Fingerprint> = Vec::with_capacity(n);
    for chunk in articles.chunks(options.batch.max(1)) {
        let part: Vec<Fingerprint> = chunk.par_iter().map(|a| fingerprint(&a.text, &params)).collect();
        prints.extend(part);
        progress("signatures", prints.len(), n);
    }
    progress("candidates", 0, n);
    let keys: Vec<&[u64]> = prints.iter().map(|p| p.band_keys.as_slice()).collect();
    let (all_cands, capped_buckets) = candidates(&keys, options.max_bucket);
    progress("candidates", all_cands.len(), all_cands.len());
    progress("checking", 0, all_cands.len());
    let min = options.min_shingle_containment;
    let cands: Vec<(u32, u32)> = all_cands
        .par_iter()
        .copied()
        .filter(|&(i, j)| match (prints.get(i as usize), prints.get(j as usize)) {
            (Some(a), Some(b)) => shingle_containment(&a.shingles, &b.shingles) >= min,
            _ => false,
        })
        .collect();
    progress("checking", all_cands.len(), all_cands.len());
    let candidates_found = all_cands.len();
    drop(all_cands);
    drop(prints);
    let mut tables = CorpusTables::default();
    // per pair kept: its articles, its first edge, whether the dates decided
    let mut decided: Vec<(u32, u32, usize, bool)> = Vec::new();
    let mut history = OutletHistory::default();
    let total = cands.len();
    let mut done = 0;
    progress("aligning", 0, total);
    for batch in cands.chunks(options.batch.max(1)) {
        let rows: Vec<Option<(PairRow, Vec<PassageRow>)>> = batch
            .par_iter()
            .map(|&(i, j)| {
                let (Some(a), Some(b)) = (articles.get(i as usize), articles.get(j as usize)) else { return None };
                align_pair(a, b)
            })
            .collect();
        for (&(i, j), row) in batch.iter().zip(rows) {
            let Some((pair, passages)) = row else { continue };
            tables.stats.aligned += 1;
            if pair.max_containment() < options.threshold {
                continue;
            }
            let (Some(a), Some(b)) = (articles.get(i as usize), articles.get(j as usize)) else { continue };
            let (copier, source, reason) = direction(a, b, &pair);
            if reason == "date" {
                let (first, later) = if copier == a.id { (b, a) } else { (a, b) };
                history.record(&first.source, &later.source, 1);
            }
            decided.push((i, j, tables.provenance.len(), reason == "date"));
            for p in &passages {
                tables.provenance.push(EdgeRow {
                    copier: copier.clone(),
                    source: source.clone(),
                    a: p.a.clone(),
                    b: p.b.clone(),
                    index: p.index,
                    reason: reason.to_string(),
                });
            }
            tables.pairs.push(pair);
            tables.passages.extend(passages);
        }
        done += batch.len();
        progress("aligning", done, total);
    }
    // pairs the dates did not decide take their outlets' history where it is clear
    let ends: Vec<usize> = decided.iter().skip(1).map(|d| d.2).chain([tables.provenance.len()]).collect();
    for (&(i, j, from, dated), &to) in decided.iter().zip(&ends) {
        let (Some(a), Some(b)) = (articles.get(i as usize), articles.get(j as usize)) else { continue };
        if dated {
            continue;
        }
        if let Some((copier, source)) = history.decide((&a.id, &a.source), (&b.id, &b.source)) {
            for e in tables.provenance.get_mut(from..to).unwrap_or_default() {
                e.copier = copier.to_string();
                e.source = source.to_string();
                e.reason = "history".to_string();
            }
        }
    }
    tables.stats.articles = n;
    tables.stats.candidates = candidates_found;
    tables.stats.checked = total;
    tables.stats.pairs = tables.pairs.len();
    tables.stats.capped_buckets = capped_buckets;
    tables
}
