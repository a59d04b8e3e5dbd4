//! Times each text stage on a large input: `cargo run --release --example profile_text -- FILE...`.
use std::time::Instant;
fn main() {
    let mut s = String::new();
    let files: Vec<String> = std::env::args().skip(1).collect();
    while s.len() < 10 << 20 {
        for f in &files {
            s.push_str(&std::fs::read_to_string(f).unwrap_or_default());
            s.push_str("\n\n");
        }
        if files.is_empty() {
            break;
        }
    }
    let t = Instant::now();
    let c = corroborate::text::clean(&s);
    let t1 = t.elapsed();
    let toks = corroborate::tokens::tokenize(&s, &c.body);
    let t2 = t.elapsed();
    let sents = corroborate::tokens::sentences(&toks, c.flags.degraded());
    let t3 = t.elapsed();
    println!(
        "{} bytes, {} tokens, {} sentences: clean {:?}, tokenize {:?}, sentences {:?}",
        s.len(),
        toks.len(),
        sents.len(),
        t1,
        t2 - t1,
        t3 - t2
    );
}
