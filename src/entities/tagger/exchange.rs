//! Word clusters learned from unlabeled text: predictive exchange
//! clustering (Uszkoreit and Brants 2008), run top-down so the clusters
//! form a hierarchy. A word's class predicts the word after its
//! predecessor: the objective is the likelihood of the class bigram model
//! `P(w | v) = P(class(w) | v) · P(w | class(w))`, which, up to constants, is
//! `Σ N(v, c) log N(v, c) − Σ N(c) log N(c)` over predecessors `v` and
//! classes `c`. Moving one word changes only the counts of its own
//! predecessors, so an exchange pass costs the number of distinct bigrams
//! times the classes tried.
//!
//! The first level splits the vocabulary into `levels[0]` classes; each
//! later level splits every class of the level above into equal numbers of
//! children and only moves words between siblings, so a fine class always
//! lies inside one coarse class and one file line per fine class holds
//! every granularity. Single-threaded, sums in a fixed order and ties broken
//! on the lowest class: the same corpus gives the same clusters byte for
//! byte.

/// A corpus ready for clustering: words numbered `0..n_words` by descending
/// frequency (the ones to cluster), and context-only symbols above them
/// (rare words, sentence boundaries).
pub struct Corpus {
    /// Occurrences of each clustered word.
    pub count: Vec<u64>,
    /// For each clustered word, its predecessors with bigram counts, sorted
    /// by predecessor.
    pub pred: Vec<Vec<(u32, u32)>>,
    /// Number of predecessor symbols (clustered words and the others).
    pub n_context: usize,
}

impl Corpus {
    /// Builds the bigram tables from sentences of symbols; symbols below
    /// `n_words` are clustered, the others only serve as predecessors. Each
    /// sentence is preceded by the symbol `boundary`.
    pub fn new(sentences: &[Vec<u32>], n_words: usize, boundary: u32) -> Corpus {
        let mut count = vec![0u64; n_words];
        let mut pairs: Vec<rustc_hash::FxHashMap<u32, u32>> = vec![rustc_hash::FxHashMap::default(); n_words];
        let mut n_context = boundary as usize + 1;
        for s in sentences {
            let mut prev = boundary;
            for &w in s {
                n_context = n_context.max(w as usize + 1);
                if let (Some(c), Some(p)) = (count.get_mut(w as usize), pairs.get_mut(w as usize)) {
                    *c += 1;
                    *p.entry(prev).or_default() += 1;
                }
                prev = w;
            }
        }
        let pred = pairs
            .into_iter()
            .map(|m| {
                let mut v: Vec<(u32, u32)> = m.into_iter().collect();
                v.sort_unstable();
                v
            })
            .collect();
        Corpus { count, pred, n_context }
    }
}

/// `x ln x`, tabulated for small counts.
struct XLogX(Vec<f64>);

impl XLogX {
    fn new(n: usize) -> XLogX {
        XLogX((0..n).map(|x| if x == 0 { 0.0 } else { x as f64 * (x as f64).ln() }).collect())
    }
    fn at(&self, x: u64) -> f64 {
        match usize::try_from(x).ok().and_then(|i| self.0.get(i)) {
            Some(v) => *v,
            None => x as f64 * (x as f64).ln(),
        }
    }
}

/// Clusters the corpus's words top-down: `levels` are the class counts of
/// each level (each a multiple of the one before), `iterations` the most
/// exchange passes per level. Returns the finest class of every word.
pub fn cluster(corpus: &Corpus, levels: &[usize], iterations: usize) -> Vec<u32> {
    let n = corpus.count.len();
    let table = XLogX::new(1 << 20);
    let mut class = vec![0u32; n];
    let mut parent_k = 1usize;
    for &k in levels {
        let branch = (k / parent_k.max(1)).max(1);
        let k = parent_k * branch;
        // words arrive in descending frequency: deal each parent's words
        // round-robin over its children
        let mut dealt = vec![0usize; parent_k];
        for c in class.iter_mut() {
            let p = *c as usize;
            let r = dealt.get(p).copied().unwrap_or(0);
            if let Some(d) = dealt.get_mut(p) {
                *d += 1;
            }
            *c = (p * branch + r % branch) as u32;
        }
        exchange(corpus, &mut class, k, branch, iterations, &table);
        parent_k = k;
    }
    class
}

/// Exchange passes at one level: each word may move among the `branch`
/// siblings of its class.
fn exchange(corpus: &Corpus, class: &mut [u32], k: usize, branch: usize, iterations: usize, f: &XLogX) {
    let mut ctx = vec![0u64; corpus.n_context * k];
    let mut size = vec![0u64; k];
    let bump = |ctx: &mut [u64], size: &mut [u64], w: usize, c: usize, add: bool| {
        for &(v, m) in corpus.pred.get(w).map(Vec::as_slice).unwrap_or_default() {
            if let Some(x) = ctx.get_mut(v as usize * k + c) {
                *x = if add { *x + u64::from(m) } else { x.saturating_sub(u64::from(m)) };
            }
        }
        if let (Some(s), Some(&cw)) = (size.get_mut(c), corpus.count.get(w)) {
            *s = if add { *s + cw } else { s.saturating_sub(cw) };
        }
    };
    for (w, &c) in class.iter().enumerate() {
        bump(&mut ctx, &mut size, w, c as usize, true);
    }
    let mut gains = vec![0f64; branch];
    for _ in 0..iterations {
        let mut moved = 0usize;
        for w in 0..class.len() {
            let Some(&a) = class.get(w) else { continue };
            let a = a as usize;
            let base = a - a % branch;
            bump(&mut ctx, &mut size, w, a, false);
            gains.iter_mut().for_each(|g| *g = 0.0);
            for &(v, m) in corpus.pred.get(w).map(Vec::as_slice).unwrap_or_default() {
                let row = v as usize * k + base;
                for (g, &x) in gains.iter_mut().zip(ctx.get(row..row + branch).unwrap_or_default()) {
                    *g += f.at(x + u64::from(m)) - f.at(x);
                }
            }
            let cw = corpus.count.get(w).copied().unwrap_or(0);
            let mut best = a;
            let mut best_gain = f64::NEG_INFINITY;
            for (j, (g, &s)) in gains.iter().zip(size.get(base..base + branch).unwrap_or_default()).enumerate() {
                let gain = g - (f.at(s + cw) - f.at(s));
                // staying wins ties, then the lowest class
                if gain > best_gain || (gain == best_gain && base + j == a) {
                    best_gain = gain;
                    best = base + j;
                }
            }
            moved += usize::from(best != a);
            if let Some(c) = class.get_mut(w) {
                *c = best as u32;
            }
            bump(&mut ctx, &mut size, w, best, true);
        }
        if moved == 0 {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_used_alike_share_a_class() {
        // 0,1 are names, 2,3 verbs, 4,5 determiners; 6 is the boundary
        let (det_a, det_b, name_a, name_b, verb_a, verb_b) = (4, 5, 0, 1, 2, 3);
        let mut sents = Vec::new();
        for i in 0..40u32 {
            let name = if i % 2 == 0 { name_a } else { name_b };
            let verb = if i % 3 == 0 { verb_a } else { verb_b };
            let det = if i % 5 == 0 { det_a } else { det_b };
            sents.push(vec![det, name, verb]);
        }
        let corpus = Corpus::new(&sents, 6, 6);
        let class = cluster(&corpus, &[3], 10);
        let c = |w: u32| class.get(w as usize).copied();
        assert_eq!(c(name_a), c(name_b), "{class:?}");
        assert_eq!(c(verb_a), c(verb_b), "{class:?}");
        assert_eq!(c(det_a), c(det_b), "{class:?}");
        assert_ne!(c(name_a), c(verb_a), "{class:?}");
        // a finer level keeps each word under its parent
        let fine = cluster(&corpus, &[3, 6], 10);
        for (w, (&coarse, &f)) in class.iter().zip(&fine).enumerate() {
            assert_eq!(coarse, f / 2, "word {w}");
        }
        // the same corpus, the same clusters
        assert_eq!(cluster(&corpus, &[3, 6], 10), fine);
    }
}
