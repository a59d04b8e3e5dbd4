//! The work an analysis does grows linearly with its input (issue 15): the
//! steps of the inner loops are counted (`corroborate::internal::counted`),
//! not timed, so the check is exact and machine-independent. Doubling the
//! size of the articles, or the number of unrelated articles, must roughly
//! double the work, whatever the articles hold: distinct names (one entity
//! each), figures, or news prose. Pairs that share text are aligned pair by
//! pair, so for them the work follows the shared text of every pair.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use corroborate::internal::counted;
use corroborate::{analyze, ArticleInput, Options};

/// A small deterministic generator (xorshift), so the texts are the same on
/// every machine.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, v: &[&'a str]) -> &'a str {
        v[(self.next() % v.len() as u64) as usize]
    }
}

const FIRST: &[&str] =
    &["Anna", "Boris", "Clara", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Karim", "Lena"];
const SYL: &[&str] = &["ber", "kov", "lin", "mar", "ston", "vel", "dor", "rin", "sa", "tal", "qui", "zen"];
const WORDS: &[&str] = &[
    "council",
    "harbor",
    "crane",
    "inspection",
    "budget",
    "minister",
    "talks",
    "ceasefire",
    "report",
    "vote",
    "workers",
    "union",
    "strike",
    "court",
    "ruling",
    "police",
    "protest",
    "election",
    "market",
    "shares",
];

/// A made-up surname: distinct names, so every one is its own entity.
fn surname(r: &mut Rng) -> String {
    let mut s: String = (0..3).map(|_| r.pick(SYL)).collect();
    if let Some(f) = s.get_mut(..1) {
        f.make_ascii_uppercase();
    }
    s
}

/// Text of about `bytes` bytes of one shape, seeded by `seed`.
fn article(shape: &str, seed: u64, bytes: usize) -> String {
    let mut r = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut out = String::new();
    while out.len() < bytes {
        match shape {
            "names" => {
                out += &format!("{} {} met {} {}. ", r.pick(FIRST), surname(&mut r), r.pick(FIRST), surname(&mut r))
            }
            "figures" => out += &format!("{} people and {} workers. ", r.next() % 1_000_000, r.next() % 5000),
            _ => {
                // news-like prose: a name, then words from a large invented
                // vocabulary with a few common ones, and a figure that counts
                // one of them
                out += &format!("{} {}", r.pick(FIRST), surname(&mut r));
                for _ in 0..12 {
                    out.push(' ');
                    if r.next() % 6 == 0 {
                        out += r.pick(WORDS);
                    } else {
                        out += &surname(&mut r).to_lowercase();
                    }
                }
                out += &format!(" with {} {}. ", r.next() % 900 + 2, surname(&mut r).to_lowercase());
            }
        }
    }
    out
}

fn work(shape: &str, articles: usize, bytes: usize) -> u64 {
    let inputs: Vec<ArticleInput> =
        (0..articles).map(|k| ArticleInput::new(article(shape, k as u64 + 1, bytes))).collect();
    let (r, w) = counted(|| analyze(&inputs, &Options::default()));
    r.unwrap();
    w
}

#[test]
fn work_grows_linearly_with_size_and_with_unrelated_articles() {
    for shape in ["names", "figures", "prose"] {
        let base = work(shape, 4, 40_000);
        let longer = work(shape, 4, 80_000);
        let more = work(shape, 8, 40_000);
        let (r_size, r_count) = (longer as f64 / base as f64, more as f64 / base as f64);
        eprintln!("{shape}: work {base} → ×{r_size:.2} for twice the size, ×{r_count:.2} for twice the articles");
        // at most about double (the figures compared are capped, so for them
        // it is less); and the counter does count something
        assert!(base > 20_000, "{shape}: {base} steps");
        assert!(r_size <= 2.4, "{shape}: twice the size took ×{r_size:.2} the work");
        assert!(r_count <= 2.4, "{shape}: twice the articles took ×{r_count:.2} the work");
    }
}

/// The curve behind the test (`cargo test --release --test complexity --
/// --ignored --nocapture`): steps per article stay nearly flat from 2 to 32
/// articles of distinct names.
#[test]
#[ignore]
fn print_work_curve() {
    for n in [2, 4, 8, 16, 32] {
        let w = work("names", n, 20_000);
        eprintln!("names, {n} articles of 20 KB: {w} steps, {} per article", w / n as u64);
    }
}

#[test]
#[ignore]
fn print_prose_curve() {
    for kb in [10, 20, 40, 80, 160] {
        let w = work("prose", 4, kb * 1000);
        eprintln!("prose, 4 articles of {kb} KB: {w} steps, {} per KB", w / (4 * kb as u64));
    }
}
