//! Which language an article is written in: the `whatlang` crate's
//! trigram and script models (69 languages, MIT), on the first
//! [`SAMPLE_BYTES`] of the cleaned text, with its code mapped to ISO 639-1
//! (`"en"`, `"de"`, `"zh"`) where there is one, so the codes match web
//! pages' `lang` attributes and the language packs' names.

use serde::{Deserialize, Serialize};

/// How much of the text is looked at: a few paragraphs tell the language
/// as well as the whole article, at a fraction of the time.
pub const SAMPLE_BYTES: usize = 4096;

/// The language of one article, as the report gives it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(test, not(target_family = "wasm")), derive(ts_rs::TS))]
pub struct Language {
    /// ISO 639-1 code where the language has one (`"de"`), else ISO 639-3
    /// (`"fil"`); `"und"` when the text tells nothing (no letters).
    pub code: String,
    /// The language's English name (`"German"`), or `"Unknown"`.
    pub name: String,
    /// How sure the identification is, in `[0, 1]` (1 when the user set it).
    pub confidence: f64,
    /// True when the user chose the language (the article input's
    /// `language`) rather than the identification.
    pub user_set: bool,
}

/// ISO 639-3 → ISO 639-1 for the languages whatlang knows that have one.
const TWO_LETTER: &[(&str, &str)] = &[
    ("afr", "af"),
    ("aka", "ak"),
    ("amh", "am"),
    ("ara", "ar"),
    ("aze", "az"),
    ("bel", "be"),
    ("ben", "bn"),
    ("bul", "bg"),
    ("cat", "ca"),
    ("ces", "cs"),
    ("cmn", "zh"),
    ("cym", "cy"),
    ("dan", "da"),
    ("deu", "de"),
    ("ell", "el"),
    ("eng", "en"),
    ("epo", "eo"),
    ("est", "et"),
    ("fin", "fi"),
    ("fra", "fr"),
    ("guj", "gu"),
    ("heb", "he"),
    ("hin", "hi"),
    ("hrv", "hr"),
    ("hun", "hu"),
    ("hye", "hy"),
    ("ind", "id"),
    ("ita", "it"),
    ("jav", "jv"),
    ("jpn", "ja"),
    ("kan", "kn"),
    ("kat", "ka"),
    ("khm", "km"),
    ("kor", "ko"),
    ("lat", "la"),
    ("lav", "lv"),
    ("lit", "lt"),
    ("mal", "ml"),
    ("mar", "mr"),
    ("mkd", "mk"),
    ("mya", "my"),
    ("nep", "ne"),
    ("nld", "nl"),
    ("nob", "nb"),
    ("ori", "or"),
    ("pan", "pa"),
    ("pes", "fa"),
    ("pol", "pl"),
    ("por", "pt"),
    ("ron", "ro"),
    ("rus", "ru"),
    ("sin", "si"),
    ("slk", "sk"),
    ("slv", "sl"),
    ("sna", "sn"),
    ("spa", "es"),
    ("srp", "sr"),
    ("swe", "sv"),
    ("tam", "ta"),
    ("tel", "te"),
    ("tgl", "tl"),
    ("tha", "th"),
    ("tuk", "tk"),
    ("tur", "tr"),
    ("ukr", "uk"),
    ("urd", "ur"),
    ("uzb", "uz"),
    ("vie", "vi"),
    ("yid", "yi"),
    ("zul", "zu"),
];

/// The code the report uses for a whatlang language.
fn code_of(lang: whatlang::Lang) -> &'static str {
    let three = lang.code();
    TWO_LETTER.iter().find(|(t, _)| *t == three).map_or(three, |(_, two)| two)
}

/// The whatlang language of a code the user or a page gave (`"de"`,
/// `"deu"`, `"de-AT"`, any case), if it knows it.
fn lang_of(code: &str) -> Option<whatlang::Lang> {
    let base = code.split(['-', '_']).next().unwrap_or_default().trim().to_ascii_lowercase();
    let three = TWO_LETTER.iter().find(|(_, two)| *two == base).map_or(base.as_str(), |(t, _)| t);
    whatlang::Lang::from_code(three)
}

/// The largest prefix of `text` of at most `max` bytes ending at a
/// character boundary.
fn prefix(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or_default()
}

/// Identifies the language of `text` (its first [`SAMPLE_BYTES`]).
///
/// ```
/// use corroborate::lang::detect::identify;
/// let de = identify("Die Bundesregierung hat am Montag beschlossen, die Hilfen für die Ukraine zu verlängern.");
/// assert_eq!(de.code, "de");
/// assert!(!de.user_set);
/// assert_eq!(identify("12 345 — !!").code, "und");
/// ```
pub fn identify(text: &str) -> Language {
    match whatlang::detect(prefix(text, SAMPLE_BYTES)) {
        Some(info) => Language {
            code: code_of(info.lang()).to_string(),
            name: info.lang().eng_name().to_string(),
            confidence: (info.confidence() * 1000.0).round() / 1000.0,
            user_set: false,
        },
        None => unknown(),
    }
}

/// The language of a text that tells nothing, or of an article whose
/// language is not identified: `"und"`.
pub(crate) fn unknown() -> Language {
    Language { code: "und".to_string(), name: "Unknown".to_string(), confidence: 0.0, user_set: false }
}

/// The language of an article: the one the user chose when there is one
/// (`"de"`, `"deu"`, `"de-AT"`; an unknown code is kept as given, lowercase),
/// else the identified one.
///
/// ```
/// use corroborate::lang::detect::language_of;
/// let chosen = language_of("The minister said on Monday.", Some("DE"));
/// assert_eq!((chosen.code.as_str(), chosen.user_set, chosen.confidence), ("de", true, 1.0));
/// assert_eq!(language_of("The minister said on Monday that talks would resume.", None).code, "en");
/// ```
pub fn language_of(text: &str, chosen: Option<&str>) -> Language {
    let chosen = chosen.map(str::trim).filter(|c| !c.is_empty() && !c.eq_ignore_ascii_case("auto"));
    match chosen {
        None => identify(text),
        Some(c) => match lang_of(c) {
            Some(lang) => Language {
                code: code_of(lang).to_string(),
                name: lang.eng_name().to_string(),
                confidence: 1.0,
                user_set: true,
            },
            None => {
                let code: String = c.chars().filter(|ch| ch.is_ascii_alphanumeric() || *ch == '-').take(16).collect();
                let code = if code.is_empty() { "und".to_string() } else { code.to_ascii_lowercase() };
                Language { name: code.clone(), code, confidence: 1.0, user_set: true }
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_whatlang_language_maps_to_a_code_that_maps_back() {
        for lang in whatlang::Lang::all() {
            let code = code_of(*lang);
            assert_eq!(lang_of(code), Some(*lang), "{code}");
        }
    }

    #[test]
    fn chosen_codes() {
        let cases = [
            ("de", "de", "German"),
            ("DE-at", "de", "German"),
            ("deu", "de", "German"),
            ("zh-Hans", "zh", "Mandarin"),
            ("xx-y", "xx-y", "xx-y"),
            ("<b>", "b", "b"),
            ("@@", "und", "und"),
        ];
        for (given, code, name) in cases {
            let l = language_of("Some English text about the mayor.", Some(given));
            assert_eq!((l.code.as_str(), l.name.as_str(), l.user_set), (code, name, true), "{given}");
        }
        for auto in [None, Some(""), Some("auto"), Some("  ")] {
            assert!(!language_of("The mayor spoke on Monday about the harbor.", auto).user_set);
        }
    }

    #[test]
    fn the_sample_ends_at_a_character_boundary() {
        let text = "é".repeat(SAMPLE_BYTES);
        assert!(prefix(&text, SAMPLE_BYTES + 1).len() <= SAMPLE_BYTES + 1);
        assert_eq!(prefix("aé", 2), "a");
        let _ = identify(&text);
    }
}
