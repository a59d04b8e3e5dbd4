use std::borrow::Cow;

/// The names of U+00A0 to U+00FF, in order.
const LATIN1: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo", "not", "shy",
    "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot", "cedil", "sup1", "ordm",
    "raquo", "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig",
    "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve",
    "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN",
    "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil", "egrave", "eacute", "ecirc",
    "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml",
    "divide", "oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml",
];

/// Other common named references.
const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("mdash", '—'),
    ("ndash", '–'),
    ("hellip", '…'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("bull", '•'),
    ("prime", '′'),
    ("Prime", '″'),
    ("dagger", '†'),
    ("Dagger", '‡'),
    ("permil", '‰'),
    ("trade", '™'),
    ("euro", '€'),
    ("minus", '−'),
    ("thinsp", '\u{2009}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("zwnj", '\u{200C}'),
    ("zwj", '\u{200D}'),
    ("lrm", '\u{200E}'),
    ("rlm", '\u{200F}'),
    ("OElig", 'Œ'),
    ("oelig", 'œ'),
    ("Scaron", 'Š'),
    ("scaron", 'š'),
    ("Zcaron", 'Ž'),
    ("zcaron", 'ž'),
    ("Yuml", 'Ÿ'),
    ("fnof", 'ƒ'),
    ("circ", 'ˆ'),
    ("tilde", '˜'),
    ("larr", '←'),
    ("rarr", '→'),
    ("uarr", '↑'),
    ("darr", '↓'),
    ("harr", '↔'),
    ("le", '≤'),
    ("ge", '≥'),
    ("ne", '≠'),
    ("asymp", '≈'),
    ("infin", '∞'),
    ("alpha", 'α'),
    ("beta", 'β'),
    ("gamma", 'γ'),
    ("delta", 'δ'),
    ("mu", 'μ'),
    ("pi", 'π'),
    ("sigma", 'σ'),
    ("omega", 'ω'),
    ("Delta", 'Δ'),
    ("Omega", 'Ω'),
    ("hyphen", '‐'),
];

/// Windows-1252 for references to C1 control codes (`&#146;` is ’), as
/// browsers read them.
const CP1252: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}', '\u{90}', '‘', '’',
    '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

pub(super) fn named_entity(name: &str) -> Option<char> {
    if let Some(k) = LATIN1.iter().position(|n| *n == name) {
        return char::from_u32(0xA0 + k as u32);
    }
    NAMED.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

/// Decodes the character reference at the start of `s` (which starts with
/// `&`): the character and the bytes it took. `None` for an unknown name or
/// a bare `&`.
pub(super) fn entity_at(s: &str) -> Option<(char, usize)> {
    let b = s.as_bytes();
    if b.get(1) == Some(&b'#') {
        let hex = matches!(b.get(2), Some(b'x' | b'X'));
        let start = if hex { 3 } else { 2 };
        let mut k = start;
        let mut value: u32 = 0;
        while let Some(d) = b.get(k).and_then(|c| char::from(*c).to_digit(if hex { 16 } else { 10 })) {
            value = value.saturating_mul(if hex { 16 } else { 10 }).saturating_add(d);
            k += 1;
        }
        if k == start {
            return None;
        }
        if b.get(k) == Some(&b';') {
            k += 1;
        }
        let c = match value {
            0x80..=0x9F => CP1252.get((value - 0x80) as usize).copied().unwrap_or('\u{FFFD}'),
            0 => '\u{FFFD}',
            v => char::from_u32(v).unwrap_or('\u{FFFD}'),
        };
        return Some((c, k));
    }
    let len = b.iter().skip(1).take(33).take_while(|c| c.is_ascii_alphanumeric()).count();
    if len == 0 || b.get(1 + len) != Some(&b';') {
        return None;
    }
    s.get(1..1 + len).and_then(named_entity).map(|c| (c, len + 2))
}

/// Decodes every character reference in `s`.
pub(super) fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some((before, at_amp)) = rest.find('&').and_then(|k| rest.split_at_checked(k)) {
        out.push_str(before);
        // a known reference, else the `&` itself (one byte)
        let (c, len) = entity_at(at_amp).unwrap_or(('&', 1));
        out.push(c);
        rest = at_amp.get(len..).unwrap_or_default();
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn latin1_table_is_in_code_point_order() {
        assert_eq!(named_entity("nbsp"), Some('\u{A0}'));
        assert_eq!(named_entity("shy"), Some('\u{AD}'));
        assert_eq!(named_entity("frac34"), Some('¾'));
        assert_eq!(named_entity("Agrave"), Some('À'));
        assert_eq!(named_entity("times"), Some('×'));
        assert_eq!(named_entity("szlig"), Some('ß'));
        assert_eq!(named_entity("eacute"), Some('é'));
        assert_eq!(named_entity("divide"), Some('÷'));
        assert_eq!(named_entity("yuml"), Some('ÿ'));
        assert_eq!(named_entity("Eacute"), Some('É'));
        assert_eq!(named_entity("nosuch"), None);
    }
}
