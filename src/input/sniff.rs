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

/// UTF-16 without a byte-order mark: in the sample, three quarters or more
/// of the bytes at one parity are NUL and almost none at the other. `Some(true)` for little
/// endian.
pub(super) fn bomless_utf16(bytes: &[u8]) -> Option<bool> {
    let sample = bytes.get(..bytes.len().min(SAMPLE) & !1).unwrap_or_default();
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let (mut even, mut odd) = (0, 0);
    for p in sample.chunks_exact(2) {
        if let [e, o] = p {
            even += usize::from(*e == 0);
            odd += usize::from(*o == 0);
        }
    }
    if odd * 4 >= pairs * 3 && even * 10 <= pairs {
        Some(true)
    } else if even * 4 >= pairs * 3 && odd * 10 <= pairs {
        Some(false)
    } else {
        None
    }
}

/// Control characters other than tab, line feed, form feed and carriage
/// return: binary data when they are a quarter of the sample or more.
fn mostly_control(chars: impl Iterator<Item = char>) -> bool {
    let (mut total, mut control) = (0usize, 0usize);
    for c in chars.take(SAMPLE) {
        total += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c') && (c as u32) < 0x80 {
            control += 1;
        }
    }
    total > 0 && control * 4 >= total
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
    let sample = bytes.get(..SAMPLE).unwrap_or(bytes);
    if sample.contains(&0) || mostly_control(sample.iter().map(|&b| char::from(b))) {
        return Err(binary(shown));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
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
            Ok(text)
        }
    }
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
    if text.contains('\0') || mostly_control(text.chars()) {
        return Err(binary(shown));
    }
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
