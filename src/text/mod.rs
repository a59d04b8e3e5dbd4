//! Text cleaning: finds the article body inside what the user pasted.
//!
//! The cleaner never rewrites the text. It returns the byte ranges of the
//! original that form the body, plus what it set aside (header lines,
//! datelines, page chrome, repeated pull-quotes) and the metadata those
//! carried. Every later stage works on these ranges, so every span it
//! reports is already a span of the original.

use lines::byline;
use lines::credit_outlet;
use lines::dateline;
use lines::header_prefix;
use lines::is_chrome;
use lines::is_credit;

pub(crate) mod chrome;
mod degraded;
mod lines;
mod repeated;

use degraded::degradation;
use repeated::repeated_lines;
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
    /// let c = corroborate::internal::clean(text);
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

/// Cleans one article.
///
/// ```
/// let text = "Crane falls in port\n\nPORT ALDER (Coastline Press) - A crane fell on Monday.\n\nShare Tweet Email\n";
/// let c = corroborate::internal::clean(text);
/// assert_eq!(&text[c.title.clone().unwrap()], "Crane falls in port");
/// assert_eq!(c.metadata["source"], "Coastline Press");
/// assert_eq!(c.label_guess.as_deref(), Some("Coastline Press"));
/// assert_eq!(c.body.len(), 1);
/// assert_eq!(&text[c.body[0].clone()], "A crane fell on Monday.");
/// ```
pub fn clean(text: &str) -> Cleaned {
    clean_article(text, false)
}

/// Cleans one article whose headline is already known (from a page's
/// markup): no line of the text is taken for the headline, so the first
/// short paragraph stays in the body.
///
/// ```
/// let text = "Updated on Monday\nA crane fell on Monday.";
/// assert!(corroborate::internal::clean_article(text, true).title.is_none());
/// assert!(corroborate::internal::clean_article(text, false).title.is_some());
/// ```
pub fn clean_article(text: &str, headline_known: bool) -> Cleaned {
    clean_with(text, headline_known, true)
}

/// [`clean_article`], with the learned chrome detector (`src/text/chrome.rs`) used
/// when `learned` and the text is identified as English (the language of
/// the pages and news it was trained and measured on). A web page's text
/// comes without it: the page reader has already set aside the page's
/// chrome by its markup, which knows better (README "Pasted page chrome").
///
/// ```
/// let text = "Crane falls in port\nA crane fell on Monday in the port of Ellis.";
/// let with = corroborate::internal::clean_with(text, false, true);
/// assert_eq!(with, corroborate::internal::clean_with(text, false, false));
/// ```
pub fn clean_with(text: &str, headline_known: bool, learned: bool) -> Cleaned {
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

    // Chrome the rules above do not know (menus, footers, notices written
    // as sentences) in pasted English text: the learned detector, sentence
    // by sentence in context; a line keeps its other sentences. When it
    // would leave no body at all, the text is not an article with chrome
    // around it, and nothing is set aside.
    let english = || crate::lang::detect::identify(text).code == "en";
    // only where the rules found a page around the article: a chrome line
    // or more (an article with a table or a list keeps it whole)
    let page = out.removed.iter().filter(|(_, why)| *why == "chrome").count() >= chrome::page_lines();
    let lines = if learned && page && english() {
        learned_chrome(text, lines, &mut out.removed, &chrome::chrome_model())
    } else {
        lines
    };

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
    if lines.len() > 1 && !headline_known {
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

/// The lines without the sentences [`chrome::chrome_model`] calls chrome
/// (each recorded in `removed` as `"chrome"`); a line cut by such a
/// sentence becomes the runs of sentences around it. The lines are
/// returned as they were when every sentence would go.
fn learned_chrome(
    text: &str,
    lines: Vec<Range<usize>>,
    removed: &mut Vec<(Range<usize>, &'static str)>,
    model: &chrome::ChromeModel,
) -> Vec<Range<usize>> {
    // a copy stripped of case or punctuation has no sentences to judge
    if degradation(text, &lines).degraded() {
        return lines;
    }
    let per_line: Vec<Vec<Range<usize>>> = lines.iter().map(|l| chrome::sentence_ranges(text, l.clone())).collect();
    let sentences: Vec<chrome::Sentence> = per_line
        .iter()
        .enumerate()
        .flat_map(|(line, rs)| rs.iter().map(move |r| chrome::Sentence { text: slice(text, r), line }))
        .collect();
    // a text of a few sentences has no page around it
    if sentences.len() < chrome::MIN_SENTENCES {
        return lines;
    }
    let mut verdicts = model.chrome(&sentences).into_iter();
    let mut kept = Vec::with_capacity(lines.len());
    let mut gone = Vec::new();
    for (line, sentences) in lines.iter().zip(&per_line) {
        let chrome: Vec<bool> = verdicts.by_ref().take(sentences.len()).collect();
        if !chrome.contains(&true) {
            kept.push(line.clone());
            continue;
        }
        // runs of sentences with one verdict, each from its first sentence
        // to its last
        let mut at = 0;
        while let Some(first) = sentences.get(at) {
            let verdict = chrome.get(at).copied().unwrap_or(false);
            let mut end = at;
            while chrome.get(end + 1) == Some(&verdict) {
                end += 1;
            }
            let run = first.start..sentences.get(end).map_or(first.end, |r| r.end);
            if verdict {
                gone.push(run);
            } else {
                kept.push(run);
            }
            at = end + 1;
        }
    }
    if kept.is_empty() {
        return lines;
    }
    removed.extend(gone.into_iter().map(|r| (r, "chrome")));
    kept
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

    /// A model that calls chrome exactly the sentences with one of `words`.
    fn flagging(words: &[&str]) -> chrome::ChromeModel {
        let bits = 12;
        let mut weights = vec![0.0; 1 << bits];
        for w in words {
            if let Some(x) = weights.get_mut(chrome::word_feature(w, bits) as usize) {
                *x = 20.0;
            }
        }
        chrome::ChromeModel::new(bits, weights, -10.0, 0.0).with_span(0.0)
    }

    #[test]
    fn learned_chrome_cuts_sentences_and_keeps_the_rest() {
        let text = "Crane falls in port\nA harbor crane fell on Monday. We use cookies here. The mayor spoke.\nCaldera Shipping will pay for repairs.\nNobody was hurt.";
        // (words the model flags, texts set aside, body lines kept)
        let cases: [(&[&str], &[&str], &[&str]); 3] = [
            (
                &["cookies"],
                &["We use cookies here."],
                &[
                    "Crane falls in port",
                    "A harbor crane fell on Monday.",
                    "The mayor spoke.",
                    "Caldera Shipping will pay for repairs.",
                    "Nobody was hurt.",
                ],
            ),
            (
                &["nobody"],
                &["Nobody was hurt."],
                &[
                    "Crane falls in port",
                    "A harbor crane fell on Monday. We use cookies here. The mayor spoke.",
                    "Caldera Shipping will pay for repairs.",
                ],
            ),
            // every sentence flagged: no article to keep, nothing set aside
            (
                &["crane", "cookies", "mayor", "caldera", "nobody", "harbor"],
                &[],
                &[
                    "Crane falls in port",
                    "A harbor crane fell on Monday. We use cookies here. The mayor spoke.",
                    "Caldera Shipping will pay for repairs.",
                    "Nobody was hurt.",
                ],
            ),
        ];
        for (words, gone, kept) in cases {
            let lines: Vec<Range<usize>> = {
                let mut pos = 0;
                text.split_inclusive('\n')
                    .map(|l| {
                        let r = trim_range(text, pos..pos + l.len());
                        pos += l.len();
                        r
                    })
                    .collect()
            };
            let mut removed = Vec::new();
            let body = learned_chrome(text, lines, &mut removed, &flagging(words));
            let got: Vec<&str> = removed.iter().map(|(r, _)| &text[r.clone()]).collect();
            assert_eq!(got, gone, "{words:?}");
            let got: Vec<&str> = body.iter().map(|r| &text[r.clone()]).collect();
            assert_eq!(got, kept, "{words:?}");
        }
    }

    #[test]
    fn learned_chrome_reads_only_pasted_english_of_several_sentences() {
        let german = "Kran stürzt im Hafen ein\nAm Montag stürzte im Hafen von Port Ellis ein Kran ein. Niemand wurde verletzt, sagte die Bürgermeisterin Elena Vasquez.\nDie Reederei Caldera Shipping will die Reparatur bezahlen. Der Liegeplatz bleibt eine Woche geschlossen.\nStartseite\nAnmelden";
        let short = "Harbor Daily\nA harbor crane fell on Monday.";
        for text in [german, short] {
            assert_eq!(clean_with(text, false, true), clean_with(text, false, false), "{text}");
        }
    }
}
