//! Times loading the tagger model and the lexicons: `cargo run --release --example profile_load`.
use std::time::Instant;
fn main() {
    let t = Instant::now();
    let _ = corroborate::internal::model();
    let t1 = t.elapsed();
    let _ = corroborate::internal::lexicon();
    let t2 = t.elapsed();
    println!("model {:?}, lexicon {:?}", t1, t2 - t1);
}
