//! Whether a sentence is supported by a sentence of another article: the
//! same content, perhaps re-worded, or something the other does not say.
//!
//! A logistic model over features of the two sentences (content words by
//! rarity both ways, word and bigram overlap, length, numbers and names one
//! side lacks, negation and hedges that differ, how much of the sentence
//! shared passages cover, and machine-translation metrics: BLEU's clipped
//! n-gram precision, chrF's character n-grams, TER's word edit rate). Its
//! weights are learned from labelled news
//! sentence pairs (the Microsoft Research Paraphrase Corpus training split)
//! by `corroborate train-support`, which writes `model/support.tsv`;
//! `corroborate eval-paraphrase` measures it by 10-fold cross-validation.

use super::similar::Terms;
use super::Article;
use crate::lang::en::is_function_word;
use crate::overlap::idf;
use crate::tokens::{Sentence, Sym, TokenKind};
use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// The features of a pair of sentences: [`DIRECTED`] from the judged
/// sentence's side, then the same from the other's.
pub type Features = [f32; N_FEATURES];

/// Names of the directed features; the model has each twice, the second
/// time with `@theirs` appended (the other sentence's view).
pub const DIRECTED: [&str; N_DIRECTED] = [
    "content_in_theirs",
    "content_of_theirs_in_mine",
    "words_in_theirs",
    "bigrams_in_theirs",
    "bigrams_of_theirs_in_mine",
    "log_length_ratio",
    "numbers_theirs_lack",
    "numbers_mine_lacks",
    "names_theirs_lack",
    "names_mine_lacks",
    "negation_differs",
    "hedge_differs",
    "covered_by_passages",
    "content_words_theirs_lack",
    "content_words_mine_lacks",
    "both_ways",
    "trigrams_in_theirs",
    "longest_common_run",
    "log_words",
    "shared_numbers",
    "content_in_theirs_squared",
    "words_in_theirs_squared",
    "prefixes_in_theirs",
    "content_words",
    "subsequence",
    "content_subsequence",
    "aligned_content",
    "unaligned_rarity",
    "rarest_unaligned",
    "aligned_content_squared",
    "aligned_by_neighbors",
    "unaligned_after_neighbors",
    "unigram_precision",
    "bigram_precision",
    "trigram_precision",
    "fourgram_precision",
    "bleu",
    "prefix_unigram_precision",
    "prefix_bigram_precision",
    "prefix_trigram_precision",
    "prefix_fourgram_precision",
    "prefix_bleu",
    "char2_precision",
    "char3_precision",
    "char4_precision",
    "char5_precision",
    "char6_precision",
    "char_precision",
    "edit_rate",
    "prefix_edit_rate",
    "has_quote",
    "quote_differs",
    "speech_differs",
];
/// Number of directed features.
pub const N_DIRECTED: usize = 53;
/// Number of features.
pub const N_FEATURES: usize = 2 * N_DIRECTED;

/// The name of feature `i` of [`Features`].
pub fn feature_name(i: usize) -> String {
    match DIRECTED.get(i % N_DIRECTED) {
        Some(n) if i < N_DIRECTED => n.to_string(),
        Some(n) => format!("{n}@theirs"),
        None => String::new(),
    }
}

/// One step of boosting: `left` when the feature is at most `threshold`,
/// else `right`, added to the logistic model's score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stump {
    /// Index into [`Features`].
    pub feature: usize,
    /// The split.
    pub threshold: f32,
    /// Added when the feature is at most `threshold`.
    pub left: f32,
    /// Added otherwise.
    pub right: f32,
}

/// A logistic model with boosted stumps on top:
/// `p(same) = σ(bias + Σ weight × feature + Σ stump(feature))`.
#[derive(Debug, Clone, PartialEq)]
pub struct SupportModel {
    /// One weight per feature.
    pub weights: Features,
    /// The intercept.
    pub bias: f32,
    /// Corrections the linear part cannot express (thresholds,
    /// interactions), fitted to what it leaves wrong.
    pub stumps: Vec<Stump>,
}

impl SupportModel {
    /// A model that weighs nothing.
    pub fn empty() -> SupportModel {
        SupportModel { weights: [0.0; N_FEATURES], bias: 0.0, stumps: Vec::new() }
    }

    /// The score before the logistic function.
    pub fn score(&self, f: &Features) -> f32 {
        let linear: f32 = self.bias + self.weights.iter().zip(f).map(|(w, x)| w * x).sum::<f32>();
        let boost: f32 = self
            .stumps
            .iter()
            .map(|s| if f.get(s.feature).copied().unwrap_or(0.0) <= s.threshold { s.left } else { s.right })
            .sum();
        linear + boost
    }

    /// Probability that the sentence's content is in the other one.
    ///
    /// ```
    /// use corroborate::internal::support::{SupportModel, N_FEATURES};
    /// let m = SupportModel::parse("bias\t2\nstump\tcontent_in_theirs\t0.5\t-4\t0").unwrap();
    /// let mut f = [0.0; N_FEATURES];
    /// assert!(m.p_same(&f) < 0.5);
    /// f[0] = 0.9;
    /// assert!(m.p_same(&f) > 0.5);
    /// ```
    pub fn p_same(&self, f: &Features) -> f32 {
        1.0 / (1.0 + (-self.score(f)).exp())
    }

    /// Reads `name<TAB>weight` lines (`bias` for the intercept) and
    /// `stump<TAB>name<TAB>threshold<TAB>left<TAB>right` lines; `#` starts a
    /// comment. Unknown names are an error, missing ones weigh 0.
    ///
    /// # Errors
    ///
    /// A line that is not a known name and a number, or not a stump.
    pub fn parse(text: &str) -> Result<SupportModel, String> {
        let mut m = SupportModel::empty();
        let index = |name: &str| (0..N_FEATURES).position(|i| feature_name(i) == name);
        let number = |name: &str, v: &str| -> Result<f32, String> {
            v.trim().parse().map_err(|_| format!("{name}: {v:?} is not a number"))
        };
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let fields: Vec<&str> = line.split('\t').collect();
            match fields.as_slice() {
                ["stump", name, t, l, r] => {
                    let feature = index(name).ok_or_else(|| format!("unknown feature {name:?}"))?;
                    m.stumps.push(Stump {
                        feature,
                        threshold: number(name, t)?,
                        left: number(name, l)?,
                        right: number(name, r)?,
                    });
                }
                ["bias", v] => m.bias = number("bias", v)?,
                [name, v] => {
                    let w = index(name)
                        .and_then(|i| m.weights.get_mut(i))
                        .ok_or_else(|| format!("unknown feature {name:?}"))?;
                    *w = number(name, v)?;
                }
                _ => return Err(format!("not a weight or a stump: {line:?}")),
            }
        }
        Ok(m)
    }

    /// The weights as `parse` reads them.
    pub fn to_tsv(&self) -> String {
        let mut s =
            String::from("# sentence support weights: corroborate train-support (see src/divergence/support.rs)\n");
        s += &format!("bias\t{:.6}\n", self.bias);
        for (i, w) in self.weights.iter().enumerate() {
            s += &format!("{}\t{w:.6}\n", feature_name(i));
        }
        for t in &self.stumps {
            s += &format!("stump\t{}\t{:.6}\t{:.6}\t{:.6}\n", feature_name(t.feature), t.threshold, t.left, t.right);
        }
        s
    }
}

const BUILT_IN: &str = include_str!("../../model/support.tsv");

/// The model the engine uses: the built-in weights, or, in builds with the
/// `train` feature, the one [`with_model`] set for this thread.
pub fn model() -> SupportModel {
    #[cfg(feature = "train")]
    if let Some(m) = OVERRIDE.with(|o| o.borrow().clone()) {
        return m;
    }
    static M: OnceLock<SupportModel> = OnceLock::new();
    M.get_or_init(|| SupportModel::parse(BUILT_IN).unwrap_or_else(|_| SupportModel::empty())).clone()
}

#[cfg(feature = "train")]
thread_local! {
    static OVERRIDE: std::cell::RefCell<Option<SupportModel>> = const { std::cell::RefCell::new(None) };
    static COLLECT: std::cell::RefCell<Option<Vec<Judged>>> = const { std::cell::RefCell::new(None) };
}

/// When two sentences do not say the same, whether the first is the one
/// that says what the other does not: it is, unless the other carries more
/// of it than it carries of the other and at least half of it (then the
/// other sentence adds to it, and the other one is unique).
///
/// A sentence with a figure is not carried by one that has no figure of
/// its own to set against it ("Russia intervened in 2015 to back its ally
/// Assad" by "… Assad's ally Russia"); one that gives another figure
/// ("87 civilians" for "more than 80 people") carries it, and the figures
/// are compared as facts.
pub fn is_the_unsupported_side(f: &Features) -> bool {
    let (mine, theirs) = (f[0], f[N_DIRECTED]);
    let (figures_they_lack, figures_i_lack) = (f[6], f[7]);
    mine <= theirs || mine < 0.5 || (figures_they_lack > 0.0 && figures_i_lack == 0.0)
}

/// One judgement the unique finder made: article, sentence, features, and
/// whether a rule decided the sentence whatever the model says (a statement
/// another article attributes to another source is not unique): such a
/// judgement is training data, but not the engine's decision.
pub type Judged = (usize, usize, Features, bool);

/// Runs `f` with `m` as the support model of this thread (training and
/// evaluation only).
#[cfg(feature = "train")]
pub fn with_model<T>(m: Option<SupportModel>, f: impl FnOnce() -> T) -> T {
    let old = OVERRIDE.with(|o| o.replace(m));
    let out = f();
    OVERRIDE.with(|o| o.replace(old));
    out
}

/// Runs `f` and returns, beside its result, every judgement the unique
/// finder made meanwhile on this thread (training and evaluation only).
#[cfg(feature = "train")]
pub fn collect<T>(f: impl FnOnce() -> T) -> (T, Vec<Judged>) {
    let old = COLLECT.with(|c| c.replace(Some(Vec::new())));
    let out = f();
    let got = COLLECT.with(|c| c.replace(old)).unwrap_or_default();
    (out, got)
}

/// Records a judgement when a [`collect`] is running.
pub(super) fn record(_j: Judged) {
    #[cfg(feature = "train")]
    COLLECT.with(|c| {
        if let Some(v) = c.borrow_mut().as_mut() {
            v.push(_j);
        }
    });
}

const NEGATIONS: &[&str] =
    &["not", "no", "never", "n't", "nor", "without", "denied", "denies", "deny", "refused", "none", "neither"];
const HEDGES: &[&str] = &[
    "may",
    "might",
    "could",
    "would",
    "reportedly",
    "allegedly",
    "possibly",
    "probably",
    "likely",
    "expected",
    "suggested",
    "appeared",
    "believed",
    "estimated",
    "about",
    "nearly",
    "almost",
    "approximately",
];

/// Whether a word is a negation or a hedge ("not", "denied", "may",
/// "reportedly"): a qualifier of what a sentence claims.
pub(super) fn is_hedge_or_negation(w: &str) -> bool {
    NEGATIONS.contains(&w) || HEDGES.contains(&w)
}

/// One side of a comparison: an article, one of its sentences and that
/// sentence's weighted content terms.
pub(super) struct Side<'s, 'a> {
    pub d: &'s Article<'a>,
    pub s: &'s Sentence,
    pub terms: &'s Terms,
}

/// A word or number of a sentence as the features read it: its symbol
/// (shared by all articles of an analysis, so two words compare as two
/// integers), its norm, kind, whether it is a capitalized word inside the
/// sentence (a name, roughly) and whether it carries content.
#[derive(Debug, Clone, Copy)]
struct Word<'x> {
    sym: Sym,
    norm: &'x str,
    kind: TokenKind,
    name: bool,
    content: bool,
}

impl Word<'_> {
    /// The first five letters: "acquired" and "acquisition" agree.
    fn prefix(&self) -> &str {
        let end = self.norm.char_indices().nth(5).map_or(self.norm.len(), |(i, _)| i);
        self.norm.get(..end).unwrap_or(self.norm)
    }
}

/// A sentence's words and numbers.
fn words<'x>(x: &Side<'_, 'x>) -> Vec<Word<'x>> {
    let first = x.s.tokens.start;
    x.d.tokens
        .get(x.s.tokens.clone())
        .unwrap_or(&[])
        .iter()
        .enumerate()
        .filter(|(_, t)| t.is_wordlike())
        .map(|(i, t)| Word {
            sym: t.sym,
            norm: t.norm,
            kind: t.kind,
            name: t.capitalized && first + i != x.s.tokens.start && t.kind == TokenKind::Word,
            content: t.kind == TokenKind::Word && !is_function_word(t.norm) && t.norm.len() > 1,
        })
        .collect()
}

/// The features of "do `mine` and `theirs` say the same", with `covered`
/// the share of each one's words inside passages shared with other
/// articles.
pub(super) fn features(mine: &Side, theirs: &Side, covered: (f32, f32)) -> Features {
    let mut f = [0.0; N_FEATURES];
    let (mut wm, mut wt) = (words(mine), words(theirs));
    // a copy stripped of its digits cannot agree on figures: its words are
    // compared without the numbers of either side
    if mine.d.no_digits || theirs.d.no_digits {
        wm.retain(|w| w.kind != TokenKind::Number);
        wt.retain(|w| w.kind != TokenKind::Number);
    }
    let (x, y) = (directed((mine, &wm), (theirs, &wt), covered.0), directed((theirs, &wt), (mine, &wm), covered.1));
    for (dst, src) in f.iter_mut().zip(x.iter().chain(y.iter())) {
        *dst = *src;
    }
    f
}

/// Share of `x` found in `y` (1 when `x` is empty).
fn share_in<T: Eq + std::hash::Hash>(x: &FxHashSet<T>, y: &FxHashSet<T>) -> f32 {
    if x.is_empty() {
        1.0
    } else {
        x.iter().filter(|b| y.contains(*b)).count() as f32 / x.len() as f32
    }
}

/// The features of "is `mine` supported by `theirs`", one direction.
fn directed(mine: (&Side, &[Word]), theirs: (&Side, &[Word]), covered: f32) -> [f32; N_DIRECTED] {
    let ((_, wm), (_, wt)) = (mine, theirs);
    let mut out = [0.0; N_DIRECTED];
    let first = overlap_features(mine, theirs, covered);
    let second = mt_features(wm, wt);
    let third = quote_features(mine.0, theirs.0, wm, wt);
    for (dst, src) in out.iter_mut().zip(first.iter().chain(second.iter()).chain(third.iter())) {
        *dst = *src;
    }
    out
}

/// Verbs that attribute a statement to a speaker (the narrower list of
/// the two measured: with coverage's, which adds "reported", "announced"
/// and "confirmed", MSRP 10-fold CV gave 0.759 / 0.828 against 0.761 /
/// 0.830).
const SPEECH: &[&str] = &["said", "says", "say", "told", "tells", "according", "stated", "added"];

/// Number of features [`quote_features`] gives.
const N_QUOTE: usize = 3;

/// Whether a sentence quotes and whether it reports speech, against the
/// other sentence: it has quotation marks, the two differ in having them,
/// and they differ in having a speech verb ("said", "told", "according").
/// A quote and its paraphrase, or a statement with and without its
/// attribution, tell apart pairs whose words otherwise agree.
fn quote_features(mine: &Side, theirs: &Side, wm: &[Word], wt: &[Word]) -> [f32; N_QUOTE] {
    let quoted = |x: &Side| {
        x.d.tokens
            .get(x.s.tokens.clone())
            .unwrap_or(&[])
            .iter()
            .any(|t| t.norm.contains(['"', '\u{201c}', '\u{201d}']) || t.norm == "''" || t.norm == "``")
    };
    let spoken = |w: &[Word]| w.iter().any(|x| SPEECH.contains(&x.norm));
    let flag = |b: bool| if b { 1.0 } else { 0.0 };
    let q = quoted(mine);
    [flag(q), flag(q != quoted(theirs)), flag(spoken(wm) != spoken(wt))]
}

/// Number of features [`mt_features`] gives.
const N_MT: usize = 18;

/// Features machine-translation metrics use, of `mine` against `theirs`:
/// clipped n-gram precision (1 to 4 words, BLEU's) of words and of their
/// first five letters with BLEU's geometric mean and brevity penalty,
/// character n-gram precision (2 to 6 characters, chrF's) and the word
/// edit distance over the other's length (TER's, without shifts).
fn mt_features(wm: &[Word], wt: &[Word]) -> [f32; N_MT] {
    let hash = |x: &str| {
        use std::hash::{Hash, Hasher};
        let mut h = rustc_hash::FxHasher::default();
        x.hash(&mut h);
        h.finish()
    };
    let syms = |w: &[Word]| -> Vec<u64> { w.iter().map(|x| u64::from(x.sym)).collect() };
    let prefixes = |w: &[Word]| -> Vec<u64> { w.iter().map(|x| hash(x.prefix())).collect() };
    let (sm, st, pm, pt) = (syms(wm), syms(wt), prefixes(wm), prefixes(wt));
    let brevity = (1.0 - wt.len() as f32 / wm.len().max(1) as f32).min(0.0).exp();
    let bleu = |p: &[f32; 4]| brevity * (p.iter().map(|x| x.max(0.01).ln()).sum::<f32>() / 4.0).exp();
    let precisions = |a: &[u64], b: &[u64]| -> [f32; 4] {
        [clipped_precision(a, b, 1), clipped_precision(a, b, 2), clipped_precision(a, b, 3), clipped_precision(a, b, 4)]
    };
    let (pw, pp) = (precisions(&sm, &st), precisions(&pm, &pt));
    let text = |w: &[Word]| -> Vec<char> {
        let mut c = Vec::new();
        for (i, x) in w.iter().enumerate() {
            if i > 0 {
                c.push(' ');
            }
            c.extend(x.norm.chars());
        }
        c
    };
    let (cm, ct) = (text(wm), text(wt));
    let mut chars = [0.0f32; 5];
    for (n, dst) in (2..).zip(chars.iter_mut()) {
        *dst = sorted_overlap(&mut grams(&cm, n), &mut grams(&ct, n));
    }
    let rate = |a: &[u64], b: &[u64]| (edit_distance(head(a), head(b)) as f32 / head(b).len().max(1) as f32).min(2.0);
    [
        pw[0],
        pw[1],
        pw[2],
        pw[3],
        bleu(&pw),
        pp[0],
        pp[1],
        pp[2],
        pp[3],
        bleu(&pp),
        chars[0],
        chars[1],
        chars[2],
        chars[3],
        chars[4],
        chars.iter().sum::<f32>() / 5.0,
        rate(&sm, &st),
        rate(&pm, &pt),
    ]
}

/// Share of `a`'s `n`-grams found in `b`, each counted at most as often as
/// `b` has it (1 when `a` has none). The n-grams are hashed into sorted
/// lists and walked together: no map per pair (it runs on every sentence
/// pair the engine compares).
fn clipped_precision(a: &[u64], b: &[u64], n: usize) -> f32 {
    sorted_overlap(&mut grams(a, n), &mut grams(b, n))
}

/// The hashes of the `n`-grams of `x`.
fn grams<T: std::hash::Hash>(x: &[T], n: usize) -> Vec<u64> {
    use std::hash::{Hash, Hasher};
    x.windows(n)
        .map(|g| {
            let mut h = rustc_hash::FxHasher::default();
            g.hash(&mut h);
            h.finish()
        })
        .collect()
}

/// Clipped share of `a`'s items found in `b` (both sorted here).
fn sorted_overlap(a: &mut [u64], b: &mut [u64]) -> f32 {
    if a.is_empty() {
        return 1.0;
    }
    a.sort_unstable();
    b.sort_unstable();
    crate::overlap::shared_count(a, b) as f32 / a.len() as f32
}

/// Word edit distance (insertions, deletions, substitutions).
fn edit_distance(a: &[u64], b: &[u64]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0usize; b.len() + 1];
    for (i, x) in a.iter().enumerate() {
        if let Some(c) = cur.first_mut() {
            *c = i + 1;
        }
        for (j, y) in b.iter().enumerate() {
            let sub = prev.get(j).copied().unwrap_or(0) + usize::from(x != y);
            let del = prev.get(j + 1).copied().unwrap_or(0) + 1;
            let ins = cur.get(j).copied().unwrap_or(0) + 1;
            if let Some(c) = cur.get_mut(j + 1) {
                *c = sub.min(del).min(ins);
            }
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev.last().copied().unwrap_or(0)
}

/// Number of features [`overlap_features`] gives.
const N_OVERLAP: usize = N_DIRECTED - N_MT - N_QUOTE;

/// The overlap, alignment, name, number and hedge features of `mine`
/// against `theirs`.
fn overlap_features(mine: (&Side, &[Word]), theirs: (&Side, &[Word]), covered: f32) -> [f32; N_OVERLAP] {
    let ((sm_side, wm), (st_side, wt)) = (mine, theirs);
    // symbols widened to the n-grams' type: one kind of set in the wasm
    let set = |w: &[Word], pick: &dyn Fn(&Word) -> bool| -> FxHashSet<u64> {
        w.iter().filter(|x| pick(x)).map(|x| u64::from(x.sym)).collect()
    };
    let all = |_: &Word| true;
    let number = |w: &Word| w.kind == TokenKind::Number;
    let name = |w: &Word| w.name;
    let content = |w: &Word| w.content;
    let (sm, st) = (set(wm, &all), set(wt, &all));
    let (bm, bt) = (ngrams(wm, 2), ngrams(wt, 2));
    let weighted = |x: &Terms, y: &Terms| {
        let total: f32 = x.values().sum();
        if total <= 0.0 {
            1.0
        } else {
            x.iter().filter(|(k, _)| y.contains_key(*k)).map(|(_, v)| v).sum::<f32>() / total
        }
    };
    let lacking = |from: &[Word], other: &FxHashSet<u64>, pick: &dyn Fn(&Word) -> bool| {
        let missing: FxHashSet<u64> = from
            .iter()
            .map(|w| (w, u64::from(w.sym)))
            .filter(|(w, k)| pick(w) && !other.contains(k))
            .map(|(_, k)| k)
            .collect();
        (missing.len() as f32).ln_1p()
    };
    let count_of = |w: &[Word], list: &[&str]| w.iter().filter(|x| list.contains(&x.norm)).count();
    let differs = |list: &[&str]| if count_of(wm, list) != count_of(wt, list) { 1.0 } else { 0.0 };
    let (cm, ct) = (weighted(sm_side.terms, st_side.terms), weighted(st_side.terms, sm_side.terms));
    let words_in = share_in(&sm, &st);
    let ratio = ((wm.len().max(1) as f32) / (wt.len().max(1) as f32)).ln().clamp(-2.0, 2.0);
    let (nm, nt) = (set(wm, &number), set(wt, &number));
    let shared_numbers = if nm.is_empty() && nt.is_empty() {
        1.0
    } else {
        nm.intersection(&nt).count() as f32 / nm.union(&nt).count().max(1) as f32
    };
    // content words aligned by symbol or by their first letters, by rarity;
    // of those left, the ones that are near neighbours (by the cosine of
    // GloVe vectors, learned from unlabeled text) of a content word theirs
    // leaves unaligned: a synonym or a close relative ("bought",
    // "acquired"; also "rose", "fell": the weights learn what that means)
    let prefixes: FxHashSet<&str> = wt.iter().filter(|x| x.content).map(Word::prefix).collect();
    let hash = |w: &Word| crate::entities::tagger::stable_hash(w.norm.as_bytes());
    let open_t: FxHashSet<u64> =
        wt.iter().filter(|x| x.content && !sm.contains(&u64::from(x.sym))).map(&hash).collect();
    let (mut aligned, mut total, mut unaligned_rarest, mut by_neighbors) = (0.0f32, 0.0f32, 0.0f32, 0.0f32);
    let mut seen: FxHashSet<u64> = FxHashSet::default();
    for w in wm.iter().filter(|w| w.content) {
        if !seen.insert(u64::from(w.sym)) {
            continue;
        }
        let weight = idf(w.norm);
        total += weight;
        if st.contains(&u64::from(w.sym)) || prefixes.contains(w.prefix()) {
            aligned += weight;
        } else {
            unaligned_rarest = unaligned_rarest.max(weight);
            if crate::entities::tagger::clusters::neighbors_of(hash(w)).iter().any(|n| open_t.contains(n)) {
                by_neighbors += weight;
            }
        }
    }
    let aligned_share = if total > 0.0 { aligned / total } else { 1.0 };
    let content_m: Vec<Sym> = wm.iter().filter(|w| w.content).map(|w| w.sym).collect();
    let content_t: Vec<Sym> = wt.iter().filter(|w| w.content).map(|w| w.sym).collect();
    let syms_m: Vec<Sym> = wm.iter().map(|w| w.sym).collect();
    let syms_t: Vec<Sym> = wt.iter().map(|w| w.sym).collect();
    [
        cm,
        ct,
        words_in,
        share_in(&bm, &bt),
        share_in(&bt, &bm),
        ratio,
        lacking(wm, &st, &number),
        lacking(wt, &sm, &number),
        lacking(wm, &st, &name),
        lacking(wt, &sm, &name),
        differs(NEGATIONS),
        differs(HEDGES),
        covered,
        lacking(wm, &st, &content),
        lacking(wt, &sm, &content),
        cm * ct,
        share_in(&ngrams(wm, 3), &ngrams(wt, 3)),
        longest_run(head(&syms_m), head(&syms_t)) as f32 / head(wm).len().max(1) as f32,
        (wm.len() as f32).ln_1p(),
        shared_numbers,
        cm * cm,
        words_in * words_in,
        {
            let (pm, pt): (FxHashSet<&str>, FxHashSet<&str>) =
                (wm.iter().filter(|x| x.content).map(Word::prefix).collect(), prefixes.clone());
            share_in(&pm, &pt)
        },
        (content_m.len() as f32).ln_1p(),
        lcs(head(&syms_m), head(&syms_t)) as f32 / head(&syms_m).len().max(1) as f32,
        lcs(head(&content_m), head(&content_t)) as f32 / head(&content_m).len().max(1) as f32,
        aligned_share,
        (total - aligned).max(0.0).ln_1p(),
        unaligned_rarest / 8.0,
        aligned_share * aligned_share,
        if total > 0.0 { by_neighbors / total } else { 0.0 },
        (total - aligned - by_neighbors).max(0.0).ln_1p(),
    ]
}

/// The word `n`-grams of a sentence, each as a hash of its symbols.
fn ngrams(w: &[Word], n: usize) -> FxHashSet<u64> {
    use std::hash::{Hash, Hasher};
    w.windows(n)
        .map(|g| {
            let mut h = rustc_hash::FxHasher::default();
            for x in g {
                x.sym.hash(&mut h);
            }
            h.finish()
        })
        .collect()
}

/// The longest common subsequence of two symbol sequences: how many words
/// the two have in the same order, gaps allowed.
/// Words of a sentence the quadratic features (common subsequence, edit
/// distance, longest run) read: the first 100. A news sentence is shorter;
/// a "sentence" of thousands of words (a list, text without full stops)
/// would make each pair cost millions of steps.
const QUADRATIC_WORDS: usize = 100;

/// The first [`QUADRATIC_WORDS`] of `x`.
fn head<T>(x: &[T]) -> &[T] {
    x.get(..QUADRATIC_WORDS).unwrap_or(x)
}

fn lcs(a: &[Sym], b: &[Sym]) -> usize {
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            let v = if x == y {
                prev.get(j).copied().unwrap_or(0) + 1
            } else {
                prev.get(j + 1).copied().unwrap_or(0).max(cur.get(j).copied().unwrap_or(0))
            };
            if let Some(c) = cur.get_mut(j + 1) {
                *c = v;
            }
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev.last().copied().unwrap_or(0)
}

/// The longest run of words the two have in the same order, contiguous in
/// both (dynamic programming over two sentences).
fn longest_run(a: &[Sym], b: &[Sym]) -> usize {
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    let mut best = 0;
    for x in a {
        for (j, y) in b.iter().enumerate() {
            let v = if x == y { prev.get(j).copied().unwrap_or(0) + 1 } else { 0 };
            if let Some(c) = cur.get_mut(j + 1) {
                *c = v;
            }
            best = best.max(v);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sequences() {
        // (a, b, longest common subsequence, longest common run)
        let cases: &[(&[Sym], &[Sym], usize, usize)] = &[
            (&[1, 2, 3, 4], &[1, 2, 3, 4], 4, 4),
            (&[1, 2, 3, 4], &[1, 9, 3, 4], 3, 2),
            (&[1, 2, 3], &[3, 2, 1], 1, 1),
            (&[], &[1], 0, 0),
            (&[5, 1, 5, 2], &[1, 2], 2, 1),
        ];
        for (a, b, sub, run) in cases {
            assert_eq!(lcs(a, b), *sub, "lcs {a:?} {b:?}");
            assert_eq!(lcs(b, a), *sub, "lcs {b:?} {a:?}");
            assert_eq!(longest_run(a, b), *run, "run {a:?} {b:?}");
        }
    }

    #[test]
    fn translation_metrics() {
        assert_eq!(edit_distance(&[1, 2, 3], &[1, 3]), 1);
        assert_eq!(edit_distance(&[], &[1, 2]), 2);
        assert_eq!(edit_distance(&[1, 2], &[2, 1]), 2);
        assert_eq!(clipped_precision(&[1, 1, 2], &[1, 2], 1), 2.0 / 3.0);
        assert_eq!(clipped_precision(&[1, 2, 3], &[1, 2, 4], 2), 0.5);
        assert_eq!(clipped_precision(&[1], &[1], 2), 1.0);
    }

    #[test]
    fn model_round_trips_and_names_every_feature() {
        let m = model();
        assert_eq!(SupportModel::parse(&m.to_tsv()).as_ref(), Ok(&m));
        let names: FxHashSet<String> = (0..N_FEATURES).map(feature_name).collect();
        assert_eq!(names.len(), N_FEATURES);
        assert!(SupportModel::parse("nonsense\t1").is_err());
    }
}
