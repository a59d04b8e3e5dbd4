use super::dates_numbers::clock_word;
use super::dates_numbers::dates;
use super::dates_numbers::numbers;
use super::lexicon::lexicon;
use super::lexicon::model;
use super::tagger;
use crate::entities::Found;
use crate::lang::en::GENERIC;
use crate::lang::en::GROUP_NOUNS;
use crate::lang::en::ORG_SUFFIXES;
use crate::lang::en::PARTICLES;
use crate::lang::en::STOPWORDS;
use crate::lang::en::TITLES;
use crate::report::EntityKind;
use crate::tokens::Sentence;
use crate::tokens::Tok as Token;
use crate::tokens::TokenKind;
use rustc_hash::FxHashMap;
use std::ops::Range;

pub(super) fn is_stop(norm: &str) -> bool {
    STOPWORDS.contains(&norm)
}

/// Named-entity chunks of every sentence of one document, from the trained
/// tagger: `(token range, kind)` per sentence. Both `analyze` (on this
/// crate's tokens) and `corroborate tag --conll` (on CoNLL's tokens) go
/// through here, so they share one recognizer.
///
/// ```
/// use corroborate::{tag, EntityKind};
/// let doc = vec![
///     vec!["U.S.", "President", "Donald", "Trump", "spoke", "to", "Vladimir", "Putin", "."],
///     vec!["Trump", "later", "flew", "to", "Hamburg", "."],
/// ];
/// let chunks = tag(&doc);
/// assert_eq!(chunks[0], [(0..1, EntityKind::Place), (2..4, EntityKind::Person), (6..8, EntityKind::Person)]);
/// assert_eq!(chunks[1], [(0..1, EntityKind::Person), (4..5, EntityKind::Place)]);
/// ```
pub fn tag(sentences: &[Vec<&str>]) -> Vec<Vec<(Range<usize>, EntityKind)>> {
    let lexicon = lexicon();
    let model = model();
    // every distinct surface form is keyed, hashed and looked up once
    let mut seen: FxHashMap<&str, (tagger::Surface, u16, u32)> = FxHashMap::default();
    let mut scratch = tagger::Scratch::default();
    let mut buf = String::new();
    let mut doc = tagger::DocInfo::default();
    let mut hashes: Vec<u64> = Vec::new();
    let mut words: Vec<Vec<(tagger::Surface, u16, u32)>> = Vec::with_capacity(sentences.len());
    for s in sentences {
        let mut ws: Vec<(tagger::Surface, u16, u32)> = s
            .iter()
            .map(|t| {
                let id = seen.len() as u32;
                *seen.entry(t).or_insert_with(|| {
                    let w = tagger::Surface::of(t, &mut scratch);
                    (w, lexicon.word_flags(t, w.key, &mut buf), id)
                })
            })
            .collect();
        hashes.clear();
        hashes.extend(ws.iter().map(|(w, _, _)| w.key));
        let mut flags: Vec<u16> = ws.iter().map(|(_, f, _)| *f).collect();
        lexicon.add_phrase_flags(&hashes, &mut flags);
        for (i, ((w, f, _), g)) in ws.iter_mut().zip(flags).enumerate() {
            *f = g;
            doc.add(w, i);
        }
        words.push(ws);
    }
    doc.finish();
    let mut parts: Vec<tagger::Parts> = Vec::new();
    let mut ids: Vec<u32> = Vec::new();
    let mut cache = tagger::LocalCache::default();
    sentences
        .iter()
        .zip(&words)
        .map(|(s, ws)| {
            parts.clear();
            parts.extend(ws.iter().map(|(w, f, _)| tagger::Parts::new(w, *f, &doc)));
            ids.clear();
            ids.extend(ws.iter().map(|(_, _, id)| *id));
            let tags = model.tag_cached(&parts, &ids, doc.uncased, &mut cache);
            doc.record(&parts, &tags);
            let mut out = Vec::new();
            let mut i = 0;
            let label_at = |k: usize| tags.get(k).and_then(|&t| tagger::LABELS.get(t)).copied().unwrap_or("O");
            while i < tags.len() {
                let label = label_at(i);
                let Some(ty) = label.strip_prefix("B-").or_else(|| label.strip_prefix("I-")) else {
                    i += 1;
                    continue;
                };
                let mut j = i + 1;
                while j < tags.len() && label_at(j).strip_prefix("I-") == Some(ty) {
                    j += 1;
                }
                let kind = match ty {
                    "PER" => EntityKind::Person,
                    "LOC" => EntityKind::Place,
                    "ORG" => EntityKind::Organization,
                    _ => {
                        let words = s.get(i..j).unwrap_or_default();
                        let single = words.iter().filter(|w| w.chars().any(char::is_alphanumeric)).count() == 1;
                        let flags = ws.get(i).map_or(0, |w| w.1);
                        let first = words.first().copied().unwrap_or_default();
                        if single && (flags & tagger::lex::DEMONYM != 0 || is_demonym(&tagger::key_of(first))) {
                            EntityKind::Group
                        } else {
                            EntityKind::Other
                        }
                    }
                };
                // "Mayor Elena Vasquez": a person chunk of titles alone is the
                // title before a name, not a name
                let titles_only = ws.get(i..j).is_some_and(|w| w.iter().all(|x| x.1 & tagger::lex::TITLE != 0));
                if !(kind == EntityKind::Person && titles_only) {
                    out.push((i..j, kind));
                }
                i = j;
            }
            out
        })
        .collect()
}

/// Finds entity mentions in one article's tokens: names from the trained
/// tagger ([`tag`]), dates and numbers by rule.
///
/// ```
/// use corroborate::{internal::{recognize, tokenize_text, sentences, view}, EntityKind};
/// let text = "Mayor Elena Vasquez said 12 people were hurt in Rotterdam on Monday. The city's harbor stays shut.";
/// let (vocab, toks) = tokenize_text(text);
/// let sents = sentences(&toks, &vocab, false);
/// let found = recognize(text, &view(&toks, &vocab), &sents);
/// let got: Vec<(&str, EntityKind)> = found.iter().map(|f| (&text[f.start..f.end], f.kind)).collect();
/// assert_eq!(got, [
///     ("Elena Vasquez", EntityKind::Person),
///     ("12 people", EntityKind::Number),
///     ("Rotterdam", EntityKind::Place),
///     ("Monday", EntityKind::Date),
/// ]);
/// ```
pub fn recognize(text: &str, tokens: &[Token], sentences: &[Sentence]) -> Vec<Found> {
    crate::work::add(tokens.len());
    let mut found = Vec::new();
    let mut used = vec![false; tokens.len()];
    let words: Vec<Vec<&str>> = sentences
        .iter()
        .map(|s| tokens.get(s.tokens.clone()).unwrap_or_default().iter().map(|t| t.text(text)).collect())
        .collect();
    // a token index outside `tokens` reads as none (the sentences index it)
    let norm = |i: usize| tokens.get(i).map_or("", |t| t.norm);
    // a copy without capitals: the tagger leans on context alone, so its
    // chunks are trimmed to words a lexicon knows as name-like
    let uncased = !tokens.iter().any(|t| t.capitalized);
    let lexicon = lexicon();
    use tagger::lex;
    let namelike = lex::FIRST | lex::LAST | lex::PLACE | lex::PERSON | lex::ORG | lex::CAPITAL | lex::DEMONYM;
    // words the article itself writes in lowercase: common words, whose
    // capital at a sentence's (or a headline's) start says nothing
    let lowercase: rustc_hash::FxHashSet<&str> =
        tokens.iter().filter(|t| t.kind == TokenKind::Word && !t.capitalized).map(|t| t.norm).collect();
    for (s, chunks) in sentences.iter().zip(tag(&words)) {
        for (r, kind) in chunks {
            let r = s.tokens.start + r.start..s.tokens.start + r.end;
            // "Harbor crane collapse kills four": one sentence-initial word
            // the article also writes in lowercase ("the harbor"), unknown to
            // the lexicons as a person's or organization's word, is a common
            // word (places are not asked: GeoNames has a town for most words)
            if !uncased && r.len() == 1 && r.start == s.tokens.start && lowercase.contains(norm(r.start)) {
                let flags = lexicon.flags(&[tokens.get(r.start).map_or("", |t| t.text(text))]);
                let personal = lex::FIRST | lex::LAST | lex::PERSON | lex::ORG | lex::DEMONYM;
                if flags.first().is_none_or(|f| f & personal == 0) {
                    continue;
                }
            }
            // a chunk never starts or ends on punctuation, a title or the
            // "PM GMT" of a time of day
            let (a, mut b) = trim_edges(r, |i: usize| {
                tokens.get(i).is_none_or(|t| !t.is_wordlike() || (TITLES.contains(&t.norm) && t.norm.len() > 2))
                    || clock_word(tokens, i)
            });
            // in a text with capitals, a name does not end on a word written
            // all in lowercase ("the Port Alder harbor"; 0.3% of CoNLL-2003
            // train's names do, most of them hyphenated: "al-Kabariti")
            let lower_word = |i: usize| {
                tokens.get(i).is_some_and(|t| {
                    t.kind == TokenKind::Word && {
                        let w = t.text(text);
                        w.chars().next().is_some_and(char::is_lowercase) && !w.chars().any(char::is_uppercase)
                    }
                })
            };
            while !uncased && b > a + 1 && lower_word(b - 1) {
                b -= 1;
            }
            if uncased && a < b {
                let texts: Vec<&str> = tokens.get(a..b).unwrap_or_default().iter().map(|t| t.text(text)).collect();
                let flags = lexicon.flags(&texts);
                let base = a;
                let known = |i: usize| flags.get(i - base).is_some_and(|f| f & namelike != 0);
                // a run of spaces is where punctuation stood: never inside a name
                if let Some(cut) = (a + 1..b).find(|&i| tokens.get(i).is_some_and(|t| t.gap >= 2)) {
                    b = cut;
                }
                // nothing name-like at all: a run of common words
                let group_word = kind == EntityKind::Group && is_demonym(norm(a));
                if !(a..b).any(known) && !group_word {
                    continue;
                }
                // a first name closing a longer chunk is more likely a
                // common word ("assad ally")
                let only_first = |i: usize| flags.get(i - base).is_some_and(|x| x & namelike == lex::FIRST);
                if b - a > 1 && only_first(b - 1) && !only_first(a) && !PARTICLES.contains(&norm(b - 2)) {
                    b -= 1;
                }
            }
            // "Secretary of State": the title's object is not an entity
            if b == a + 1 && GENERIC.contains(&norm(a)) {
                continue;
            }
            // "Syrian rebels", "Islamist militants": the group named in full
            if kind == EntityKind::Group {
                while tokens.get(b).is_some_and(|t| t.gap <= 1 && GROUP_NOUNS.contains(&t.norm)) {
                    b += 1;
                }
            }
            if a < b {
                push_name(tokens, a..b, kind, &mut used, &mut found);
            }
        }
    }
    organizations_by_suffix(tokens, &mut used, &mut found);
    dates(tokens, &mut used, &mut found, uncased);
    numbers(tokens, &mut used, &mut found);
    found.sort_by_key(|f| f.start);
    found
}

/// The range `r` without the tokens at either edge that `drop` says to leave
/// out, as a start and an end (equal when every token is dropped).
pub(super) fn trim_edges(r: std::ops::Range<usize>, drop: impl Fn(usize) -> bool) -> (usize, usize) {
    let (mut a, mut b) = (r.start, r.end);
    while a < b && drop(a) {
        a += 1;
    }
    while b > a && drop(b - 1) {
        b -= 1;
    }
    (a, b)
}

/// "Amnesty International", "Harbor Authority": capitalized words the tagger
/// left alone, ending in an organization word, name an organization.
fn organizations_by_suffix(tokens: &[Token], used: &mut [bool], found: &mut Vec<Found>) {
    for (i, t) in tokens.iter().enumerate().skip(1) {
        if is_used(used, i) || !t.capitalized || !ORG_SUFFIXES.contains(&t.norm) {
            continue;
        }
        let mut j = i;
        while j > 0 && i - j < 4 {
            let (Some(p), Some(next)) = (tokens.get(j - 1), tokens.get(j)) else { break };
            if is_used(used, j - 1)
                || !p.capitalized
                || !p.is_wordlike()
                || next.gap > 1
                || matches!(p.norm, "the" | "a" | "an")
            {
                break;
            }
            j -= 1;
        }
        if j < i {
            push_name(tokens, j..i + 1, EntityKind::Organization, used, found);
        }
    }
}

/// Whether token `i` is taken by a mention; one outside `used` counts as
/// taken (no mention can cover it).
pub(super) fn is_used(used: &[bool], i: usize) -> bool {
    used.get(i).copied().unwrap_or(true)
}

/// Marks tokens `r` as taken by a mention.
pub(super) fn set_used(used: &mut [bool], r: Range<usize>) {
    if let Some(s) = used.get_mut(r) {
        s.fill(true);
    }
}

/// The mention of tokens `r` (a non-empty range of `tokens`: the callers'
/// ranges always are; otherwise an empty mention at the range's edge).
pub(super) fn mk(tokens: &[Token], r: Range<usize>, kind: EntityKind) -> Found {
    let toks = tokens.get(r.clone()).unwrap_or_default();
    let key = toks.iter().filter(|t| t.is_wordlike()).map(|t| t.norm).collect::<Vec<_>>().join(" ");
    let start = toks.first().map_or(0, |t| t.start);
    Found {
        start,
        end: toks.last().map_or(start, |t| t.end),
        tokens: r,
        kind,
        key,
        value: None,
        qualifier: None,
        unit: None,
    }
}

fn is_demonym(norm: &str) -> bool {
    let n = norm.trim_end_matches('s');
    n.len() > 4
        && (n.ends_with("ian")
            || n.ends_with("ese")
            || n.ends_with("ish")
            || n.ends_with("ean")
            || n.ends_with("an")
            || n.ends_with("ic"))
        || matches!(
            n,
            "iraqi"
                | "israeli"
                | "pakistani"
                | "saudi"
                | "kuwaiti"
                | "yemeni"
                | "afghani"
                | "kazakh"
                | "french"
                | "dutch"
                | "greek"
                | "thai"
                | "swiss"
                | "islamist"
                | "jihadist"
        )
}

fn push_name(tokens: &[Token], r: Range<usize>, kind: EntityKind, used: &mut [bool], found: &mut Vec<Found>) {
    set_used(used, r.clone());
    found.push(mk(tokens, r, kind));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::{sentences, tokenize_text, view};

    fn found(text: &str) -> Vec<Found> {
        let (vocab, toks) = tokenize_text(text);
        let sents = sentences(&toks, &vocab, false);
        recognize(text, &view(&toks, &vocab), &sents)
    }

    fn run(text: &str) -> Vec<(String, EntityKind)> {
        found(text).into_iter().map(|f| (text[f.start..f.end].to_string(), f.kind)).collect()
    }

    #[test]
    fn recognizes_kinds() {
        use EntityKind::*;
        let cases: &[(&str, &[(&str, EntityKind)])] = &[
            ("Secretary of State Rex Tillerson spoke.", &[("Rex Tillerson", Person)]),
            ("German Chancellor Angela Merkel met him.", &[("German", Group), ("Angela Merkel", Person)]),
            ("Russia blamed Syrian rebels for the attack.", &[("Russia", Place), ("Syrian rebels", Group)]),
            ("The Harbor Authority said so.", &[("Harbor Authority", Organization)]),
            ("Talks were held in Astana on Wednesday.", &[("Astana", Place), ("Wednesday", Date)]),
            ("It killed more than 80 people.", &[("more than 80 people", Number)]),
            ("It killed 87 civilians in 2017.", &[("87 civilians", Number), ("2017", Date)]),
            ("They meet on July 7-8 or last week.", &[("July 7-8", Date), ("last week", Date)]),
            ("The FBI and the USA agreed.", &[("FBI", Organization), ("USA", Place)]),
            ("Statements came. The statements were long.", &[]),
        ];
        for (text, want) in cases {
            let got = run(text);
            let want: Vec<(String, EntityKind)> = want.iter().map(|(s, k)| (s.to_string(), *k)).collect();
            assert_eq!(got, want, "entities of {text:?}");
        }
    }

    #[test]
    fn number_parts() {
        let text = "It killed more than 80 people and 320,000 overall.";
        let f = found(text);
        assert_eq!(f[0].value, Some(80.0));
        assert_eq!(f[0].qualifier.as_deref(), Some("more than"));
        assert_eq!(f[0].unit.as_deref(), Some("people"));
        assert_eq!(f[1].value, Some(320000.0));
    }

    #[test]
    fn dates_written_as_news_writes_them() {
        // (text, the dates found)
        let cases: &[(&str, &[&str])] = &[
            ("The fee rose on Dec. 31 after a vote.", &["Dec. 31"]),
            ("Voting ends Sept. 9, 2003, at noon.", &["Sept. 9, 2003"]),
            ("It opened on May 22, 2017, in the port.", &["May 22, 2017"]),
            ("They meet on July 7-8 in the port.", &["July 7-8"]),
            ("The port reopened in Dec. after repairs.", &["Dec"]),
            ("Dockers joined the March on Harbor Street.", &[]),
            ("They planned a march through the port in June.", &["June"]),
            ("the port reopened in march after repairs", &["march"]),
            ("An august body met in August.", &["August"]),
            ("The vote came in March.", &["March"]),
        ];
        for &(text, want) in cases {
            let got: Vec<&str> =
                found(text).iter().filter(|f| f.kind == EntityKind::Date).map(|f| &text[f.start..f.end]).collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn number_values() {
        // (text, the figure's words, its value)
        let cases: &[(&str, &str, f64)] = &[
            ("Twenty-eight people were there.", "Twenty-eight people", 28.0),
            ("twenty eight people were there", "twenty eight people", 28.0),
            ("Some ninety-nine boats sailed.", "Some ninety-nine boats", 99.0),
            ("Seventeen crew members waited.", "Seventeen crew members", 17.0),
            ("Twenty-two million voters came.", "Twenty-two million voters", 22e6),
            ("Thirty people and nine dogs.", "Thirty people", 30.0),
            ("The level reached .25 parts per million.", ".25 parts", 0.25),
            ("The level reached 0.25 parts per million.", "0.25 parts", 0.25),
            ("It costs 4.5 dollars.", "4.5 dollars", 4.5),
            ("He posted $3-million bail.", "$3-million bail", 3e6),
            ("It won a 53.7-million award.", "53.7-million award", 53.7e6),
        ];
        for &(text, words, value) in cases {
            let f = found(text);
            let got = f.iter().find(|f| f.kind == EntityKind::Number).map(|f| (&text[f.start..f.end], f.value));
            assert_eq!(got, Some((words, Some(value))), "{text:?}");
        }
    }

    #[test]
    fn qualifiers_of_figures() {
        // (text, the figure's words, its qualifier)
        let cases: &[(&str, &str, Option<&str>)] = &[
            ("The repair could cost as much as $7 million.", "as much as $7 million", Some("as much as")),
            ("As many as 300 residents left.", "As many as 300 residents", Some("as many as")),
            ("No more than 40 boats sailed.", "No more than 40 boats", Some("no more than")),
            ("More than 80 people came.", "More than 80 people", Some("more than")),
            ("An estimated 2,000 people came.", "An estimated 2,000 people", Some("an estimated")),
            ("The crane lifted 40 tonnes.", "40 tonnes", None),
        ];
        for &(text, words, qualifier) in cases {
            let f = found(text);
            let got = f
                .iter()
                .find(|f| f.kind == EntityKind::Number)
                .map(|f| (&text[f.start..f.end], f.qualifier.as_deref()));
            assert_eq!(got, Some((words, qualifier)), "{text:?}");
        }
    }

    #[test]
    fn times_of_day() {
        // (text, the time's words, its key, its value in 24-hour time, its unit)
        let cases: &[(&str, &str, &str, f64, Option<&str>)] = &[
            ("The crane fell at 9:15 p.m. on Friday.", "9:15 p.m", "9:15 pm", 21.25, Some("pm")),
            ("The crane fell at 9 p.m. EDT on Friday.", "9 p.m. EDT", "9 pm edt", 21.0, Some("pm edt")),
            ("Divers went down at 6:40 a.m.", "6:40 a.m", "6:40 am", 6.0 + 40.0 / 60.0, Some("am")),
            ("The quay closed at 12 a.m. sharp.", "12 a.m", "12 am", 0.0, Some("am")),
            ("The quay reopened at 12:30 PM GMT.", "12:30 PM GMT", "12:30 pm gmt", 12.5, Some("pm gmt")),
            ("The ferry left at 17:05 from Port Ellis.", "17:05", "17:05", 17.0 + 5.0 / 60.0, Some("24h")),
            ("The ferry left at 09:05 GMT.", "09:05 GMT", "09:05 gmt", 9.0 + 5.0 / 60.0, Some("24h gmt")),
            ("The ferry left at 9:05 from Port Ellis.", "9:05", "9:05", 9.0 + 5.0 / 60.0, None),
            ("Crews worked 12 hours.", "12 hours", "12 hours", 12.0, Some("hours")),
            ("The score was 3:2 after the break.", "3", "3", 3.0, None),
        ];
        for &(text, words, key, value, unit) in cases {
            let f = found(text);
            let got = f.iter().find(|f| f.kind == EntityKind::Number).map(|f| {
                (&text[f.start..f.end], f.key.as_str(), f.value.map(|v| (v * 1000.0).round()), f.unit.as_deref())
            });
            assert_eq!(got, Some((words, key, Some((value * 1000.0).round()), unit)), "{text:?}");
        }
    }
}
