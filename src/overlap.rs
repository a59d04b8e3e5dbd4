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

use crate::tokens::{Tok, TokenKind};
use rustc_hash::FxHashMap;

/// Length of the word n-grams that seed matches.
pub const SEED: usize = 4;
/// Shortest passage reported, in words; shorter coincidences ("the two
/// leaders also") are not reuse.
pub const MIN_PASSAGE: usize = 7;
/// Largest gap (in words, on each side) bridged inside one passage.
pub const MAX_GAP: usize = 8;
/// An n-gram seen more often than this in one article is too common to seed.
const MAX_POSTINGS: usize = 16;

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
    grams: FxHashMap<u64, Vec<u32>>,
}

fn gram_hash(h: &[u64]) -> u64 {
    h.iter().fold(0x9e3779b97f4a7c15u64, |acc, x| (acc.rotate_left(17) ^ x).wrapping_mul(0x2545F4914F6CDD1D))
}

const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "is", "was",
    "are", "were", "be", "been", "it", "its", "he", "she", "they", "his", "her", "their", "this", "that", "these",
    "those", "which", "who", "s", "had", "has", "have", "not", "also", "said", "two", "will", "would",
];

impl Stream {
    /// Builds the matching stream of one article's tokens.
    pub fn new(tokens: &[Tok]) -> Stream {
        let mut idx = Vec::new();
        let mut hashes = Vec::new();
        let mut content = Vec::new();
        for (i, t) in tokens.iter().enumerate() {
            if t.kind == TokenKind::Word {
                idx.push(i);
                // symbols are unique per key within an analysis
                hashes.push(u64::from(t.sym));
                content.push(!FUNCTION_WORDS.contains(&t.norm));
            }
        }
        let mut grams: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
        if hashes.len() >= SEED {
            for (p, w) in hashes.windows(SEED).enumerate() {
                grams.entry(gram_hash(w)).or_default().push(p as u32);
            }
        }
        Stream { tokens: idx, hashes, content, grams }
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
}

#[derive(Debug, Clone, Copy)]
struct Run {
    a0: usize,
    a1: usize,
    b0: usize,
    b1: usize,
}

/// Finds the passages shared by two articles.
///
/// ```
/// use corroborate::{overlap::{align, Stream}, tokens::{tokenize, view, Vocab}};
/// let a = "The mayor called it a very dangerous failure of oversight and ordered an inspection.";
/// let b = "the mayor called it a very unsafe failure of oversight and ordered an inspection";
/// let mut vocab = Vocab::default();
/// let (ta, tb) = (tokenize(a, &[0..a.len()], &mut vocab), tokenize(b, &[0..b.len()], &mut vocab));
/// let m = align(&Stream::new(&view(&ta, &vocab)), &Stream::new(&view(&tb, &vocab)));
/// assert_eq!(m.len(), 1);
/// assert_eq!(m[0].a1 - m[0].a0, 14);
/// assert_eq!(m[0].same_words(), 13);
/// ```
pub fn align(a: &Stream, b: &Stream) -> Vec<Match> {
    if a.len() < SEED || b.len() < SEED {
        return Vec::new();
    }
    // seeds: (diagonal, i, j)
    let mut seeds: Vec<(i64, usize, usize)> = Vec::new();
    for (i, w) in a.hashes.windows(SEED).enumerate() {
        // skip seeds made only of function words
        if a.content.get(i..i + SEED).is_some_and(|c| c.iter().filter(|x| **x).count() == 0) {
            continue;
        }
        if let Some(posts) = b.grams.get(&gram_hash(w)) {
            if posts.len() > MAX_POSTINGS {
                continue;
            }
            for &j in posts {
                let j = j as usize;
                if b.hashes.get(j..j + SEED) == Some(w) {
                    seeds.push((i as i64 - j as i64, i, j));
                }
            }
        }
    }
    seeds.sort_unstable();
    // chain seeds on a diagonal into runs
    let mut runs: Vec<Run> = Vec::new();
    for &(d, i, j) in &seeds {
        if let Some(r) = runs.last_mut() {
            if (r.a0 as i64 - r.b0 as i64) == d && i <= r.a1 {
                r.a1 = r.a1.max(i + SEED);
                r.b1 = r.b1.max(j + SEED);
                continue;
            }
        }
        runs.push(Run { a0: i, a1: i + SEED, b0: j, b1: j + SEED });
    }
    // one-to-one: longest runs first, no overlap on either side
    runs.sort_by(|x, y| (y.a1 - y.a0).cmp(&(x.a1 - x.a0)).then(x.a0.cmp(&y.a0)));
    let mut taken_a = vec![false; a.len()];
    let mut taken_b = vec![false; b.len()];
    let mut chosen: Vec<Run> = Vec::new();
    for r in runs {
        // trim overlaps at the ends instead of dropping the run
        let mut r = r;
        while r.a0 < r.a1 && (taken_a[r.a0] || taken_b[r.b0]) {
            r.a0 += 1;
            r.b0 += 1;
        }
        while r.a1 > r.a0 && (taken_a[r.a1 - 1] || taken_b[r.b1 - 1]) {
            r.a1 -= 1;
            r.b1 -= 1;
        }
        if r.a1 - r.a0 < SEED || (r.a0..r.a1).any(|k| taken_a[k]) || (r.b0..r.b1).any(|k| taken_b[k]) {
            continue;
        }
        taken_a[r.a0..r.a1].iter_mut().for_each(|x| *x = true);
        taken_b[r.b0..r.b1].iter_mut().for_each(|x| *x = true);
        chosen.push(r);
    }
    chosen.sort_by_key(|r| r.a0);
    // join runs in order on both sides separated by short gaps
    let mut out: Vec<Match> = Vec::new();
    for r in chosen {
        if let Some(m) = out.last_mut() {
            let joinable = r.a0 >= m.a1 && r.b0 >= m.b1 && r.a0 - m.a1 <= MAX_GAP && r.b0 - m.b1 <= MAX_GAP;
            if joinable {
                let gap = lcs_ops(a, b, m.a1, r.a0, m.b1, r.b0);
                m.ops.extend(gap);
                m.ops.push(Op::Same { i: r.a0, j: r.b0, n: r.a1 - r.a0 });
                m.a1 = r.a1;
                m.b1 = r.b1;
                continue;
            }
        }
        out.push(Match {
            a0: r.a0,
            a1: r.a1,
            b0: r.b0,
            b1: r.b1,
            ops: vec![Op::Same { i: r.a0, j: r.b0, n: r.a1 - r.a0 }],
        });
    }
    out.retain(|m| m.a1 - m.a0 >= MIN_PASSAGE || m.b1 - m.b0 >= MIN_PASSAGE);
    out
}

/// Word-level LCS alignment of a small gap `a[i0..i1]` against `b[j0..j1]`.
fn lcs_ops(a: &Stream, b: &Stream, i0: usize, i1: usize, j0: usize, j1: usize) -> Vec<Op> {
    let (n, m) = (i1 - i0, j1 - j0);
    if n == 0 && m == 0 {
        return Vec::new();
    }
    let mut dp = vec![vec![0u16; m + 1]; n + 1];
    for x in (0..n).rev() {
        for y in (0..m).rev() {
            dp[x][y] = if a.hashes[i0 + x] == b.hashes[j0 + y] {
                dp[x + 1][y + 1] + 1
            } else {
                dp[x + 1][y].max(dp[x][y + 1])
            };
        }
    }
    let mut ops = Vec::new();
    let (mut x, mut y) = (0, 0);
    let (mut dx, mut dy) = (0, 0); // start of pending diff
    while x < n || y < m {
        if x < n && y < m && a.hashes[i0 + x] == b.hashes[j0 + y] {
            if dx < x || dy < y {
                ops.push(Op::Diff { i0: i0 + dx, i1: i0 + x, j0: j0 + dy, j1: j0 + y });
            }
            ops.push(Op::Same { i: i0 + x, j: j0 + y, n: 1 });
            x += 1;
            y += 1;
            dx = x;
            dy = y;
        } else if y >= m || (x < n && dp[x + 1][y] >= dp[x][y + 1]) {
            x += 1;
        } else {
            y += 1;
        }
    }
    if dx < n || dy < m {
        ops.push(Op::Diff { i0: i0 + dx, i1, j0: j0 + dy, j1 });
    }
    ops
}

/// Cosine similarity of content-word counts, in `[0, 1]`.
pub fn cosine(a: &Stream, b: &Stream) -> f64 {
    let count = |s: &Stream| {
        let mut m: FxHashMap<u64, f64> = FxHashMap::default();
        for (h, c) in s.hashes.iter().zip(&s.content) {
            if *c {
                *m.entry(*h).or_default() += 1.0;
            }
        }
        m
    };
    let (ca, cb) = (count(a), count(b));
    let dot: f64 = ca.iter().map(|(k, v)| v * cb.get(k).copied().unwrap_or(0.0)).sum();
    let na: f64 = ca.values().map(|v| v * v).sum::<f64>().sqrt();
    let nb: f64 = cb.values().map(|v| v * v).sum::<f64>().sqrt();
    if na == 0.0 || nb == 0.0 {
        0.0
    } else {
        (dot / (na * nb)).clamp(0.0, 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::{tokenize, view, Vocab};
    use std::cell::RefCell;

    thread_local! {
        // one vocabulary per test thread: streams compared in a test share it
        static VOCAB: RefCell<Vocab> = RefCell::new(Vocab::default());
    }

    fn stream(s: &str) -> Stream {
        VOCAB.with(|v| {
            let mut v = v.borrow_mut();
            let toks = tokenize(s, std::slice::from_ref(&(0..s.len())), &mut v);
            Stream::new(&view(&toks, &v))
        })
    }

    #[test]
    fn alignment_cases() {
        // (a, b, passages, a-words in passage, identical words)
        let cases: &[(&str, &str, usize, usize, usize)] = &[
            // verbatim, different case and punctuation
            ("The council voted to close the old harbor bridge on Monday night.", "the council voted to close the old harbor bridge on monday night", 1, 12, 12),
            // substitution inside a passage
            ("engineers discussed how to repair the very dangerous crane on the north dock", "engineers discussed how to repair the very unsafe crane on the north dock", 1, 13, 12),
            // deletion inside a passage
            ("a tense meeting that included striking dock workers from the region", "a tense meeting that included dock workers from the region", 1, 11, 10),
            // function-word coincidence is not reuse
            ("Then the two leaders also met.", "Later the two leaders also ate.", 0, 0, 0),
            // moved paragraphs are both found
            ("First the harbor crane collapsed into the water at dawn. Second the union demanded a full inquiry into safety.", "Second the union demanded a full inquiry into safety. First the harbor crane collapsed into the water at dawn.", 2, 19, 19),
            // digits dropped in one copy still align
            ("The mayor ordered 40 new cranes built in Rotterdam after the collapse", "the mayor ordered  new cranes built in rotterdam after the collapse", 1, 11, 11),
        ];
        for (a, b, n, words, same) in cases {
            let m = align(&stream(a), &stream(b));
            assert_eq!(m.len(), *n, "passages of {a:?} / {b:?}: {m:?}");
            assert_eq!(m.iter().map(|m| m.a1 - m.a0).sum::<usize>(), *words, "words of {a:?}");
            assert_eq!(m.iter().map(Match::same_words).sum::<usize>(), *same, "same words of {a:?}");
        }
    }

    #[test]
    fn repeated_text_is_counted_once() {
        let q = "every crane on the waterfront must be inspected before the harbor reopens ";
        let a = format!("{q} and more words here");
        let b = format!("{q} then something else entirely {q}");
        let m = align(&stream(&a), &stream(&b));
        let covered: usize = m.iter().map(|m| m.a1 - m.a0).sum();
        assert!(covered <= stream(&a).len());
        assert_eq!(m.len(), 1);
    }

    #[test]
    fn cosine_bounds() {
        let a = stream("harbor crane collapse kills workers");
        assert!((cosine(&a, &a) - 1.0).abs() < 1e-9);
        assert_eq!(cosine(&a, &stream("")), 0.0);
    }
}
