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

mod char_refs;
mod docx;
mod dom;
mod extract;
mod html;
mod json;
mod markdown;
mod meta;
mod sniff;

pub use extract::{extract_article, Block, Extracted};
pub use html::html_to_text;
pub use markdown::markdown_to_text;
pub use meta::ArticleMeta;

use crate::error::{Error, ErrorKind};
use crate::limits::{human_size, MAX_ARTICLE_BYTES};
use docx::read_zip;
use serde::Serialize;
use sniff::{bomless_utf16, is_html_document, is_html_fragment, sniff, utf16, utf8};

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
#[cfg_attr(all(test, not(target_family = "wasm")), derive(ts_rs::TS))]
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
#[cfg_attr(all(test, not(target_family = "wasm")), derive(ts_rs::TS))]
#[cfg_attr(all(test, not(target_family = "wasm")), ts(rename = "DecodedFile"))]
pub struct Decoded {
    /// The text to analyze.
    pub text: String,
    /// What the file turned out to be.
    pub format: Format,
    /// Problems worth telling the user, each naming the file (for example
    /// undecodable bytes that were replaced).
    pub warnings: Vec<String>,
    /// For a web page: what its markup says about the article (headline,
    /// publisher, author, date, address, language).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(test, not(target_family = "wasm")), ts(optional))]
    pub meta: Option<ArticleMeta>,
    /// For a web page: every block of its text in page order, the article's
    /// kept and the rest set aside with the reason, so that a reader can
    /// restore any of them ([`extract_article`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(all(test, not(target_family = "wasm")), ts(as = "Option<Vec<Block>>", optional))]
    pub blocks: Vec<Block>,
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
    let shown = name.filter(|n| !n.is_empty()).map_or_else(|| "the input".to_string(), shown_name);
    let shown = shown.as_str();
    let ext = name.map(extension).unwrap_or_default();
    let decoded = decode(shown, &ext, bytes, docx_limit)?;
    // the decoded text, not the file, is what must fit: a small .docx or
    // compressed page can hold far more text than an article may have, and
    // it is refused here, before it reaches a text box or the analyzer
    if decoded.text.len() > MAX_ARTICLE_BYTES {
        return Err(Error::new(
            ErrorKind::TooLarge,
            format!(
                "{shown} holds {} of text, more than the {} one article may have: \
                 copy only the article itself and paste it instead",
                human_size(decoded.text.len()),
                human_size(MAX_ARTICLE_BYTES)
            ),
        ));
    }
    Ok(decoded)
}

/// A file name as messages show it: control characters (a newline, a
/// terminal escape) and bidirectional overrides written as escapes, so a
/// name can neither split a one-line message nor drive the terminal.
///
/// ```
/// assert_eq!(corroborate::input::shown_name("a\nb\u{1b}[31m.txt"), "a\\nb\\u{1b}[31m.txt");
/// ```
pub fn shown_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || ('\u{202A}'..='\u{202E}').contains(&c) || ('\u{2066}'..='\u{2069}').contains(&c) => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}

fn decode(shown: &str, ext: &str, bytes: &[u8], docx_limit: u64) -> Result<Decoded, Error> {
    let ext = ext.to_string();

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
    let (mut meta, mut blocks) = (None, Vec::new());
    let text = match format {
        Format::Html => {
            let page = extract_article(&text);
            warnings.extend(page.warnings.iter().map(|w| format!("{shown}: {w}")));
            meta = Some(page.meta).filter(|m| !m.is_empty());
            if page.blocks.iter().any(|b| !b.kept) {
                blocks = page.blocks;
            }
            page.text
        }
        Format::Markdown => markdown_to_text(&text),
        Format::Text | Format::Docx => text,
    };
    if format == Format::Html && text.is_empty() && !bytes.is_empty() {
        warnings.push(format!("{shown} has no article text: only markup, scripts or page navigation"));
    }
    Ok(Decoded { text, format, warnings, meta, blocks })
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

#[cfg(test)]
mod tests;
