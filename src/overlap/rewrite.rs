//! Reuse that survives rewriting: sentences that share most of their content
//! stems seed reworded passages, and the pieces of one reuse case (verbatim
//! runs and reworded sentences, in any local order) are joined into one
//! passage when they lie close together in both texts.
//!
//! The seeds follow Sanchez-Perez et al. (PAN 2014): two sentences are a
//! seed when the cosine and the Dice coefficient of their sets of content
//! stems both pass a threshold. Joining allows a gap proportional to the
//! pieces' length on each side, so a long rewritten paragraph, whose
//! fragments lie further apart, still comes back whole; it does not require
//! the pieces to be in the same order in both texts.

use super::align::lcs_ops;
use crate::overlap::{Match, Op, Stream};

/// Whether reworded sentence pairs seed passages (on by default;
/// `corroborate eval-reuse --verbatim-only` measures the engine without
/// them). The divergence stage reads the copies of each pair apart from its
/// reworded passages (`overlap::Aligned`): a rewording is reported as reuse
/// of kind paraphrase or summary, not as a pile of word swaps.
pub static REWORDED_SEEDS: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(true);
/// Fewest content stems two sentences share to seed a reworded passage.
const SEED_SHARED: usize = 3;
/// Least cosine and Dice of two sentences' content stems for a seed.
const SEED_SIMILARITY: f64 = 0.33;
/// Gaps (in words, in each text) always bridged between two pieces.
const JOIN_MIN: usize = 12;
/// Gaps (in words) bridged whatever they hold.
const JOIN_FREE: usize = 8;
/// Least share of a longer gap's content stems found on the other side.
const GAP_CONTAINMENT: f64 = 0.35;
/// Gaps up to this share of the two pieces' length (in that text) are
/// bridged.
const JOIN_RATIO: f64 = 0.5;
/// The longest gap bridged, in words.
const JOIN_MAX: usize = 120;
/// How many times its own length a summary's source may spread (a summary
/// condenses a long source: 4 lost a third of the summaries' source side).
const SUMMARY_SPREAD: usize = 8;
/// Fewest pieces of the first join a summary joins: two pieces far apart
/// are as often a chance sentence beside a copy.
const SUMMARY_PIECES: usize = 3;
/// A verbatim passage at least this long (words, in both texts) explains
/// the sentences it lies in: a reworded sentence pair overlapping it seeds
/// only when the words outside it still agree.
const LONG_COPY: usize = 40;
/// Least ratio of a summary's source length to its own.
const SUMMARY_RATIO: usize = 3;
/// Fewest content words a passage shares (identical or same stem) to be
/// reported: shorter ones are a name or a title, the entity stage's
/// business.
pub(crate) const MIN_SHARED_CONTENT: usize = 8;
/// Fewest identical, uncapitalized content words of a short verbatim
/// passage: a name or a title alone has none or few.
const MIN_PLAIN_CONTENT: usize = 2;
/// Least share of the shorter side's content stems found on the other side
/// for a passage without a verbatim run.
const MIN_CONTAINMENT: f64 = 0.4;
/// Fewest reworded sentence pairs in a passage without a verbatim run.
const MIN_SEEDS: usize = 2;
/// Largest gap aligned word by word when a passage's ops are built (cells
/// of the LCS table); a larger gap is one replacement.
const MAX_GAP_CELLS: usize = 40_000;

/// A piece of one passage: a verbatim match (with its ops) or a reworded
/// sentence pair.
#[derive(Debug, Clone)]
pub(crate) struct Piece {
    a0: usize,
    a1: usize,
    b0: usize,
    b1: usize,
    /// The verbatim matches inside, in `a`'s order.
    exact: Vec<Match>,
    /// Reworded sentence pairs inside.
    seeds: usize,
    /// The pieces of the first join this one is made of (for the summary
    /// join, which is undone when its result is not summary-shaped).
    origin: Vec<u32>,
}

/// Sentence pairs whose content stems agree: for each sentence of `a`, the
/// sentence of `b` it agrees with best.
fn sentence_seeds(a: &Stream, b: &Stream) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut count = vec![0u16; b.sentences.len()];
    let mut touched: Vec<usize> = Vec::new();
    let mut best_of_b: Vec<Option<(f64, usize)>> = vec![None; b.sentences.len()];
    for ka in 0..a.sentences.len() {
        let stems = a.stems_of(ka);
        if stems.len() < SEED_SHARED {
            continue;
        }
        for st in stems {
            // stems too common in `b` are not in its sentences' lists
            let Some(post) = b.stem_sentences.get(st).filter(|p| p.len() <= super::MAX_STEM_SENTENCES) else {
                continue;
            };
            crate::work::add(post.len());
            for &k in post {
                if let Some(c) = count.get_mut(k as usize) {
                    if *c == 0 {
                        touched.push(k as usize);
                    }
                    *c = c.saturating_add(1);
                }
            }
        }
        let na = stems.len() as f64;
        let mut best: Option<(f64, usize)> = None;
        touched.sort_unstable();
        for &k in &touched {
            let shared = count.get(k).copied().unwrap_or(0) as usize;
            let nb = b.stems_of(k).len() as f64;
            if shared < SEED_SHARED || nb == 0.0 {
                continue;
            }
            let s = shared as f64;
            let cos = s / (na * nb).sqrt();
            let dice = 2.0 * s / (na + nb);
            if cos >= SEED_SIMILARITY && dice >= SEED_SIMILARITY && best.is_none_or(|(c, _)| cos > c) {
                best = Some((cos, k));
            }
        }
        for &k in &touched {
            if let Some(c) = count.get_mut(k) {
                *c = 0;
            }
        }
        touched.clear();
        if let Some((cos, k)) = best {
            if let (Some(&ra), Some(&rb)) = (a.sentences.get(ka), b.sentences.get(k)) {
                // one-to-one: a sentence of `b` keeps the sentence of `a`
                // it agrees with best
                if let Some(prev) = best_of_b.get_mut(k) {
                    match prev {
                        Some((c, _)) if *c >= cos => continue,
                        _ => *prev = Some((cos, out.len())),
                    }
                }
                out.push(Piece {
                    a0: ra.0 as usize,
                    a1: ra.1 as usize,
                    b0: rb.0 as usize,
                    b1: rb.1 as usize,
                    exact: Vec::new(),
                    seeds: 1,
                    origin: Vec::new(),
                });
            }
        }
    }
    // drop the seeds a better one replaced
    let keep: Vec<bool> = {
        let mut k = vec![false; out.len()];
        for (_, i) in best_of_b.iter().flatten() {
            if let Some(x) = k.get_mut(*i) {
                *x = true;
            }
        }
        k
    };
    out.into_iter().zip(keep).filter_map(|(p, k)| k.then_some(p)).collect()
}

/// Marks the words inside the given ranges.
fn covered_by(len: usize, ranges: impl Iterator<Item = (usize, usize)>) -> Vec<bool> {
    let mut v = vec![false; len];
    for (r0, r1) in ranges {
        if let Some(s) = v.get_mut(r0..r1) {
            s.fill(true);
        }
    }
    v
}

/// Whether a reworded sentence pair still agrees on the words no verbatim
/// passage covers: a sentence that is mostly copied agrees through its copy,
/// and its remainder (the text around the copy) is not reworded reuse.
fn agrees_outside(a: &Stream, b: &Stream, p: &Piece, ca: &[bool], cb: &[bool]) -> bool {
    let free = |s: &Stream, c: &[bool], r0: usize, r1: usize| {
        let mut v: Vec<u64> = (r0..r1)
            .filter(|&k| !c.get(k).copied().unwrap_or(true))
            .filter_map(|k| s.stems.get(k).copied())
            .filter(|&x| x != 0)
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let (sa, sb) = (free(a, ca, p.a0, p.a1), free(b, cb, p.b0, p.b1));
    let untouched = |c: &[bool], r0: usize, r1: usize| c.get(r0..r1).is_some_and(|s| s.iter().all(|x| !x));
    if untouched(ca, p.a0, p.a1) && untouched(cb, p.b0, p.b1) {
        return true;
    }
    let shared = super::shared_count(&sa, &sb) as f64;
    let (na, nb) = (sa.len() as f64, sb.len() as f64);
    shared >= SEED_SHARED as f64
        && shared / (na * nb).sqrt().max(1.0) >= SEED_SIMILARITY
        && 2.0 * shared / (na + nb).max(1.0) >= SEED_SIMILARITY
}

/// Distance between two ranges (0 when they overlap or touch).
fn gap(x0: usize, x1: usize, y0: usize, y1: usize) -> usize {
    if y0 >= x1 {
        y0 - x1
    } else {
        x0.saturating_sub(y1)
    }
}

/// The gap two pieces of the given lengths may have between them.
fn tolerance(lx: usize, ly: usize) -> usize {
    (((lx + ly) as f64 * JOIN_RATIO) as usize).clamp(JOIN_MIN, JOIN_MAX)
}

fn close(a: &Stream, b: &Stream, x: &Piece, y: &Piece) -> bool {
    gap(x.a0, x.a1, y.a0, y.a1) <= tolerance(x.a1 - x.a0, y.a1 - y.a0)
        && gap(x.b0, x.b1, y.b0, y.b1) <= tolerance(x.b1 - x.b0, y.b1 - y.b0)
        && gap_agrees(a, b, x, y)
}

/// Whether the text between two pieces is reworded reuse rather than other
/// content: a gap longer than [`JOIN_FREE`] words must find most of its
/// content stems on the other side of the joined passage (a rewritten
/// sentence keeps its content; another paragraph does not).
fn gap_agrees(a: &Stream, b: &Stream, x: &Piece, y: &Piece) -> bool {
    let side = |s: &Stream, o: &Stream, x0: usize, x1: usize, y0: usize, y1: usize, o0: usize, o1: usize| {
        let (g0, g1) = (x1.min(y1), x0.max(y0));
        if g1 <= g0 + JOIN_FREE {
            return true;
        }
        crate::work::add(g1 - g0 + o1 - o0);
        let mine = stem_set(s, g0, g1);
        if mine.len() < SEED_SHARED {
            return true;
        }
        let theirs = stem_set(o, o0, o1);
        super::shared_count(&mine, &theirs) as f64 >= GAP_CONTAINMENT * mine.len() as f64
    };
    let (a0, a1, b0, b1) = (x.a0.min(y.a0), x.a1.max(y.a1), x.b0.min(y.b0), x.b1.max(y.b1));
    side(a, b, x.a0, x.a1, y.a0, y.a1, b0, b1) && side(b, a, x.b0, x.b1, y.b0, y.b1, a0, a1)
}

/// Whether two pieces are parts of one summary: close together on one side
/// (the summary), further apart on the other (its source), but no further
/// than [`SUMMARY_SPREAD`] times the summary side's words.
fn close_summary(_: &Stream, _: &Stream, x: &Piece, y: &Piece) -> bool {
    // two copied passages are not a summary: they join only as copies
    if mostly_verbatim(x) && mostly_verbatim(y) {
        return false;
    }
    let one = |x0: usize, x1: usize, y0: usize, y1: usize, u0: usize, u1: usize, v0: usize, v1: usize| {
        let g = gap(x0, x1, y0, y1);
        g <= tolerance(x1 - x0, y1 - y0) && {
            let short = x1.max(y1) - x0.min(y0);
            gap(u0, u1, v0, v1) <= short * SUMMARY_SPREAD
        }
    };
    one(x.a0, x.a1, y.a0, y.a1, x.b0, x.b1, y.b0, y.b1) || one(x.b0, x.b1, y.b0, y.b1, x.a0, x.a1, y.a0, y.a1)
}

/// Whether most of a piece's words (on its shorter side) are in verbatim
/// runs.
fn mostly_verbatim(p: &Piece) -> bool {
    let same: usize = p.exact.iter().map(Match::same_words).sum();
    2 * same >= (p.a1 - p.a0).min(p.b1 - p.b0)
}

fn absorb(x: &mut Piece, y: Piece) {
    x.a0 = x.a0.min(y.a0);
    x.a1 = x.a1.max(y.a1);
    x.b0 = x.b0.min(y.b0);
    x.b1 = x.b1.max(y.b1);
    x.exact.extend(y.exact);
    x.seeds += y.seeds;
    x.origin.extend(y.origin);
}

/// Joins pieces that lie close together in both texts (or, with
/// `summary`, close in one text and spread in the other), in `a`'s order
/// and then in `b`'s, until nothing more joins.
fn join_pieces(a: &Stream, b: &Stream, mut pieces: Vec<Piece>, summary: bool) -> Vec<Piece> {
    let close = if summary { close_summary } else { close };
    loop {
        let before = pieces.len();
        for by_b in [false, true] {
            if by_b {
                pieces.sort_by_key(|p| (p.b0, p.a0));
            } else {
                pieces.sort_by_key(|p| (p.a0, p.b0));
            }
            let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
            for p in pieces {
                // the last few pieces: one reordered piece may sit between
                // two that belong together
                let hit = out.iter().rev().take(4).position(|q| close(a, b, q, &p));
                match hit.and_then(|k| out.len().checked_sub(k + 1)) {
                    Some(k) => {
                        if let Some(q) = out.get_mut(k) {
                            absorb(q, p);
                        }
                    }
                    None => out.push(p),
                }
            }
            pieces = out;
        }
        if pieces.len() == before {
            break;
        }
    }
    pieces.sort_by_key(|p| (p.a0, p.b0));
    pieces
}

/// Content stems of `s[r]`, sorted and distinct.
fn stem_set(s: &Stream, r0: usize, r1: usize) -> Vec<u64> {
    let mut v: Vec<u64> = s.stems.get(r0..r1).unwrap_or_default().iter().copied().filter(|&x| x != 0).collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// The ops of a joined passage: its verbatim matches that keep their order
/// in both texts (the heaviest such chain), with the gaps between them
/// aligned word by word when small and as one replacement otherwise.
fn build(a: &Stream, b: &Stream, p: Piece) -> Match {
    let mut exact = p.exact;
    exact.sort_by_key(|m| (m.a0, m.b0));
    // heaviest chain increasing in both texts (quadratic in the few matches
    // of one passage)
    let n = exact.len();
    let mut best = vec![0usize; n];
    let mut prev = vec![usize::MAX; n];
    for k in 0..n {
        let Some(mk) = exact.get(k) else { continue };
        let w = mk.a1 - mk.a0;
        let mut bk = w;
        for j in 0..k {
            if let (Some(mj), Some(&bj)) = (exact.get(j), best.get(j)) {
                if mj.a1 <= mk.a0 && mj.b1 <= mk.b0 && bj + w > bk {
                    bk = bj + w;
                    if let Some(x) = prev.get_mut(k) {
                        *x = j;
                    }
                }
            }
        }
        if let Some(x) = best.get_mut(k) {
            *x = bk;
        }
    }
    let mut chain = Vec::new();
    let mut k = (0..n).max_by_key(|&k| (best.get(k).copied().unwrap_or(0), usize::MAX - k)).unwrap_or(usize::MAX);
    while let Some(m) = exact.get(k) {
        chain.push(m);
        k = prev.get(k).copied().unwrap_or(usize::MAX);
    }
    chain.reverse();
    let mut ops = Vec::new();
    let (mut i, mut j) = (p.a0, p.b0);
    let fill = |ops: &mut Vec<Op>, i0: usize, i1: usize, j0: usize, j1: usize| {
        if i1 <= i0 && j1 <= j0 {
            return;
        }
        if (i1 - i0 + 1) * (j1 - j0 + 1) <= MAX_GAP_CELLS {
            ops.extend(lcs_ops(a, b, i0, i1, j0, j1));
        } else {
            ops.push(Op::Diff { i0, i1, j0, j1 });
        }
    };
    for m in chain {
        fill(&mut ops, i, m.a0, j, m.b0);
        ops.extend(m.ops.iter().cloned());
        i = m.a1;
        j = m.b1;
    }
    fill(&mut ops, i, p.a1, j, p.b1);
    Match { a0: p.a0, a1: p.a1, b0: p.b0, b1: p.b1, ops }
}

/// The reworded sentence pairs of two texts that may seed passages beside
/// their verbatim passages `exact`: a sentence pair that agrees only
/// through a long copy inside it would widen the copy to whole sentences,
/// so it seeds only when the words outside the copy agree.
pub(crate) fn reworded_seeds(a: &Stream, b: &Stream, exact: &[Match]) -> Vec<Piece> {
    let long: Vec<&Match> = exact.iter().filter(|p| p.a1 - p.a0 >= LONG_COPY && p.b1 - p.b0 >= LONG_COPY).collect();
    let ca = covered_by(a.len(), long.iter().map(|p| (p.a0, p.a1)));
    let cb = covered_by(b.len(), long.iter().map(|p| (p.b0, p.b1)));
    sentence_seeds(a, b).into_iter().filter(|p| agrees_outside(a, b, p, &ca, &cb)).collect()
}

/// Joins the verbatim passages of a pair with the reworded sentences they
/// share (`seeds`, from [`reworded_seeds`]; none for the copies alone) into
/// whole passages, and drops those that are too small to be reuse (a name,
/// a title) or whose content does not agree.
pub(crate) fn rewrite(a: &Stream, b: &Stream, exact: Vec<Match>, seeds: Vec<Piece>) -> Vec<Match> {
    let mut pieces: Vec<Piece> = exact
        .into_iter()
        .map(|m| Piece { a0: m.a0, a1: m.a1, b0: m.b0, b1: m.b1, exact: vec![m], seeds: 0, origin: Vec::new() })
        .collect();
    pieces.extend(seeds);
    let mut first = join_pieces(a, b, pieces, false);
    for (k, p) in first.iter_mut().enumerate() {
        p.origin = vec![k as u32];
    }
    // pieces of a summary: a second join, wider on the source side, kept
    // where its result is summary-shaped (one side at least
    // [`SUMMARY_RATIO`] times the other) and made of at least
    // [`SUMMARY_PIECES`] pieces, undone elsewhere
    let mut joined = Vec::new();
    for p in join_pieces(a, b, first.clone(), true) {
        let (la, lb) = (p.a1 - p.a0, p.b1 - p.b0);
        let accept = p.origin.len() >= SUMMARY_PIECES && la.max(lb) >= SUMMARY_RATIO * la.min(lb);
        if p.origin.len() == 1 || accept {
            joined.push(p);
        } else {
            joined.extend(p.origin.iter().filter_map(|&k| first.get(k as usize).cloned()));
        }
    }
    joined.sort_by_key(|p| (p.a0, p.b0));
    joined
        .into_iter()
        .filter_map(|p| {
            // distinct stems on both sides, or identical content words in
            // the verbatim runs (a copied table repeats a few words)
            let (mut identical, mut plain) = (0, 0);
            for o in p.exact.iter().flat_map(|m| m.ops.iter()) {
                if let Op::Same { i, n, .. } = *o {
                    for k in i..i + n {
                        let content = a.content.get(k).copied().unwrap_or(false);
                        identical += usize::from(content);
                        plain += usize::from(content && !a.capitalized.get(k).copied().unwrap_or(true));
                    }
                }
            }
            let verbatim = !p.exact.is_empty();
            // the shared stems (sorting both sides' stems) are needed only
            // when the identical words alone do not decide: most passages
            // are copies with enough of them
            let keep = if verbatim && (identical >= MIN_SHARED_CONTENT || plain >= MIN_PLAIN_CONTENT) {
                true
            } else {
                let (sa, sb) = (stem_set(a, p.a0, p.a1), stem_set(b, p.b0, p.b1));
                let shared = super::shared_count(&sa, &sb);
                let short = sa.len().min(sb.len()).max(1);
                // one reworded sentence alone is too little evidence: related
                // texts share a sentence's worth of words by chance
                // a short copied passage is kept when it has content beyond a
                // name or title: enough identical words that are not
                // capitalized
                (shared.max(identical) >= MIN_SHARED_CONTENT || plain >= MIN_PLAIN_CONTENT)
                    && (verbatim || (p.seeds >= MIN_SEEDS && shared as f64 >= MIN_CONTAINMENT * short as f64))
            };
            keep.then(|| build(a, b, p))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::{tokenize, view, Vocab};

    fn streams(a: &str, b: &str) -> (Stream, Stream) {
        let mut v = Vocab::default();
        let ta = tokenize(a, std::slice::from_ref(&(0..a.len())), &mut v);
        let tb = tokenize(b, std::slice::from_ref(&(0..b.len())), &mut v);
        (Stream::new(&view(&ta, &v)), Stream::new(&view(&tb, &v)))
    }

    #[test]
    fn a_sentence_pair_seeds_only_through_words_outside_a_long_copy() {
        let copy = "the harbor crane collapsed on monday killing four dock workers";
        // (a, b, words of each covered by the copy from the start, seeds)
        let cases: &[(String, String, usize, bool)] = &[
            // nothing copied: a reworded sentence seeds
            (
                "inspectors blamed rusted bolts for the crane failure at the terminal".into(),
                "rusted bolts caused the terminal crane failure, inspectors said".into(),
                0,
                true,
            ),
            // all of it copied: nothing outside the copy agrees
            (copy.into(), copy.into(), 10, false),
            // a copy followed by different words: the sentence agrees only
            // through the copy
            (
                format!("{copy} while tourists photographed seagulls near lighthouse cafes"),
                format!("{copy} as bankers debated mortgage rates during lunch meetings"),
                10,
                false,
            ),
            // a copy followed by a rewording of the same clause: it seeds
            (
                format!("{copy} after rusted bolts snapped during heavy storms overnight"),
                format!("{copy} when heavy overnight storms snapped rusted bolts"),
                10,
                true,
            ),
        ];
        for (a, b, n, seeds) in cases {
            let (sa, sb) = streams(a, b);
            let p = Piece { a0: 0, a1: sa.len(), b0: 0, b1: sb.len(), exact: Vec::new(), seeds: 1, origin: Vec::new() };
            let ca = covered_by(sa.len(), std::iter::once((0, *n)));
            let cb = covered_by(sb.len(), std::iter::once((0, *n)));
            assert_eq!(agrees_outside(&sa, &sb, &p, &ca, &cb), *seeds, "{a:?} / {b:?}");
        }
    }
}
