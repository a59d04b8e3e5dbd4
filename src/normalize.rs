//! Normalization with an alignment back to the original text.
//!
//! The model is `NormalizedString` of huggingface/tokenizers: the original
//! text is never changed; the normalized text carries, for every one of its
//! bytes, the byte range of the original character it came from. Whatever is
//! found on the normalized text (a lexicon match, an entity) is reported with
//! [`NormalizedString::original_span`] as a span of what the user pasted.
//!
//! Normalization, in order: Unicode NFKC (per character with its combining
//! marks), then typographic folding (curly quotes → straight, dashes →
//! `-`, ellipsis → `...`, every kind of space → one space), then lowercase.

use std::ops::Range;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::UnicodeNormalization;

/// A text normalized for matching, aligned to its original.
///
/// ```
/// use corroborate::normalize::NormalizedString;
/// let original = "The “U.S.” — ﬁne";
/// let n = NormalizedString::new(original);
/// assert_eq!(n.normalized(), "the \"u.s.\" - fine");
/// let at = n.normalized().find("fine").unwrap();
/// let span = n.original_span(at..at + 4).unwrap();
/// assert_eq!(&original[span], "ﬁne"); // the ligature maps back whole
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NormalizedString<'a> {
    original: &'a str,
    normalized: String,
    /// For each byte of `normalized`, the original byte range it came from.
    align: Vec<(u32, u32)>,
}

impl<'a> NormalizedString<'a> {
    /// Normalizes `original` for matching.
    pub fn new(original: &'a str) -> NormalizedString<'a> {
        let mut normalized = String::with_capacity(original.len());
        let mut align = Vec::with_capacity(original.len());
        let mut buf = String::new();
        let mut chars = original.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            // a character with its following combining marks normalizes as one
            let mut end = start + c.len_utf8();
            while let Some(&(i, m)) = chars.peek() {
                if canonical_combining_class(m) == 0 {
                    break;
                }
                end = i + m.len_utf8();
                chars.next();
            }
            // `start` and `end` come from `char_indices`: character boundaries
            let chunk = original.get(start..end).unwrap_or_default();
            buf.clear();
            if chunk.is_ascii() {
                buf.push_str(chunk);
            } else {
                buf.extend(chunk.nfkc());
            }
            for n in buf.chars() {
                for folded in fold_char(n) {
                    for lower in folded.to_lowercase() {
                        let before = normalized.len();
                        normalized.push(lower);
                        for _ in before..normalized.len() {
                            align.push((start as u32, end as u32));
                        }
                    }
                }
            }
        }
        NormalizedString { original, normalized, align }
    }

    /// The text as the user gave it.
    pub fn original(&self) -> &'a str {
        self.original
    }

    /// The normalized text.
    pub fn normalized(&self) -> &str {
        &self.normalized
    }

    /// Maps a byte range of the normalized text to the smallest byte range
    /// of the original that produced it. `None` when the range is out of
    /// bounds; an empty range maps to an empty range at its position.
    pub fn original_span(&self, range: Range<usize>) -> Option<Range<usize>> {
        if range.start > range.end || range.end > self.normalized.len() {
            return None;
        }
        if range.is_empty() {
            let at = match self.align.get(range.start) {
                Some(&(s, _)) => s as usize,
                None => self.original.len(),
            };
            return Some(at..at);
        }
        let first = self.align.get(range.start)?;
        let last = self.align.get(range.end - 1)?;
        Some(first.0 as usize..last.1 as usize)
    }
}

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
/// use corroborate::normalize::word_key;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalization_table() {
        // (original, normalized)
        let cases = [
            ("Plain ASCII", "plain ascii"),
            ("“quoted” ‘single’", "\"quoted\" 'single'"),
            ("a—b–c", "a-b-c"),
            ("wait…", "wait..."),
            ("non\u{00A0}breaking\u{2009}thin", "non breaking thin"),
            ("ＵＳＡ", "usa"),
            ("ﬁnal", "final"),
            ("e\u{0301}", "é"),
            ("İstanbul", "i̇stanbul"),
            ("日本語", "日本語"),
            ("🙂 ok", "🙂 ok"),
        ];
        for (orig, want) in cases {
            assert_eq!(NormalizedString::new(orig).normalized(), want, "{orig:?}");
        }
    }

    #[test]
    fn spans_map_back_to_whole_original_characters() {
        let original = "x “ﬁne” e\u{0301}t…";
        let n = NormalizedString::new(original);
        // (normalized needle, original text it must map to)
        let cases = [("\"fine\"", "“ﬁne”"), ("fi", "ﬁ"), ("é", "e\u{0301}"), ("...", "…"), ("x", "x")];
        for (needle, want) in cases {
            let at = n.normalized().find(needle).unwrap();
            let span = n.original_span(at..at + needle.len()).unwrap();
            assert_eq!(&original[span], want, "{needle}");
        }
        assert_eq!(n.original_span(0..0), Some(0..0));
        assert_eq!(n.original_span(0..1000), None);
    }
}
