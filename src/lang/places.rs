//! Countries by their names in each language: `Russland`, `Rusia`, `Rosja`,
//! `Россия`, `روسيا`, `俄罗斯` are all `RU`, shown and merged as `Russia`.
//!
//! The names come from the `i18n-iso-countries` package (MIT) and CLDR's
//! territory names (`cldr-localenames-full`, Unicode-3.0), written by
//! `node scripts/build-lang-data.mjs` to `model/lang/<code>/countries.tsv`
//! (a name, a tab, its ISO 3166-1 code), which travels in the language's
//! pack; the English name of each code (`model/countries.tsv`, CLDR, 250
//! lines) is built in.

use rustc_hash::FxHashMap;
use std::sync::Mutex;

const ENGLISH: &str = include_str!("../../model/countries.tsv");

/// The words of a name as the matcher compares them: lowercase, split at
/// anything not a letter or digit, and characters of scripts written
/// without spaces one to a word (as the tokenizer cuts them); Russian `ё`
/// is read as `е`, as most texts write it.
///
/// ```
/// use corroborate::lang::places::name_words;
/// assert_eq!(name_words("Côte d’Ivoire"), ["côte", "d", "ivoire"]);
/// assert_eq!(name_words("俄罗斯"), ["俄", "罗", "斯"]);
/// assert_eq!(name_words("Соединённые"), ["соединенные"]);
/// ```
pub fn name_words(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in name.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        let lower = w.to_lowercase().replace('ё', "е");
        if lower.chars().any(super::terms::is_unspaced) {
            let mut cur = String::new();
            for c in lower.chars() {
                if super::terms::is_unspaced(c) {
                    if !cur.is_empty() {
                        out.push(std::mem::take(&mut cur));
                    }
                    out.push(c.to_string());
                } else {
                    cur.push(c);
                }
            }
            if !cur.is_empty() {
                out.push(cur);
            }
        } else {
            out.push(lower);
        }
    }
    out
}

/// The country names of one language.
#[derive(Debug, Default)]
pub struct Countries<'a> {
    /// Name words joined by a space → ISO code.
    by_name: FxHashMap<String, &'a str>,
    /// Single-word names: the word → its code, for inflected forms.
    single: Vec<(String, &'a str)>,
    /// Names of several words: their words and code, for inflected forms.
    multi: Vec<(Vec<String>, &'a str)>,
    /// The most words a name has.
    pub max_words: usize,
}

impl<'a> Countries<'a> {
    /// Parses a table in the format of `countries.tsv`.
    ///
    /// ```
    /// use corroborate::lang::places::Countries;
    /// let c = Countries::parse("# comment\nRussland\tRU\nVereinigte Staaten\tUS\n");
    /// assert_eq!(c.code(&["russland"]), Some("RU"));
    /// assert_eq!(c.code(&["vereinigte", "staaten"]), Some("US"));
    /// assert_eq!(c.code(&["staaten"]), None);
    /// ```
    pub fn parse(text: &'a str) -> Countries<'a> {
        let mut c = Countries::default();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let Some((name, code)) = line.split_once('\t') else { continue };
            let words = name_words(name);
            if words.is_empty() || code.len() != 2 {
                continue;
            }
            c.max_words = c.max_words.max(words.len());
            if let [one] = words.as_slice() {
                c.single.push((one.clone(), code));
            } else {
                c.multi.push((words.clone(), code));
            }
            c.by_name.entry(words.join(" ")).or_insert(code);
        }
        c
    }

    /// The code of a name given as its [`name_words`], exactly.
    pub fn code<S: AsRef<str>>(&self, words: &[S]) -> Option<&'a str> {
        let key = words.iter().map(AsRef::as_ref).collect::<Vec<_>>().join(" ");
        self.by_name.get(&key).copied()
    }

    /// Single-word names, for matching inflected forms.
    pub fn single_words(&self) -> &[(String, &'a str)] {
        &self.single
    }

    /// Names of several words, for matching inflected forms.
    pub fn multi_words(&self) -> &[(Vec<String>, &'a str)] {
        &self.multi
    }
}

static CACHE: Mutex<Vec<(String, &'static Countries<'static>)>> = Mutex::new(Vec::new());

/// The country names of language `code`, once its data is at hand (loaded
/// pack or embedded); `None` before.
pub fn countries(code: &str) -> Option<&'static Countries<'static>> {
    let mut cache = CACHE.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some((_, c)) = cache.iter().find(|(c, _)| c == code) {
        return Some(c);
    }
    let text = super::pack::text(code, "countries.tsv")?;
    let c: &'static Countries<'static> = Box::leak(Box::new(Countries::parse(text)));
    cache.push((code.to_string(), c));
    Some(c)
}

/// The English name of an ISO 3166-1 code (CLDR): the name the entity
/// table shows and merges on.
///
/// ```
/// use corroborate::lang::places::english_name;
/// assert_eq!(english_name("RU"), Some("Russia"));
/// assert_eq!(english_name("US"), Some("United States"));
/// assert_eq!(english_name("XX"), None);
/// ```
pub fn english_name(code: &str) -> Option<&'static str> {
    ENGLISH
        .lines()
        .filter(|l| !l.starts_with('#'))
        .find_map(|l| l.split_once('\t').filter(|(c, _)| *c == code))
        .map(|(_, n)| n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_names_russia() {
        // (language, the name in it): one country everywhere
        let cases = [
            ("de", "Russland"),
            ("es", "Rusia"),
            ("fr", "Russie"),
            ("it", "Russia"),
            ("pl", "Rosja"),
            ("ru", "Россия"),
            ("tr", "Rusya"),
            ("ar", "روسيا"),
            ("zh", "俄罗斯"),
        ];
        for (lang, name) in cases {
            let c = countries(lang).unwrap_or_else(|| panic!("{lang}: countries"));
            assert_eq!(c.code(&name_words(name)), Some("RU"), "{lang} {name}");
        }
        assert_eq!(english_name("DE"), Some("Germany"));
    }
}
