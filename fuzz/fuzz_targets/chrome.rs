//! The learned chrome detector (`src/text/chrome.rs`): any bytes read as a
//! model give a model or a message, never a panic; any text split into
//! sentences gives ranges of that text; the cleaner with the detector on
//! keeps ranges of the text, and never leaves a text with a body without
//! one.
#![no_main]

use corroborate::internal::{chrome_sentence_ranges, clean_with, ChromeModel, ChromeSentence};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(model) = ChromeModel::from_bytes(bytes) {
        assert_eq!(ChromeModel::from_bytes(&model.to_bytes()).map(|m| m.bits()), Ok(model.bits()));
    }
    let text = String::from_utf8_lossy(bytes);
    let ranges = chrome_sentence_ranges(&text, 0..text.len());
    assert!(ranges.iter().all(|r| text.get(r.clone()).is_some()));
    let sentences: Vec<ChromeSentence> =
        ranges.iter().enumerate().map(|(i, r)| ChromeSentence { text: &text[r.clone()], line: i / 3 }).collect();
    let model = corroborate::internal::chrome_model();
    assert_eq!(model.chrome(&sentences).len(), sentences.len());
    let with = clean_with(&text, false, true);
    let without = clean_with(&text, false, false);
    assert!(with.body.iter().all(|r| text.get(r.clone()).is_some()));
    assert_eq!(with.body.is_empty(), without.body.is_empty());
});
