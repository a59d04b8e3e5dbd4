//! Bilingual dictionaries for the same-story similarity across languages
//! (the classic dictionary-based cross-language retrieval): each term of a
//! language other than English (the engine's own stem, as
//! [`super::terms::LangTerms::each_term`] gives it) maps to the English
//! terms of its translations (the English Snowball stem of each
//! single-word translation), so a German article and an English one meet
//! on "Regierung" → "govern". Two articles in two languages with tables
//! (German and French) meet through English.
//!
//! The tables (`model/lang/<code>/dict.tsv`, section `dict.tsv` of the
//! language's pack) are written by `corroborate build-lang-dict` from the
//! FreeDict dictionaries of Debian (`scripts/build-lang-dict.sh`): the
//! parsing of the dictd files ([`parse_index`], [`translations`]) runs only
//! in that developer command, never on the reader's machine; at run time
//! only [`DictTable::parse`] reads the committed table.

use rustc_hash::{FxHashMap, FxHashSet};

/// Translations kept per term by default (`corroborate build-lang-dict
/// --max-translations`): those most of its headwords give, then the
/// commonest English words.
pub const MAX_TRANSLATIONS: usize = 4;

/// Share of the best-supported translation's headwords (or paths through
/// other languages) a translation needs to be kept by default
/// (`corroborate build-lang-dict --min-share`): half.
pub const MIN_SHARE: f64 = 0.5;

/// How much of each term's translations, and of the terms, a table keeps.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limits {
    /// Translations kept per term at most ([`MAX_TRANSLATIONS`]).
    pub max_translations: usize,
    /// Bytes of table at most.
    pub max_bytes: usize,
    /// A translation is kept when at least this share of the headwords
    /// (or paths) giving the best-supported one give it too
    /// ([`MIN_SHARE`]; 0 keeps every one).
    pub min_share: f64,
}

/// One headword of a dictd `.index` file: the word, and where its entry
/// lies in the (uncompressed) `.dict` file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexEntry {
    /// The headword as written.
    pub headword: String,
    /// Byte offset of the entry.
    pub offset: usize,
    /// Byte length of the entry.
    pub len: usize,
}

/// Decodes a dictd base64 number (`A`–`Z`, `a`–`z`, `0`–`9`, `+`, `/`,
/// most significant digit first); `None` for another character or an
/// overflow.
pub fn base64_number(s: &str) -> Option<usize> {
    let mut n: usize = 0;
    if s.is_empty() {
        return None;
    }
    for c in s.bytes() {
        let d = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        n = n.checked_mul(64)?.checked_add(usize::from(d))?;
    }
    Some(n)
}

/// Parses a dictd `.index` file (`headword<TAB>offset<TAB>length`, numbers
/// in dictd base64); malformed lines and the database's own `00-database`
/// entries are skipped.
pub fn parse_index(text: &str) -> Vec<IndexEntry> {
    text.lines()
        .filter_map(|line| {
            let mut parts = line.split('\t');
            let headword = parts.next()?.trim();
            let offset = base64_number(parts.next()?.trim())?;
            let len = base64_number(parts.next()?.trim())?;
            if headword.is_empty() || headword.starts_with("00-database") || headword.starts_with("00database") {
                return None;
            }
            Some(IndexEntry { headword: headword.to_string(), offset, len })
        })
        .collect()
}

/// The text of an index entry in the `.dict` file, `None` when it lies
/// outside or does not fall on character boundaries.
pub fn entry_text<'a>(dict: &'a str, e: &IndexEntry) -> Option<&'a str> {
    dict.get(e.offset..e.offset.checked_add(e.len)?)
}

/// Drops bracketed parts (`<n, masc>`, `[mil.]`, `{see}`, `(informal)`,
/// `/IPA/`) of a line, nested or unclosed ones too.
fn strip_brackets(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut depth = 0usize;
    let mut slash = false;
    for c in line.chars() {
        match c {
            '<' | '[' | '{' | '(' => depth += 1,
            '>' | ']' | '}' | ')' => depth = depth.saturating_sub(1),
            '/' => slash = !slash,
            c if depth == 0 && !slash => out.push(c),
            _ => {}
        }
    }
    out
}

/// The single-word translations of one dictd entry (its first line is the
/// headword and is skipped), in order, lowercase, each once: each line is
/// cut at commas and semicolons after its bracketed parts are dropped;
/// sense numbers ("2.") and a leading "to " go; lines of a label such as
/// `see:`, `Synonyms:` or `Note:`, and lines starting with a bracket (the
/// monolingual definitions of the WikDict dictionaries), are left out, as
/// is every piece of more than one word or of anything but letters,
/// hyphens and apostrophes.
///
/// ```
/// use corroborate::lang::bidict::translations;
/// let entry = "Regierung /ʁeˈɡiːʁʊŋ/ <fem, n, sg>\n [pol.] government <n>, administration\n see: {Regierungen}\n";
/// assert_eq!(translations(entry), ["government", "administration"]);
/// ```
pub fn translations(entry: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in entry.lines().skip(1) {
        let t = line.trim();
        // a definition in the source language (WikDict)
        if t.starts_with('(') {
            continue;
        }
        let first = t.split_whitespace().next().unwrap_or("");
        if first.ends_with(':') && first.chars().count() > 1 {
            continue;
        }
        for piece in strip_brackets(t).split([',', ';', '|']) {
            let mut words: Vec<&str> = piece.split_whitespace().collect();
            // sense numbers: "1.", "2)"
            while words.first().is_some_and(|w| w.trim_end_matches(['.', ')']).chars().all(|c| c.is_ascii_digit())) {
                words.remove(0);
            }
            if words.first().is_some_and(|w| w.eq_ignore_ascii_case("to")) && words.len() == 2 {
                words.remove(0);
            }
            let [w] = words[..] else { continue };
            let w = w.trim_matches(|c: char| !c.is_alphabetic());
            if w.chars().count() < 2 || !w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'') {
                continue;
            }
            let w = w.to_lowercase();
            if !out.contains(&w) {
                out.push(w);
            }
        }
    }
    out
}

/// A language's dictionary table: per term of the language, the English
/// terms of its translations, both by their hashes
/// ([`super::terms::hash_term`], the hashes of the similarity's terms).
#[derive(Debug, Clone, Default)]
pub struct DictTable {
    map: FxHashMap<u64, Vec<u64>>,
}

impl DictTable {
    /// Parses `term<TAB>english english…` lines (`#` lines are comments;
    /// malformed lines are skipped).
    pub fn parse(text: &str) -> DictTable {
        let mut map = FxHashMap::default();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let Some((term, en)) = line.split_once('\t') else { continue };
            let mut hashes: Vec<u64> = Vec::new();
            add_each_once(&mut hashes, en.split(' ').filter(|w| !w.is_empty()).map(super::terms::hash_term));
            if !term.is_empty() && !hashes.is_empty() {
                map.insert(super::terms::hash_term(term), hashes);
            }
        }
        DictTable { map }
    }

    /// The hashes of the English terms of a term of the language, given by
    /// its hash (empty when it has none).
    pub fn get(&self, term: u64) -> &[u64] {
        self.map.get(&term).map_or(&[], Vec::as_slice)
    }

    /// Whether the table has no terms.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// How many terms the table has.
    pub fn len(&self) -> usize {
        self.map.len()
    }
}

/// The English term of a normalized English word in the dictionary space:
/// its Snowball stem, `None` for a function word, a number or one letter.
pub fn english_term(word: &str) -> Option<String> {
    let lower = word.to_lowercase();
    if lower.chars().count() < 2 || !lower.chars().any(char::is_alphabetic) || super::en::is_function_word(&lower) {
        return None;
    }
    Some(super::terms::terms_for("en").stem(&lower).into_owned())
}

/// The single similarity term of a word of language `code` (through the
/// engine's tokenizer, stop words and stemmer), `None` when the word gives
/// none or several.
fn single_term(code: &str, word: &str) -> Option<String> {
    let t = crate::pipeline::text_stages(word);
    let toks = crate::tokens::view(&t.tokens, &t.vocab);
    let norms: Vec<&str> = toks.iter().filter(|t| t.kind == crate::tokens::TokenKind::Word).map(|t| t.norm).collect();
    // a word of a script written without spaces is one token per character
    let unspaced = norms.len() > 1 && norms.iter().all(|n| n.chars().all(super::terms::is_unspaced));
    if norms.len() != 1 && !unspaced {
        return None;
    }
    if code == "en" {
        return norms.first().and_then(|w| english_term(w));
    }
    let mut terms = Vec::new();
    super::terms::terms_for(code).each_term(norms.into_iter(), &mut |_, t| terms.push(t.to_string()));
    match terms[..] {
        [ref one] => Some(one.clone()),
        _ => None,
    }
}

/// Writes the dictionary table of language `code` from a dictd dictionary
/// into English (`index` and `dict`, the `.index` and the uncompressed
/// `.dict`), the language's word frequencies (`words`: `(word,
/// frequency)`, a `wordfreq` list) and English's (`english`, lowercase
/// words): each single-word headword gives its term (the engine's stem;
/// stop words give none), each single-word translation that is an English
/// word of the list its English term ([`english_term`]; so the other
/// language's own words in a definition are left out). A term's
/// translations are those of all its headwords ("alt", "Alter", "Alte"
/// are all `alt`), the ones most of its headwords give first, then the
/// commonest English words, those given by at least `limits.min_share` of
/// the headwords giving the first, at most `limits.max_translations`, less the term
/// itself when the two languages write it alike (a name, a loanword: those
/// meet already). The terms of the commonest words come first (ties by
/// term), while the table stays within `limits.max_bytes`, as
/// `term<TAB>english…`: the same bytes for the same files.
pub fn build_table<'a>(
    code: &str,
    index: &str,
    dict: &str,
    words: impl Iterator<Item = (&'a str, f64)>,
    english: &FxHashMap<String, f64>,
    limits: Limits,
) -> String {
    let mut trans: Candidates = FxHashMap::default();
    for (headword, text) in single_word_entries(index, dict) {
        let Some(term) = single_term(code, &headword) else { continue };
        add_translations(&mut trans, term, translations(text), english);
    }
    write_table(code, &trans, words, limits)
}

/// Per term, per English term: (headwords giving it, frequency of its
/// commonest English word).
type Candidates = FxHashMap<String, FxHashMap<String, (u32, f64)>>;

/// Adds the translations of one headword (`term`) to `trans`: the English
/// terms of those of `words` that are words of `english`.
fn add_translations(trans: &mut Candidates, term: String, words: Vec<String>, english: &FxHashMap<String, f64>) {
    let mut seen: FxHashSet<String> = FxHashSet::default();
    let list = trans.entry(term).or_default();
    for w in words {
        let Some(&f) = english.get(&w) else { continue };
        let Some(en) = single_term("en", &w) else { continue };
        let first = seen.insert(en.clone());
        let slot = list.entry(en).or_insert((0, 0.0));
        if first {
            slot.0 += 1;
        }
        slot.1 = slot.1.max(f);
    }
}

/// The glosses of one CC-CEDICT line (`Traditional Simplified [pin1 yin1]
/// /gloss/gloss/`): the simplified headword and the single-word glosses
/// ([`translations`] of each gloss), `None` for a comment or a malformed
/// line.
///
/// ```
/// use corroborate::lang::bidict::cedict_line;
/// let (head, en) = cedict_line("政府 政府 [zheng4 fu3] /government/CL:個|个[ge4]/").unwrap();
/// assert_eq!((head.as_str(), en), ("政府", vec!["government".to_string()]));
/// ```
pub fn cedict_line(line: &str) -> Option<(String, Vec<String>)> {
    if line.starts_with('#') {
        return None;
    }
    let (_, rest) = line.split_once(' ')?;
    let (simplified, rest) = rest.split_once(' ')?;
    let (_, glosses) = rest.split_once(" /")?;
    let mut en: Vec<String> = Vec::new();
    for g in glosses.split('/') {
        if g.starts_with("CL:") || g.starts_with("see ") || g.contains("variant of") || g.starts_with("surname ") {
            continue;
        }
        add_each_once(&mut en, translations(&format!("\n{g}")));
    }
    Some((simplified.to_string(), en))
}

/// [`build_table`] for Chinese from CC-CEDICT (`text`, its `cedict_ts.u8`
/// lines): the headwords of two characters, which are the bigram terms the
/// similarity reads Chinese by.
pub fn build_table_cedict<'a>(
    text: &str,
    words: impl Iterator<Item = (&'a str, f64)>,
    english: &FxHashMap<String, f64>,
    limits: Limits,
) -> String {
    let mut trans: Candidates = FxHashMap::default();
    for line in text.lines() {
        let Some((head, en)) = cedict_line(line) else { continue };
        if head.chars().count() != 2 || !head.chars().all(super::terms::is_unspaced) {
            continue;
        }
        let Some(term) = single_term("zh", &head) else { continue };
        add_translations(&mut trans, term, en, english);
    }
    write_table("zh", &trans, words, limits)
}

/// Writes the table of the terms of `trans`, the commonest (by `words`)
/// first while within `limits.max_bytes`.
fn write_table<'a>(
    code: &str,
    trans: &Candidates,
    words: impl Iterator<Item = (&'a str, f64)>,
    limits: Limits,
) -> String {
    let mut freq: FxHashMap<String, f64> = FxHashMap::default();
    for (w, f) in words {
        if let Some(term) = single_term(code, w) {
            if trans.contains_key(&term) {
                *freq.entry(term).or_default() += f;
            }
        }
    }
    let mut rows: Vec<(f64, String)> = freq.into_iter().filter(|(_, f)| *f > 0.0).map(|(t, f)| (f, t)).collect();
    rows.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    let mut out = String::new();
    for (_, term) in rows {
        let Some(list) = trans.get(&term) else { continue };
        let mut list: Vec<(&String, &(u32, f64))> = list.iter().filter(|(en, _)| **en != term).collect();
        list.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(b.1 .1.total_cmp(&a.1 .1)).then_with(|| a.0.cmp(b.0)));
        let best = list.first().map_or(0, |(_, c)| c.0);
        let list: Vec<&str> = list
            .iter()
            .filter(|(_, c)| f64::from(c.0) >= limits.min_share * f64::from(best))
            .take(limits.max_translations)
            .map(|(en, _)| en.as_str())
            .collect();
        if list.is_empty() {
            continue;
        }
        let line = format!("{term}\t{}\n", list.join(" "));
        if out.len() + line.len() > limits.max_bytes {
            break;
        }
        out.push_str(&line);
    }
    out
}

/// The single-word translations of one WikDict entry (the layout of the
/// FreeDict dictionaries WikDict generates: the headword line, then either
/// one line of translations or numbered ones, `1. dom, chata 2.`, each
/// followed by definitions in the source language): only the lines of
/// translations are read, a trailing sense number is dropped, and the
/// pieces are kept as [`translations`] keeps them.
///
/// ```
/// use corroborate::lang::bidict::wikdict_translations;
/// let entry = "gehen <v>\n1. iść, chodzić 2.\nsich schreitend fortbewegen\n 3.\nTeig\n2. odejść\nverlassen\n";
/// assert_eq!(wikdict_translations(entry), ["iść", "chodzić", "odejść"]);
/// ```
pub fn wikdict_translations(entry: &str) -> Vec<String> {
    let lines: Vec<&str> = entry.lines().skip(1).collect();
    let numbered = |l: &str| -> Option<String> {
        let (n, rest) = l.split_once(". ")?;
        if n.is_empty() || !n.chars().all(|c| c.is_ascii_digit()) || rest.trim().is_empty() {
            return None;
        }
        Some(rest.to_string())
    };
    let picked: Vec<String> = if lines.iter().any(|l| numbered(l).is_some()) {
        lines.iter().filter_map(|l| numbered(l)).collect()
    } else {
        lines.first().filter(|l| !l.starts_with(char::is_whitespace)).map(|l| l.to_string()).into_iter().collect()
    };
    let mut out: Vec<String> = Vec::new();
    for line in picked {
        let mut words: Vec<&str> = line.split_whitespace().collect();
        // the sense numbers of further definitions: "chodzić 2."
        while words.last().is_some_and(|w| {
            w.strip_suffix('.').is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
        }) {
            words.pop();
        }
        add_each_once(&mut out, translations(&format!("\n{}", words.join(" "))));
    }
    out
}

/// The headwords of one word in a dictd `index`, each with its entry in
/// `dict` (entries outside `dict` left out).
fn single_word_entries<'d>(index: &str, dict: &'d str) -> impl Iterator<Item = (String, &'d str)> {
    parse_index(index).into_iter().filter(|e| e.headword.split_whitespace().count() == 1).filter_map(|e| {
        let text = entry_text(dict, &e)?;
        Some((e.headword, text))
    })
}

/// Appends each of `more` to `list` unless it is there already.
fn add_each_once<T: PartialEq>(list: &mut Vec<T>, more: impl IntoIterator<Item = T>) {
    for w in more {
        if !list.contains(&w) {
            list.push(w);
        }
    }
}

/// A dictionary read word by word: each single-word headword (lowercase)
/// with its single-word translations (lowercase), in order, each once.
pub type WordMap = FxHashMap<String, Vec<String>>;

/// The [`WordMap`] of a dictd dictionary in the WikDict layout (`index`
/// and `dict`, the `.index` and the uncompressed `.dict`), through
/// [`wikdict_translations`]; headwords of several words are left out.
pub fn word_map(index: &str, dict: &str) -> WordMap {
    let mut map = WordMap::default();
    for (headword, text) in single_word_entries(index, dict) {
        add_each_once(map.entry(headword.to_lowercase()).or_default(), wikdict_translations(text));
    }
    map.retain(|_, v| !v.is_empty());
    map
}

/// `map` the other way round: each translation with the headwords that
/// give it (in the order of the sorted headwords, each once).
pub fn invert(map: &WordMap) -> WordMap {
    let mut heads: Vec<&String> = map.keys().collect();
    heads.sort();
    let mut out = WordMap::default();
    for head in heads {
        for w in map.get(head).map_or(&[][..], Vec::as_slice) {
            add_each_once(out.entry(w.clone()).or_default(), [head.clone()]);
        }
    }
    out
}

/// Adds `more` to `map` (the translations of a headword in both, each once).
pub fn merge(map: &mut WordMap, more: WordMap) {
    for (head, words) in more {
        let list = map.entry(head).or_default();
        add_each_once(list, words);
    }
}

/// One language a dictionary into English goes through: the source
/// language's words with their translations in the pivot language
/// (`to_pivot`; a dictionary from the source language, and one into it
/// inverted, merged), and the pivot language's words with their English
/// translations (`to_english`: likewise).
#[derive(Debug, Clone, Default)]
pub struct Pivot {
    /// Source-language word → pivot-language words.
    pub to_pivot: WordMap,
    /// Pivot-language word → English words.
    pub to_english: WordMap,
}

/// [`build_table`] for a language without a dictionary into English,
/// through `pivots`: each word of the source language gets the English
/// translations of each of its pivot-language translations, one path (a
/// source word and a pivot word) counting as one headword does in
/// [`build_table`], so the English terms that most paths (several
/// pivots, several words of a pivot) reach come first; the rest as there.
pub fn build_table_pivot<'a>(
    code: &str,
    pivots: &[Pivot],
    words: impl Iterator<Item = (&'a str, f64)>,
    english: &FxHashMap<String, f64>,
    limits: Limits,
) -> String {
    let mut trans: Candidates = FxHashMap::default();
    let mut terms: FxHashMap<&str, Option<String>> = FxHashMap::default();
    for pivot in pivots {
        for (word, pivot_words) in &pivot.to_pivot {
            let term = terms.entry(word.as_str()).or_insert_with(|| single_term(code, word));
            let Some(term) = term else { continue };
            for pw in pivot_words {
                let Some(en) = pivot.to_english.get(pw) else { continue };
                add_translations(&mut trans, term.clone(), en.clone(), english);
            }
        }
    }
    write_table(code, &trans, words, limits)
}

/// How the weight of a term spreads over its translations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spread {
    /// Split evenly: `k` translations get `1/k` of the weight each.
    Split,
    /// Each translation gets the whole weight.
    Full,
    /// Each translation gets the whole weight, and a term the dictionary
    /// lacks stands for itself (names and loanwords written alike).
    FullPass,
}

static DICT: super::terms::Tables<DictTable> = super::terms::Tables::new();

/// Uses `table` (or, with `None`, the pack's again) as the dictionary of
/// language `code`: for tests and evaluations of other tables.
pub fn use_dict(code: &str, table: Option<DictTable>) {
    DICT.set(code, table);
}

/// Calls `f` with the dictionary of language `code` (empty without one).
pub fn with_dict<T>(code: &str, f: impl FnOnce(&DictTable) -> T) -> T {
    f(&DICT.get(code, "dict.tsv", DictTable::parse))
}

/// The English terms (hashes) each term of an article in language `code`
/// stands for in the dictionary space, with their share of its weight:
/// `terms` gives each distinct term's hash with its weight (log term
/// frequency × idf), in a fixed order; terms the dictionary lacks are left
/// out (or with [`Spread::FullPass`] stand for themselves). Empty when the
/// language has no table.
pub fn gloss(code: &str, terms: &[(u64, f32)], spread: Spread) -> FxHashMap<u64, f32> {
    with_dict(code, |table| {
        let mut out: FxHashMap<u64, f32> = FxHashMap::default();
        if table.is_empty() {
            return out;
        }
        for &(term, w) in terms {
            let en = table.get(term);
            if en.is_empty() {
                if spread == Spread::FullPass {
                    *out.entry(term).or_default() += w;
                }
                continue;
            }
            let share = match spread {
                Spread::Split => w / en.len() as f32,
                Spread::Full | Spread::FullPass => w,
            };
            for &e in en {
                *out.entry(e).or_default() += share;
            }
        }
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_numbers_decode_and_reject_odd_input() {
        let cases: [(&str, Option<usize>); 7] = [
            ("A", Some(0)),
            ("B", Some(1)),
            ("BA", Some(64)),
            ("/", Some(63)),
            ("", None),
            ("A-", None),
            ("//////////////////////", None),
        ];
        for (s, want) in cases {
            assert_eq!(base64_number(s), want, "{s:?}");
        }
    }

    #[test]
    fn index_lines_parse_and_odd_ones_are_skipped() {
        let index = "00-database-info\tA\tB\nHaus\tBA\tK\nkaputt\tzz\n\t\t\nGeld\tC\t!\n\u{0}\tA\tA\nein Haus\tD\tE\n";
        let got = parse_index(index);
        let want = [
            IndexEntry { headword: "Haus".into(), offset: 64, len: 10 },
            IndexEntry { headword: "\u{0}".into(), offset: 0, len: 0 },
            IndexEntry { headword: "ein Haus".into(), offset: 3, len: 4 },
        ];
        assert_eq!(got, want);
        // entries outside the file, or cutting a character, give no text
        assert_eq!(entry_text("abc", &IndexEntry { headword: "x".into(), offset: 2, len: 5 }), None);
        assert_eq!(entry_text("äbc", &IndexEntry { headword: "x".into(), offset: 1, len: 1 }), None);
        assert_eq!(entry_text("abc", &IndexEntry { headword: "x".into(), offset: usize::MAX, len: 5 }), None);
        assert_eq!(entry_text("abc", &IndexEntry { headword: "x".into(), offset: 1, len: 2 }), Some("bc"));
    }

    /// The entry layouts of the FreeDict dictionaries (Ding, the older
    /// FreeDict ones, WikDict) and odd input.
    #[test]
    fn translations_of_each_layout() {
        let cases: [(&str, &[&str]); 10] = [
            // Ding (German–English)
            ("Abbuchungsauftrag /ˈap/ <masc, n, sg>\ndebit order <n>\n see: {Abbuchungsaufträge}\n", &[]),
            (
                "Regierung <fem>\n [pol.] government <n> [Br.] , administration <n> [Am.]\n",
                &["government", "administration"],
            ),
            ("abc\n   Synonyms: {I-Dotz}, {Tafelkratzer}\n         Note: of the soil\n", &[]),
            // FreeDict, numbered senses
            (
                "distretto /distrˈetːo/\n1. district\n2. neighbourhood, quarter\n",
                &["district", "neighbourhood", "quarter"],
            ),
            ("comparar /kˌompaɾˈaɾ/\nto compare\n", &["compare"]),
            ("compañía\ncompany, Company,company\n", &["company"]),
            // WikDict: a definition in the source language is left out
            ("Czerski <pn>\nChersky\n(geografia) osiedle, miasto\n", &["chersky"]),
            // odd input
            ("", &[]),
            ("only a headword", &[]),
            ("x\n((((,,,;;;|||\n]]]>>> 3 , a, 12, ok-ay, it's\n/ipa/ word\n", &["ok-ay", "it's", "word"]),
        ];
        for (entry, want) in cases {
            assert_eq!(translations(entry), want, "{entry:?}");
        }
    }

    /// WikDict entries: only the lines of translations, numbered or not;
    /// trailing sense numbers dropped; definitions and odd input give none.
    #[test]
    fn wikdict_translations_of_each_layout() {
        let cases: [(&str, &[&str]); 8] = [
            ("Aar <n>\norzeł\npoetisch, gehoben für: Adler\n", &["orzeł"]),
            (
                "dom <n>\n1. casa, hogar 2.\n(architektura) oddzielny budynek\n 3.\npomieszczenie\n2. casa 2.\nród, rodzina\n",
                &["casa", "hogar"],
            ),
            ("rząd <n>\n1. order\nw systematyce\n2. government, administration\nwykonawczy organ\n", &["order", "government", "administration"]),
            ("x\n  indented\n", &[]),
            ("x\nAlpha Beta, gamma 12.\n", &["gamma"]),
            ("", &[]),
            ("x\n1. \n2.\n", &[]),
            ("x\n99999999999999999999999. yes\n", &["yes"]),
        ];
        for (entry, want) in cases {
            assert_eq!(wikdict_translations(entry), want, "{entry:?}");
        }
    }

    /// Word maps from a dictd dictionary, inverted and merged, in a fixed
    /// order; a table through a pivot ranks what most paths give first and
    /// drops what fewer than `min_share` of them give.
    #[test]
    fn tables_build_through_a_pivot() {
        let index = "Regierung\tA\td\nzwei Wörter\ti\tB\nkaputt\tzzzz\tA\n";
        let dict = "Regierung\nrząd, władza\nDef\n";
        let map = word_map(index, dict);
        assert_eq!(map.len(), 1);
        assert_eq!(map.get("regierung").map(Vec::as_slice), Some(&["rząd".to_string(), "władza".to_string()][..]));
        let inv = invert(&map);
        assert_eq!(inv.get("rząd").map(Vec::as_slice), Some(&["regierung".to_string()][..]));
        let mut merged = map.clone();
        merge(
            &mut merged,
            [("regierung".to_string(), vec!["rząd".to_string(), "rada".to_string()])].into_iter().collect(),
        );
        assert_eq!(merged.get("regierung").map(Vec::len), Some(3));
        let w = |pairs: &[(&str, &[&str])]| -> WordMap {
            pairs.iter().map(|(k, v)| (k.to_string(), v.iter().map(|x| x.to_string()).collect())).collect()
        };
        let pol = Pivot {
            to_pivot: w(&[("regierung", &["rząd", "władza"])]),
            to_english: w(&[("rząd", &["government", "row"]), ("władza", &["government", "power"])]),
        };
        let fin =
            Pivot { to_pivot: w(&[("regierung", &["hallitus"])]), to_english: w(&[("hallitus", &["government"])]) };
        let english: FxHashMap<String, f64> =
            [("government", 3e-4), ("row", 1e-4), ("power", 2e-4)].iter().map(|(w, f)| (w.to_string(), *f)).collect();
        let words = [("regierung", 0.001)];
        let regier = single_term("de", "Regierung").unwrap_or_default();
        let en = |x: &str| english_term(x).unwrap_or_default();
        let all = build_table_pivot("de", &[pol.clone(), fin.clone()], words.iter().copied(), &english, lim(1000));
        assert_eq!(all, format!("{regier}\t{} {} {}\n", en("government"), en("power"), en("row")));
        // government: 3 paths; power and row: 1 each, under half of 3
        let half = Limits { min_share: 0.5, ..lim(1000) };
        let some = build_table_pivot("de", &[pol, fin], words.iter().copied(), &english, half);
        assert_eq!(some, format!("{regier}\t{}\n", en("government")));
        assert_eq!(build_table_pivot("de", &[], words.iter().copied(), &english, half), "");
    }

    #[test]
    fn tables_parse_and_skip_malformed_lines() {
        let t = DictTable::parse("# comment\nregier\tgovern administr\nhaus\t\n\tx\nkein tab\nwahl\telect\n");
        let h = super::super::terms::hash_term;
        assert_eq!(t.len(), 2);
        assert_eq!(t.get(h("regier")), [h("govern"), h("administr")]);
        assert_eq!(t.get(h("wahl")), [h("elect")]);
        assert!(t.get(h("haus")).is_empty() && t.get(h("zzz")).is_empty());
        assert_eq!(DictTable::parse("a\tb b c\n").get(h("a")), [h("b"), h("c")]);
    }

    #[test]
    fn weights_spread_over_translations() {
        let h = super::super::terms::hash_term;
        use_dict("xq", Some(DictTable::parse("regier\tgovern administr\nwahl\telect\n")));
        let terms = vec![(h("regier"), 2.0), (h("wahl"), 1.0), (h("haus"), 5.0)];
        let split = gloss("xq", &terms, Spread::Split);
        assert_eq!(split.get(&h("govern")), Some(&1.0));
        assert_eq!(split.get(&h("administr")), Some(&1.0));
        assert_eq!(split.get(&h("elect")), Some(&1.0));
        assert_eq!(split.len(), 3);
        let full = gloss("xq", &terms, Spread::Full);
        assert_eq!(full.get(&h("govern")), Some(&2.0));
        let pass = gloss("xq", &terms, Spread::FullPass);
        assert_eq!((pass.get(&h("haus")), pass.len()), (Some(&5.0), 4));
        use_dict("xq", None);
        assert!(gloss("xq", &terms, Spread::Split).is_empty());
    }

    fn lim(max_bytes: usize) -> Limits {
        Limits { max_translations: MAX_TRANSLATIONS, max_bytes, min_share: 0.0 }
    }

    /// The table from a small dictionary: single-word headwords, the
    /// engine's stems on both sides, stop words and unknown words left out,
    /// commonest first, and the same bytes again.
    #[test]
    fn tables_build_from_a_dictionary() {
        let entries = [
            ("Regierung", "Regierung <fem>\ngovernment, administration\n"),
            ("Regierungen", "Regierungen <pl>\ngovernments\n"),
            ("Wahl", "Wahl\nelection, choice\n"),
            ("und", "und\nand\n"),
            ("Berlin", "Berlin\nBerlin\n"),
            ("gute Nacht", "gute Nacht\ngood night, night\n"),
        ];
        let mut dict = String::new();
        let mut index = String::new();
        let b64 = |mut n: usize| {
            let digits = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
            let mut s = Vec::new();
            loop {
                s.push(digits[n % 64]);
                n /= 64;
                if n == 0 {
                    break;
                }
            }
            s.reverse();
            String::from_utf8(s).unwrap_or_default()
        };
        for (head, body) in entries {
            index.push_str(&format!("{head}\t{}\t{}\n", b64(dict.len()), b64(body.len())));
            dict.push_str(body);
        }
        let words = [("und", 0.03), ("wahl", 0.001), ("regierung", 0.0005), ("berlin", 0.0004), ("nacht", 0.0003)];
        let english: FxHashMap<String, f64> = [
            ("government", 3e-4),
            ("governments", 1e-4),
            ("administration", 1e-4),
            ("election", 1e-4),
            ("choice", 2e-4),
            ("berlin", 1e-4),
            ("and", 0.03),
        ]
        .iter()
        .map(|(w, f)| (w.to_string(), *f))
        .collect();
        let table = build_table("de", &index, &dict, words.iter().copied(), &english, lim(1000));
        let regier = single_term("de", "Regierung").unwrap_or_default();
        let wahl = single_term("de", "Wahl").unwrap_or_default();
        let en = |w: &str| english_term(w).unwrap_or_default();
        // "government" from two headwords first; then the commoner word
        let want = format!(
            "{wahl}\t{} {}\n{regier}\t{} {}\n",
            en("choice"),
            en("election"),
            en("government"),
            en("administration")
        );
        assert_eq!(table, want);
        assert_eq!(build_table("de", &index, &dict, words.iter().copied(), &english, lim(1000)), table);
        let first = table.lines().next().map_or(0, |l| l.len() + 1);
        assert_eq!(
            build_table("de", &index, &dict, words.iter().copied(), &english, lim(first + 3)).lines().count(),
            1
        );
        assert_eq!(build_table("de", "", "", words.iter().copied(), &english, lim(1000)), "");
        // translations that are no English word of the list are left out
        assert_eq!(build_table("de", &index, &dict, words.iter().copied(), &FxHashMap::default(), lim(1000)), "");
    }
}
