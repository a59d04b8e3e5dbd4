//! The language-data readers of issue 20: the transliteration table, the
//! country names, the calendar and the bilingual dictionaries
//! (`corroborate::lang::{translit, places, calendar, bidict}`: the pack's
//! table, and the dictd, WikDict and CC-CEDICT readers of the build
//! command, word maps inverted), the lemma tables and term-key rules of
//! the lemma experiment, the tagger's GloVe class table, the support
//! model's GloVe neighbour table, and
//! folding itself: any text parses or is skipped line by line, and folds,
//! never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    let table = corroborate::lang::translit::parse_table(&text);
    assert!(table.values().all(|v| v.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())));
    let countries = corroborate::lang::places::Countries::parse(&text);
    let _ = countries.code(&corroborate::lang::places::name_words(&text));
    let cal = corroborate::lang::calendar::Calendar::parse(&text);
    let _ = cal.number(&text);
    let folded = corroborate::lang::translit::fold(&text);
    let _ = corroborate::lang::translit::name_key(&folded);
    let dict = corroborate::lang::bidict::DictTable::parse(&text);
    let _ = dict.get(corroborate::lang::terms::hash_term(&text));
    for e in corroborate::lang::bidict::parse_index(&text) {
        let _ = corroborate::lang::bidict::entry_text(&text, &e);
    }
    let _ = corroborate::lang::bidict::translations(&text);
    let _ = corroborate::lang::bidict::wikdict_translations(&text);
    let map = corroborate::lang::bidict::word_map(&text, &text);
    let _ = corroborate::lang::bidict::invert(&map);
    for line in text.lines() {
        let _ = corroborate::lang::bidict::cedict_line(line);
    }
    let _ = corroborate::lang::terms::LemmaTable::parse(&text);
    let _ = corroborate::lang::terms::TermKey::parse(&text);
    let _ = corroborate::internal::tagger::clusters::parse_levels(&text);
    let _ = corroborate::internal::tagger::clusters::parse_neighbors(&text);
    for w in text.split_whitespace().take(64) {
        let _ = corroborate::lang::terms::common_in(&text, w);
    }
});
