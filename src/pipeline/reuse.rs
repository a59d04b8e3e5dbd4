//! The reuse stage over a set of articles: every pair that shares text
//! aligned, and what each article shares.

use super::{make_docs, read_inputs, Doc};
use crate::article::ArticleInput;
use crate::overlap::{self, Match, Op, Stream};
use crate::report::{self, article_id, OffsetMap, OffsetUnit, Passage};
use crate::tokens::Vocab;
use serde::Serialize;
use std::collections::BTreeMap;
use std::collections::BTreeSet;

/// The passages of every pair of articles and what they cover.
pub(crate) struct Reuse {
    /// Passages of each pair `(a, b)`, `a < b`, seen from `a`.
    pub matches: BTreeMap<(usize, usize), Vec<Match>>,
    /// `shared[a * n + b]`: words of `a` in passages shared with `b`.
    pub shared: Vec<usize>,
    /// For each article's stream position: shared with any other article.
    pub any_cover: Vec<Vec<bool>>,
    /// The copies among the passages of each pair (see
    /// [`overlap::Aligned`]): what the divergence stage reads.
    pub copies: BTreeMap<(usize, usize), Vec<Match>>,
    /// `copy_shared[a * n + b]`: words of `a` in copies shared with `b`.
    pub copy_shared: Vec<usize>,
    /// For each article's stream position: copied from or by another
    /// article.
    pub copy_cover: Vec<Vec<bool>>,
    /// Pairs `(a, b)`, `a < b`, that share text but whose passages are not
    /// listed in the report, nor their word changes (see
    /// [`LISTED_WORDS_PER_WORD`]); every other stage reads their passages.
    pub unlisted: BTreeSet<(usize, usize)>,
    /// Number of articles.
    n: usize,
}

impl Reuse {
    /// Words of `a` shared with `b` (articles are `0..n`, so `shared` has
    /// every pair; a missing one shares nothing).
    pub fn shared(&self, a: usize, b: usize) -> usize {
        self.shared.get(a * self.n + b).copied().unwrap_or(0)
    }

    /// Identical words in the passages of the pair `(a, b)`, `a < b` (see
    /// [`Match::same_words`]).
    pub fn same_words(&self, a: usize, b: usize) -> usize {
        self.matches.get(&(a, b)).map_or(0, |ms| ms.iter().map(Match::same_words).sum())
    }
}

/// Aligns every pair that shares text, each pair the same way whatever the
/// input order (articles ranked by their text).
pub(crate) fn reuse(docs: &[Doc]) -> Reuse {
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
    let mut matches: BTreeMap<(usize, usize), Vec<Match>> = BTreeMap::new();
    let mut copies: BTreeMap<(usize, usize), Vec<Match>> = BTreeMap::new();
    let all: Vec<((usize, usize), overlap::Aligned)> = overlap::align_all(&streams, &rank);
    for (k, aligned) in all {
        if !aligned.passages.is_empty() {
            matches.insert(k, aligned.passages);
        }
        if !aligned.copies.is_empty() {
            copies.insert(k, aligned.copies);
        }
    }
    let (shared, any_cover) = coverage(docs, &matches);
    let (copy_shared, copy_cover) = coverage(docs, &copies);
    let unlisted = unlisted_pairs(docs, &matches, &shared);
    Reuse { matches, shared, any_cover, copies, copy_shared, copy_cover, unlisted, n }
}

/// Words of each article shared with each other (`shared[a * n + b]`) and
/// which stream positions of each article any passage covers.
fn coverage(docs: &[Doc], matches: &BTreeMap<(usize, usize), Vec<Match>>) -> (Vec<usize>, Vec<Vec<bool>>) {
    let n = docs.len();
    let mut shared = vec![0usize; n * n];
    let mut any_cover: Vec<Vec<bool>> = docs.iter().map(|d| vec![false; d.stream.len()]).collect();
    for (&(a, b), ms) in matches {
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
    (shared, any_cover)
}

/// The passages listed in a report weigh at most this many words (both
/// sides, an edit counting [`EDIT_WEIGHT`]) per word of the articles.
///
/// Fifty articles that all share text would otherwise list every passage of
/// 1,225 pairs: fifty 79 KB articles of one templated sentence gave 330 MB of
/// passages. The pairs that share the most are listed first, and each
/// article's closest partner always; the others keep their containment and
/// similarity, and their words still count as shared.
pub(crate) const LISTED_WORDS_PER_WORD: usize = 4;
/// What one edit of a passage weighs against the budget, in words (an edit
/// is reported with both spans and both texts).
const EDIT_WEIGHT: usize = 8;

/// The pairs left out of the report's passages by the budget.
fn unlisted_pairs(
    docs: &[Doc],
    matches: &BTreeMap<(usize, usize), Vec<Match>>,
    shared: &[usize],
) -> BTreeSet<(usize, usize)> {
    let n = docs.len();
    let words: usize = docs.iter().map(|d| d.stream.len()).sum();
    let budget = LISTED_WORDS_PER_WORD.saturating_mul(words);
    let len = |a: usize| docs.get(a).map_or(0, |d| d.stream.len()).max(1);
    let strength = |a: usize, b: usize| {
        let sa = shared.get(a * n + b).copied().unwrap_or(0) as f64 / len(a) as f64;
        let sb = shared.get(b * n + a).copied().unwrap_or(0) as f64 / len(b) as f64;
        sa.max(sb)
    };
    let weight = |ms: &[Match]| -> usize {
        ms.iter()
            .map(|m| {
                (m.a1 - m.a0)
                    + (m.b1 - m.b0)
                    + EDIT_WEIGHT * m.ops.iter().filter(|o| matches!(o, Op::Diff { .. })).count()
            })
            .sum()
    };
    let total: usize = matches.values().map(|ms| weight(ms)).sum();
    if total <= budget {
        return BTreeSet::new();
    }
    // each article's closest partner first, then every pair by strength
    let mut best: Vec<Option<((usize, usize), f64)>> = vec![None; n];
    for &(a, b) in matches.keys() {
        let s = strength(a, b);
        for x in [a, b] {
            if let Some(slot) = best.get_mut(x) {
                if slot.is_none_or(|(_, t)| s > t) {
                    *slot = Some(((a, b), s));
                }
            }
        }
    }
    let mut listed: BTreeSet<(usize, usize)> = best.iter().flatten().map(|(k, _)| *k).collect();
    let mut used: usize = listed.iter().filter_map(|k| matches.get(k)).map(|ms| weight(ms)).sum();
    let mut order: Vec<((usize, usize), f64)> = matches.keys().map(|&(a, b)| ((a, b), strength(a, b))).collect();
    order.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    for (k, _) in order {
        if listed.contains(&k) {
            continue;
        }
        let w = matches.get(&k).map_or(0, |ms| weight(ms));
        if used + w <= budget {
            used += w;
            listed.insert(k);
        }
    }
    matches.keys().filter(|k| !listed.contains(k)).copied().collect()
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
/// deletions, as [`crate::analyze`] reports them.
///
/// ```
/// use corroborate::{internal::reuse_only, EditKind, OffsetUnit};
/// let a = "The harbor crane collapsed on Monday, killing four dock workers, officials said.";
/// let b = "Officials said the harbor crane collapsed on Monday, killing four workers.";
/// let r = reuse_only(&[a, b], OffsetUnit::Utf16);
/// assert_eq!(r.passages.len(), 1);
/// // the reworded sentence is one passage, with "dock" left out
/// assert!(r.passages[0].edits.iter().any(|e| e.kind == EditKind::Delete && e.a_text == "dock"));
/// ```
pub fn reuse_only(texts: &[&str], offsets: OffsetUnit) -> ReuseSummary {
    let inputs: Vec<ArticleInput> = texts.iter().map(|t| ArticleInput::new(*t)).collect();
    let mut vocab = Vocab::default();
    let read = read_inputs(&inputs, &mut vocab);
    let docs = make_docs(&inputs, read, &vocab, false);
    let r = reuse(&docs);
    let n = docs.len();
    let ids: Vec<String> = (0..n).map(article_id).collect();
    let maps: Vec<OffsetMap> = docs.iter().map(|d| OffsetMap::new(d.text, offsets)).collect();
    let conv = |a: usize, byte: usize| maps.get(a).map_or(byte, |m| m.convert(byte));
    let passages: Vec<Passage> = r
        .matches
        .iter()
        .flat_map(|(&(a, b), ms)| ms.iter().map(move |m| (a, b, m)))
        .filter_map(|(a, b, m)| report::passage(&docs, a, b, m, &ids, &conv))
        .collect();
    ReuseSummary { words: docs.iter().map(|d| d.stream.len()).sum(), pairs: r.matches.len(), passages }
}

/// What the reuse stage finds for one pair of articles, as [`crate::analyze`]
/// would report it for these two alone: the corpus mode's unit of work.
#[cfg(not(target_family = "wasm"))]
pub(crate) struct PairReuse {
    /// Words in each article's matching stream.
    pub words: [usize; 2],
    /// Words of each article inside passages shared with the other.
    pub shared: [usize; 2],
    /// Same-story similarity of the engine's word vectors (without the
    /// entity weighting of a full analysis), at least the larger share of
    /// identical words (as in [`crate::analyze`]).
    pub similarity: f64,
    /// The passages, seen from the first article, spans in `offsets` units.
    pub passages: Vec<Passage>,
}

/// Cleans, tokenizes and aligns two articles exactly as [`crate::analyze`]
/// does for the pair `[a, b]` (one vocabulary, articles ranked by text).
#[cfg(not(target_family = "wasm"))]
pub(crate) fn pair_reuse(a: &str, b: &str, offsets: OffsetUnit) -> PairReuse {
    let inputs = [ArticleInput::new(a), ArticleInput::new(b)];
    let mut vocab = Vocab::default();
    let read = read_inputs(&inputs, &mut vocab);
    let docs = make_docs(&inputs, read, &vocab, true);
    let r = reuse(&docs);
    let words = [docs.first().map_or(0, |d| d.stream.len()), docs.get(1).map_or(0, |d| d.stream.len())];
    let shared = [r.shared(0, 1), r.shared(1, 0)];
    let mixed = super::spans_languages(&docs);
    let story: Vec<overlap::StoryVector> = docs
        .iter()
        .map(|d| {
            let named = vec![false; d.tokens.len()];
            overlap::StoryVector::in_language(&d.tokens, &d.stream, &named, &[], &d.language.code, mixed)
        })
        .collect();
    let same = r.same_words(0, 1);
    let story_sim = overlap::all_similarities(&story).get(1).copied().unwrap_or(0.0);
    let similarity = story_sim.max(super::identical_share(same, words[0], words[1]));
    let ids: Vec<String> = (0..2).map(article_id).collect();
    let maps: Vec<OffsetMap> = docs.iter().map(|d| OffsetMap::new(d.text, offsets)).collect();
    let conv = |x: usize, byte: usize| maps.get(x).map_or(byte, |m| m.convert(byte));
    let passages = r
        .matches
        .get(&(0, 1))
        .map(|ms| ms.iter().filter_map(|m| report::passage(&docs, 0, 1, m, &ids, &conv)).collect())
        .unwrap_or_default();
    PairReuse { words, shared, similarity, passages }
}
