//! Training: an averaged structured perceptron over the tagger's features.

use super::model::MAGIC;
use super::*;

/// One training sentence: words and gold tag indices.
pub struct Example<'a> {
    /// The words.
    pub words: Vec<Word<'a>>,
    /// Gold tags (indices into [`LABELS`]).
    pub gold: Vec<usize>,
    /// Index of its document in the `docs` slice given to [`train`].
    pub doc: usize,
}

/// Averaged weights being trained.
pub struct Trainer {
    bits: u32,
    w: Vec<f32>,
    u: Vec<f32>,
    tw: [[f32; N_TAGS]; N_TAGS],
    tu: [[f32; N_TAGS]; N_TAGS],
    sw: [f32; N_TAGS],
    su: [f32; N_TAGS],
    c: f32,
    /// Passive-aggressive step cap (PA-I, Crammer et al. 2006); 0: the
    /// plain perceptron's unit steps.
    aggressiveness: f32,
    /// Cost added to every wrong tag of every token while decoding for an
    /// update (loss-augmented decoding, Hamming cost); 0: plain decoding.
    margin: f32,
    /// Extra cost, over `margin`, of the tag O at a token of a name
    /// (a missed name costs more than a wrong one).
    miss: f32,
    /// Learning rate of conditional log-likelihood steps (a linear-chain
    /// CRF trained by averaged stochastic gradient); 0: perceptron steps.
    crf: f32,
}

impl Trainer {
    /// A trainer with a table of 2^`bits` buckets.
    pub fn new(bits: u32) -> Trainer {
        let n = (1usize << bits) * N_TAGS;
        Trainer {
            bits,
            w: vec![0.0; n],
            u: vec![0.0; n],
            tw: [[0.0; N_TAGS]; N_TAGS],
            tu: [[0.0; N_TAGS]; N_TAGS],
            sw: [0.0; N_TAGS],
            su: [0.0; N_TAGS],
            c: 1.0,
            aggressiveness: 0.0,
            margin: 0.0,
            miss: 0.0,
            crf: 0.0,
        }
    }

    /// Conditional log-likelihood steps of size `rate` (a linear-chain
    /// CRF, its weights averaged as the perceptron's are) instead of
    /// perceptron steps (`rate` 0: the perceptron).
    pub fn with_crf(mut self, rate: f32) -> Trainer {
        self.crf = rate.max(0.0);
        self
    }

    /// Margin (loss-augmented) updates: the sentence is decoded for the
    /// update with `cost` added to every tag that differs from the gold one
    /// at each token (Hamming cost), so the weights move until gold beats
    /// every other sequence by `cost` per wrong token (`cost` 0: the plain
    /// perceptron).
    pub fn with_margin(mut self, cost: f32) -> Trainer {
        self.margin = cost.max(0.0);
        self
    }

    /// With margin updates, `extra` more cost on the tag O at the tokens
    /// of a name, so the learner leans towards finding names (recall).
    pub fn with_miss_cost(mut self, extra: f32) -> Trainer {
        self.miss = extra.max(0.0);
        self
    }

    /// Steps of the passive-aggressive learner (PA-I) capped at `cap`
    /// instead of the perceptron's unit steps (`cap` 0: the perceptron):
    /// each mistake moves the weights just far enough for the gold tags to
    /// beat the prediction by its Hamming loss, at most `cap`.
    pub fn with_aggressiveness(mut self, cap: f32) -> Trainer {
        self.aggressiveness = cap.max(0.0);
        self
    }

    /// The score of a tag sequence under the current weights.
    fn score(&self, em: &[[f32; N_TAGS]], tags: &[usize]) -> f32 {
        let mut s = 0.0;
        let mut prev: Option<usize> = None;
        for (e, &t) in em.iter().zip(tags) {
            s += e.get(t).copied().unwrap_or(0.0);
            s += match prev {
                None => self.sw.get(t).copied().unwrap_or(0.0),
                Some(p) => self.tw.get(p).and_then(|r| r.get(t)).copied().unwrap_or(0.0),
            };
            prev = Some(t);
        }
        s
    }

    /// The step size of one mistake: 1 for the perceptron, PA-I's otherwise.
    fn step_size(&self, em: &[[f32; N_TAGS]], feats: &[[u32; N_FEATURES]], gold: &[usize], pred: &[usize]) -> f32 {
        if self.aggressiveness <= 0.0 {
            return 1.0;
        }
        let loss = gold.iter().zip(pred).filter(|(g, p)| g != p).count() as f32;
        let margin = self.score(em, pred) - self.score(em, gold);
        // squared norm of the feature difference: each feature of a wrong
        // token counts twice (gold label up, predicted label down), and so
        // does each transition that differs
        let mut norm = 0.0f32;
        let mut prev: Option<(usize, usize)> = None;
        for (row, (&g, &p)) in feats.iter().zip(gold.iter().zip(pred)) {
            if g != p {
                norm += 2.0 * row.len() as f32;
            }
            if prev.is_some_and(|(a, b)| a != b) || g != p {
                norm += 2.0;
            }
            prev = Some((g, p));
        }
        if norm <= 0.0 {
            return 1.0;
        }
        ((margin + loss) / norm).clamp(0.0, self.aggressiveness)
    }

    fn emissions(&self, feats: &[[u32; N_FEATURES]]) -> Vec<[f32; N_TAGS]> {
        feats
            .iter()
            .map(|row| {
                let mut e = [0f32; N_TAGS];
                for &f in row {
                    let base = f as usize * N_TAGS;
                    for (x, w) in e.iter_mut().zip(self.w.get(base..base + N_TAGS).unwrap_or_default()) {
                        *x += w;
                    }
                }
                e
            })
            .collect()
    }

    /// One perceptron step on one sentence, gold tags given as
    /// [`LABELS`] (BIO) indices and learned as BILOU ([`TAGS`]); returns the
    /// tags (BIO) the model gave before the step.
    pub fn step(&mut self, feats: &[[u32; N_FEATURES]], gold: &[usize]) -> Vec<usize> {
        if self.crf > 0.0 {
            return self.step_crf(feats, gold);
        }
        let gold = &to_bilou(gold)[..];
        let mut em = self.emissions(feats);
        let plain = viterbi(&em, &self.tw, &self.sw);
        let pred = if self.margin > 0.0 || self.miss > 0.0 {
            for (row, &g) in em.iter_mut().zip(gold) {
                for (t, x) in row.iter_mut().enumerate() {
                    if t != g {
                        *x += self.margin;
                        if t == 0 {
                            *x += self.miss;
                        }
                    }
                }
            }
            viterbi(&em, &self.tw, &self.sw)
        } else {
            plain.clone()
        };
        let ok = pred == gold;
        if !ok {
            let tau = self.step_size(&em, feats, gold, &pred);
            let c = self.c * tau;
            let mut prev: Option<(usize, usize)> = None;
            for (row, (&g, &p)) in feats.iter().zip(gold.iter().zip(&pred)) {
                if g != p {
                    // bucket 0 is an unused slot: it must stay zero, as in
                    // the saved model
                    for &f in row.iter().filter(|f| **f != 0) {
                        let base = f as usize * N_TAGS;
                        add(&mut self.w, base + g, tau);
                        add(&mut self.u, base + g, c);
                        add(&mut self.w, base + p, -tau);
                        add(&mut self.u, base + p, -c);
                    }
                }
                let (gp, pp) = (prev.map(|x| x.0), prev.map(|x| x.1));
                if gp != pp || g != p {
                    match (gp, pp) {
                        (Some(a), Some(b)) => {
                            add2(&mut self.tw, a, g, tau);
                            add2(&mut self.tu, a, g, c);
                            add2(&mut self.tw, b, p, -tau);
                            add2(&mut self.tu, b, p, -c);
                        }
                        _ => {
                            add(&mut self.sw, g, tau);
                            add(&mut self.su, g, c);
                            add(&mut self.sw, p, -tau);
                            add(&mut self.su, p, -c);
                        }
                    }
                }
                prev = Some((g, p));
            }
        }
        self.c += 1.0;
        plain.into_iter().map(to_bio).collect()
    }

    /// One stochastic gradient step of the conditional log-likelihood:
    /// every feature of every token moves each tag by (gold − marginal),
    /// the marginals from forward-backward under the BILOU constraints.
    // Invariant: `n == em.len() == feats.len() == gold.len() > 0` (checked
    // on entry), `t < n`, and every tag index is below `N_TAGS`, the
    // length of each row, so every index is in bounds.
    #[allow(clippy::indexing_slicing, clippy::needless_range_loop)]
    fn step_crf(&mut self, feats: &[[u32; N_FEATURES]], gold: &[usize]) -> Vec<usize> {
        let gold = &to_bilou(gold)[..];
        let em = self.emissions(feats);
        let plain = viterbi(&em, &self.tw, &self.sw);
        let n = em.len();
        if n == 0 || gold.len() != n || feats.len() != n {
            self.c += 1.0;
            return Vec::new();
        }
        let (tr, start) = super::model::constrained(&self.tw, &self.sw);
        let lse = |xs: &mut dyn Iterator<Item = f32>| -> f32 {
            let v: Vec<f32> = xs.collect();
            let m = v.iter().copied().fold(f32::NEG_INFINITY, f32::max);
            if m <= -1e29 {
                return -1e30;
            }
            m + v.iter().map(|x| (x - m).exp()).sum::<f32>().ln()
        };
        let mut alpha = vec![[0f32; N_TAGS]; n];
        let mut beta = vec![[0f32; N_TAGS]; n];
        for y in 0..N_TAGS {
            alpha[0][y] = start[y] + em[0][y];
        }
        for t in 1..n {
            for y in 0..N_TAGS {
                let a = &alpha[t - 1];
                alpha[t][y] = lse(&mut (0..N_TAGS).map(|p| a[p] + tr[p][y])) + em[t][y];
            }
        }
        for y in 0..N_TAGS {
            beta[n - 1][y] = if super::model::closes(y) { 0.0 } else { -1e30 };
        }
        for t in (0..n - 1).rev() {
            for y in 0..N_TAGS {
                let b = &beta[t + 1];
                let e = &em[t + 1];
                beta[t][y] = lse(&mut (0..N_TAGS).map(|q| tr[y][q] + e[q] + b[q]));
            }
        }
        let z = lse(&mut (0..N_TAGS).map(|y| alpha[n - 1][y] + beta[n - 1][y]));
        let lr = self.crf;
        let c = self.c * lr;
        for t in 0..n {
            let mut g = [0f32; N_TAGS];
            for y in 0..N_TAGS {
                let p = (alpha[t][y] + beta[t][y] - z).exp();
                g[y] = f32::from(u8::from(gold[t] == y)) - p;
            }
            for &f in feats[t].iter().filter(|f| **f != 0) {
                let base = f as usize * N_TAGS;
                for (y, &gy) in g.iter().enumerate() {
                    if gy.abs() > 1e-4 {
                        add(&mut self.w, base + y, lr * gy);
                        add(&mut self.u, base + y, c * gy);
                    }
                }
            }
            if t == 0 {
                for (y, &gy) in g.iter().enumerate() {
                    add(&mut self.sw, y, lr * gy);
                    add(&mut self.su, y, c * gy);
                }
            } else {
                for p in 0..N_TAGS {
                    for q in 0..N_TAGS {
                        let m = (alpha[t - 1][p] + tr[p][q] + em[t][q] + beta[t][q] - z).exp();
                        let gpq = f32::from(u8::from(gold[t - 1] == p && gold[t] == q)) - m;
                        if gpq.abs() > 1e-4 {
                            add2(&mut self.tw, p, q, lr * gpq);
                            add2(&mut self.tu, p, q, c * gpq);
                        }
                    }
                }
            }
        }
        self.c += 1.0;
        plain.into_iter().map(to_bio).collect()
    }

    /// Serializes the averaged model, dropping weights smaller than
    /// `prune` (in units of the largest weight) before quantizing to i8.
    pub fn to_bytes(&self, prune: f32) -> Vec<u8> {
        let avg = |w: f32, u: f32| w - u / self.c;
        let n = 1usize << self.bits;
        let mut max = 0f32;
        for (w, u) in self.w.iter().zip(&self.u).take(n * N_TAGS) {
            max = max.max(avg(*w, *u).abs());
        }
        let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&3u32.to_le_bytes());
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.extend_from_slice(&scale.to_bits().to_le_bytes());
        for (tw, tu) in self.tw.iter().zip(&self.tu) {
            for (w, u) in tw.iter().zip(tu) {
                out.extend_from_slice(&avg(*w, *u).to_bits().to_le_bytes());
            }
        }
        for (w, u) in self.sw.iter().zip(&self.su) {
            out.extend_from_slice(&avg(*w, *u).to_bits().to_le_bytes());
        }
        let mut rows: Vec<(usize, [i8; N_TAGS])> = Vec::new();
        let pairs = self.w.chunks_exact(N_TAGS).zip(self.u.chunks_exact(N_TAGS));
        for (b, (wr, ur)) in pairs.take(n).enumerate().skip(1) {
            let mut q = [0i8; N_TAGS];
            let mut any = false;
            for (qv, (w, u)) in q.iter_mut().zip(wr.iter().zip(ur)) {
                let v = avg(*w, *u);
                if v.abs() >= prune * max {
                    *qv = (v / scale).round().clamp(-127.0, 127.0) as i8;
                    any |= *qv != 0;
                }
            }
            if any {
                rows.push((b, q));
            }
        }
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        let mut last = 0usize;
        for (b, q) in rows {
            push_varint(&mut out, (b - last) as u64);
            last = b;
            let mask = q.iter().enumerate().fold(0u32, |m, (l, x)| if *x != 0 { m | 1 << l } else { m });
            push_varint(&mut out, u64::from(mask));
            out.extend(q.iter().filter(|x| **x != 0).map(|x| *x as u8));
        }
        out
    }

    /// The averaged weights of several trainers (same table size) mixed
    /// into one: their mean (parameter mixing, as in McDonald, Hall and
    /// Mann 2010, done once at the end). `None` when `runs` is empty or
    /// the table sizes differ. One trainer mixes to its own averaged model.
    ///
    /// ```
    /// use corroborate::internal::tagger::train::Trainer;
    /// let (a, b) = (Trainer::new(8), Trainer::new(8));
    /// let m = Trainer::mix(&[a, b]).unwrap();
    /// assert_eq!(m.bits(), 8);
    /// assert!(Trainer::mix(&[]).is_none());
    /// ```
    pub fn mix(runs: &[Trainer]) -> Option<Trainer> {
        let first = runs.first()?;
        if runs.iter().any(|t| t.bits != first.bits) {
            return None;
        }
        let k = runs.len() as f32;
        let mut out = Trainer::new(first.bits);
        out.aggressiveness = first.aggressiveness;
        out.margin = first.margin;
        out.miss = first.miss;
        for t in runs {
            let avg = |w: f32, u: f32| (w - u / t.c) / k;
            for (o, (w, u)) in out.w.iter_mut().zip(t.w.iter().zip(&t.u)) {
                *o += avg(*w, *u);
            }
            for (orow, (wrow, urow)) in out.tw.iter_mut().zip(t.tw.iter().zip(&t.tu)) {
                for (o, (w, u)) in orow.iter_mut().zip(wrow.iter().zip(urow)) {
                    *o += avg(*w, *u);
                }
            }
            for (o, (w, u)) in out.sw.iter_mut().zip(t.sw.iter().zip(&t.su)) {
                *o += avg(*w, *u);
            }
        }
        // u stays zero and c one: the mixed weights are the averaged ones
        Some(out)
    }

    /// The table size as a power of two.
    pub fn bits(&self) -> u32 {
        self.bits
    }
}

/// `v[i] += d` when `i` is in bounds (features and tags always are).
fn add(v: &mut [f32], i: usize, d: f32) {
    if let Some(x) = v.get_mut(i) {
        *x += d;
    }
}

/// `m[a][b] += d` when in bounds.
fn add2(m: &mut [[f32; N_TAGS]; N_TAGS], a: usize, b: usize, d: f32) {
    if let Some(x) = m.get_mut(a).and_then(|r| r.get_mut(b)) {
        *x += d;
    }
}

/// Writes `v` as a LEB128 varint (seven bits a byte, low bits first), as
/// the model reader's `varint` reads it.
fn push_varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mixing_averages_runs() {
        // (runs trained, each on the same rows): one run mixes to its own
        // averaged model and identical runs to the same model
        let rows: Vec<(Vec<[u32; N_FEATURES]>, Vec<usize>)> = vec![
            (vec![[3; N_FEATURES], [5; N_FEATURES]], vec![1, 2]),
            (vec![[7; N_FEATURES], [3; N_FEATURES]], vec![3, 0]),
        ];
        let train = || {
            let mut t = Trainer::new(8);
            for _ in 0..4 {
                for (feats, gold) in &rows {
                    t.step(feats, gold);
                }
            }
            t
        };
        let alone = train().to_bytes(0.0);
        for n in [1, 2, 3] {
            let runs: Vec<Trainer> = (0..n).map(|_| train()).collect();
            let mixed = Trainer::mix(&runs).map(|t| t.to_bytes(0.0));
            assert_eq!(mixed.as_deref(), Some(alone.as_slice()), "{n} runs");
        }
        assert!(Trainer::mix(&[Trainer::new(8), Trainer::new(9)]).is_none());
    }

    #[test]
    fn unused_slots_never_learn() {
        // rows with unused slots (bucket 0): the trainer must not learn a
        // weight there, since the saved model drops bucket 0; so the saved
        // model tags as the trainer does
        let rows: [(Vec<[u32; N_FEATURES]>, Vec<usize>); 2] =
            [(vec![[0; N_FEATURES], [0; N_FEATURES]], vec![1, 2]), (vec![[0; N_FEATURES]], vec![3])];
        for cap in [0.0, 1.0] {
            let mut t = Trainer::new(8).with_aggressiveness(cap);
            for (feats, gold) in &rows {
                for _ in 0..3 {
                    t.step(feats, gold);
                }
            }
            assert!(t.w.iter().take(N_TAGS).all(|w| *w == 0.0), "cap {cap}");
            assert!(t.u.iter().take(N_TAGS).all(|w| *w == 0.0), "cap {cap}");
        }
    }

    #[test]
    fn crf_steps_learn_the_gold_tags() {
        // (features, gold BIO tags): a CRF trainer with any step size tags
        // both sentences right after a few passes, its averaged model
        // serializes, and a sentence with no tokens is a no-op
        let rows: Vec<(Vec<[u32; N_FEATURES]>, Vec<usize>)> = vec![
            (vec![[3; N_FEATURES], [5; N_FEATURES], [9; N_FEATURES]], vec![1, 2, 0]),
            (vec![[7; N_FEATURES], [3; N_FEATURES]], vec![0, 3]),
        ];
        for rate in [0.05, 0.1, 1.0] {
            let mut t = Trainer::new(8).with_crf(rate);
            for _ in 0..30 {
                for (feats, gold) in &rows {
                    t.step(feats, gold);
                }
            }
            for (feats, gold) in &rows {
                assert_eq!(&t.step(feats, gold), gold, "rate {rate}");
            }
            assert!(t.step(&[], &[]).is_empty());
            assert!(t.to_bytes(0.0).len() > MAGIC.len());
            assert!(t.w.iter().take(N_TAGS).all(|w| *w == 0.0), "bucket 0 stays unused");
        }
    }

    #[test]
    fn margin_updates_past_the_first_right_answer() {
        // once the plain perceptron tags a sentence right it stops moving;
        // with a margin it goes on until gold wins by the cost per token
        // (each token repeats one feature, so one step moves its score by
        // N_FEATURES², 2,025)
        let feats = vec![[3; N_FEATURES], [5; N_FEATURES]];
        let gold = vec![1, 2];
        for (cost, moves) in [(0.0, false), (1e5, true)] {
            let mut t = Trainer::new(8).with_margin(cost);
            let mut right = false;
            for _ in 0..20 {
                if t.step(&feats, &gold) == gold {
                    right = true;
                    break;
                }
            }
            assert!(right, "cost {cost}");
            let before = t.w.clone();
            t.step(&feats, &gold);
            assert_eq!(t.w != before, moves, "cost {cost}");
        }
    }
}
