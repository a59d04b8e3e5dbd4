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

impl Cleaned {
    /// The ranges read as the article's words: the headline, when there is
    /// one, then the body. Headlines are where outlets name the story, so
    /// entities, reuse and similarity read them too.
    ///
    /// ```
    /// let text = "Crane falls in port\nA crane fell on Monday.";
    /// let c = corroborate::text::clean(text);
    /// assert_eq!(c.content().len(), 2);
    /// ```
    pub fn content(&self) -> Vec<Range<usize>> {
        self.title.iter().cloned().chain(self.body.iter().cloned()).collect()
    }
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
        if let Some((key, value, used)) = header_prefix(slice(text, line)) {
            out.metadata.insert(key.to_string(), value);
            let cut = line.start + used;
            out.removed.push((line.start..cut, "header"));
            *line = trim_range(text, cut..line.end);
        }
    }
    lines.retain(|l| !l.is_empty());

    // Page chrome, bylines, image credits.
    lines.retain(|l| {
        let line = slice(text, l);
        let why = if is_chrome(line) {
            "chrome"
        } else if let Some(author) = byline(line) {
            out.metadata.entry("author".into()).or_insert(author);
            "byline"
        } else if is_credit(line) {
            "credit"
        } else {
            return true;
        };
        out.removed.push((l.clone(), why));
        false
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
        let first = lines.first().map_or("", |r| slice(text, r));
        let words = first.split_whitespace().count();
        let ends_sentence = first.trim_end().ends_with(['.', '!', '?', ',', ';', ':', '"', '”', '|']);
        if (1..=20).contains(&words) && !ends_sentence && first.chars().any(|c| c.is_alphabetic()) {
            out.title = Some(lines.remove(0));
        }
    }

    // Dateline at the start of the first body line.
    if let Some(first) = lines.first_mut() {
        if let Some((place, source, used)) = dateline(slice(text, first)) {
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
    // An outlet named in a credit line ("Coastline TV's Ana Diaz has more
    // from the port") labels the article when no dateline did.
    if out.label_guess.is_none() {
        out.label_guess = lines.iter().find_map(|l| credit_outlet(slice(text, l)));
        if let Some(outlet) = &out.label_guess {
            out.metadata.entry("source".into()).or_insert_with(|| outlet.clone());
        }
    }

    out.flags = degradation(text, &lines);
    out.body = lines;
    out
}

/// "By Jane Smith" / "By JANE SMITH and Tom Lee, Reuters": the author.
fn byline(line: &str) -> Option<String> {
    let rest = line.strip_prefix("By ").or_else(|| line.strip_prefix("BY "))?;
    let words: Vec<&str> = rest.split_whitespace().collect();
    if !(2..=8).contains(&words.len()) {
        return None;
    }
    let name_like = words.iter().all(|w| {
        let w = w.trim_matches(|c: char| c == ',' || c == '|');
        w.is_empty() || w == "and" || w == "&" || w.chars().next().is_some_and(char::is_uppercase)
    });
    name_like.then(|| rest.trim().trim_end_matches(['.', ',']).to_string())
}

/// Image and photo credits: "Photo: Jane Smith/Reuters", "(Getty Images)".
fn is_credit(line: &str) -> bool {
    if line.split_whitespace().nth(14).is_some() {
        return false;
    }
    let lower = line.to_lowercase();
    let t = lower.trim_start_matches(['(', '[']);
    let starts =
        ["photo", "image", "picture", "credit", "file photo", "video:", "graphic:"].iter().any(|p| t.starts_with(p));
    let agency = ["getty images", "reuters", "afp", "associated press", "ap photo", "epa", "shutterstock", "/"]
        .iter()
        .any(|a| lower.contains(a));
    (starts && (lower.contains(':') || agency || lower.contains(" by ")))
        || lower.trim_matches(['(', ')']) == "getty images"
}

/// "Coastline TV's Ana Diaz has more from the port." → "Coastline TV".
fn credit_outlet(line: &str) -> Option<String> {
    let at = line.find("'s ").or_else(|| line.find("’s "))?;
    let outlet = line.get(..at)?.trim();
    let rest = line.get(at..)?;
    let words = outlet.split_whitespace().count();
    let capitalized =
        outlet.split_whitespace().all(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()));
    let credit = [" has more", " reports from", " reporting from", " has the story", " reports on"]
        .iter()
        .any(|p| rest.get(..rest.len().min(80)).is_some_and(|r| r.contains(p)));
    ((1..=4).contains(&words) && capitalized && credit).then(|| outlet.to_string())
}

/// Lines are compared within blocks of this many lines: pull-quotes repeat
/// text from the same article, and blocks keep a whole-newspaper paste
/// linear in time.
const REPEAT_BLOCK: usize = 400;
/// Word n-gram length used to find candidate repeats.
const REPEAT_GRAM: usize = 6;

/// Hashes of a line's words (letters and digits, case-folded), in order.
fn word_hashes(line: &str, out: &mut Vec<u64>) {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    out.clear();
    let mut h = 0u64;
    let mut in_word = false;
    let mut end_word = |h: &mut u64, in_word: &mut bool| {
        if *in_word {
            out.push(*h);
            *h = 0;
            *in_word = false;
        }
    };
    for c in line.chars() {
        if c.is_ascii_alphanumeric() {
            h = (h.rotate_left(5) ^ u64::from(c.to_ascii_lowercase())).wrapping_mul(K);
            in_word = true;
        } else if !c.is_ascii() && c.is_alphanumeric() {
            // same mixing as ASCII letters, so a word hashes alike in any line
            for l in c.to_lowercase() {
                h = (h.rotate_left(5) ^ u64::from(u32::from(l))).wrapping_mul(K);
            }
            in_word = true;
        } else {
            end_word(&mut h, &mut in_word);
        }
    }
    end_word(&mut h, &mut in_word);
}

fn gram_of(words: &[u64]) -> u64 {
    words.iter().fold(0x9e37_79b9_7f4a_7c15u64, |acc, w| (acc.rotate_left(5) ^ w).wrapping_mul(0x517c_c1b7_2722_0a95))
}

/// True when `needle` occurs as a contiguous run inside `hay`.
fn contains_run(hay: &[u64], needle: &[u64]) -> bool {
    !needle.is_empty() && hay.len() >= needle.len() && hay.windows(needle.len()).any(|w| w == needle)
}

/// Marks lines that repeat (part of) another line: near-linear, using a
/// word 6-gram index per block of lines.
fn repeated_lines(text: &str, lines: &[Range<usize>]) -> Vec<bool> {
    let mut drop = vec![false; lines.len()];
    let mut scratch = Vec::new();
    for block_start in (0..lines.len()).step_by(REPEAT_BLOCK) {
        let block = block_start..(block_start + REPEAT_BLOCK).min(lines.len());
        let words: Vec<Vec<u64>> = block
            .clone()
            .map(|i| {
                word_hashes(lines.get(i).map_or("", |r| slice(text, r)), &mut scratch);
                scratch.clone()
            })
            .collect();
        let mut index: rustc_hash::FxHashMap<u64, Vec<usize>> = rustc_hash::FxHashMap::default();
        for (li, ws) in words.iter().enumerate() {
            for g in ws.windows(REPEAT_GRAM).map(gram_of) {
                let v = index.entry(g).or_default();
                if v.last() != Some(&li) && v.len() < 8 {
                    v.push(li);
                }
            }
        }
        for (li, k) in words.iter().enumerate() {
            let Some(head) = k.get(..REPEAT_GRAM) else { continue };
            let first = gram_of(head);
            let candidates = index.get(&first).map(Vec::as_slice).unwrap_or(&[]);
            let repeated = candidates.iter().any(|&lj| {
                // `lj` indexes `words` (the index was built from it)
                let Some(other) = words.get(lj) else { return false };
                lj != li
                    && !drop.get(block.start + lj).copied().unwrap_or(true)
                    && (other.len() > k.len() || (other.len() == k.len() && lj < li))
                    && contains_run(other, k)
            });
            let piped = lines.get(block.start + li).is_some_and(|r| slice(text, r).trim_end().ends_with('|'));
            let shares =
                || k.windows(REPEAT_GRAM).any(|w| index.get(&gram_of(w)).is_some_and(|v| v.iter().any(|&lj| lj != li)));
            if repeated || (piped && shares()) {
                if let Some(d) = drop.get_mut(block.start + li) {
                    *d = true;
                }
            }
        }
    }
    drop
}

/// `text[r]`, or "" for a range that is not one of `text`'s (the ranges
/// here come from splitting and trimming `text`, so they all are).
fn slice<'a>(text: &'a str, r: &Range<usize>) -> &'a str {
    text.get(r.clone()).unwrap_or_default()
}

fn trim_range(text: &str, r: Range<usize>) -> Range<usize> {
    let s = slice(text, &r);
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
    let head: &[u8; 5] = line.as_bytes().get(..5)?.try_into().ok()?;
    let rest_at =
        if head[..4].eq_ignore_ascii_case(b"date") && matches!(head[4], b':' | b' ') { 5 } else { return None };
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
    // chrome lines are short: decide long lines without allocating
    if line.len() > 120 || line.split_ascii_whitespace().nth(8).is_some() {
        return false;
    }
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
    let newsletter = (lower.contains("sign up") || lower.contains("subscribe"))
        && (lower.contains("newsletter") || lower.contains("email") || lower.contains("inbox"));
    if newsletter
        || lower.starts_with("read more:")
        || lower.starts_with("related:")
        || lower.starts_with("advertisement")
    {
        return true;
    }
    words.iter().all(|w| w.is_empty() || CHROME_WORDS.contains(&w.as_str()))
        && words.iter().any(|w| !matches!(w.as_str(), "" | "the" | "and" | "to" | "in" | "on" | "up" | "all" | "us"))
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
    fn bylines_credits_and_newsletter_lines() {
        // (line, removed as)
        let cases = [
            ("By Jane Smith and Tom Lee", Some("byline")),
            ("BY JANE SMITH, Reuters", Some("byline")),
            ("By the time the crane fell, workers had left the dock area", None),
            ("Photo: Jane Smith/Reuters", Some("credit")),
            ("(Getty Images)", Some("credit")),
            ("Image caption The mayor at the scene, by John Roe", Some("credit")),
            ("Pictures of the harbor were shown to the council on Monday evening by the mayor", None),
            ("Sign up for our morning newsletter", Some("chrome")),
            ("Read more: Harbor cranes under scrutiny", Some("chrome")),
            ("Advertisement", Some("chrome")),
            ("Subscribers can read the full council minutes online", None),
        ];
        for (line, want) in cases {
            let text = format!("A first paragraph of the article that is long enough.\n{line}\nThe last paragraph.");
            let c = clean(&text);
            let got = c.removed.iter().find(|(r, _)| &text[r.clone()] == line).map(|(_, why)| *why);
            assert_eq!(got, want, "{line:?}");
        }
    }

    #[test]
    fn label_from_a_credit_line() {
        let text =
            "The talks began on Monday.\nCoastline TV's Ana Diaz has more from the port.\nThey ended on Tuesday.";
        let c = clean(text);
        assert_eq!(c.label_guess.as_deref(), Some("Coastline TV"));
        assert_eq!(c.body.len(), 3, "the credit line stays in the body: it names a reporter");
        let quoted = "The mayor spoke.\nSky's correspondent said the talks were baffling.";
        assert_eq!(clean(quoted).label_guess, None);
    }

    #[test]
    fn pull_quote_with_other_quote_marks_is_still_a_repeat() {
        let text = "Title\n\nThe council said \u{201c}we will rebuild the bridge by next spring\u{201d} on Monday.\nwe will rebuild the bridge by next spring |\nEnd.";
        let c = clean(text);
        assert!(c.removed.iter().any(|(_, why)| *why == "repeated"), "{:?}", c.removed);
    }

    #[test]
    fn degraded_dateline_and_flags() {
        let words =
            "the harbor authority said the crane fell into the water at dawn and nobody on the dock was warned ";
        let text = format!("rotterdam amsterdam  reuters    u s  shipping firms {}", words.repeat(3));
        let c = clean(&text);
        assert_eq!(c.metadata.get("source").map(String::as_str), Some("Reuters"));
        assert_eq!(c.metadata.get("place").map(String::as_str), Some("Rotterdam Amsterdam"));
        assert!(text[c.body[0].clone()].starts_with("u s  shipping"));
        assert!(c.flags.lowercase && c.flags.no_punctuation && c.flags.no_digits && c.flags.degraded());
        let clean_text = format!("The Harbor Authority met on 4 May. {}", words.repeat(3));
        assert!(!clean(&clean_text).flags.degraded());
    }

    #[test]
    fn uncased_scripts_are_not_lowercased() {
        let text = "这是一个没有大写字母的中文句子。".repeat(10);
        assert!(!clean(&text).flags.lowercase);
    }
}
