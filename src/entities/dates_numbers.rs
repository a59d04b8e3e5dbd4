use super::recognize::is_stop;
use super::recognize::is_used;
use super::recognize::mk;
use super::recognize::set_used;
use crate::entities::Found;
use crate::lang::en::MONTHS;
use crate::lang::en::NUMBER_WORDS;
use crate::lang::en::PERIODS;
use crate::lang::en::QUALIFIERS;
use crate::lang::en::RELATIVE_DAYS;
use crate::lang::en::TIME_ZONES;
use crate::lang::en::WEEKDAYS;
use crate::report::EntityKind;
use crate::tokens::Tok as Token;
use crate::tokens::TokenKind;
use rustc_hash::FxHashMap;
use std::ops::Range;

/// Word classes the date and number rules test on every token.
mod class {
    pub const MONTH: u8 = 1;
    pub const WEEKDAY: u8 = 2;
    pub const RELATIVE_DAY: u8 = 4;
    pub const PERIOD: u8 = 8;
    pub const NUMBER: u8 = 16;
    /// A number word of 100 or more ("hundred", "million").
    pub const MULTIPLIER: u8 = 32;
}

/// The [`class`] flags of a key: one table look-up instead of scanning the
/// word lists.
fn word_class(norm: &str) -> u8 {
    static TABLE: std::sync::LazyLock<FxHashMap<&'static str, u8>> = std::sync::LazyLock::new(|| {
        let mut t: FxHashMap<&'static str, u8> = FxHashMap::default();
        for (list, c) in [
            (MONTHS, class::MONTH),
            (WEEKDAYS, class::WEEKDAY),
            (RELATIVE_DAYS, class::RELATIVE_DAY),
            (PERIODS, class::PERIOD),
        ] {
            for w in list {
                *t.entry(w).or_default() |= c;
            }
        }
        for (w, v) in NUMBER_WORDS {
            *t.entry(w).or_default() |= if *v >= 100.0 { class::NUMBER | class::MULTIPLIER } else { class::NUMBER };
        }
        t
    });
    // every listed word is short: longer keys skip the hashing
    if norm.len() > 9 {
        return 0;
    }
    TABLE.get(norm).copied().unwrap_or(0)
}

/// Dates among `tokens`; `uncased` when the text has no capital at all (a
/// stripped copy), where a month is known by its name alone.
pub(super) fn dates(tokens: &[Token], used: &mut [bool], found: &mut Vec<Found>, uncased: bool) {
    let n = tokens.len();
    let mut i = 0;
    let kind_at = |k: usize| tokens.get(k).map(|t| t.kind);
    let norm_at = |k: usize| tokens.get(k).map_or("", |t| t.norm);
    while i < n {
        let Some(t) = tokens.get(i) else { break };
        let norm = t.norm;
        let mut span: Option<Range<usize>> = None;
        let c = word_class(norm);
        // a cased text capitalizes its months: "a march", "august company"
        // are other words
        let is_month = c & class::MONTH != 0 && (t.capitalized || (uncased && norm.len() > 3)) && norm != "may"
            || (norm == "may" && t.capitalized && i > 0);
        if is_month || c & class::WEEKDAY != 0 {
            let mut s = i;
            let mut e = i + 1;
            // "4 April", "July 7-8", "May 22", "April 2017"
            if s > 0 && kind_at(s - 1) == Some(TokenKind::Number) && norm_at(s - 1).len() <= 2 && !is_used(used, s - 1)
            {
                s -= 1;
            }
            // "Dec. 31", "Sept. 9": the abbreviation's point before the day
            let day_after = |k: usize| kind_at(k) == Some(TokenKind::Number) && norm_at(k).len() <= 2;
            if is_month
                && norm.len() <= 4
                && norm_at(e) == "."
                && tokens.get(e).is_some_and(|p| p.gap == 0)
                && day_after(e + 1)
            {
                e += 1;
            }
            while e < n && kind_at(e) == Some(TokenKind::Number) && norm_at(e).len() <= 10 && e - i <= 2 {
                e += 1;
            }
            // "May 22, 2017": the year after the day and its comma
            if is_month && e > i + 1 && day_after(e - 1) && norm_at(e) == "," && is_year(norm_at(e + 1)) {
                e += 2;
            }
            if s > 0 && matches!(norm_at(s - 1), "last" | "next" | "this" | "early" | "late" | "mid") {
                s -= 1;
            }
            // a month's name alone after an article names an event ("the
            // March on Washington"), not a time
            let bare = s == i && e == i + 1 && is_month;
            if !(bare && i > 0 && matches!(norm_at(i - 1), "the" | "a" | "an")) {
                span = Some(s..e);
            }
        } else if c & class::RELATIVE_DAY != 0 {
            span = Some(i..i + 1);
        } else if matches!(norm, "last" | "next" | "this" | "past")
            && i + 1 < n
            && word_class(norm_at(i + 1)) & class::PERIOD != 0
        {
            span = Some(i..i + 2);
        } else if t.kind == TokenKind::Number && is_iso_date(norm) {
            span = Some(i..i + 1);
        } else if t.kind == TokenKind::Number && is_year(norm) {
            let prev = if i > 0 { norm_at(i - 1) } else { "" };
            let next = tokens.get(i + 1).map_or("", |t| t.norm);
            if matches!(
                prev,
                "in" | "since"
                    | "of"
                    | "until"
                    | "by"
                    | "from"
                    | "before"
                    | "after"
                    | "s"
                    | "-"
                    | "to"
                    | "early"
                    | "late"
            ) || i == 0
                || matches!(next, "," | "." | "election" | "campaign")
            {
                span = Some(i..i + 1);
            }
        }
        if let Some(r) = span {
            if r.clone().all(|k| !is_used(used, k)) {
                set_used(used, r.clone());
                found.push(mk(tokens, r.clone(), EntityKind::Date));
                i = r.end;
                continue;
            }
        }
        i += 1;
    }
}

fn is_iso_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() == 3
        && parts.first().is_some_and(|p| p.len() == 4)
        && parts.iter().all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
}

fn is_year(s: &str) -> bool {
    s.len() == 4 && s.parse::<u32>().is_ok_and(|y| (1800..=2100).contains(&y))
}

/// Parses "320,000", "3.5", "7-8" (the first value) into a number; one
/// comma followed by one or two digits is a decimal comma ("1,2 million",
/// "12,5"), as thousands come in groups of three.
pub fn parse_number(s: &str) -> Option<f64> {
    let first = s.split('-').next().unwrap_or(s);
    let decimal_comma = first.matches(',').count() == 1
        && !first.contains('.')
        && first
            .rsplit(',')
            .next()
            .is_some_and(|d| (1..=2).contains(&d.len()) && d.chars().all(|c| c.is_ascii_digit()));
    let cleaned: String = if decimal_comma {
        first.replace(',', ".")
    } else {
        first.chars().filter(|c| *c != ',' && *c != '_').collect()
    };
    cleaned.parse::<f64>().ok().or_else(|| NUMBER_WORDS.iter().find(|(w, _)| *w == s).map(|(_, v)| *v))
}

pub(super) fn numbers(tokens: &[Token], used: &mut [bool], found: &mut Vec<Found>) {
    let n = tokens.len();
    let mut i = 0;
    let norm_at = |k: usize| tokens.get(k).map_or("", |t| t.norm);
    while i < n {
        let Some(t) = tokens.get(i) else { break };
        let is_num = (t.kind == TokenKind::Number && t.norm.chars().any(|c| c.is_ascii_digit()))
            || (t.kind == TokenKind::Word
                && word_class(t.norm) & class::NUMBER != 0
                && !(t.norm == "one" && tokens.get(i + 1).is_some_and(|x| x.norm == "of")));
        if !is_num || is_used(used, i) {
            i += 1;
            continue;
        }
        let mut s = i;
        let mut e = i + 1;
        let mut value = parse_number(t.norm);
        // ".20 parts": a decimal point with no zero before it
        if t.kind == TokenKind::Number && t.gap == 0 && t.norm.bytes().all(|b| b.is_ascii_digit()) {
            let point = i.checked_sub(1).and_then(|k| tokens.get(k).map(|p| (k, p)));
            if let Some((k, p)) = point {
                if p.norm == "." && (k == 0 || p.gap > 0) && !is_used(used, k) {
                    value = format!("0.{}", t.norm).parse().ok();
                    s = k;
                }
            }
        }
        // "twenty-eight", "twenty eight" (a stripped copy): one number
        if let Some(tens) = value.filter(|v| t.kind == TokenKind::Word && (20.0..=90.0).contains(v) && v % 10.0 == 0.0)
        {
            let dash = tokens.get(e).is_some_and(|d| d.kind == TokenKind::Punct && d.gap == 0 && is_dash(d.norm));
            let at = if dash { e + 1 } else { e };
            let ones = tokens
                .get(at)
                .filter(|u| u.kind == TokenKind::Word && u.gap <= 1 && !is_used(used, at))
                .and_then(|u| parse_number(u.norm))
                .filter(|v| (1.0..=9.0).contains(v) && v.fract() == 0.0);
            if let Some(ones) = ones {
                value = Some(tens + ones);
                e = at + 1;
            }
        }
        // "9:15 p.m. EDT", "9 a.m.": a time of day, valued in 24-hour time
        // (21.25); its unit is "am" or "pm" and the zone written after it
        let time = clock(tokens, i, value);
        if let Some((end, hours, _)) = &time {
            e = *end;
            value = Some(*hours);
        }
        // "$3-million": a scale word joined by a hyphen
        let hyphen_scale = time.is_none()
            && tokens.get(e).is_some_and(|d| d.kind == TokenKind::Punct && d.gap == 0 && is_dash(d.norm))
            && tokens.get(e + 1).is_some_and(|m| {
                m.gap == 0 && m.kind == TokenKind::Word && word_class(m.norm) & class::MULTIPLIER != 0
            });
        if hyphen_scale {
            e += 1;
        }
        // "320 million", "two hundred"
        let number_end = e;
        while time.is_none()
            && tokens.get(e).is_some_and(|m| m.kind == TokenKind::Word && word_class(m.norm) & class::MULTIPLIER != 0)
        {
            e += 1;
        }
        if let (Some(v), Some(mult)) =
            (value, tokens.get(number_end).and_then(|m| if e > number_end { parse_number(m.norm) } else { None }))
        {
            value = Some(v * mult);
        }
        // percent
        if time.is_none() && e < n && matches!(norm_at(e), "%" | "percent" | "per") {
            e += if norm_at(e) == "per" && norm_at(e + 1) == "cent" { 2 } else { 1 };
        }
        // currency before
        if time.is_none() && s > 0 && matches!(norm_at(s - 1), "$" | "€" | "£" | "¥") {
            s -= 1;
        }
        // qualifier before: one to three words
        let mut qualifier = None;
        for len in [3usize, 2, 1] {
            if s >= len {
                let q = tokens.get(s - len..s).unwrap_or_default().iter().map(|t| t.norm).collect::<Vec<_>>().join(" ");
                if QUALIFIERS.contains(&q.as_str()) {
                    qualifier = Some(q);
                    s -= len;
                    break;
                }
            }
        }
        // unit after: the counted noun phrase of up to two lowercase words
        let mut candidates: Vec<&str> = Vec::new();
        let mut k = e;
        while time.is_none() && k < n && candidates.len() < 2 {
            let Some(u) = tokens.get(k) else { break };
            if u.kind == TokenKind::Word && !u.capitalized && !is_stop(u.norm) && u.gap <= 1 {
                candidates.push(u.norm);
                k += 1;
            } else {
                break;
            }
        }
        let unit_len = unit_length(&candidates);
        k = e + unit_len;
        let is_time = time.is_some();
        let unit = match time {
            Some((_, _, unit)) => unit,
            None if unit_len == 0 => None,
            None => Some(candidates.get(..unit_len).unwrap_or_default().join(" ")),
        };
        let r = s..k;
        if r.clone().any(|x| is_used(used, x)) {
            i += 1;
            continue;
        }
        set_used(used, r.clone());
        let mut f = mk(tokens, r.clone(), EntityKind::Number);
        if is_time {
            // "9:15 pm", not "9 15 pm": the key reads as the time it is
            f.key = tokens.get(r.clone()).unwrap_or_default().iter().fold(String::new(), |mut key, t| {
                if t.norm == ":" {
                    key.push(':');
                } else if t.is_wordlike() {
                    if !key.is_empty() && !key.ends_with(':') {
                        key.push(' ');
                    }
                    key.push_str(t.norm);
                }
                key
            });
        }
        f.value = value;
        f.qualifier = qualifier;
        f.unit = unit;
        found.push(f);
        i = r.end;
    }
}

/// The unit of a time written on the 24-hour clock ("21:15").
pub(crate) const DAY_CLOCK: &str = "24h";

/// A time of day at token `i` whose value is `value`: "9:15" (hours, a
/// colon, two digits of minutes) and "9 a.m.", "9:15 p.m." (a.m. and p.m.
/// make it 24-hour: 21.25 for "9:15 p.m.", 0 for "12 a.m."), with a time
/// zone after them ("EDT", "GMT"). Returns the end of the span, the hours
/// and the unit ("pm edt", "24h" for "21:15"); `None` for a plain number.
fn clock(tokens: &[Token], i: usize, value: Option<f64>) -> Option<(usize, f64, Option<String>)> {
    let digits = |k: usize| tokens.get(k).filter(|x| one_or_two_digits(x));
    let hours = value.filter(|h| h.fract() == 0.0 && (0.0..=24.0).contains(h))?;
    digits(i)?;
    let mut e = i + 1;
    let mut time = hours;
    let colon = tokens.get(e).is_some_and(|c| c.norm == ":" && c.gap == 0);
    let minutes = digits(e + 1).filter(|m| m.gap == 0 && m.norm.len() == 2).and_then(|m| m.norm.parse::<u8>().ok());
    let with_minutes = match (colon, minutes) {
        (true, Some(m)) if m < 60 => {
            time += f64::from(m) / 60.0;
            e += 2;
            true
        }
        _ => false,
    };
    let half = tokens.get(e).filter(|x| x.kind == TokenKind::Word && x.gap <= 1).map(|x| x.norm);
    let half = half.filter(|h| matches!(*h, "am" | "pm") && (1.0..=12.0).contains(&hours));
    // a time on the 24-hour clock says so by its hours: past 12, 0 or with
    // a leading zero ("21:15", "09:30"); "9:15" alone may be either half
    // of the day, so it is a time but has no unit (never compared)
    let leading_zero = tokens.get(i).is_some_and(|t| t.norm.len() == 2 && t.norm.starts_with('0'));
    let marker = match half {
        Some(half) => {
            e += 1;
            if half == "pm" && hours < 12.0 {
                time += 12.0;
            } else if half == "am" && hours == 12.0 {
                time -= 12.0;
            }
            half
        }
        None if with_minutes && (hours >= 13.0 || hours == 0.0 || leading_zero) => DAY_CLOCK,
        None => return with_minutes.then_some((e, time, None)),
    };
    // "p.m." ends in a point of its own before the zone
    let point = usize::from(half.is_some() && tokens.get(e).is_some_and(|p| p.norm == "." && p.gap == 0));
    let zone = tokens
        .get(e + point)
        .filter(|z| z.gap >= 1 && z.capitalized && z.kind == TokenKind::Word && TIME_ZONES.contains(&z.norm));
    let unit = match zone {
        Some(z) => {
            e += point + 1;
            format!("{marker} {}", z.norm)
        }
        None => marker.to_string(),
    };
    Some((e, time, Some(unit)))
}

/// Whether token `i` is the "PM" or the "GMT" of a time of day ("9:15 PM
/// GMT"): part of the time, never a name of its own.
pub(super) fn clock_word(tokens: &[Token], i: usize) -> bool {
    let half = |k: usize| {
        let after_number = k.checked_sub(1).and_then(|p| tokens.get(p)).is_some_and(one_or_two_digits);
        after_number && tokens.get(k).is_some_and(|t| t.gap <= 1 && matches!(t.norm, "am" | "pm"))
    };
    let Some(t) = tokens.get(i) else { return false };
    if matches!(t.norm, "am" | "pm") {
        return half(i);
    }
    let point = i.checked_sub(1).and_then(|p| tokens.get(p)).is_some_and(|p| p.norm == "." && p.gap == 0);
    // "21:15 GMT": the zone right after the minutes
    let after_minutes = i.checked_sub(2).and_then(|k| tokens.get(k..i)).is_some_and(|w| match w {
        [colon, minutes] => colon.norm == ":" && one_or_two_digits(minutes) && minutes.norm.len() == 2,
        _ => false,
    });
    t.capitalized
        && TIME_ZONES.contains(&t.norm)
        && (i.checked_sub(1 + usize::from(point)).is_some_and(half) || after_minutes)
}

/// A number written in one or two digits: the hours or the minutes of a
/// time of day.
fn one_or_two_digits(t: &Token) -> bool {
    t.kind == TokenKind::Number && t.norm.len() <= 2 && t.norm.bytes().all(|b| b.is_ascii_digit())
}

/// A hyphen or dash token ("twenty-eight").
fn is_dash(norm: &str) -> bool {
    matches!(norm, "-" | "\u{2010}" | "\u{2011}" | "\u{2013}")
}

/// Words that end a counted noun phrase when they follow a number's noun:
/// verbs of reporting and meeting that news writes after "two leaders".
const VERBS_AFTER: &[&str] = &[
    "said",
    "say",
    "says",
    "spoke",
    "speak",
    "speaks",
    "agreed",
    "agree",
    "agrees",
    "met",
    "meet",
    "meets",
    "told",
    "tell",
    "tells",
    "discussed",
    "discuss",
    "called",
    "call",
    "calls",
    "died",
    "die",
    "left",
    "went",
    "came",
    "held",
    "hold",
    "holds",
    "made",
    "make",
    "makes",
    "took",
    "take",
    "takes",
    "gave",
    "give",
    "got",
    "get",
    "saw",
    "see",
    "remain",
    "remained",
    "remains",
    "need",
    "needed",
    "needs",
    "want",
    "wanted",
    "wants",
    "ago",
    "later",
    "earlier",
    "each",
    "apiece",
    "now",
    "too",
    "also",
    "already",
    "again",
];

/// Irregular plurals: the head of their phrase, like a plural in -s.
const PLURALS: &[&str] = &["men", "women", "people", "children", "police", "feet", "teeth", "mice", "geese", "staff"];

/// How many of the (up to two) lowercase words after a number are the noun
/// phrase it counts: "leaders agreed" → 1, "buffer zones" → 2, "said" → 0.
fn unit_length(words: &[&str]) -> usize {
    let verbal = |w: &str| VERBS_AFTER.contains(&w) || (w.len() > 4 && w.ends_with("ed") && !w.ends_with("eed"));
    let plural = |w: &str| {
        PLURALS.contains(&w)
            || (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is"))
    };
    match words {
        [] => 0,
        [first, ..] if verbal(first) => 0,
        [first] => usize::from(!verbal(first)),
        [first, second, ..] => {
            if plural(first) || verbal(second) {
                1
            } else {
                2
            }
        }
    }
}

#[cfg(test)]
mod unit_tests {
    use super::unit_length;

    #[test]
    fn the_unit_is_the_counted_noun_phrase() {
        // (the lowercase non-stop words after a number, how many are its unit)
        let cases: [(&[&str], usize); 15] = [
            (&["leaders", "agreed"], 1),
            (&["leaders", "spoke"], 1),
            (&["leaders"], 1),
            (&["buffer", "zones"], 2),
            (&["senior", "officials"], 2),
            (&["civilians", "killed"], 1),
            (&["men", "arrested"], 1),
            (&["cruise", "missiles"], 2),
            (&["people", "died"], 1),
            (&["said"], 0),
            (&["agreed", "terms"], 0),
            (&["years", "ago"], 1),
            (&["percent"], 1),
            (&["de", "escalation"], 2),
            (&["family", "members"], 2),
        ];
        for (words, want) in cases {
            assert_eq!(unit_length(words), want, "{words:?}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::parse_number;

    #[test]
    fn decimal_and_thousands_commas() {
        assert_eq!(parse_number("320,000"), Some(320_000.0));
        assert_eq!(parse_number("1,234,567"), Some(1_234_567.0));
        assert_eq!(parse_number("1,2"), Some(1.2));
        assert_eq!(parse_number("12,5"), Some(12.5));
        assert_eq!(parse_number("3.5"), Some(3.5));
        assert_eq!(parse_number("7-8"), Some(7.0));
    }
}
