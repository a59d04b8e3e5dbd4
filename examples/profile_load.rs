//! Times loading the tagger model and the lexicons: `cargo run --release --example profile_load`.
use std::time::Instant;
fn main() {
    let t = Instant::now();
    let _ = corroborate::entities::model();
    let t1 = t.elapsed();
    let _ = corroborate::entities::lexicon();
    let t2 = t.elapsed();
    println!("model {:?}, lexicon {:?}", t1, t2 - t1);
}
