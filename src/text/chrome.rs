//! A learned detector of page chrome inside pasted text: cookie and
//! consent notices, robot checks, subscription and donation appeals,
//! menus, comment-section furniture, copyright lines.
//!
//! The hand-written rules of [`super::lines`] know a few English chrome
//! lines; pages in other languages and chrome written as whole sentences
//! ("We use cookies to improve your experience…", "Um die Funktion unserer
//! Website zu verbessern…") pass them. This detector is a logistic
//! regression over hashed features of one sentence (its words, the first
//! four letters of its words, which many languages share for the words of
//! such notices, word pairs, and its shape), trained by `corroborate
//! train-chrome` on real saved pages: the sentences of each page outside the
//! article its curators extracted are chrome, the article's are not, with
//! news text as more article sentences (`model/chrome.bin`, README
//! "Pasted page chrome").

use std::ops::Range;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

/// The file's first bytes.
const MAGIC: &[u8; 4] = b"CHR1";
/// Sentences longer than this many words are never chrome: notices are
/// short, and a long run of words is the article or a degraded copy's
/// paragraph (no sentence punctuation left to split it).
pub const MAX_WORDS: usize = 80;
/// Texts of fewer sentences are left as they are: a sentence or two
/// pasted alone has no page around it.
pub const MIN_SENTENCES: usize = 4;
/// The detector reads a text only when the hand-written rules set aside
/// at least this many chrome lines of it: the mark of a page pasted whole
/// (`corroborate train-chrome --page-lines N` measures the gates held out:
/// pasted pages F1 0.673 with none, 0.659 with one, 0.650 with two; with
/// none an article's results table was cut, `tests/red_team.rs`, and BBC
/// news lost text, 0.9996 kept).
pub const PAGE_LINES: usize = 1;
static GIVEN_PAGE_LINES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(PAGE_LINES);

/// Uses another gate than `PAGE_LINES` (`corroborate train-chrome
/// --page-lines N` measures them), or with `None` the committed one again.
pub fn use_page_lines(n: Option<usize>) {
    GIVEN_PAGE_LINES.store(n.unwrap_or(PAGE_LINES), std::sync::atomic::Ordering::Relaxed);
}

/// The gate in use: `PAGE_LINES` unless [`use_page_lines`] set another.
pub fn page_lines() -> usize {
    GIVEN_PAGE_LINES.load(std::sync::atomic::Ordering::Relaxed)
}

/// The most one sentence's score moves the article span, per word.
pub const SPAN_CAP: f32 = 3.0;

/// A chrome detector: hashed feature weights and the decision threshold.
#[derive(Debug, Clone, PartialEq)]
pub struct ChromeModel {
    bits: u32,
    bias: f32,
    /// A sentence is chrome when its score is at least this.
    threshold: f32,
    /// The margin of the article span ([`ChromeModel::article_span`]);
    /// NaN: no span, sentences are judged one by one.
    span: f32,
    weights: Vec<f32>,
}

impl ChromeModel {
    /// A model from its weights (`1 << bits` of them), bias and threshold.
    pub fn new(bits: u32, weights: Vec<f32>, bias: f32, threshold: f32) -> ChromeModel {
        let mut weights = weights;
        weights.resize(1 << bits.min(24), 0.0);
        ChromeModel { bits: bits.min(24), bias, threshold, span: f32::NAN, weights }
    }

    /// Reads a model written by [`ChromeModel::to_bytes`].
    ///
    /// # Errors
    ///
    /// A message naming what is wrong when the bytes are not such a model.
    ///
    /// ```
    /// use corroborate::internal::ChromeModel;
    /// let m = ChromeModel::new(4, vec![0.5; 16], -1.0, 0.0);
    /// assert_eq!(ChromeModel::from_bytes(&m.to_bytes()).unwrap().to_bytes(), m.to_bytes());
    /// assert!(ChromeModel::from_bytes(b"CHR1").is_err());
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Result<ChromeModel, String> {
        let rest = bytes.strip_prefix(MAGIC.as_slice()).ok_or("not a chrome model (no CHR1 header)")?;
        let (&bits, rest) = rest.split_first().ok_or("chrome model cut short")?;
        if !(1..=24).contains(&bits) {
            return Err(format!("chrome model has {bits} bits (1 to 24 expected)"));
        }
        let f = |at: usize| -> Result<f32, String> {
            let b: [u8; 4] = rest.get(at..at + 4).and_then(|s| s.try_into().ok()).ok_or("chrome model cut short")?;
            Ok(f32::from_le_bytes(b))
        };
        let (scale, bias, threshold, span) = (f(0)?, f(4)?, f(8)?, f(12)?);
        let n = 1usize << bits;
        let raw = rest.get(16..16 + n).ok_or("chrome model cut short")?;
        if rest.len() != 16 + n {
            return Err("chrome model has bytes past its weights".to_string());
        }
        let weights = raw.iter().map(|&b| f32::from(b as i8) * scale).collect();
        Ok(ChromeModel { bits: u32::from(bits), bias, threshold, span, weights })
    }

    /// The model as bytes: the header, then each weight as a signed byte
    /// (scaled so the largest is ±127).
    pub fn to_bytes(&self) -> Vec<u8> {
        let max = self.weights.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
        let mut out = MAGIC.to_vec();
        out.push(self.bits as u8);
        for x in [scale, self.bias, self.threshold, self.span] {
            out.extend(x.to_le_bytes());
        }
        out.extend(self.weights.iter().map(|w| (w / scale).round().clamp(-127.0, 127.0) as i8 as u8));
        out
    }

    /// The feature table's size in bits.
    pub fn bits(&self) -> u32 {
        self.bits
    }

    /// The decision threshold on [`ChromeModel::score`].
    pub fn threshold(&self) -> f32 {
        self.threshold
    }

    /// The same model deciding at another threshold.
    pub fn with_threshold(mut self, threshold: f32) -> ChromeModel {
        self.threshold = threshold;
        self
    }

    /// The same model keeping only the article span found with this
    /// margin (NaN: none).
    pub fn with_span(mut self, margin: f32) -> ChromeModel {
        self.span = margin;
        self
    }

    /// The article span of a text: the run of sentences whose sum of
    /// values, each weighted by the sentence's words, is largest: −[`SPAN_CAP`]
    /// for a sentence at the chrome threshold or above, `margin − score`
    /// (at most [`SPAN_CAP`]) for one below the margin, 0 between; the
    /// neutral sentences after the run join it, and one before it (its
    /// headline) (the body text of Finn et al. 2001,
    /// on learned scores): a pasted page's menus above and comment
    /// furniture below fall outside it. All sentences when the margin is
    /// NaN or no run has a positive sum.
    pub fn article_span(&self, sentences: &[Sentence], scores: &[f32]) -> Range<usize> {
        if self.span.is_nan() {
            return 0..sentences.len();
        }
        let values: Vec<f32> = sentences
            .iter()
            .zip(scores)
            .map(|(s, &score)| {
                // chrome counts against the run, article for it, and what
                // lies between (a results table, a list) neither way
                let value = if score >= self.threshold {
                    -SPAN_CAP
                } else if score >= self.span {
                    0.0
                } else {
                    (self.span - score).min(SPAN_CAP)
                };
                value * s.text.split_whitespace().take(MAX_WORDS).count() as f32
            })
            .collect();
        let (mut best, mut best_span) = (0f32, 0..sentences.len());
        let (mut run, mut start) = (0f32, 0);
        for (i, value) in values.iter().enumerate() {
            if run <= 0.0 {
                run = 0.0;
                start = i;
            }
            run += value;
            if run > best {
                best = run;
                best_span = start..i + 1;
            }
        }
        // the span takes in the neutral sentences after it (a results
        // table, a list; held out, pasted pages F1 0.662 when none joins
        // but with less of the article, recall 0.768 against 0.772)
        let neutral = |i: usize| values.get(i).is_some_and(|v| *v == 0.0);
        // before it, one neutral sentence at most (its headline): a menu
        // or a bar further up is the page's
        if best_span.start > 0 && neutral(best_span.start - 1) {
            best_span.start -= 1;
        }
        while neutral(best_span.end) {
            best_span.end += 1;
        }
        best_span
    }

    /// The log-odds that a sentence with these features
    /// ([`context_features`]) is chrome.
    pub fn score_features(&self, feats: &[u32]) -> f32 {
        self.bias + feats.iter().map(|&f| self.weights.get(f as usize).copied().unwrap_or(0.0)).sum::<f32>()
    }

    /// The log-odds that each sentence of a text is chrome, read with its
    /// neighbours ([`context_features`]).
    pub fn scores(&self, sentences: &[Sentence]) -> Vec<f32> {
        context_features(sentences, self.bits).iter().map(|f| self.score_features(f)).collect()
    }

    /// Which sentences of a text are chrome: [`MAX_WORDS`] words at most,
    /// and a score at the threshold or above.
    pub fn chrome(&self, sentences: &[Sentence]) -> Vec<bool> {
        let scores = self.scores(sentences);
        let span = self.article_span(sentences, &scores);
        let mut chrome: Vec<bool> = scores
            .iter()
            .zip(sentences)
            .enumerate()
            .map(|(i, (&score, s))| {
                let words = s.text.split_whitespace().take(MAX_WORDS + 1).count();
                !span.contains(&i) || (words > 0 && words <= MAX_WORDS && score >= self.threshold)
            })
            .collect();
        // the headline: a line of its own just before the body's first
        // sentence (one that reads as article, not a neutral line kept
        // beside it: a menu above a "Sign in" bar is no headline), short
        // and without closing punctuation
        let first = chrome.iter().zip(&scores).position(|(c, &s)| !c && s < self.span);
        if let Some(first) = first {
            let alone = |i: usize| {
                let line = sentences.get(i).map(|s| s.line);
                [i.checked_sub(1), Some(i + 1)].into_iter().flatten().all(|j| sentences.get(j).map(|s| s.line) != line)
            };
            if let Some(h) = first.checked_sub(1).filter(|&h| alone(h)) {
                let text = sentences.get(h).map_or("", |s| s.text.trim());
                let words = text.split_whitespace().count();
                let closed = text.ends_with(['.', '!', '?', ':', ';', ',', '|']);
                if (1..=20).contains(&words) && !closed {
                    if let Some(c) = chrome.get_mut(h) {
                        *c = false;
                    }
                }
            }
        }
        chrome
    }
}

/// One sentence of a text, with the line it is on.
#[derive(Debug, Clone, Copy)]
pub struct Sentence<'a> {
    /// The sentence.
    pub text: &'a str,
    /// The index of its line in the text.
    pub line: usize,
}

/// A feature index moved to another part of the table for a neighbour.
fn shifted(f: u32, tag: u32, bits: u32) -> u32 {
    let h = (f ^ tag.wrapping_mul(0x9e37_79b9)).wrapping_mul(0x85eb_ca6b);
    (h ^ (h >> 15)) & ((1u32 << bits) - 1)
}

/// The features of each sentence of a text: its own ([`features`]), the
/// sentences before and after it (each in its own part of the table),
/// whether those are on the same line, how many sentences its line has,
/// and where in the text it stands (tenths), since chrome gathers at the
/// top and the bottom of a pasted page.
///
/// ```
/// use corroborate::internal::{chrome_context_features, ChromeSentence};
/// let s = [ChromeSentence { text: "Menu", line: 0 }, ChromeSentence { text: "A crane fell.", line: 1 }];
/// let f = chrome_context_features(&s, 12);
/// assert_eq!(f.len(), 2);
/// assert!(f.iter().flatten().all(|&x| x < 1 << 12));
/// ```
pub fn context_features(sentences: &[Sentence], bits: u32) -> Vec<Vec<u32>> {
    let own: Vec<Vec<u32>> = sentences
        .iter()
        .map(|s| {
            let mut f = Vec::new();
            features(s.text, bits, &mut f);
            f
        })
        .collect();
    let mut per_line: Vec<usize> = Vec::new();
    for s in sentences {
        if per_line.len() <= s.line {
            per_line.resize(s.line + 1, 0);
        }
        if let Some(n) = per_line.get_mut(s.line) {
            *n += 1;
        }
    }
    let n = sentences.len();
    sentences
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mut f = own.get(i).cloned().unwrap_or_default();
            for (tag, side, j) in [(1u32, "1", i.checked_sub(1)), (2, "2", i.checked_add(1).filter(|&j| j < n))] {
                match j.and_then(|j| own.get(j).zip(sentences.get(j))) {
                    Some((g, t)) => {
                        f.extend(g.iter().map(|&x| shifted(x, tag, bits)));
                        let same = if t.line == s.line { "same" } else { "other" };
                        f.push(hash(b'l', &[side, same], bits));
                    }
                    None => f.push(hash(b'l', &[side, "none"], bits)),
                }
            }
            f.push(hash(b'k', &[bucket(per_line.get(s.line).copied().unwrap_or(1))], bits));
            // (no position feature: it cut the leads of articles)
            f
        })
        .collect()
}

static GIVEN: Mutex<Option<Arc<ChromeModel>>> = Mutex::new(None);

/// Uses another chrome model, or with `None` the committed one again
/// (evaluations that train their own, `corroborate train-chrome`).
pub fn use_chrome_model(model: Option<ChromeModel>) {
    *GIVEN.lock().unwrap_or_else(PoisonError::into_inner) = model.map(Arc::new);
}

/// The model in use: the English pack's `chrome.bin` (`model/chrome.bin`;
/// embedded in native builds, fetched with the English pack by the page's
/// worker). Before the pack is loaded, or from a damaged file, a model that
/// detects nothing.
pub fn chrome_model() -> Arc<ChromeModel> {
    static BUILT: OnceLock<Arc<ChromeModel>> = OnceLock::new();
    if let Some(m) = GIVEN.lock().unwrap_or_else(PoisonError::into_inner).as_ref() {
        return Arc::clone(m);
    }
    if let Some(m) = BUILT.get() {
        return Arc::clone(m);
    }
    match crate::lang::pack::section("en", "chrome.bin") {
        // the committed file is checked by a test; a damaged one detects nothing
        Some(bytes) => Arc::clone(BUILT.get_or_init(|| {
            Arc::new(ChromeModel::from_bytes(bytes).unwrap_or_else(|_| ChromeModel::new(1, Vec::new(), -1.0, 0.0)))
        })),
        None => Arc::new(ChromeModel::new(1, Vec::new(), -1.0, 0.0)),
    }
}

/// FNV-1a of a feature's kind and text, folded into `bits` bits.
fn hash(kind: u8, parts: &[&str], bits: u32) -> u32 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ u64::from(kind);
    h = h.wrapping_mul(0x0100_0000_01b3);
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            h = (h ^ 0x1f).wrapping_mul(0x0100_0000_01b3);
        }
        for b in p.bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    ((h ^ (h >> 29)) as u32) & ((1u32 << bits) - 1)
}

/// The index of a word's own feature (lowercase `word`) in a table of
/// `bits` bits.
#[cfg(test)]
pub(crate) fn word_feature(word: &str, bits: u32) -> u32 {
    hash(b'w', &[word], bits)
}

/// A count in a few buckets.
fn bucket(n: usize) -> &'static str {
    match n {
        0 => "0",
        1 => "1",
        2 => "2",
        3 => "3",
        4..=5 => "4",
        6..=9 => "6",
        10..=19 => "10",
        20..=39 => "20",
        _ => "40",
    }
}

/// The hashed features of one sentence (`bits`-bit indices, repeats kept).
///
/// ```
/// let mut f = Vec::new();
/// corroborate::internal::chrome_features("Accept all cookies", 12, &mut f);
/// assert!(!f.is_empty() && f.iter().all(|&x| x < 1 << 12));
/// ```
pub fn features(sentence: &str, bits: u32, out: &mut Vec<u32>) {
    out.clear();
    let pieces = || sentence.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
    let n_words = pieces().count();
    out.push(hash(b'B', &[], bits));
    out.push(hash(b'n', &[bucket(n_words)], bits));
    // each word lowercased into one of two buffers, the other holding the
    // word before it (no allocation per word)
    let (mut word, mut prev) = (String::new(), String::from("^"));
    let (mut any_cased, mut capitals) = (false, 0usize);
    for piece in pieces() {
        word.clear();
        for c in piece.chars() {
            word.extend(c.to_lowercase());
        }
        if let Some(c) = piece.chars().next() {
            capitals += usize::from(c.is_uppercase());
        }
        if let Some(c) = word.chars().next() {
            any_cased |= c.is_lowercase() || c.is_uppercase();
        }
        if word.chars().any(char::is_numeric) {
            out.push(hash(b'd', &[], bits));
            prev.clear();
            prev.push('0');
            continue;
        }
        out.push(hash(b'w', &[&word], bits));
        if let Some((cut, _)) = word.char_indices().nth(4) {
            out.push(hash(b'p', &[word.get(..cut).unwrap_or(&word)], bits));
        }
        out.push(hash(b'b', &[&prev, &word], bits));
        std::mem::swap(&mut prev, &mut word);
    }
    out.push(hash(b'b', &[&prev, "$"], bits));
    // shape: the closing mark, capitals, the marks of menus and notices
    let trimmed = sentence.trim();
    let last = trimmed.chars().last().map_or("none", |c| match c {
        '.' | '。' | '۔' => ".",
        '!' | '?' | '؟' | '！' | '？' => "!",
        ':' => ":",
        ',' | ';' => ",",
        ')' | ']' => ")",
        '"' | '”' | '»' | '\'' | '’' => "q",
        c if c.is_alphanumeric() => "w",
        _ => "x",
    });
    out.push(hash(b'e', &[last], bits));
    let first = trimmed.chars().next();
    let opener = first.map_or("none", |c| {
        if c.is_uppercase() {
            "A"
        } else if c.is_lowercase() {
            "a"
        } else if c.is_numeric() {
            "0"
        } else if c.is_alphabetic() {
            "l"
        } else {
            "x"
        }
    });
    out.push(hash(b's', &[opener], bits));
    if any_cased {
        let share = capitals * 4 / n_words.max(1);
        out.push(hash(b'c', &[bucket(share.min(4))], bits));
    }
    for (mark, name) in
        [('|', "bar"), ('©', "copy"), ('@', "at"), ('#', "hash"), ('•', "dot"), ('›', "gt"), ('»', "gt")]
    {
        if trimmed.contains(mark) {
            out.push(hash(b'm', &[name], bits));
        }
    }
    let has = |needle: &[u8]| trimmed.as_bytes().windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle));
    if has(b"http") || has(b"www.") || has(b".com") {
        out.push(hash(b'm', &["url"], bits));
    }
}

/// The sentences of `text[range]`, as trimmed byte ranges of `text`: a
/// sentence ends at `.`, `!`, `?` (or their full-width forms), with any
/// closing quotes and brackets after it, where white space and then no
/// lowercase letter follow ("U.S. officials" stays one sentence). Much
/// cheaper than the Unicode sentence rules, which cost the cleaner three
/// times its own time on English text.
pub fn sentence_ranges(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let Some(part) = text.get(range.clone()) else { return Vec::new() };
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = part.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !matches!(c, '.' | '!' | '?' | '。' | '！' | '？' | '؟') {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, q)) = chars.peek() {
            if matches!(q, '.' | '!' | '?' | '"' | '\'' | '”' | '’' | '»' | ')' | ']') {
                end = j + q.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        let rest = part.get(end..).unwrap_or_default();
        let next = rest.trim_start().chars().next();
        let spaced = rest.starts_with(char::is_whitespace);
        if spaced && next.is_some_and(|n| !n.is_lowercase()) {
            out.push(start..end);
            start = end;
        }
    }
    out.push(start..part.len());
    out.into_iter()
        .filter_map(|r| {
            let s = part.get(r.clone())?;
            let from = r.start + (s.len() - s.trim_start().len());
            let to = r.start + s.trim_end().len();
            (to > from).then(|| range.start + from..range.start + to)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn committed_model_reads() {
        let built_in = include_bytes!("../../model/chrome.bin").as_slice();
        let m = ChromeModel::from_bytes(built_in).expect("model/chrome.bin reads");
        assert_eq!(m.to_bytes(), built_in, "written back byte for byte");
    }

    #[test]
    fn damaged_models_are_refused() {
        // (bytes, part of the message)
        let good = ChromeModel::new(2, vec![1.0, -1.0, 0.5, 0.0], 0.0, 0.0).to_bytes();
        let cases: Vec<(Vec<u8>, &str)> = vec![
            (b"XXXX".to_vec(), "header"),
            (good[..good.len() - 1].to_vec(), "cut short"),
            ([good.clone(), vec![0]].concat(), "past its weights"),
            ([b"CHR1".as_slice(), &[30]].concat(), "bits"),
            (b"CHR1".to_vec(), "cut short"),
        ];
        for (bytes, want) in cases {
            let err = ChromeModel::from_bytes(&bytes).expect_err(want);
            assert!(err.contains(want), "{err} should say {want}");
        }
    }

    #[test]
    fn sentences_are_ranges_of_the_text() {
        let text = "Title\nWe use cookies. Accept all? The crane fell.";
        let line = 6..text.len();
        let got: Vec<&str> = sentence_ranges(text, line).into_iter().map(|r| &text[r]).collect();
        assert_eq!(got, vec!["We use cookies.", "Accept all?", "The crane fell."]);
        // (line, its sentences)
        let cases: [(&str, &[&str]); 6] = [
            ("U.S. officials met. They spoke.", &["U.S. officials met.", "They spoke."]),
            ("She said \"no.\" Then she left.", &["She said \"no.\"", "Then she left."]),
            ("Wait... what? Yes!", &["Wait... what?", "Yes!"]),
            ("起重机倒了。 没有人受伤。", &["起重机倒了。", "没有人受伤。"]),
            ("  no closing mark  ", &["no closing mark"]),
            ("", &[]),
        ];
        for (line, want) in cases {
            let got: Vec<&str> = sentence_ranges(line, 0..line.len()).into_iter().map(|r| &line[r]).collect();
            assert_eq!(got, want, "{line:?}");
        }
    }

    #[test]
    fn a_headline_right_above_the_body_stays_and_a_menu_does_not() {
        // words scoring chrome (+10 against the threshold 5), neutral (+2:
        // kept beside the article) or article (the bias, -10)
        let bits = 12;
        let mut weights = vec![0.0; 1 << bits];
        for (w, x) in [("weather", 20.0), ("falls", 20.0), ("subscribe", 12.0)] {
            if let Some(v) = weights.get_mut(word_feature(w, bits) as usize) {
                *v = x;
            }
        }
        let m = ChromeModel::new(bits, weights, -10.0, 5.0).with_span(0.0);
        // (lines, one sentence each; chrome or not)
        let cases: [(&[&str], &[bool]); 3] = [
            // a flagged headline right above the body stays
            (
                &["Harbor crane falls", "A harbor crane fell on Monday.", "Nobody was hurt.", "Weather"],
                &[false, false, false, true],
            ),
            // a menu above a neutral bar is no headline
            (
                &[
                    "Home | News | Sport | Weather",
                    "Sign in | Subscribe",
                    "A harbor crane fell on Monday.",
                    "Nobody was hurt.",
                ],
                &[true, false, false, false],
            ),
            // a flagged line that closes like a sentence is no headline
            (&["Weather today.", "A harbor crane fell on Monday.", "Nobody was hurt."], &[true, false, false]),
        ];
        for (lines, want) in cases {
            let s: Vec<Sentence> = lines.iter().enumerate().map(|(line, text)| Sentence { text, line }).collect();
            assert_eq!(m.chrome(&s), want, "{lines:?}");
        }
    }

    #[test]
    fn long_runs_of_words_are_never_chrome() {
        let always = ChromeModel::new(4, vec![5.0; 16], 5.0, 0.0);
        let long = "word ".repeat(MAX_WORDS + 1);
        let s = [
            Sentence { text: "Accept all cookies.", line: 0 },
            Sentence { text: &long, line: 1 },
            Sentence { text: "   ", line: 2 },
        ];
        assert_eq!(always.chrome(&s), vec![true, false, false]);
    }
}
