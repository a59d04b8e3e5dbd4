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

use divergence::{Change, Finding};
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
    if inputs.is_empty() {
        return Err(Error::no_articles());
    }
    limits::check(inputs)?;
    // one vocabulary for all articles, so their words compare as symbols
    let mut vocab = Vocab::default();
    let read: Vec<(Cleaned, Vec<tokens::Token>)> = inputs
        .iter()
        .map(|input| {
            let cleaned = text::clean(&input.text);
            let toks = tokens::tokenize(&input.text, &cleaned.content(), &mut vocab);
            (cleaned, toks)
        })
        .collect();
    let vocab = vocab;
    let mut docs: Vec<Doc> = inputs
        .iter()
        .zip(read)
        .enumerate()
        .map(|(i, (input, (cleaned, compact)))| {
            let text = input.text.as_str();
            let sentences = tokens::sentences(&compact, &vocab, cleaned.flags.degraded());
            let tokens = tokens::view(&compact, &vocab);
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
        .collect();
    if docs.iter().all(|d| d.tokens.iter().all(|t| !t.is_wordlike())) {
        return Err(if docs.len() == 1 { Error::empty(0, &docs[0].label) } else { Error::all_empty() });
    }
    disambiguate_labels(&mut docs);
    let n = docs.len();
    let ids: Vec<String> = (0..n).map(article_id).collect();
    let labels: Vec<String> = docs.iter().map(|d| d.label.clone()).collect();

    // entities
    let mut found: Vec<Vec<Found>> =
        docs.iter().map(|d| entities::recognize(d.text, &d.tokens, &d.sentences)).collect();
    let texts: Vec<&str> = docs.iter().map(|d| d.text).collect();
    let all_tokens: Vec<Vec<Tok>> = docs.iter().map(|d| d.tokens.clone()).collect();
    let degraded: Vec<bool> = docs.iter().map(|d| d.cleaned.flags.degraded()).collect();
    entities::propagate(&texts, &all_tokens, &degraded, &mut found);
    let canon = entities::merge(&texts, &found);

    // passages for every pair that shares text, each pair aligned the same
    // way whatever the input order (articles ranked by their text)
    let mut by_text: Vec<usize> = (0..n).collect();
    by_text.sort_by(|&x, &y| docs[x].text.cmp(docs[y].text).then(x.cmp(&y)));
    let mut rank = vec![0; n];
    for (r, &d) in by_text.iter().enumerate() {
        rank[d] = r;
    }
    let streams: Vec<&Stream> = docs.iter().map(|d| &d.stream).collect();
    let matches: BTreeMap<(usize, usize), Vec<Match>> = overlap::align_all(&streams, &rank).into_iter().collect();
    // words of a in passages shared with b, and which words any other
    // article shares
    let mut shared = vec![0usize; n * n];
    let mut any_cover: Vec<Vec<bool>> = docs.iter().map(|d| vec![false; d.stream.len()]).collect();
    for (&(a, b), ms) in &matches {
        for m in ms {
            shared[a * n + b] += m.a1 - m.a0;
            shared[b * n + a] += m.b1 - m.b0;
            any_cover[a][m.a0..m.a1].iter_mut().for_each(|x| *x = true);
            any_cover[b][m.b0..m.b1].iter_mut().for_each(|x| *x = true);
        }
    }
    let containment = |a: usize, b: usize| {
        let len = docs[a].stream.len();
        if len == 0 {
            0.0
        } else {
            shared[a * n + b] as f64 / len as f64
        }
    };

    // what each article is about: weighted words, names weighted up, and
    // the canonical entities it mentions
    let story: Vec<overlap::StoryVector> = (0..n)
        .map(|a| {
            let mut named = vec![false; docs[a].tokens.len()];
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
            overlap::StoryVector::new(&docs[a].tokens, &docs[a].stream, &named, &ids_of)
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
    for a in 0..n {
        for b in 0..n {
            if a == b {
                continue;
            }
            let (lo, hi) = (a.min(b), a.max(b));
            let text = containment(lo, hi).max(containment(hi, lo));
            let sim = overlap::story_similarity(&story[lo], &story[hi]).max(text);
            let c = containment(a, b);
            pairs.push(Pair {
                a: ids[a].clone(),
                b: ids[b].clone(),
                containment: round4(c),
                similarity: round4(sim),
                shared_words: shared[a * n + b],
                explanation: pair_explanation(&labels[a], &labels[b], c, sim, &shared_names(a, b)),
            });
        }
    }

    // divergences
    let mut findings: Vec<Finding> = Vec::new();
    findings.extend(unique_sentences(&docs, &any_cover, &labels));
    findings.extend(wording(&docs, &matches, &labels));
    let ent_mentions: Vec<divergence::EntitySpread> = canon
        .iter()
        .map(|c| (c.name.clone(), c.kind, c.mentions.iter().map(|(a, f)| (*a, f.start, f.end)).collect()))
        .collect();
    findings.extend(divergence::coverage(n, &ent_mentions, &labels));
    let numbers: Vec<(usize, usize, usize, f64, String, String)> = found
        .iter()
        .enumerate()
        .flat_map(|(a, fs)| {
            let text = docs[a].text;
            fs.iter().filter(|f| f.kind == EntityKind::Number).filter_map(move |f| {
                Some((
                    a,
                    f.start,
                    f.end,
                    f.value?,
                    f.unit.clone().unwrap_or_default(),
                    text.get(f.start..f.end)?.to_string(),
                ))
            })
        })
        .collect();
    findings.extend(divergence::facts(&numbers, &labels));
    findings.sort_by(|x, y| y.severity.cmp(&x.severity).then(x.article.cmp(&y.article)).then(x.start.cmp(&y.start)));

    // assemble, converting offsets once
    let maps: Vec<OffsetMap> = docs.iter().map(|d| OffsetMap::new(d.text, options.offsets)).collect();
    let conv = |a: usize, byte: usize| maps[a].convert(byte);
    let slice = |a: usize, s: usize, e: usize| docs[a].text.get(s..e).unwrap_or("").to_string();

    let articles: Vec<ArticleReport> = docs
        .iter()
        .enumerate()
        .map(|(a, d)| {
            let flags = article_flags(d, &docs, a);
            let words = d.tokens.iter().filter(|t| t.is_wordlike()).count();
            let orig = if d.stream.is_empty() {
                1.0
            } else {
                any_cover[a].iter().filter(|x| !**x).count() as f64 / d.stream.len() as f64
            };
            ArticleReport {
                id: ids[a].clone(),
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
                *counts.entry(ids[*a].clone()).or_insert(0) += 1;
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
                        article: ids[*a].clone(),
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
            passages.push(passage(&docs, a, b, m, &ids, &conv));
        }
    }

    let divergences: Vec<Divergence> = findings
        .into_iter()
        .map(|f| Divergence {
            kind: f.kind.to_string(),
            severity: f.severity,
            article: ids[f.article].clone(),
            start: conv(f.article, f.start),
            end: conv(f.article, f.end),
            text: slice(f.article, f.start, f.end),
            others: f.others.iter().map(|o| ids[*o].clone()).collect(),
            counterpart: f.counterpart,
            explanation: f.explanation,
        })
        .collect();

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
    if docs[..a].iter().any(|o| o.text.trim() == d.text.trim() && !d.text.trim().is_empty()) {
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
) -> Passage {
    let (da, db) = (&docs[a], &docs[b]);
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
    Passage {
        a: ids[a].clone(),
        b: ids[b].clone(),
        a_start: conv(a, a_start),
        a_end: conv(a, a_end),
        b_start: conv(b, b_start),
        b_end: conv(b, b_end),
        words: m.a1 - m.a0,
        identity: round4(m.same_words() as f64 / len as f64),
        edits,
    }
}

/// Sentences of at least six words of which at most a fifth lie in text
/// shared with any other article.
fn unique_sentences(docs: &[Doc], any_cover: &[Vec<bool>], labels: &[String]) -> Vec<Finding> {
    let n = docs.len();
    if n < 2 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (a, d) in docs.iter().enumerate() {
        // stream position of each token
        let mut pos_of: HashMap<usize, usize> = HashMap::new();
        for (p, &t) in d.stream.tokens.iter().enumerate() {
            pos_of.insert(t, p);
        }
        for s in &d.sentences {
            let ps: Vec<usize> = s.tokens.clone().filter_map(|t| pos_of.get(&t).copied()).collect();
            if ps.len() < 6 {
                continue;
            }
            let cov = ps.iter().filter(|&&p| any_cover[a].get(p).copied().unwrap_or(false)).count();
            if cov * 5 <= ps.len() {
                let others: Vec<usize> = (0..n).filter(|x| *x != a).collect();
                out.push(Finding {
                    kind: "unique",
                    severity: Severity::Medium,
                    article: a,
                    start: s.start,
                    end: s.end,
                    others: others.clone(),
                    counterpart: None,
                    explanation: format!(
                        "Only {} says this; no passage of {} matches it.",
                        labels[a],
                        divergence::join_labels(&others.iter().map(|o| labels[*o].clone()).collect::<Vec<_>>())
                    ),
                });
            }
        }
    }
    out
}

/// Substitutions, insertions and deletions inside shared passages.
fn wording(docs: &[Doc], matches: &BTreeMap<(usize, usize), Vec<Match>>, labels: &[String]) -> Vec<Finding> {
    let mut out = Vec::new();
    for (&(a, b), ms) in matches {
        let (da, db) = (&docs[a], &docs[b]);
        let span = |d: &Doc, s: usize, e: usize| -> Option<(usize, usize)> {
            let st = d.tokens.get(*d.stream.tokens.get(s)?)?.start;
            let en = d.tokens.get(*d.stream.tokens.get(e.checked_sub(1)?)?)?.end;
            Some((st, en))
        };
        for m in ms {
            for op in &m.ops {
                let Op::Diff { i0, i1, j0, j1 } = *op else { continue };
                let wa: Vec<&str> = (i0..i1)
                    .filter_map(|k| da.stream.tokens.get(k).and_then(|&t| da.tokens.get(t)))
                    .map(|t| t.norm)
                    .collect();
                let wb: Vec<&str> = (j0..j1)
                    .filter_map(|k| db.stream.tokens.get(k).and_then(|&t| db.tokens.get(t)))
                    .map(|t| t.norm)
                    .collect();
                let change = divergence::classify(&wa.join(" "), &wb.join(" "));
                let sa = if i1 > i0 { span(da, i0, i1) } else { None };
                let sb = if j1 > j0 { span(db, j0, j1) } else { None };
                let ta = sa.and_then(|(s, e)| da.text.get(s..e)).unwrap_or("").to_string();
                let tb = sb.and_then(|(s, e)| db.text.get(s..e)).unwrap_or("").to_string();
                let (la, lb) = (&labels[a], &labels[b]);
                let severity = match change {
                    Change::Format => Severity::Low,
                    Change::Framing => Severity::High,
                    Change::Omission => Severity::Medium,
                };
                match (sa, sb) {
                    (Some((s, e)), Some((s2, e2))) => {
                        // on both articles, so each one's view lists it
                        for (art, other, st, en, mine, theirs, lm, lt) in
                            [(a, b, s, e, &ta, &tb, la, lb), (b, a, s2, e2, &tb, &ta, lb, la)]
                        {
                            out.push(Finding {
                                kind: "wording",
                                severity,
                                article: art,
                                start: st,
                                end: en,
                                others: vec![other],
                                counterpart: Some(theirs.clone()),
                                explanation: if change == Change::Format {
                                    format!(
                                        "{lm} writes \"{mine}\" where {lt} writes \"{theirs}\": the same thing, spelled differently."
                                    )
                                } else {
                                    format!("In a passage they share, {lm} says \"{mine}\" where {lt} says \"{theirs}\".")
                                },
                            });
                        }
                    }
                    (Some((s, e)), None) => out.push(Finding {
                        kind: "wording",
                        severity,
                        article: a,
                        start: s,
                        end: e,
                        others: vec![b],
                        counterpart: Some(String::new()),
                        explanation: format!("In a passage they share, {lb} leaves out \"{ta}\", which {la} has."),
                    }),
                    (None, Some((s, e))) => out.push(Finding {
                        kind: "wording",
                        severity,
                        article: b,
                        start: s,
                        end: e,
                        others: vec![a],
                        counterpart: Some(String::new()),
                        explanation: format!("In a passage they share, {lb} adds \"{tb}\", which {la} does not have."),
                    }),
                    (None, None) => {}
                }
            }
        }
    }
    out
}
