//! The matching key of a word: NFKC, typographic folding (curly quotes,
//! dashes, ellipsis, spaces), lowercase, without dots and apostrophes.
//! Keys are what words compare by; spans always stay on the original.

use unicode_normalization::UnicodeNormalization;

/// Typographic folding of one (already NFKC) character.
fn fold_char(c: char) -> impl Iterator<Item = char> {
    let s: &'static str = match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{0060}' | '\u{00B4}' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}' | '\u{00BB}' => "\"",
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' | '\u{FE58}' => "-",
        '\u{2026}' => "...",
        c if c.is_whitespace() && c != '\n' && c != '\r' && c != '\t' => " ",
        _ => "",
    };
    let one = if s.is_empty() { Some(c) } else { None };
    one.into_iter().chain(s.chars())
}

/// The matching key of one word: normalized, with dots, apostrophes and
/// soft hyphens removed ("U.S." → `us`, "Assad’s" → `assads`, "ＵＳＡ" →
/// `usa`).
///
/// ```
/// use corroborate::internal::word_key;
/// assert_eq!(word_key("U.S."), "us");
/// assert_eq!(word_key("ＵＳＡ"), "usa");
/// assert_eq!(word_key("Don’t"), "dont");
/// assert_eq!(word_key("Ångström"), "ångström");
/// ```
pub fn word_key(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    push_word_key(word, &mut out);
    out
}

/// Appends the [`word_key`] of `word` to `out` (no allocation for ASCII
/// words when `out` has room).
pub fn push_word_key(word: &str, out: &mut String) {
    if word.is_ascii() {
        for b in word.bytes() {
            if b != b'.' && b != b'\'' {
                out.push(b.to_ascii_lowercase() as char);
            }
        }
        return;
    }
    for c in word.nfkc() {
        for f in fold_char(c) {
            // NFKC can produce spaces (U+FE72 → " \u{64C}"): keys never hold one
            if f == '.' || f == '\'' || f == '\u{00AD}' || f.is_whitespace() {
                continue;
            }
            out.extend(f.to_lowercase());
        }
    }
}
