use super::refuse;
use super::SAMPLE;
use crate::error::Error;

/// Names a binary or unsupported format by its magic number.
pub(super) fn sniff(bytes: &[u8], ext: &str) -> Option<&'static str> {
    let starts = |m: &[u8]| bytes.starts_with(m);
    let what = if starts(b"%PDF") {
        "a PDF file"
    } else if starts(b"\x89PNG") {
        "a PNG image"
    } else if starts(b"\xFF\xD8\xFF") {
        "a JPEG image"
    } else if starts(b"GIF87a") || starts(b"GIF89a") {
        "a GIF image"
    } else if starts(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        "a WebP image"
    } else if starts(b"\x1F\x8B") {
        "a gzip archive"
    } else if starts(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        match ext {
            "xls" => "an old Excel .xls file",
            "ppt" => "an old PowerPoint .ppt file",
            _ => "a legacy Word .doc file",
        }
    } else if starts(b"{\\rtf") {
        "an RTF document"
    } else {
        return None;
    };
    Some(what)
}

/// UTF-16 without a byte-order mark, `Some(true)` for little endian: tried
/// only when the sample is not UTF-8 text (it holds NUL bytes or invalid
/// UTF-8). Each byte order decodes the sample, and the one whose characters
/// fall in the scripts and punctuation of written text (Latin, Greek,
/// Cyrillic, Arabic, Hebrew, Indic, Thai, CJK, Hangul) wins, when nearly all
/// of them do: a Cyrillic or Chinese text has few NUL bytes, so counting
/// NULs alone misread it.
pub(super) fn bomless_utf16(bytes: &[u8]) -> Option<bool> {
    let sample = bytes.get(..bytes.len().min(SAMPLE) & !1).unwrap_or_default();
    if sample.len() < 8 {
        return None;
    }
    // UTF-8 text, or UTF-8 text with a few stray control bytes (a NUL):
    // UTF-16 has a NUL in every ASCII character (space, newline, digit),
    // and Chinese or Japanese in UTF-16 is rarely valid UTF-8
    let utf8_text = std::str::from_utf8(trim_partial(sample)).is_ok() && {
        let controls = control_bytes(sample);
        !sample.contains(&0) || controls < MIN_BINARY_CONTROLS || controls * MAX_STRAY_SHARE < sample.len()
    };
    if utf8_text {
        return None;
    }
    // (characters, of written text, ASCII): in the wrong byte order an
    // ASCII space or digit becomes U+2000, U+3100…, never ASCII
    let score = |le: bool| {
        let units = sample.chunks_exact(2).map(|p| match p {
            [a, b] if le => u16::from_le_bytes([*a, *b]),
            [a, b] => u16::from_be_bytes([*a, *b]),
            _ => 0,
        });
        let (mut total, mut texty, mut ascii) = (0usize, 0usize, 0usize);
        for c in char::decode_utf16(units) {
            total += 1;
            let Ok(c) = c else { continue };
            texty += usize::from(is_texty(c));
            ascii += usize::from(c.is_ascii() && !c.is_ascii_control() || matches!(c, '\n' | '\r'));
        }
        (total, texty, ascii)
    };
    let (le, be) = (score(true), score(false));
    let plausible = |(total, texty, _): (usize, usize, usize)| texty * 100 >= total * 95;
    let better_le = (le.2, le.1) > (be.2, be.1);
    match (plausible(le), plausible(be)) {
        (true, true) => Some(better_le),
        (true, false) => Some(true),
        (false, true) => Some(false),
        (false, false) => None,
    }
}

/// The sample without a UTF-8 sequence cut at its end.
fn trim_partial(sample: &[u8]) -> &[u8] {
    match std::str::from_utf8(sample) {
        Err(e) if e.error_len().is_none() => sample.get(..e.valid_up_to()).unwrap_or_default(),
        _ => sample,
    }
}

/// A character of written text: whitespace, ASCII, Latin-1 and the common
/// scripts' blocks and punctuation.
fn is_texty(c: char) -> bool {
    let u = c as u32;
    matches!(c, '\t' | '\n' | '\r')
        || (0x20..0x7F).contains(&u)
        || (0xA0..0x0530).contains(&u) // Latin-1, Latin extended, IPA, Greek, Cyrillic, Armenian
        || (0x0590..0x0700).contains(&u) // Hebrew, Arabic
        || (0x0900..0x0E80).contains(&u) // Indic scripts, Thai
        || (0x1E00..0x2070).contains(&u) // Latin and Greek extended, general punctuation
        || (0x20A0..0x20C0).contains(&u) // currency
        || (0x3000..0x3100).contains(&u) // CJK punctuation, kana
        || (0x4E00..0xA000).contains(&u) // CJK ideographs
        || (0xAC00..0xD7A4).contains(&u) // Hangul
        || (0xFF00..0xFFF0).contains(&u) // full-width forms
        || (0x1F000..0x1FB00).contains(&u) // emoji and symbols
}

/// Control bytes other than tab, line feed, form feed and carriage return
/// (NUL among them) in `bytes`.
fn control_bytes(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f).count()
}

/// A UTF-8 sample with fewer than one control byte in this many is UTF-8
/// text with stray bytes, not UTF-16.
const MAX_STRAY_SHARE: usize = 20;

/// Fewest control bytes that can make a file binary: one or two (a NUL
/// left by a broken export, a stray escape) are removed with a warning,
/// however short the text.
const MIN_BINARY_CONTROLS: usize = 3;

/// Binary data rather than text with stray control bytes: control bytes
/// (at least [`MIN_BINARY_CONTROLS`]) make a tenth of the file, or a
/// quarter of its first 8 KB. NUL bytes padding the end of a file (a
/// download or export cut short and zero-filled) are not counted: the text
/// before them is read.
fn is_binary(bytes: &[u8]) -> bool {
    let Some(end) = bytes.iter().rposition(|&b| b != 0).map(|k| k + 1) else {
        // nothing but NUL bytes
        return !bytes.is_empty();
    };
    let bytes = bytes.get(..end).unwrap_or(bytes);
    let sample = bytes.get(..SAMPLE).unwrap_or(bytes);
    let all = control_bytes(bytes);
    let in_sample = control_bytes(sample);
    all >= MIN_BINARY_CONTROLS && all * 10 >= bytes.len()
        || in_sample >= MIN_BINARY_CONTROLS && in_sample * 4 >= sample.len()
}

/// Removes stray control characters from decoded text (a NUL left by a
/// broken export, a form of escape code), saying so: the rest is read.
fn drop_controls(shown: &str, text: String, warnings: &mut Vec<String>) -> String {
    let stray = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c') && (c as u32) < 0x80;
    // the stray characters are ASCII controls (C0 but tab, line feed,
    // carriage return and form feed; DEL): counting bytes finds them as
    // well, several times faster on a large page
    let n = text.bytes().filter(|&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f).count();
    if n == 0 {
        return text;
    }
    warnings.push(format!("{shown} has stray control characters: {} removed", plural(n, "character", "characters")));
    text.chars().filter(|&c| !stray(c)).collect()
}

fn binary(shown: &str) -> Error {
    refuse(shown, "a binary file, not text")
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one} was")
    } else {
        format!("{n} {many} were")
    }
}

pub(super) fn utf8(shown: &str, bytes: &[u8], warnings: &mut Vec<String>) -> Result<String, Error> {
    if is_binary(bytes) {
        return Err(binary(shown));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            let mut text = String::with_capacity(bytes.len() + 16);
            let mut bad = 0;
            for chunk in bytes.utf8_chunks() {
                text.push_str(chunk.valid());
                if !chunk.invalid().is_empty() {
                    bad += chunk.invalid().len();
                    text.push('\u{FFFD}');
                }
            }
            warnings.push(format!(
                "{shown} is not valid UTF-8: {} replaced with \u{FFFD}",
                plural(bad, "undecodable byte", "undecodable bytes")
            ));
            text
        }
    };
    Ok(drop_controls(shown, text, warnings))
}

pub(super) fn utf16(shown: &str, bytes: &[u8], le: bool, warnings: &mut Vec<String>) -> Result<String, Error> {
    let units = bytes.chunks_exact(2).filter_map(|p| <[u8; 2]>::try_from(p).ok()).map(|p| {
        if le {
            u16::from_le_bytes(p)
        } else {
            u16::from_be_bytes(p)
        }
    });
    let mut text = String::with_capacity(bytes.len());
    let mut bad = 0;
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => text.push(c),
            Err(_) => {
                bad += 1;
                text.push('\u{FFFD}');
            }
        }
    }
    if bytes.len() % 2 == 1 {
        bad += 1;
        text.push('\u{FFFD}');
    }
    let controls = text.chars().filter(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c')).count();
    if controls >= MIN_BINARY_CONTROLS && controls * 10 >= text.chars().count().max(1) {
        return Err(binary(shown));
    }
    let text = drop_controls(shown, text, warnings);
    if bad > 0 {
        warnings.push(format!(
            "{shown} is not valid UTF-16: {} replaced with \u{FFFD}",
            plural(bad, "undecodable unit", "undecodable units")
        ));
    }
    Ok(text)
}

// ---------------------------------------------------------------- detection

fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.as_bytes().get(..prefix.len()).is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// Skips whitespace, a BOM, an XML declaration and comments.
fn skip_prolog(mut s: &str) -> &str {
    loop {
        s = s.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
        if s.starts_with("<?") {
            s = s.find("?>").and_then(|k| s.get(k + 2..)).unwrap_or("");
        } else if s.starts_with("<!--") {
            s = s.get(4..).and_then(|r| r.find("-->").and_then(|k| r.get(k + 3..))).unwrap_or("");
        } else {
            return s;
        }
    }
}

/// Whether the tag `<name` starts `s`, followed by whitespace, `>` or `/`.
fn starts_with_tag(s: &str, name: &str) -> bool {
    starts_with_ci(s, name) && s.as_bytes().get(name.len()).is_none_or(|b| b.is_ascii_whitespace() || b"/>".contains(b))
}

/// A whole HTML document: a doctype or an `<html>` tag comes first.
pub(super) fn is_html_document(text: &str) -> bool {
    let s = skip_prolog(text);
    starts_with_ci(s, "<!doctype html") || starts_with_tag(s, "<html")
}

/// HTML without the document wrapper: starts with `<head` or `<body`, or
/// with a tag and has several block tags.
pub(super) fn is_html_fragment(text: &str) -> bool {
    let s = skip_prolog(text);
    if starts_with_tag(s, "<head") || starts_with_tag(s, "<body") {
        return true;
    }
    if !s.starts_with('<') {
        return false;
    }
    let head = s.as_bytes().get(..65536).unwrap_or(s.as_bytes());
    let mut blocks = 0;
    for (k, _) in head.iter().enumerate().filter(|(_, b)| **b == b'<') {
        let rest = s.get(k + 1..).unwrap_or("");
        let name: String =
            rest.chars().take(11).take_while(char::is_ascii_alphanumeric).collect::<String>().to_ascii_lowercase();
        if matches!(
            name.as_str(),
            "p" | "div"
                | "br"
                | "h1"
                | "h2"
                | "h3"
                | "h4"
                | "h5"
                | "h6"
                | "li"
                | "ul"
                | "ol"
                | "table"
                | "article"
                | "section"
                | "blockquote"
                | "main"
        ) {
            blocks += 1;
            if blocks >= 3 {
                return true;
            }
        }
    }
    false
}
