//! Golden file for the text stage on the four seeds (skipped, with a printed
//! reason, where ../shared is absent). It stores offsets, counts, flags and
//! hashes, never the seeds' sentences, which must not be copied here.
//! Regenerate deliberately with `UPDATE_GOLDEN=1 cargo test --test seeds_text`
//! and review the diff like code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::string_slice)]

mod common;

use serde_json::{json, Value};

fn fnv(s: &str) -> String {
    let h = s.bytes().fold(0xcbf29ce484222325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100000001b3));
    format!("{h:016x}")
}

fn describe(name: &str, t: &str) -> Value {
    let stages = corroborate::internal::text_stages(t);
    let (c, toks, sents) = (&stages.cleaned, &stages.tokens, &stages.sentences);
    json!({
        "file": name,
        "text_hash": fnv(t),
        "bytes": t.len(),
        "flags": {
            "degraded": c.flags.degraded(),
            "lowercase": c.flags.lowercase,
            "no_punctuation": c.flags.no_punctuation,
            "no_digits": c.flags.no_digits,
        },
        "metadata": c.metadata,
        "label_guess": c.label_guess,
        "title": c.title.as_ref().map(|r| json!([r.start, r.end, fnv(&t[r.clone()])])),
        "removed": c.removed.iter().map(|(r, why)| json!([r.start, r.end, why, fnv(&t[r.clone()])])).collect::<Vec<_>>(),
        "body_lines": c.body.len(),
        "tokens": toks.len(),
        "words": toks.iter().filter(|x| x.is_wordlike()).count(),
        "sentences": sents.len(),
        "sentence_spans": sents.iter().map(|s| json!([s.start, s.end])).collect::<Vec<_>>(),
    })
}

#[test]
fn seeds_text_stage_matches_golden_file() {
    let Some(seeds) = common::seeds() else { return };
    let got =
        serde_json::to_string_pretty(&seeds.iter().map(|(n, t)| describe(n, t)).collect::<Vec<_>>()).unwrap() + "\n";
    common::assert_golden("seeds.text.json", &got);
}

#[test]
fn seed_sentences_are_sentence_sized() {
    let Some(seeds) = common::seeds() else { return };
    for (name, t) in &seeds {
        let v = describe(name, t);
        let words = v["words"].as_u64().unwrap() as f64;
        let n = v["sentences"].as_u64().unwrap() as f64;
        // news sentences average 15 to 35 words; the stripped copy must split too
        let avg = words / n;
        assert!((12.0..=40.0).contains(&avg), "{name}: {n} sentences for {words} words");
    }
}
