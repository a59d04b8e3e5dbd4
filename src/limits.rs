//! How much one analysis takes: the limits [`crate::analyze`] checks before
//! any work, so that a hostile or accidental input (a whole newspaper's
//! HTML, a 10 MB paste, hundreds of articles) is refused at once with a
//! message naming what was too big and what to do, instead of freezing the
//! worker or exhausting its memory.
//!
//! The page (`www/limits.js`) checks the same numbers before it sends
//! anything to the worker, so the user hears about it without waiting; the
//! core checks again because it is the one that must hold whatever the
//! caller. Sizes are UTF-8 bytes, the unit both sides can count exactly
//! (the page counts a string's UTF-8 length without encoding it).
//!
//! The numbers come from measurements on the 2-core development machine:
//! the analysis runs at roughly 2 MB/s natively and about half that in
//! wasm, and the page must show the report of the largest accepted input
//! within seconds. See the README's limits table.

use crate::article::ArticleInput;
use crate::error::{Error, ErrorKind};

/// The most text one article may have, in UTF-8 bytes (2 MB: a long
/// article is 50 KB; this leaves room for pasted page chrome).
pub const MAX_ARTICLE_BYTES: usize = 2_000_000;
/// The most text all articles together may have, in UTF-8 bytes (labels,
/// names and warnings included).
pub const MAX_TOTAL_BYTES: usize = 4_000_000;
/// The most articles one analysis compares (every pair is aligned and
/// reported: 50 articles make 2,450 ordered pairs).
pub const MAX_ARTICLES: usize = 50;
/// The longest label or file name, in UTF-8 bytes. Labels are repeated in
/// every explanation of every pair, so a huge one would multiply.
pub const MAX_LABEL_BYTES: usize = 1_000;
/// The largest file the CLI and the page read, in bytes as stored (a saved
/// news page with its markup is rarely over 2 MB; the text it yields must
/// still fit [`MAX_ARTICLE_BYTES`]). Reading stops here: nothing larger is
/// held in memory.
pub const MAX_FILE_BYTES: usize = 5_000_000;
/// The most reader warnings carried per article.
pub const MAX_WARNINGS: usize = 100;
/// How long the page waits for an analysis before it stops the worker and
/// says so (the core has no clock in wasm; the size limits above keep the
/// largest accepted input well under it: see the README).
pub const TIME_LIMIT_MS: u32 = 30_000;

/// "2 MB", "1.5 MB", "900 KB", "1,001 bytes": sizes as the messages show
/// them (decimal units, as file managers show them).
pub fn human_size(bytes: usize) -> String {
    if bytes >= 1_000_000 {
        let tenths = (bytes as u64 * 10 + 500_000) / 1_000_000;
        if tenths % 10 == 0 {
            format!("{} MB", tenths / 10)
        } else {
            format!("{}.{} MB", tenths / 10, tenths % 10)
        }
    } else if bytes >= 10_000 {
        format!("{} KB", (bytes + 500) / 1_000)
    } else {
        format!("{} bytes", thousands(bytes))
    }
}

/// A size and the limit it is over, as a message shows them: in bytes
/// (with thousands separators) when both would round to the same figure.
fn sizes(value: usize, limit: usize) -> (String, String) {
    let (v, l) = (human_size(value), human_size(limit));
    if v == l {
        (format!("{} bytes", thousands(value)), format!("{} bytes", thousands(limit)))
    } else {
        (v, l)
    }
}

/// 4000001 → "4,000,001".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// What the user calls article `index` in messages: "article 3 (Reuters)".
fn which(index: usize, input: &ArticleInput) -> String {
    let name = input
        .label
        .as_deref()
        .map(str::trim)
        .filter(|l| !l.is_empty() && l.len() <= 80)
        .or_else(|| input.name.as_deref().filter(|n| !n.is_empty() && n.len() <= 80));
    match name {
        Some(n) => format!("article {} ({n})", index + 1),
        None => format!("article {}", index + 1),
    }
}

/// Checks every limit; the first one exceeded is the error.
///
/// # Errors
///
/// [`ErrorKind::TooLarge`] naming the article, its size and the limit, and
/// saying what to do.
///
/// ```
/// use corroborate::{limits, ArticleInput, ErrorKind};
/// let big = ArticleInput::new("word ".repeat(500_000)).with_label("Wire");
/// let e = limits::check(&[big]).unwrap_err();
/// assert_eq!(e.kind(), ErrorKind::TooLarge);
/// assert!(e.message().starts_with("article 1 (Wire) has 2.5 MB of text"));
/// ```
pub fn check(inputs: &[ArticleInput]) -> Result<(), Error> {
    if inputs.len() > MAX_ARTICLES {
        return Err(Error::new(
            ErrorKind::TooLarge,
            format!(
                "{} articles are more than Corroborate compares at once (at most {MAX_ARTICLES}): \
                 remove some, or analyze them in groups",
                inputs.len()
            ),
        ));
    }
    let mut total = 0usize;
    for (i, a) in inputs.iter().enumerate() {
        if a.text.len() > MAX_ARTICLE_BYTES {
            let (size, limit) = sizes(a.text.len(), MAX_ARTICLE_BYTES);
            return Err(Error::new(
                ErrorKind::TooLarge,
                format!(
                    "{} has {size} of text, more than the {limit} one article may have: \
                     paste only the article itself, or split it into several articles",
                    which(i, a),
                ),
            ));
        }
        for (what, value) in [("label", &a.label), ("file name", &a.name)] {
            if let Some(v) = value {
                if v.len() > MAX_LABEL_BYTES {
                    let (size, limit) = sizes(v.len(), MAX_LABEL_BYTES);
                    return Err(Error::new(
                        ErrorKind::TooLarge,
                        format!("the {what} of article {} is {size} long, more than {limit}: shorten it", i + 1),
                    ));
                }
            }
        }
        if a.warnings.len() > MAX_WARNINGS {
            return Err(Error::new(
                ErrorKind::TooLarge,
                format!("{} carries {} warnings, more than {MAX_WARNINGS}", which(i, a), a.warnings.len()),
            ));
        }
        total = total
            .saturating_add(a.text.len())
            .saturating_add(a.label.as_ref().map_or(0, String::len))
            .saturating_add(a.name.as_ref().map_or(0, String::len))
            .saturating_add(a.warnings.iter().map(String::len).fold(0, usize::saturating_add));
    }
    if total > MAX_TOTAL_BYTES {
        let (size, limit) = sizes(total, MAX_TOTAL_BYTES);
        return Err(Error::new(
            ErrorKind::TooLarge,
            format!(
                "the articles have {size} of text together, more than the {limit} one analysis takes: \
                 remove some articles or shorten them, then analyze again"
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_well() {
        assert_eq!(human_size(2_000_000), "2 MB");
        assert_eq!(human_size(10_485_760), "10.5 MB");
        assert_eq!(human_size(12_501), "13 KB");
        assert_eq!(human_size(1_001), "1,001 bytes");
        assert_eq!(human_size(999), "999 bytes");
        assert_eq!(thousands(4_000_001), "4,000,001");
        assert_eq!(thousands(999), "999");
    }

    #[test]
    fn at_the_limits_is_fine_and_one_more_is_not() {
        let at = ArticleInput::new("a".repeat(MAX_ARTICLE_BYTES));
        assert!(check(std::slice::from_ref(&at)).is_ok());
        let over = ArticleInput::new("a".repeat(MAX_ARTICLE_BYTES + 1));
        let e = check(&[over]).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::TooLarge);
        assert!(
            e.message().contains("article 1 has 2,000,001 bytes of text, more than the 2,000,000 bytes"),
            "{}",
            e.message()
        );

        let many = vec![ArticleInput::new("x"); MAX_ARTICLES];
        assert!(check(&many).is_ok());
        let e = check(&vec![ArticleInput::new("x"); MAX_ARTICLES + 1]).unwrap_err();
        assert!(e.message().starts_with("51 articles are more than"), "{}", e.message());

        let e = check(&[at.clone(), at.clone(), ArticleInput::new("y")]).unwrap_err();
        assert!(e.message().starts_with("the articles have 4,000,001 bytes of text together"), "{}", e.message());

        let e = check(&[ArticleInput::new("x").with_label("L".repeat(MAX_LABEL_BYTES + 1))]).unwrap_err();
        assert!(
            e.message().starts_with("the label of article 1 is 1,001 bytes long, more than 1,000 bytes"),
            "{}",
            e.message()
        );
    }
}
