//! Deterministic corpora for the reuse benchmarks, shared by the criterion
//! bench (`benches/pipeline.rs`) and `examples/reuse_corpus.rs`, which
//! writes them to files for the wasm harness (`bench/reuse-wasm.mjs`).
//!
//! Sentences come from the SemEval article pairs in `../shared/data/similarity`
//! when present (real news prose), else from the project's own fixtures.
//! Copies are made the way outlets make them: paragraphs dropped or moved,
//! sentences dropped or added, words substituted or deleted.

use std::path::Path;

/// A small xorshift generator: the corpora are the same on every run.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next() % 1_000_000) as f64 / 1_000_000.0 < p
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Distinct sentences of real prose.
pub fn sentences() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let csv = root.join("../shared/data/similarity/semeval2022-task8-train-en.csv");
    let text = std::fs::read_to_string(&csv).unwrap_or_else(|_| {
        eprintln!("note: {} absent; building the reuse corpus from tests/fixtures", csv.display());
        ["tests/fixtures/wire.txt", "tests/fixtures/rewrite.txt"]
            .iter()
            .filter_map(|f| std::fs::read_to_string(root.join(f)).ok())
            .collect::<Vec<_>>()
            .join("\n")
    });
    let mut seen = std::collections::HashSet::new();
    text.split(['.', '?', '!', '\n', '"'])
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|s| s.split(" ").count() >= 6)
        .filter(|s| seen.insert(s.clone()))
        .map(|s| s + ".")
        .collect()
}

/// A new sentence: a pool sentence with its words shuffled.
fn fresh(pool: &[String], rng: &mut Rng) -> String {
    let mut w: Vec<&str> = pool[rng.below(pool.len())].trim_end_matches('.').split(' ').collect();
    for i in (1..w.len()).rev() {
        w.swap(i, rng.below(i + 1));
    }
    w.join(" ") + "."
}

/// `words` words of distinct pool sentences starting at `*next`, in
/// paragraphs of four sentences; new sentences once the pool runs out.
fn original(pool: &[String], next: &mut usize, words: usize, rng: &mut Rng) -> Vec<Vec<String>> {
    let mut paras = vec![Vec::new()];
    let mut n = 0;
    while n < words {
        let s = if *next < pool.len() {
            *next += 1;
            pool[*next - 1].clone()
        } else {
            fresh(pool, rng)
        };
        n += s.split(' ').count();
        if paras.last().is_some_and(|p| p.len() == 4) {
            paras.push(Vec::new());
        }
        if let Some(p) = paras.last_mut() {
            p.push(s);
        }
    }
    paras
}

/// A copy of `paras` edited at `rate` (0.1 = a light rewrite).
fn rewrite(paras: &[Vec<String>], pool: &[String], rate: f64, rng: &mut Rng) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    for p in paras {
        if rng.chance(rate) {
            continue; // paragraph dropped
        }
        let mut q = Vec::new();
        for s in p {
            if rng.chance(rate) {
                continue; // sentence dropped
            }
            let mut words: Vec<String> = Vec::new();
            for w in s.split(' ') {
                if rng.chance(rate / 5.0) {
                    continue; // word deleted
                }
                if rng.chance(rate / 2.0) {
                    let other = fresh(pool, rng);
                    words.push(other.split(' ').next().unwrap_or(w).trim_end_matches('.').to_string());
                } else {
                    words.push(w.to_string());
                }
            }
            q.push(words.join(" "));
            if rng.chance(rate) {
                q.push(fresh(pool, rng)); // sentence added
            }
        }
        out.push(q);
    }
    // some paragraphs moved
    for _ in 0..(out.len() as f64 * rate) as usize {
        let (i, j) = (rng.below(out.len()), rng.below(out.len()));
        out.swap(i, j);
    }
    out
}

fn join(paras: &[Vec<String>]) -> String {
    paras.iter().map(|p| p.join(" ")).collect::<Vec<_>>().join("\n\n")
}

/// Two documents of about `bytes` each: an original and a light rewrite.
pub fn pair(bytes: usize) -> (String, String) {
    let pool = sentences();
    let mut rng = Rng::new(7);
    let mut next = 0;
    let words = bytes / 6;
    let a = original(&pool, &mut next, words, &mut rng);
    let b = rewrite(&a, &pool, 0.1, &mut rng);
    (join(&a), join(&b))
}

/// `n` articles of about `words` words: `stories` wire stories, each
/// rewritten by every outlet that carries it (heavier rewrites than
/// [`pair`]), so a tenth of all pairs share text.
pub fn many(n: usize, words: usize, stories: usize) -> Vec<String> {
    let pool = sentences();
    let mut rng = Rng::new(11);
    let mut next = 0;
    // a 0.3 rewrite keeps about four words in five
    let wires: Vec<Vec<Vec<String>>> =
        (0..stories).map(|_| original(&pool, &mut next, words * 5 / 4, &mut rng)).collect();
    (0..n).map(|i| join(&rewrite(&wires[i % stories], &pool, 0.3, &mut rng))).collect()
}
