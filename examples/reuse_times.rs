//! Native timing of the reuse engine alone (`internal::reuse_only`, as the
//! wasm `reuseStats` runs it) on the inputs of `bench/reuse-wasm.mjs`:
//!   cargo run --release --example reuse_corpus
//!   cargo run --release --example reuse_times [-- RUNS]
//! Prints the median ms over RUNS (default 7) for the 100 articles of each
//! `many_*` folder present and for the ~100 KB pair, with a digest of the
//! output so a speed change can be checked for identical results.
//!
//! Where the time went on many_1000 (native, Instant instrumentation since
//! removed, 2-core machine under load, so rough): of ~175 ms, building the
//! docs took ~80 ms (language identification ~35, cleaning ~16, tokenizing
//! ~14, `Stream::new` ~12) and the reuse stage ~90 ms over ~800 candidate
//! pairs: verbatim `exact` ~25, `reworded_seeds` ~18 (`sentence_seeds` ~12),
//! the two `rewrite` calls ~33 (first join ~10 of which `gap_agrees` ~5,
//! summary join ~6, stem sets of the kept-passage filter ~7, `build` ~5).
//! `reuse_only` now skips the language identification (it reads none) and
//! the filter's stem sets where the identical words decide.
use corroborate::{internal::reuse_only, OffsetUnit};
use std::path::Path;
use std::time::Instant;

/// Median ms of `reuse_only(texts)` over `runs` runs, and a digest of its
/// output (serialized outside the timing).
fn median_ms(runs: usize, texts: &[&str]) -> (f64, String) {
    let mut ms: Vec<f64> = (0..runs.max(1))
        .map(|_| {
            let t = Instant::now();
            let r = reuse_only(texts, OffsetUnit::Utf16);
            let e = t.elapsed().as_secs_f64() * 1000.0;
            drop(r);
            e
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    (ms.get(ms.len() / 2).copied().unwrap_or(0.0), digest(texts))
}

fn digest(texts: &[&str]) -> String {
    let r = reuse_only(texts, OffsetUnit::Utf16);
    let json = serde_json::to_string(&r).unwrap_or_default();
    let h = json.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
    format!(
        "{} passages, {} pairs, {} words, json {} bytes, fnv {h:016x}",
        r.passages.len(),
        r.pairs,
        r.words,
        json.len()
    )
}

fn main() {
    let runs: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(7);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench/reuse");
    let read = |p: &Path| std::fs::read_to_string(p).unwrap_or_default();
    for words in [250, 500, 1000, 2000] {
        let sub = dir.join(format!("many_{words}"));
        let Ok(entries) = std::fs::read_dir(&sub) else { continue };
        let mut files: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        let texts: Vec<String> = files.iter().map(|p| read(p)).collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let (ms, out) = median_ms(runs, &refs);
        println!("many_{words:<5} {:>3} articles: {ms:>8.1} ms  ({out})", refs.len());
    }
    let (a, b) = (read(&dir.join("pair_a.txt")), read(&dir.join("pair_b.txt")));
    if !a.is_empty() && !b.is_empty() {
        let (ms, out) = median_ms(runs, &[&a, &b]);
        println!("pair        {} + {} bytes: {ms:>8.1} ms  ({out})", a.len(), b.len());
    }
}
