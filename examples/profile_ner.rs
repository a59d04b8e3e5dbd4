//! Times tokenization + recognition on ~1 MB built from the given files:
//! `cargo run --release --example profile_ner -- FILE...`.
use std::time::Instant;

fn main() {
    let texts: Vec<String> = std::env::args().skip(1).map(|f| std::fs::read_to_string(f).unwrap_or_default()).collect();
    let mut s = String::new();
    let mut copy = 0;
    while s.len() < 1_000_000 && !texts.is_empty() {
        copy += 1;
        for t in &texts {
            for para in t.split('\n') {
                s.push_str(&format!("({copy}) {para}\n"));
            }
            s.push('\n');
        }
    }
    let _ = corroborate::internal::model();
    let _ = corroborate::internal::lexicon();
    for _ in 0..3 {
        let t = Instant::now();
        let stages = corroborate::internal::text_stages(&s);
        let (toks, sents) = (&stages.tokens, &stages.sentences);
        let view = corroborate::internal::view(toks, &stages.vocab);
        let t1 = t.elapsed();
        let found = corroborate::internal::recognize(&s, &view, sents);
        let t2 = t.elapsed();
        let words = toks.iter().filter(|t| t.is_wordlike()).count();
        println!(
            "{words} words, {} entities: text {:?}, recognize {:?}; {:.0} words/s",
            found.len(),
            t1,
            t2 - t1,
            words as f64 / t2.as_secs_f64()
        );
    }
}
