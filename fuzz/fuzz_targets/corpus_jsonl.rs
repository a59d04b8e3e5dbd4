//! The corpus mode's JSONL reader (`corroborate::corpus::read_jsonl`) and
//! what follows on the articles it accepts: any bytes must give articles or
//! a `CorpusError` naming a line, never a panic; accepted articles go
//! through fingerprints, LSH candidates and `align_pair`.
#![no_main]

use corroborate::corpus::{self, CorpusOptions, MinHashParams};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let articles = match corpus::read_jsonl(data) {
        Ok(a) => a,
        Err(e) => {
            assert!(e.line >= 1, "error without a line: {e}");
            return;
        }
    };
    // keep each run short: a few small articles
    let articles: Vec<_> = articles.into_iter().take(4).filter(|a| a.text.len() <= 20_000).collect();
    let params = MinHashParams { shingle: 2, bands: 8, rows: 1, seed: 1 };
    for a in &articles {
        let f = corpus::fingerprint(&a.text, &params);
        assert!(f.band_keys.is_empty() || f.band_keys.len() == params.bands);
    }
    if let [a, b, ..] = articles.as_slice() {
        if let Some((pair, passages)) = corpus::align_pair(a, b) {
            assert!((0.0..=1.0).contains(&pair.containment_a) && (0.0..=1.0).contains(&pair.containment_b));
            assert_eq!(pair.passages, passages.len());
        }
    }
    let tables = corpus::run(
        &articles,
        &CorpusOptions { minhash: params, min_shingle_containment: 0.0, ..CorpusOptions::default() },
    );
    assert_eq!(tables.provenance.len(), tables.passages.len());
});
