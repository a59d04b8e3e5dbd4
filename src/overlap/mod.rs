//! Text reuse: aligned passages, asymmetric containment and same-story
//! similarity.
//!
//! Matching runs on a stream of normalized words per article: case,
//! punctuation and numbers are left out, so a copy that was lowercased,
//! stripped of punctuation or lost its digits still lines up with its source.
//! Word 4-grams shared by two articles seed candidate matches; seeds on one
//! diagonal chain into runs; runs separated by short gaps on both sides join
//! into one passage, and the gap is aligned word by word (LCS) into the
//! substitutions, insertions and deletions inside the passage. Passages are
//! one-to-one: a stretch of text is matched at most once per pair, so a
//! repeated passage is not double-counted.

mod align;
mod rewrite;
mod similarity;

pub(crate) use crate::lang::en::is_function_word;
pub use align::{align_all, Aligned};
pub use rewrite::REWORDED_SEEDS;
pub use similarity::{all_similarities, idf, use_gloss, use_prefix_weights, GlossConfig, StoryVector};

use crate::tokens::{Tok, TokenKind};
use rustc_hash::FxHashMap;

/// Length of the word n-grams that seed matches.
pub const SEED: usize = 4;
/// Fewest identical words a passage must have to be reported; shorter
/// coincidences ("the two leaders also") are not reuse.
pub const MIN_PASSAGE: usize = 6;
/// Fewest identical content words (not function words) in a passage; at
/// least half of the passage's content words must also be identical.
pub const MIN_CONTENT: usize = 2;
/// Gaps up to this many words on both sides are always bridged inside one
/// passage.
pub const MAX_GAP: usize = 8;
/// Longest gap (in words, on either side) bridged when the gap itself still
/// aligns well: a re-worded clause inside a copied sentence.
pub const MAX_JOIN: usize = 40;
/// Share of a long gap's words that must align for the gap to be bridged.
const JOIN_IDENTITY: f64 = 0.4;
/// Two gaps whose lengths differ by more than this are not bridged (the band
/// of the alignment).
const BAND: usize = 16;
/// An n-gram seen more often than this in one article seeds only with its
/// twins in the other (same rank, nearest relative position), not with
/// every occurrence.
const MAX_POSTINGS: usize = 16;
/// Share of identical words from which a passage counts as verbatim.
const VERBATIM_IDENTITY: f64 = 0.7;
/// Words looked at past each end of a passage when extending it.
const EXTEND_WINDOW: usize = 12;

/// The matching view of one article.
#[derive(Debug, Clone)]
pub struct Stream {
    /// Indices into the article's tokens of the words that take part in
    /// matching.
    pub tokens: Vec<usize>,
    /// Hash of each word's normalized form.
    pub hashes: Vec<u64>,
    /// True for content words (not stopwords).
    pub content: Vec<bool>,
    /// True for capitalized words: parts of a name or a title.
    pub capitalized: Vec<bool>,
    /// Hash of the n-gram starting at each position, or 0 when it cannot seed
    /// (function words only, or too close to the end).
    grams: Vec<u64>,
    /// Positions of each seeding n-gram.
    index: FxHashMap<u64, Vec<u32>>,
    /// The stem of each content word (its first [`STEM`] letters), 0 for a
    /// function word: what reworded seeds compare.
    stems: Vec<u64>,
    /// Sentences (at most [`MAX_SENTENCE`] words each), as stream ranges.
    sentences: Vec<(u32, u32)>,
    /// The sentences each stem occurs in (each once, in order).
    stem_sentences: FxHashMap<u64, Vec<u32>>,
    /// The distinctive stems of each sentence (distinct, in at most
    /// [`MAX_STEM_SENTENCES`] sentences of the text), flat: sentence `k`'s
    /// are `sentence_stems[stem_start[k]..stem_start[k + 1]]`.
    sentence_stems: Vec<u64>,
    /// Where each sentence's stems start in `sentence_stems`, and the end.
    stem_start: Vec<u32>,
}

/// A stem in more sentences than this (of one text) does not seed reworded
/// passages: it says nothing about which sentence was reused.
const MAX_STEM_SENTENCES: usize = 24;

/// Letters of a content word kept as its stem (truncation stemming: "attacked",
/// "attacks" and "attacking" share "attac").
const STEM: usize = 5;
/// Longest sentence, in words, compared as one; a longer one (or text
/// without punctuation) is cut into pieces of this length.
const MAX_SENTENCE: usize = 40;

fn stem_hash(w: &str) -> u64 {
    let end = w.char_indices().nth(STEM).map_or(w.len(), |(i, _)| i);
    let h = w
        .get(..end)
        .unwrap_or(w)
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
    h.max(1)
}

fn gram_hash(h: &[u64]) -> u64 {
    let x = h.iter().fold(0x9e3779b97f4a7c15u64, |acc, x| (acc.rotate_left(17) ^ x).wrapping_mul(0x2545F4914F6CDD1D));
    x.max(1)
}

impl Stream {
    /// Builds the matching stream of one article's tokens.
    pub fn new(tokens: &[Tok]) -> Stream {
        let mut idx = Vec::new();
        let mut hashes = Vec::new();
        let mut content = Vec::new();
        let mut stems = Vec::new();
        let mut capitalized = Vec::new();
        let mut sentences: Vec<(u32, u32)> = Vec::new();
        let mut start = 0usize;
        for (i, t) in tokens.iter().enumerate() {
            if t.kind == TokenKind::Word {
                idx.push(i);
                // symbols are unique per key within an analysis
                hashes.push(u64::from(t.sym));
                let c = !is_function_word(t.norm);
                content.push(c);
                capitalized.push(t.capitalized);
                stems.push(if c { stem_hash(t.norm) } else { 0 });
                if hashes.len() - start >= MAX_SENTENCE {
                    sentences.push((start as u32, hashes.len() as u32));
                    start = hashes.len();
                }
            } else if t.kind == TokenKind::Punct && matches!(t.norm, "." | "!" | "?" | ";") && hashes.len() > start {
                sentences.push((start as u32, hashes.len() as u32));
                start = hashes.len();
            }
        }
        if hashes.len() > start {
            sentences.push((start as u32, hashes.len() as u32));
        }
        let mut stem_sentences: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
        for (k, &(s0, s1)) in sentences.iter().enumerate() {
            for &st in stems.get(s0 as usize..s1 as usize).unwrap_or_default() {
                if st != 0 {
                    let v = stem_sentences.entry(st).or_default();
                    if v.last() != Some(&(k as u32)) {
                        v.push(k as u32);
                    }
                }
            }
        }
        let mut grams = vec![0u64; hashes.len()];
        let mut index: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
        if hashes.len() >= SEED {
            let windows = hashes.windows(SEED).zip(content.windows(SEED)).zip(grams.iter_mut());
            for (p, ((w, c), gram)) in windows.enumerate() {
                // n-grams of function words only do not seed
                if c.iter().any(|c| *c) {
                    let g = gram_hash(w);
                    *gram = g;
                    index.entry(g).or_default().push(p as u32);
                }
            }
        }
        let mut sentence_stems = Vec::new();
        let mut stem_start = vec![0u32];
        for &(s0, s1) in &sentences {
            let mut own: Vec<u64> = stems
                .get(s0 as usize..s1 as usize)
                .unwrap_or_default()
                .iter()
                .copied()
                .filter(|st| *st != 0 && stem_sentences.get(st).is_some_and(|p| p.len() <= MAX_STEM_SENTENCES))
                .collect();
            own.sort_unstable();
            own.dedup();
            sentence_stems.extend(own);
            stem_start.push(sentence_stems.len() as u32);
        }
        Stream {
            tokens: idx,
            hashes,
            content,
            capitalized,
            grams,
            index,
            stems,
            sentences,
            stem_sentences,
            sentence_stems,
            stem_start,
        }
    }

    /// The distinctive stems of sentence `k` (empty outside the text).
    fn stems_of(&self, k: usize) -> &[u64] {
        let (Some(&s0), Some(&s1)) = (self.stem_start.get(k), self.stem_start.get(k + 1)) else { return &[] };
        self.sentence_stems.get(s0 as usize..s1 as usize).unwrap_or_default()
    }

    /// Number of words in the stream.
    pub fn len(&self) -> usize {
        self.hashes.len()
    }

    /// True when the stream has no words.
    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }
}

/// One aligned operation inside a passage, in stream positions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Op {
    /// Words `a[i..i+n]` equal `b[j..j+n]`.
    Same {
        /// Start in `a`.
        i: usize,
        /// Start in `b`.
        j: usize,
        /// Number of words.
        n: usize,
    },
    /// `a[i0..i1]` replaced by `b[j0..j1]` (one side may be empty).
    Diff {
        /// Start in `a`.
        i0: usize,
        /// End in `a`.
        i1: usize,
        /// Start in `b`.
        j0: usize,
        /// End in `b`.
        j1: usize,
    },
}

/// A passage shared by two articles, in stream positions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// First stream position in `a`.
    pub a0: usize,
    /// One past the last in `a`.
    pub a1: usize,
    /// First stream position in `b`.
    pub b0: usize,
    /// One past the last in `b`.
    pub b1: usize,
    /// Alignment inside the passage, in order.
    pub ops: Vec<Op>,
}

impl Match {
    /// Words of `a` that are identical in `b`.
    pub fn same_words(&self) -> usize {
        self.ops.iter().map(|o| if let Op::Same { n, .. } = o { *n } else { 0 }).sum()
    }

    /// How the passage was reused, from its lengths and identity: one side
    /// under half the other's length is a summary; a passage whose words are
    /// mostly identical is verbatim; anything else is a paraphrase.
    pub fn kind(&self) -> crate::report::PassageKind {
        use crate::report::PassageKind;
        let (la, lb) = (self.a1 - self.a0, self.b1 - self.b0);
        let (short, long) = (la.min(lb), la.max(lb).max(1));
        if short * 2 < long {
            PassageKind::Summary
        } else if self.same_words() as f64 >= VERBATIM_IDENTITY * long as f64 {
            PassageKind::Verbatim
        } else {
            PassageKind::Paraphrase
        }
    }

    /// The same passage seen from `b`'s side.
    pub fn swapped(&self) -> Match {
        Match {
            a0: self.b0,
            a1: self.b1,
            b0: self.a0,
            b1: self.a1,
            ops: self
                .ops
                .iter()
                .map(|o| match *o {
                    Op::Same { i, j, n } => Op::Same { i: j, j: i, n },
                    Op::Diff { i0, i1, j0, j1 } => Op::Diff { i0: j0, i1: j1, j0: i0, j1: i1 },
                })
                .collect(),
        }
    }
}

/// Items two sorted lists share, each matched once (a merge walk: the
/// count of a multiset intersection when the lists repeat items). Used by
/// the rewording seeds, the support features and the corpus shingles.
pub(crate) fn shared_count<T: Ord>(x: &[T], y: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while let (Some(a), Some(b)) = (x.get(i), y.get(j)) {
        match a.cmp(b) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}
