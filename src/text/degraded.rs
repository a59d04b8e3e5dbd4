use super::slice;
use super::Degradation;
use std::ops::Range;

pub(super) fn degradation(text: &str, body: &[Range<usize>]) -> Degradation {
    let (mut letters, mut upper, mut digits, mut stops, mut words) = (0usize, 0usize, 0usize, 0usize, 0usize);
    for r in body {
        let s = slice(text, r);
        words += s.split_ascii_whitespace().count();
        if s.is_ascii() {
            for b in s.bytes() {
                match b {
                    b'a'..=b'z' => letters += 1,
                    b'A'..=b'Z' => {
                        letters += 1;
                        upper += 1;
                    }
                    b'0'..=b'9' => digits += 1,
                    b'.' | b'!' | b'?' => stops += 1,
                    _ => {}
                }
            }
            continue;
        }
        for c in s.chars() {
            if c.is_alphabetic() {
                letters += 1;
                if c.is_uppercase() {
                    upper += 1;
                }
            } else if c.is_ascii_digit() {
                digits += 1;
            } else if matches!(c, '.' | '!' | '?' | '。' | '！' | '？' | '؟') {
                stops += 1;
            }
        }
    }
    // Scripts without case (CJK, Arabic) never count as lowercased.
    let cased =
        if text.is_ascii() { letters } else { text.chars().filter(|c| c.is_lowercase() || c.is_uppercase()).count() };
    let lowercase = letters >= 40 && cased * 2 >= letters && upper == 0;
    let no_punctuation = words >= 40 && stops == 0;
    let degraded = lowercase || no_punctuation;
    Degradation { lowercase, no_punctuation, no_digits: degraded && digits == 0 }
}
