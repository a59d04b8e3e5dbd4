//! Tokens and sentences over the cleaned body of an article.
//!
//! Words follow the Unicode word boundaries of UAX #29
//! (`unicode-segmentation`; ASCII stretches take an equivalent fast path,
//! checked against the crate by a property test), with news-specific repairs
//! on top: possessive `'s` becomes its own token (so "war's" matches the
//! stripped "war s"), abbreviations lose their dots ("U.S" → `us`), runs of
//! single letters in stripped text join up ("u s" → `us`), and number ranges
//! and ISO dates stay one token ("7-8", "2017-05-02").
//!
//! Every token keeps its byte span in the original text and the symbol of its
//! normalized key in a [`Vocab`] shared by all articles of one analysis, so a
//! token is 16 bytes and two articles' words compare as integers.

use rustc_hash::FxHashMap;
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

/// The id of a normalized key in a [`Vocab`].
pub type Sym = u32;

/// Interned normalized keys, shared by the articles of one analysis.
///
/// ```
/// let mut v = corroborate::tokens::Vocab::default();
/// let a = v.intern("russia");
/// assert_eq!(v.intern("russia"), a);
/// assert_eq!(v.get(a), "russia");
/// assert_eq!(v.find("kremlin"), None);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Vocab {
    map: FxHashMap<Box<str>, Sym>,
    words: Vec<Box<str>>,
}

impl Vocab {
    /// The symbol of `key`, adding it when new.
    pub fn intern(&mut self, key: &str) -> Sym {
        if let Some(&s) = self.map.get(key) {
            return s;
        }
        let s = self.words.len() as Sym;
        self.words.push(key.into());
        self.map.insert(key.into(), s);
        s
    }

    /// The key of a symbol ("" for an unknown symbol).
    pub fn get(&self, sym: Sym) -> &str {
        self.words.get(sym as usize).map_or("", |w| w)
    }

    /// The symbol of `key` when it was interned.
    pub fn find(&self, key: &str) -> Option<Sym> {
        self.map.get(key).copied()
    }

    /// Number of distinct keys.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when nothing was interned.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// One token: 12 bytes, with its span in the original text. The key's
/// symbol, kind, case and preceding whitespace share one packed word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte in the original text.
    pub start: u32,
    /// Byte offset one past the last byte.
    pub end: u32,
    /// sym (27 bits) | kind (2) | capitalized (1) | gap (2)
    bits: u32,
}

const SYM_BITS: u32 = 27;
const SYM_MASK: u32 = (1 << SYM_BITS) - 1;

impl Token {
    /// A token; symbols above 2^27 (more distinct words than any accepted
    /// input holds) are folded into that range.
    pub fn new(start: u32, end: u32, sym: Sym, kind: TokenKind, capitalized: bool, gap: u8) -> Token {
        let k = match kind {
            TokenKind::Word => 0,
            TokenKind::Number => 1,
            TokenKind::Punct => 2,
        };
        let bits = (sym & SYM_MASK) | (k << SYM_BITS) | (u32::from(capitalized) << 29) | (u32::from(gap.min(3)) << 30);
        Token { start, end, bits }
    }

    /// Symbol of the normalized form used for matching (lowercase, NFKC, no
    /// dots or apostrophes) in the analysis' [`Vocab`].
    pub fn sym(&self) -> Sym {
        self.bits & SYM_MASK
    }

    /// What the token is.
    pub fn kind(&self) -> TokenKind {
        match (self.bits >> SYM_BITS) & 3 {
            0 => TokenKind::Word,
            1 => TokenKind::Number,
            _ => TokenKind::Punct,
        }
    }

    /// The first letter is uppercase in the original.
    pub fn capitalized(&self) -> bool {
        (self.bits >> 29) & 1 == 1
    }

    /// The whitespace before this token: 0 none, 1 one space, 2 two or more
    /// spaces, 3 a line break (or start of a body line).
    pub fn gap(&self) -> u8 {
        (self.bits >> 30) as u8
    }

    fn with_sym(self, sym: Sym) -> Token {
        Token { bits: (self.bits & !SYM_MASK) | (sym & SYM_MASK), ..self }
    }

    /// The byte range in the original text.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// True for words and numbers.
    pub fn is_wordlike(&self) -> bool {
        self.kind() != TokenKind::Punct
    }
}

/// A token with its key resolved: what stages that read keys often work on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok<'v> {
    /// Byte offset of the first byte in the original text.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The normalized key.
    pub norm: &'v str,
    /// The key's symbol.
    pub sym: Sym,
    /// What the token is.
    pub kind: TokenKind,
    /// The first letter is uppercase in the original.
    pub capitalized: bool,
    /// Whitespace before the token (see [`Token::gap`]).
    pub gap: u8,
}

impl<'v> Tok<'v> {
    /// The original text of the token.
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        source.get(self.start..self.end).unwrap_or("")
    }

    /// True for words and numbers.
    pub fn is_wordlike(&self) -> bool {
        self.kind != TokenKind::Punct
    }
}

/// Resolves tokens' keys for reading.
pub fn view<'v>(tokens: &[Token], vocab: &'v Vocab) -> Vec<Tok<'v>> {
    tokens
        .iter()
        .map(|t| Tok {
            start: t.start as usize,
            end: t.end as usize,
            norm: vocab.get(t.sym()),
            sym: t.sym(),
            kind: t.kind(),
            capitalized: t.capitalized(),
            gap: t.gap(),
        })
        .collect()
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

/// Splits the body ranges of `text` into tokens, interning their keys in
/// `vocab`. Texts must be shorter than 4 GiB (spans are `u32`); longer ones
/// are cut there.
///
/// ```
/// use corroborate::tokens::{tokenize, Vocab};
/// let text = "U.S. troops said Assad's war cost 320,000 lives on 2017-05-02.";
/// let mut vocab = Vocab::default();
/// let toks = tokenize(text, &[0..text.len()], &mut vocab);
/// let norms: Vec<&str> = toks.iter().map(|t| vocab.get(t.sym())).collect();
/// assert_eq!(norms, ["us", ".", "troops", "said", "assad", "s", "war", "cost", "320,000", "lives", "on", "2017-05-02", "."]);
/// assert_eq!(&text[toks[4].range()], "Assad");
/// ```
pub fn tokenize(text: &str, body: &[Range<usize>], vocab: &mut Vocab) -> Vec<Token> {
    let mut t = Tokenizer { text, vocab, out: Vec::with_capacity(text.len() / 5), key: String::new() };
    let limit = text.len().min(u32::MAX as usize);
    for range in body {
        let range = range.start.min(limit)..range.end.min(limit);
        let Some(part) = text.get(range.clone()) else { continue };
        let mut gap = 3u8;
        let mut on_segment = |off: usize, seg: &str| {
            let start = range.start + off;
            let first = seg.as_bytes().first().copied().unwrap_or(b' ');
            let is_space = if first < 0x80 {
                first.is_ascii_whitespace()
            } else {
                seg.chars().next().is_some_and(char::is_whitespace)
            };
            if is_space {
                let breaks = seg.contains(['\n', '\r']);
                gap = gap.max(if breaks {
                    3
                } else if seg.len() >= 2 && seg.chars().nth(1).is_some() {
                    2
                } else {
                    1
                });
                return;
            }
            let g = gap;
            gap = 0;
            t.segment(start, seg, g);
        };
        if part.is_ascii() {
            ascii_word_bounds(part, &mut on_segment);
        } else {
            for (off, seg) in part.split_word_bound_indices() {
                on_segment(off, seg);
            }
        }
    }
    t.out
}

/// Tokenizes a whole text as one body range with a fresh vocabulary.
///
/// ```
/// let (vocab, toks) = corroborate::tokens::tokenize_text("U.S. troops");
/// assert_eq!(vocab.get(toks[0].sym()), "us");
/// ```
pub fn tokenize_text(text: &str) -> (Vocab, Vec<Token>) {
    let mut vocab = Vocab::default();
    let toks = tokenize(text, std::slice::from_ref(&(0..text.len())), &mut vocab);
    (vocab, toks)
}

/// UAX #29 word boundaries restricted to ASCII, without table look-ups.
/// Calls `f(offset, segment)` for each segment, like
/// `split_word_bound_indices`.
pub fn ascii_word_bounds(s: &str, f: &mut impl FnMut(usize, &str)) {
    let b = s.as_bytes();
    let n = b.len();
    let letter = |c: u8| c.is_ascii_alphabetic();
    let digit = |c: u8| c.is_ascii_digit();
    let wordish = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let at = |i: usize| b.get(i).copied();
    let mut i = 0;
    while let Some(c) = at(i) {
        let start = i;
        if wordish(c) {
            i += 1;
            loop {
                while at(i).is_some_and(wordish) {
                    i += 1;
                }
                // WB6/7, WB11/12: a middle character between two letters or two digits
                // (`i >= 1` here, and the three bytes exist when `i + 1 < n`)
                if let Some(&[prev, mid, next]) = b.get(i - 1..i + 2) {
                    let letters = letter(prev) && letter(next) && matches!(mid, b':' | b'.' | b'\'');
                    let digits = digit(prev) && digit(next) && matches!(mid, b',' | b';' | b'.' | b'\'');
                    if letters || digits {
                        i += 2;
                        continue;
                    }
                }
                break;
            }
        } else if c == b' ' {
            while at(i) == Some(b' ') {
                i += 1;
            }
        } else if c == b'\r' && at(i + 1) == Some(b'\n') {
            i += 2;
        } else {
            i += 1;
            // a non-ASCII character (the callers pass ASCII only) is kept
            // whole, so every segment is a slice of `s`
            if !c.is_ascii() {
                while i < n && !s.is_char_boundary(i) {
                    i += 1;
                }
            }
        }
        if let Some(seg) = s.get(start..i) {
            f(start, seg);
        }
    }
}

struct Tokenizer<'a, 'v> {
    text: &'a str,
    vocab: &'v mut Vocab,
    out: Vec<Token>,
    key: String,
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

fn single_letter(key: &str) -> bool {
    let mut cs = key.chars();
    cs.next().is_some_and(char::is_alphabetic) && cs.next().is_none()
}

impl Tokenizer<'_, '_> {
    fn push(&mut self, start: usize, end: usize, sym: Sym, kind: TokenKind, capitalized: bool, gap: u8) {
        self.out.push(Token::new(start as u32, end as u32, sym, kind, capitalized, gap));
    }

    fn segment(&mut self, start: usize, seg: &str, gap: u8) {
        let is_word = if seg.is_ascii() {
            seg.bytes().any(|b| b.is_ascii_alphanumeric())
        } else {
            seg.chars().any(char::is_alphanumeric)
        };
        if is_word {
            self.word(start, start + seg.len(), gap);
            return;
        }
        for (i, c) in seg.char_indices() {
            let s = start + i;
            let p = normalize_punct(c);
            let mut buf = [0u8; 4];
            let sym = self.vocab.intern(p.encode_utf8(&mut buf));
            // "7" "-" "8" with no spaces: one number token, joined below
            self.push(s, s + c.len_utf8(), sym, TokenKind::Punct, false, if i == 0 { gap } else { 0 });
        }
    }

    fn word(&mut self, start: usize, end: usize, gap: u8) {
        let text = self.text;
        // `start..end` is a segment of `text` (character boundaries)
        let seg = text.get(start..end).unwrap_or_default();
        // Possessive 's / ’s becomes its own token.
        let mut stem_end = end;
        for suffix in ["'s", "’s", "'S", "’S"] {
            if seg.len() > suffix.len() + 1 && seg.ends_with(suffix) {
                stem_end = end - suffix.len();
            }
        }
        let stem = text.get(start..stem_end).unwrap_or_default();
        let has_alpha = if stem.is_ascii() {
            stem.bytes().any(|b| b.is_ascii_alphabetic())
        } else {
            stem.chars().any(char::is_alphabetic)
        };
        let capitalized = stem.chars().next().is_some_and(char::is_uppercase);
        if has_alpha {
            self.key.clear();
            crate::normalize::push_word_key(stem, &mut self.key);
            // "u s" (stripped "U.S."): single letters one space apart join up
            if single_letter(&self.key) && !matches!(self.key.as_str(), "a" | "i") {
                if let Some(prev) = self.out.last().copied() {
                    let pk = self.vocab.get(prev.sym());
                    let joinable = prev.kind() == TokenKind::Word
                        && gap == 1
                        && pk.chars().all(char::is_alphabetic)
                        && pk.chars().count() <= 3
                        && self.joined_letters(prev);
                    if joinable {
                        let joined = format!("{pk}{}", self.key);
                        let sym = self.vocab.intern(&joined);
                        if let Some(last) = self.out.last_mut() {
                            last.end = stem_end as u32;
                            *last = last.with_sym(sym);
                        }
                        return;
                    }
                }
            }
            let sym = self.vocab.intern(&self.key);
            self.push(start, stem_end, sym, TokenKind::Word, capitalized, gap);
        } else {
            // "7-8", "2017-05-02": numbers joined by a hyphen without spaces
            if let (0, [.., a, dash]) = (gap, self.out.as_slice()) {
                let (a, dash) = (*a, *dash);
                if a.kind() == TokenKind::Number && dash.gap() == 0 && self.vocab.get(dash.sym()) == "-" {
                    if let Some(joined) = text.get(a.start as usize..stem_end) {
                        let sym = self.vocab.intern(joined);
                        self.out.pop();
                        if let Some(last) = self.out.last_mut() {
                            last.end = stem_end as u32;
                            *last = last.with_sym(sym);
                        }
                        return;
                    }
                }
            }
            let sym = self.vocab.intern(stem);
            self.push(start, stem_end, sym, TokenKind::Number, false, gap);
        }
        if stem_end < end {
            let quote_len = text.get(stem_end..).and_then(|s| s.chars().next()).map_or(1, char::len_utf8);
            let sym = self.vocab.intern("s");
            self.push(stem_end + quote_len, end, sym, TokenKind::Word, false, 0);
        }
    }

    /// True when `prev` is itself a run of single letters one space apart
    /// ("u", or "u s" already joined), so the next single letter extends it.
    fn joined_letters(&self, prev: Token) -> bool {
        let Some(src) = self.text.get(prev.range()) else { return false };
        let first = src.chars().next().map(|c| c.to_ascii_lowercase());
        src.split(' ').all(|l| l.chars().count() == 1) && !matches!(first, Some('a' | 'i' | 's'))
    }
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
/// typical sentence starter also ends one, since that is where the stripped
/// punctuation stood.
///
/// ```
/// use corroborate::tokens::{tokenize_text, sentences};
/// let text = "Mr. Smith met Dr. Jones. They spoke! Later, talks resumed.";
/// let (vocab, toks) = tokenize_text(text);
/// let s = sentences(&toks, &vocab, false);
/// let got: Vec<&str> = s.iter().map(|s| &text[s.start..s.end]).collect();
/// assert_eq!(got, ["Mr. Smith met Dr. Jones.", "They spoke!", "Later, talks resumed."]);
/// ```
pub fn sentences(tokens: &[Token], vocab: &Vocab, degraded: bool) -> Vec<Sentence> {
    let norm = |t: &Token| vocab.get(t.sym());
    let mut out = Vec::new();
    let mut begin = 0usize;
    let mut words_in = 0usize;
    let mut last_word: Option<usize> = None;
    let close = |out: &mut Vec<Sentence>, from: usize, to: usize| {
        let Some(ts) = tokens.get(from..to) else { return };
        if let (Some(first), Some(last)) = (ts.first(), ts.last()) {
            if ts.iter().any(Token::is_wordlike) {
                out.push(Sentence { start: first.start as usize, end: last.end as usize, tokens: from..to });
            }
        }
    };
    let norm_at = |i: usize| tokens.get(i).map_or("", norm);
    let mut i = 0;
    while let Some(t) = tokens.get(i) {
        // A line break always starts a new sentence.
        if i > begin && t.gap() >= 3 {
            close(&mut out, begin, i);
            begin = i;
            words_in = 0;
        } else if degraded && i > begin && t.kind() == TokenKind::Word && t.gap() == 2 && words_in >= 4 {
            let prev_abbrev = last_word.is_some_and(|p| norm_at(p) == "us");
            if !prev_abbrev && STARTERS.contains(&norm(t)) {
                close(&mut out, begin, i);
                begin = i;
                words_in = 0;
            }
        }
        if t.is_wordlike() {
            words_in += 1;
        }
        let n = norm(t);
        if t.kind() == TokenKind::Punct && matches!(n, "." | "!" | "?" | "。" | "！" | "？") {
            // include closing quotes and brackets
            let mut end = i + 1;
            while tokens.get(end).is_some_and(|x| x.gap() == 0 && matches!(norm(x), "\"" | "'" | ")" | "]")) {
                end += 1;
            }
            let next = tokens.get(end);
            let abbrev = n == "."
                && last_word
                    .filter(|&p| p >= begin)
                    .and_then(|p| tokens.get(p))
                    .is_some_and(|p| p.end == t.start && ABBREVIATIONS.contains(&norm(p)));
            let starts_next = next.is_none_or(|x| {
                x.gap() >= 3
                    || x.capitalized()
                    || x.kind() == TokenKind::Number
                    || !x.is_wordlike()
                    || !norm(x).chars().any(char::is_lowercase)
            });
            let cjk = matches!(n, "。" | "！" | "？");
            if (cjk || (next.is_none_or(|x| x.gap() > 0) && starts_next))
                && !(abbrev && next.is_some_and(|x| x.capitalized() && x.gap() < 3))
            {
                close(&mut out, begin, end);
                begin = end;
                words_in = 0;
                if t.is_wordlike() {
                    last_word = Some(i);
                }
                i = end;
                continue;
            }
        }
        if t.is_wordlike() {
            last_word = Some(i);
        }
        i += 1;
    }
    close(&mut out, begin, tokens.len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(text: &str) -> Vec<String> {
        let (vocab, toks) = tokenize_text(text);
        toks.iter().map(|t| vocab.get(t.sym()).to_string()).collect()
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
        let (vocab, toks) = tokenize_text(text);
        for t in toks {
            let s = &text[t.range()];
            assert!(!s.is_empty());
            if t.kind() == TokenKind::Word {
                let folded: String = s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
                assert_eq!(folded, vocab.get(t.sym()), "{s}");
            }
        }
    }

    #[test]
    fn token_packing_round_trips() {
        assert_eq!(std::mem::size_of::<Token>(), 12);
        let cases = [
            (0, TokenKind::Word, false, 0),
            (SYM_MASK, TokenKind::Number, true, 3),
            (12345, TokenKind::Punct, true, 1),
            (7, TokenKind::Word, false, 2),
        ];
        for (sym, kind, cap, gap) in cases {
            let t = Token::new(1, 2, sym, kind, cap, gap);
            assert_eq!((t.sym(), t.kind(), t.capitalized(), t.gap()), (sym, kind, cap, gap));
            let u = t.with_sym(99);
            assert_eq!((u.sym(), u.kind(), u.capitalized(), u.gap()), (99, kind, cap, gap));
        }
        assert_eq!(Token::new(0, 1, 0, TokenKind::Word, false, 9).gap(), 3, "gap saturates");
    }

    #[test]
    fn ascii_fast_path_matches_uax29() {
        let cases = [
            "U.S. troops, 3.5 percent; 320,000 people: don't -- it's 7-8 a.m.",
            "a:b a.b 1.2 1,2 1;2 a'b 1'2 a_b __ a. .a 1. ,1 x1y 1x",
            "  two  spaces\r\nand\ttabs\n\n  end ",
            "e.g. i.e. U.S.A. 2017-05-02 (Reuters) - x",
        ];
        for s in cases {
            let mut fast = Vec::new();
            ascii_word_bounds(s, &mut |o, seg| fast.push((o, seg.to_string())));
            let slow: Vec<(usize, String)> = s.split_word_bound_indices().map(|(o, x)| (o, x.to_string())).collect();
            assert_eq!(fast, slow, "{s:?}");
        }
    }

    #[test]
    fn ascii_fast_path_survives_non_ascii() {
        // the tokenizer only calls it on ASCII text, but it is public: a
        // non-ASCII character used to be cut in half (a slicing panic)
        for s in ["é", "a é b", "x—y", "日本", "a\u{1F600}"] {
            let mut segs = String::new();
            ascii_word_bounds(s, &mut |o, seg| {
                assert_eq!(o, segs.len(), "{s:?}");
                segs.push_str(seg);
            });
            assert_eq!(segs, s);
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
            let (vocab, toks) = tokenize_text(text);
            let got = sentences(&toks, &vocab, *degraded);
            assert_eq!(
                got.len(),
                *want,
                "sentences of {text:?}: {:?}",
                got.iter().map(|s| &text[s.start..s.end]).collect::<Vec<_>>()
            );
        }
    }
}
