//! Source divergence: what only one source says, what was re-worded inside
//! shared passages, which facts disagree and which names or sources only one
//! article has.
//!
//! Built on the entity and reuse stages: [`find`] reads the aligned
//! passages (their substitutions, insertions and deletions), the sentences
//! no other article covers, and the canonical entities with their mentions.
//! Every finding becomes a [`crate::Divergence`] with a kind, a severity, a
//! span in the original text, the other articles involved and a sentence
//! written for a reader, not for an engineer.
//!
//! Kinds:
//! - `unique`: sentences no other article supports, neither by a shared
//!   passage nor by a sentence carrying the same content (a paraphrase is not
//!   unique);
//! - `framing`: words changed inside a shared passage in a way that changes
//!   how the story reads ("president" → "regime leader", "islamist" dropped);
//! - `format`: the same thing written differently (an alias, a spelling
//!   variant, digits stripped from a degraded copy, a re-phrasing with the
//!   same words);
//! - `omission`: a clause or sentence dropped from, or added to, text two
//!   articles otherwise share;
//! - `fact`: numbers and dates about the same thing, labelled agrees,
//!   compatible or conflicts;
//! - `coverage`: people, organizations, places and quoted sources only one
//!   article has;
//! - `attribution`: the same statement attributed to different sources in
//!   different articles.

use self::unique::unique;
use attribution::attributions;
use changes::wording;
use coverage::coverage;
use dropped::dropped_sentences;
use facts::facts;
use similar::{sentence_terms, SentenceIndex, Terms};

mod attribution;
mod changes;
mod coverage;
mod dropped;
mod facts;
pub(crate) mod rank;
mod similar;
pub mod support;
mod unique;

use crate::entities::{Canonical, Found};
use crate::overlap::{Match, Stream};
use crate::report::{DivergenceKind, EntityKind, Relation, Severity};
use crate::tokens::{Sentence, Tok};
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::BTreeMap;
use std::collections::BTreeSet;

/// A divergence before offsets are converted: byte spans.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// What kind of difference it is.
    pub kind: DivergenceKind,
    /// How much it matters.
    pub severity: Severity,
    /// Article index.
    pub article: usize,
    /// Byte start in the original.
    pub start: usize,
    /// Byte end in the original.
    pub end: usize,
    /// Other article indices involved.
    pub others: Vec<usize>,
    /// The other side's wording, when there is one.
    pub counterpart: Option<String>,
    /// Where that wording is in the first of `others` (bytes): one finding
    /// carries both sides of a difference, listed once.
    pub counterpart_span: Option<(usize, usize)>,
    /// For facts: how the figures relate.
    pub relation: Option<Relation>,
    /// One sentence for a reader.
    pub explanation: String,
}

/// One article as divergence reads it.
#[derive(Debug, Clone, Copy)]
pub struct Article<'a> {
    /// The original text.
    pub text: &'a str,
    /// Its tokens.
    pub tokens: &'a [Tok<'a>],
    /// Its sentences.
    pub sentences: &'a [Sentence],
    /// Its matching stream.
    pub stream: &'a Stream,
    /// Its label.
    pub label: &'a str,
    /// True when the copy lost its digits (a stripped dump).
    pub no_digits: bool,
}

/// Everything divergence reads.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The articles.
    pub articles: &'a [Article<'a>],
    /// Passages of each pair `(a, b)`, `a < b`, seen from `a`.
    pub matches: &'a BTreeMap<(usize, usize), Vec<Match>>,
    /// `shared[a * n + b]`: words of `a` in passages shared with `b`.
    pub shared: &'a [usize],
    /// For each article's stream position: shared with any other article.
    pub any_cover: &'a [Vec<bool>],
    /// Pairs `(a, b)`, `a < b`, whose passages the report does not list:
    /// their word changes are not listed either.
    pub unlisted: &'a BTreeSet<(usize, usize)>,
    /// Canonical entities with their mentions.
    pub canon: &'a [Canonical],
}

/// Finds every divergence between the articles, most severe first.
pub fn find(ctx: &Context) -> Vec<Finding> {
    let n = ctx.articles.len();
    if n < 2 {
        return Vec::new();
    }
    crate::work::add(ctx.canon.len() + ctx.articles.iter().map(|d| d.tokens.len()).sum::<usize>());
    let ents = EntityIndex::new(ctx);
    // every sentence's content stems with their weights, read by the unique
    // and attribution passes
    let terms: Vec<Vec<Terms>> =
        ctx.articles.iter().map(|d| d.sentences.iter().map(|s| sentence_terms(d, s)).collect()).collect();
    let index = SentenceIndex::new(&terms);
    let mut out = Vec::new();
    out.extend(wording(ctx, &ents));
    out.extend(dropped_sentences(ctx, &ents));
    out.extend(unique(ctx, &terms, &index));
    out.extend(coverage(ctx));
    out.extend(attributions(ctx, &ents, &terms, &index));
    out.extend(facts(ctx, &ents));
    out.sort_by(|x, y| {
        y.severity
            .cmp(&x.severity)
            .then(x.article.cmp(&y.article))
            .then(x.start.cmp(&y.start))
            .then(x.end.cmp(&y.end))
            .then(x.kind.cmp(&y.kind))
            .then(x.others.cmp(&y.others))
    });
    out.dedup_by(|x, y| {
        x.article == y.article && x.start == y.start && x.end == y.end && x.kind == y.kind && x.others == y.others
    });
    once_per_difference(out)
}

/// Drops the mirror image of a finding that carries both sides: the same
/// kind between the same two spans, seen from the other article.
fn once_per_difference(all: Vec<Finding>) -> Vec<Finding> {
    // (article, start, end) of each side
    type Side = (usize, usize, usize);
    let mut seen: FxHashSet<(DivergenceKind, Side, Side)> = FxHashSet::default();
    all.into_iter()
        .filter(|f| {
            let (Some(&o), Some((s, e))) = (f.others.first(), f.counterpart_span) else { return true };
            let (me, other) = ((f.article, f.start, f.end), (o, s, e));
            let key = if me <= other { (f.kind, me, other) } else { (f.kind, other, me) };
            seen.insert(key)
        })
        .collect()
}

/// Which canonical entity each token belongs to, and each article's
/// numbers and dates.
struct EntityIndex<'a> {
    /// Per article: token index → canonical entity of a named kind.
    named: Vec<FxHashMap<usize, u32>>,
    /// Per article: numbers and dates.
    values: Vec<Vec<&'a Found>>,
}

fn is_named(k: EntityKind) -> bool {
    !matches!(k, EntityKind::Number | EntityKind::Date)
}

impl<'a> EntityIndex<'a> {
    fn new(ctx: &Context<'a>) -> EntityIndex<'a> {
        let n = ctx.articles.len();
        let mut named = vec![FxHashMap::default(); n];
        let mut values = vec![Vec::new(); n];
        for (id, c) in ctx.canon.iter().enumerate() {
            for (a, f) in &c.mentions {
                let Some(slot) = named.get_mut(*a) else { continue };
                if is_named(c.kind) {
                    for t in f.tokens.clone() {
                        slot.insert(t, id as u32);
                    }
                } else if let Some(v) = values.get_mut(*a) {
                    v.push(f);
                }
            }
        }
        for v in &mut values {
            v.sort_by_key(|f| f.start);
        }
        EntityIndex { named, values }
    }

    /// The named entities that tokens `range` of article `a` mention.
    fn ids(&self, a: usize, tokens: impl Iterator<Item = usize>) -> FxHashSet<u32> {
        let Some(m) = self.named.get(a) else { return FxHashSet::default() };
        tokens.filter_map(|t| m.get(&t).copied()).collect()
    }
}

/// A crude English stem: enough to see that "prompted" and "prompting", or
/// "civilians" and "civilian", are one word.
pub fn stem(w: &str) -> String {
    let w = w.to_lowercase();
    for suf in ["ings", "ing", "ies", "ed", "es", "s", "ly"] {
        if let Some(s) = w.strip_suffix(suf) {
            if s.chars().count() >= 4 {
                return if suf == "ies" { format!("{s}y") } else { s.to_string() };
            }
        }
    }
    w
}

/// Byte span of stream positions `s..e` of an article.
fn stream_span(d: &Article, s: usize, e: usize) -> Option<(usize, usize)> {
    let st = d.tokens.get(*d.stream.tokens.get(s)?)?.start;
    let en = d.tokens.get(*d.stream.tokens.get(e.checked_sub(1)?)?)?.end;
    Some((st, en))
}

fn slice<'t>(d: &Article<'t>, span: Option<(usize, usize)>) -> &'t str {
    span.and_then(|(s, e)| d.text.get(s..e)).unwrap_or("")
}

/// Stream positions of `a` covered by passages shared with `b`.
fn pair_cover(ctx: &Context, a: usize, b: usize) -> Vec<bool> {
    let len = ctx.articles.get(a).map_or(0, |d| d.stream.len());
    let mut cov = vec![false; len];
    let key = (a.min(b), a.max(b));
    for m in ctx.matches.get(&key).into_iter().flatten() {
        let (s, e) = if a < b { (m.a0, m.a1) } else { (m.b0, m.b1) };
        if let Some(c) = cov.get_mut(s..e) {
            c.iter_mut().for_each(|x| *x = true);
        }
    }
    cov
}

/// Stream positions of a sentence.
fn sentence_positions(d: &Article, s: &Sentence) -> std::ops::Range<usize> {
    let lo = d.stream.tokens.partition_point(|&t| t < s.tokens.start);
    let hi = d.stream.tokens.partition_point(|&t| t < s.tokens.end);
    lo..hi
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems() {
        for (a, b) in [("killed", "killing"), ("prompted", "prompting"), ("civilians", "civilian"), ("zones", "zone")] {
            assert_eq!(stem(a), stem(b), "{a} {b}");
        }
    }
}
