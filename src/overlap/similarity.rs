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
/// Weight of the prefix cosine ([`crate::lang::terms::prefix_key`]) beside
/// the cosine of the language terms, for two articles in two languages:
/// the similarity is `(terms + w × prefixes) / (1 + w)`. Chosen as the
/// best mean Pearson over the SemEval cross-language pairs (README
/// "Languages", with each pair's figure when it was left out of the choice).
pub const PREFIX_WEIGHT_ACROSS: f64 = 2.0;
/// The same weight within one language, chosen the same way over the
/// monolingual pairs: the prefixes there match what the stemmer splits
/// and the first parts of compounds.
pub const PREFIX_WEIGHT_WITHIN: f64 = 0.5;

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

/// The weight of a normalized English word: its inverse document frequency
/// in the CoNLL table (1 for the most common words, about 6 for words rarer
/// than the 3,000 most common), or with English corpus frequencies at hand
/// (`freq.tsv` of the English pack) the two combined as
/// [`crate::lang::terms::FREQ_MODE`] says (the shipped mode: the frequency
/// weight alone, 1 to [`crate::lang::terms::FREQ_CAP`]).
pub fn idf(word: &str) -> f32 {
    let t = idf_table();
    let seen = t.df.get(word).copied();
    let df = seen.unwrap_or(t.rare);
    let learned = ((t.docs + 1.0) / (1.0 + df as f32)).ln() + 1.0;
    if t.df.is_empty() {
        return learned;
    }
    crate::lang::terms::blend_weight("en", word, learned, seen.unwrap_or(0))
}

/// The weighted terms of one article for the same-story similarity:
/// content words (log term frequency × inverse document frequency, names
/// weighted up) and the canonical entities it mentions.
#[derive(Debug, Clone, Default)]
pub struct StoryVector {
    terms: FxHashMap<u64, f32>,
    norm: f64,
    /// The terms two articles in different languages can share whatever
    /// their words (names by their key across scripts, canonical
    /// entities), and the norm of their weights.
    across: FxHashSet<u64>,
    across_norm: f64,
    /// The article's prefix terms ([`crate::lang::terms::each_prefix`]) and
    /// their norm.
    prefixes: FxHashMap<u64, f32>,
    prefix_norm: f64,
    /// In a set of several languages, the article's terms in the English
    /// dictionary space ([`crate::lang::bidict`]): an English article's
    /// content words by their English stems, another language's terms by
    /// the English terms of their translations; and their norm.
    gloss: FxHashMap<u64, f32>,
    gloss_norm: f64,
    /// The article's language (the hash of its code; [`UNKNOWN`] for text
    /// of no known language).
    lang: u64,
}

/// The prefix weights in use, within and across languages, as `f64` bits
/// ([`use_prefix_weights`]); NaN for the shipped ones.
static PREFIX_WEIGHTS: [std::sync::atomic::AtomicU64; 2] =
    [std::sync::atomic::AtomicU64::new(u64::MAX), std::sync::atomic::AtomicU64::new(u64::MAX)];

/// Uses other weights of the prefix cosine (within one language, across
/// languages), or with `None` the shipped `PREFIX_WEIGHT_WITHIN` (0.5) and
/// `PREFIX_WEIGHT_ACROSS` (2) again: for evaluations that choose them
/// (`corroborate eval-similarity --prefix-weights W,A`).
pub fn use_prefix_weights(weights: Option<(f64, f64)>) {
    let (w, a) = weights.map_or((f64::NAN, f64::NAN), |(w, a)| (w, a));
    PREFIX_WEIGHTS[0].store(w.to_bits(), std::sync::atomic::Ordering::Relaxed);
    PREFIX_WEIGHTS[1].store(a.to_bits(), std::sync::atomic::Ordering::Relaxed);
}

fn prefix_weights() -> (f64, f64) {
    let [within, across] = &PREFIX_WEIGHTS;
    let get = |slot: &std::sync::atomic::AtomicU64, shipped: f64| {
        let w = f64::from_bits(slot.load(std::sync::atomic::Ordering::Relaxed));
        if w.is_nan() {
            shipped
        } else {
            w
        }
    };
    (get(within, PREFIX_WEIGHT_WITHIN), get(across, PREFIX_WEIGHT_ACROSS))
}

/// Weight of the dictionary cosine ([`crate::lang::bidict`]) beside the
/// terms' and the prefixes', for two articles in two languages that both
/// have dictionary terms (README "Languages", dictionaries across
/// languages).
pub const GLOSS_WEIGHT: f64 = 2.0;
/// How a term's weight spreads over its translations.
pub const GLOSS_SPREAD: crate::lang::bidict::Spread = crate::lang::bidict::Spread::Full;

/// The dictionary space's settings in use.
#[derive(Debug, Clone, Copy)]
pub struct GlossConfig {
    /// Weight of the dictionary cosine (2 in what ships).
    pub weight: f64,
    /// How a term's weight spreads over its translations (`Full` in what ships).
    pub spread: crate::lang::bidict::Spread,
}

static GLOSS_GIVEN: std::sync::Mutex<Option<GlossConfig>> = std::sync::Mutex::new(None);

/// Uses other dictionary-space settings, or with `None` the shipped ones
/// again: for evaluations that choose them (`corroborate eval-similarity
/// --gloss W,split|full|pass`).
pub fn use_gloss(config: Option<GlossConfig>) {
    *GLOSS_GIVEN.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = config;
}

fn gloss_config() -> GlossConfig {
    GLOSS_GIVEN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .unwrap_or(GlossConfig { weight: GLOSS_WEIGHT, spread: GLOSS_SPREAD })
}

/// Marks the hashes of dictionary-space terms.
const GLOSS_TERM: u64 = 0x61c5_0000_0000_0000;

/// [`StoryVector::lang`] of text of no known language.
const UNKNOWN: u64 = 0;

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
        let code = if lang == "und" { UNKNOWN } else { crate::lang::terms::hash_term(lang) };
        if lang == "en" || lang == "und" {
            return StoryVector::english(tokens, stream, named, entities, mixed, code);
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
        lt.each_term_split(words, &mut |hash, term| {
            let boost = if named.get(current.get()).copied().unwrap_or(false) { NAME_BOOST } else { 1.0 };
            let w = crate::lang::terms::idf(lang, term) * boost;
            let e = tf.entry(hash).or_insert((0.0, 0.0));
            e.0 += 1.0;
            e.1 = e.1.max(w);
            if !mixed && position.get() < LEAD_WORDS {
                lead.insert(hash);
            }
        });
        let mut across = FxHashSet::default();
        if mixed {
            cross_script_names(tokens, stream, named, &|w| lt.is_stop(w), &mut tf, &mut across);
        }
        // the dictionary space reads the terms' weights before the entities join them
        let mut weighted: Vec<(u64, f32)> =
            if mixed { tf.iter().map(|(&k, &(n, w))| (k, (1.0 + n.ln()) * w)).collect() } else { Vec::new() };
        weighted.sort_by_key(|&(k, _)| k);
        let mut v = StoryVector::finish(tf, &lead, entities, across, code);
        v.add_prefixes(tokens, stream, lang);
        if mixed {
            v.add_gloss_of(lang, &weighted);
        }
        v
    }

    /// Adds the dictionary-space terms of an article in language `lang`
    /// from its weighted terms (hashes, log term frequency × weight, in a
    /// fixed order): each term's weight goes to the English terms of its
    /// translations, as [`gloss_config`] says.
    fn add_gloss_of(&mut self, lang: &str, weighted: &[(u64, f32)]) {
        let gloss = crate::lang::bidict::gloss(lang, weighted, gloss_config().spread);
        if !gloss.is_empty() {
            self.set_gloss(gloss.into_iter().map(|(k, w)| (GLOSS_TERM ^ k, w)).collect());
        }
    }

    fn set_gloss(&mut self, gloss: FxHashMap<u64, f32>) {
        self.gloss_norm = ordered_sum(gloss.values().map(|w| f64::from(*w) * f64::from(*w))).sqrt();
        self.gloss = gloss;
    }

    /// The square root of the cosine of the two articles' dictionary-space
    /// terms, or `None` when either has none (no dictionary for its
    /// language, or a set of one language).
    fn gloss_similarity(&self, other: &StoryVector) -> Option<f64> {
        root_cosine((&self.gloss, self.gloss_norm), (&other.gloss, other.gloss_norm))
    }

    fn english(
        tokens: &[Tok],
        stream: &Stream,
        named: &[bool],
        entities: &[u32],
        mixed: bool,
        code: u64,
    ) -> StoryVector {
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
        let mut across = FxHashSet::default();
        if mixed {
            cross_script_names(tokens, stream, named, &|_| false, &mut tf, &mut across);
        }
        let mut v = StoryVector::finish(tf, &lead, entities, across, code);
        v.add_prefixes(tokens, stream, "en");
        if mixed && code != UNKNOWN {
            v.add_english_gloss(tokens, stream, named);
        }
        v
    }

    /// Adds the dictionary-space terms of an English article: each content
    /// word by its English stem, log term frequency × its weight.
    fn add_english_gloss(&mut self, tokens: &[Tok], stream: &Stream, named: &[bool]) {
        let mut tf: FxHashMap<u64, (f32, f32)> = FxHashMap::default();
        for (&t, &content) in stream.tokens.iter().zip(&stream.content) {
            let Some(tok) = tokens.get(t).filter(|_| content) else { continue };
            let Some(term) = crate::lang::bidict::english_term(tok.norm) else { continue };
            let boost = if named.get(t).copied().unwrap_or(false) { NAME_BOOST } else { 1.0 };
            let e = tf.entry(GLOSS_TERM ^ crate::lang::terms::hash_term(&term)).or_insert((0.0, 0.0));
            e.0 += 1.0;
            e.1 = e.1.max(idf(tok.norm) * boost);
        }
        self.set_gloss(tf.into_iter().map(|(k, (n, w))| (k, (1.0 + n.ln()) * w)).collect());
    }

    /// Adds the cross-language prefix terms of the article's words, each
    /// weighted by log term frequency × its inverse document frequency over
    /// texts of all languages.
    fn add_prefixes(&mut self, tokens: &[Tok], stream: &Stream, lang: &str) {
        let mut tf: FxHashMap<u64, (f32, f32)> = FxHashMap::default();
        let words = || stream.tokens.iter().filter_map(|&t| tokens.get(t).map(|tok| tok.norm));
        // text mostly in a script written without spaces (whatever its
        // identified language) has no words to take prefixes of: its few
        // Latin words would stand for the whole article
        let unspaced = words().filter(|w| w.chars().any(crate::lang::terms::is_unspaced)).count();
        if unspaced * 2 > stream.tokens.len() {
            return;
        }
        crate::lang::terms::each_prefix(lang, words(), &mut |hash, key| {
            let e = tf.entry(hash).or_insert((0.0, 0.0));
            if e.0 == 0.0 {
                e.1 = crate::lang::terms::idf(crate::lang::terms::PREFIX_CODE, key);
            }
            e.0 += 1.0;
        });
        self.prefixes = tf.into_iter().map(|(k, (n, w))| (k, (1.0 + n.ln()) * w)).collect();
        self.prefix_norm = ordered_sum(self.prefixes.values().map(|w| f64::from(*w) * f64::from(*w))).sqrt();
    }

    /// The square root of the cosine of the two articles' prefix terms, or
    /// `None` when either has none (a script written without spaces).
    fn prefix_similarity(&self, other: &StoryVector) -> Option<f64> {
        root_cosine((&self.prefixes, self.prefix_norm), (&other.prefixes, other.prefix_norm))
    }

    /// The similarity of two articles whose language terms give `terms`,
    /// with the prefix cosine beside it.
    /// Across languages, the dictionary cosine ([`GLOSS_WEIGHT`]) joins
    /// them when both articles have dictionary terms.
    fn with_prefixes(&self, other: &StoryVector, terms: f64) -> f64 {
        let (within, across) = prefix_weights();
        let two = self.across_languages(other);
        let w = if two { across } else { within };
        let (mut sum, mut weights) = (terms, 1.0);
        if let Some(p) = self.prefix_similarity(other) {
            sum += w * p;
            weights += w;
        }
        if two {
            if let Some(g) = self.gloss_similarity(other) {
                let wg = gloss_config().weight;
                sum += wg * g;
                weights += wg;
            }
        }
        sum / weights
    }

    /// Whether the two articles are in two different known languages.
    fn across_languages(&self, other: &StoryVector) -> bool {
        self.lang != other.lang && self.lang != UNKNOWN && other.lang != UNKNOWN
    }

    fn finish(
        mut tf: FxHashMap<u64, (f32, f32)>,
        lead: &FxHashSet<u64>,
        entities: &[u32],
        mut across: FxHashSet<u64>,
        lang: u64,
    ) -> StoryVector {
        for h in lead {
            if let Some(e) = tf.get_mut(h) {
                e.0 += LEAD_BOOST;
            }
        }
        let mut terms: FxHashMap<u64, f32> = tf.into_iter().map(|(k, (n, w))| (k, (1.0 + n.ln()) * w)).collect();
        for &id in entities {
            terms.insert((1u64 << 40) | u64::from(id), ENTITY_WEIGHT * NAME_BOOST);
            across.insert((1u64 << 40) | u64::from(id));
        }
        let norm = ordered_sum(terms.values().map(|w| f64::from(*w) * f64::from(*w))).sqrt();
        let across_norm =
            ordered_sum(across.iter().filter_map(|k| terms.get(k)).map(|w| f64::from(*w) * f64::from(*w))).sqrt();
        StoryVector { terms, norm, across, across_norm, lang, ..Default::default() }
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
    across: &mut FxHashSet<u64>,
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
        let k = NAME_TERM ^ crate::lang::terms::hash_term(&key);
        across.insert(k);
        let e = tf.entry(k).or_insert((0.0, 0.0));
        e.0 += 1.0;
        e.1 = e.1.max(weight);
    }
}

/// Same-story similarity of two articles in `[0, 1]`: the square root of the
/// cosine of their [`StoryVector`]s (the root spreads the low values where
/// independent reports of one event fall). For two articles in different
/// languages each norm counts only the terms such a pair can share: its
/// [`StoryVector::across`] terms (names, entities) and the words the other
/// article has too; the words of one language that the other's article
/// lacks are not expected to match and do not dilute the cosine (measured
/// on the SemEval pairs, README "Languages").
#[cfg(test)]
fn story_similarity(a: &StoryVector, b: &StoryVector) -> f64 {
    if a.norm == 0.0 || b.norm == 0.0 {
        return 0.0;
    }
    let (small, large) = if a.terms.len() <= b.terms.len() { (a, b) } else { (b, a) };
    let dot = ordered_sum(small.terms.iter().filter_map(|(k, w)| large.terms.get(k).map(|v| f64::from(v * w))));
    let (na, nb) = if a.across_languages(b) {
        let side = |v: &StoryVector, o: &StoryVector| {
            let m = v.terms.iter().filter(|(k, _)| !v.across.contains(*k) && o.terms.contains_key(*k));
            (v.across_norm * v.across_norm + ordered_sum(m.map(|(_, w)| f64::from(w * w)))).sqrt()
        };
        (side(a, b), side(b, a))
    } else {
        (a.norm, b.norm)
    };
    let terms = if na == 0.0 || nb == 0.0 { 0.0 } else { (dot / (na * nb)).clamp(0.0, 1.0).sqrt() };
    a.with_prefixes(b, terms)
}

/// [`story_similarity`] of every pair `(x, y)`, `x < y`, at `x * n + y`:
/// the dot products are gathered term by term from an inverted index, so
/// two articles that share no term cost nothing (all pairs of fifty
/// articles of distinct names were compared term by term). The same
/// products are summed in the same order as [`story_similarity`], so the
/// values are identical.
pub fn all_similarities(vs: &[StoryVector]) -> Vec<f64> {
    let n = vs.len();
    let mut postings: FxHashMap<u64, Vec<(usize, f32, bool)>> = FxHashMap::default();
    for (x, v) in vs.iter().enumerate() {
        crate::work::add(v.terms.len());
        for (&k, &w) in &v.terms {
            postings.entry(k).or_default().push((x, w, v.across.contains(&k)));
        }
    }
    // per pair: the products of the terms both have, and (for a pair in
    // two languages) the squared weights of the terms they share that are
    // not among [`StoryVector::across`], on each side
    let mut products: Vec<Vec<f64>> = vec![Vec::new(); n * n];
    let mut matched: Vec<(Vec<f64>, Vec<f64>)> = vec![(Vec::new(), Vec::new()); n * n];
    for list in postings.values().filter(|l| l.len() > 1) {
        crate::work::add(list.len() * list.len() / 2);
        for (i, &(x, wx, ax)) in list.iter().enumerate() {
            for &(y, wy, ay) in list.get(i + 1..).unwrap_or_default() {
                let (lo, hi) = (x.min(y), x.max(y));
                if let Some(p) = products.get_mut(lo * n + hi) {
                    p.push(f64::from(wy * wx));
                }
                let two_languages = vs.get(lo).zip(vs.get(hi)).is_some_and(|(a, b)| a.across_languages(b));
                if let Some(m) = matched.get_mut(lo * n + hi).filter(|_| two_languages) {
                    // the two sides in the order of the pair (lo, hi)
                    let ((wl, al), (wh, ah)) = if x < y { ((wx, ax), (wy, ay)) } else { ((wy, ay), (wx, ax)) };
                    if !al {
                        m.0.push(f64::from(wl * wl));
                    }
                    if !ah {
                        m.1.push(f64::from(wh * wh));
                    }
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
            let (na, nb) = if a.across_languages(b) {
                let (ma, mb) = matched.get_mut(x * n + y).map(std::mem::take).unwrap_or_default();
                (
                    (a.across_norm * a.across_norm + ordered_sum(ma.into_iter())).sqrt(),
                    (b.across_norm * b.across_norm + ordered_sum(mb.into_iter())).sqrt(),
                )
            } else {
                (a.norm, b.norm)
            };
            let terms = if na == 0.0 || nb == 0.0 { 0.0 } else { (dot / (na * nb)).clamp(0.0, 1.0).sqrt() };
            if let Some(o) = out.get_mut(x * n + y) {
                *o = a.with_prefixes(b, terms);
            }
        }
    }
    out
}

/// The square root of the cosine of two sparse vectors given with their
/// norms, or `None` when either is empty (norm 0).
fn root_cosine(a: (&FxHashMap<u64, f32>, f64), b: (&FxHashMap<u64, f32>, f64)) -> Option<f64> {
    if a.1 == 0.0 || b.1 == 0.0 {
        return None;
    }
    let (small, large) = if a.0.len() <= b.0.len() { (a.0, b.0) } else { (b.0, a.0) };
    let dot = ordered_sum(small.iter().filter_map(|(k, w)| large.get(k).map(|v| f64::from(v * w))));
    Some((dot / (a.1 * b.1)).clamp(0.0, 1.0).sqrt())
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
        // content words (stop words never reach the weights)
        assert!(idf("people") < 2.0);
        assert!(idf("people") < idf("minister"));
        assert!(idf("ceasefire") > idf("minister"));
    }

    /// Across languages, the words of one article that the other lacks do
    /// not dilute the similarity; its names and entities do.
    #[test]
    fn across_languages_counts_what_can_be_shared() {
        let vec_of = |terms: &[(u64, f32)], across: &[u64], lang: u64| {
            let terms: FxHashMap<u64, f32> = terms.iter().copied().collect();
            let norm = ordered_sum(terms.values().map(|w| f64::from(*w) * f64::from(*w))).sqrt();
            let across: FxHashSet<u64> = across.iter().copied().collect();
            let across_norm = ordered_sum(across.iter().map(|k| f64::from(terms[k]).powi(2))).sqrt();
            StoryVector { terms, norm, across, across_norm, lang, ..Default::default() }
        };
        // a shared name (1) and words of each language (10.., 20..)
        let de = vec_of(&[(1, 2.0), (10, 1.0), (11, 1.0), (12, 1.0)], &[1], 5);
        let en = vec_of(&[(1, 2.0), (20, 1.0), (21, 1.0)], &[1], 7);
        let across = story_similarity(&de, &en);
        assert!((across - 1.0).abs() < 1e-9, "{across}");
        // another name only one of them has counts against them
        let en2 = vec_of(&[(1, 2.0), (3, 2.0), (20, 1.0)], &[1, 3], 7);
        assert!(story_similarity(&de, &en2) < 0.85);
        // within one language every word counts
        let de2 = vec_of(&[(1, 2.0), (20, 1.0), (21, 1.0)], &[1], 5);
        assert!(story_similarity(&de, &de2) < 0.85);
        // text of no known language is compared as within one language
        let und = vec_of(&[(1, 2.0), (20, 1.0), (21, 1.0)], &[1], UNKNOWN);
        assert_eq!(story_similarity(&de, &und), story_similarity(&de, &de2));
    }

    /// The prefix cosine stands beside the terms', with more weight across
    /// languages; when one side has no prefixes it does not count.
    #[test]
    fn prefixes_stand_beside_the_terms() {
        let vec_of = |term: u64, prefixes: &[(u64, f32)], lang: u64| {
            let terms: FxHashMap<u64, f32> = [(term, 1.0)].into_iter().collect();
            let prefixes: FxHashMap<u64, f32> = prefixes.iter().copied().collect();
            let prefix_norm = ordered_sum(prefixes.values().map(|w| f64::from(*w).powi(2))).sqrt();
            StoryVector { terms, norm: 1.0, prefixes, prefix_norm, lang, ..Default::default() }
        };
        let (across, within) = (PREFIX_WEIGHT_ACROSS, PREFIX_WEIGHT_WITHIN);
        // (article A: its term, prefixes, language), (article B: the same), similarity
        type Side<'a> = (u64, &'a [(u64, f32)], u64);
        let cases: [(Side, Side, f64); 6] = [
            // two languages, no term shared: the prefixes' share alone
            ((1, &[(7, 1.0), (8, 2.0)], 5), (2, &[(7, 1.0), (8, 2.0)], 7), across / (1.0 + across)),
            ((1, &[(7, 1.0)], 5), (2, &[(8, 1.0)], 7), 0.0),
            // half the prefix mass shared: cosine 0.5, its root
            ((1, &[(7, 1.0), (8, 1.0)], 5), (2, &[(7, 1.0), (9, 1.0)], 7), 0.5f64.sqrt() * across / (1.0 + across)),
            // one language: the terms agree, the prefixes do not
            ((1, &[(7, 1.0)], 5), (1, &[(8, 1.0)], 5), 1.0 / (1.0 + within)),
            ((1, &[(7, 1.0)], 5), (1, &[(7, 1.0)], 5), 1.0),
            // one side without prefixes (a language written without spaces)
            ((1, &[], 5), (1, &[(8, 1.0)], 5), 1.0),
        ];
        for ((ta, pa, la), (tb, pb, lb), want) in cases {
            let (a, b) = (vec_of(ta, pa, la), vec_of(tb, pb, lb));
            let got = story_similarity(&a, &b);
            assert!((got - want).abs() < 1e-9, "{pa:?} {pb:?}: {got} != {want}");
            assert_eq!(all_similarities(&[a, b])[1], got);
        }
    }

    /// The inverted-index path gives exactly the pair-by-pair values.
    #[test]
    fn all_pairs_equal_pair_by_pair() {
        let vec_of = |terms: &[(u64, f32)]| {
            let terms: FxHashMap<u64, f32> = terms.iter().copied().collect();
            let norm = ordered_sum(terms.values().map(|w| f64::from(*w) * f64::from(*w))).sqrt();
            StoryVector { terms, norm, ..Default::default() }
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
        // the same vectors in three languages, names and entities marked
        let vs: Vec<StoryVector> = vs
            .into_iter()
            .enumerate()
            .map(|(i, mut v)| {
                v.lang = [1, 2, 1, 3, 2][i];
                v.across = v.terms.keys().copied().filter(|k| k % 2 == 1).collect();
                v.across_norm = ordered_sum(v.across.iter().map(|k| f64::from(v.terms[k]).powi(2))).sqrt();
                v
            })
            .collect();
        let all = all_similarities(&vs);
        assert!(all[1] > 0.0);
        for x in 0..vs.len() {
            for y in x + 1..vs.len() {
                assert_eq!(all[x * vs.len() + y], story_similarity(&vs[x], &vs[y]), "{x} {y}");
            }
        }
    }
}
