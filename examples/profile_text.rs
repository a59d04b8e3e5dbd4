//! Times each text stage on a ~10 MB input built from the given files:
//! `cargo run --release --example profile_text -- FILE...`. Each copy's
//! paragraphs are tagged with the copy number so the cleaner keeps them.
use std::time::Instant;

fn main() {
    let files: Vec<String> = std::env::args().skip(1).collect();
    let texts: Vec<String> = files.iter().map(|f| std::fs::read_to_string(f).unwrap_or_default()).collect();
    let mut s = String::new();
    let mut copy = 0;
    while s.len() < 10 << 20 && !texts.is_empty() {
        copy += 1;
        for t in &texts {
            for para in t.split('\n') {
                s.push_str(&format!("({copy}) {para}\n"));
            }
            s.push('\n');
        }
    }
    let t = Instant::now();
    let c = corroborate::internal::clean(&s);
    let t1 = t.elapsed();
    let mut vocab = corroborate::internal::Vocab::default();
    let toks = corroborate::internal::tokenize(&s, &c.body, &mut vocab);
    let t2 = t.elapsed();
    let sents = corroborate::internal::sentences(&toks, &vocab, c.flags.degraded());
    let t3 = t.elapsed();
    println!(
        "{} bytes, {} body lines, {} removed, {} tokens, {} sentences: clean {:?}, tokenize {:?}, sentences {:?}; {:.1} MB/s",
        s.len(),
        c.body.len(),
        c.removed.len(),
        toks.len(),
        sents.len(),
        t1,
        t2 - t1,
        t3 - t2,
        s.len() as f64 / 1e6 / t3.as_secs_f64()
    );
}
