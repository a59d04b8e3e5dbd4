//! Tokens and sentences over the cleaned body of an article.
//!
//! Words follow the Unicode word boundaries of UAX #29
//! (`unicode-segmentation`), with news-specific repairs on top: possessive
//! `'s` becomes its own token (so "war's" matches the stripped "war s"),
//! abbreviations lose their dots ("U.S" → `us`), runs of single letters in
//! stripped text join up ("u s" → `us`), and number ranges and ISO dates stay
//! one token ("7-8", "2017-05-02"). Every token keeps its byte span in the
//! original text and a normalized form for matching.

use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (possibly with digits).
    Word,
    /// Digits, with separators and ranges.
    Number,
    /// Punctuation and symbols.
    Punct,
}

/// One token with its span in the original text.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// Byte offset of the first byte in the original text.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Normalized form used for matching: lowercase, no dots or apostrophes.
    pub norm: String,
    /// What the token is.
    pub kind: TokenKind,
    /// The first letter is uppercase in the original.
    pub capitalized: bool,
    /// The whitespace before this token: 0 none, 1 one space, 2 two or more
    /// spaces, 3 a line break (or start of a body line).
    pub gap: u8,
}

impl Token {
    /// The original text of the token.
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        source.get(self.start..self.end).unwrap_or("")
    }

    /// True for words and numbers.
    pub fn is_wordlike(&self) -> bool {
        self.kind != TokenKind::Punct
    }
}

/// A sentence: a range of tokens and its byte span.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// Byte offset of the first token.
    pub start: usize,
    /// Byte offset one past the last token.
    pub end: usize,
    /// Indices into the token list.
    pub tokens: Range<usize>,
}

/// Splits the body ranges of `text` into tokens.
///
/// ```
/// use corroborate::tokens::tokenize;
/// let text = "U.S. troops said Assad's war cost 320,000 lives on 2017-05-02.";
/// let toks = tokenize(text, &[0..text.len()]);
/// let norms: Vec<&str> = toks.iter().map(|t| t.norm.as_str()).collect();
/// assert_eq!(norms, ["us", ".", "troops", "said", "assad", "s", "war", "cost", "320,000", "lives", "on", "2017-05-02", "."]);
/// assert_eq!(&text[toks[4].start..toks[4].end], "Assad");
/// ```
pub fn tokenize(text: &str, body: &[Range<usize>]) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(text.len() / 5);
    for range in body {
        let Some(part) = text.get(range.clone()) else { continue };
        let mut gap = 3u8;
        for (off, seg) in part.split_word_bound_indices() {
            let start = range.start + off;
            let end = start + seg.len();
            let first = seg.chars().next().unwrap_or(' ');
            if first.is_whitespace() {
                let breaks = seg.contains('\n') || seg.contains('\r');
                gap = gap.max(if breaks {
                    3
                } else if seg.chars().count() >= 2 {
                    2
                } else {
                    1
                });
                continue;
            }
            let g = gap;
            gap = 0;
            if seg.chars().any(char::is_alphanumeric) {
                push_word(&mut out, text, start, end, g);
            } else {
                for (i, c) in seg.char_indices() {
                    let s = start + i;
                    out.push(Token {
                        start: s,
                        end: s + c.len_utf8(),
                        norm: normalize_punct(c).to_string(),
                        kind: TokenKind::Punct,
                        capitalized: false,
                        gap: if i == 0 { g } else { 0 },
                    });
                }
            }
        }
    }
    join_numbers(&mut out);
    join_letters(&mut out, text);
    out
}

fn normalize_punct(c: char) -> char {
    match c {
        '“' | '”' | '„' | '«' | '»' | '″' => '"',
        '‘' | '’' | '‚' | '′' | '`' => '\'',
        '–' | '—' | '‒' | '―' | '−' => '-',
        '…' => '.',
        _ => c,
    }
}

fn push_word(out: &mut Vec<Token>, text: &str, start: usize, end: usize, gap: u8) {
    let seg = &text[start..end];
    // Possessive 's / ’s becomes its own token.
    let mut stem_end = end;
    for suffix in ["'s", "’s", "'S", "’S"] {
        if seg.len() > suffix.len() + 1 && seg.ends_with(suffix) {
            stem_end = end - suffix.len();
        }
    }
    let stem = &text[start..stem_end];
    let has_alpha = stem.chars().any(char::is_alphabetic);
    let kind = if has_alpha { TokenKind::Word } else { TokenKind::Number };
    let norm: String = if kind == TokenKind::Number { stem.to_string() } else { crate::normalize::word_key(stem) };
    out.push(Token {
        start,
        end: stem_end,
        norm,
        kind,
        capitalized: stem.chars().next().is_some_and(char::is_uppercase),
        gap,
    });
    if stem_end < end {
        let quote_len = text[stem_end..].chars().next().map_or(1, char::len_utf8);
        out.push(Token {
            start: stem_end + quote_len,
            end,
            norm: "s".into(),
            kind: TokenKind::Word,
            capitalized: false,
            gap: 0,
        });
    }
}

/// Joins `7` `-` `8` and `2017` `-` `05` `-` `02` (no spaces) into one
/// number token.
fn join_numbers(tokens: &mut Vec<Token>) {
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let mut t = tokens[i].clone();
        if t.kind == TokenKind::Number {
            while i + 2 < tokens.len()
                && tokens[i + 1].norm == "-"
                && tokens[i + 1].gap == 0
                && tokens[i + 2].kind == TokenKind::Number
                && tokens[i + 2].gap == 0
            {
                t.norm = format!("{}-{}", t.norm, tokens[i + 2].norm);
                t.end = tokens[i + 2].end;
                i += 2;
            }
        }
        out.push(t);
        i += 1;
    }
    *tokens = out;
}

/// Joins runs of single letters separated by one space or a dot, as left
/// behind when "U.S." is stripped to "u s", into one word `us`.
fn join_letters(tokens: &mut Vec<Token>, text: &str) {
    let single = |t: &Token| {
        t.kind == TokenKind::Word && t.norm.chars().count() == 1 && t.norm != "a" && t.norm != "i" && t.norm != "s"
    };
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if single(t) {
            let mut j = i + 1;
            let mut norm = t.norm.clone();
            // next single letter directly after one space (or "s" closing "u s")
            while j < tokens.len()
                && tokens[j].kind == TokenKind::Word
                && tokens[j].norm.chars().count() == 1
                && tokens[j].gap == 1
                && tokens[j].norm != "a"
                && tokens[j].norm != "i"
            {
                norm.push_str(&tokens[j].norm);
                j += 1;
            }
            if j > i + 1 && text.get(t.start..tokens[j - 1].end).is_some() {
                out.push(Token { end: tokens[j - 1].end, norm, ..t.clone() });
                i = j;
                continue;
            }
        }
        out.push(t.clone());
        i += 1;
    }
    *tokens = out;
}

/// Tokenizes a whole text as one body range.
///
/// ```
/// let toks = corroborate::tokens::tokenize_text("U.S. troops");
/// assert_eq!(toks[0].norm, "us");
/// ```
pub fn tokenize_text(text: &str) -> Vec<Token> {
    tokenize(text, std::slice::from_ref(&(0..text.len())))
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "st", "jr", "sr", "inc",
    "corp", "co", "ltd", "vs", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "us", "uk", "un", "eu", "e.g", "i.e", "eg", "ie", "etc",
];

/// Words that often start a sentence; in text stripped of punctuation a run
/// of spaces before one of them is taken as a sentence break.
const STARTERS: &[&str] = &[
    "the",
    "a",
    "an",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "this",
    "that",
    "these",
    "those",
    "but",
    "and",
    "in",
    "on",
    "at",
    "after",
    "before",
    "since",
    "while",
    "when",
    "there",
    "his",
    "her",
    "their",
    "its",
    "according",
    "both",
    "some",
    "many",
    "meanwhile",
    "however",
    "last",
    "earlier",
    "later",
];

/// Splits tokens into sentences.
///
/// Sentences end at `.`, `!`, `?` (not after a known abbreviation, and only
/// before something that can start a sentence), and at line breaks. In
/// degraded text (`degraded == true`) a run of two or more spaces before a
/// typical sentence starter, or three or more anywhere, also ends one, since
/// that is where the stripped punctuation stood.
///
/// ```
/// use corroborate::tokens::{tokenize_text, sentences};
/// let text = "Mr. Smith met Dr. Jones. They spoke! Later, talks resumed.";
/// let toks = tokenize_text(text);
/// let s = sentences(&toks, false);
/// let got: Vec<&str> = s.iter().map(|s| &text[s.start..s.end]).collect();
/// assert_eq!(got, ["Mr. Smith met Dr. Jones.", "They spoke!", "Later, talks resumed."]);
/// ```
pub fn sentences(tokens: &[Token], degraded: bool) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut begin = 0usize;
    let mut words_in = 0usize;
    let close = |out: &mut Vec<Sentence>, from: usize, to: usize| {
        if to > from {
            out.push(Sentence { start: tokens[from].start, end: tokens[to - 1].end, tokens: from..to });
        }
    };
    for i in 0..tokens.len() {
        let t = &tokens[i];
        // A line break always starts a new sentence.
        if i > begin && t.gap >= 3 {
            close(&mut out, begin, i);
            begin = i;
            words_in = 0;
        } else if degraded && i > begin && t.kind == TokenKind::Word && t.gap == 2 && words_in >= 4 {
            let prev_abbrev = tokens[..i].iter().rev().find(|p| p.is_wordlike()).is_some_and(|p| p.norm == "us");
            if !prev_abbrev && STARTERS.contains(&t.norm.as_str()) {
                close(&mut out, begin, i);
                begin = i;
                words_in = 0;
            }
        }
        if t.is_wordlike() {
            words_in += 1;
        }
        if matches!(t.norm.as_str(), "." | "!" | "?" | "。" | "！" | "？") {
            // include closing quotes and brackets
            let mut end = i + 1;
            while end < tokens.len()
                && tokens[end].gap == 0
                && matches!(tokens[end].norm.as_str(), "\"" | "'" | ")" | "]")
            {
                end += 1;
            }
            let next = tokens.get(end);
            let prev_word = tokens[begin..i].iter().rev().find(|p| p.is_wordlike());
            let abbrev = t.norm == "."
                && prev_word.is_some_and(|p| p.end == t.start && ABBREVIATIONS.contains(&p.norm.as_str()));
            let starts_next = next.is_none_or(|n| {
                n.gap >= 3
                    || n.capitalized
                    || n.kind == TokenKind::Number
                    || !n.is_wordlike()
                    || !n.norm.chars().any(char::is_lowercase)
            });
            let cjk = matches!(t.norm.as_str(), "。" | "！" | "？");
            if (cjk || (next.is_none_or(|n| n.gap > 0) && starts_next))
                && !(abbrev && next.is_some_and(|n| n.capitalized && n.gap < 3))
            {
                close(&mut out, begin, end);
                begin = end;
                words_in = 0;
            }
        }
    }
    close(&mut out, begin, tokens.len());
    out.retain(|s| s.tokens.clone().any(|i| tokens[i].is_wordlike()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(text: &str) -> Vec<String> {
        tokenize_text(text).into_iter().map(|t| t.norm).collect()
    }

    #[test]
    fn token_rules() {
        let cases: &[(&str, &[&str])] = &[
            ("U.S. troops", &["us", ".", "troops"]),
            ("U.S troops", &["us", "troops"]),
            ("US troops", &["us", "troops"]),
            ("u s  president", &["us", "president"]),
            ("a u s official", &["a", "us", "official"]),
            ("Assad's ally", &["assad", "s", "ally"]),
            ("Assad’s ally", &["assad", "s", "ally"]),
            ("civil war s refugees", &["civil", "war", "s", "refugees"]),
            ("al-Assad", &["al", "-", "assad"]),
            ("don't", &["dont"]),
            ("320,000 people", &["320,000", "people"]),
            ("July 7-8", &["july", "7-8"]),
            ("on 2017-05-02", &["on", "2017-05-02"]),
            ("pages 7 - 8", &["pages", "7", "-", "8"]),
            ("“Quoted” — dash…", &["\"", "quoted", "\"", "-", "dash", "."]),
            ("日本語のテキスト", &["日", "本", "語", "の", "テキスト"]),
            ("emoji 🙂 ok", &["emoji", "🙂", "ok"]),
        ];
        for (input, want) in cases {
            assert_eq!(norms(input), *want, "tokens of {input:?}");
        }
    }

    #[test]
    fn spans_slice_the_original() {
        let text = "Assad’s U.S. ally, “al-Assad” 🙂 2017-05-02";
        for t in tokenize_text(text) {
            let s = &text[t.start..t.end];
            assert!(!s.is_empty());
            if t.kind == TokenKind::Word {
                let folded: String = s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
                assert_eq!(folded, t.norm, "{s}");
            }
        }
    }

    #[test]
    fn sentence_rules() {
        // (text, degraded, expected sentence count)
        let cases: &[(&str, bool, usize)] = &[
            ("One. Two. Three.", false, 3),
            ("He met U.S. President Smith. Then left.", false, 2),
            ("The vote was 3.5 percent. Fine.", false, 2),
            ("\"It is over.\" He left.", false, 2),
            ("line one\nline two", false, 2),
            ("e.g. this stays one sentence", false, 1),
            ("the leaders spoke by phone  the two men agreed  to meet", true, 2),
            ("u s  president donald trump spoke today  the kremlin said", true, 2),
            ("这是第一句。这是第二句。", false, 2),
        ];
        for (text, degraded, want) in cases {
            let toks = tokenize_text(text);
            let got = sentences(&toks, *degraded);
            assert_eq!(
                got.len(),
                *want,
                "sentences of {text:?}: {:?}",
                got.iter().map(|s| &text[s.start..s.end]).collect::<Vec<_>>()
            );
        }
    }
}
