use super::tagger;
use crate::lang::en::TITLES;
use crate::report::EntityKind;
use rustc_hash::FxHashMap;
use rustc_hash::FxHashSet;

/// Canonical names for common aliases: (alias key, canonical name, kind).
pub(super) const ALIASES: &[(&str, &str, EntityKind)] = &[
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
#[derive(Debug, Default, Clone)]
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
                crate::tokens::push_word_key(t, &mut buf);
                key_hash(&buf)
            })
            .collect();
        let mut out: Vec<u16> = tokens.iter().zip(&hashes).map(|(t, h)| self.word_flags(t, *h, &mut buf)).collect();
        self.add_phrase_flags(&hashes, &mut out);
        out
    }

    /// The flags of one word alone (names, demonyms, titles, casing), given
    /// its key's hash: the same wherever the word stands.
    pub(super) fn word_flags(&self, text: &str, hash: u64, buf: &mut String) -> u16 {
        use tagger::lex;
        let mut f = self.words.get(&hash).copied().unwrap_or(0);
        // plural demonyms ("Russians")
        if f & lex::DEMONYM == 0 && text.len() > 3 && (text.ends_with('s') || text.ends_with('S')) {
            buf.clear();
            // drops the final ASCII 's': a character boundary
            crate::tokens::push_word_key(text.get(..text.len() - 1).unwrap_or_default(), buf);
            f |= self.words.get(&key_hash(buf)).copied().unwrap_or(0) & lex::DEMONYM;
        }
        f
    }

    /// Adds the flags of phrases (places, organizations, people) to `out`,
    /// the longest at each position, left to right, without overlaps.
    pub(super) fn add_phrase_flags(&self, hashes: &[u64], out: &mut [u16]) {
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

/// Parses a gazetteer (`key<TAB>TYPE` lines, TYPE one of PER, LOC, ORG, MISC;
/// `#` comments) into (phrase, flag) pairs.
pub fn gazetteer_phrases(text: &str) -> impl Iterator<Item = (&str, u16)> {
    text.lines().filter(|l| !l.starts_with('#')).filter_map(|l| {
        let (key, ty) = l.split_once('\t')?;
        let flag = match ty.trim() {
            "PER" => tagger::lex::PERSON,
            "LOC" => tagger::lex::PLACE,
            "ORG" => tagger::lex::ORG,
            "MISC" => tagger::lex::MISC,
            _ => return None,
        };
        Some((key, flag))
    })
}

/// The gazetteer mined from WikiANN by `corroborate train-ner` (embedded in
/// native builds; the wasm reads it from the English language pack).
#[cfg(feature = "embedded")]
pub const GAZETTEER: &str = include_str!("../../model/gazetteer.tsv");
/// Words usually capitalized, mined by `corroborate train-ner` (as
/// [`GAZETTEER`]).
#[cfg(feature = "embedded")]
pub const CASING: &str = include_str!("../../model/casing.txt");
/// Place names from GeoNames and world-countries (`scripts/build-lexicons.sh`).
pub const PLACES: &str = include_str!("../../data/lexicons/places.tsv");
/// Demonyms from world-countries.
pub const DEMONYMS: &str = include_str!("../../data/lexicons/demonyms.tsv");
/// Common first names (US Social Security data).
pub const FIRST_NAMES: &str = include_str!("../../data/lexicons/first_names.txt");
/// Common surnames (US Census 1990).
pub const LAST_NAMES: &str = include_str!("../../data/lexicons/last_names.txt");

fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty())
}

/// Key hashes of the words of a name as written ("New York", "Bashar
/// al-Assad"), split at spaces and hyphens.
fn name_hashes(name: &str, buf: &mut String, out: &mut Vec<u64>) {
    out.clear();
    for w in name.split(|c: char| c.is_whitespace() || c == '-') {
        buf.clear();
        crate::tokens::push_word_key(w, buf);
        if !buf.is_empty() {
            out.push(key_hash(buf));
        }
    }
}

/// Builds the lexicon from a mined gazetteer and casing list, the package
/// lexicons and the built-in aliases.
pub fn lexicon_from(gazetteer: &str, casing: &str) -> Lexicon {
    let mut lx = base_lexicon();
    lx.add_mined(gazetteer, casing);
    lx
}

/// The lexicon of the package lexicons and built-in aliases alone: what
/// [`lexicon_from`] adds the mined lists to. Every part ORs flags into
/// maps, so adding the mined lists later gives the same lexicon.
fn base_lexicon() -> Lexicon {
    use tagger::lex;
    let aliases =
        ALIASES.iter().map(|(a, _, k)| (*a, if *k == EntityKind::Organization { lex::ORG } else { lex::PLACE }));
    let demonyms: Vec<String> = data_lines(DEMONYMS).filter_map(|l| l.split('\t').next()).map(tagger::key_of).collect();
    let mut lx =
        Lexicon::new(data_lines(FIRST_NAMES), data_lines(LAST_NAMES), demonyms.iter().map(String::as_str), aliases);
    let mut buf = String::new();
    let mut hashes = Vec::new();
    for name in data_lines(PLACES).filter_map(|l| l.split('\t').next()) {
        name_hashes(name, &mut buf, &mut hashes);
        if !hashes.is_empty() {
            lx.add_phrase(&hashes, lex::PLACE);
            lx.places.insert(phrase_hash(hashes.iter().copied()));
        }
    }
    lx
}

impl Lexicon {
    /// Adds a mined gazetteer (phrases) and casing list (capitalized words).
    fn add_mined(&mut self, gazetteer: &str, casing: &str) {
        let mut hashes = Vec::new();
        for (p, f) in gazetteer_phrases(gazetteer) {
            hashes.clear();
            hashes.extend(p.split(' ').filter(|w| !w.is_empty()).map(key_hash));
            if !hashes.is_empty() {
                self.add_phrase(&hashes, f);
            }
        }
        for w in data_lines(casing) {
            *self.words.entry(key_hash(w)).or_default() |= tagger::lex::CAPITAL;
        }
    }
}

/// The package lexicons alone, built once (at the worker's warm-up, before
/// any language pack arrives).
fn base() -> &'static Lexicon {
    static BASE: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
    BASE.get_or_init(base_lexicon)
}

/// The lexicon (built once): from the English language data when it is at
/// hand (embedded, or the pack loaded by [`crate::lang::pack::load`]); until
/// then from the package lexicons alone, rebuilt with the mined gazetteer
/// and casing list once the pack arrives.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
    if let Some(lx) = LEXICON.get() {
        return lx;
    }
    let pack = crate::lang::pack::text;
    match (pack("en", "gazetteer.tsv"), pack("en", "casing.txt")) {
        (Some(g), Some(c)) => LEXICON.get_or_init(|| {
            let mut lx = base().clone();
            lx.add_mined(g, c);
            lx
        }),
        _ => base(),
    }
}

/// The trained tagger (`model/ner.bin`, rebuilt by `corroborate train-ner`),
/// from the English language data; an empty model (no entities from the
/// tagger) while that data is missing.
pub fn model() -> &'static tagger::Model {
    static MODEL: std::sync::OnceLock<tagger::Model> = std::sync::OnceLock::new();
    static EMPTY: std::sync::OnceLock<tagger::Model> = std::sync::OnceLock::new();
    if let Some(m) = MODEL.get() {
        return m;
    }
    match crate::lang::pack::section("en", "ner.bin") {
        // A model that fails to parse is caught by the tests; at run time
        // fall back to an empty model rather than panic.
        Some(bytes) => {
            MODEL.get_or_init(|| tagger::Model::from_bytes(bytes).unwrap_or_else(|_| tagger::Model::empty()))
        }
        None => EMPTY.get_or_init(tagger::Model::empty),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::tagger::lex;

    #[test]
    fn gazetteer_lines_and_flags() {
        let gaz = "# comment\nworld cup\tMISC\nreuters\tORG\nparis\tLOC\nbill clinton\tPER\nodd\tDATE\n";
        let got: Vec<(&str, u16)> = gazetteer_phrases(gaz).collect();
        assert_eq!(
            got,
            [("world cup", lex::MISC), ("reuters", lex::ORG), ("paris", lex::PLACE), ("bill clinton", lex::PERSON)]
        );
        let lx = lexicon_from(gaz, "");
        // (sentence, the flag wanted on each token, masked to the phrase kinds)
        let kinds = lex::MISC | lex::ORG | lex::PLACE | lex::PERSON | lex::BEGIN;
        let cases: [(&[&str], &[u16]); 3] = [
            (&["the", "World", "Cup", "final"], &[0, lex::MISC | lex::BEGIN, lex::MISC, 0]),
            (&["world", "cup"], &[lex::MISC | lex::BEGIN, lex::MISC]),
            (&["Reuters", "in", "Paris"], &[lex::ORG | lex::BEGIN, 0, lex::PLACE | lex::BEGIN]),
        ];
        for (tokens, want) in cases {
            let got: Vec<u16> = lx.flags(tokens).iter().map(|f| f & kinds).collect();
            assert_eq!(got, want, "{tokens:?}");
        }
    }
}
