use crate::tokens::Sym;
use crate::tokens::Token;
use crate::tokens::TokenKind;
use crate::tokens::Vocab;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// Splits the body ranges of `text` into tokens, interning their keys in
/// `vocab`. Texts must be shorter than 4 GiB (spans are `u32`); longer ones
/// are cut there.
///
/// ```
/// use corroborate::internal::{tokenize, Vocab};
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
/// let (vocab, toks) = corroborate::internal::tokenize_text("U.S. troops");
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
            crate::tokens::push_word_key(stem, &mut self.key);
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
