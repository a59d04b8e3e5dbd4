//! The same-story similarity: idf-weighted words, names weighted up, and
//! the canonical entities two articles share.

use crate::overlap::Stream;
use crate::tokens::Tok;
use rustc_hash::{FxHashMap, FxHashSet};

/// Extra weight of words inside names (people, places, organizations,
/// groups): two reports of one event name the same actors.
const NAME_BOOST: f32 = 2.0;
/// Weight of each canonical entity shared, on top of its words: it matches
/// aliases ("US" and "United States") that share no word.
const ENTITY_WEIGHT: f32 = 1.0;
/// Words at the start of an article (the headline and the first words of
/// the lead): news is written as an inverted pyramid, so the terms there
/// say what the story is.
pub const LEAD_WORDS: usize = 12;
/// Occurrences added to each distinct term of the [`LEAD_WORDS`] (before
/// the logarithm of the term frequency).
pub const LEAD_BOOST: f32 = 3.0;

struct IdfTable {
    docs: f32,
    df: FxHashMap<&'static str, u32>,
    /// Document count given to words not in the table (rarer than all).
    rare: u32,
}

/// How many of the CoNLL-2003 training documents each common word occurs in
/// (`model/idf.tsv`, written by `corroborate build-idf`, read from the
/// English language data): common words weigh less in the same-story
/// similarity. While the data is missing every word weighs the same.
fn idf_table() -> &'static IdfTable {
    static TABLE: std::sync::OnceLock<IdfTable> = std::sync::OnceLock::new();
    static FLAT: std::sync::OnceLock<IdfTable> = std::sync::OnceLock::new();
    if let Some(t) = TABLE.get() {
        return t;
    }
    match crate::lang::pack::text("en", "idf.tsv") {
        Some(text) => TABLE.get_or_init(|| parse_idf(text)),
        None => FLAT.get_or_init(|| parse_idf("")),
    }
}

fn parse_idf(text: &'static str) -> IdfTable {
    {
        let mut docs = 1.0;
        let mut df = FxHashMap::default();
        for line in text.lines() {
            let Some((w, n)) = line.split_once('\t') else { continue };
            let Ok(n) = n.trim().parse::<u32>() else { continue };
            if w == "# documents" {
                docs = n as f32;
            } else {
                df.insert(w, n);
            }
        }
        let rare = df.values().copied().min().unwrap_or(2).saturating_sub(1);
        IdfTable { docs, df, rare }
    }
}

/// Inverse document frequency of a normalized word: 1 for the most common
/// words, about 6 for words rarer than the 3,000 most common.
pub fn idf(word: &str) -> f32 {
    let t = idf_table();
    let df = t.df.get(word).copied().unwrap_or(t.rare);
    ((t.docs + 1.0) / (1.0 + df as f32)).ln() + 1.0
}

/// The weighted terms of one article for the same-story similarity:
/// content words (log term frequency × inverse document frequency, names
/// weighted up) and the canonical entities it mentions.
#[derive(Debug, Clone, Default)]
pub struct StoryVector {
    terms: FxHashMap<u64, f32>,
    norm: f64,
}

impl StoryVector {
    /// Builds the vector of an article from its tokens, its matching stream,
    /// which tokens lie inside names, and the canonical entities (ids) it
    /// mentions, for an article in language `lang` (`mixed`: the set has
    /// articles in other languages too): English
    /// (and text of no known language) as measured on the English pairs;
    /// any other language with its own stop words, stems and, for scripts
    /// written without spaces, character bigrams ([`crate::lang::terms`]).
    /// Within one language the terms of the first [`LEAD_WORDS`] words (the
    /// headline) count [`LEAD_BOOST`] times more; across languages they do
    /// not, since a headline's words rarely match a headline's in another
    /// language and only swell the vector's norm (measured, README).
    pub fn in_language(
        tokens: &[Tok],
        stream: &Stream,
        named: &[bool],
        entities: &[u32],
        lang: &str,
        mixed: bool,
    ) -> StoryVector {
        if lang == "en" || lang == "und" {
            return StoryVector::english(tokens, stream, named, entities, mixed);
        }
        let lt = crate::lang::terms::terms_for(lang);
        let mut tf: FxHashMap<u64, (f32, f32)> = FxHashMap::default();
        let mut lead: FxHashSet<u64> = FxHashSet::default();
        let current = std::cell::Cell::new(0usize);
        let position = std::cell::Cell::new(0usize);
        let words = stream.tokens.iter().enumerate().filter_map(|(i, &t)| {
            current.set(t);
            position.set(i);
            tokens.get(t).map(|tok| tok.norm)
        });
        lt.each_term(words, &mut |hash, term| {
            let boost = if named.get(current.get()).copied().unwrap_or(false) { NAME_BOOST } else { 1.0 };
            let w = crate::lang::terms::idf(lang, term) * boost;
            let e = tf.entry(hash).or_insert((0.0, 0.0));
            e.0 += 1.0;
            e.1 = e.1.max(w);
            if !mixed && position.get() < LEAD_WORDS {
                lead.insert(hash);
            }
        });
        if mixed {
            cross_script_names(tokens, stream, named, &|w| lt.is_stop(w), &mut tf);
        }
        StoryVector::finish(tf, &lead, entities)
    }

    fn english(tokens: &[Tok], stream: &Stream, named: &[bool], entities: &[u32], mixed: bool) -> StoryVector {
        let mut tf: FxHashMap<u64, (f32, f32)> = FxHashMap::default();
        let mut lead: FxHashSet<u64> = FxHashSet::default();
        for (i, ((&t, &content), &hash)) in stream.tokens.iter().zip(&stream.content).zip(&stream.hashes).enumerate() {
            if !content {
                continue;
            }
            if !mixed && i < LEAD_WORDS {
                lead.insert(hash);
            }
            let Some(tok) = tokens.get(t) else { continue };
            let boost = if named.get(t).copied().unwrap_or(false) { NAME_BOOST } else { 1.0 };
            let e = tf.entry(hash).or_insert((0.0, 0.0));
            if e.0 == 0.0 {
                e.1 = idf(tok.norm);
            }
            e.0 += 1.0;
            e.1 = e.1.max(idf(tok.norm) * boost);
        }
        if mixed {
            cross_script_names(tokens, stream, named, &|_| false, &mut tf);
        }
        StoryVector::finish(tf, &lead, entities)
    }

    fn finish(mut tf: FxHashMap<u64, (f32, f32)>, lead: &FxHashSet<u64>, entities: &[u32]) -> StoryVector {
        for h in lead {
            if let Some(e) = tf.get_mut(h) {
                e.0 += LEAD_BOOST;
            }
        }
        let mut terms: FxHashMap<u64, f32> = tf.into_iter().map(|(k, (n, w))| (k, (1.0 + n.ln()) * w)).collect();
        for &id in entities {
            terms.insert((1u64 << 40) | u64::from(id), ENTITY_WEIGHT * NAME_BOOST);
        }
        let norm = ordered_sum(terms.values().map(|w| f64::from(*w) * f64::from(*w))).sqrt();
        StoryVector { terms, norm }
    }
}

/// Marks the terms of [`cross_script_names`], apart from words and entities.
const NAME_TERM: u64 = 0x5a17_0000_0000_0000;

/// In a set of several languages, each capitalized content word also
/// counts by the [`crate::lang::translit::name_key`] of its letters (folded
/// to Latin, vowels dropped) with English weights: a name is written alike,
/// or transliterated, in most languages, so an article in another language
/// meets an English one on its names ("Merkel", "Путин" and "Putin",
/// "Трамп" and "Trump"). Scripts without capitals (Arabic, Chinese) meet
/// through the entities instead (countries in each language's names).
fn cross_script_names(
    tokens: &[Tok],
    stream: &Stream,
    named: &[bool],
    is_stop: &dyn Fn(&str) -> bool,
    tf: &mut FxHashMap<u64, (f32, f32)>,
) {
    for (&t, &content) in stream.tokens.iter().zip(&stream.content) {
        let Some(tok) = tokens.get(t) else { continue };
        if !content || !tok.capitalized || is_stop(tok.norm) {
            continue;
        }
        let key = crate::lang::translit::name_key(tok.norm);
        if key.len() < 2 {
            continue;
        }
        let boost = if named.get(t).copied().unwrap_or(false) { NAME_BOOST } else { 1.0 };
        let weight = idf(&crate::lang::translit::fold(tok.norm)) * boost;
        let e = tf.entry(NAME_TERM ^ crate::lang::terms::hash_term(&key)).or_insert((0.0, 0.0));
        e.0 += 1.0;
        e.1 = e.1.max(weight);
    }
}

/// Same-story similarity of two articles in `[0, 1]`: the square root of the
/// cosine of their [`StoryVector`]s (the root spreads the low values where
/// independent reports of one event fall).
#[cfg(test)]
fn story_similarity(a: &StoryVector, b: &StoryVector) -> f64 {
    if a.norm == 0.0 || b.norm == 0.0 {
        return 0.0;
    }
    let (small, large) = if a.terms.len() <= b.terms.len() { (a, b) } else { (b, a) };
    let dot = ordered_sum(small.terms.iter().filter_map(|(k, w)| large.terms.get(k).map(|v| f64::from(v * w))));
    (dot / (a.norm * b.norm)).clamp(0.0, 1.0).sqrt()
}

/// [`story_similarity`] of every pair `(x, y)`, `x < y`, at `x * n + y`:
/// the dot products are gathered term by term from an inverted index, so
/// two articles that share no term cost nothing (all pairs of fifty
/// articles of distinct names were compared term by term). The same
/// products are summed in the same order as [`story_similarity`], so the
/// values are identical.
pub fn all_similarities(vs: &[StoryVector]) -> Vec<f64> {
    let n = vs.len();
    let mut postings: FxHashMap<u64, Vec<(usize, f32)>> = FxHashMap::default();
    for (x, v) in vs.iter().enumerate() {
        crate::work::add(v.terms.len());
        for (&k, &w) in &v.terms {
            postings.entry(k).or_default().push((x, w));
        }
    }
    let mut products: Vec<Vec<f64>> = vec![Vec::new(); n * n];
    for list in postings.values().filter(|l| l.len() > 1) {
        crate::work::add(list.len() * list.len() / 2);
        for (i, &(x, wx)) in list.iter().enumerate() {
            for &(y, wy) in list.get(i + 1..).unwrap_or_default() {
                let (lo, hi) = (x.min(y), x.max(y));
                if let Some(p) = products.get_mut(lo * n + hi) {
                    p.push(f64::from(wy * wx));
                }
            }
        }
    }
    let mut out = vec![0.0; n * n];
    for x in 0..n {
        for y in x + 1..n {
            let (Some(a), Some(b)) = (vs.get(x), vs.get(y)) else { continue };
            if a.norm == 0.0 || b.norm == 0.0 {
                continue;
            }
            let dot = ordered_sum(products.get_mut(x * n + y).map(std::mem::take).unwrap_or_default().into_iter());
            if let Some(o) = out.get_mut(x * n + y) {
                *o = (dot / (a.norm * b.norm)).clamp(0.0, 1.0).sqrt();
            }
        }
    }
    out
}

/// Sums in a fixed order (ascending), so the result does not depend on the
/// hash map's iteration order, which follows the input order of articles.
fn ordered_sum(xs: impl Iterator<Item = f64>) -> f64 {
    let mut v: Vec<f64> = xs.collect();
    v.sort_by(f64::total_cmp);
    v.into_iter().sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_weigh_less() {
        assert!(idf("the") < 1.2);
        assert!(idf("ceasefire") > idf("minister"));
    }

    /// The inverted-index path gives exactly the pair-by-pair values.
    #[test]
    fn all_pairs_equal_pair_by_pair() {
        let vec_of = |terms: &[(u64, f32)]| {
            let terms: FxHashMap<u64, f32> = terms.iter().copied().collect();
            let norm = ordered_sum(terms.values().map(|w| f64::from(*w) * f64::from(*w))).sqrt();
            StoryVector { terms, norm }
        };
        let vs = [
            vec_of(&[(1, 0.5), (2, 1.25), (3, 2.0), (9, 0.1)]),
            vec_of(&[(2, 0.75), (3, 1.5), (4, 3.0)]),
            vec_of(&[(5, 1.0)]),
            vec_of(&[]),
            vec_of(&[(1, 0.3), (2, 0.2), (3, 0.1), (4, 0.9), (5, 0.4), (9, 2.2)]),
        ];
        let all = all_similarities(&vs);
        for x in 0..vs.len() {
            for y in x + 1..vs.len() {
                assert_eq!(all[x * vs.len() + y], story_similarity(&vs[x], &vs[y]), "{x} {y}");
            }
        }
    }
}
