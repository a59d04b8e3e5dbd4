//! The tokenizer and the text stages (clean, normalize, tokenize,
//! sentences) on any UTF-8 text: no panic, and every span is a valid range
//! of the text on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let (vocab, toks) = corroborate::internal::tokenize_text(text);
    for t in &toks {
        let r = t.range();
        assert!(r.start <= r.end && r.end <= text.len(), "token {r:?} out of {}", text.len());
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        let _ = vocab.get(t.sym());
    }
    let stages = corroborate::internal::text_stages(text);
    for t in &stages.tokens {
        let r = t.range();
        assert!(r.end <= text.len() && text.get(r.clone()).is_some(), "token {r:?}");
    }
    for s in &stages.sentences {
        assert!(s.start <= s.end && s.end <= text.len(), "sentence {}..{}", s.start, s.end);
        assert!(text.get(s.start..s.end).is_some());
        assert!(s.tokens.end <= stages.tokens.len());
    }
    for r in stages.cleaned.content() {
        assert!(text.get(r).is_some());
    }
});
