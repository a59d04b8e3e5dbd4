//! Deterministic hierarchical k-means over word vectors, for word classes
//! from pretrained embeddings (`corroborate build-glove-clusters`; only with
//! the `train` feature). Every level splits each class of the level above
//! into the same number of classes (k-means++ seeding from a fixed seed,
//! then a fixed number of Lloyd passes), so one fine class gives every
//! granularity, as in `model/clusters.txt`. All sums run in a fixed order
//! in `f32`/`f64` without reassociation, so the classes are the same on
//! every run and every machine.

/// A small fixed-seed generator (SplitMix64): the same draws everywhere.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A uniform draw in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn dist2(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| (x - y) * (x - y)).fold(0.0, |s, d| s + d)
}

/// The nearest centre of a point (the first on ties) and its squared
/// distance.
fn nearest(p: &[f32], centres: &[Vec<f32>]) -> (usize, f32) {
    let mut best = (0, f32::INFINITY);
    for (c, centre) in centres.iter().enumerate() {
        let d = dist2(p, centre);
        if d < best.1 {
            best = (c, d);
        }
    }
    best
}

/// k-means of the points `members` (indices into `points`) into at most
/// `k` classes: k-means++ seeding, then `iterations` Lloyd passes (an empty
/// class keeps its centre). Returns each member's class in `0..k`.
pub fn kmeans(points: &[Vec<f32>], members: &[usize], k: usize, iterations: usize, rng: &mut Rng) -> Vec<usize> {
    let n = members.len();
    if n == 0 || k == 0 {
        return Vec::new();
    }
    let k = k.min(n);
    let at = |i: usize| row(points, members, i);
    // k-means++: each next centre drawn with probability ∝ squared distance
    let first = at((rng.next_u64() % n as u64) as usize).to_vec();
    let mut d2: Vec<f64> = (0..n).map(|i| f64::from(dist2(at(i), &first))).collect();
    let mut centres: Vec<Vec<f32>> = vec![first];
    while centres.len() < k {
        let total: f64 = d2.iter().sum();
        let pick = if total > 0.0 {
            let target = rng.unit() * total;
            let mut acc = 0.0;
            let mut pick = n - 1;
            for (i, d) in d2.iter().enumerate() {
                acc += d;
                if acc > target {
                    pick = i;
                    break;
                }
            }
            pick
        } else {
            (rng.next_u64() % n as u64) as usize
        };
        let c = at(pick).to_vec();
        for (i, d) in d2.iter_mut().enumerate() {
            *d = d.min(f64::from(dist2(at(i), &c)));
        }
        centres.push(c);
    }
    let dim = centres.first().map_or(0, Vec::len);
    let mut class = vec![0usize; n];
    for pass in 0..=iterations {
        let assigned = assign(points, members, &centres);
        let changed = assigned != class;
        class = assigned;
        if pass == iterations || (pass > 0 && !changed) {
            break;
        }
        let mut sums = vec![vec![0f64; dim]; k];
        let mut counts = vec![0usize; k];
        for (i, &c) in class.iter().enumerate() {
            if let (Some(s), Some(n)) = (sums.get_mut(c), counts.get_mut(c)) {
                *n += 1;
                for (s, x) in s.iter_mut().zip(at(i)) {
                    *s += f64::from(*x);
                }
            }
        }
        for ((centre, s), &m) in centres.iter_mut().zip(&sums).zip(&counts) {
            if m > 0 {
                for (c, s) in centre.iter_mut().zip(s) {
                    *c = (*s / m as f64) as f32;
                }
            }
        }
    }
    class
}

/// Member `i`'s vector (empty when out of range).
fn row<'a>(points: &'a [Vec<f32>], members: &[usize], i: usize) -> &'a [f32] {
    members.get(i).and_then(|&m| points.get(m)).map_or(&[], Vec::as_slice)
}

/// Each member's nearest centre (on all cores natively: every point is
/// independent, so the result does not depend on the thread count).
#[cfg(not(target_family = "wasm"))]
fn assign(points: &[Vec<f32>], members: &[usize], centres: &[Vec<f32>]) -> Vec<usize> {
    use rayon::prelude::*;
    (0..members.len()).into_par_iter().map(|i| nearest(row(points, members, i), centres).0).collect()
}

#[cfg(target_family = "wasm")]
fn assign(points: &[Vec<f32>], members: &[usize], centres: &[Vec<f32>]) -> Vec<usize> {
    (0..members.len()).map(|i| nearest(row(points, members, i), centres).0).collect()
}

/// Hierarchical k-means: `levels` are class counts, coarse to fine, each
/// a multiple of the one before; level 0 clusters every point, each later
/// level splits every class of the level above into `levels[l] /
/// levels[l-1]` classes. Returns each point's fine class in
/// `0..levels.last()`.
pub fn hierarchical(points: &[Vec<f32>], levels: &[usize], iterations: usize, seed: u64) -> Vec<usize> {
    let mut rng = Rng::new(seed);
    let mut class = vec![0usize; points.len()];
    let mut above = 1usize;
    for &k in levels {
        let fan = (k / above.max(1)).max(1);
        let mut groups: Vec<Vec<usize>> = vec![Vec::new(); above];
        for (i, &c) in class.iter().enumerate() {
            if let Some(g) = groups.get_mut(c) {
                g.push(i);
            }
        }
        let mut next = vec![0usize; points.len()];
        for (parent, members) in groups.iter().enumerate() {
            let sub = kmeans(points, members, fan, iterations, &mut rng);
            for (&m, s) in members.iter().zip(sub) {
                if let Some(x) = next.get_mut(m) {
                    *x = parent * fan + s;
                }
            }
        }
        class = next;
        above = above.max(1) * fan;
    }
    class
}

/// Scales a vector to unit length (a zero vector stays zero).
pub fn normalize(v: &mut [f32]) {
    let norm = v.iter().map(|x| f64::from(*x) * f64::from(*x)).sum::<f64>().sqrt();
    if norm > 0.0 {
        for x in v.iter_mut() {
            *x = (f64::from(*x) / norm) as f32;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blobs() -> Vec<Vec<f32>> {
        // four tight groups at the corners of a square, three points each
        let corners = [(0.0, 0.0), (10.0, 0.0), (0.0, 10.0), (10.0, 10.0)];
        let jitter = [(0.0, 0.1), (0.1, 0.0), (-0.1, -0.1)];
        corners.iter().flat_map(|(x, y)| jitter.iter().map(move |(a, b)| vec![x + a, y + b])).collect()
    }

    #[test]
    fn separates_blobs_and_repeats_itself() {
        let pts = blobs();
        let all: Vec<usize> = (0..pts.len()).collect();
        let c = kmeans(&pts, &all, 4, 10, &mut Rng::new(7));
        // each corner one class, and four classes in all
        for g in c.chunks(3) {
            assert!(g.iter().all(|x| *x == g[0]), "{c:?}");
        }
        let distinct: std::collections::BTreeSet<_> = c.iter().collect();
        assert_eq!(distinct.len(), 4);
        assert_eq!(c, kmeans(&pts, &all, 4, 10, &mut Rng::new(7)));
    }

    #[test]
    fn edge_cases() {
        let pts = blobs();
        let cases: [(&[usize], usize, usize); 4] = [(&[], 3, 0), (&[0, 1], 0, 0), (&[0, 5], 8, 2), (&[4], 2, 1)];
        for (members, k, len) in cases {
            let c = kmeans(&pts, members, k, 5, &mut Rng::new(1));
            assert_eq!(c.len(), len, "{members:?} {k}");
            assert!(c.iter().all(|x| *x < k.max(1)));
        }
        let mut v = [3.0f32, 4.0];
        normalize(&mut v);
        assert!((v[0] - 0.6).abs() < 1e-6 && (v[1] - 0.8).abs() < 1e-6);
        let mut z = [0.0f32; 2];
        normalize(&mut z);
        assert_eq!(z, [0.0, 0.0]);
    }

    #[test]
    fn levels_nest() {
        let pts = blobs();
        let fine = hierarchical(&pts, &[2, 4], 10, 3);
        assert_eq!(fine, hierarchical(&pts, &[2, 4], 10, 3));
        let coarse = hierarchical(&pts, &[2], 10, 3);
        for (f, c) in fine.iter().zip(&coarse) {
            assert!(*f < 4);
            assert_eq!(f / 2, *c, "fine {fine:?} coarse {coarse:?}");
        }
    }
}
