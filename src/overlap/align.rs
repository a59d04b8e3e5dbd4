use super::BAND;
use super::EXTEND_WINDOW;
use super::JOIN_IDENTITY;
use super::MAX_GAP;
use super::MAX_JOIN;
use super::MAX_POSTINGS;
use super::MIN_CONTENT;
use super::MIN_PASSAGE;
use super::SEED;
use crate::overlap::Match;
use crate::overlap::Op;
use crate::overlap::Stream;
use rustc_hash::FxHashMap;

#[derive(Debug, Clone, Copy)]
struct Run {
    a0: usize,
    a1: usize,
    b0: usize,
    b1: usize,
}

/// The passages shared by two articles: the verbatim passages of
/// [`exact`], joined with reworded sentences into whole passages
/// (`rewrite.rs`) when [`super::REWORDED_SEEDS`] is on, and the copies
/// among them.
pub fn align_views(a: &Stream, b: &Stream) -> Aligned {
    let exact = exact(a, b);
    let seeds = if super::REWORDED_SEEDS.load(std::sync::atomic::Ordering::Relaxed) {
        super::rewrite::reworded_seeds(a, b, &exact)
    } else {
        Vec::new()
    };
    if seeds.is_empty() {
        // without reworded seeds both views are the same passages: joined once
        let passages = super::rewrite::rewrite(a, b, exact, Vec::new());
        Aligned { copies: passages.clone(), passages }
    } else {
        let passages = super::rewrite::rewrite(a, b, exact.clone(), seeds);
        let copies = super::rewrite::rewrite(a, b, exact, Vec::new());
        Aligned { passages, copies }
    }
}

/// What two articles share, seen two ways.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Aligned {
    /// Every passage: copies, reworded and summarized text, each one whole
    /// reuse case with its kind. The report lists these and containment
    /// counts them.
    pub passages: Vec<Match>,
    /// The passages found from verbatim runs alone: what one article copied
    /// from the other, with the words it changed. The divergence stage reads
    /// these, so that a word swapped in a copy is a finding and a reworded
    /// sentence is not a pile of swaps.
    pub copies: Vec<Match>,
}

impl Aligned {
    /// The same passages seen from the other article, each list in its
    /// first article's order.
    fn swapped(&self) -> Aligned {
        let flip = |ms: &[Match]| {
            let mut v: Vec<Match> = ms.iter().map(Match::swapped).collect();
            v.sort_by_key(|m| m.a0);
            v
        };
        Aligned { passages: flip(&self.passages), copies: flip(&self.copies) }
    }
}

/// Finds the verbatim passages shared by two articles.
///
/// Shared word 4-grams seed candidate matches; seeds on one diagonal chain
/// into runs; runs are chosen one-to-one, longest first; consecutive runs
/// are joined across gaps that still align (a banded word alignment of the
/// gap), and each passage is extended past its ends while the words keep
/// aligning. The result is in `a`'s order.
pub(super) fn exact(a: &Stream, b: &Stream) -> Vec<Match> {
    if a.len() < SEED || b.len() < SEED {
        return Vec::new();
    }
    let runs = seed_runs(a, b);
    let chosen = one_to_one(runs, a.len(), b.len());
    let mut taken_a = vec![false; a.len()];
    let mut taken_b = vec![false; b.len()];
    for r in &chosen {
        mark(&mut taken_a, r.a0..r.a1);
        mark(&mut taken_b, r.b0..r.b1);
    }
    let mut out = join(a, b, chosen);
    for m in &mut out {
        extend(a, b, m, &mut taken_a, &mut taken_b);
    }
    out.retain(|m| {
        let same = m.same_words();
        let content = m
            .ops
            .iter()
            .map(|o| if let Op::Same { i, n, .. } = *o { count_true(&a.content, i..i + n) } else { 0 })
            .sum::<usize>();
        let content_a = count_true(&a.content, m.a0..m.a1);
        let content_b = count_true(&b.content, m.b0..m.b1);
        // most of the content words must be shared: a common sentence frame
        // ("the president of the ... said the ... would ... in the spring")
        // is not reuse
        same >= MIN_PASSAGE && content >= MIN_CONTENT && 2 * content >= content_a.max(content_b)
    });
    out
}

/// Sets `v[r]` to true (the part of `r` inside `v`: callers give ranges
/// inside it).
fn mark(v: &mut [bool], r: std::ops::Range<usize>) {
    if let Some(s) = v.get_mut(r) {
        s.fill(true);
    }
}

/// How many of `v[r]` are true (0 for a range outside `v`).
fn count_true(v: &[bool], r: std::ops::Range<usize>) -> usize {
    v.get(r).map_or(0, |s| s.iter().filter(|c| **c).count())
}

/// Whether word `k` is taken; a position outside the stream counts as taken
/// (it cannot be matched).
fn is_taken(taken: &[bool], k: usize) -> bool {
    taken.get(k).copied().unwrap_or(true)
}

/// Seeds (shared n-grams) chained into runs along their diagonals, in order
/// of their start in `a`.
fn seed_runs(a: &Stream, b: &Stream) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    // the open run of each diagonal (i - j)
    let mut open: FxHashMap<i64, usize> = FxHashMap::default();
    for (i, &g) in a.grams.iter().enumerate() {
        if g == 0 {
            continue;
        }
        // most n-grams of `a` are not in `b`: look there first
        let Some(pb) = b.index.get(&g) else { continue };
        let Some(pa) = a.index.get(&g) else { continue };
        // a rare n-gram pairs with every occurrence in `b`; one repeated
        // more often (a table's rows, a paragraph pasted twice) pairs only
        // with its twins by rank and by relative position, so repetitive
        // text still aligns, in time linear in the repeats
        let frequent = pa.len() > MAX_POSTINGS || pb.len() > MAX_POSTINGS;
        let twins: [Option<u32>; 2] = if frequent {
            let rank = pa.partition_point(|&p| (p as usize) < i);
            let rel = (i as u64 * b.len() as u64 / a.len().max(1) as u64) as u32;
            let near = pb.partition_point(|&p| p < rel);
            let near = [near.checked_sub(1), Some(near)]
                .into_iter()
                .flatten()
                .filter_map(|k| pb.get(k).copied())
                .min_by_key(|&p| p.abs_diff(rel));
            [pb.get(rank).copied(), near.filter(|&p| Some(p) != pb.get(rank).copied())]
        } else {
            [None, None]
        };
        let posts: &[u32] = if frequent { &[] } else { pb };
        crate::work::add(1 + posts.len());
        for j in posts.iter().copied().chain(twins.into_iter().flatten()) {
            let j = j as usize;
            if b.hashes.get(j..j + SEED) != a.hashes.get(i..i + SEED) {
                continue; // hash collision
            }
            let d = i as i64 - j as i64;
            if let Some(run) = open.get(&d).and_then(|&k| runs.get_mut(k)).filter(|r| r.a1 >= i) {
                run.a1 = i + SEED;
                run.b1 = j + SEED;
            } else {
                open.insert(d, runs.len());
                runs.push(Run { a0: i, a1: i + SEED, b0: j, b1: j + SEED });
            }
        }
    }
    runs
}

/// Keeps runs one-to-one: longest first, trimming where a longer run already
/// took the words, so a stretch of either text is matched at most once.
fn one_to_one(mut runs: Vec<Run>, la: usize, lb: usize) -> Vec<Run> {
    // ties broken on both sides' positions, so the choice does not depend on
    // which article is `a`
    runs.sort_by(|x, y| {
        (y.a1 - y.a0)
            .cmp(&(x.a1 - x.a0))
            .then((x.a0 + x.b0).cmp(&(y.a0 + y.b0)))
            .then(x.a0.min(x.b0).cmp(&y.a0.min(y.b0)))
    });
    let mut taken_a = vec![false; la];
    let mut taken_b = vec![false; lb];
    let mut chosen: Vec<Run> = Vec::new();
    for mut r in runs {
        while r.a0 < r.a1 && (is_taken(&taken_a, r.a0) || is_taken(&taken_b, r.b0)) {
            r.a0 += 1;
            r.b0 += 1;
        }
        while r.a1 > r.a0 && (is_taken(&taken_a, r.a1 - 1) || is_taken(&taken_b, r.b1 - 1)) {
            r.a1 -= 1;
            r.b1 -= 1;
        }
        if r.a1 - r.a0 < SEED
            || (r.a0..r.a1).any(|k| is_taken(&taken_a, k))
            || (r.b0..r.b1).any(|k| is_taken(&taken_b, k))
        {
            continue;
        }
        mark(&mut taken_a, r.a0..r.a1);
        mark(&mut taken_b, r.b0..r.b1);
        chosen.push(r);
    }
    chosen.sort_by_key(|r| r.a0);
    chosen
}

/// Joins runs that follow each other on both sides when the gap between
/// them is short or still aligns, aligning the gap word by word.
fn join(a: &Stream, b: &Stream, chosen: Vec<Run>) -> Vec<Match> {
    let mut out: Vec<Match> = Vec::new();
    for r in chosen {
        if let Some(m) = out.last_mut() {
            if r.a0 >= m.a1 && r.b0 >= m.b1 {
                let (ga, gb) = (r.a0 - m.a1, r.b0 - m.b1);
                let near = ga <= MAX_GAP && gb <= MAX_GAP;
                let banded = ga.max(gb) <= MAX_JOIN && ga.abs_diff(gb) <= BAND;
                if near || banded {
                    let gap = lcs_ops(a, b, m.a1, r.a0, m.b1, r.b0);
                    let same: usize = gap.iter().map(|o| if let Op::Same { n, .. } = o { *n } else { 0 }).sum();
                    if near || same as f64 >= JOIN_IDENTITY * ga.max(gb) as f64 {
                        m.ops.extend(gap);
                        m.ops.push(Op::Same { i: r.a0, j: r.b0, n: r.a1 - r.a0 });
                        m.a1 = r.a1;
                        m.b1 = r.b1;
                        continue;
                    }
                }
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
    out
}

/// Extends a passage past both ends while the words keep aligning: the
/// best-scoring alignment of the next few free words on each side, where an
/// identical content word scores 2, a function word 1, and every word
/// replaced, added or dropped costs 1. The extension must end on an
/// identical content word and score above zero.
fn extend(a: &Stream, b: &Stream, m: &mut Match, taken_a: &mut [bool], taken_b: &mut [bool]) {
    // free words after the passage
    let fa = (m.a1..a.len()).take(EXTEND_WINDOW).take_while(|&k| !is_taken(taken_a, k)).count();
    let fb = (m.b1..b.len()).take(EXTEND_WINDOW).take_while(|&k| !is_taken(taken_b, k)).count();
    if let Some((x, y)) = best_extension(|i| m.a1 + i, |j| m.b1 + j, fa, fb, a, b) {
        let ops = lcs_ops(a, b, m.a1, m.a1 + x, m.b1, m.b1 + y);
        mark(taken_a, m.a1..m.a1 + x);
        mark(taken_b, m.b1..m.b1 + y);
        m.ops.extend(ops);
        m.a1 += x;
        m.b1 += y;
    }
    // free words before it
    let fa = (0..m.a0).rev().take(EXTEND_WINDOW).take_while(|&k| !is_taken(taken_a, k)).count();
    let fb = (0..m.b0).rev().take(EXTEND_WINDOW).take_while(|&k| !is_taken(taken_b, k)).count();
    let (a0, b0) = (m.a0, m.b0);
    if let Some((x, y)) = best_extension(|i| a0 - 1 - i, |j| b0 - 1 - j, fa, fb, a, b) {
        let mut ops = lcs_ops(a, b, a0 - x, a0, b0 - y, b0);
        mark(taken_a, a0 - x..a0);
        mark(taken_b, b0 - y..b0);
        ops.append(&mut m.ops);
        m.ops = ops;
        m.a0 -= x;
        m.b0 -= y;
    }
}

/// The best end `(x, y)` (words taken on each side) of an alignment of
/// `a[pa(0..fa)]` against `b[pb(0..fb)]` anchored at their first words.
fn best_extension(
    pa: impl Fn(usize) -> usize,
    pb: impl Fn(usize) -> usize,
    fa: usize,
    fb: usize,
    a: &Stream,
    b: &Stream,
) -> Option<(usize, usize)> {
    if fa == 0 || fb == 0 {
        return None;
    }
    const LOW: i32 = i32::MIN / 2;
    let w = fb + 1;
    let mut score = vec![LOW; (fa + 1) * w];
    if let Some(s) = score.first_mut() {
        *s = 0;
    }
    // a cell outside the table scores like an unreachable one (none is:
    // every read is of a row or column already filled)
    let at = |score: &[i32], k: usize| score.get(k).copied().unwrap_or(LOW);
    let mut best = (0i32, 0usize, 0usize);
    for x in 0..=fa {
        for y in 0..=fb {
            if x == 0 && y == 0 {
                continue;
            }
            let mut s = LOW;
            if x > 0 && y > 0 {
                let (i, j) = (pa(x - 1), pb(y - 1));
                let diag = at(&score, (x - 1) * w + y - 1);
                // positions outside either stream never match (callers
                // count `fa`, `fb` inside them)
                let content = a.content.get(i).copied().unwrap_or(false);
                if a.hashes.get(i).is_some_and(|h| b.hashes.get(j) == Some(h)) {
                    s = diag + if content { 2 } else { 1 };
                    // the extension ends on an identical content word
                    if content && s > best.0 {
                        best = (s, x, y);
                    }
                } else {
                    s = diag - 1;
                }
            }
            if x > 0 {
                s = s.max(at(&score, (x - 1) * w + y) - 1);
            }
            if y > 0 {
                s = s.max(at(&score, x * w + y - 1) - 1);
            }
            if let Some(c) = score.get_mut(x * w + y) {
                *c = s;
            }
        }
    }
    (best.0 > 0).then_some((best.1, best.2))
}

/// Word-level LCS alignment of a small gap `a[i0..i1]` against `b[j0..j1]`.
// Hot loop (the banded join), kept on plain indexing. Invariant: `ha` and
// `hb` are checked slices of lengths `n` and `m`, `dp` has `(n + 1) * w`
// cells with `w == m + 1`, and every index below is `ha[x]`, `hb[y]` with
// `x < n`, `y < m`, or `dp[x' * w + y']` with `x' <= n`, `y' <= m`, so in
// bounds.
#[allow(clippy::indexing_slicing)]
pub(super) fn lcs_ops(a: &Stream, b: &Stream, i0: usize, i1: usize, j0: usize, j1: usize) -> Vec<Op> {
    // a range outside either stream (callers never give one) aligns nothing
    let (Some(ha), Some(hb)) = (a.hashes.get(i0..i1), b.hashes.get(j0..j1)) else { return Vec::new() };
    let (n, m) = (ha.len(), hb.len());
    if n == 0 && m == 0 {
        return Vec::new();
    }
    let w = m + 1;
    crate::work::add((n + 1) * w);
    let mut dp = vec![0u16; (n + 1) * w];
    for x in (0..n).rev() {
        for y in (0..m).rev() {
            dp[x * w + y] =
                if ha[x] == hb[y] { dp[(x + 1) * w + y + 1] + 1 } else { dp[(x + 1) * w + y].max(dp[x * w + y + 1]) };
        }
    }
    let mut ops: Vec<Op> = Vec::new();
    let (mut x, mut y) = (0, 0);
    let (mut dx, mut dy) = (0, 0); // start of pending diff
    while x < n || y < m {
        if x < n && y < m && ha[x] == hb[y] {
            if dx < x || dy < y {
                ops.push(Op::Diff { i0: i0 + dx, i1: i0 + x, j0: j0 + dy, j1: j0 + y });
            }
            match ops.last_mut() {
                Some(Op::Same { i, n, .. }) if *i + *n == i0 + x => *n += 1,
                _ => ops.push(Op::Same { i: i0 + x, j: j0 + y, n: 1 }),
            }
            x += 1;
            y += 1;
            dx = x;
            dy = y;
        } else if y >= m || (x < n && dp[(x + 1) * w + y] >= dp[x * w + y + 1]) {
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

/// Pairs of streams that share at least one seeding n-gram: the only pairs
/// worth aligning. Built from one index of all streams, so the cost grows
/// with the total number of words, not with the number of pairs.
pub fn candidate_pairs(streams: &[&Stream]) -> Vec<(usize, usize)> {
    let n = streams.len();
    let mut docs_of: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    for (d, s) in streams.iter().enumerate() {
        for &g in s.index.keys() {
            docs_of.entry(g).or_default().push(d as u32);
        }
    }
    let mut shared = vec![false; n * n];
    for ds in docs_of.values() {
        if ds.len() < 2 {
            continue;
        }
        crate::work::add(ds.len() * ds.len() / 2);
        for (k, &x) in ds.iter().enumerate() {
            for &y in ds.get(k + 1..).unwrap_or_default() {
                let (x, y) = (x.min(y) as usize, x.max(y) as usize);
                if let Some(s) = shared.get_mut(x * n + y) {
                    *s = true;
                }
            }
        }
    }
    (0..n)
        .flat_map(|x| (x + 1..n).map(move |y| (x, y)))
        .filter(|&(x, y)| shared.get(x * n + y).copied().unwrap_or(false))
        .collect()
}

/// Aligns every pair of streams that share text. `rank` orders the articles
/// independently of the input order (e.g. by their text), so each pair is
/// aligned the same way whatever order the articles came in; the result for
/// `(x, y)`, `x < y`, is seen from `x`'s side.
pub fn align_all(streams: &[&Stream], rank: &[usize]) -> Vec<((usize, usize), Aligned)> {
    candidate_pairs(streams)
        .into_iter()
        .map(|(x, y)| {
            // candidate pairs index `streams`; without a stream there is
            // nothing to align (the empty result is dropped below)
            let (Some(sx), Some(sy)) = (streams.get(x), streams.get(y)) else { return ((x, y), Aligned::default()) };
            let ms = if rank.get(x) <= rank.get(y) { align_views(sx, sy) } else { align_views(sy, sx).swapped() };
            ((x, y), ms)
        })
        .filter(|(_, ms)| !ms.passages.is_empty() || !ms.copies.is_empty())
        .collect()
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
            // a long re-worded stretch inside a copied sentence stays one passage (banded join)
            ("Dock workers blamed the collapse on harbor master Ines Ortega and demanded her resignation at a rally on the quay before noon",
             "Dock workers blamed the collapse on the disgraced port boss Ines Ortega and demanded her resignation at a rally on the quay before noon", 1, 22, 20),
            // a clause dropped from the middle of a copied sentence
            ("The union said the crane had failed twice before and said the operator was not at fault, and called for a full inquiry into port safety rules",
             "The union said the crane had failed twice before, and called for a full inquiry into port safety rules", 1, 27, 19),
            // a substitution at the edge of a passage is taken in by extension
            ("Harbor officials said rescuers pulled three workers from the water late on Monday evening after the crane fell",
             "Harbor officials said divers pulled three workers from the water late on Monday evening after the crane fell", 1, 18, 17),
            // unrelated sentences sharing common words are not reuse
            ("The president of the harbor board said the port would reopen in the spring after repairs", "The president of the football club said the team would play in the spring after the break", 0, 0, 0),
        ];
        for (a, b, n, words, same) in cases {
            let m = exact(&stream(a), &stream(b));
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
        let m = exact(&stream(&a), &stream(&b));
        let covered: usize = m.iter().map(|m| m.a1 - m.a0).sum();
        assert!(covered <= stream(&a).len());
        assert_eq!(m.len(), 1);
    }

    #[test]
    fn a_word_swap_stays_one_passage() {
        let a = "The mayor called it a very dangerous failure of oversight and ordered an inspection.";
        let b = "the mayor called it a very unsafe failure of oversight and ordered an inspection";
        let m = exact(&stream(a), &stream(b));
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].a1 - m[0].a0, 14);
        assert_eq!(m[0].same_words(), 13);
    }
}
