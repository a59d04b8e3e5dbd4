//! The reuse stage over a set of articles: every pair that shares text
//! aligned, and what each article shares.

use super::{make_docs, read_inputs, Doc};
use crate::article::ArticleInput;
use crate::overlap::{self, Match, Stream};
use crate::report::{self, article_id, OffsetMap, OffsetUnit, Passage};
use crate::tokens::Vocab;
use serde::Serialize;
use std::collections::BTreeMap;

/// The passages of every pair of articles and what they cover.
pub(crate) struct Reuse {
    /// Passages of each pair `(a, b)`, `a < b`, seen from `a`.
    pub matches: BTreeMap<(usize, usize), Vec<Match>>,
    /// `shared[a * n + b]`: words of `a` in passages shared with `b`.
    pub shared: Vec<usize>,
    /// For each article's stream position: shared with any other article.
    pub any_cover: Vec<Vec<bool>>,
    /// Number of articles.
    n: usize,
}

impl Reuse {
    /// Words of `a` shared with `b` (articles are `0..n`, so `shared` has
    /// every pair; a missing one shares nothing).
    pub fn shared(&self, a: usize, b: usize) -> usize {
        self.shared.get(a * self.n + b).copied().unwrap_or(0)
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
    Reuse { matches, shared, any_cover, n }
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
/// assert_eq!(r.passages[0].edits[0].kind, EditKind::Delete);
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
        .filter_map(|(a, b, m)| report::passage(&docs, a, b, m, &ids, &conv))
        .collect();
    ReuseSummary { words: docs.iter().map(|d| d.stream.len()).sum(), pairs: r.matches.len(), passages }
}
