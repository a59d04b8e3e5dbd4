//! Criterion benchmarks of the pipeline stages, each beside a trivial
//! baseline (`split_whitespace`) so the numbers read as ratios.
//!
//! The text corpus is about 10 MB built by repeating the seed articles from
//! `../shared/seeds` when they exist (the target is stated on them),
//! else the project's own fixtures.
#![allow(missing_docs)] // criterion's macros generate undocumented items

use corroborate::{analyze, ArticleInput, Options};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

#[path = "support/reuse_corpus.rs"]
#[allow(dead_code, clippy::indexing_slicing)]
mod reuse_corpus;

fn sources() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let mut seeds: Vec<String> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok()).collect())
        .unwrap_or_default();
    if seeds.is_empty() {
        eprintln!("note: {} absent; benchmarking on tests/fixtures", dir.display());
        seeds = vec![
            include_str!("../tests/fixtures/wire.txt").into(),
            include_str!("../tests/fixtures/rewrite.txt").into(),
        ];
    }
    seeds
}

/// About `bytes` of text: the sources repeated, each copy's paragraphs
/// tagged with the copy number so the cleaner keeps them (it drops repeated
/// lines, which would leave almost nothing to tokenize).
fn corpus(bytes: usize) -> String {
    let src = sources();
    let mut s = String::with_capacity(bytes + 8192);
    let mut copy = 0;
    while s.len() < bytes {
        copy += 1;
        for t in &src {
            for para in t.split('\n') {
                s.push_str(&format!("({copy}) {para}\n"));
            }
            s.push('\n');
        }
    }
    s
}

fn bench(c: &mut Criterion) {
    let big = corpus(10 << 20);
    let mut g = c.benchmark_group("text_10MB");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(big.len() as u64));
    g.bench_function("baseline_split_whitespace", |b| b.iter(|| black_box(&big).split_whitespace().count()));
    g.bench_function("clean_tokenize_sentences", |b| {
        b.iter(|| corroborate::internal::text_stages(black_box(&big)).sentences.len())
    });
    g.finish();

    let inputs: Vec<ArticleInput> = sources().into_iter().map(ArticleInput::new).collect();
    c.bench_function("analyze_sources", |b| b.iter(|| analyze(black_box(&inputs), &Options::default())));
}

/// The reuse engine alone: two ~100 KB documents, and 100 articles at four
/// lengths (all pairs), to show the time grows with the total words.
fn reuse(c: &mut Criterion) {
    let (a, b) = reuse_corpus::pair(100_000);
    let mut g = c.benchmark_group("reuse");
    g.sample_size(10);
    g.bench_function("pair_100KB", |x| {
        x.iter(|| {
            corroborate::internal::reuse_only(black_box(&[a.as_str(), b.as_str()]), corroborate::OffsetUnit::Utf16)
        })
    });
    for words in [250, 500, 1000, 2000] {
        let texts = reuse_corpus::many(100, words, 10);
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        g.throughput(Throughput::Elements(texts.iter().map(|t| t.split_whitespace().count() as u64).sum()));
        g.bench_function(format!("100_articles_x_{words}_words"), |x| {
            x.iter(|| corroborate::internal::reuse_only(black_box(&refs), corroborate::OffsetUnit::Utf16))
        });
    }
    g.finish();
}

criterion_group!(benches, bench, reuse);
criterion_main!(benches);
