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

mod key;
mod sentences;
mod tokenize;

pub use key::{push_word_key, word_key};
pub use sentences::sentences;
pub use tokenize::{ascii_word_bounds, tokenize, tokenize_text};

use rustc_hash::FxHashMap;
use std::ops::Range;

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
/// let mut v = corroborate::internal::Vocab::default();
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

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_segmentation::UnicodeSegmentation;

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
}
