//! Reading what the user drops or names: plain text (UTF-8 or UTF-16), HTML
//! pages, Markdown and Word `.docx`, each turned into the article's text.
//!
//! [`read`] looks at the content first (magic numbers, byte-order marks,
//! NUL and control bytes) and at the file name second; binary and
//! unsupported files are refused with an [`ErrorKind::Unreadable`] error
//! whose message names the file and says what Corroborate reads.
//! [`html_to_text`] and [`markdown_to_text`] can also be used on their own.
//!
//! Everything here is plain text processing: nothing in a file is run,
//! fetched or rendered. The HTML scanner is hand-written (a regex engine
//! would add hundreds of kilobytes to the shipped wasm) and tolerant: it
//! never fails and never panics, whatever the markup.

use crate::{Error, ErrorKind};
use serde::Serialize;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::io::Read;

/// What Corroborate reads, for the messages of refused files.
const SUPPORTED: &str = "Corroborate reads plain text, HTML, Markdown and Word .docx";
/// The advice at the end of the message of a refused file.
const PASTE: &str = "copy the article text and paste it instead";
/// The most a `.docx`'s text part (`word/document.xml`) may unpack to.
const MAX_DOCX_XML: u64 = 50 * 1024 * 1024;
/// How much of the start of a file the binary checks look at.
const SAMPLE: usize = 8192;

/// What a file turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text (UTF-8, or UTF-16 with a byte-order mark).
    Text,
    /// An HTML page or fragment, converted by [`html_to_text`].
    Html,
    /// Markdown, converted by [`markdown_to_text`].
    Markdown,
    /// A Word `.docx` document.
    Docx,
}

impl Format {
    /// The lowercase name used in JSON: `"text"`, `"html"`, `"markdown"` or
    /// `"docx"`.
    ///
    /// ```
    /// assert_eq!(corroborate::input::Format::Markdown.as_str(), "markdown");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Markdown => "markdown",
            Format::Docx => "docx",
        }
    }
}

/// A file's article text, what the file was, and what the reader had to
/// repair on the way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decoded {
    /// The text to analyze.
    pub text: String,
    /// What the file turned out to be.
    pub format: Format,
    /// Problems worth telling the user, each naming the file (for example
    /// undecodable bytes that were replaced).
    pub warnings: Vec<String>,
}

/// Detects the format by content and file name and returns the article text.
///
/// `name` is the file name as the user gave it (any path is fine; only the
/// extension is used to decide, and the whole name appears verbatim in
/// messages). The content decides first: a ZIP holding `word/document.xml`
/// is a `.docx` whatever its name, a PDF or image is refused whatever its
/// name. Then `.html`/`.htm`/`.xhtml` is HTML, `.md`/`.markdown` is Markdown,
/// a `.txt` or extension-less file is HTML only when it is a whole HTML
/// document (`<!doctype html` or `<html` first), and anything else is
/// plain text.
///
/// # Errors
///
/// [`ErrorKind::Unreadable`] for binary and unsupported files (PDF, images,
/// archives, legacy `.doc`, RTF, anything with NUL bytes) and damaged
/// `.docx` files; [`ErrorKind::TooLarge`] for a `.docx` whose text unpacks
/// to more than 50 MB.
///
/// # Example
///
/// ```
/// use corroborate::input::{read, Format};
/// let page = b"<!doctype html><title>Port news</title><h1>Crane collapses</h1><p>Four dock workers died.</p>";
/// let d = read(Some("story.html"), page)?;
/// assert_eq!(d.format, Format::Html);
/// assert_eq!(d.text, "Crane collapses\n\nFour dock workers died.");
///
/// let err = read(Some("scan.pdf"), b"%PDF-1.7 ...").unwrap_err();
/// assert_eq!(err.kind(), corroborate::ErrorKind::Unreadable);
/// assert!(err.message().starts_with("scan.pdf is a PDF file"));
/// # Ok::<(), corroborate::Error>(())
/// ```
pub fn read(name: Option<&str>, bytes: &[u8]) -> Result<Decoded, Error> {
    read_limited(name, bytes, MAX_DOCX_XML)
}

fn read_limited(name: Option<&str>, bytes: &[u8], docx_limit: u64) -> Result<Decoded, Error> {
    let shown = name.filter(|n| !n.is_empty()).unwrap_or("the input");
    let ext = name.map(extension).unwrap_or_default();

    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") || bytes.starts_with(b"PK\x07\x08") {
        return read_zip(shown, &ext, bytes, docx_limit);
    }
    if ext == "docx" {
        return Err(not_word(shown, "it is not a ZIP archive, as every .docx is"));
    }
    if let Some(what) = sniff(bytes, &ext) {
        return Err(refuse(shown, what));
    }

    let mut warnings = Vec::new();
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        utf8(shown, rest, &mut warnings)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(shown, rest, true, &mut warnings)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(shown, rest, false, &mut warnings)?
    } else if let Some(le) = bomless_utf16(bytes) {
        utf16(shown, bytes, le, &mut warnings)?
    } else {
        utf8(shown, bytes, &mut warnings)?
    };

    let format = match ext.as_str() {
        "html" | "htm" | "xhtml" => Format::Html,
        "md" | "markdown" => Format::Markdown,
        "txt" | "text" | "" if is_html_document(&text) => Format::Html,
        "txt" | "text" | "" => Format::Text,
        _ if is_html_document(&text) || is_html_fragment(&text) => Format::Html,
        _ => Format::Text,
    };
    let text = match format {
        Format::Html => html_to_text(&text),
        Format::Markdown => markdown_to_text(&text),
        Format::Text | Format::Docx => text,
    };
    if format == Format::Html && text.is_empty() && !bytes.is_empty() {
        warnings.push(format!("{shown} has no article text: only markup, scripts or page navigation"));
    }
    Ok(Decoded { text, format, warnings })
}

/// The lowercase extension of the last path component, "" when none.
fn extension(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match base.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.to_ascii_lowercase(),
        _ => String::new(),
    }
}

fn refuse(shown: &str, what: &str) -> Error {
    let advice = if what.contains(".doc ") || what.contains("OpenDocument") {
        "save it as .docx, or copy the article text and paste it instead"
    } else {
        PASTE
    };
    Error::new(ErrorKind::Unreadable, format!("{shown} is {what}: {SUPPORTED}; {advice}"))
}

fn not_word(shown: &str, why: &str) -> Error {
    Error::new(ErrorKind::Unreadable, format!("{shown} is not a readable Word file: {why}"))
}

/// Names a binary or unsupported format by its magic number.
fn sniff(bytes: &[u8], ext: &str) -> Option<&'static str> {
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
fn bomless_utf16(bytes: &[u8]) -> Option<bool> {
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

fn utf8(shown: &str, bytes: &[u8], warnings: &mut Vec<String>) -> Result<String, Error> {
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

fn utf16(shown: &str, bytes: &[u8], le: bool, warnings: &mut Vec<String>) -> Result<String, Error> {
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
fn is_html_document(text: &str) -> bool {
    let s = skip_prolog(text);
    starts_with_ci(s, "<!doctype html") || starts_with_tag(s, "<html")
}

/// HTML without the document wrapper: starts with `<head` or `<body`, or
/// with a tag and has several block tags.
fn is_html_fragment(text: &str) -> bool {
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

// --------------------------------------------------------------------- HTML

/// Elements whose content is raw text up to their end tag (never markup),
/// all dropped except `title`.
const RAW_TEXT: &[&str] = &["script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript"];
/// Elements dropped with everything inside them.
const DROPPED: &[&str] = &[
    "template",
    "svg",
    "canvas",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "figcaption",
    "object",
    "audio",
    "video",
    "math",
    "dialog",
];
/// Elements that start and end a paragraph.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "legend",
    "li",
    "main",
    "menu",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Sep {
    None,
    Space,
    Tab,
    Line,
    Para,
}

/// Text output with collapsed whitespace: separators are held back until
/// the next visible character and the strongest one wins.
struct Out {
    text: String,
    pending: Sep,
}

impl Out {
    fn new() -> Out {
        Out { text: String::new(), pending: Sep::None }
    }

    fn sep(&mut self, s: Sep) {
        self.pending = self.pending.max(s);
    }

    fn flush(&mut self) {
        if self.pending >= Sep::Line {
            // spaces kept in `<pre>` may sit between two breaks: the
            // strongest break wins over all of them
            let kept = self.text.trim_end_matches([' ', '\t', '\n']).len();
            if self.text.get(kept..).unwrap_or_default().matches('\n').count() >= 2 {
                self.pending = Sep::Para;
            }
            self.text.truncate(kept);
        }
        if !self.text.is_empty() {
            self.text.push_str(match self.pending {
                Sep::None => "",
                Sep::Space => " ",
                Sep::Tab => "\t",
                Sep::Line => "\n",
                Sep::Para => "\n\n",
            });
        }
        self.pending = Sep::None;
    }

    /// A line break; a second one in a row makes a paragraph break.
    fn line_break(&mut self) {
        self.sep(if self.pending >= Sep::Line { Sep::Para } else { Sep::Line });
    }

    /// Appends text, collapsing whitespace; inside `<pre>` spaces are kept
    /// and line feeds are line breaks. Returns whether something visible
    /// was written.
    fn push(&mut self, s: &str, pre: bool) -> bool {
        let mut wrote = false;
        for c in s.chars() {
            match c {
                '\u{AD}' => {}
                '\r' if pre => {}
                '\n' if pre => self.line_break(),
                ' ' | '\t' if pre => {
                    self.flush();
                    self.text.push(c);
                }
                ' ' | '\t' | '\n' | '\r' | '\x0c' | '\u{A0}' => self.sep(Sep::Space),
                _ => {
                    self.flush();
                    self.text.push(c);
                    wrote = true;
                }
            }
        }
        wrote
    }
}

/// One piece of markup at a `<`.
enum Markup {
    Start {
        name: String,
        self_closing: bool,
    },
    End {
        name: String,
    },
    /// Comment, doctype, processing instruction.
    Other,
}

/// Parses the markup starting at `b[i] == b'<'`: `None` when the `<` is
/// text, else the markup and the index just past it (the end of input for
/// an unterminated tag or comment).
fn markup_at(b: &[u8], i: usize) -> Option<(Markup, usize)> {
    let n = b.len();
    let next = *b.get(i + 1)?;
    if next == b'!' {
        if b.get(i + 2..i + 4) == Some(b"--") {
            let end = find(b, i + 2, b"-->").map_or(n, |k| k + 3);
            return Some((Markup::Other, end));
        }
        return Some((Markup::Other, memchr(b, i + 2, b'>').map_or(n, |k| k + 1)));
    }
    if next == b'?' {
        return Some((Markup::Other, memchr(b, i + 2, b'>').map_or(n, |k| k + 1)));
    }
    let (end_tag, start) = if next == b'/' { (true, i + 2) } else { (false, i + 1) };
    match b.get(start) {
        Some(c) if c.is_ascii_alphabetic() => {}
        // `</>` is dropped, `</ x>` is a bogus comment
        Some(_) if end_tag => return Some((Markup::Other, memchr(b, start, b'>').map_or(n, |k| k + 1))),
        _ => return None,
    }
    let mut k = start;
    while b.get(k).is_some_and(|c| !c.is_ascii_whitespace() && *c != b'/' && *c != b'>') {
        k += 1;
    }
    let name = String::from_utf8_lossy(b.get(start..k).unwrap_or_default()).to_ascii_lowercase();
    let (end, self_closing) = match tag_end(b, k) {
        // unterminated (a stray quote): end at the next `>`, else the `<` is text
        (end, _) if end >= n => (memchr(b, k, b'>')? + 1, false),
        found => found,
    };
    Some((if end_tag { Markup::End { name } } else { Markup::Start { name, self_closing } }, end))
}

/// Scans attributes from `i` to the tag's `>`, honouring quoted values
/// (which may contain `>`). Returns the index past `>` (or the end of
/// input) and whether the tag ended with `/>`.
fn tag_end(b: &[u8], mut i: usize) -> (usize, bool) {
    let n = b.len();
    let mut slash = false;
    loop {
        while let Some(&c) = b.get(i).filter(|c| c.is_ascii_whitespace() || **c == b'/') {
            slash = c == b'/';
            i += 1;
        }
        let Some(&c) = b.get(i) else {
            return (n, false);
        };
        if c == b'>' {
            return (i + 1, slash);
        }
        slash = false;
        // attribute name (its first character may be anything, even `=`)
        i += 1;
        while b.get(i).is_some_and(|c| !c.is_ascii_whitespace() && !b"/>=".contains(c)) {
            i += 1;
        }
        while b.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        if b.get(i) == Some(&b'=') {
            i += 1;
            while b.get(i).is_some_and(u8::is_ascii_whitespace) {
                i += 1;
            }
            match b.get(i) {
                Some(&q) if q == b'"' || q == b'\'' => i = memchr(b, i + 1, q).map_or(n, |k| k + 1),
                _ => {
                    while b.get(i).is_some_and(|c| !c.is_ascii_whitespace() && *c != b'>') {
                        i += 1;
                    }
                }
            }
        }
    }
}

fn memchr(b: &[u8], from: usize, c: u8) -> Option<usize> {
    b.get(from..)?.iter().position(|&x| x == c).map(|k| k + from)
}

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    b.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|k| k + from)
}

/// Finds `</name` (ASCII case-insensitive) from `from`.
fn find_end_tag(b: &[u8], from: usize, name: &str) -> Option<usize> {
    let name = name.as_bytes();
    let mut k = from;
    while let Some(p) = find(b, k, b"</") {
        let rest = b.get(p + 2..p + 2 + name.len());
        let after = b.get(p + 2 + name.len());
        if rest.is_some_and(|r| r.eq_ignore_ascii_case(name))
            && after.is_none_or(|c| c.is_ascii_whitespace() || *c == b'>' || *c == b'/')
        {
            return Some(p);
        }
        k = p + 2;
    }
    None
}

/// Converts HTML source to text.
///
/// Drops scripts, styles, comments and page chrome (`nav`, `header` outside
/// an `article`, `footer`, `aside`, forms, buttons, `figcaption`, `svg`, …);
/// block elements become paragraphs separated by a blank line, `<br>` a line
/// break, table cells tabs; other whitespace is collapsed to one space
/// (kept inside `<pre>`). Character references are decoded: every numeric
/// one and about 150 named ones (unknown names are left as they are). The
/// `<title>` becomes the first line when no `<h1>` has text. Never fails on
/// malformed markup: unclosed tags, a `<` in text, unterminated comments,
/// quoted attributes holding `>`.
///
/// # Example
///
/// ```
/// use corroborate::input::html_to_text;
/// let html = r#"<nav>Home | World</nav>
///   <article><h1>Crane collapse</h1>
///   <p>Four workers&nbsp;died, the <a href="/ha?x=1&amp;y=2">Harbor Authority</a> said.<br>More to come.</p>
///   <script>track("a < b")</script><p>&#8220;Terrible,&#8221; she said &mdash; twice.</p></article>"#;
/// assert_eq!(
///     html_to_text(html),
///     "Crane collapse\n\nFour workers died, the Harbor Authority said.\nMore to come.\n\n“Terrible,” she said — twice."
/// );
/// ```
pub fn html_to_text(html: &str) -> String {
    let b = html.as_bytes();
    let n = b.len();
    let mut out = Out::new();
    // open dropped elements (indices into DROPPED), and how many of each
    let mut dropped: Vec<usize> = Vec::new();
    let mut open_dropped = [0usize; DROPPED.len()];
    let (mut pre, mut h1, mut article) = (0usize, 0usize, 0usize);
    let mut has_h1 = false;
    let mut title: Option<String> = None;
    // past the last `>`, no tag can end: every `<` there is text
    let last_gt = b.iter().rposition(|c| *c == b'>');
    let (mut i, mut text_from) = (0, 0);
    while i < n {
        if b.get(i) != Some(&b'<') {
            i += 1;
            continue;
        }
        let markup =
            if last_gt.is_some_and(|g| g > i) || b.get(i + 1..i + 4) == Some(b"!--") { markup_at(b, i) } else { None };
        let Some((markup, end)) = markup else {
            i += 1;
            continue;
        };
        if dropped.is_empty() {
            if let Some(text) = html.get(text_from..i) {
                has_h1 |= out.push(&decode_entities(text), pre > 0) && h1 > 0;
            }
        }
        i = end;
        text_from = end;
        match markup {
            Markup::Other => {}
            Markup::Start { name, self_closing } => {
                if RAW_TEXT.contains(&name.as_str()) {
                    let close = find_end_tag(b, i, &name).unwrap_or(n);
                    if name == "title" && title.is_none() && dropped.is_empty() {
                        let mut t = Out::new();
                        t.push(&decode_entities(html.get(i..close).unwrap_or("")), false);
                        title = Some(t.text);
                    }
                    i = close;
                    text_from = close;
                    continue;
                }
                if let Some(d) = DROPPED.iter().position(|x| *x == name) {
                    if !(name == "header" && article > 0) {
                        if !self_closing {
                            dropped.push(d);
                            if let Some(c) = open_dropped.get_mut(d) {
                                *c += 1;
                            }
                        }
                        out.sep(Sep::Para);
                        continue;
                    }
                }
                match name.as_str() {
                    "br" => out.line_break(),
                    "td" | "th" => out.sep(Sep::Tab),
                    "pre" => pre += 1,
                    "h1" => h1 += 1,
                    "article" | "main" => article += 1,
                    _ => {}
                }
                if BLOCKS.contains(&name.as_str()) {
                    out.sep(Sep::Para);
                }
            }
            Markup::End { name } => {
                // closes the innermost open one and whatever is open inside it
                let d = DROPPED.iter().position(|x| *x == name);
                if let Some(k) = d
                    .filter(|d| open_dropped.get(*d).is_some_and(|c| *c > 0))
                    .and_then(|d| dropped.iter().rposition(|x| *x == d))
                {
                    for x in dropped.drain(k..) {
                        if let Some(c) = open_dropped.get_mut(x) {
                            *c -= 1;
                        }
                    }
                    continue;
                }
                match name.as_str() {
                    "br" => out.line_break(),
                    "td" | "th" => out.sep(Sep::Tab),
                    "pre" => pre = pre.saturating_sub(1),
                    "h1" => h1 = h1.saturating_sub(1),
                    "article" | "main" => article = article.saturating_sub(1),
                    _ => {}
                }
                if BLOCKS.contains(&name.as_str()) {
                    out.sep(Sep::Para);
                }
            }
        }
    }
    if dropped.is_empty() {
        if let Some(text) = html.get(text_from..) {
            has_h1 |= out.push(&decode_entities(text), pre > 0) && h1 > 0;
        }
    }
    let mut text = out.text;
    text.truncate(text.trim_end().len());
    match title {
        Some(t) if !has_h1 && !t.is_empty() && text.is_empty() => t,
        Some(t) if !has_h1 && !t.is_empty() => format!("{t}\n\n{text}"),
        _ => text,
    }
}

// ----------------------------------------------------------------- entities

/// The names of U+00A0 to U+00FF, in order.
const LATIN1: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo", "not", "shy",
    "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot", "cedil", "sup1", "ordm",
    "raquo", "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig",
    "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve",
    "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN",
    "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil", "egrave", "eacute", "ecirc",
    "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml",
    "divide", "oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml",
];

/// Other common named references.
const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("mdash", '—'),
    ("ndash", '–'),
    ("hellip", '…'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("bull", '•'),
    ("prime", '′'),
    ("Prime", '″'),
    ("dagger", '†'),
    ("Dagger", '‡'),
    ("permil", '‰'),
    ("trade", '™'),
    ("euro", '€'),
    ("minus", '−'),
    ("thinsp", '\u{2009}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("zwnj", '\u{200C}'),
    ("zwj", '\u{200D}'),
    ("lrm", '\u{200E}'),
    ("rlm", '\u{200F}'),
    ("OElig", 'Œ'),
    ("oelig", 'œ'),
    ("Scaron", 'Š'),
    ("scaron", 'š'),
    ("Zcaron", 'Ž'),
    ("zcaron", 'ž'),
    ("Yuml", 'Ÿ'),
    ("fnof", 'ƒ'),
    ("circ", 'ˆ'),
    ("tilde", '˜'),
    ("larr", '←'),
    ("rarr", '→'),
    ("uarr", '↑'),
    ("darr", '↓'),
    ("harr", '↔'),
    ("le", '≤'),
    ("ge", '≥'),
    ("ne", '≠'),
    ("asymp", '≈'),
    ("infin", '∞'),
    ("alpha", 'α'),
    ("beta", 'β'),
    ("gamma", 'γ'),
    ("delta", 'δ'),
    ("mu", 'μ'),
    ("pi", 'π'),
    ("sigma", 'σ'),
    ("omega", 'ω'),
    ("Delta", 'Δ'),
    ("Omega", 'Ω'),
    ("hyphen", '‐'),
];

/// Windows-1252 for references to C1 control codes (`&#146;` is ’), as
/// browsers read them.
const CP1252: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}', '\u{90}', '‘', '’',
    '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

fn named_entity(name: &str) -> Option<char> {
    if let Some(k) = LATIN1.iter().position(|n| *n == name) {
        return char::from_u32(0xA0 + k as u32);
    }
    NAMED.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

/// Decodes the character reference at the start of `s` (which starts with
/// `&`): the character and the bytes it took. `None` for an unknown name or
/// a bare `&`.
fn entity_at(s: &str) -> Option<(char, usize)> {
    let b = s.as_bytes();
    if b.get(1) == Some(&b'#') {
        let hex = matches!(b.get(2), Some(b'x' | b'X'));
        let start = if hex { 3 } else { 2 };
        let mut k = start;
        let mut value: u32 = 0;
        while let Some(d) = b.get(k).and_then(|c| char::from(*c).to_digit(if hex { 16 } else { 10 })) {
            value = value.saturating_mul(if hex { 16 } else { 10 }).saturating_add(d);
            k += 1;
        }
        if k == start {
            return None;
        }
        if b.get(k) == Some(&b';') {
            k += 1;
        }
        let c = match value {
            0x80..=0x9F => CP1252.get((value - 0x80) as usize).copied().unwrap_or('\u{FFFD}'),
            0 => '\u{FFFD}',
            v => char::from_u32(v).unwrap_or('\u{FFFD}'),
        };
        return Some((c, k));
    }
    let len = b.iter().skip(1).take(33).take_while(|c| c.is_ascii_alphanumeric()).count();
    if len == 0 || b.get(1 + len) != Some(&b';') {
        return None;
    }
    s.get(1..1 + len).and_then(named_entity).map(|c| (c, len + 2))
}

/// Decodes every character reference in `s`.
fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some((before, at_amp)) = rest.find('&').and_then(|k| rest.split_at_checked(k)) {
        out.push_str(before);
        // a known reference, else the `&` itself (one byte)
        let (c, len) = entity_at(at_amp).unwrap_or(('&', 1));
        out.push(c);
        rest = at_amp.get(len..).unwrap_or_default();
    }
    out.push_str(rest);
    Cow::Owned(out)
}

// ----------------------------------------------------------------- Markdown

/// Block-level HTML tags that start an HTML block in Markdown.
const MD_HTML_BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "center",
    "details",
    "dialog",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "iframe",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "section",
    "table",
    "ul",
    "video",
    "audio",
    "picture",
    "svg",
    "noscript",
];

/// Converts Markdown to text.
///
/// Drops the markup and keeps the words: heading markers, emphasis
/// (`*`, `_`, `**`, `~~`), code backticks, link targets (`[text](url)`
/// keeps "text"), images, reference definitions, list bullets and numbers,
/// blockquote `>`, horizontal rules and YAML front matter (whose `title:`
/// becomes the first line when there is no `#` heading). HTML blocks go
/// through [`html_to_text`]. Paragraphs are separated by a blank line;
/// wrapped lines inside one are joined with a space; list items and table
/// rows stay one per line.
///
/// # Example
///
/// ```
/// use corroborate::input::markdown_to_text;
/// let md = "# Crane *collapses*\n\nFour workers died, the [Harbor Authority](https://example.org)\nsaid on **Monday**.\n\n- one\n- two\n\n![crane](crane.jpg)";
/// assert_eq!(
///     markdown_to_text(md),
///     "Crane collapses\n\nFour workers died, the Harbor Authority said on Monday.\n\none\ntwo"
/// );
/// ```
pub fn markdown_to_text(md: &str) -> String {
    let md = md.strip_prefix('\u{FEFF}').unwrap_or(md);
    let lines: Vec<&str> = md.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).collect();
    let (first, fm_title) = front_matter(&lines);
    let lines = lines.get(first..).unwrap_or(&[]);
    let refs = reference_labels(lines);
    let mut b = MdBlocks { out: Vec::new(), para: String::new(), hard: false, items: Vec::new(), rows: Vec::new() };
    let mut fence: Option<(u8, usize, Vec<&str>)> = None;
    let mut html: Option<(Option<String>, String)> = None;
    let mut has_h1 = false;
    let mut depth_before = 0;
    for raw in lines {
        let (depth, line) = strip_quotes(raw);
        if let Some((ch, len, code)) = &mut fence {
            if is_fence_close(line, *ch, *len) {
                let code = code.join("\n");
                if !code.trim().is_empty() {
                    b.out.push(code);
                }
                fence = None;
            } else {
                code.push(line);
            }
            continue;
        }
        if let Some((until, buf)) = &mut html {
            let done = match until {
                None => line.trim().is_empty(),
                Some(end) => {
                    buf.push('\n');
                    buf.push_str(line);
                    line.to_ascii_lowercase().contains(end.as_str())
                }
            };
            if done {
                let text = html_to_text(buf);
                if !text.is_empty() {
                    b.out.push(text);
                }
                html = None;
            } else if until.is_none() {
                buf.push('\n');
                buf.push_str(line);
            }
            continue;
        }
        let t = line.trim();
        if t.is_empty() {
            b.flush(&refs);
            depth_before = depth;
            continue;
        }
        if depth > depth_before {
            b.flush(&refs);
        }
        depth_before = depth;
        let indent = line.len() - line.trim_start().len();
        let tb = t.as_bytes();
        // `t` is not empty (above)
        let Some(&first) = tb.first() else { continue };
        // fenced code
        if indent < 4 && (t.starts_with("```") || t.starts_with("~~~")) {
            let ch = first;
            let len = tb.iter().take_while(|c| **c == ch).count();
            if ch == b'~' || !t.get(len..).unwrap_or_default().contains('`') {
                b.flush(&refs);
                fence = Some((ch, len, Vec::new()));
                continue;
            }
        }
        // HTML block
        if indent < 4 && t.starts_with('<') {
            if let Some(until) = html_block_start(t) {
                b.flush(&refs);
                let closed = until.as_ref().is_some_and(|end| t.to_ascii_lowercase().contains(end.as_str()));
                if closed {
                    let text = html_to_text(t);
                    if !text.is_empty() {
                        b.out.push(text);
                    }
                } else {
                    html = Some((until, t.to_string()));
                }
                continue;
            }
        }
        // ATX heading
        if indent < 4 && first == b'#' {
            let level = tb.iter().take_while(|c| **c == b'#').count();
            if level <= 6 && tb.get(level).is_none_or(|c| *c == b' ' || *c == b'\t') {
                b.flush(&refs);
                let mut h = t.get(level..).unwrap_or_default().trim();
                let closing = h.trim_end_matches('#');
                if closing.is_empty() || closing.ends_with([' ', '\t']) {
                    h = closing.trim_end();
                }
                let h = inline(h, &refs);
                if !h.is_empty() {
                    has_h1 |= level == 1;
                    b.out.push(h);
                }
                continue;
            }
        }
        // setext underline
        if indent < 4 && !b.para.is_empty() && (tb.iter().all(|c| *c == b'=') || tb.iter().all(|c| *c == b'-')) {
            has_h1 |= first == b'=';
            b.flush(&refs);
            continue;
        }
        // horizontal rule
        if indent < 4 && matches!(first, b'-' | b'*' | b'_') {
            let ch = first;
            if tb.iter().all(|c| *c == ch || *c == b' ' || *c == b'\t') && tb.iter().filter(|c| **c == ch).count() >= 3
            {
                b.flush(&refs);
                continue;
            }
        }
        // reference definition (footnote definitions keep their text)
        if indent < 4 && first == b'[' {
            if let Some(close) = t.find("]:") {
                let label = t.get(1..close).unwrap_or_default();
                if label.starts_with('^') {
                    b.flush(&refs);
                    b.para.push_str(t.get(close + 2..).unwrap_or_default().trim());
                    continue;
                }
                if close > 1 && !label.contains(['[', ']']) {
                    continue;
                }
            }
        }
        // table rows and delimiter rows
        if t.contains('|') && t.contains('-') && t.bytes().all(|c| b"|-: \t".contains(&c)) {
            continue;
        }
        if first == b'|' {
            if b.rows.is_empty() {
                b.flush(&refs);
            }
            let cells: Vec<String> = split_cells(t).into_iter().map(|c| inline(c, &refs)).collect();
            b.rows.push(cells.join("\t").trim().to_string());
            continue;
        }
        // list item
        if let Some((number, content)) = list_item(line) {
            let interrupts = b.para.is_empty() || number.is_none_or(|n| n == 1);
            if interrupts {
                if b.items.is_empty() {
                    b.flush(&refs);
                }
                b.items.push(strip_task_box(content).to_string());
                continue;
            }
        }
        // paragraph text, or the continuation of a list item
        if let Some(last) = b.items.last_mut() {
            last.push(' ');
            last.push_str(t);
            continue;
        }
        if !b.rows.is_empty() {
            b.flush(&refs);
        }
        if !b.para.is_empty() {
            b.para.push(if b.hard { '\n' } else { ' ' });
        }
        let hard_space = line.ends_with("  ");
        let hard_slash = t.ends_with('\\') && !t.ends_with("\\\\");
        b.hard = hard_space || hard_slash;
        b.para.push_str(if hard_slash { t.strip_suffix('\\').unwrap_or(t) } else { t });
    }
    if let Some((_, _, code)) = fence {
        let code = code.join("\n");
        if !code.trim().is_empty() {
            b.out.push(code);
        }
    }
    if let Some((_, buf)) = html {
        let text = html_to_text(&buf);
        if !text.is_empty() {
            b.out.push(text);
        }
    }
    b.flush(&refs);
    if let Some(t) = fm_title.filter(|t| !has_h1 && !t.is_empty()) {
        b.out.insert(0, t);
    }
    b.out.join("\n\n")
}

/// Blocks of Markdown being assembled.
struct MdBlocks {
    out: Vec<String>,
    /// The current paragraph (raw Markdown, lines joined).
    para: String,
    /// The last paragraph line ended with a hard break.
    hard: bool,
    /// The current list's items (raw Markdown).
    items: Vec<String>,
    /// The current table's rows (converted).
    rows: Vec<String>,
}

impl MdBlocks {
    fn flush(&mut self, refs: &HashSet<String>) {
        if !self.para.is_empty() {
            let p = inline(&self.para, refs);
            if !p.is_empty() {
                self.out.push(p);
            }
            self.para.clear();
        }
        self.hard = false;
        if !self.items.is_empty() {
            let items: Vec<String> = self.items.drain(..).map(|i| inline(&i, refs)).filter(|i| !i.is_empty()).collect();
            if !items.is_empty() {
                self.out.push(items.join("\n"));
            }
        }
        if !self.rows.is_empty() {
            let rows: Vec<String> = self.rows.drain(..).filter(|r| !r.is_empty()).collect();
            if !rows.is_empty() {
                self.out.push(rows.join("\n"));
            }
        }
    }
}

/// Leading `>` markers: how many, and the line without them.
fn strip_quotes(line: &str) -> (usize, &str) {
    let mut depth = 0;
    let mut rest = line;
    loop {
        let t = rest.trim_start_matches([' ', '\t']);
        if rest.len() - t.len() < 4 {
            if let Some(r) = t.strip_prefix('>') {
                depth += 1;
                rest = r.strip_prefix(' ').unwrap_or(r);
                continue;
            }
        }
        return (depth, rest);
    }
}

fn is_fence_close(line: &str, ch: u8, len: usize) -> bool {
    let t = line.trim();
    let indent = line.len() - line.trim_start().len();
    indent < 4 && t.len() >= len && t.bytes().all(|c| c == ch)
}

/// An HTML block starts with this line: `Some(None)` when it ends at a blank
/// line, `Some(Some(end))` when it ends at the line containing `end`.
fn html_block_start(t: &str) -> Option<Option<String>> {
    if t.starts_with("<!--") {
        return Some(Some("-->".to_string()));
    }
    let rest = t.strip_prefix("</").or_else(|| t.strip_prefix('<'))?;
    let name: String = rest.chars().take_while(char::is_ascii_alphanumeric).collect::<String>().to_ascii_lowercase();
    let after = rest.as_bytes().get(name.len());
    if name.is_empty() || !after.is_none_or(|c| c.is_ascii_whitespace() || *c == b'>' || *c == b'/') {
        return None;
    }
    if matches!(name.as_str(), "script" | "style" | "pre" | "textarea") {
        return Some(Some(format!("</{name}>")));
    }
    MD_HTML_BLOCKS.contains(&name.as_str()).then_some(None)
}

/// A list item: its number (for ordered items) and its content.
fn list_item(line: &str) -> Option<(Option<u32>, &str)> {
    let t = line.trim_start();
    let b = t.as_bytes();
    let (number, marker) = match b.first()? {
        b'-' | b'*' | b'+' => (None, 1),
        c if c.is_ascii_digit() => {
            let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
            if digits > 9 || !matches!(b.get(digits), Some(b'.' | b')')) {
                return None;
            }
            (t.get(..digits).and_then(|d| d.parse().ok()), digits + 1)
        }
        _ => return None,
    };
    match b.get(marker) {
        None => Some((number, "")),
        Some(b' ' | b'\t') => Some((number, t.get(marker..).unwrap_or_default().trim())),
        _ => None,
    }
}

fn strip_task_box(item: &str) -> &str {
    for bx in ["[ ] ", "[x] ", "[X] "] {
        if let Some(r) = item.strip_prefix(bx) {
            return r.trim_start();
        }
    }
    item
}

/// The cells of a table row, without the outer pipes (`\|` is not a
/// separator).
fn split_cells(row: &str) -> Vec<&str> {
    let row = row.trim();
    let row = row.strip_prefix('|').unwrap_or(row);
    let row = match row.strip_suffix('|') {
        Some(r) if !row.ends_with("\\|") => r,
        _ => row,
    };
    let b = row.as_bytes();
    let mut cells = Vec::new();
    let mut start = 0;
    // `|` is ASCII: every cut is a character boundary
    for (k, &c) in b.iter().enumerate() {
        if c == b'|' && k.checked_sub(1).and_then(|p| b.get(p)) != Some(&b'\\') {
            cells.push(row.get(start..k).unwrap_or_default().trim());
            start = k + 1;
        }
    }
    cells.push(row.get(start..).unwrap_or_default().trim());
    cells
}

/// YAML front matter at the very top: the index of the first line after it
/// and its `title:`.
fn front_matter(lines: &[&str]) -> (usize, Option<String>) {
    if lines.first().map(|l| l.trim_end()) != Some("---") {
        return (0, None);
    }
    let Some(end) = lines.iter().take(200).skip(1).position(|l| matches!(l.trim_end(), "---" | "...")) else {
        return (0, None);
    };
    let body = lines.get(1..end + 1).unwrap_or_default();
    if !body.first().is_some_and(|l| l.contains(':')) {
        return (0, None);
    }
    let title = body.iter().find_map(|l| l.strip_prefix("title:")).map(|v| {
        let v = v.trim();
        let unquoted = v.strip_prefix('"').and_then(|v| v.strip_suffix('"'));
        unquoted.or_else(|| v.strip_prefix('\'').and_then(|v| v.strip_suffix('\''))).unwrap_or(v).to_string()
    });
    (end + 2, title)
}

fn normalize_label(label: &str) -> String {
    label.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Labels of the reference definitions (`[label]: url`).
fn reference_labels(lines: &[&str]) -> HashSet<String> {
    let mut refs = HashSet::new();
    for line in lines {
        let t = line.trim_start();
        if line.len() - t.len() >= 4 || !t.starts_with('[') {
            continue;
        }
        if let Some(close) = t.find("]:") {
            let label = t.get(1..close).unwrap_or_default();
            if !label.is_empty() && !label.starts_with('^') && !label.contains(['[', ']']) {
                refs.insert(normalize_label(label));
            }
        }
    }
    refs
}

/// The furthest apart a bracket or parenthesis and its match may be.
const MAX_LINK: usize = 4096;

/// The matching `]` of each `[` and `)` of each `(` of one inline text,
/// skipping backslash escapes, found in one pass. (Looking for each match
/// by scanning ahead made a text of a million `[` take seconds; fuzz and
/// `tests/regressions.rs` keep it linear.)
struct Pairs {
    square: HashMap<usize, usize>,
    round: HashMap<usize, usize>,
}

impl Pairs {
    fn new(b: &[u8]) -> Pairs {
        let (mut square, mut round) = (HashMap::new(), HashMap::new());
        let (mut open_sq, mut open_rd) = (Vec::new(), Vec::new());
        let mut k = 0;
        while let Some(&c) = b.get(k) {
            match c {
                b'\\' => k += 1,
                b'[' => open_sq.push(k),
                b'(' => open_rd.push(k),
                b']' | b')' => {
                    let (stack, map) = if c == b']' { (&mut open_sq, &mut square) } else { (&mut open_rd, &mut round) };
                    if let Some(o) = stack.pop() {
                        if k - o < MAX_LINK {
                            map.insert(o, k);
                        }
                    }
                }
                _ => {}
            }
            k += 1;
        }
        Pairs { square, round }
    }
}

/// A link or image at `s[i] == '['`: its text and the index past it.
fn link_at<'a>(s: &'a str, i: usize, refs: &HashSet<String>, pairs: &Pairs) -> Option<(&'a str, usize)> {
    let b = s.as_bytes();
    let close = *pairs.square.get(&i)?;
    let text = s.get(i + 1..close)?;
    match b.get(close + 1) {
        Some(b'(') => pairs.round.get(&(close + 1)).map(|&end| (text, end + 1)),
        Some(b'[') => {
            let end = memchr(b, close + 2, b']').filter(|e| e - close < MAX_LINK)?;
            Some((text, end + 1))
        }
        _ if text.starts_with('^') => Some(("", close + 1)),
        _ if refs.contains(&normalize_label(text)) => Some((text, close + 1)),
        _ => None,
    }
}

/// Inline HTML at `s[i] == '<'`: what replaces it (an autolink's address,
/// a line break for `<br>`, else nothing) and the index past it.
/// `seen`: what earlier calls found, so a text of `<` or `<!--` is read in
/// linear time.
fn inline_tag<'a>(s: &'a str, i: usize, seen: &mut TagSearch) -> Option<(&'a str, usize)> {
    let no_comment_end = &mut seen.no_comment_end;
    let b = s.as_bytes();
    if b.get(i + 1..i + 4) == Some(b"!--") {
        if i + 4 >= *no_comment_end {
            return None;
        }
        let Some(end) = find(b, i + 4, b"-->") else {
            *no_comment_end = i + 4;
            return None;
        };
        return Some(("", end + 3));
    }
    // the next `>`, within 1024 bytes
    if seen.next_gt.is_none_or(|(from, at)| i + 1 < from || at.is_some_and(|a| a < i + 1)) {
        seen.next_gt = Some((i + 1, memchr(b, i + 1, b'>')));
    }
    let close = seen.next_gt.and_then(|(_, at)| at).filter(|c| c - i < 1024)?;
    let inner = s.get(i + 1..close)?;
    if inner.contains('<') || inner.is_empty() {
        return None;
    }
    // autolink: <https://…> or <someone@example.org> keeps the address
    let scheme = inner
        .find(':')
        .is_some_and(|k| k >= 2 && inner.get(..k).is_some_and(|h| h.bytes().all(|c| c.is_ascii_alphanumeric())));
    if (scheme || inner.contains('@')) && !inner.contains(char::is_whitespace) {
        return Some((inner, close + 1));
    }
    let name = inner.strip_prefix('/').unwrap_or(inner);
    let len = name.bytes().take_while(|c| c.is_ascii_alphanumeric() || *c == b'-').count();
    let after = name.as_bytes().get(len);
    if len == 0
        || !name.as_bytes().first().is_some_and(u8::is_ascii_alphabetic)
        || !after.is_none_or(|c| c.is_ascii_whitespace() || *c == b'/')
    {
        return None;
    }
    let br = name.get(..len).is_some_and(|n| n.eq_ignore_ascii_case("br"));
    Some((if br { "\n" } else { "" }, close + 1))
}

/// What [`inline_tag`] found so far in one text.
struct TagSearch {
    /// Where a search for `-->` found none to the end.
    no_comment_end: usize,
    /// (from, the first `>` at or after `from`).
    next_gt: Option<(usize, Option<usize>)>,
}

/// Inline Markdown to text: code spans, links, images, inline HTML,
/// character references, backslash escapes, then emphasis.
fn inline(s: &str, refs: &HashSet<String>) -> String {
    let mut out = Vec::with_capacity(s.len());
    inline_into(s, refs, &mut out, 0);
    emphasis(&mut out);
    let text: String = out.into_iter().map(|(c, _)| c).collect();
    text.split('\n')
        .map(|line| line.split([' ', '\t']).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

/// Appends the characters of `s` to `out`, each flagged `true` when it is
/// literal (never an emphasis marker).
fn inline_into(s: &str, refs: &HashSet<String>, out: &mut Vec<(char, bool)>, depth: usize) {
    let b = s.as_bytes();
    let pairs = Pairs::new(b);
    let mut tags = TagSearch { no_comment_end: usize::MAX, next_gt: None };
    // for each length of backtick run, where a search for a closing run found none
    let mut no_code_end: HashMap<usize, usize> = HashMap::new();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        match c {
            b'\\' if b.get(i + 1).is_some_and(u8::is_ascii_punctuation) => {
                out.push((char::from(b.get(i + 1).copied().unwrap_or(b'\\')), true));
                i += 2;
            }
            b'`' => {
                let run = b.get(i..).unwrap_or_default().iter().take_while(|c| **c == b'`').count();
                let mut k = i + run;
                let mut close = None;
                if no_code_end.get(&run).is_none_or(|&f| k < f) {
                    while let Some(p) = memchr(b, k, b'`') {
                        let r = b.get(p..).unwrap_or_default().iter().take_while(|c| **c == b'`').count();
                        if r == run {
                            close = Some(p);
                            break;
                        }
                        k = p + r;
                    }
                    if close.is_none() {
                        no_code_end.insert(run, i + run);
                    }
                }
                match close {
                    Some(p) => {
                        // backticks are ASCII: both ends are character boundaries
                        let code = s.get(i + run..p).unwrap_or_default();
                        let code = match code.strip_prefix(' ').and_then(|c| c.strip_suffix(' ')) {
                            Some(c) if !c.trim().is_empty() => c,
                            _ => code,
                        };
                        out.extend(code.chars().map(|c| (c, true)));
                        i = p + run;
                    }
                    None => {
                        out.extend(std::iter::repeat_n(('`', true), run));
                        i += run;
                    }
                }
            }
            b'!' if b.get(i + 1) == Some(&b'[') => match link_at(s, i + 1, refs, &pairs) {
                Some((_, end)) => i = end,
                None => {
                    out.push(('!', false));
                    i += 1;
                }
            },
            b'[' => match link_at(s, i, refs, &pairs) {
                Some((text, end)) => {
                    if depth < 4 {
                        let mut inner = Vec::new();
                        inline_into(text, refs, &mut inner, depth + 1);
                        emphasis(&mut inner);
                        out.extend(inner.into_iter().map(|(c, _)| (c, true)));
                    } else {
                        out.extend(text.chars().map(|c| (c, true)));
                    }
                    i = end;
                }
                None => {
                    out.push(('[', false));
                    i += 1;
                }
            },
            b'<' => match inline_tag(s, i, &mut tags) {
                Some((replacement, end)) => {
                    out.extend(replacement.chars().map(|c| (c, true)));
                    i = end;
                }
                None => {
                    out.push(('<', false));
                    i += 1;
                }
            },
            b'&' => match s.get(i..).and_then(entity_at) {
                Some((c, len)) => {
                    out.push((c, true));
                    i += len;
                }
                None => {
                    out.push(('&', false));
                    i += 1;
                }
            },
            _ => {
                let c = s.get(i..).and_then(|r| r.chars().next()).unwrap_or('\u{FFFD}');
                out.push((c, false));
                i += c.len_utf8().max(1);
            }
        }
    }
}

fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation() || (!c.is_alphanumeric() && !c.is_whitespace())
}

/// Removes matched emphasis delimiter runs (`*`, `_`, `~~`), roughly by
/// CommonMark's flanking rules: `2 * 3` and `snake_case` keep theirs.
fn emphasis(out: &mut Vec<(char, bool)>) {
    struct Run {
        start: usize,
        len: usize,
        ch: char,
        open: bool,
        close: bool,
    }
    let mut runs = Vec::new();
    let mut k = 0;
    while let Some(&(ch, literal)) = out.get(k) {
        if literal || !matches!(ch, '*' | '_' | '~') {
            k += 1;
            continue;
        }
        let len = out.get(k..).unwrap_or_default().iter().take_while(|(c, l)| *c == ch && !l).count();
        let prev = k.checked_sub(1).and_then(|p| out.get(p)).map(|x| x.0);
        let next = out.get(k + len).map(|x| x.0);
        let ws = |c: Option<char>| c.is_none_or(char::is_whitespace);
        let punct = |c: Option<char>| c.is_some_and(is_punct);
        let left = !ws(next) && (!punct(next) || ws(prev) || punct(prev));
        let right = !ws(prev) && (!punct(prev) || ws(next) || punct(next));
        let (open, close) =
            if ch == '_' { (left && (!right || punct(prev)), right && (!left || punct(next))) } else { (left, right) };
        if ch != '~' || len >= 2 {
            runs.push(Run { start: k, len, ch, open, close });
        }
        k += len;
    }
    let mut remove = vec![false; out.len()];
    // one stack of openers per character keeps this linear
    let mut openers: [Vec<usize>; 3] = Default::default();
    let stack = |ch: char| match ch {
        '*' => 0,
        '_' => 1,
        _ => 2,
    };
    for (r, run) in runs.iter().enumerate() {
        let Some(st) = openers.get_mut(stack(run.ch)) else { continue };
        if run.close {
            if let Some(o) = st.pop() {
                for x in [o, r].iter().filter_map(|&x| runs.get(x)) {
                    if let Some(m) = remove.get_mut(x.start..x.start + x.len) {
                        m.fill(true);
                    }
                }
                continue;
            }
        }
        if run.open {
            st.push(r);
        }
    }
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        !remove.get(k - 1).copied().unwrap_or(false)
    });
}

// --------------------------------------------------------------------- docx

/// Reads a ZIP archive: a `.docx`, or a refusal naming what it is.
fn read_zip(shown: &str, ext: &str, bytes: &[u8], limit: u64) -> Result<Decoded, Error> {
    let mut zip = match zip::ZipArchive::new(std::io::Cursor::new(bytes)) {
        Ok(z) => z,
        Err(e) if ext == "docx" => return Err(not_word(shown, &format!("the archive is damaged ({e})"))),
        Err(_) => return Err(refuse(shown, "a damaged ZIP archive")),
    };
    if zip.index_for_name("word/document.xml").is_none() {
        let has = |n: &str| zip.index_for_name(n).is_some();
        let what = if has("xl/workbook.xml") {
            "an Excel spreadsheet"
        } else if has("ppt/presentation.xml") {
            "a PowerPoint presentation"
        } else if has("content.xml") && has("mimetype") {
            "an OpenDocument file"
        } else if has("META-INF/container.xml") {
            "an EPUB e-book"
        } else if ext == "docx" {
            return Err(not_word(shown, "it has no word/document.xml part"));
        } else {
            "a ZIP archive"
        };
        return Err(refuse(shown, what));
    }
    let too_large = || {
        Error::new(
            ErrorKind::TooLarge,
            format!("{shown} is too large: its text unpacks to more than {} MB", limit / (1024 * 1024)),
        )
    };
    let file = zip.by_name("word/document.xml").map_err(|e| not_word(shown, &format!("{e}")))?;
    if file.size() > limit {
        return Err(too_large());
    }
    let mut xml = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut xml)
        .map_err(|e| not_word(shown, &format!("its text part cannot be unpacked ({e})")))?;
    if xml.len() as u64 > limit {
        return Err(too_large());
    }
    let text = docx_text(&xml).map_err(|e| not_word(shown, &format!("its text part is not valid XML ({e})")))?;
    let mut warnings = Vec::new();
    if text.is_empty() {
        warnings.push(format!("{shown} has no text"));
    }
    Ok(Decoded { text, format: Format::Docx, warnings })
}

/// The namespace prefix of WordprocessingML in the root element, `w` when
/// it is not declared.
fn word_prefix(root: &quick_xml::events::BytesStart) -> Vec<u8> {
    for a in root.attributes().flatten() {
        let key = a.key.as_ref();
        if let Some(p) = key.strip_prefix(b"xmlns:") {
            let v = a.value.as_ref();
            if v.ends_with(b"/wordprocessingml/2006/main") || v.ends_with(b"/wordprocessingml/main") {
                return p.to_vec();
            }
        }
    }
    b"w".to_vec()
}

/// The text of `word/document.xml`: paragraphs separated by a blank line,
/// `<w:tab/>` a tab, `<w:br/>` and `<w:cr/>` a line break; deleted and
/// moved-away text (tracked changes) and the fallback copies of text boxes
/// are skipped.
fn docx_text(xml: &[u8]) -> Result<String, quick_xml::Error> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(xml);
    reader.config_mut().check_end_names = false;
    let mut prefix: Option<Vec<u8>> = None;
    let mut paras: Vec<String> = Vec::new();
    let mut open: Vec<String> = Vec::new();
    let (mut in_t, mut in_run, mut skip) = (0usize, 0usize, 0usize);
    loop {
        let event = reader.read_event()?;
        let (start, empty) = match &event {
            Event::Start(e) => (Some(e), false),
            Event::Empty(e) => (Some(e), true),
            _ => (None, false),
        };
        if let Some(e) = start {
            let p = prefix.get_or_insert_with(|| word_prefix(e));
            let qname = e.name();
            let (pfx, local) = split_qname(qname.as_ref());
            if local == b"Fallback" || (pfx == p.as_slice() && matches!(local, b"del" | b"moveFrom")) {
                if !empty {
                    skip += 1;
                }
                continue;
            }
            if pfx != p.as_slice() || skip > 0 {
                continue;
            }
            let add = match local {
                b"p" if !empty => {
                    open.push(String::new());
                    None
                }
                b"r" if !empty => {
                    in_run += 1;
                    None
                }
                b"t" if !empty => {
                    in_t += 1;
                    None
                }
                b"tab" if in_run > 0 => Some('\t'),
                b"br" | b"cr" if in_run > 0 => Some('\n'),
                b"noBreakHyphen" if in_run > 0 => Some('-'),
                _ => None,
            };
            if let (Some(c), Some(top)) = (add, open.last_mut()) {
                top.push(c);
            }
            continue;
        }
        match event {
            Event::End(e) => {
                let qname = e.name();
                let (pfx, local) = split_qname(qname.as_ref());
                let word = prefix.as_deref() == Some(pfx);
                if local == b"Fallback" || (word && matches!(local, b"del" | b"moveFrom")) {
                    skip = skip.saturating_sub(1);
                } else if word && skip == 0 {
                    match local {
                        b"p" => {
                            if let Some(p) = open.pop() {
                                let p = p.trim();
                                if !p.is_empty() {
                                    paras.push(p.to_string());
                                }
                            }
                        }
                        b"r" => in_run = in_run.saturating_sub(1),
                        b"t" => in_t = in_t.saturating_sub(1),
                        _ => {}
                    }
                }
            }
            Event::Text(t) if in_t > 0 && skip == 0 => {
                if let Some(top) = open.last_mut() {
                    top.push_str(&t.decode().map_err(quick_xml::Error::Encoding)?);
                }
            }
            Event::CData(t) if in_t > 0 && skip == 0 => {
                if let Some(top) = open.last_mut() {
                    top.push_str(&String::from_utf8_lossy(&t));
                }
            }
            Event::GeneralRef(r) if in_t > 0 && skip == 0 => {
                let c = match r.resolve_char_ref()? {
                    Some(c) => Some(c),
                    None => named_entity(&r.decode().map_err(quick_xml::Error::Encoding)?),
                };
                if let (Some(top), Some(c)) = (open.last_mut(), c) {
                    top.push(c);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(paras.join("\n\n"))
}

fn split_qname(q: &[u8]) -> (&[u8], &[u8]) {
    match q.iter().position(|c| *c == b':') {
        Some(k) => (q.get(..k).unwrap_or_default(), q.get(k + 1..).unwrap_or_default()),
        None => (&[], q),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_table_is_in_code_point_order() {
        assert_eq!(named_entity("nbsp"), Some('\u{A0}'));
        assert_eq!(named_entity("shy"), Some('\u{AD}'));
        assert_eq!(named_entity("frac34"), Some('¾'));
        assert_eq!(named_entity("Agrave"), Some('À'));
        assert_eq!(named_entity("times"), Some('×'));
        assert_eq!(named_entity("szlig"), Some('ß'));
        assert_eq!(named_entity("eacute"), Some('é'));
        assert_eq!(named_entity("divide"), Some('÷'));
        assert_eq!(named_entity("yuml"), Some('ÿ'));
        assert_eq!(named_entity("Eacute"), Some('É'));
        assert_eq!(named_entity("nosuch"), None);
    }

    #[test]
    fn html_rules() {
        // (what it shows, HTML, text)
        let cases: &[(&str, &str, &str)] = &[
            ("paragraphs", "<p>One.</p><p>Two.</p>", "One.\n\nTwo."),
            ("inline whitespace collapses", "<p>  a\n  <b>bold</b>\tword  </p>", "a bold word"),
            ("br is a line break", "<p>a<br>b<br/>c</p>", "a\nb\nc"),
            ("two br make a paragraph", "a<br><br>b", "a\n\nb"),
            ("divs and headings", "<div><h2>Head</h2>text</div><section>more</section>", "Head\n\ntext\n\nmore"),
            ("list items", "<ul><li>one</li><li>two</li></ul>", "one\n\ntwo"),
            ("table cells and rows", "<table><tr><td>a</td><td>b</td></tr><tr><th>c</th></tr></table>", "a\tb\n\nc"),
            ("blockquote", "said:<blockquote>quoted</blockquote>after", "said:\n\nquoted\n\nafter"),
            ("pre keeps spaces", "<pre>\nline  one\n  line two \n</pre><p>x</p>", "line  one\n  line two\n\nx"),
            ("pre blank lines", "<pre>a\n\n\n\nb</pre>", "a\n\nb"),
            (
                "scripts and styles dropped",
                "<style>p{color:red}</style><p>a</p><script>if (a<b && c>d) {}</script><p>b</p>",
                "a\n\nb",
            ),
            ("script end tag in another case", "<SCRIPT type=x>var s='</p>';</Script >ok", "ok"),
            (
                "chrome dropped",
                "<nav>Home</nav><header>Site</header><p>body</p><aside>Ad</aside><footer>©</footer>",
                "body",
            ),
            ("forms and buttons", "<form><label>Email</label><button>Go</button></form>text", "text"),
            ("select options", "<select><option>One</option></select>text", "text"),
            ("figcaption dropped, figure kept", "<figure><img src=x><figcaption>Photo: AP</figcaption></figure>text", "text"),
            ("svg with a title", "<svg><title>icon</title><text>x</text></svg><p>text</p>", "text"),
            ("noscript template iframe canvas", "<noscript>Enable JS</noscript><template><p>t</p></template><iframe>f</iframe><canvas>c</canvas>text", "text"),
            ("self-closing dropped element", "<svg/><p>text</p>", "text"),
            ("comments", "a<!-- hidden <p>x</p> -->b<!---->c", "abc"),
            ("unterminated comment hides the rest", "a<!-- never closed <p>b</p>", "a"),
            ("doctype and processing instructions", "<!DOCTYPE html><?xml version=\"1.0\"?>text", "text"),
            ("less-than in text", "3 < 4 and a<b, x <= y", "3 < 4 and a<b, x <= y"),
            ("quoted > in attributes", "<a title=\"a > b\" data-x='>'>link</a> text", "link text"),
            ("unquoted attribute with apostrophe", "<p class=it's>text</p>", "text"),
            ("unclosed tag at the end is text", "text <p", "text <p"),
            ("unclosed quote ends at the next >", "text <a href=\"x>more", "text more"),
            ("tag-like text with a later >", "a<b and c>d", "ad"),
            ("entities named", "&amp; &lt;b&gt; &quot;q&quot; &apos;s &copy; &eacute; &hellip;", "& <b> \"q\" 's © é …"),
            ("entities numeric", "&#8217; &#x2019; &#X201C; &#39; &#146; &#0; &#1114112;", "’ ’ “ ' ’ \u{FFFD} \u{FFFD}"),
            ("unknown entities kept", "&bogus; &amp AT&T &#; &#xZ;", "&bogus; &amp AT&T &#; &#xZ;"),
            ("decoded < is text, not a tag", "&lt;script&gt;alert(1)&lt;/script&gt;", "<script>alert(1)</script>"),
            ("nbsp collapses", "a&nbsp;&nbsp; b<p>&nbsp;</p>c", "a b\n\nc"),
            ("soft hyphen removed", "Ver&shy;kehr", "Verkehr"),
            ("title when no h1", "<html><head><title>The &amp; Title</title></head><body><p>text</p></body></html>", "The & Title\n\ntext"),
            ("no title when h1", "<title>Site | Story</title><h1>Story</h1><p>text</p>", "Story\n\ntext"),
            ("title alone", "<title>Only</title>", "Only"),
            ("title once", "<title>A</title><title>B</title><p>t</p>", "A\n\nt"),
            (
                "article header kept, page header dropped",
                "<header>Site</header><article><header><h1>Headline</h1><p>By Ann</p></header><p>body</p><footer>tags</footer></article>",
                "Headline\n\nBy Ann\n\nbody",
            ),
            ("h1 inside dropped header uses title", "<title>T</title><header><h1>Site</h1></header><p>x</p>", "T\n\nx"),
            ("unclosed dropped element swallows the rest", "<p>a</p><aside>b<p>c</p>", "a"),
            ("mismatched end tags", "<div><p>a</div></span></p>b", "a\n\nb"),
            ("uppercase tags", "<P>A</P><BR><DIV>B</DIV>", "A\n\nB"),
            ("empty", "", ""),
            ("only markup", "<div><span></span></div>", ""),
            ("end tag with junk", "a</ p>b</>c", "abc"),
        ];
        for (what, html, want) in cases {
            assert_eq!(html_to_text(html), *want, "{what}: {html:?}");
        }
    }

    #[test]
    fn markdown_rules() {
        // (what it shows, Markdown, text)
        let cases: &[(&str, &str, &str)] = &[
            ("headings", "# One\n\n## Two ##\n\ntext", "One\n\nTwo\n\ntext"),
            ("heading without blank line", "# Title\ntext", "Title\n\ntext"),
            ("hash without space is text", "#hashtag here", "#hashtag here"),
            ("setext headings", "Title\n=====\n\nSub\n---\ntext", "Title\n\nSub\n\ntext"),
            ("emphasis", "*a* _b_ **c** __d__ ***e*** ~~f~~", "a b c d e f"),
            ("emphasis inside words", "un*frigging*believable", "unfriggingbelievable"),
            ("snake_case kept", "call my_var_name now", "call my_var_name now"),
            ("arithmetic kept", "2 * 3 * 4", "2 * 3 * 4"),
            ("unmatched star kept", "a *b", "a *b"),
            ("escaped markers", "\\*not\\* \\_em\\_ \\# \\[x\\]", "*not* _em_ # [x]"),
            ("inline code", "use `a*b*c` and ``x ` y``", "use a*b*c and x ` y"),
            ("links", "see [the *report*](https://x.org/a_(b)) now", "see the report now"),
            ("link with title", "[text](http://x \"title\")", "text"),
            ("images dropped", "before ![alt text](img.png) after", "before after"),
            ("reference links", "a [b][ref] c [d][] e [ref]\n\n[ref]: https://x.org", "a b c d e ref"),
            ("unknown bracket kept", "a [note] b", "a [note] b"),
            ("footnotes", "claim[^1] here\n\n[^1]: The source.", "claim here\n\nThe source."),
            ("bullets", "- one\n* two\n+ three", "one\ntwo\nthree"),
            ("ordered lists", "1. one\n2) two\n10. ten", "one\ntwo\nten"),
            ("task lists", "- [ ] todo\n- [x] done", "todo\ndone"),
            ("list continuation", "- one\n  more\n- two", "one more\ntwo"),
            ("numbered line inside a paragraph", "It began in\n1990. Then more.", "It began in 1990. Then more."),
            ("blockquotes", "> quoted\n> more\n>\n> > nested", "quoted more\n\nnested"),
            ("quote after paragraph", "text\n> quote", "text\n\nquote"),
            ("horizontal rules", "a\n\n---\n\nb\n\n* * *\n\nc\n\n___", "a\n\nb\n\nc"),
            ("soft wraps join", "one\ntwo\nthree", "one two three"),
            ("hard breaks", "one  \ntwo\\\nthree", "one\ntwo\nthree"),
            ("fenced code", "```rust\nlet x = *y*;\n```\ntext", "let x = *y*;\n\ntext"),
            ("unclosed fence", "~~~\ncode", "code"),
            ("html blocks", "<div class=\"note\">\n<p>Inside &amp; out</p>\n</div>\n\nafter", "Inside & out\n\nafter"),
            ("html comment block", "<!--\nhidden\n-->\ntext", "text"),
            ("script block", "<script>\nvar a;\n\nvar b;\n</script>\ntext", "text"),
            ("inline html", "a <b>bold</b> and <br> b <span class=\"x\">c</span>", "a bold and\nb c"),
            (
                "autolinks",
                "mail <news@example.org> or <https://example.org>",
                "mail news@example.org or https://example.org",
            ),
            ("less-than in text", "if a < b and c<d", "if a < b and c<d"),
            ("entities", "AT&amp;T &copy; 2024 &#8212; &bogus;", "AT&T © 2024 — &bogus;"),
            ("tables", "| a | b |\n|---|:-:|\n| *c* | d \\| e |", "a\tb\nc\td | e"),
            (
                "front matter title",
                "---\ntitle: \"Crane falls\"\ndate: 2024-01-01\n---\nBody text.",
                "Crane falls\n\nBody text.",
            ),
            ("front matter title not used with h1", "---\ntitle: T\n---\n# H\n\nBody", "H\n\nBody"),
            ("crlf", "# T\r\n\r\nline one\r\nline two\r\n", "T\n\nline one line two"),
            ("bom", "\u{FEFF}text", "text"),
            ("empty", "", ""),
        ];
        for (what, md, want) in cases {
            assert_eq!(markdown_to_text(md), *want, "{what}: {md:?}");
        }
    }

    fn ok(name: Option<&str>, bytes: &[u8]) -> Decoded {
        read(name, bytes).unwrap_or_else(|e| panic!("{name:?}: {e}"))
    }

    fn err(name: Option<&str>, bytes: &[u8]) -> Error {
        read(name, bytes).expect_err("should be refused")
    }

    fn utf16_bytes(s: &str, le: bool, bom: bool) -> Vec<u8> {
        let mut v = Vec::new();
        if bom {
            v.extend_from_slice(if le { b"\xFF\xFE" } else { b"\xFE\xFF" });
        }
        for u in s.encode_utf16() {
            v.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        v
    }

    #[test]
    fn text_encodings() {
        let s = "Café “owners” said 🙂.\r\nNext line.";
        // (what it shows, name, bytes)
        let cases: Vec<(&str, Option<&str>, Vec<u8>)> = vec![
            ("utf-8", Some("a.txt"), s.as_bytes().to_vec()),
            ("utf-8 with bom", Some("a.txt"), [b"\xEF\xBB\xBF", s.as_bytes()].concat()),
            ("no name", None, s.as_bytes().to_vec()),
            ("utf-16 le with bom", Some("a.txt"), utf16_bytes(s, true, true)),
            ("utf-16 be with bom", Some("a.txt"), utf16_bytes(s, false, true)),
            ("utf-16 le without bom", Some("a.txt"), utf16_bytes(s, true, false)),
            ("utf-16 be without bom", None, utf16_bytes(s, false, false)),
            ("unknown extension", Some("story.log"), s.as_bytes().to_vec()),
        ];
        for (what, name, bytes) in cases {
            let d = ok(name, &bytes);
            assert_eq!(d.text, s, "{what}");
            assert_eq!(d.format, Format::Text, "{what}");
            assert!(d.warnings.is_empty(), "{what}: {:?}", d.warnings);
        }
        assert_eq!(ok(Some("empty.txt"), b"").text, "");
        assert_eq!(ok(Some("bom-only.txt"), b"\xEF\xBB\xBF").text, "");
    }

    #[test]
    fn invalid_encodings_warn_with_the_file_name() {
        let d = ok(Some("notes.txt"), b"caf\xE9 \xFF\xFEx ok");
        assert_eq!(d.text, "caf\u{FFFD} \u{FFFD}\u{FFFD}x ok");
        assert_eq!(d.warnings, ["notes.txt is not valid UTF-8: 3 undecodable bytes were replaced with \u{FFFD}"]);
        let d = ok(Some("one.txt"), b"a\x80b");
        assert_eq!(d.warnings, ["one.txt is not valid UTF-8: 1 undecodable byte was replaced with \u{FFFD}"]);
        let d = ok(None, b"a\x80b");
        assert!(d.warnings[0].starts_with("the input is not valid UTF-8"), "{:?}", d.warnings);
        // a lone surrogate and an odd trailing byte in UTF-16
        let d = ok(Some("w.txt"), b"\xFF\xFEa\x00\x00\xD8b\x00c");
        assert_eq!(d.text, "a\u{FFFD}b\u{FFFD}");
        assert_eq!(d.warnings, ["w.txt is not valid UTF-16: 2 undecodable units were replaced with \u{FFFD}"]);
    }

    #[test]
    fn binary_and_unsupported_files_are_refused() {
        let zip_other = {
            let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
            w.start_file("notes.txt", zip::write::SimpleFileOptions::default()).unwrap();
            std::io::Write::write_all(&mut w, b"hello").unwrap();
            w.finish().unwrap().into_inner()
        };
        let xlsx = {
            let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
            w.start_file("xl/workbook.xml", zip::write::SimpleFileOptions::default()).unwrap();
            w.finish().unwrap().into_inner()
        };
        // (name, bytes, start of the message)
        let cases: Vec<(&str, Vec<u8>, &str)> = vec![
            ("report.pdf", b"%PDF-1.4\n%\xE2\xE3".to_vec(), "report.pdf is a PDF file: "),
            ("picture.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(), "picture.png is a PNG image: "),
            ("photo.jpg", b"\xFF\xD8\xFF\xE0\0\x10JFIF".to_vec(), "photo.jpg is a JPEG image: "),
            ("anim.gif", b"GIF89a\x01\0\x01\0".to_vec(), "anim.gif is a GIF image: "),
            ("pic.webp", b"RIFF\x24\0\0\0WEBPVP8 ".to_vec(), "pic.webp is a WebP image: "),
            ("story.txt.gz", b"\x1F\x8B\x08\0\0\0".to_vec(), "story.txt.gz is a gzip archive: "),
            ("old.doc", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0".to_vec(), "old.doc is a legacy Word .doc file: "),
            ("old.xls", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0".to_vec(), "old.xls is an old Excel .xls file: "),
            ("memo.rtf", b"{\\rtf1\\ansi Hello}".to_vec(), "memo.rtf is an RTF document: "),
            ("archive.zip", zip_other, "archive.zip is a ZIP archive: "),
            ("book.xlsx", xlsx, "book.xlsx is an Excel spreadsheet: "),
            ("broken.zip", b"PK\x03\x04garbage".to_vec(), "broken.zip is a damaged ZIP archive: "),
            ("data.bin", b"abc\0def".to_vec(), "data.bin is a binary file, not text: "),
            ("ctl.txt", b"\x01\x02\x03\x04abc".to_vec(), "ctl.txt is a binary file, not text: "),
            (
                "<img src=x onerror=alert(1)>.png",
                b"\x89PNG\r\n".to_vec(),
                "<img src=x onerror=alert(1)>.png is a PNG image: ",
            ),
        ];
        for (name, bytes, start) in cases {
            let e = err(Some(name), &bytes);
            assert_eq!(e.kind(), ErrorKind::Unreadable, "{name}");
            let m = e.message();
            assert!(m.starts_with(start), "{name}: {m}");
            assert!(m.contains("Corroborate reads plain text, HTML, Markdown and Word .docx; "), "{m}");
            assert!(!m.ends_with('.'), "{m}");
            assert_eq!(m.lines().count(), 1, "{m}");
        }
        assert!(err(Some("old.doc"), b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1").message().contains("save it as .docx"));
        // content wins over the name
        assert!(err(Some("notes.txt"), b"%PDF-1.7").message().starts_with("notes.txt is a PDF file"));
        assert!(err(None, b"%PDF-1.7").message().starts_with("the input is a PDF file"));
        // text with a few control characters is still text
        assert_eq!(ok(Some("a.txt"), b"text\x0b with a form\x0c feed\x1a").format, Format::Text);
    }

    #[test]
    fn format_by_name_and_content() {
        let page = "<!DOCTYPE html><html><body><p>Hello <b>there</b></p></body></html>";
        let fragment = "<div><p>one</p><p>two</p></div>";
        let article = "Editors say <b> tags and <p> tags are HTML.";
        // (name, text, format, converted text)
        let cases: &[(Option<&str>, &str, Format, &str)] = &[
            (Some("a.html"), fragment, Format::Html, "one\n\ntwo"),
            (Some("a.HTM"), "plain words", Format::Html, "plain words"),
            (Some("dir/a.xhtml"), page, Format::Html, "Hello there"),
            (Some("a.txt"), page, Format::Html, "Hello there"),
            (None, page, Format::Html, "Hello there"),
            (Some("a.txt"), "  \n<html lang=en><p>x</p>", Format::Html, "x"),
            (Some("a.txt"), "<?xml version=\"1.0\"?>\n<!-- c --><!DOCTYPE html><p>x</p>", Format::Html, "x"),
            (Some("a.txt"), fragment, Format::Text, fragment),
            (Some("a.txt"), article, Format::Text, article),
            (None, "<body><p>x</p>", Format::Text, "<body><p>x</p>"),
            (Some("page.php"), "<body><p>x</p>", Format::Html, "x"),
            (Some("page.aspx"), fragment, Format::Html, "one\n\ntwo"),
            (Some("notes.log"), article, Format::Text, article),
            (Some("a.txt"), "<htmlish> text", Format::Text, "<htmlish> text"),
            (Some("a.md"), "# T\n\n*x*", Format::Markdown, "T\n\nx"),
            (Some("a.Markdown"), "_x_", Format::Markdown, "x"),
            (Some("a.txt"), "# T\n\n*x*", Format::Text, "# T\n\n*x*"),
        ];
        for (name, text, format, want) in cases {
            let d = ok(*name, text.as_bytes());
            assert_eq!((d.format, d.text.as_str()), (*format, *want), "{name:?}: {text:?}");
        }
        let d = ok(Some("page.html"), &utf16_bytes("<p>caf&eacute;</p>", true, true));
        assert_eq!((d.format, d.text.as_str()), (Format::Html, "café"));
        let d = ok(Some("empty.html"), b"<script>x()</script>");
        assert_eq!(d.warnings, ["empty.html has no article text: only markup, scripts or page navigation"]);
    }

    #[test]
    fn serializes_lowercase() {
        let d = Decoded { text: "t".into(), format: Format::Markdown, warnings: vec![] };
        assert_eq!(serde_json::to_string(&d).unwrap(), r#"{"text":"t","format":"markdown","warnings":[]}"#);
        for f in [Format::Text, Format::Html, Format::Markdown, Format::Docx] {
            assert_eq!(serde_json::to_value(f).unwrap(), f.as_str());
        }
    }

    const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    fn docx(document: &str) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        w.start_file("[Content_Types].xml", opts).unwrap();
        std::io::Write::write_all(&mut w, b"<?xml version=\"1.0\"?><Types/>").unwrap();
        w.start_file("word/document.xml", opts).unwrap();
        std::io::Write::write_all(&mut w, document.as_bytes()).unwrap();
        w.finish().unwrap().into_inner()
    }

    fn body(prefix: &str, inner: &str) -> String {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<{prefix}:document xmlns:{prefix}=\"{W}\" \
             xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><{prefix}:body>{inner}</{prefix}:body></{prefix}:document>"
        )
    }

    #[test]
    fn docx_rules() {
        // (what it shows, document body, text)
        let cases: &[(&str, &str, &str)] = &[
            ("paragraphs and runs", "<w:p><w:r><w:t>Crane </w:t></w:r><w:r><w:t>falls</w:t></w:r></w:p><w:p><w:r><w:t>Four died.</w:t></w:r></w:p>", "Crane falls\n\nFour died."),
            ("tab, br and cr", "<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:cr/><w:t>d</w:t></w:r></w:p>", "a\tb\nc\nd"),
            ("tab stops are not tabs", "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr><w:r><w:t>x</w:t></w:r></w:p>", "x"),
            ("deleted text skipped", "<w:p><w:r><w:t>kept </w:t></w:r><w:del w:id=\"1\"><w:r><w:delText>gone </w:delText></w:r></w:del><w:ins w:id=\"2\"><w:r><w:t>added</w:t></w:r></w:ins></w:p>", "kept added"),
            ("moved-away text skipped", "<w:p><w:moveFrom><w:r><w:t>old place</w:t></w:r></w:moveFrom></w:p><w:p><w:moveTo><w:r><w:t>new place</w:t></w:r></w:moveTo></w:p>", "new place"),
            ("references and cdata", "<w:p><w:r><w:t>AT&amp;T &#8217;s &lt;x&gt; &#x2014;</w:t></w:r></w:p>", "AT&T ’s <x> —"),
            ("empty paragraphs skipped", "<w:p/><w:p></w:p><w:p><w:r><w:t xml:space=\"preserve\">  spaced  </w:t></w:r></w:p><w:p><w:r><w:t>  </w:t></w:r></w:p>", "spaced"),
            ("text box fallback not doubled", "<w:p><w:r><mc:AlternateContent><mc:Choice><w:txbxContent><w:p><w:r><w:t>boxed</w:t></w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent><w:p><w:r><w:t>boxed</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>outer</w:t></w:r></w:p>", "boxed\n\nouter"),
            ("non-breaking hyphen", "<w:p><w:r><w:t>well</w:t><w:noBreakHyphen/><w:t>known</w:t></w:r></w:p>", "well-known"),
            ("instructions and properties ignored", "<w:p><w:r><w:instrText>HYPERLINK \"x\"</w:instrText></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>link</w:t></w:r></w:p>", "link"),
            ("tables", "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>", "cell"),
        ];
        for (what, inner, want) in cases {
            let d = ok(Some("story.docx"), &docx(&body("w", inner)));
            assert_eq!(d.format, Format::Docx, "{what}");
            assert_eq!(d.text, *want, "{what}");
        }
        // another prefix for the namespace, and a docx with no name
        let d = ok(None, &docx(&body("ns0", "<ns0:p><ns0:r><ns0:t>other prefix</ns0:t></ns0:r></ns0:p>")));
        assert_eq!((d.format, d.text.as_str()), (Format::Docx, "other prefix"));
        // a docx by content whatever the extension
        assert_eq!(ok(Some("story.zip"), &docx(&body("w", "<w:p><w:r><w:t>x</w:t></w:r></w:p>"))).text, "x");
        let d = ok(Some("blank.docx"), &docx(&body("w", "")));
        assert_eq!(d.warnings, ["blank.docx has no text"]);
    }

    #[test]
    fn damaged_docx_is_refused_clearly() {
        let good = docx(&body("w", "<w:p><w:r><w:t>text</w:t></w:r></w:p>"));
        let not_zip = b"just some text".to_vec();
        let truncated = good[..good.len() / 2].to_vec();
        let mut corrupt = good.clone();
        // flip bytes inside the compressed document.xml
        let at = corrupt.windows(17).position(|w| w == b"word/document.xml").unwrap() + 40;
        for b in &mut corrupt[at..at + 20] {
            *b ^= 0x5A;
        }
        let no_document = {
            let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
            w.start_file("word/styles.xml", zip::write::SimpleFileOptions::default()).unwrap();
            w.finish().unwrap().into_inner()
        };
        let bad_xml = docx("<w:document><w:body><w:p><w:r><w:t>a</w:t></w:r></w:p><w:p foo=\"");
        for (what, bytes) in [
            ("not zip", not_zip),
            ("truncated", truncated),
            ("corrupt", corrupt),
            ("no document", no_document),
            ("bad xml", bad_xml),
        ] {
            let e = err(Some("story.docx"), &bytes);
            assert_eq!(e.kind(), ErrorKind::Unreadable, "{what}");
            assert!(e.message().starts_with("story.docx is not a readable Word file: "), "{what}: {}", e.message());
            assert_eq!(e.message().lines().count(), 1, "{what}");
        }
    }

    #[test]
    fn docx_size_is_limited() {
        let big = docx(&body("w", &"<w:p><w:r><w:t>word word word</w:t></w:r></w:p>".repeat(2000)));
        let e = read_limited(Some("big.docx"), &big, 10_000).expect_err("over the limit");
        assert_eq!(e.kind(), ErrorKind::TooLarge);
        assert!(e.message().starts_with("big.docx is too large"), "{}", e.message());
        assert!(read_limited(Some("big.docx"), &big, 1 << 20).is_ok());
    }
}

#[cfg(all(test, not(target_family = "wasm")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn names() -> impl Strategy<Value = Option<String>> {
        prop_oneof![
            Just(None),
            prop::sample::select(vec!["a.txt", "a.html", "a.md", "a.docx", "a.php", "a", "", "x.doc"])
                .prop_map(|s| Some(s.to_string())),
            any::<String>().prop_map(Some),
        ]
    }

    /// Strings dense in markup: tags, quotes, entities, comments.
    fn markup() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            prop::sample::select(vec![
                "<",
                ">",
                "</",
                "/>",
                "<p>",
                "</p>",
                "<br>",
                "<!--",
                "-->",
                "<!",
                "<?",
                "<script>",
                "</script>",
                "<style",
                "<title>",
                "</title>",
                "<pre>",
                "</pre>",
                "<nav>",
                "</nav>",
                "<svg/>",
                "<h1>",
                "</h1>",
                "<article>",
                "<header>",
                "\"",
                "'",
                "=",
                "&",
                "&amp;",
                "&#",
                "&#x",
                "&#1114111;",
                ";",
                "#",
                "*",
                "_",
                "`",
                "[",
                "](",
                ")",
                "![",
                "> ",
                "- ",
                "1. ",
                "\n",
                "\n\n",
                " ",
                "|",
                "---",
                "```",
                "\\",
                "é",
                "🙂",
                "a",
            ])
            .prop_map(str::to_string),
            any::<String>(),
        ];
        prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

        #[test]
        fn read_never_panics(name in names(), bytes in prop::collection::vec(any::<u8>(), 0..600)) {
            let _ = read(name.as_deref(), &bytes);
        }

        #[test]
        fn read_never_panics_on_zip_like_bytes(tail in prop::collection::vec(any::<u8>(), 0..400)) {
            let bytes = [b"PK\x03\x04".as_slice(), &tail].concat();
            let _ = read(Some("x.docx"), &bytes);
        }

        #[test]
        fn read_never_panics_on_damaged_docx(at in 0usize..2000, flip in 1u8..=255) {
            let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
            w.start_file("word/document.xml", zip::write::SimpleFileOptions::default()).unwrap();
            std::io::Write::write_all(&mut w, b"<w:document><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>").unwrap();
            let mut bytes = w.finish().unwrap().into_inner();
            let k = at % bytes.len();
            bytes[k] ^= flip;
            let _ = read(Some("x.docx"), &bytes);
        }

        #[test]
        fn converters_never_panic(s in markup()) {
            let text = html_to_text(&s);
            prop_assert!(!text.contains("\n\n\n"));
            let _ = markdown_to_text(&s);
            let _ = read(Some("a.html"), s.as_bytes());
            let _ = read(Some("a.md"), s.as_bytes());
        }

        #[test]
        fn converters_never_panic_on_any_string(s in any::<String>()) {
            let _ = html_to_text(&s);
            let _ = markdown_to_text(&s);
        }
    }
}
