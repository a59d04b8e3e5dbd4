//! Writes the reuse benchmark corpora to `target/bench/reuse/` for the wasm
//! harness: `pair_a.txt`, `pair_b.txt` (about 100 KB each) and
//! `many_<words>/NNN.txt` (100 articles of 250, 500, 1,000 and 2,000 words).
//!
//! `cargo run --release --example reuse_corpus`
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, missing_docs, dead_code)]

#[path = "../benches/support/reuse_corpus.rs"]
mod reuse_corpus;

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench/reuse");
    std::fs::create_dir_all(&dir).unwrap();
    let (a, b) = reuse_corpus::pair(100_000);
    std::fs::write(dir.join("pair_a.txt"), &a).unwrap();
    std::fs::write(dir.join("pair_b.txt"), &b).unwrap();
    for words in [250, 500, 1000, 2000] {
        let sub = dir.join(format!("many_{words}"));
        std::fs::create_dir_all(&sub).unwrap();
        for (i, t) in reuse_corpus::many(100, words, 10).iter().enumerate() {
            std::fs::write(sub.join(format!("{i:03}.txt")), t).unwrap();
        }
    }
    println!(
        "pair: {} + {} bytes; many: 100 articles x 250/500/1000/2000 words, in {}",
        a.len(),
        b.len(),
        dir.display()
    );
}
