//! The language-pack parser (`corroborate::lang::pack::parse`): any bytes
//! must give a pack or an error, never a panic, and a pack written back
//! parses to the same sections.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(p) = corroborate::lang::pack::parse(bytes) {
        let again = corroborate::lang::pack::encode(p.code, &p.sections);
        assert_eq!(corroborate::lang::pack::parse(&again).ok(), Some(p));
    }
});
