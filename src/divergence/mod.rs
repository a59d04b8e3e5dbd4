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
    /// `(article, start, end)`: where the further articles of `others` say
    /// the same as the counterpart (one difference seen against several
    /// sources is one finding, with every source's span).
    pub also: Vec<(usize, usize, usize)>,
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
    /// Byte range of its headline, when one was detected.
    pub title: Option<(usize, usize)>,
    /// Its language code (`en`, `de`; `und` when unknown): figures and
    /// dates of articles in two languages are compared by the names and
    /// numbers around them, not by their words.
    pub language: &'a str,
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

impl Context<'_> {
    /// The share of article `x`'s words that lie in passages it shares
    /// with `y` (0 for an empty article or one out of range): the copy of
    /// two articles is the one more of whose words the other has.
    fn share(&self, x: usize, y: usize) -> f64 {
        let n = self.articles.len();
        let len = self.articles.get(x).map_or(0, |d| d.stream.len()).max(1);
        self.shared.get(x * n + y).copied().unwrap_or(0) as f64 / len as f64
    }
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
    // a statement two articles attribute to different sources is in both:
    // neither sentence is one only its article has
    let attributed = attributions(ctx, &ents, &terms, &index);
    let stated_elsewhere: FxHashSet<(usize, usize)> = attributed
        .iter()
        .flat_map(|f| {
            let theirs = f.others.first().zip(f.counterpart_span).map(|(&o, (s, _))| (o, s));
            std::iter::once((f.article, f.start)).chain(theirs)
        })
        .collect();
    out.extend(unique(ctx, &terms, &index, &stated_elsewhere));
    out.extend(coverage(ctx));
    out.extend(attributed);
    out.extend(facts(ctx, &ents));
    // each article's place in the order of whole texts, computed once (at
    // most MAX_ARTICLES² comparisons): findings are handled in an order
    // defined by content, not by the input order, and a two-sided finding
    // whose sides read alike is told from the first
    let order = TextOrder::new(ctx);
    sort_by_content(ctx, &order, &mut out);
    out.dedup_by(|x, y| {
        x.article == y.article && x.start == y.start && x.end == y.end && x.kind == y.kind && x.others == y.others
    });
    let out: Vec<Finding> = out.into_iter().map(|f| on_canonical_side(ctx, &order.rank, f)).collect();
    once_across_sources(ctx, &order, once_per_text(once_per_difference(one_kind_per_difference(ctx, out))))
}

/// Each article's place in the order of whole texts (ties by input
/// order), and which articles are the same text as an earlier one.
struct TextOrder {
    /// `rank[a]`: how many articles come before `a`.
    rank: Vec<usize>,
    /// `twin[a]`: the first article whose text equals `a`'s (`a` itself
    /// when none before it does).
    twin: Vec<usize>,
}

impl TextOrder {
    fn new(ctx: &Context) -> TextOrder {
        let n = ctx.articles.len();
        let text = |a: usize| ctx.articles.get(a).map_or("", |d| d.text);
        crate::work::add(n * n);
        let rank = (0..n).map(|a| (0..n).filter(|&b| (text(b), b) < (text(a), a)).count()).collect();
        let twin = (0..n).map(|a| (0..a).find(|&b| text(b) == text(a)).unwrap_or(a)).collect();
        TextOrder { rank, twin }
    }

    fn place(&self, a: usize) -> usize {
        self.rank.get(a).copied().unwrap_or(usize::MAX)
    }

    /// Whether two articles are the same text.
    fn same_text(&self, a: usize, b: usize) -> bool {
        self.twin.get(a).is_some_and(|x| Some(x) == self.twin.get(b))
    }
}

/// Most severe first, then by the article's place in the order of whole
/// texts, span, kind and the others (the one sharing the most words with
/// the article first, then by place): the same findings in the same order
/// whatever the input order (up to articles with the same text). Of one
/// difference seen against several sources, the nearest source is the
/// first, whose wording the finding carries.
fn sort_by_content(ctx: &Context, order: &TextOrder, all: &mut [Finding]) {
    let n = ctx.articles.len();
    let shared = |a: usize, b: usize| ctx.shared.get(a * n + b).copied().unwrap_or(0);
    let places = |f: &Finding| -> Vec<(std::cmp::Reverse<usize>, usize)> {
        f.others.iter().map(|&o| (std::cmp::Reverse(shared(f.article, o)), order.place(o))).collect()
    };
    all.sort_by(|x, y| {
        y.severity
            .cmp(&x.severity)
            .then(order.place(x.article).cmp(&order.place(y.article)))
            .then(x.start.cmp(&y.start))
            .then(x.end.cmp(&y.end))
            .then(x.kind.cmp(&y.kind))
            .then_with(|| places(x).cmp(&places(y)))
    });
}

/// Whether a kind is a word change inside a shared passage.
fn is_word_change(k: DivergenceKind) -> bool {
    matches!(k, DivergenceKind::Framing | DivergenceKind::Omission | DivergenceKind::Format)
}

/// A word change whose text another word change already marks as its
/// other side (against a third article) is that difference seen again:
/// "the next round of" that one copy adds against a second is already the
/// other side of the change against a third ("ceasefire" / "the next round
/// of Syrian peace"). Of two that mark each other, the first is kept.
fn once_per_text(all: Vec<Finding>) -> Vec<Finding> {
    // (article, start, end, index) of every word change's other side
    let mut sides: Vec<(usize, usize, usize, usize)> = all
        .iter()
        .enumerate()
        .filter(|(_, g)| is_word_change(g.kind))
        .filter_map(|(i, g)| g.others.first().zip(g.counterpart_span).map(|(&o, (s, e))| (o, s, e, i)))
        .filter(|(_, s, e, _)| e > s)
        .collect();
    sides.sort_unstable();
    let marked_by = |f: &Finding| -> Vec<usize> {
        let lo = sides.partition_point(|x| x.0 < f.article);
        let hi = sides.partition_point(|x| (x.0, x.1) <= (f.article, f.start));
        crate::work::add(1 + hi.saturating_sub(lo));
        sides.get(lo..hi).unwrap_or(&[]).iter().filter(|x| x.2 >= f.end).map(|x| x.3).collect()
    };
    let covered = |f: &Finding, g: &Finding| {
        g.others.first() == Some(&f.article)
            && g.counterpart_span.is_some_and(|(s, e)| s <= f.start && f.end <= e && s < e)
    };
    let drop: Vec<bool> = all
        .iter()
        .enumerate()
        .map(|(i, f)| {
            is_word_change(f.kind)
                && marked_by(f).into_iter().any(|j| {
                    // a mirror image marks it back: the first of the two stays
                    j != i && all.get(j).is_some_and(|g| !(covered(g, f) && j > i))
                })
        })
        .collect();
    all.into_iter().zip(drop).filter(|(_, d)| !*d).map(|(f, _)| f).collect()
}

/// A finding that carries both sides is told from the side whose wording
/// (then whole text, by `rank`) comes first, so the input order changes
/// nothing.
fn on_canonical_side(ctx: &Context, rank: &[usize], f: Finding) -> Finding {
    let (Some(&o), Some((cs, ce))) = (f.others.first(), f.counterpart_span) else { return f };
    let (Some(mine), Some(theirs)) = (ctx.articles.get(f.article), ctx.articles.get(o)) else { return f };
    let (Some(m), Some(t)) = (mine.text.get(f.start..f.end), theirs.text.get(cs..ce)) else { return f };
    let place = |a: usize| rank.get(a).copied().unwrap_or(usize::MAX);
    if (m, place(f.article)) <= (t, place(o)) {
        return f;
    }
    Finding {
        article: o,
        start: cs,
        end: ce,
        others: vec![f.article],
        counterpart: Some(m.to_string()),
        counterpart_span: Some((f.start, f.end)),
        ..f
    }
}

/// Findings of one kind by the sentences they touch: the ones that may
/// overlap a span are those filed under its sentences.
struct SpanIndex<'f> {
    by_sentence: FxHashMap<u64, Vec<u32>>,
    all: &'f [Finding],
}

/// The sentences of article `a` that bytes `start..end` touch, as keys.
fn sentence_keys(ctx: &Context, a: usize, start: usize, end: usize) -> impl Iterator<Item = u64> {
    let sentences = ctx.articles.get(a).map_or(&[][..], |d| d.sentences);
    let lo = sentences.partition_point(|s| s.end < start);
    let hi = sentences.partition_point(|s| s.start <= end).max(lo + 1);
    (lo..hi).map(move |k| ((a as u64) << 32) | k as u64)
}

impl<'f> SpanIndex<'f> {
    fn new(ctx: &Context, all: &'f [Finding], kind: DivergenceKind) -> SpanIndex<'f> {
        let mut by_sentence: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
        for (i, f) in all.iter().enumerate().filter(|(_, f)| f.kind == kind) {
            for k in sentence_keys(ctx, f.article, f.start, f.end) {
                by_sentence.entry(k).or_default().push(i as u32);
            }
        }
        SpanIndex { by_sentence, all }
    }

    /// Findings of article `a` that may overlap `start..end` (each
    /// candidate is then tested in full).
    fn near<'s>(&'s self, ctx: &Context, a: usize, start: usize, end: usize) -> impl Iterator<Item = &'f Finding> + 's {
        let keys: Vec<u64> = sentence_keys(ctx, a, start, end).collect();
        crate::work::add(1 + keys.len());
        keys.into_iter()
            .flat_map(move |k| self.by_sentence.get(&k).into_iter().flatten())
            .filter_map(move |&i| self.all.get(i as usize))
            .filter(move |f| f.article == a)
    }
}

/// A difference found by two finders is listed by the one that says more:
/// a figure or date changed inside a shared passage is a `fact`, not also a
/// word change; a sentence no other article has is `unique`, not also an
/// omission from one copy. Findings are looked up by article and span, so
/// the work follows the findings that overlap.
fn one_kind_per_difference(ctx: &Context, all: Vec<Finding>) -> Vec<Finding> {
    let covers = |outer: &Finding, inner: &Finding| outer.start <= inner.start && inner.end <= outer.end;
    let keep: Vec<bool> = {
        let facts = SpanIndex::new(ctx, &all, DivergenceKind::Fact);
        let uniques = SpanIndex::new(ctx, &all, DivergenceKind::Unique);
        all.iter()
            .map(|f| match f.kind {
                // (a date or figure one copy drops against a third article,
                // "on July 7-8", is marked by that figure's finding: words on
                // one side only that overlap it are not a card of their own)
                DivergenceKind::Framing | DivergenceKind::Format => {
                    !facts.near(ctx, f.article, f.start, f.end).any(|x| {
                        (x.others == f.others && (covers(x, f) || covers(f, x)))
                            || (f.counterpart_span.is_none() && x.start < f.end && f.start < x.end)
                    })
                }
                // the same sentence (a clause dropped inside a unique sentence
                // is a difference of its own)
                DivergenceKind::Omission => !uniques
                    .near(ctx, f.article, f.start, f.end)
                    .any(|u| covers(u, f) && 2 * (f.end - f.start) >= u.end - u.start),
                _ => true,
            })
            .collect()
    };
    all.into_iter().zip(keep).filter(|(_, k)| *k).map(|(f, _)| f).collect()
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

/// The lower-cased words of a span, for telling that two spans say the
/// same thing in (nearly) the same words.
fn span_words(text: &str, start: usize, end: usize) -> FxHashSet<u64> {
    use std::hash::{Hash, Hasher};
    text.get(start..end)
        .unwrap_or("")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut h = rustc_hash::FxHasher::default();
            w.to_lowercase().hash(&mut h);
            h.finish()
        })
        .collect()
}

/// Omissions compared per finding at most: enough for any real set of
/// articles, and a bound on the work of a hostile one.
const MAX_OMISSION_COMPARISONS: usize = 64;

/// A hash of what identifies a difference, to find findings that may be
/// the same one (each candidate is then compared in full).
fn key_hash(parts: &[&dyn Fn(&mut rustc_hash::FxHasher)]) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    for p in parts {
        p(&mut h);
    }
    h.finish()
}

/// One difference seen against several sources is one finding:
/// - the same figure, word or name against the same wording in two other
///   articles ("April 1" where A and C both say "March 1") is one finding
///   whose `others` lists both, and `also` the span in each after the
///   first;
/// - a figure or wording two sources both give against a third ("$4
///   million" in A and B where C says "about $4 million"; "dangerous" in A
///   and B where C says "unsafe") is the same case seen from the other
///   side: it is told from the third, whose `others` lists both, so no
///   source is picked over the other;
/// - words one article has inside passages it shares with two others that
///   both lack them (a qualifier added against both) are one finding whose
///   `others` lists both;
/// - text that two sources share and a third drops (the same sentence, in
///   nearly the same words) is one omission, listed from the first in the
///   order of whole texts (two articles with the same text each keep
///   theirs: nothing tells them apart).
///
/// Findings are handled in the order of `sort_by_content`, so which one is
/// kept and how it reads do not depend on the input order.
fn once_across_sources(ctx: &Context, order: &TextOrder, all: Vec<Finding>) -> Vec<Finding> {
    use std::hash::Hash;
    let label = |a: usize| ctx.articles.get(a).map_or("", |d| d.label);
    let text = |a: usize, s: usize, e: usize| span_key(ctx, a, (s, e));
    let mut all = told_from_the_lone_side(ctx, all);
    sort_by_content(ctx, order, &mut all);
    // findings kept, by a hash of (kind, relation, this side, the other
    // side's wording); omissions by the articles they are missing from
    let mut same_side: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    let mut omissions: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    let mut words: Vec<FxHashSet<u64>> = Vec::new();
    let mut out: Vec<Finding> = Vec::with_capacity(all.len());
    // the other side of a finding against one article: its span, when it
    // has one, and its wording ("" for words the other article lacks: a
    // qualifier or clause added against it)
    type OtherSide = (usize, Option<(usize, usize)>, String);
    let other_side = |f: &Finding| -> Option<OtherSide> {
        match (f.others.as_slice(), f.counterpart_span) {
            ([o, ..], Some(span)) => Some((*o, Some(span), text(*o, span.0, span.1))),
            ([o, ..], None) if is_word_change(f.kind) && f.counterpart.as_deref() == Some("") => {
                Some((*o, None, String::new()))
            }
            _ => None,
        }
    };
    for f in all {
        let at = out.len() as u32;
        let mut h1 = None;
        if let Some((o, span, theirs)) = &other_side(&f) {
            let h = key_hash(&[&|h| (f.kind, f.relation, f.article, f.start, f.end, theirs.as_str()).hash(h)]);
            let twin = same_side.get(&h).into_iter().flatten().copied().find(|&i| {
                out.get(i as usize).is_some_and(|g| {
                    (g.kind, g.relation, g.article, g.start, g.end) == (f.kind, f.relation, f.article, f.start, f.end)
                        && g.counterpart_span.is_some() == span.is_some()
                        && other_side(g).is_some_and(|(_, _, t)| t == *theirs)
                })
            });
            if let Some(g) = twin.and_then(|i| out.get_mut(i as usize)) {
                if !g.others.contains(o) {
                    g.others.push(*o);
                    g.explanation += &match span {
                        Some(span) => {
                            g.also.push((*o, span.0, span.1));
                            format!(" {} also says \"{}\".", label(*o), text_span(ctx, *o, *span))
                        }
                        None => format!(" {} does not have it either.", label(*o)),
                    };
                }
                continue;
            }
            h1 = Some(h);
        }
        if f.counterpart_span.is_none() && f.kind == DivergenceKind::Omission {
            let w = ctx.articles.get(f.article).map_or_else(FxHashSet::default, |d| span_words(d.text, f.start, f.end));
            let h = key_hash(&[&|h| f.others.hash(h)]);
            let kept = omissions.entry(h).or_default();
            crate::work::add(1 + kept.len().min(MAX_OMISSION_COMPARISONS));
            let same = kept.iter().take(MAX_OMISSION_COMPARISONS).copied().find(|&i| {
                let Some(g) = out.get(i as usize) else { return false };
                let Some(gw) = words.get(i as usize) else { return false };
                let both = w.iter().filter(|x| gw.contains(*x)).count();
                g.article != f.article
                    && !order.same_text(g.article, f.article)
                    && g.others == f.others
                    && 10 * both >= 7 * (w.len() + gw.len() - both).max(1)
            });
            if let Some(g) = same.and_then(|i| out.get_mut(i as usize)) {
                g.explanation += &format!(" {} has the same text.", label(f.article));
                continue;
            }
            kept.push(at);
            words.resize_with(out.len(), FxHashSet::default);
            words.push(w);
        }
        if let Some(h) = h1 {
            same_side.entry(h).or_default().push(at);
        }
        out.push(f);
    }
    out
}

/// A figure or wording that two or more sources give in the same words
/// against the same span of another article ("87 officials" in A and B,
/// "87 workers" in C; "dangerous" in A and B, "unsafe" in C) is told from
/// that other article's side, whose span each of them is compared with;
/// `once_across_sources` then lists it once, naming all, with each
/// source's span.
fn told_from_the_lone_side(ctx: &Context, all: Vec<Finding>) -> Vec<Finding> {
    type Key = (DivergenceKind, Option<Relation>, usize, (usize, usize), String);
    let text = |a: usize, s: usize, e: usize| span_key(ctx, a, (s, e));
    let key = |f: &Finding| -> Option<Key> {
        if f.kind != DivergenceKind::Fact && !is_word_change(f.kind) {
            return None;
        }
        // the lone side must have words to be told from
        let (&o, span) = f.others.first().zip(f.counterpart_span).filter(|(_, (s, e))| s < e)?;
        Some((f.kind, f.relation, o, span, text(f.article, f.start, f.end)))
    };
    // the articles giving each figure in the same words against one figure
    let mut sources: FxHashMap<Key, Vec<usize>> = FxHashMap::default();
    for f in &all {
        if let Some(k) = key(f) {
            let v = sources.entry(k).or_default();
            if !v.contains(&f.article) {
                v.push(f.article);
            }
        }
    }
    crate::work::add(all.len());
    all.into_iter()
        .map(|f| {
            let several = key(&f).and_then(|k| sources.get(&k)).is_some_and(|v| v.len() > 1);
            let (Some(&o), Some((cs, ce)), true) = (f.others.first(), f.counterpart_span, several) else { return f };
            let mine = text_span(ctx, f.article, (f.start, f.end)).to_string();
            Finding {
                article: o,
                start: cs,
                end: ce,
                others: vec![f.article],
                counterpart: Some(mine),
                counterpart_span: Some((f.start, f.end)),
                ..f
            }
        })
        .collect()
}

/// The words of a span as findings are compared by: trimmed, lowercase.
fn span_key(ctx: &Context, a: usize, span: (usize, usize)) -> String {
    text_span(ctx, a, span).trim().to_lowercase()
}

fn text_span<'t>(ctx: &Context<'t>, a: usize, (s, e): (usize, usize)) -> &'t str {
    ctx.articles.get(a).and_then(|d| d.text.get(s..e)).unwrap_or("")
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
