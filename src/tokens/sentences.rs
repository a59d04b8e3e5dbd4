use crate::lang::en::ABBREVIATIONS;
use crate::lang::en::STARTERS;
use crate::tokens::Sentence;
use crate::tokens::Token;
use crate::tokens::TokenKind;
use crate::tokens::Vocab;

/// Splits tokens into sentences.
///
/// Sentences end at `.`, `!`, `?` (not after a known abbreviation, and only
/// before something that can start a sentence), and at line breaks. In
/// degraded text (`degraded == true`) a run of two or more spaces before a
/// typical sentence starter also ends one, since that is where the stripped
/// punctuation stood.
///
/// ```
/// use corroborate::internal::{tokenize_text, sentences};
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
                && last_word.filter(|&p| p >= begin).and_then(|p| tokens.get(p)).is_some_and(|p| {
                    p.end == t.start
                            && ABBREVIATIONS.contains(&norm(p))
                            // words that are also abbreviations: "No." only
                            // before a number ("No. 5"), "us" only as "US"
                            && match norm(p) {
                                "no" => next.is_some_and(|x| x.kind() == TokenKind::Number),
                                "us" => p.capitalized(),
                                _ => true,
                            }
                });
            let starts_next = next.is_none_or(|x| {
                x.gap() >= 3
                    || x.capitalized()
                    || x.kind() == TokenKind::Number
                    || !x.is_wordlike()
                    || !norm(x).chars().any(char::is_lowercase)
            });
            let cjk = matches!(n, "。" | "！" | "？");
            if (cjk || (next.is_none_or(|x| x.gap() > 0) && starts_next))
                && !(abbrev && next.is_some_and(|x| (x.capitalized() || x.kind() == TokenKind::Number) && x.gap() < 3))
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
    use crate::tokens::tokenize_text;

    #[test]
    fn sentence_rules() {
        // (text, degraded, expected sentence count)
        let cases: &[(&str, bool, usize)] = &[
            // issue 15: "no." was read as the abbreviation of "number"
            ("The mayor said no. The council agreed.", false, 2),
            ("He told us. The council agreed.", false, 2),
            ("It was No. 5 on the list. Then it fell.", false, 2),
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
