//! Entities of articles in languages other than English, on top of what
//! the English recognizer finds in them: countries by their names in the
//! article's language ([`crate::lang::places`], keyed by their English
//! name so they merge across languages), dates written with the
//! language's month names (`5. Mai 2017`, `5 мая 2017`, `5 de mayo de
//! 2017`, `2017年5月5日`, keyed `may 5 2017` so the fact comparison meets
//! them with English dates), and numbers read with the language's
//! separators (`1.200,5` is 1200.5 in German; [`crate::lang::calendar`]).
//! Without the language's pack, nothing is added.

use super::recognize::{mk, trim_edges};
use crate::entities::Found;
use crate::lang::calendar::{calendar, Calendar};
use crate::lang::en::MONTHS;
use crate::lang::en::WEEKDAYS;
use crate::lang::places::{countries, name_words, Countries};
use crate::report::EntityKind;
use crate::tokens::Tok as Token;
use crate::tokens::TokenKind;
use rustc_hash::FxHashMap;
use std::ops::Range;

/// Adds the mentions this module finds (countries, people, dates, numbers) to `found` (one article in
/// language `code`), replacing those of the English rules they overlap.
pub fn recognize_in(text: &str, tokens: &[Token], code: &str, found: &mut Vec<Found>) {
    if matches!(code, "en" | "und" | "") {
        return;
    }
    crate::work::add(tokens.len());
    join_touching_names(tokens, found);
    trim_lowercase_edges(text, tokens, code, found);

    let mut added: Vec<Found> = Vec::new();
    if let Some(c) = countries(code) {
        country_mentions(text, tokens, code, c, &mut added);
    }
    people(text, tokens, code, found, &mut added);
    if let Some(cal) = calendar(code) {
        date_mentions(text, tokens, cal, code, &mut added);
        if cal.decimal != '.' {
            for f in found.iter_mut().filter(|f| f.kind == EntityKind::Number) {
                let first = tokens.get(f.tokens.clone()).and_then(|ts| ts.iter().find(|t| t.kind == TokenKind::Number));
                if let Some(t) = first {
                    let s = t.text(text);
                    if s.contains([',', '.']) {
                        if let Some(v) = cal.number(s) {
                            let old = f.value.unwrap_or(v);
                            // keep a multiplier the English rules applied
                            let base = super::dates_numbers::parse_number(t.norm).unwrap_or(old);
                            let factor = if base != 0.0 { old / base } else { 1.0 };
                            f.value = Some(v * factor);
                        }
                    }
                }
            }
        }
    }
    let terms = crate::lang::terms::terms_for(code);
    if let Some(cal) = calendar(code) {
        words_and_days(tokens, cal, terms, found);
    }
    // what a figure counts: the next word, capitalized or not (German
    // nouns are), unless a short stop word of the language
    for f in found.iter_mut().filter(|f| f.kind == EntityKind::Number && f.unit.is_none()) {
        let next = tokens.get(f.tokens.end).filter(|t| counted_word(t, terms));
        if let Some(t) = next {
            f.unit = Some(t.norm.to_string());
        }
    }
    if added.is_empty() {
        return;
    }
    // the tokens the additions cover, as a mask: linear in the text, where
    // comparing every mention with every addition was quadratic
    let covered = mask(tokens.len(), &added);
    found.retain(|f| !covered.get(f.tokens.clone()).is_some_and(|c| c.iter().any(|x| *x)));
    found.extend(added);
    found.sort_by_key(|f| (f.start, f.end));
}

/// Numbers written in words (`sieben Menschen`, `пять тысяч человек`,
/// `5 Millionen`) and the words for yesterday, today and tomorrow (keyed in
/// English, as the English rules key them), from the language's calendar.
/// A number word counts only before the word it counts (not a stop word):
/// French `neuf` is also "new", Turkish `on` also "ten"; 1 is never a
/// figure here (it is an article in most of these languages). Lowercase,
/// or capitalized at the start of a sentence (German `Acht` is a noun).
fn words_and_days(tokens: &[Token], cal: &Calendar, terms: &crate::lang::terms::LangTerms, found: &mut Vec<Found>) {
    const DAYS: [&str; 3] = ["yesterday", "today", "tomorrow"];
    if cal.numbers.is_empty() && cal.days.is_empty() {
        return;
    }
    // figures, dates and known places found before stay; the English
    // tagger's names on other languages give way ("Millionen" was a person,
    // "Millionen Euro" a place)
    let lexicon = super::lexicon::lexicon();
    let firm = |f: &Found| {
        matches!(f.kind, EntityKind::Number | EntityKind::Date)
            || (f.kind == EntityKind::Place && lexicon.is_place(&f.key))
    };
    let covered = mask(tokens.len(), found.iter().filter(|f| firm(f)));
    let free = |i: usize| !covered.get(i).copied().unwrap_or(true);
    let starts = |i: usize| starts_sentence(tokens, i);
    let word =
        |i: usize| tokens.get(i).filter(|t| t.kind == TokenKind::Word && (!t.capitalized || starts(i))).map(|t| t.norm);
    // 100, 1000, a million: words that multiply the figure before them
    let scale = |v: f64| v >= 100.0 && v.log10().fract() == 0.0;
    // a scale word may be capitalized (German `Millionen` is a noun)
    let value = |i: usize| {
        tokens
            .get(i)
            .filter(|t| t.kind == TokenKind::Word)
            .and_then(|t| cal.numbers.get(t.norm).copied().filter(|v| !t.capitalized || starts(i) || scale(*v)))
    };
    // a weekday's full name (its longest in the calendar, not "Fr" or
    // "mar"), written with a capital ("am Freitag", "Cuma günü"): a date,
    // keyed by its English name like the English rules' "Friday"
    let mut full_weekdays: FxHashMap<&str, u32> = FxHashMap::default();
    for day in 0..7u32 {
        let names = cal.weekdays.iter().filter(|(_, d)| **d == day);
        if let Some((name, _)) = names.max_by_key(|(w, _)| (w.chars().count(), w.as_str())) {
            full_weekdays.insert(name.as_str(), day);
        }
    }
    let mut claimed = vec![false; tokens.len()];
    // a figure in digits the English rules found, then a scale word
    for f in found.iter_mut().filter(|f| f.kind == EntityKind::Number) {
        let e = f.tokens.end;
        let mult = tokens.get(e).filter(|t| t.gap <= 1).and_then(|_| value(e)).filter(|m| scale(*m) && free(e));
        if let (Some(m), Some(v), Some(t)) = (mult, f.value, tokens.get(e)) {
            f.value = Some(v * m);
            f.tokens.end = e + 1;
            f.end = t.end;
            f.key = format!("{} {}", f.key, t.norm);
            if let Some(c) = claimed.get_mut(e) {
                *c = true;
            }
        }
    }
    let mut new = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !free(i) || claimed.get(i).copied().unwrap_or(true) {
            i += 1;
            continue;
        }
        let weekday = tokens.get(i).filter(|t| t.kind == TokenKind::Word && t.capitalized);
        if let Some(&d) = weekday.and_then(|t| full_weekdays.get(t.norm)) {
            let mut f = mk(tokens, i..i + 1, EntityKind::Date);
            f.key = WEEKDAYS.get(((d + 6) % 7) as usize).copied().unwrap_or("monday").to_string();
            new.push(f);
            i += 1;
            continue;
        }
        if let Some(d) = word(i).and_then(|w| cal.days.get(w)) {
            let mut f = mk(tokens, i..i + 1, EntityKind::Date);
            f.key = DAYS.get((d + 1) as usize).copied().unwrap_or("today").to_string();
            new.push(f);
            i += 1;
            continue;
        }
        let Some(mut v) = value(i) else {
            i += 1;
            continue;
        };
        let mut e = i + 1;
        // "zwei Millionen", "пять тысяч"
        while let Some(m) = value(e).filter(|m| scale(*m) && free(e) && *m > v) {
            v *= m;
            e += 1;
        }
        // what it counts follows
        let counted = tokens.get(e).is_some_and(|t| counted_word(t, terms) && !cal.numbers.contains_key(t.norm));
        if counted || e > i + 1 {
            let mut f = mk(tokens, i..e, EntityKind::Number);
            f.value = Some(v);
            new.push(f);
        }
        i = e;
    }
    for f in &new {
        for c in claimed.get_mut(f.tokens.clone()).into_iter().flatten() {
            *c = true;
        }
    }
    // a name that such a word starts or ends loses it ("Dün Recep Tayyip
    // Erdoğan": yesterday, then the name); one it lies inside goes
    let claimed_at = |i: usize| claimed.get(i).copied().unwrap_or(false);
    found.retain_mut(|f| {
        if firm(f) {
            return true;
        }
        let (a, b) = trim_edges(f.tokens.clone(), claimed_at);
        if a == b || (a..b).any(claimed_at) {
            return false;
        }
        if (a, b) != (f.tokens.start, f.tokens.end) {
            *f = mk(tokens, a..b, f.kind);
        }
        true
    });
    found.extend(new);
    found.sort_by_key(|f| (f.start, f.end));
}

/// Whether the word right after a figure is what it counts: a word of 3
/// letters or more that is not a stop word, or of 5 or more (the stop-word
/// lists of stopwords-iso hold nouns such as `Menschen`, `человек`,
/// `personnes`, which figures count most often).
fn counted_word(t: &Token, terms: &crate::lang::terms::LangTerms) -> bool {
    let len = t.norm.chars().count();
    t.kind == TokenKind::Word && t.gap <= 1 && len >= 3 && (len >= 5 || !terms.is_stop(t.norm))
}

/// Whether token `i` starts a sentence or a line (the first token, after
/// punctuation, or after a line break).
fn starts_sentence(tokens: &[Token], i: usize) -> bool {
    i == 0 || tokens.get(i).is_some_and(|t| t.gap >= 3) || tokens.get(i - 1).is_some_and(|t| t.kind == TokenKind::Punct)
}

/// Which of `n` tokens the mentions in `found` cover.
fn mask<'f>(n: usize, found: impl IntoIterator<Item = &'f Found>) -> Vec<bool> {
    let mut m = vec![false; n];
    for f in found {
        for t in m.get_mut(f.tokens.clone()).into_iter().flatten() {
            *t = true;
        }
    }
    m
}

/// Two names that touch are one name here, of their kind when they share
/// one: the English tagger may split a foreign name where an English one
/// would start ("Dün Recep" and "Tayyip Erdoğan konuştu", at a first name);
/// the edges are trimmed after. A name that ends with a person is a person
/// ("Recep Tayyip", taken for an organization, then "Erdoğan"): the English
/// tagger knows the surname last in these languages' names and takes the
/// given names it does not know for other kinds.
fn join_touching_names(tokens: &[Token], found: &mut Vec<Found>) {
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    for f in found.drain(..) {
        let name = |k: EntityKind| !matches!(k, EntityKind::Date | EntityKind::Number);
        let joins = |l: &Found| {
            name(f.kind)
                && name(l.kind)
                && l.tokens.end == f.tokens.start
                && (l.kind == f.kind || f.kind == EntityKind::Person)
                // never across a line break: a headline's last name and the
                // body's first are two
                && tokens.get(f.tokens.start).is_some_and(|t| t.gap < 3)
        };
        if let Some(last) = out.last_mut().filter(|l| joins(l)) {
            *last = mk(tokens, last.tokens.start..f.tokens.end, f.kind);
            continue;
        }
        out.push(f);
    }
    *found = out;
}

/// Names of the English tagger end at a lowercase word in languages with
/// capitals ("Recep Tayyip Erdoğan konuştu" is "Recep Tayyip Erdoğan"): its
/// chunks lose lowercase words and the language's stop words at their
/// edges, and go when none is left. In a language that writes its nouns
/// with a capital (German), they also lose the language's common words
/// ([`LangTerms::is_common`](crate::lang::terms::LangTerms::is_common):
/// "Dienstagmorgen im Hafen von Port Ellis" is "Port Ellis", "Unglück" no
/// name at all), unless the name lexicons know the word (a first name, a
/// surname, a place or a known name: "Berlin", "Fischer") or it follows a
/// first name in the name (a surname), or it is written in capitals (an
/// acronym).
fn trim_lowercase_edges(text: &str, tokens: &[Token], code: &str, found: &mut Vec<Found>) {
    use super::tagger::lex;
    const KNOWN: u16 = lex::PLACE | lex::FIRST | lex::LAST | lex::ORG | lex::PERSON | lex::MISC;
    let terms = crate::lang::terms::terms_for(code);
    let lexicon = super::lexicon::lexicon();
    // a stop word of the language starting a sentence is no name either:
    // "Bei", "Der"
    let starts = |i: usize| starts_sentence(tokens, i);
    // a stop word with a capital mid-sentence is part of a name ("Den Haag")
    let lower = |i: usize| {
        tokens.get(i).is_some_and(|t| {
            t.kind == TokenKind::Word
                && ((!t.capitalized && t.text(text).chars().any(|c| c.is_lowercase()))
                    || (terms.is_stop(t.norm) && starts(i)))
        })
    };
    let mut flags: Vec<u16> = Vec::new();
    found.retain_mut(|f| {
        if matches!(f.kind, EntityKind::Date | EntityKind::Number) {
            return true;
        }
        let span = tokens.get(f.tokens.clone()).unwrap_or_default();
        let has_common = span.iter().any(|t| terms.is_common(t.norm));
        flags.clear();
        if has_common {
            let words: Vec<&str> = span.iter().map(|t| t.text(text)).collect();
            flags = lexicon.flags(&words);
        }
        let flag = |i: usize| i.checked_sub(f.tokens.start).and_then(|k| flags.get(k)).copied().unwrap_or(0);
        // a word of a name that is no common word: a first name the
        // lexicon may not know ("Jens", "Volker"), a surname after it
        let name_word = |i: usize| {
            tokens.get(i).is_some_and(|t| {
                t.kind == TokenKind::Word
                    && t.capitalized
                    && !terms.is_stop(t.norm)
                    && (flag(i) & lex::FIRST != 0 || !terms.is_common(t.norm))
            })
        };
        // at the start any common word goes, at the end only the
        // language's own ("Caldera Shipping" stays) and not after a name
        // word ("Jens Spahn", "Volker Bouffier": surnames German news
        // uses often enough to look common)
        let common = |i: usize, end: bool| {
            tokens.get(i).is_some_and(|t| {
                t.kind == TokenKind::Word
                    && if end { terms.is_native_common(t.norm) } else { terms.is_common(t.norm) }
                    && flag(i) & KNOWN == 0
                    && !(i > f.tokens.start && name_word(i - 1))
                    && t.text(text).chars().any(char::is_lowercase)
            })
        };
        let (a, _) = trim_edges(f.tokens.clone(), |i| lower(i) || (has_common && common(i, false)));
        let (a, b) = trim_edges(a..f.tokens.end, |i| lower(i) || (has_common && common(i, true)));
        // what is left must hold a word: "Gruppe, Kurz" trimmed to its
        // comma is no name
        let worded = tokens.get(a..b).is_some_and(|ts| ts.iter().any(|t| t.kind == TokenKind::Word));
        if a == b || !worded {
            return false;
        }
        if (a, b) != (f.tokens.start, f.tokens.end) {
            *f = mk(tokens, a..b, f.kind);
        }
        true
    });
}

/// The lowercase words of tokens `r` as [`name_words`] cuts them, or
/// `None` when the range holds punctuation.
fn words_of(text: &str, tokens: &[Token], r: Range<usize>) -> Option<Vec<String>> {
    let ts = tokens.get(r)?;
    if ts.iter().any(|t| !t.is_wordlike()) {
        return None;
    }
    Some(ts.iter().flat_map(|t| name_words(t.text(text))).collect())
}

/// Common prefix length in characters.
fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// The code of an inflected single-word country name (`России` for
/// `Россия`, `Russlands` for `Russland`, `Rosji` for `Rosja`): a
/// capitalized word sharing all but the name's last letter (the last two
/// for names of 7 letters or more, at least 4) and at most 4 letters more.
/// Arabic words may carry a one-letter proclitic (و, ب, ل, ف).
fn inflected(word: &str, capitalized: bool, code: &str, c: &Countries<'static>) -> Option<&'static str> {
    if code == "ar" {
        let mut chars = word.chars();
        let first = chars.next()?;
        let rest = chars.as_str();
        return (matches!(first, 'و' | 'ب' | 'ل' | 'ف') && rest.chars().count() >= 3)
            .then(|| c.code(&[rest]))
            .flatten();
    }
    if !capitalized || code == "zh" {
        return None;
    }
    let mut best: Option<(usize, &'static str)> = None;
    for (name, iso) in c.single_words() {
        if let Some(p) = inflected_word(word, name) {
            if best.is_none_or(|(b, _)| p > b) {
                best = Some((p, iso));
            }
        }
    }
    best.map(|(_, iso)| iso)
}

/// Whether `word` is an inflected form of the name's word `name`: the
/// shared prefix (returned) is all but its last letter (the last two for
/// words of 7 letters or more), at least 4 letters, and `word` has at most
/// 4 letters more. Short words must be equal.
fn inflected_word(word: &str, name: &str) -> Option<usize> {
    if word == name {
        return Some(word.chars().count());
    }
    let (n_word, n) = (word.chars().count(), name.chars().count());
    if n < 4 || n_word + 1 < n || n_word > n + 4 {
        return None;
    }
    let need = if n >= 7 { n - 2 } else { n - 1 }.max(4);
    let p = common_prefix(word, name);
    (p >= need).then_some(p)
}

/// A name of several words in inflected form (`Соединённых Штатов` for
/// `Соединённые Штаты`) starting at token `i`: its length in tokens and code.
fn inflected_phrase(text: &str, tokens: &[Token], i: usize, c: &Countries<'static>) -> Option<(usize, &'static str)> {
    let mut best: Option<(usize, usize, &'static str)> = None;
    let first = tokens.get(i).map(|t| name_words(t.text(text))).unwrap_or_default();
    let first = first.first().map_or("", String::as_str);
    for (words, iso) in c.multi_words() {
        // the first word decides most names without cutting the others
        if words.first().is_none_or(|w| inflected_word(first, w).is_none()) {
            continue;
        }
        let len = words.len();
        let Some(got) = words_of(text, tokens, i..i + len) else { continue };
        if got.len() != len {
            continue;
        }
        let mut total = 0;
        let all = words.iter().zip(&got).all(|(n, w)| match inflected_word(w, n) {
            Some(p) => {
                total += p;
                true
            }
            None => false,
        });
        if all && best.is_none_or(|(l, t, _)| (len, total) > (l, t)) {
            best = Some((len, total, iso));
        }
    }
    best.map(|(l, _, iso)| (l, iso))
}

fn country_mentions(text: &str, tokens: &[Token], code: &str, c: &Countries<'static>, out: &mut Vec<Found>) {
    let n = tokens.len();
    let longest = c.max_words.clamp(1, 12);
    let mut i = 0;
    while i < n {
        let Some(t) = tokens.get(i) else { break };
        if t.kind != TokenKind::Word {
            i += 1;
            continue;
        }
        let mut hit: Option<(usize, &'static str)> = None;
        for len in (1..=longest.min(n - i)).rev() {
            if let Some(words) = words_of(text, tokens, i..i + len) {
                if let Some(iso) = c.code(&words) {
                    hit = Some((len, iso));
                    break;
                }
            }
        }
        if hit.is_none() && t.capitalized && code != "zh" {
            hit = inflected_phrase(text, tokens, i, c);
        }
        if hit.is_none() {
            let words = name_words(t.text(text));
            if let Some(first) = words.first() {
                if let Some(iso) = inflected(first, t.capitalized, code, c) {
                    hit = Some((1, iso));
                }
            }
        }
        match hit.and_then(|(len, iso)| c.english(iso).map(|e| (len, e))) {
            Some((len, english)) => {
                let mut f = mk(tokens, i..i + len, EntityKind::Place);
                f.key = english.to_lowercase();
                out.push(f);
                i += len;
            }
            None => i += 1,
        }
    }
}

/// People the English tagger missed: a run of two or three capitalized
/// words whose first, folded to Latin letters, is a known first name
/// (`Владимир Путин`, `Recep Tayyip Erdoğan`), on one line, ending before
/// a stop word or a common word of the language ("Ellis" then "Im Hafen"
/// on the next line is "Ellis" alone).
fn people(text: &str, tokens: &[Token], code: &str, found: &[Found], out: &mut Vec<Found>) {
    let lexicon = super::lexicon::lexicon();
    let terms = crate::lang::terms::terms_for(code);
    // the English tagger's chunks on other languages give way (it took
    // "Вчера Владимир Путин" for an organization), and so do its people
    // that start with a word that is not a first name, a title most often
    // ("Президент Владимир Путин" is "Владимир Путин"); countries found
    // first stay
    let first_name_at =
        |i: usize| tokens.get(i).is_some_and(|t| lexicon.is_first_name(&crate::lang::translit::fold(t.norm)));
    // tokens taken, as a mask (an article of 2 MB of names has hundreds of
    // thousands of tokens and names: no scan per token)
    let mut taken = mask(tokens.len(), out.iter());
    for f in found.iter().filter(|f| f.kind == EntityKind::Person && first_name_at(f.tokens.start)) {
        for t in taken.get_mut(f.tokens.clone()).into_iter().flatten() {
            *t = true;
        }
    }
    let free = |i: usize, taken: &[bool]| !taken.get(i).copied().unwrap_or(true);
    let cap = |i: usize| {
        tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word && t.capitalized && t.text(text).chars().count() >= 2)
    };
    let mut i = 0;
    while i < tokens.len() {
        let first = tokens.get(i).map(|t| crate::lang::translit::fold(t.norm).into_owned()).unwrap_or_default();
        if cap(i) && free(i, &taken) && lexicon.is_first_name(&first) {
            let mut e = i + 1;
            let more = |e: usize| {
                tokens.get(e).is_some_and(|t| t.gap < 3 && !terms.is_stop(t.norm) && !terms.is_common(t.norm))
            };
            while e < tokens.len() && e < i + 3 && cap(e) && more(e) && free(e, &taken) {
                e += 1;
            }
            if e >= i + 2 {
                for t in taken.get_mut(i..e).into_iter().flatten() {
                    *t = true;
                }
                out.push(mk(tokens, i..e, EntityKind::Person));
                i = e;
                continue;
            }
        }
        i += 1;
    }
}

fn number_at(tokens: &[Token], i: usize) -> Option<u32> {
    tokens.get(i).filter(|t| t.kind == TokenKind::Number).and_then(|t| t.norm.parse::<u32>().ok())
}

/// A short lowercase connector between the parts of a date (`de`, `del`).
fn connector(tokens: &[Token], i: usize) -> bool {
    tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word && !t.capitalized && t.norm.chars().count() <= 3)
}

fn date_mentions(text: &str, tokens: &[Token], cal: &Calendar, code: &str, out: &mut Vec<Found>) {
    let n = tokens.len();
    // the tokens of the countries and people found before (a date found
    // here moves `i` past itself)
    let covered = mask(n, out.iter());
    let taken = |i: usize| covered.get(i).copied().unwrap_or(false);
    let mut i = 0;
    while i < n {
        let Some(t) = tokens.get(i) else { break };
        // 2017年5月5日
        if code == "zh" || code == "ja" {
            let is = |k: usize, s: &str| tokens.get(k).is_some_and(|x| x.text(text) == s);
            if let (Some(m @ 1..=12), true) = (number_at(tokens, i), is(i + 1, "月")) {
                let mut s = i;
                let mut e = i + 2;
                let mut year = None;
                if i >= 2 && is(i - 1, "年") {
                    if let Some(y @ 1800..=2100) = number_at(tokens, i - 2) {
                        year = Some(y);
                        s = i - 2;
                    }
                }
                let mut day = None;
                if let (Some(d @ 1..=31), true) = (number_at(tokens, e), is(e + 1, "日") || is(e + 1, "号")) {
                    day = Some(d);
                    e += 2;
                }
                push_date(tokens, s..e, m, day, year, out);
                i = e;
                continue;
            }
            i += 1;
            continue;
        }
        if t.kind != TokenKind::Word || taken(i) {
            i += 1;
            continue;
        }
        let word = t.norm.trim_end_matches('.');
        let Some(&month) = cal.months.get(word) else {
            i += 1;
            continue;
        };
        // day before: "5. Mai", "5 мая", "5 de mayo"
        let mut s = i;
        let mut day = None;
        let mut k = i;
        if k > 0 && connector(tokens, k - 1) {
            k -= 1;
        }
        if k > 0 && tokens.get(k - 1).is_some_and(|x| x.norm == ".") {
            k -= 1;
        }
        if k > 0 {
            if let Some(d @ 1..=31) = number_at(tokens, k - 1) {
                day = Some(d);
                s = k - 1;
            }
        }
        // year after: "Mai 2017", "de mayo de 2017"
        let mut e = i + 1;
        let mut year = None;
        for skip in [0usize, 1] {
            if skip == 1 && !connector(tokens, i + 1) {
                continue;
            }
            if let Some(y @ 1800..=2100) = number_at(tokens, i + 1 + skip) {
                year = Some(y);
                e = i + 2 + skip;
                break;
            }
        }
        // a month name alone may be a name (Maja, Mai): only with a day or year
        if day.is_some() || year.is_some() {
            // a weekday just before ("Montag, 5. Mai")
            let mut w = s;
            if w > 0 && tokens.get(w - 1).is_some_and(|x| x.norm == ",") {
                w -= 1;
            }
            if w > 0 && tokens.get(w - 1).is_some_and(|x| cal.weekdays.contains_key(x.norm.trim_end_matches('.'))) {
                s = w - 1;
            }
            push_date(tokens, s..e, month, day, year, out);
            i = e;
        } else {
            i += 1;
        }
    }
}

/// A date mention keyed in English words (`may 5 2017`, `may 2017`).
fn push_date(tokens: &[Token], r: Range<usize>, month: u32, day: Option<u32>, year: Option<u32>, out: &mut Vec<Found>) {
    let mut f = mk(tokens, r, EntityKind::Date);
    let name = MONTHS.get(month.saturating_sub(1) as usize).copied().unwrap_or("");
    let mut key = name.to_string();
    if let Some(d) = day {
        key.push_str(&format!(" {d}"));
    }
    if let Some(y) = year {
        key.push_str(&format!(" {y}"));
    }
    f.key = key;
    out.push(f);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::{tokenize, view, Vocab};

    fn run(text: &str, code: &str) -> Vec<(String, EntityKind, String, Option<f64>)> {
        let mut vocab = Vocab::default();
        let compact = tokenize(text, std::slice::from_ref(&(0..text.len())), &mut vocab);
        let toks = view(&compact, &vocab);
        let sents = crate::tokens::sentences(&compact, &vocab, false);
        let mut found = crate::entities::recognize(text, &toks, &sents);
        recognize_in(text, &toks, code, &mut found);
        found
            .into_iter()
            .map(|f| (text.get(f.start..f.end).unwrap_or("").to_string(), f.kind, f.key, f.value))
            .collect()
    }

    /// Asserts that one of the entities found in `sentence` has the text
    /// `written` (any text when `None`), the kind, and the key or value.
    fn assert_found(
        code: &str,
        sentence: &str,
        written: Option<&str>,
        kind: EntityKind,
        key: Option<&str>,
        value: Option<f64>,
    ) {
        let got = run(sentence, code);
        assert!(
            got.iter().any(|(w, k, kk, v)| written.is_none_or(|x| x == w)
                && *k == kind
                && key.is_none_or(|x| x == kk)
                && value.is_none_or(|x| *v == Some(x))),
            "{code}: {sentence} → {got:?}"
        );
    }

    #[test]
    fn countries_in_each_language_are_keyed_in_english() {
        // (language, sentence, the country as written, its key)
        let cases = [
            ("de", "Die Regierung in Russland widersprach am Abend.", "Russland", "russia"),
            ("de", "Die Sanktionen gegen Russlands Banken bleiben.", "Russlands", "russia"),
            ("es", "El gobierno de Rusia respondió el martes.", "Rusia", "russia"),
            ("fr", "Le ministre a quitté la Russie hier.", "Russie", "russia"),
            ("pl", "Ambasador Rosji został wezwany.", "Rosji", "russia"),
            ("ru", "Президент России выступил в среду.", "России", "russia"),
            ("ru", "Делегация прибыла из Соединённых Штатов.", "Соединённых Штатов", "united states"),
            ("tr", "Rusya ile görüşmeler sürüyor.", "Rusya", "russia"),
            ("it", "La Germania ha votato contro.", "Germania", "germany"),
            ("ar", "وصل الوفد إلى روسيا أمس.", "روسيا", "russia"),
            ("zh", "代表团昨天抵达俄罗斯。", "俄罗斯", "russia"),
        ];
        let people = [
            ("ru", "Вчера Владимир Путин встретился с министром.", "Владимир Путин"),
            ("tr", "Dün Recep Tayyip Erdoğan konuştu.", "Recep Tayyip Erdoğan"),
        ];
        for (lang, sentence, written) in people {
            assert_found(lang, sentence, Some(written), EntityKind::Person, None, None);
        }
        for (lang, sentence, written, key) in cases {
            assert_found(lang, sentence, Some(written), EntityKind::Place, Some(key), None);
        }
    }

    /// German writes its nouns with a capital: the English tagger's names
    /// lose the language's common words (at the start any, at the end its
    /// own), keep first names and surnames German news uses often, and
    /// never run across a line break. (written, kept as a name or not)
    #[test]
    fn german_names_are_told_from_german_nouns() {
        let text = "Kran-Unglück im Hafen von Port Ellis\n\nIm Hafen von Port Ellis ist am Dienstagmorgen ein \
                    Kran der Firma Caldera Shipping umgestürzt. Nach Angaben der Polizei wurden drei Arbeiter \
                    verletzt. Bürgermeisterin Elena Vasquez sprach von einem Unglück. Der Bundesminister für \
                    Gesundheit Jens Spahn fuhr später zum Hafen. Laut Medienberichten waren alle Beteiligten \
                    zufrieden, auch Volker Bouffier.";
        let got = run(text, "de");
        let names: Vec<&str> = got
            .iter()
            .filter(|(_, k, _, _)| !matches!(k, EntityKind::Date | EntityKind::Number))
            .map(|(w, _, _, _)| w.as_str())
            .collect();
        let cases = [
            ("Port Ellis", true),
            ("Caldera Shipping", true),
            ("Elena Vasquez", true),
            ("Jens Spahn", true),
            ("Volker Bouffier", true),
            ("Unglück", false),
            ("Polizei", false),
            ("Arbeiter", false),
            ("Hafen", false),
            ("Medienberichten", false),
            ("Beteiligten", false),
            ("Dienstagmorgen", false),
        ];
        for (written, kept) in cases {
            assert_eq!(names.contains(&written), kept, "{written}: {names:?}");
        }
        // no name runs across the blank line after the headline, and none
        // holds a common noun where it starts
        for n in &names {
            assert!(!n.contains('\n'), "{n:?} crosses a line: {names:?}");
            assert!(!["Kran", "Firma", "Bürgermeisterin", "Bundesminister"].iter().any(|w| n.starts_with(w)), "{n}");
        }
        // English text is not touched: "Hafen" is no word of its own
        let english = run("Harbor master Hafen Port said the crane fell.", "en");
        assert!(english.iter().any(|(w, _, _, _)| w.contains("Hafen")), "{english:?}");
    }

    #[test]
    fn dates_in_each_language_get_an_english_key() {
        let cases = [
            ("de", "Die Wahl findet am 5. Mai 2017 statt.", "5. Mai 2017", "may 5 2017"),
            ("de", "Am Montag, 5. Mai, begann es.", "Montag, 5. Mai", "may 5"),
            ("es", "La votación fue el 5 de mayo de 2017.", "5 de mayo de 2017", "may 5 2017"),
            ("fr", "Le vote a eu lieu le 5 mai 2017.", "5 mai 2017", "may 5 2017"),
            ("it", "Il voto si è tenuto il 5 maggio 2017.", "5 maggio 2017", "may 5 2017"),
            ("pl", "Głosowanie odbyło się 5 maja 2017 roku.", "5 maja 2017", "may 5 2017"),
            ("ru", "Выборы прошли 5 мая 2017 года.", "5 мая 2017", "may 5 2017"),
            ("tr", "Seçim 5 Mayıs 2017 tarihinde yapıldı.", "5 Mayıs 2017", "may 5 2017"),
            ("zh", "选举于2017年5月5日举行。", "2017年5月5日", "may 5 2017"),
        ];
        for (lang, sentence, written, key) in cases {
            assert_found(lang, sentence, Some(written), EntityKind::Date, Some(key), None);
        }
    }

    #[test]
    fn numbers_follow_the_language_separators() {
        let cases = [
            ("de", "Es kamen 1.200,5 Tonnen an.", 1200.5),
            ("de", "Die Quote lag bei 87,5 Prozent.", 87.5),
            ("fr", "Il a reçu 87,5 pour cent des voix.", 87.5),
            ("en", "It received 1,200.5 tonnes.", 1200.5),
        ];
        for (lang, sentence, value) in cases {
            assert_found(lang, sentence, None, EntityKind::Number, None, Some(value));
        }
    }

    #[test]
    fn numbers_in_words_and_relative_days() {
        // (language, sentence, kind, the mention as written, its key or value)
        let numbers = [
            ("de", "Bei dem Unglück starben sieben Menschen.", "sieben", 7.0),
            ("de", "Die Stadt zahlte 5 Millionen Euro.", "5 Millionen", 5e6),
            ("de", "Die Stadt zahlte zwei Millionen Euro.", "zwei Millionen", 2e6),
            ("fr", "Trois personnes ont été blessées.", "Trois", 3.0),
            ("es", "Murieron veinte personas en el incendio.", "veinte", 20.0),
            ("it", "Sono morte dieci persone.", "dieci", 10.0),
            ("pl", "Zginęło pięć osób.", "pięć", 5.0),
            ("ru", "Погибли семь человек.", "семь", 7.0),
            ("ru", "Эвакуированы пять тысяч жителей.", "пять тысяч", 5000.0),
            ("tr", "Kazada beş kişi öldü.", "beş", 5.0),
        ];
        for (lang, sentence, written, value) in numbers {
            assert_found(lang, sentence, Some(written), EntityKind::Number, None, Some(value));
        }
        let days = [
            ("de", "Der Minister sprach gestern in Berlin.", "gestern", "yesterday"),
            ("de", "Gestern sprach der Minister.", "Gestern", "yesterday"),
            ("ru", "Вчера министр выступил в Москве.", "Вчера", "yesterday"),
            ("es", "El ministro habló hoy en Madrid.", "hoy", "today"),
            ("tr", "Bakan dün Ankara'da konuştu.", "dün", "yesterday"),
            // a weekday's full name with a capital
            ("de", "Der Minister sprach am Freitag in Berlin.", "Freitag", "friday"),
            ("de", "Am Montag begann der Prozess.", "Montag", "monday"),
            ("tr", "Bakan Cuma günü Ankara'da konuştu.", "Cuma", "friday"),
        ];
        for (lang, sentence, written, key) in days {
            assert_found(lang, sentence, Some(written), EntityKind::Date, Some(key), None);
        }
        // an abbreviation ("Fr") or a lowercase word that is also a weekday's
        // name (Russian "среда", environment) is no date
        for (lang, sentence) in [("de", "Die Sitzung endete Fr um neun."), ("ru", "Окружающая среда страдает.")]
        {
            let got = run(sentence, lang);
            assert!(!got.iter().any(|(_, k, _, _)| *k == EntityKind::Date), "{lang}: {sentence} → {got:?}");
        }
        // a number word that is also an adjective, with nothing counted after
        // it; a German noun that is also a number word
        for (lang, sentence) in [("fr", "Le bâtiment est neuf et solide."), ("de", "Sie gaben auf die Acht Obacht.")] {
            let got = run(sentence, lang);
            assert!(!got.iter().any(|(_, k, _, _)| *k == EntityKind::Number), "{lang}: {sentence} → {got:?}");
        }
    }

    #[test]
    fn stop_words_are_no_names() {
        // the English tagger took "Bei", a preposition starting the
        // sentence, for an organization
        let got = run("Bei dem Unglück starben sieben Menschen.", "de");
        assert!(!got.iter().any(|(w, _, _, _)| w == "Bei"), "{got:?}");
        assert_found(
            "de",
            "Die Regierung von Angela Merkel widersprach.",
            Some("Angela Merkel"),
            EntityKind::Person,
            None,
            None,
        );
        // a capitalized stop word inside a name stays
        let got = run("El tribunal de Den Haag decidió.", "es");
        assert!(got.iter().any(|(w, _, _, _)| w == "Den Haag"), "{got:?}");
    }

    #[test]
    fn english_articles_and_unknown_languages_are_left_alone() {
        let text = "Russland 5. Mai 2017";
        for code in ["en", "und", "xx"] {
            let mut vocab = Vocab::default();
            let compact = tokenize(text, std::slice::from_ref(&(0..text.len())), &mut vocab);
            let toks = view(&compact, &vocab);
            let mut found = Vec::new();
            recognize_in(text, &toks, code, &mut found);
            assert!(found.is_empty(), "{code}: {found:?}");
        }
    }
}
