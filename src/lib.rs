//! Corroborate compares news articles about one story: who and what each
//! source mentions, how much of each article is reused from each other one,
//! and where the sources diverge.
//!
//! The pipeline, one module per stage:
//!
//! - [`normalize`]: NFKC and typographic folding with an alignment back to
//!   the original text;
//! - [`text`]: finds the article body in what the user pasted, sets aside
//!   page chrome, header lines and datelines, detects degraded copies;
//! - [`tokens`]: words and sentences with spans into the original text;
//! - [`entities`]: people, places, organizations, groups, dates and numbers,
//!   with aliases merged across articles;
//! - [`overlap`]: aligned passages, asymmetric containment, same-story
//!   similarity;
//! - [`divergence`]: unique content, re-wordings, fact conflicts, coverage
//!   gaps;
//! - [`report`]: the [`Report`] every front end reads.
//!
//! # Example
//!
//! ```
//! use corroborate::{analyze, ArticleInput, Options, OffsetUnit};
//! let wire = "A container crane collapsed in Rotterdam on Monday, killing four dock workers, the Harbor Authority said. \
//!             Mayor Elena Vasquez ordered an inspection of every crane in Rotterdam.";
//! let copy = "a container crane collapsed in rotterdam on monday  killing four dock workers  the harbor authority said \
//!             mayor elena vasquez ordered an inspection of every crane in rotterdam";
//! let report = analyze(
//!     &[ArticleInput::new(wire), ArticleInput::new(copy).with_label("Copy")],
//!     &Options { offsets: OffsetUnit::Utf16, ..Options::default() },
//! )?;
//! assert_eq!(report.articles[1].label, "Copy");
//! assert!(report.pairs[0].containment > 0.9);
//! let port = report.entities.iter().find(|e| e.name == "Rotterdam").unwrap();
//! assert_eq!(port.counts["A"], 2);
//! assert_eq!(port.counts["B"], 2); // found in the lowercased copy too
//! # Ok::<(), corroborate::Error>(())
//! ```

#![deny(missing_docs)]
// unit tests may slice strings (`clippy.toml` already allows indexing there)
#![cfg_attr(test, allow(clippy::string_slice))]

pub mod divergence;
pub mod entities;
mod error;
pub mod input;
pub mod limits;
pub mod normalize;
pub mod overlap;
pub mod report;
pub mod text;
pub mod tokens;

#[cfg(target_family = "wasm")]
mod wasm;

pub use error::{Error, ErrorKind};
pub use report::{
    article_id, ArticleReport, Divergence, Edit, Entity, EntityKind, Mention, OffsetMap, OffsetUnit, Pair, Passage,
    Removed, Report, Severity, Span, Stats,
};

use entities::Found;
use overlap::{Match, Op, Stream};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use text::Cleaned;
use tokens::{Sentence, Tok, Vocab};

/// The text stages of one article on its own: cleaning, tokens (with their
/// vocabulary) and sentences.
#[derive(Debug, Clone)]
pub struct TextStages {
    /// What the cleaner found.
    pub cleaned: Cleaned,
    /// The keys of the tokens.
    pub vocab: Vocab,
    /// The body's tokens.
    pub tokens: Vec<tokens::Token>,
    /// The body's sentences.
    pub sentences: Vec<Sentence>,
}

/// Runs the text stages on one text, as [`analyze`] does for each article.
///
/// ```
/// let t = corroborate::text_stages("date 2020-01-02 The mayor spoke. Then she left.");
/// assert_eq!(t.cleaned.metadata["date"], "2020-01-02");
/// assert_eq!(t.sentences.len(), 2);
/// ```
pub fn text_stages(text: &str) -> TextStages {
    let cleaned = text::clean(text);
    let mut vocab = Vocab::default();
    let tokens = tokens::tokenize(text, &cleaned.content(), &mut vocab);
    let sentences = tokens::sentences(&tokens, &vocab, cleaned.flags.degraded());
    TextStages { cleaned, vocab, tokens, sentences }
}

/// Version of the [`Report`] format.
pub const REPORT_VERSION: u32 = 1;

/// One article to analyze.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ArticleInput {
    /// The text as the user pasted it.
    pub text: String,
    /// The label the user typed (the outlet), if any.
    #[serde(default)]
    pub label: Option<String>,
    /// The file name it came from, if any.
    #[serde(default)]
    pub name: Option<String>,
    /// Problems met while reading the input (e.g. invalid UTF-8 replaced),
    /// carried into the report's article warnings.
    #[serde(default)]
    pub warnings: Vec<String>,
}

impl ArticleInput {
    /// An article from its text.
    pub fn new(text: impl Into<String>) -> ArticleInput {
        ArticleInput { text: text.into(), label: None, name: None, warnings: Vec::new() }
    }

    /// Sets the label the user typed.
    pub fn with_label(mut self, label: impl Into<String>) -> ArticleInput {
        self.label = Some(label.into());
        self
    }

    /// Sets the file name.
    pub fn with_name(mut self, name: impl Into<String>) -> ArticleInput {
        self.name = Some(name.into());
        self
    }
}

/// Options of one analysis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Options {
    /// The unit of every span in the report.
    pub offsets: OffsetUnit,
}

/// One article as it moves through the pipeline.
struct Doc<'a> {
    text: &'a str,
    cleaned: Cleaned,
    tokens: Vec<Tok<'a>>,
    sentences: Vec<Sentence>,
    stream: Stream,
    label: String,
}

/// Analyzes a set of articles about one story.
///
/// # Errors
///
/// [`Error`] when there is no article, when the input is over a limit of
/// [`limits`], or when every article is empty after cleaning.
pub fn analyze(inputs: &[ArticleInput], options: &Options) -> Result<Report, Error> {
    analyze_with_progress(inputs, options, &mut |_, _| {})
}

/// [`analyze`], calling `progress(stage, fraction)` as it goes: the stage
/// (`reading`, `entities`, `reuse`, `divergences`, `report`) and the share
/// of the work done, from 0 to 1. The page's worker forwards it to the
/// progress bar.
///
/// ```
/// let inputs = [corroborate::ArticleInput::new("The harbor crane collapsed on Monday.")];
/// let mut stages = Vec::new();
/// corroborate::analyze_with_progress(&inputs, &Default::default(), &mut |s, f| stages.push((s.to_string(), f)))
///     .unwrap();
/// assert_eq!(stages.last().unwrap().1, 1.0);
/// assert!(stages.windows(2).all(|w| w[0].1 <= w[1].1));
/// ```
///
/// # Errors
///
/// As [`analyze`].
pub fn analyze_with_progress(
    inputs: &[ArticleInput],
    options: &Options,
    progress: &mut dyn FnMut(&str, f64),
) -> Result<Report, Error> {
    if inputs.is_empty() {
        return Err(Error::no_articles());
    }
    limits::check(inputs)?;
    // one vocabulary for all articles, so their words compare as symbols
    let mut vocab = Vocab::default();
    progress("reading", 0.0);
    let read = read_inputs(inputs, &mut vocab);
    let mut docs = make_docs(inputs, read, &vocab);
    progress("entities", 0.2);
    if docs.iter().all(|d| d.tokens.iter().all(|t| !t.is_wordlike())) {
        return Err(if let [d] = docs.as_slice() { Error::empty(0, &d.label) } else { Error::all_empty() });
    }
    disambiguate_labels(&mut docs);
    let n = docs.len();
    let ids: Vec<String> = (0..n).map(article_id).collect();
    let labels: Vec<String> = docs.iter().map(|d| d.label.clone()).collect();

    // entities
    let mut found: Vec<Vec<Found>> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let f = entities::recognize(d.text, &d.tokens, &d.sentences);
            progress("entities", (0.2 + 0.4 * (i + 1) as f64 / n as f64).min(0.6));
            f
        })
        .collect();
    let texts: Vec<&str> = docs.iter().map(|d| d.text).collect();
    let all_tokens: Vec<Vec<Tok>> = docs.iter().map(|d| d.tokens.clone()).collect();
    let degraded: Vec<bool> = docs.iter().map(|d| d.cleaned.flags.degraded()).collect();
    entities::propagate(&texts, &all_tokens, &degraded, &mut found);
    let canon = entities::merge(&texts, &found);

    progress("reuse", 0.6);
    let Reuse { matches, shared, any_cover } = reuse(&docs);
    progress("divergences", 0.75);
    // words of `a` shared with `b` (articles are `0..n`, so `shared` has
    // every pair; a missing one shares nothing)
    let shared_ab = |a: usize, b: usize| shared.get(a * n + b).copied().unwrap_or(0);
    let containment = |a: usize, b: usize| {
        let len = docs.get(a).map_or(0, |d| d.stream.len());
        if len == 0 {
            0.0
        } else {
            shared_ab(a, b) as f64 / len as f64
        }
    };

    // what each article is about: weighted words, names weighted up, and
    // the canonical entities it mentions
    let story: Vec<overlap::StoryVector> = docs
        .iter()
        .enumerate()
        .map(|(a, d)| {
            let mut named = vec![false; d.tokens.len()];
            let mut ids_of: Vec<u32> = Vec::new();
            for (ci, c) in canon.iter().enumerate() {
                let is_name = !matches!(c.kind, EntityKind::Number | EntityKind::Date);
                for (_, f) in c.mentions.iter().filter(|(x, _)| *x == a) {
                    if is_name {
                        if let Some(s) = named.get_mut(f.tokens.clone()) {
                            s.iter_mut().for_each(|x| *x = true);
                        }
                    }
                    if ids_of.last() != Some(&(ci as u32)) {
                        ids_of.push(ci as u32);
                    }
                }
            }
            overlap::StoryVector::new(&d.tokens, &d.stream, &named, &ids_of)
        })
        .collect();

    // the names two articles both mention, most mentioned first
    let shared_names = |a: usize, b: usize| -> Vec<String> {
        let mut v: Vec<(usize, &str)> = canon
            .iter()
            .filter(|c| !matches!(c.kind, EntityKind::Number | EntityKind::Date))
            .filter(|c| c.mentions.iter().any(|(x, _)| *x == a) && c.mentions.iter().any(|(x, _)| *x == b))
            .map(|c| (c.mentions.len(), c.name.as_str()))
            .collect();
        v.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(y.1)));
        v.into_iter().take(3).map(|(_, name)| name.to_string()).collect()
    };
    let mut pairs = Vec::new();
    for (a, (id_a, label_a)) in ids.iter().zip(&labels).enumerate() {
        for (b, (id_b, label_b)) in ids.iter().zip(&labels).enumerate() {
            if a == b {
                continue;
            }
            let (lo, hi) = (a.min(b), a.max(b));
            let text = containment(lo, hi).max(containment(hi, lo));
            // `story` has one vector per article
            let (Some(story_lo), Some(story_hi)) = (story.get(lo), story.get(hi)) else { continue };
            let sim = overlap::story_similarity(story_lo, story_hi).max(text);
            let c = containment(a, b);
            pairs.push(Pair {
                a: id_a.clone(),
                b: id_b.clone(),
                containment: round4(c),
                similarity: round4(sim),
                shared_words: shared_ab(a, b),
                explanation: pair_explanation(label_a, label_b, c, sim, &shared_names(a, b)),
            });
        }
    }

    // divergences
    let views: Vec<divergence::Article> = docs
        .iter()
        .map(|d| divergence::Article {
            text: d.text,
            tokens: &d.tokens,
            sentences: &d.sentences,
            stream: &d.stream,
            label: &d.label,
            no_digits: d.cleaned.flags.no_digits,
        })
        .collect();
    let findings = divergence::find(&divergence::Context {
        articles: &views,
        matches: &matches,
        shared: &shared,
        any_cover: &any_cover,
        canon: &canon,
    });

    progress("report", 0.9);
    // assemble, converting offsets once
    let maps: Vec<OffsetMap> = docs.iter().map(|d| OffsetMap::new(d.text, options.offsets)).collect();
    // article indices below all come from `0..n`: `maps`, `docs` and `ids`
    // have one entry per article
    let conv = |a: usize, byte: usize| maps.get(a).map_or(byte, |m| m.convert(byte));
    let slice = |a: usize, s: usize, e: usize| docs.get(a).and_then(|d| d.text.get(s..e)).unwrap_or("").to_string();
    let id = |a: usize| ids.get(a).cloned().unwrap_or_default();

    let articles: Vec<ArticleReport> = docs
        .iter()
        .enumerate()
        .map(|(a, d)| {
            let flags = article_flags(d, &docs, a);
            let words = d.tokens.iter().filter(|t| t.is_wordlike()).count();
            let orig = if d.stream.is_empty() {
                1.0
            } else {
                any_cover.get(a).map_or(0, |c| c.iter().filter(|x| !**x).count()) as f64 / d.stream.len() as f64
            };
            ArticleReport {
                id: id(a),
                label: d.label.clone(),
                title: d.cleaned.title.clone().map(|r| slice(a, r.start, r.end)),
                title_span: d.cleaned.title.clone().map(|r| Span { start: conv(a, r.start), end: conv(a, r.end) }),
                words,
                sentences: d.sentences.len(),
                length: conv(a, d.text.len()),
                flags,
                metadata: d.cleaned.metadata.clone(),
                removed: d
                    .cleaned
                    .removed
                    .iter()
                    .map(|(r, why)| Removed {
                        start: conv(a, r.start),
                        end: conv(a, r.end),
                        reason: why.to_string(),
                        text: slice(a, r.start, r.end),
                    })
                    .collect(),
                originality: round4(if n < 2 { 1.0 } else { orig }),
                warnings: inputs.get(a).map(|i| i.warnings.clone()).unwrap_or_default(),
            }
        })
        .collect();

    let mut entities_out: Vec<Entity> = canon
        .iter()
        .map(|c| {
            let mut counts = BTreeMap::new();
            let mut alias_counts: BTreeMap<String, usize> = BTreeMap::new();
            for (a, f) in &c.mentions {
                *counts.entry(id(*a)).or_insert(0) += 1;
                *alias_counts.entry(slice(*a, f.start, f.end)).or_insert(0) += 1;
            }
            let mut aliases: Vec<(String, usize)> = alias_counts.into_iter().collect();
            aliases.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
            let first = c.mentions.first().map(|(_, f)| f);
            Entity {
                name: c.name.clone(),
                kind: c.kind,
                aliases: aliases.into_iter().map(|(s, _)| s).collect(),
                counts,
                total: c.mentions.len(),
                value: first.and_then(|f| f.value),
                qualifier: first.and_then(|f| f.qualifier.clone()),
                unit: first.and_then(|f| f.unit.clone()),
                mentions: c
                    .mentions
                    .iter()
                    .map(|(a, f)| Mention {
                        article: id(*a),
                        start: conv(*a, f.start),
                        end: conv(*a, f.end),
                        text: slice(*a, f.start, f.end),
                    })
                    .collect(),
            }
        })
        .collect();
    entities_out.sort_by(|x, y| y.total.cmp(&x.total).then(x.kind.cmp(&y.kind)).then(x.name.cmp(&y.name)));

    let mut passages = Vec::new();
    for (&(a, b), ms) in &matches {
        for m in ms {
            passages.extend(passage(&docs, a, b, m, &ids, &conv));
        }
    }

    let divergences: Vec<Divergence> = findings
        .into_iter()
        .map(|f| Divergence {
            kind: f.kind.to_string(),
            severity: f.severity,
            article: id(f.article),
            start: conv(f.article, f.start),
            end: conv(f.article, f.end),
            text: slice(f.article, f.start, f.end),
            others: f.others.iter().map(|o| id(*o)).collect(),
            counterpart: f.counterpart,
            relation: f.relation.map(str::to_string),
            explanation: f.explanation,
        })
        .collect();

    progress("report", 1.0);
    Ok(Report {
        version: REPORT_VERSION,
        offsets: options.offsets,
        stats: Stats { words: articles.iter().map(|a| a.words).sum(), elapsed_ms: None },
        articles,
        entities: entities_out,
        pairs,
        passages,
        divergences,
    })
}

/// Cleans and tokenizes every input into one vocabulary.
fn read_inputs(inputs: &[ArticleInput], vocab: &mut Vocab) -> Vec<(Cleaned, Vec<tokens::Token>)> {
    inputs
        .iter()
        .map(|input| {
            let cleaned = text::clean(&input.text);
            let toks = tokens::tokenize(&input.text, &cleaned.content(), vocab);
            (cleaned, toks)
        })
        .collect()
}

/// The pipeline's view of each article: tokens, sentences, matching stream
/// and label.
fn make_docs<'a>(
    inputs: &'a [ArticleInput],
    read: Vec<(Cleaned, Vec<tokens::Token>)>,
    vocab: &'a Vocab,
) -> Vec<Doc<'a>> {
    inputs
        .iter()
        .zip(read)
        .enumerate()
        .map(|(i, (input, (cleaned, compact)))| {
            let text = input.text.as_str();
            let sentences = tokens::sentences(&compact, vocab, cleaned.flags.degraded());
            let tokens = tokens::view(&compact, vocab);
            let stream = Stream::new(&tokens);
            let label = input
                .label
                .as_deref()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .or_else(|| cleaned.label_guess.clone())
                .or_else(|| input.name.as_deref().map(file_label).filter(|l| !l.is_empty()))
                .unwrap_or_else(|| format!("Article {}", i + 1));
            Doc { text, cleaned, tokens, sentences, stream, label }
        })
        .collect()
}

/// The passages of every pair of articles and what they cover.
struct Reuse {
    /// Passages of each pair `(a, b)`, `a < b`, seen from `a`.
    matches: BTreeMap<(usize, usize), Vec<Match>>,
    /// `shared[a * n + b]`: words of `a` in passages shared with `b`.
    shared: Vec<usize>,
    /// For each article's stream position: shared with any other article.
    any_cover: Vec<Vec<bool>>,
}

/// Aligns every pair that shares text, each pair the same way whatever the
/// input order (articles ranked by their text).
fn reuse(docs: &[Doc]) -> Reuse {
    let n = docs.len();
    let mut by_text: Vec<usize> = (0..n).collect();
    let text_of = |x: usize| docs.get(x).map(|d| d.text);
    by_text.sort_by(|&x, &y| text_of(x).cmp(&text_of(y)).then(x.cmp(&y)));
    let mut rank = vec![0; n];
    for (r, &d) in by_text.iter().enumerate() {
        if let Some(x) = rank.get_mut(d) {
            *x = r;
        }
    }
    let streams: Vec<&Stream> = docs.iter().map(|d| &d.stream).collect();
    let matches: BTreeMap<(usize, usize), Vec<Match>> = overlap::align_all(&streams, &rank).into_iter().collect();
    let mut shared = vec![0usize; n * n];
    let mut any_cover: Vec<Vec<bool>> = docs.iter().map(|d| vec![false; d.stream.len()]).collect();
    for (&(a, b), ms) in &matches {
        // pairs and passages index the articles and their streams
        for m in ms {
            if let Some(x) = shared.get_mut(a * n + b) {
                *x += m.a1 - m.a0;
            }
            if let Some(x) = shared.get_mut(b * n + a) {
                *x += m.b1 - m.b0;
            }
            for (d, r) in [(a, m.a0..m.a1), (b, m.b0..m.b1)] {
                if let Some(c) = any_cover.get_mut(d).and_then(|c| c.get_mut(r)) {
                    c.fill(true);
                }
            }
        }
    }
    Reuse { matches, shared, any_cover }
}

/// What the reuse stage alone found: for benchmarks and callers that need
/// no entities or divergences.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReuseSummary {
    /// Words in all articles' matching streams.
    pub words: usize,
    /// Pairs that share at least one passage.
    pub pairs: usize,
    /// Every passage, with its edits, spans in `offsets` units.
    pub passages: Vec<Passage>,
}

/// Runs only cleaning, tokenizing and the reuse engine on `texts`: the
/// passages of every pair with their substitutions, insertions and
/// deletions, as [`analyze`] reports them.
///
/// ```
/// let a = "The harbor crane collapsed on Monday, killing four dock workers, officials said.";
/// let b = "Officials said the harbor crane collapsed on Monday, killing four workers.";
/// let r = corroborate::reuse_only(&[a, b], corroborate::OffsetUnit::Utf16);
/// assert_eq!(r.passages.len(), 1);
/// assert_eq!(r.passages[0].edits[0].a_text, "dock");
/// ```
pub fn reuse_only(texts: &[&str], offsets: OffsetUnit) -> ReuseSummary {
    let inputs: Vec<ArticleInput> = texts.iter().map(|t| ArticleInput::new(*t)).collect();
    let mut vocab = Vocab::default();
    let read = read_inputs(&inputs, &mut vocab);
    let docs = make_docs(&inputs, read, &vocab);
    let r = reuse(&docs);
    let n = docs.len();
    let ids: Vec<String> = (0..n).map(article_id).collect();
    let maps: Vec<OffsetMap> = docs.iter().map(|d| OffsetMap::new(d.text, offsets)).collect();
    let conv = |a: usize, byte: usize| maps.get(a).map_or(byte, |m| m.convert(byte));
    let passages: Vec<Passage> = r
        .matches
        .iter()
        .flat_map(|(&(a, b), ms)| ms.iter().map(move |m| (a, b, m)))
        .filter_map(|(a, b, m)| passage(&docs, a, b, m, &ids, &conv))
        .collect();
    ReuseSummary { words: docs.iter().map(|d| d.stream.len()).sum(), pairs: r.matches.len(), passages }
}

fn round4(x: f64) -> f64 {
    // `+ 0.0` turns -0.0 into 0.0
    (x.clamp(0.0, 1.0) * 10000.0).round() / 10000.0 + 0.0
}

/// "reuters_story.txt" → "reuters story".
fn file_label(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = base.rsplit_once('.').map_or(base, |(s, _)| s);
    stem.replace(['_', '-'], " ").trim().to_string()
}

/// Two articles with the same label get " (2)", " (3)" appended.
fn disambiguate_labels(docs: &mut [Doc]) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for d in docs.iter_mut() {
        let k = seen.entry(d.label.clone()).or_insert(0);
        *k += 1;
        if *k > 1 {
            d.label = format!("{} ({})", d.label, k);
        }
    }
}

fn article_flags(d: &Doc, docs: &[Doc], a: usize) -> Vec<String> {
    let mut flags = Vec::new();
    let f = d.cleaned.flags;
    if f.degraded() {
        flags.push("degraded".to_string());
    }
    if f.lowercase {
        flags.push("lowercase".to_string());
    }
    if f.no_punctuation {
        flags.push("no-punctuation".to_string());
    }
    if f.no_digits {
        flags.push("no-digits".to_string());
    }
    if d.tokens.iter().all(|t| !t.is_wordlike()) {
        flags.push("empty".to_string());
    }
    if docs.get(..a).unwrap_or_default().iter().any(|o| o.text.trim() == d.text.trim() && !d.text.trim().is_empty()) {
        flags.push("duplicate".to_string());
    }
    flags
}

/// "Reuters" → "Reuters'", "AP" → "AP's".
fn possessive(label: &str) -> String {
    if label.ends_with('s') {
        format!("{label}'")
    } else {
        format!("{label}'s")
    }
}

/// One or two sentences a reader understands: how much of `la` is text
/// shared with `lb`, and whether they tell the same story (with the names
/// both mention).
fn pair_explanation(la: &str, lb: &str, containment: f64, sim: f64, names: &[String]) -> String {
    let pct = (containment * 100.0).round();
    let of_a = possessive(la);
    let reuse = if containment >= 0.5 {
        format!("{pct}% of {of_a} words are in passages shared with {lb}: most of {la} is the same text.")
    } else if pct >= 5.0 {
        format!("{pct}% of {of_a} words are in passages shared with {lb}.")
    } else if containment > 0.0 {
        format!("{la} shares only short passages with {lb} ({pct}% of its words).", pct = pct.max(1.0))
    } else {
        format!("{la} shares no passage with {lb}.")
    };
    let named =
        if names.is_empty() { String::new() } else { format!("; both mention {}", divergence::join_labels(names)) };
    let score = (sim * 100.0).round() / 100.0;
    let story = if sim >= 0.5 {
        format!(" They report the same story (similarity {score}{named}).")
    } else if sim >= 0.3 {
        format!(" They may be about the same story (similarity {score}{named}).")
    } else {
        format!(" They look like different stories (similarity {score}).")
    };
    reuse + &story
}

fn passage(
    docs: &[Doc],
    a: usize,
    b: usize,
    m: &Match,
    ids: &[String],
    conv: &dyn Fn(usize, usize) -> usize,
) -> Option<Passage> {
    // `a` and `b` are articles of `docs` (the pairs come from them)
    let (Some(da), Some(db)) = (docs.get(a), docs.get(b)) else { return None };
    let span = |d: &Doc, s: usize, e: usize| -> (usize, usize) {
        let st = d.stream.tokens.get(s).and_then(|&t| d.tokens.get(t)).map_or(0, |t| t.start);
        let en =
            e.checked_sub(1).and_then(|k| d.stream.tokens.get(k)).and_then(|&t| d.tokens.get(t)).map_or(st, |t| t.end);
        (st, en)
    };
    // an empty side is placed where the other side's text would go
    let point = |d: &Doc, pos: usize| -> usize {
        d.stream
            .tokens
            .get(pos)
            .and_then(|&t| d.tokens.get(t))
            .map_or_else(|| d.stream.tokens.last().and_then(|&t| d.tokens.get(t)).map_or(0, |t| t.end), |t| t.start)
    };
    let (a_start, a_end) = span(da, m.a0, m.a1);
    let (b_start, b_end) = span(db, m.b0, m.b1);
    let mut edits = Vec::new();
    for op in &m.ops {
        if let Op::Diff { i0, i1, j0, j1 } = *op {
            let (as_, ae) = if i1 > i0 { span(da, i0, i1) } else { (point(da, i0), point(da, i0)) };
            let (bs, be) = if j1 > j0 { span(db, j0, j1) } else { (point(db, j0), point(db, j0)) };
            let kind = if i1 == i0 {
                "insert"
            } else if j1 == j0 {
                "delete"
            } else {
                "substitute"
            };
            edits.push(Edit {
                kind: kind.to_string(),
                a_start: conv(a, as_),
                a_end: conv(a, ae),
                b_start: conv(b, bs),
                b_end: conv(b, be),
                a_text: if i1 > i0 { da.text.get(as_..ae).unwrap_or("").to_string() } else { String::new() },
                b_text: if j1 > j0 { db.text.get(bs..be).unwrap_or("").to_string() } else { String::new() },
            });
        }
    }
    let len = (m.a1 - m.a0).max(m.b1 - m.b0).max(1);
    Some(Passage {
        a: ids.get(a).cloned().unwrap_or_default(),
        b: ids.get(b).cloned().unwrap_or_default(),
        a_start: conv(a, a_start),
        a_end: conv(a, a_end),
        b_start: conv(b, b_start),
        b_end: conv(b, b_end),
        words: m.a1 - m.a0,
        identity: round4(m.same_words() as f64 / len as f64),
        edits,
    })
}
