//! Entity recognition and alias merging.
//!
//! This first version is rule-based: capitalized chunks classified by titles,
//! organisation heads, demonym endings and the preposition before them;
//! dates and numbers by their own rules; names found in a clean article are
//! then looked up again in every article (so a lowercased, stripped copy
//! still gets "donald trump"), and aliases are merged across articles
//! ("Trump" into "Donald Trump", "USA" into "United States"). The trained
//! tagger replaces the chunk classifier in a later version; the interface
//! ([`recognize`], [`Found`]) stays.

pub mod tagger;

use crate::report::EntityKind;
// Entities read keys constantly: they work on resolved token views.
use crate::tokens::{Sentence, Tok as Token, TokenKind};
use aho_corasick::{AhoCorasick, MatchKind};
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ops::Range;

/// One entity mention found in one article.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Token indices of the mention.
    pub tokens: Range<usize>,
    /// Byte span in the original text.
    pub start: usize,
    /// Byte span end in the original text.
    pub end: usize,
    /// What it is.
    pub kind: EntityKind,
    /// Matching key before alias merging (lowercase words).
    pub key: String,
    /// Parsed numeric value, for numbers.
    pub value: Option<f64>,
    /// Qualifier ("more than"), for numbers.
    pub qualifier: Option<String>,
    /// What is counted ("people"), for numbers.
    pub unit: Option<String>,
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];
const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const RELATIVE_DAYS: &[&str] = &["yesterday", "today", "tomorrow", "tonight"];
const PERIODS: &[&str] =
    &["week", "month", "year", "weekend", "decade", "century", "spring", "summer", "autumn", "fall", "winter"];
const NUMBER_WORDS: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("dozen", 12.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("hundred", 100.0),
    ("thousand", 1000.0),
    ("million", 1e6),
    ("billion", 1e9),
    ("dozens", 24.0),
    ("hundreds", 200.0),
    ("thousands", 2000.0),
];
const QUALIFIERS: &[&str] = &[
    "more than",
    "less than",
    "fewer than",
    "at least",
    "at most",
    "up to",
    "about",
    "around",
    "nearly",
    "almost",
    "over",
    "some",
    "roughly",
    "approximately",
    "under",
    "just over",
    "just under",
];
const TITLES: &[&str] = &[
    "president",
    "mayor",
    "leader",
    "secretary",
    "minister",
    "chancellor",
    "ambassador",
    "senator",
    "governor",
    "mr",
    "mrs",
    "ms",
    "dr",
    "gen",
    "general",
    "sen",
    "rep",
    "prime",
    "king",
    "queen",
    "prince",
    "pope",
    "judge",
    "spokesman",
    "spokeswoman",
    "correspondent",
    "chief",
    "director",
    "commissioner",
    "envoy",
    "official",
    "reporter",
    "captain",
    "colonel",
    "lieutenant",
    "sergeant",
    "professor",
    "sheikh",
    "emir",
];
const CONNECTORS: &[&str] = &["al", "el", "bin", "ibn", "de", "del", "da", "van", "von", "der", "la", "le", "of"];
const STOPWORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "or",
    "but",
    "of",
    "to",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "from",
    "as",
    "is",
    "was",
    "are",
    "were",
    "be",
    "been",
    "it",
    "its",
    "he",
    "she",
    "they",
    "them",
    "his",
    "her",
    "their",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "which",
    "who",
    "whom",
    "what",
    "when",
    "where",
    "why",
    "how",
    "not",
    "no",
    "yes",
    "if",
    "then",
    "than",
    "so",
    "also",
    "after",
    "before",
    "since",
    "while",
    "according",
    "meanwhile",
    "however",
    "both",
    "all",
    "some",
    "many",
    "most",
    "more",
    "last",
    "next",
    "first",
    "new",
    "we",
    "i",
    "you",
    "our",
    "my",
    "your",
    "said",
    "says",
    "will",
    "would",
    "could",
    "should",
    "can",
    "may",
    "has",
    "have",
    "had",
    "do",
    "did",
    "does",
    "about",
    "over",
    "under",
    "into",
    "during",
    "because",
    "prior",
    "finally",
    "earlier",
    "later",
    "today",
    "other",
    "others",
    "each",
    "every",
    "any",
    "s",
];

/// Canonical names for common aliases: (alias key, canonical name, kind).
const ALIASES: &[(&str, &str, EntityKind)] = &[
    ("us", "United States", EntityKind::Place),
    ("usa", "United States", EntityKind::Place),
    ("united states", "United States", EntityKind::Place),
    ("united states of america", "United States", EntityKind::Place),
    ("america", "United States", EntityKind::Place),
    ("russia", "Russia", EntityKind::Place),
    ("russian federation", "Russia", EntityKind::Place),
    ("uk", "United Kingdom", EntityKind::Place),
    ("britain", "United Kingdom", EntityKind::Place),
    ("great britain", "United Kingdom", EntityKind::Place),
    ("united kingdom", "United Kingdom", EntityKind::Place),
    ("un", "United Nations", EntityKind::Organization),
    ("united nations", "United Nations", EntityKind::Organization),
    ("eu", "European Union", EntityKind::Organization),
    ("european union", "European Union", EntityKind::Organization),
];

/// Lexicons the tagger consults: names, places, demonyms, titles.
///
/// Stored as hashes only: single words map a key hash to flags, names of
/// several words map the hash of their word-hash sequence to flags. Building
/// it is a few hashes per entry (it loads with the page), and matching a
/// sentence costs a handful of table look-ups per token.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Word key hash → FIRST | LAST | DEMONYM | TITLE | CAPITAL flags.
    words: FxHashMap<u64, u16>,
    /// Phrase hash → PLACE | ORG | PERSON flags (phrases of one word too).
    phrases: FxHashMap<u64, u16>,
    /// Phrase hashes of the package place names (for kind decisions).
    places: FxHashSet<u64>,
    /// Longest phrase, in words.
    max_words: usize,
}

fn key_hash(key: &str) -> u64 {
    tagger::stable_hash(key.as_bytes())
}

fn phrase_hash(word_hashes: impl IntoIterator<Item = u64>) -> u64 {
    word_hashes.into_iter().fold(0x51_7cc1_b727_220a, tagger::combine_hashes)
}

/// Hash of a phrase given as a key of words separated by spaces.
fn phrase_hash_of(key: &str) -> (u64, usize) {
    let mut n = 0;
    let h = phrase_hash(key.split(' ').filter(|w| !w.is_empty()).map(|w| {
        n += 1;
        key_hash(w)
    }));
    (h, n)
}

impl Lexicon {
    /// Builds a lexicon from word lists (lowercase keys) and (phrase, flag)
    /// pairs; phrases are lowercase keys separated by single spaces.
    pub fn new<'a>(
        first: impl IntoIterator<Item = &'a str>,
        last: impl IntoIterator<Item = &'a str>,
        demonyms: impl IntoIterator<Item = &'a str>,
        phrases: impl IntoIterator<Item = (&'a str, u16)>,
    ) -> Lexicon {
        use tagger::lex;
        let mut lx = Lexicon::default();
        for (words, flag) in
            [(first.into_iter().collect::<Vec<_>>(), lex::FIRST), (last.into_iter().collect(), lex::LAST)]
        {
            for w in words {
                *lx.words.entry(key_hash(w)).or_default() |= flag;
            }
        }
        for d in demonyms {
            *lx.words.entry(key_hash(d)).or_default() |= lex::DEMONYM;
        }
        for t in TITLES {
            *lx.words.entry(key_hash(t)).or_default() |= lex::TITLE;
        }
        let mut hashes = Vec::new();
        for (p, f) in phrases {
            hashes.clear();
            hashes.extend(p.split(' ').filter(|w| !w.is_empty()).map(key_hash));
            if !hashes.is_empty() {
                lx.add_phrase(&hashes, f);
            }
        }
        lx
    }

    /// True when `first` (a key) is a known first name.
    pub fn is_first_name(&self, first: &str) -> bool {
        self.words.get(&key_hash(first)).is_some_and(|f| f & tagger::lex::FIRST != 0)
    }

    /// True when `key` (words separated by spaces) is a known place name.
    pub fn is_place(&self, key: &str) -> bool {
        self.places.contains(&phrase_hash_of(key).0)
    }

    /// Lexicon flags ([`tagger::lex`]) of each token of a sentence.
    pub fn flags(&self, tokens: &[&str]) -> Vec<u16> {
        let mut buf = String::new();
        let hashes: Vec<u64> = tokens
            .iter()
            .map(|t| {
                buf.clear();
                crate::normalize::push_word_key(t, &mut buf);
                key_hash(&buf)
            })
            .collect();
        let mut out: Vec<u16> = tokens.iter().zip(&hashes).map(|(t, h)| self.word_flags(t, *h, &mut buf)).collect();
        self.add_phrase_flags(&hashes, &mut out);
        out
    }

    /// The flags of one word alone (names, demonyms, titles, casing), given
    /// its key's hash: the same wherever the word stands.
    fn word_flags(&self, text: &str, hash: u64, buf: &mut String) -> u16 {
        use tagger::lex;
        let mut f = self.words.get(&hash).copied().unwrap_or(0);
        // plural demonyms ("Russians")
        if f & lex::DEMONYM == 0 && text.len() > 3 && (text.ends_with('s') || text.ends_with('S')) {
            buf.clear();
            // drops the final ASCII 's': a character boundary
            crate::normalize::push_word_key(text.get(..text.len() - 1).unwrap_or_default(), buf);
            f |= self.words.get(&key_hash(buf)).copied().unwrap_or(0) & lex::DEMONYM;
        }
        f
    }

    /// Adds the flags of phrases (places, organizations, people) to `out`,
    /// the longest at each position, left to right, without overlaps.
    fn add_phrase_flags(&self, hashes: &[u64], out: &mut [u16]) {
        use tagger::lex;
        let mut i = 0;
        while i < hashes.len() {
            let mut h = 0x51_7cc1_b727_220a;
            let mut best: Option<(usize, u16)> = None;
            for (len, &next) in (1..=self.max_words).zip(hashes.get(i..).unwrap_or_default()) {
                h = tagger::combine_hashes(h, next);
                match self.phrases.get(&h) {
                    // only the start of longer phrases
                    Some(0) => {}
                    Some(&f) => best = Some((len, f)),
                    None => break,
                }
            }
            match best {
                Some((len, flag)) => {
                    for (n, f) in out.get_mut(i..i + len).unwrap_or_default().iter_mut().enumerate() {
                        *f |= flag;
                        if n == 0 {
                            *f |= lex::BEGIN;
                        }
                    }
                    i += len;
                }
                None => i += 1,
            }
        }
    }

    /// Adds a phrase given by its words' key hashes, and its beginnings as
    /// prefixes (flag 0), so matching stops at the first word no phrase
    /// continues with.
    fn add_phrase(&mut self, word_hashes: &[u64], flag: u16) {
        let mut h = 0x51_7cc1_b727_220a;
        for (n, w) in word_hashes.iter().enumerate() {
            h = tagger::combine_hashes(h, *w);
            let e = self.phrases.entry(h).or_default();
            if n + 1 == word_hashes.len() {
                *e |= flag;
            }
        }
        self.max_words = self.max_words.max(word_hashes.len());
    }
}

/// Parses a gazetteer (`key<TAB>TYPE` lines, TYPE one of PER, LOC, ORG;
/// `#` comments) into (phrase, flag) pairs.
pub fn gazetteer_phrases(text: &str) -> impl Iterator<Item = (&str, u16)> {
    text.lines().filter(|l| !l.starts_with('#')).filter_map(|l| {
        let (key, ty) = l.split_once('\t')?;
        let flag = match ty.trim() {
            "PER" => tagger::lex::PERSON,
            "LOC" => tagger::lex::PLACE,
            "ORG" => tagger::lex::ORG,
            _ => return None,
        };
        Some((key, flag))
    })
}

/// The gazetteer mined from WikiANN by `corroborate train-ner`.
pub const GAZETTEER: &str = include_str!("../model/gazetteer.tsv");
/// Words usually capitalized, mined by `corroborate train-ner`.
pub const CASING: &str = include_str!("../model/casing.txt");
/// Place names from GeoNames and world-countries (`scripts/build-lexicons.sh`).
pub const PLACES: &str = include_str!("../data/lexicons/places.tsv");
/// Demonyms from world-countries.
pub const DEMONYMS: &str = include_str!("../data/lexicons/demonyms.tsv");
/// Common first names (US Social Security data).
pub const FIRST_NAMES: &str = include_str!("../data/lexicons/first_names.txt");
/// Common surnames (US Census 1990).
pub const LAST_NAMES: &str = include_str!("../data/lexicons/last_names.txt");

fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty())
}

/// Key hashes of the words of a name as written ("New York", "Bashar
/// al-Assad"), split at spaces and hyphens.
fn name_hashes(name: &str, buf: &mut String, out: &mut Vec<u64>) {
    out.clear();
    for w in name.split(|c: char| c.is_whitespace() || c == '-') {
        buf.clear();
        crate::normalize::push_word_key(w, buf);
        if !buf.is_empty() {
            out.push(key_hash(buf));
        }
    }
}

/// Builds the lexicon from a mined gazetteer and casing list, the package
/// lexicons and the built-in aliases.
pub fn lexicon_from(gazetteer: &str, casing: &str) -> Lexicon {
    use tagger::lex;
    let aliases =
        ALIASES.iter().map(|(a, _, k)| (*a, if *k == EntityKind::Organization { lex::ORG } else { lex::PLACE }));
    let demonyms: Vec<String> = data_lines(DEMONYMS).filter_map(|l| l.split('\t').next()).map(tagger::key_of).collect();
    let mut lx = Lexicon::new(
        data_lines(FIRST_NAMES),
        data_lines(LAST_NAMES),
        demonyms.iter().map(String::as_str),
        aliases.chain(gazetteer_phrases(gazetteer)),
    );
    let mut buf = String::new();
    let mut hashes = Vec::new();
    for name in data_lines(PLACES).filter_map(|l| l.split('\t').next()) {
        name_hashes(name, &mut buf, &mut hashes);
        if !hashes.is_empty() {
            lx.add_phrase(&hashes, lex::PLACE);
            lx.places.insert(phrase_hash(hashes.iter().copied()));
        }
    }
    for w in data_lines(casing) {
        *lx.words.entry(key_hash(w)).or_default() |= lex::CAPITAL;
    }
    lx
}

/// The built-in lexicon (built once).
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
    LEXICON.get_or_init(|| lexicon_from(GAZETTEER, CASING))
}

/// The trained tagger shipped with the crate (`model/ner.bin`, rebuilt by
/// `corroborate train-ner`).
pub fn model() -> &'static tagger::Model {
    static MODEL: std::sync::OnceLock<tagger::Model> = std::sync::OnceLock::new();
    MODEL.get_or_init(|| {
        // A model that fails to parse is caught by the tests; at run time
        // fall back to an empty model rather than panic.
        tagger::Model::from_bytes(include_bytes!("../model/ner.bin")).unwrap_or_else(|_| tagger::Model::empty())
    })
}

fn is_stop(norm: &str) -> bool {
    STOPWORDS.contains(&norm)
}

/// Named-entity chunks of every sentence of one document, from the trained
/// tagger: `(token range, kind)` per sentence. Both `analyze` (on this
/// crate's tokens) and `corroborate tag --conll` (on CoNLL's tokens) go
/// through here, so they share one recognizer.
///
/// ```
/// use corroborate::{entities::tag_document, EntityKind};
/// let doc = vec![
///     vec!["U.S.", "President", "Donald", "Trump", "spoke", "to", "Vladimir", "Putin", "."],
///     vec!["Trump", "later", "flew", "to", "Hamburg", "."],
/// ];
/// let chunks = tag_document(&doc);
/// assert_eq!(chunks[0], [(0..1, EntityKind::Place), (2..4, EntityKind::Person), (6..8, EntityKind::Person)]);
/// assert_eq!(chunks[1], [(0..1, EntityKind::Person), (4..5, EntityKind::Place)]);
/// ```
pub fn tag_document(sentences: &[Vec<&str>]) -> Vec<Vec<(Range<usize>, EntityKind)>> {
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
                out.push((i..j, kind));
                i = j;
            }
            out
        })
        .collect()
}

/// Finds entity mentions in one article's tokens: names from the trained
/// tagger ([`tag_document`]), dates and numbers by rule.
///
/// ```
/// use corroborate::{entities::recognize, tokens::{tokenize_text, sentences, view}, EntityKind};
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
    for (s, chunks) in sentences.iter().zip(tag_document(&words)) {
        for (r, kind) in chunks {
            let r = s.tokens.start + r.start..s.tokens.start + r.end;
            // a chunk never starts or ends on punctuation or a title
            let (mut a, mut b) = (r.start, r.end);
            let edge = |i: usize| {
                tokens.get(i).is_none_or(|t| !t.is_wordlike() || (TITLES.contains(&t.norm) && t.norm.len() > 2))
            };
            while a < b && edge(a) {
                a += 1;
            }
            while b > a && edge(b - 1) {
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
    dates(tokens, &mut used, &mut found);
    numbers(tokens, &mut used, &mut found);
    found.sort_by_key(|f| f.start);
    found
}

/// Words that end an organization's name.
const ORG_SUFFIXES: &[&str] = &[
    "international",
    "association",
    "agency",
    "authority",
    "council",
    "committee",
    "institute",
    "foundation",
    "organization",
    "organisation",
    "corporation",
    "commission",
    "federation",
    "ministry",
    "university",
    "watch",
];

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
fn is_used(used: &[bool], i: usize) -> bool {
    used.get(i).copied().unwrap_or(true)
}

/// Marks tokens `r` as taken by a mention.
fn set_used(used: &mut [bool], r: Range<usize>) {
    if let Some(s) = used.get_mut(r) {
        s.fill(true);
    }
}

/// The mention of tokens `r` (a non-empty range of `tokens`: the callers'
/// ranges always are; otherwise an empty mention at the range's edge).
fn mk(tokens: &[Token], r: Range<usize>, kind: EntityKind) -> Found {
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

fn dates(tokens: &[Token], used: &mut [bool], found: &mut Vec<Found>) {
    let n = tokens.len();
    let mut i = 0;
    let kind_at = |k: usize| tokens.get(k).map(|t| t.kind);
    let norm_at = |k: usize| tokens.get(k).map_or("", |t| t.norm);
    while i < n {
        let Some(t) = tokens.get(i) else { break };
        let norm = t.norm;
        let mut span: Option<Range<usize>> = None;
        let c = word_class(norm);
        let is_month = c & class::MONTH != 0 && (t.capitalized || norm.len() > 3) && norm != "may"
            || (norm == "may" && t.capitalized && i > 0);
        if is_month || c & class::WEEKDAY != 0 {
            let mut s = i;
            let mut e = i + 1;
            // "4 April", "July 7-8", "May 22", "April 2017"
            if s > 0 && kind_at(s - 1) == Some(TokenKind::Number) && norm_at(s - 1).len() <= 2 && !is_used(used, s - 1)
            {
                s -= 1;
            }
            while e < n && kind_at(e) == Some(TokenKind::Number) && norm_at(e).len() <= 10 && e - i <= 2 {
                e += 1;
            }
            if s > 0 && matches!(norm_at(s - 1), "last" | "next" | "this" | "early" | "late" | "mid") {
                s -= 1;
            }
            span = Some(s..e);
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

/// Parses "320,000", "3.5", "7-8" (the first value) into a number.
pub fn parse_number(s: &str) -> Option<f64> {
    let first = s.split('-').next().unwrap_or(s);
    let cleaned: String = first.chars().filter(|c| *c != ',' && *c != '_').collect();
    cleaned.parse::<f64>().ok().or_else(|| NUMBER_WORDS.iter().find(|(w, _)| *w == s).map(|(_, v)| *v))
}

fn numbers(tokens: &[Token], used: &mut [bool], found: &mut Vec<Found>) {
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
        // "320 million", "two hundred"
        while tokens.get(e).is_some_and(|m| m.kind == TokenKind::Word && word_class(m.norm) & class::MULTIPLIER != 0) {
            e += 1;
        }
        let mut value = parse_number(t.norm);
        if let (Some(v), Some(mult)) =
            (value, tokens.get(i + 1).and_then(|m| if e > i + 1 { parse_number(m.norm) } else { None }))
        {
            value = Some(v * mult);
        }
        // percent
        if e < n && matches!(norm_at(e), "%" | "percent" | "per") {
            e += if norm_at(e) == "per" && norm_at(e + 1) == "cent" { 2 } else { 1 };
        }
        // currency before
        if s > 0 && matches!(norm_at(s - 1), "$" | "€" | "£" | "¥") {
            s -= 1;
        }
        // qualifier before: one or two words
        let mut qualifier = None;
        for len in [2usize, 1] {
            if s >= len {
                let q = tokens.get(s - len..s).unwrap_or_default().iter().map(|t| t.norm).collect::<Vec<_>>().join(" ");
                if QUALIFIERS.contains(&q.as_str()) {
                    qualifier = Some(q);
                    s -= len;
                    break;
                }
            }
        }
        // unit after: up to two lowercase non-stop words
        let mut unit_words = Vec::new();
        let mut k = e;
        while k < n && unit_words.len() < 2 {
            let Some(u) = tokens.get(k) else { break };
            if u.kind == TokenKind::Word && !u.capitalized && !is_stop(u.norm) && u.gap <= 1 {
                unit_words.push(u.norm.to_string());
                k += 1;
            } else {
                break;
            }
        }
        // keep only the head noun when the second word exists ("buffer zones")
        let unit = if unit_words.is_empty() { None } else { Some(unit_words.join(" ")) };
        let r = s..k;
        if r.clone().any(|x| is_used(used, x)) {
            i += 1;
            continue;
        }
        set_used(used, r.clone());
        let mut f = mk(tokens, r.clone(), EntityKind::Number);
        f.value = value;
        f.qualifier = qualifier;
        f.unit = unit;
        found.push(f);
        i = r.end;
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

/// A canonical entity across all articles: what [`merge`] returns.
#[derive(Debug, Clone, PartialEq)]
pub struct Canonical {
    /// Display name.
    pub name: String,
    /// Kind.
    pub kind: EntityKind,
    /// (article index, mention) pairs.
    pub mentions: Vec<(usize, Found)>,
}

/// Looks up, in every article, the names found anywhere, so that a
/// lowercased copy gets the mentions its clean sibling revealed. Only whole
/// words match; in articles that have capitals, a match must be capitalized.
pub fn propagate(texts: &[&str], tokens: &[Vec<Token>], degraded: &[bool], found: &mut [Vec<Found>]) {
    // each key with the kind most of its mentions have (ties: the first
    // kind in `EntityKind` order), so the article order does not matter
    let mut votes: BTreeMap<String, BTreeMap<EntityKind, usize>> = BTreeMap::new();
    for f in found.iter().flatten() {
        if matches!(f.kind, EntityKind::Date | EntityKind::Number)
            || f.key.len() < 3 && f.key != "us" && f.key != "un" && f.key != "eu"
        {
            continue;
        }
        let mut keys = vec![f.key.clone()];
        if f.kind == EntityKind::Person {
            if let Some(last) = f.key.rsplit(' ').next() {
                if last.len() >= 4 && !is_stop(last) {
                    keys.push(last.to_string());
                }
            }
        }
        for k in keys {
            *votes.entry(k).or_default().entry(f.kind).or_default() += 1;
        }
    }
    let mut patterns: Vec<(String, EntityKind)> = votes
        .into_iter()
        .filter_map(|(k, kinds)| {
            let best = kinds.iter().max_by(|x, y| x.1.cmp(y.1).then(y.0.cmp(x.0)))?;
            Some((k, *best.0))
        })
        .collect();
    for (alias, _, kind) in ALIASES {
        if !patterns.iter().any(|(p, _)| p == alias) {
            patterns.push((alias.to_string(), *kind));
        }
    }
    if patterns.is_empty() {
        return;
    }
    let Ok(ac) =
        AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(patterns.iter().map(|(p, _)| p.as_str()))
    else {
        return;
    };
    // words the clean articles use in lowercase: common words, not names
    let common: HashSet<&str> = tokens
        .iter()
        .zip(degraded)
        .filter(|(_, d)| !**d)
        .flat_map(|(t, _)| t.iter().filter(|t| t.kind == TokenKind::Word && !t.capitalized).map(|t| t.norm))
        .collect();
    for (a, (toks, found_a)) in tokens.iter().zip(found.iter_mut()).enumerate() {
        // joined norms of word tokens, with a map back to token indices
        let mut hay = String::from(" ");
        let mut at: Vec<(usize, usize)> = Vec::new(); // (byte in hay, token index)
        for (ti, t) in toks.iter().enumerate() {
            if t.is_wordlike() {
                at.push((hay.len(), ti));
                hay.push_str(t.norm);
                hay.push(' ');
            }
        }
        let covered: Vec<bool> = {
            let mut c = vec![false; toks.len()];
            for f in found_a.iter() {
                for k in f.tokens.clone() {
                    if let Some(x) = c.get_mut(k) {
                        *x = true;
                    }
                }
            }
            c
        };
        let mut extra = Vec::new();
        let mut replaced: Vec<(usize, usize)> = Vec::new();
        for m in ac.find_iter(&hay) {
            let Some((p, kind)) = patterns.get(m.pattern().as_usize()) else { continue };
            // whole words only
            if hay.as_bytes().get(m.start().wrapping_sub(1)) != Some(&b' ')
                || hay.as_bytes().get(m.end()) != Some(&b' ')
            {
                continue;
            }
            let first = at.partition_point(|&(b, _)| b < m.start());
            let last = at.partition_point(|&(b, _)| b < m.end());
            // `first < last <= at.len()`, so both exist
            let (Some(&(_, t0)), Some(&(_, t_last))) = (at.get(first), last.checked_sub(1).and_then(|l| at.get(l)))
            else {
                continue;
            };
            if first >= last {
                continue;
            }
            let t1 = t_last + 1;
            let degraded_doc = degraded.get(a).copied().unwrap_or(false);
            if (t0..t1).any(|k| covered.get(k).copied().unwrap_or(false)) {
                // in a stripped copy a name confirmed by a clean sibling beats
                // the tagger's guess at the same place
                if degraded_doc && p.contains(' ') {
                    replaced.push((t0, t1));
                } else {
                    continue;
                }
            }
            // a bare surname right after another name-like word is someone
            // else who shares it ("john smith" is not "Jane Smith")
            if *kind == EntityKind::Person && !p.contains(' ') && t0 > 0 {
                let Some(prev) = toks.get(t0 - 1) else { continue };
                if prev.kind == TokenKind::Word
                    && !is_stop(prev.norm)
                    && !TITLES.contains(&prev.norm)
                    && !common.contains(prev.norm)
                {
                    continue;
                }
            }
            let clean = !degraded.get(a).copied().unwrap_or(false);
            let Some(tok0) = toks.get(t0) else { continue };
            if clean && !tok0.capitalized {
                continue;
            }
            // a two-letter alias such as "us" only in degraded copies or as capitals
            let text_a = texts.get(a).copied().unwrap_or_default();
            if p.len() <= 3 && clean && !tok0.text(text_a).chars().all(|c| c.is_uppercase() || c == '.') {
                continue;
            }
            let mut f = mk(toks, t0..t1, *kind);
            f.key = p.clone();
            extra.push(f);
        }
        // `replaced` is in text order and its ranges do not overlap (they come
        // from leftmost-longest matches): one binary search per entity, not a
        // scan (2 MB of one repeated name took 20 s)
        replaced.sort_unstable();
        found_a.retain(|f| {
            let i = replaced.partition_point(|&(_, t1)| t1 <= f.tokens.start);
            matches!(f.kind, EntityKind::Date | EntityKind::Number)
                || replaced.get(i).is_none_or(|&(t0, _)| t0 >= f.tokens.end)
        });
        found_a.extend(extra);
        found_a.sort_by_key(|f| f.start);
    }
}

/// Merges mentions across articles into canonical entities.
///
/// Aliases from a built-in table ("USA" → United States), person names by
/// surname when the first names do not disagree ("Trump" → "Donald Trump";
/// "Jane Smith" and "John Smith" stay apart), and the same key in any case.
pub fn merge(texts: &[&str], found: &[Vec<Found>]) -> Vec<Canonical> {
    let alias: HashMap<&str, (&str, EntityKind)> = ALIASES.iter().map(|(a, c, k)| (*a, (*c, *k))).collect();
    let named = |f: &Found| !matches!(f.kind, EntityKind::Date | EntityKind::Number);
    // "Bashar al-Assad" → ["bashar", "assad"]: name words without particles
    let name_words = |key: &str| -> Vec<String> {
        key.split([' ', '-'])
            .filter(|w| !w.is_empty() && !PARTICLES.contains(w) && !TITLES.contains(w))
            .map(str::to_string)
            .collect()
    };
    // surnames of people: last words of person mentions
    let surnames: HashSet<String> = found
        .iter()
        .flatten()
        .filter(|f| f.kind == EntityKind::Person)
        .filter_map(|f| name_words(&f.key).last().cloned())
        .collect();
    let is_person = |f: &Found| -> bool {
        if f.kind == EntityKind::Person {
            return true;
        }
        let w = name_words(&f.key);
        named(f)
            && !alias.contains_key(f.key.as_str())
            && (2..=4).contains(&w.len())
            && w.last().is_some_and(|l| surnames.contains(l))
    };
    // a surname alone that the tagger called an organization ("Trump's
    // campaign") is still the person, when only one person has it
    let lone_surname = |f: &Found, clusters: &BTreeMap<String, BTreeSet<String>>| -> bool {
        matches!(f.kind, EntityKind::Organization | EntityKind::Other)
            && !f.key.contains(' ')
            && clusters.get(f.key.as_str()).is_some_and(|firsts| firsts.len() == 1)
    };
    // person clusters: (surname, first name) of every full name
    // only names written with capitals somewhere, or with a known first
    // name, found a cluster (a stripped copy's "asia pacific trump" does not)
    let firsts_known = lexicon();
    let mut clusters: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (a, fs) in found.iter().enumerate() {
        for f in fs.iter().filter(|f| is_person(f)) {
            let w = name_words(&f.key);
            let written =
                texts.get(a).and_then(|t| t.get(f.start..f.end)).is_some_and(|s| s.chars().any(char::is_uppercase));
            if let (true, Some(first), Some(last)) = (w.len() >= 2, w.first(), w.last()) {
                if written || firsts_known.is_first_name(first) {
                    clusters.entry(last.clone()).or_default().insert(first.clone());
                }
            }
        }
    }
    // first names that belong to exactly one cluster
    let mut by_first: HashMap<String, Vec<String>> = HashMap::new();
    for (last, firsts) in &clusters {
        for first in firsts {
            by_first.entry(first.clone()).or_default().push(last.clone());
        }
    }
    let mut groups: BTreeMap<(String, EntityKind), Vec<(usize, Found)>> = BTreeMap::new();
    for (a, fs) in found.iter().enumerate() {
        for f in fs {
            let key = f.key.replace(" - ", " ").replace('-', " ");
            let entry = if !named(f) {
                (key, f.kind)
            } else if let Some((c, k)) = alias.get(key.as_str()) {
                (c.to_lowercase(), *k)
            } else if is_person(f) || lone_surname(f, &clusters) {
                let w = name_words(&key);
                let person = match w.as_slice() {
                    [one] => match clusters.get(one) {
                        // a surname alone: the one person of that name
                        Some(firsts) if firsts.len() == 1 => firsts.iter().next().map(|first| format!("{first} {one}")),
                        Some(_) => Some(one.clone()),
                        // a first name alone, when only one known person has it
                        None => by_first
                            .get(one)
                            .filter(|v| v.len() == 1 && f.kind == EntityKind::Person)
                            .and_then(|v| v.first())
                            .map(|first| format!("{one} {first}")),
                    },
                    [first, .., last] => Some(format!("{first} {last}")),
                    [] => None,
                };
                (person.unwrap_or(key), EntityKind::Person)
            } else {
                (key, f.kind)
            };
            groups.entry(entry).or_default().push((a, f.clone()));
        }
    }
    // a key seen with several kinds: keep the majority kind
    let mut best_kind: HashMap<String, (EntityKind, usize)> = HashMap::new();
    for ((canon, kind), ms) in &groups {
        if matches!(kind, EntityKind::Date | EntityKind::Number) {
            continue;
        }
        let e = best_kind.entry(canon.clone()).or_insert((*kind, 0));
        if ms.len() > e.1 || (ms.len() == e.1 && *kind == EntityKind::Person) {
            *e = (*kind, ms.len());
        }
    }
    let mut merged: BTreeMap<(String, EntityKind), Vec<(usize, Found)>> = BTreeMap::new();
    for ((canon, kind), ms) in groups {
        let k = if matches!(kind, EntityKind::Date | EntityKind::Number) {
            kind
        } else {
            let voted = best_kind.get(&canon).map_or(kind, |b| b.0);
            if INSTITUTIONS.contains(&canon.as_str()) {
                EntityKind::Organization
            } else if voted == EntityKind::Organization && lexicon().is_place(&canon) {
                // a capital standing for its government ("Pyongyang said") is
                // still the place
                EntityKind::Place
            } else {
                voted
            }
        };
        merged.entry((canon, k)).or_default().extend(ms);
    }
    let mut out = Vec::new();
    for ((canon, kind), mut mentions) in merged {
        mentions.sort_by_key(|(a, f)| (*a, f.start));
        let name = display_name(texts, &canon, kind, &mentions, &alias);
        out.push(Canonical { name, kind, mentions });
    }
    out
}

/// Nouns that name a group after a nationality, religion or movement.
const GROUP_NOUNS: &[&str] = &[
    "rebels",
    "militants",
    "forces",
    "troops",
    "fighters",
    "insurgents",
    "separatists",
    "soldiers",
    "officials",
    "diplomats",
    "authorities",
    "opposition",
    "militia",
    "militias",
    "jihadists",
    "extremists",
    "protesters",
    "refugees",
    "voters",
];

/// Single words the tagger sometimes takes for a name out of a title
/// ("Secretary of State", "Minister of Defence").
const GENERIC: &[&str] = &["state", "defence", "defense", "justice", "interior", "finance", "government", "ministry"];

/// Name particles, ignored when matching people ("Bashar al-Assad" =
/// "Bashar Assad").
const PARTICLES: &[&str] = &["al", "el", "bin", "ibn", "de", "del", "da", "di", "van", "von", "der", "la", "le"];

/// Buildings and places that stand for a government in news copy ("the
/// White House said"): counted as organizations whatever the tagger says.
const INSTITUTIONS: &[&str] = &["white house", "kremlin", "pentagon", "downing street", "elysee", "state department"];

fn display_name(
    texts: &[&str],
    canon: &str,
    kind: EntityKind,
    mentions: &[(usize, Found)],
    alias: &HashMap<&str, (&str, EntityKind)>,
) -> String {
    if let Some((c, _)) = alias.get(canon) {
        return (*c).to_string();
    }
    // the most frequent capitalized surface form with the full key, else title case
    let mut forms: BTreeMap<&str, usize> = BTreeMap::new();
    for (a, f) in mentions {
        let s = texts.get(*a).and_then(|t| t.get(f.start..f.end)).unwrap_or("");
        let words = s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).count();
        if s.chars().any(char::is_uppercase) && words >= canon.split(' ').count() {
            *forms.entry(s).or_default() += 1;
        }
    }
    if let Some((best, _)) = forms.iter().max_by_key(|(s, n)| (**n, s.len())) {
        return best.to_string();
    }
    if matches!(kind, EntityKind::Date | EntityKind::Number) {
        return canon.to_string();
    }
    canon
        .split(' ')
        .map(|w| {
            if CONNECTORS.contains(&w) {
                w.to_string()
            } else {
                let mut c = w.chars();
                c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Maps an entity kind to a CoNLL-2003 type (`PER`, `LOC`, `ORG`, `MISC`),
/// or `None` for dates and numbers, which CoNLL does not tag.
pub fn conll_type(kind: EntityKind) -> Option<&'static str> {
    match kind {
        EntityKind::Person => Some("PER"),
        EntityKind::Place => Some("LOC"),
        EntityKind::Organization => Some("ORG"),
        EntityKind::Group | EntityKind::Other => Some("MISC"),
        EntityKind::Date | EntityKind::Number => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::{sentences, tokenize, tokenize_text, view, Vocab};

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
    fn merges_aliases_not_namesakes() {
        let texts =
            ["Donald Trump met Jane Smith. Trump left. The USA agreed.", "john smith and trump spoke in the u s"];
        let mut vocab = Vocab::default();
        let compact: Vec<_> =
            texts.iter().map(|t| tokenize(t, std::slice::from_ref(&(0..t.len())), &mut vocab)).collect();
        let toks: Vec<Vec<Token>> = compact.iter().map(|c| view(c, &vocab)).collect();
        let mut found: Vec<Vec<Found>> = texts
            .iter()
            .zip(&compact)
            .zip(&toks)
            .map(|((t, c), tk)| recognize(t, tk, &sentences(c, &vocab, false)))
            .collect();
        propagate(&texts, &toks, &[false, true], &mut found);
        let merged = merge(&texts, &found);
        let names: Vec<(&str, usize)> = merged.iter().map(|c| (c.name.as_str(), c.mentions.len())).collect();
        assert!(names.contains(&("Donald Trump", 3)), "{names:?}");
        assert!(names.contains(&("United States", 2)), "{names:?}");
        assert!(names.contains(&("Jane Smith", 1)), "{names:?}");
    }
}
