use super::stem;
use super::Article;
use crate::lang::en::is_function_word;
use crate::overlap::idf;
use crate::tokens::Sentence;
use crate::tokens::TokenKind;
use rustc_hash::FxHashMap;

/// Content-word stems of a sentence with their weights (rarity).
pub(super) type Terms = FxHashMap<String, f32>;

/// Content-word stems of a sentence with their weights.
pub(super) fn sentence_terms(d: &Article, s: &Sentence) -> Terms {
    let mut m = FxHashMap::default();
    for t in d.tokens.get(s.tokens.clone()).unwrap_or(&[]) {
        if t.kind == TokenKind::Word && !is_function_word(t.norm) && t.norm.chars().count() > 1 {
            m.insert(stem(t.norm), idf(t.norm));
        }
    }
    m
}

/// Which sentences have each term, to find the sentences of other articles
/// that carry most of a sentence's content without comparing every pair.
pub(super) struct SentenceIndex<'t> {
    postings: FxHashMap<&'t str, Vec<(usize, usize)>>,
}

/// Terms found in more sentences than this say nothing about which
/// sentence matches (and would make the search quadratic).
const MAX_SENTENCE_POSTINGS: usize = 100;

impl<'t> SentenceIndex<'t> {
    pub(super) fn new(terms: &'t [Vec<Terms>]) -> SentenceIndex<'t> {
        let mut postings: FxHashMap<&str, Vec<(usize, usize)>> = FxHashMap::default();
        for (a, ts) in terms.iter().enumerate() {
            for (k, t) in ts.iter().enumerate() {
                for w in t.keys() {
                    postings.entry(w.as_str()).or_default().push((a, k));
                }
            }
        }
        SentenceIndex { postings }
    }

    /// For each other article, its sentence sharing the largest weighted
    /// share of `mine`'s terms: `article → (share, sentence)`.
    pub(super) fn best_per_article(&self, a: usize, mine: &Terms) -> FxHashMap<usize, (f32, usize)> {
        let total: f32 = mine.values().sum();
        let mut score: FxHashMap<(usize, usize), f32> = FxHashMap::default();
        if total <= 0.0 {
            return FxHashMap::default();
        }
        for (w, wt) in mine {
            let Some(posts) = self.postings.get(w.as_str()) else { continue };
            if posts.len() > MAX_SENTENCE_POSTINGS {
                continue;
            }
            crate::work::add(posts.len());
            for &(b, t) in posts {
                if b != a {
                    *score.entry((b, t)).or_default() += wt;
                }
            }
        }
        let mut best: FxHashMap<usize, (f32, usize)> = FxHashMap::default();
        for ((b, t), v) in score {
            let share = v / total;
            let e = best.entry(b).or_insert((share, t));
            // ties go to the earlier sentence, whatever the map's order
            if share > e.0 || (share == e.0 && t < e.1) {
                *e = (share, t);
            }
        }
        best
    }
}
