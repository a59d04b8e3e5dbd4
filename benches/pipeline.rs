//! Whole-pipeline benchmark on the project's own fixture texts, with a
//! trivial baseline (`split_whitespace`) so the numbers read as ratios.
#![allow(missing_docs)] // criterion's macros generate undocumented items

use corroborate::{analyze, text, tokens, ArticleInput, Options};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

fn corpus(bytes: usize) -> String {
    let wire = include_str!("../tests/fixtures/wire.txt");
    let rewrite = include_str!("../tests/fixtures/rewrite.txt");
    let mut s = String::with_capacity(bytes + wire.len());
    while s.len() < bytes {
        s.push_str(wire);
        s.push('\n');
        s.push_str(rewrite);
        s.push('\n');
    }
    s
}

fn bench(c: &mut Criterion) {
    let big = corpus(1 << 20);
    let mut g = c.benchmark_group("text");
    g.throughput(Throughput::Bytes(big.len() as u64));
    g.bench_function("baseline_split_whitespace", |b| b.iter(|| black_box(&big).split_whitespace().count()));
    g.bench_function("clean_tokenize_sentences", |b| {
        b.iter(|| {
            let c = text::clean(black_box(&big));
            let t = tokens::tokenize(&big, &c.body);
            tokens::sentences(&t, false).len()
        })
    });
    g.finish();

    let inputs = vec![
        ArticleInput::new(include_str!("../tests/fixtures/wire.txt")),
        ArticleInput::new(include_str!("../tests/fixtures/rewrite.txt")),
    ];
    c.bench_function("analyze_two_fixtures", |b| b.iter(|| analyze(black_box(&inputs), &Options::default())));
}

criterion_group!(benches, bench);
criterion_main!(benches);
