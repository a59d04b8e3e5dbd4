//! Whether a sentence is supported by a sentence of another article: the
//! same content, perhaps re-worded, or something the other does not say.
//!
//! A logistic model over features of the two sentences (content words by
//! rarity both ways, word and bigram overlap, length, numbers and names one
//! side lacks, negation and hedges that differ, how much of the sentence
//! shared passages cover). Its weights are learned from labelled news
//! sentence pairs (the Microsoft Research Paraphrase Corpus training split)
//! by `corroborate train-support`, which writes `model/support.tsv`;
//! `corroborate eval-paraphrase` measures it by 10-fold cross-validation.

use super::similar::Terms;
use super::Article;
use crate::lang::en::is_function_word;
use crate::tokens::{Sentence, TokenKind};
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
];
/// Number of directed features.
pub const N_DIRECTED: usize = 24;
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

/// A logistic model: `p(same) = σ(bias + Σ weight × feature)`.
#[derive(Debug, Clone, PartialEq)]
pub struct SupportModel {
    /// One weight per feature.
    pub weights: Features,
    /// The intercept.
    pub bias: f32,
}

impl SupportModel {
    /// Probability that the sentence's content is in the other one.
    pub fn p_same(&self, f: &Features) -> f32 {
        let z: f32 = self.bias + self.weights.iter().zip(f).map(|(w, x)| w * x).sum::<f32>();
        1.0 / (1.0 + (-z).exp())
    }

    /// Reads `name<TAB>weight` lines (`bias` for the intercept); `#` starts a
    /// comment. Unknown names are an error, missing ones weigh 0.
    ///
    /// # Errors
    ///
    /// A line that is not a known name and a number.
    pub fn parse(text: &str) -> Result<SupportModel, String> {
        let mut m = SupportModel { weights: [0.0; N_FEATURES], bias: 0.0 };
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let (name, value) = line.split_once('\t').ok_or_else(|| format!("no tab in line {line:?}"))?;
            let v: f32 = value.trim().parse().map_err(|_| format!("weight of {name} is not a number: {value:?}"))?;
            if name == "bias" {
                m.bias = v;
            } else if let Some(w) =
                (0..N_FEATURES).position(|i| feature_name(i) == name).and_then(|i| m.weights.get_mut(i))
            {
                *w = v;
            } else {
                return Err(format!("unknown feature {name:?}"));
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
    M.get_or_init(|| SupportModel::parse(BUILT_IN).unwrap_or(SupportModel { weights: [0.0; N_FEATURES], bias: 0.0 }))
        .clone()
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
pub fn is_the_unsupported_side(f: &Features) -> bool {
    let (mine, theirs) = (f[0], f[N_DIRECTED]);
    mine <= theirs || mine < 0.5
}

/// One judgement the unique finder made: article, sentence, features.
pub type Judged = (usize, usize, Features);

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

/// One side of a comparison: an article, one of its sentences and that
/// sentence's weighted content terms.
pub(super) struct Side<'s, 'a> {
    pub d: &'s Article<'a>,
    pub s: &'s Sentence,
    pub terms: &'s Terms,
}

/// A sentence's words and numbers: norm, kind, and whether it is a
/// capitalized word inside the sentence (a name, roughly).
fn words<'x>(x: &Side<'_, 'x>) -> Vec<(&'x str, TokenKind, bool)> {
    let first = x.s.tokens.start;
    x.d.tokens
        .get(x.s.tokens.clone())
        .unwrap_or(&[])
        .iter()
        .enumerate()
        .filter(|(_, t)| t.is_wordlike())
        .map(|(i, t)| (t.norm, t.kind, t.capitalized && first + i != x.s.tokens.start))
        .collect()
}

/// The features of "do `mine` and `theirs` say the same", with `covered`
/// the share of each one's words inside passages shared with other
/// articles.
pub(super) fn features(mine: &Side, theirs: &Side, covered: (f32, f32)) -> Features {
    let mut f = [0.0; N_FEATURES];
    let (x, y) = (directed(mine, theirs, covered.0), directed(theirs, mine, covered.1));
    for (dst, src) in f.iter_mut().zip(x.iter().chain(y.iter())) {
        *dst = *src;
    }
    f
}

/// The features of "is `mine` supported by `theirs`", one direction.
fn directed(mine: &Side, theirs: &Side, covered: f32) -> [f32; N_DIRECTED] {
    let (wm, wt) = (words(mine), words(theirs));
    let set = |w: &[(&str, TokenKind, bool)]| -> FxHashSet<String> { w.iter().map(|x| x.0.to_string()).collect() };
    let (sm, st) = (set(&wm), set(&wt));
    let bigrams = |w: &[(&str, TokenKind, bool)]| -> FxHashSet<(String, String)> {
        w.windows(2)
            .filter_map(|p| match p {
                [x, y] => Some((x.0.to_string(), y.0.to_string())),
                _ => None,
            })
            .collect()
    };
    let (bm, bt) = (bigrams(&wm), bigrams(&wt));
    let share = |x: &FxHashSet<(String, String)>, y: &FxHashSet<(String, String)>| {
        if x.is_empty() {
            1.0
        } else {
            x.iter().filter(|b| y.contains(*b)).count() as f32 / x.len() as f32
        }
    };
    let weighted = |x: &Terms, y: &Terms| {
        let total: f32 = x.values().sum();
        if total <= 0.0 {
            1.0
        } else {
            x.iter().filter(|(k, _)| y.contains_key(*k)).map(|(_, v)| v).sum::<f32>() / total
        }
    };
    let lacking = |from: &[(&str, TokenKind, bool)],
                   other: &FxHashSet<String>,
                   pick: &dyn Fn(&(&str, TokenKind, bool)) -> bool| {
        let missing: FxHashSet<&str> = from.iter().filter(|w| pick(w) && !other.contains(w.0)).map(|w| w.0).collect();
        (missing.len() as f32).ln_1p()
    };
    let number = |w: &(&str, TokenKind, bool)| w.1 == TokenKind::Number;
    let name = |w: &(&str, TokenKind, bool)| w.2 && w.1 == TokenKind::Word;
    let content = |w: &(&str, TokenKind, bool)| w.1 == TokenKind::Word && !is_function_word(w.0) && w.0.len() > 1;
    let count_of = |w: &[(&str, TokenKind, bool)], list: &[&str]| w.iter().filter(|x| list.contains(&x.0)).count();
    let differs = |list: &[&str]| if count_of(&wm, list) != count_of(&wt, list) { 1.0 } else { 0.0 };
    let (cm, ct) = (weighted(mine.terms, theirs.terms), weighted(theirs.terms, mine.terms));
    let words_in =
        if sm.is_empty() { 1.0 } else { sm.iter().filter(|w| st.contains(*w)).count() as f32 / sm.len() as f32 };
    let ratio = ((wm.len().max(1) as f32) / (wt.len().max(1) as f32)).ln().clamp(-2.0, 2.0);
    [
        cm,
        ct,
        words_in,
        share(&bm, &bt),
        share(&bt, &bm),
        ratio,
        lacking(&wm, &st, &number),
        lacking(&wt, &sm, &number),
        lacking(&wm, &st, &name),
        lacking(&wt, &sm, &name),
        differs(NEGATIONS),
        differs(HEDGES),
        covered,
        lacking(&wm, &st, &content),
        lacking(&wt, &sm, &content),
        cm * ct,
        trigrams_in(&wm, &wt),
        longest_run(&wm, &wt) as f32 / wm.len().max(1) as f32,
        (wm.len() as f32).ln_1p(),
        {
            let nm: FxHashSet<&str> = wm.iter().filter(|w| number(w)).map(|w| w.0).collect();
            let nt: FxHashSet<&str> = wt.iter().filter(|w| number(w)).map(|w| w.0).collect();
            if nm.is_empty() && nt.is_empty() {
                1.0
            } else {
                nm.intersection(&nt).count() as f32 / nm.union(&nt).count() as f32
            }
        },
        cm * cm,
        words_in * words_in,
        {
            // "acquired" and "acquisition": the first five letters of content words
            let pre = |w: &[Word<'_>]| -> FxHashSet<String> {
                w.iter().filter(|x| content(x)).map(|x| x.0.chars().take(5).collect()).collect()
            };
            let (pm, pt) = (pre(&wm), pre(&wt));
            if pm.is_empty() {
                1.0
            } else {
                pm.iter().filter(|x| pt.contains(*x)).count() as f32 / pm.len() as f32
            }
        },
        (wm.iter().filter(|w| content(w)).count() as f32).ln_1p(),
    ]
}

type Word<'x> = (&'x str, TokenKind, bool);

/// Share of `a`'s word trigrams that `b` has.
fn trigrams_in(a: &[Word], b: &[Word]) -> f32 {
    let tri = |w: &[Word]| -> FxHashSet<(String, String, String)> {
        w.windows(3)
            .filter_map(|p| match p {
                [x, y, z] => Some((x.0.to_string(), y.0.to_string(), z.0.to_string())),
                _ => None,
            })
            .collect()
    };
    let (ta, tb) = (tri(a), tri(b));
    if ta.is_empty() {
        1.0
    } else {
        ta.iter().filter(|t| tb.contains(*t)).count() as f32 / ta.len() as f32
    }
}

/// The longest run of words the two have in the same order, contiguous in
/// both (dynamic programming over two sentences).
fn longest_run(a: &[Word], b: &[Word]) -> usize {
    let mut prev = vec![0usize; b.len() + 1];
    let mut best = 0;
    for x in a {
        let mut cur = vec![0usize; b.len() + 1];
        for (j, y) in b.iter().enumerate() {
            if x.0 == y.0 {
                let v = prev.get(j).copied().unwrap_or(0) + 1;
                if let Some(c) = cur.get_mut(j + 1) {
                    *c = v;
                }
                best = best.max(v);
            }
        }
        prev = cur;
    }
    best
}
