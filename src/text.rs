//! Text cleaning: finds the article body inside what the user pasted.
//!
//! The cleaner never rewrites the text. It returns the byte ranges of the
//! original that form the body, plus what it set aside (header lines,
//! datelines, page chrome, repeated pull-quotes) and the metadata those
//! carried. Every later stage works on these ranges, so every span it
//! reports is already a span of the original.

use std::collections::BTreeMap;
use std::ops::Range;

/// What was found while cleaning one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cleaned {
    /// Byte ranges of the original that form the body, in order; one per
    /// kept line (paragraph).
    pub body: Vec<Range<usize>>,
    /// Byte range of the headline, when one was detected.
    pub title: Option<Range<usize>>,
    /// Metadata read from header lines and datelines (`date`, `source`,
    /// `place`).
    pub metadata: BTreeMap<String, String>,
    /// Ranges set aside, with the reason (`"header"`, `"dateline"`,
    /// `"chrome"`, `"repeated"`).
    pub removed: Vec<(Range<usize>, &'static str)>,
    /// How the text was degraded on its way to the user.
    pub flags: Degradation,
    /// A label guessed from the text (the outlet of a dateline).
    pub label_guess: Option<String>,
}

/// Signs that a copy lost information on the way (seed-000-style dumps).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Degradation {
    /// The body has letters but no capitals.
    pub lowercase: bool,
    /// The body has many words but no sentence punctuation.
    pub no_punctuation: bool,
    /// The text is degraded and has no digits at all.
    pub no_digits: bool,
}

impl Degradation {
    /// True when capitals or sentence punctuation were stripped.
    pub fn degraded(&self) -> bool {
        self.lowercase || self.no_punctuation
    }
}

/// Short lines made only of these words are page chrome (share bars,
/// comment links, cookie banners).
const CHROME_WORDS: &[&str] = &[
    "adjust",
    "comment",
    "comments",
    "print",
    "share",
    "tweet",
    "email",
    "e-mail",
    "facebook",
    "twitter",
    "whatsapp",
    "linkedin",
    "reddit",
    "subscribe",
    "advertisement",
    "advertising",
    "ad",
    "newsletter",
    "sign",
    "up",
    "in",
    "log",
    "read",
    "more",
    "related",
    "listen",
    "save",
    "copy",
    "link",
    "font",
    "size",
    "text",
    "close",
    "menu",
    "search",
    "home",
    "skip",
    "to",
    "content",
    "follow",
    "us",
    "on",
    "cookies",
    "cookie",
    "accept",
    "settings",
    "reject",
    "all",
    "show",
    "hide",
    "story",
    "continue",
    "reading",
    "below",
    "sponsored",
    "the",
    "and",
    "&",
    "|",
    "·",
    "-",
    "x",
];

/// Outlets that commonly appear in datelines; used to recognise a dateline
/// in degraded text where the parentheses were lost.
const WIRE_NAMES: &[&str] = &["reuters", "ap", "afp", "upi", "dpa", "xinhua", "bloomberg", "tass"];

/// Cleans one article.
///
/// ```
/// let text = "Crane falls in port\n\nPORT ALDER (Coastline Press) - A crane fell on Monday.\n\nShare Tweet Email\n";
/// let c = corroborate::text::clean(text);
/// assert_eq!(&text[c.title.clone().unwrap()], "Crane falls in port");
/// assert_eq!(c.metadata["source"], "Coastline Press");
/// assert_eq!(c.label_guess.as_deref(), Some("Coastline Press"));
/// assert_eq!(c.body.len(), 1);
/// assert_eq!(&text[c.body[0].clone()], "A crane fell on Monday.");
/// ```
pub fn clean(text: &str) -> Cleaned {
    let mut out = Cleaned::default();
    let mut lines: Vec<Range<usize>> = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let r = trim_range(text, start..pos);
        if !r.is_empty() {
            lines.push(r);
        }
    }

    // Header lines ("date 2017-05-02", "source: …"): metadata, possibly with
    // body text following on the same line.
    for line in lines.iter_mut() {
        if let Some((key, value, used)) = header_prefix(&text[line.clone()]) {
            out.metadata.insert(key.to_string(), value);
            let cut = line.start + used;
            out.removed.push((line.start..cut, "header"));
            *line = trim_range(text, cut..line.end);
        }
    }
    lines.retain(|l| !l.is_empty());

    // Page chrome.
    lines.retain(|l| {
        if is_chrome(&text[l.clone()]) {
            out.removed.push((l.clone(), "chrome"));
            false
        } else {
            true
        }
    });

    // Repeated pull-quotes: a line whose words all occur, in order, inside
    // another line nearby (or, ending in `|`, sharing a six-word run with one).
    let drop = repeated_lines(text, &lines);
    let mut kept = Vec::with_capacity(lines.len());
    for (l, d) in lines.into_iter().zip(drop) {
        if d {
            out.removed.push((l, "repeated"));
        } else {
            kept.push(l);
        }
    }
    let mut lines = kept;

    // Title: a short first line without closing punctuation, followed by more.
    if lines.len() > 1 {
        let first = &text[lines[0].clone()];
        let words = first.split_whitespace().count();
        let ends_sentence = first.trim_end().ends_with(['.', '!', '?', ',', ';', ':', '"', '”', '|']);
        if (1..=20).contains(&words) && !ends_sentence && first.chars().any(|c| c.is_alphabetic()) {
            out.title = Some(lines.remove(0));
        }
    }

    // Dateline at the start of the first body line.
    if let Some(first) = lines.first_mut() {
        if let Some((place, source, used)) = dateline(&text[first.clone()]) {
            if !place.is_empty() {
                out.metadata.insert("place".into(), place);
            }
            out.metadata.insert("source".into(), source.clone());
            out.label_guess = Some(source);
            let cut = first.start + used;
            out.removed.push((first.start..cut, "dateline"));
            *first = trim_range(text, cut..first.end);
        }
    }
    lines.retain(|l| !l.is_empty());
    out.removed.sort_by_key(|(r, _)| r.start);

    out.flags = degradation(text, &lines);
    out.body = lines;
    out
}

/// Lines are compared within blocks of this many lines: pull-quotes repeat
/// text from the same article, and blocks keep a whole-newspaper paste
/// linear in time.
const REPEAT_BLOCK: usize = 400;
/// Word n-gram length used to find candidate repeats.
const REPEAT_GRAM: usize = 6;

fn gram_hashes(key: &str) -> Vec<u64> {
    use std::hash::{Hash, Hasher};
    let words: Vec<&str> = key.split(' ').collect();
    words
        .windows(REPEAT_GRAM)
        .map(|w| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            w.hash(&mut h);
            h.finish()
        })
        .collect()
}

/// Marks lines that repeat (part of) another line: near-linear, using a
/// word 6-gram index per block of lines.
fn repeated_lines(text: &str, lines: &[Range<usize>]) -> Vec<bool> {
    let mut drop = vec![false; lines.len()];
    for block_start in (0..lines.len()).step_by(REPEAT_BLOCK) {
        let block = block_start..(block_start + REPEAT_BLOCK).min(lines.len());
        let keys: Vec<String> = block.clone().map(|i| word_key(&text[lines[i].clone()])).collect();
        let grams: Vec<Vec<u64>> = keys.iter().map(|k| gram_hashes(k)).collect();
        let mut index: std::collections::HashMap<u64, Vec<usize>> = std::collections::HashMap::new();
        for (li, gs) in grams.iter().enumerate() {
            for g in gs {
                let v = index.entry(*g).or_default();
                if v.last() != Some(&li) && v.len() < 8 {
                    v.push(li);
                }
            }
        }
        for (li, k) in keys.iter().enumerate() {
            let Some(first) = grams[li].first() else { continue };
            let candidates = index.get(first).map(Vec::as_slice).unwrap_or(&[]);
            let repeated = candidates.iter().any(|&lj| {
                let other = &keys[lj];
                lj != li
                    && !drop[block.start + lj]
                    && other.len() >= k.len()
                    && (other.len() > k.len() || lj < li)
                    && contains_words(other, k)
            });
            let piped = text[lines[block.start + li].clone()].trim_end().ends_with('|');
            let shares = || grams[li].iter().any(|g| index.get(g).is_some_and(|v| v.iter().any(|&lj| lj != li)));
            if repeated || (piped && shares()) {
                drop[block.start + li] = true;
            }
        }
    }
    drop
}

fn trim_range(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail >= s.len() {
        r.start..r.start
    } else {
        r.start + lead..r.end - trail
    }
}

/// `date 2017-05-02 …` and `Date: …` style header prefixes: (key, value,
/// bytes used).
fn header_prefix(line: &str) -> Option<(&'static str, String, usize)> {
    let lower = line.get(..line.len().min(12))?.to_ascii_lowercase();
    let rest_at = if lower.starts_with("date:") || lower.starts_with("date ") { 5 } else { return None };
    let rest = line.get(rest_at..)?;
    let skipped = rest.len() - rest.trim_start().len();
    let value: String =
        rest.trim_start().chars().take_while(|c| c.is_ascii_digit() || *c == '-' || *c == '/').collect();
    let digits = value.chars().filter(|c| c.is_ascii_digit()).count();
    if digits >= 6 && value.len() >= 8 {
        Some(("date", value.clone(), rest_at + skipped + value.len()))
    } else {
        None
    }
}

fn is_chrome(line: &str) -> bool {
    let words: Vec<String> = line
        .split(|c: char| c.is_whitespace() || c == '|' || c == '/' || c == '·')
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&').to_lowercase())
        .collect();
    if words.is_empty() || words.len() > 8 {
        return false;
    }
    let lower = line.to_lowercase();
    if lower.contains("cookie") && (lower.contains("accept") || lower.contains("policy")) {
        return true;
    }
    words.iter().all(|w| w.is_empty() || CHROME_WORDS.contains(&w.as_str()))
        && words.iter().any(|w| !matches!(w.as_str(), "" | "the" | "and" | "to" | "in" | "on" | "up" | "all" | "us"))
}

/// Lowercased words joined by single spaces: the comparison key of a line.
fn word_key(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for w in line.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().flat_map(char::to_lowercase));
    }
    out
}

fn contains_words(hay: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    let padded_h = format!(" {hay} ");
    let padded_n = format!(" {needle} ");
    padded_h.contains(&padded_n)
}

/// `WASHINGTON/MOSCOW (Reuters) -` style datelines: (place, source, bytes
/// used). Also the degraded form `washington moscow  reuters   `.
fn dateline(line: &str) -> Option<(String, String, usize)> {
    let head = line.get(..line.len().min(120)).or_else(|| {
        let mut end = line.len().min(120);
        while !line.is_char_boundary(end) {
            end -= 1;
        }
        line.get(..end)
    })?;
    if let Some(open) = head.find('(') {
        let close = open + head.get(open..)?.find(')')?;
        let place = head.get(..open)?.trim();
        let source = head.get(open + 1..close)?.trim();
        let after = head.get(close + 1..)?;
        let dash = after.trim_start();
        let dash_len = dash.chars().next().filter(|c| matches!(c, '-' | '–' | '—')).map(char::len_utf8)?;
        let place_ok = place.chars().any(|c| c.is_alphabetic())
            && place.chars().all(|c| !c.is_lowercase())
            && place.split_whitespace().count() <= 6;
        let source_ok = (2..=40).contains(&source.len()) && source.chars().next().is_some_and(char::is_uppercase);
        if place_ok && source_ok {
            let used = close + 1 + (after.len() - dash.len()) + dash_len;
            return Some((title_case(place), source.to_string(), used));
        }
        return None;
    }
    // Degraded: "washington moscow  reuters    u s  president"
    let lower = head.to_lowercase();
    if lower != head {
        return None;
    }
    for wire in WIRE_NAMES {
        let pat = format!("  {wire}  ");
        if let Some(at) = lower.find(&pat) {
            let place = lower.get(..at)?.trim();
            if place.is_empty()
                || place.split_whitespace().count() > 5
                || !place.chars().all(|c| c.is_alphabetic() || c == ' ')
            {
                continue;
            }
            let used = at + pat.len();
            let source = if wire.len() <= 3 { wire.to_uppercase() } else { title_case(wire) };
            return Some((title_case(place), source, used));
        }
    }
    None
}

fn title_case(s: &str) -> String {
    s.split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(|w| {
            w.split('/')
                .map(|part| {
                    let mut cs = part.chars();
                    match cs.next() {
                        Some(f) => f.to_uppercase().chain(cs.flat_map(char::to_lowercase)).collect::<String>(),
                        None => String::new(),
                    }
                })
                .collect::<Vec<_>>()
                .join("/")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn degradation(text: &str, body: &[Range<usize>]) -> Degradation {
    let (mut letters, mut upper, mut digits, mut stops, mut words) = (0usize, 0usize, 0usize, 0usize, 0usize);
    for r in body {
        let s = &text[r.clone()];
        words += s.split_whitespace().count();
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
    let cased = text.chars().filter(|c| c.is_lowercase() || c.is_uppercase()).count();
    let lowercase = letters >= 40 && cased * 2 >= letters && upper == 0;
    let no_punctuation = words >= 40 && stops == 0;
    let degraded = lowercase || no_punctuation;
    Degradation { lowercase, no_punctuation, no_digits: degraded && digits == 0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(text: &str) -> Vec<&str> {
        clean(text).body.iter().map(|r| &text[r.clone()]).collect()
    }

    #[test]
    fn headers_datelines_titles() {
        // (input, title, body lines, metadata key=value pairs)
        type Case<'a> = (&'a str, Option<&'a str>, &'a [&'a str], &'a [(&'a str, &'a str)]);
        let cases: &[Case] = &[
            ("date 2017-05-02 The mayor spoke.", None, &["The mayor spoke."], &[("date", "2017-05-02")]),
            (
                "Headline here\nDate: 2020/01/31\nBody text.",
                Some("Headline here"),
                &["Body text."],
                &[("date", "2020/01/31")],
            ),
            (
                "BERLIN (Coastline Press) - Talks began.",
                None,
                &["Talks began."],
                &[("place", "Berlin"), ("source", "Coastline Press")],
            ),
            (
                "Big news\n\nNEW YORK/LONDON (AP) — It rained.\nMore rain.",
                Some("Big news"),
                &["It rained.", "More rain."],
                &[("place", "New York/London"), ("source", "AP")],
            ),
            // a parenthesis that is not a dateline stays
            ("The mayor (a Democrat) - said no.", None, &["The mayor (a Democrat) - said no."], &[]),
            ("one line only", None, &["one line only"], &[]),
        ];
        for (input, title, lines, meta) in cases {
            let c = clean(input);
            assert_eq!(c.title.clone().map(|r| &input[r]), *title, "title of {input:?}");
            assert_eq!(body(input), *lines, "body of {input:?}");
            for (k, v) in *meta {
                assert_eq!(c.metadata.get(*k).map(String::as_str), Some(*v), "{k} of {input:?}");
            }
        }
    }

    #[test]
    fn chrome_and_pull_quotes() {
        let text = "Title of story\n\nAdjust Comment Print\n\nThe council said \"we will rebuild the bridge by next spring\" on Monday.\nwe will rebuild the bridge by next spring |\nAccept all cookies to continue\nEnd.";
        let c = clean(text);
        let reasons: Vec<&str> = c.removed.iter().map(|(_, why)| *why).collect();
        assert_eq!(reasons, ["chrome", "repeated", "chrome"]);
        assert_eq!(body(text).len(), 2);
    }

    #[test]
    fn degraded_dateline_and_flags() {
        let words =
            "the harbor authority said the crane fell into the water at dawn and nobody on the dock was warned ";
        let text = format!("washington moscow  reuters    u s  president {}", words.repeat(3));
        let c = clean(&text);
        assert_eq!(c.metadata.get("source").map(String::as_str), Some("Reuters"));
        assert_eq!(c.metadata.get("place").map(String::as_str), Some("Washington Moscow"));
        assert!(text[c.body[0].clone()].starts_with("u s  president"));
        assert!(c.flags.lowercase && c.flags.no_punctuation && c.flags.no_digits && c.flags.degraded());
        let clean_text = format!("The Two leaders met on 4 May. {}", words.repeat(3));
        assert!(!clean(&clean_text).flags.degraded());
    }

    #[test]
    fn uncased_scripts_are_not_lowercased() {
        let text = "这是一个没有大写字母的中文句子。".repeat(10);
        assert!(!clean(&text).flags.lowercase);
    }
}
