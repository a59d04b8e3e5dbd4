//! Language packs: the data files of one language (the tagger's model, word
//! clusters, gazetteer, casing list, word weights), bundled in one file the
//! page's worker fetches from its own origin the first time an article in
//! that language arrives, and hands to the core with [`load`].
//!
//! Native builds (the CLI, the tests) keep the English data embedded in the
//! binary (cargo feature `embedded`, on by default), so they never need a
//! pack; the shipped wasm is built without it and starts with no language
//! data at all. Every reader of language data asks [`section`], which
//! answers from a loaded pack first, then from the embedded data; `None`
//! means the analysis goes on without it (degraded, and the report says so
//! through [`missing_warning`]).
//!
//! The file format (`scripts/build-packs.mjs` writes it from the manifest
//! `model/packs.tsv`; [`encode`] is the same in Rust), all integers little
//! endian:
//!
//! ```text
//! "CRBPACK1"                                8 bytes
//! code length (u8), code (UTF-8)            the language: "en"
//! section count (u16)
//! per section: name length (u8), name (UTF-8), data length (u32), data
//! ```

use std::sync::Mutex;

/// The first bytes of every pack.
pub const MAGIC: &[u8; 8] = b"CRBPACK1";

/// Most sections a pack may hold.
pub const MAX_SECTIONS: usize = 64;

/// Why a pack was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackError(pub String);

impl std::fmt::Display for PackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "invalid language pack: {}", self.0)
    }
}

impl std::error::Error for PackError {}

/// A parsed pack: its language and its named sections, borrowed from the
/// bytes it was parsed from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pack<'a> {
    /// The language code (`"en"`).
    pub code: &'a str,
    /// The sections in file order: name and data.
    pub sections: Vec<(&'a str, &'a [u8])>,
}

impl<'a> Pack<'a> {
    /// The data of the section called `name`.
    pub fn get(&self, name: &str) -> Option<&'a [u8]> {
        self.sections.iter().find(|(n, _)| *n == name).map(|(_, d)| *d)
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8], PackError> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let out = end.and_then(|e| self.bytes.get(self.at..e));
        match (end, out) {
            (Some(e), Some(out)) => {
                self.at = e;
                Ok(out)
            }
            _ => Err(PackError(format!("truncated in {what} at byte {}", self.at))),
        }
    }

    fn int(&mut self, n: usize, what: &str) -> Result<usize, PackError> {
        let b = self.take(n, what)?;
        Ok(b.iter().rev().fold(0usize, |acc, &x| (acc << 8) | usize::from(x)))
    }

    fn text(&mut self, what: &str) -> Result<&'a str, PackError> {
        let n = self.int(1, what)?;
        let b = self.take(n, what)?;
        std::str::from_utf8(b).map_err(|_| PackError(format!("{what} is not UTF-8")))
    }
}

/// Parses a pack. Any bytes give a [`Pack`] or an error, never a panic.
///
/// ```
/// use corroborate::lang::pack;
/// let bytes = pack::encode("xx", &[("words.txt", b"a\nb\n".as_slice())]);
/// let p = pack::parse(&bytes).unwrap();
/// assert_eq!(p.code, "xx");
/// assert_eq!(p.get("words.txt"), Some(b"a\nb\n".as_slice()));
/// assert!(pack::parse(&bytes[..bytes.len() - 1]).is_err());
/// ```
///
/// # Errors
///
/// [`PackError`] when the bytes are not a whole pack.
pub fn parse(bytes: &[u8]) -> Result<Pack<'_>, PackError> {
    let mut r = Reader { bytes, at: 0 };
    if r.take(MAGIC.len(), "the header")? != MAGIC {
        return Err(PackError("not a language pack (wrong header)".to_string()));
    }
    let code = r.text("the language code")?;
    if code.is_empty() || !code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return Err(PackError(format!("bad language code {code:?}")));
    }
    let count = r.int(2, "the section count")?;
    if count > MAX_SECTIONS {
        return Err(PackError(format!("{count} sections (at most {MAX_SECTIONS})")));
    }
    let mut sections = Vec::with_capacity(count);
    for _ in 0..count {
        let name = r.text("a section name")?;
        let len = r.int(4, "a section length")?;
        let data = r.take(len, "a section")?;
        sections.push((name, data));
    }
    if r.at != bytes.len() {
        return Err(PackError(format!("{} bytes after the last section", bytes.len() - r.at)));
    }
    Ok(Pack { code, sections })
}

/// Writes a pack (the inverse of [`parse`]). Names and codes longer than
/// 255 bytes, and sections of 4 GiB or more, are cut (they never occur).
pub fn encode(code: &str, sections: &[(&str, &[u8])]) -> Vec<u8> {
    fn short(out: &mut Vec<u8>, s: &str) {
        let b = s.as_bytes();
        let b = b.get(..b.len().min(255)).unwrap_or_default();
        out.push(b.len() as u8);
        out.extend_from_slice(b);
    }
    let mut out = MAGIC.to_vec();
    short(&mut out, code);
    let sections = sections.get(..sections.len().min(MAX_SECTIONS)).unwrap_or_default();
    out.extend_from_slice(&(sections.len() as u16).to_le_bytes());
    for (name, data) in sections {
        short(&mut out, name);
        let data = data.get(..data.len().min(u32::MAX as usize)).unwrap_or_default();
        out.extend_from_slice(&(data.len() as u32).to_le_bytes());
        out.extend_from_slice(data);
    }
    out
}

/// The packs loaded so far: language code and its pack, for the rest of
/// the process (a pack is a few hundred kilobytes, loaded once).
static LOADED: Mutex<Vec<(&'static str, &'static Pack<'static>)>> = Mutex::new(Vec::new());

fn loaded_pack(code: &str) -> Option<&'static Pack<'static>> {
    let list = LOADED.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    list.iter().find(|(c, _)| *c == code).map(|(_, p)| *p)
}

/// Loads a pack for the rest of the process and returns its language code.
/// A second pack of a language already loaded is ignored (the first one
/// stays: what was built from it is kept).
///
/// # Errors
///
/// [`PackError`] when the bytes are not a pack.
pub fn load(bytes: Vec<u8>) -> Result<String, PackError> {
    parse(&bytes)?;
    let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
    let pack: &'static Pack<'static> = Box::leak(Box::new(parse(bytes)?));
    let mut list = LOADED.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if !list.iter().any(|(c, _)| *c == pack.code) {
        list.push((pack.code, pack));
    }
    Ok(pack.code.to_string())
}

/// The data built into this binary (feature `embedded`): the same files the
/// packs are built from (`model/packs.tsv` names them; a test checks that
/// the two agree byte for byte).
#[cfg(feature = "embedded")]
pub fn embedded(code: &str) -> Option<Pack<'static>> {
    match code {
        "en" => Some(Pack {
            code: "en",
            sections: vec![
                ("ner.bin", include_bytes!("../../model/ner.bin").as_slice()),
                ("clusters.txt", include_bytes!("../../model/clusters.txt").as_slice()),
                ("glove-clusters.txt", include_bytes!("../../model/glove-clusters.txt").as_slice()),
                ("glove-neighbors.txt", include_bytes!("../../model/glove-neighbors.txt").as_slice()),
                ("gazetteer.tsv", include_bytes!("../../model/gazetteer.tsv").as_slice()),
                ("casing.txt", include_bytes!("../../model/casing.txt").as_slice()),
                ("idf.tsv", include_bytes!("../../model/idf.tsv").as_slice()),
                ("freq.tsv", include_bytes!("../../model/lang/en/freq.tsv").as_slice()),
                ("chrome.bin", include_bytes!("../../model/chrome.bin").as_slice()),
            ],
        }),
        "de" => Some(Pack {
            code: "de",
            sections: vec![
                ("stopwords.txt", include_bytes!("../../model/lang/de/stopwords.txt").as_slice()),
                ("idf.tsv", include_bytes!("../../model/lang/de/idf.tsv").as_slice()),
                ("freq.tsv", include_bytes!("../../model/lang/de/freq.tsv").as_slice()),
                ("dict.tsv", include_bytes!("../../model/lang/de/dict.tsv").as_slice()),
                ("countries.tsv", include_bytes!("../../model/lang/de/countries.tsv").as_slice()),
                ("calendar.tsv", include_bytes!("../../model/lang/de/calendar.tsv").as_slice()),
                ("fold.tsv", include_bytes!("../../model/translit.tsv").as_slice()),
                ("common.txt", include_bytes!("../../model/lang/de/common.txt").as_slice()),
            ],
        }),
        "es" => Some(Pack {
            code: "es",
            sections: vec![
                ("stopwords.txt", include_bytes!("../../model/lang/es/stopwords.txt").as_slice()),
                ("idf.tsv", include_bytes!("../../model/lang/es/idf.tsv").as_slice()),
                ("freq.tsv", include_bytes!("../../model/lang/es/freq.tsv").as_slice()),
                ("dict.tsv", include_bytes!("../../model/lang/es/dict.tsv").as_slice()),
                ("countries.tsv", include_bytes!("../../model/lang/es/countries.tsv").as_slice()),
                ("calendar.tsv", include_bytes!("../../model/lang/es/calendar.tsv").as_slice()),
                ("fold.tsv", include_bytes!("../../model/translit.tsv").as_slice()),
            ],
        }),
        "fr" => Some(Pack {
            code: "fr",
            sections: vec![
                ("stopwords.txt", include_bytes!("../../model/lang/fr/stopwords.txt").as_slice()),
                ("idf.tsv", include_bytes!("../../model/lang/fr/idf.tsv").as_slice()),
                ("freq.tsv", include_bytes!("../../model/lang/fr/freq.tsv").as_slice()),
                ("countries.tsv", include_bytes!("../../model/lang/fr/countries.tsv").as_slice()),
                ("calendar.tsv", include_bytes!("../../model/lang/fr/calendar.tsv").as_slice()),
                ("fold.tsv", include_bytes!("../../model/translit.tsv").as_slice()),
            ],
        }),
        "it" => Some(Pack {
            code: "it",
            sections: vec![
                ("stopwords.txt", include_bytes!("../../model/lang/it/stopwords.txt").as_slice()),
                ("idf.tsv", include_bytes!("../../model/lang/it/idf.tsv").as_slice()),
                ("freq.tsv", include_bytes!("../../model/lang/it/freq.tsv").as_slice()),
                ("countries.tsv", include_bytes!("../../model/lang/it/countries.tsv").as_slice()),
                ("calendar.tsv", include_bytes!("../../model/lang/it/calendar.tsv").as_slice()),
                ("fold.tsv", include_bytes!("../../model/translit.tsv").as_slice()),
            ],
        }),
        "pl" => Some(Pack {
            code: "pl",
            sections: vec![
                ("stopwords.txt", include_bytes!("../../model/lang/pl/stopwords.txt").as_slice()),
                ("idf.tsv", include_bytes!("../../model/lang/pl/idf.tsv").as_slice()),
                ("freq.tsv", include_bytes!("../../model/lang/pl/freq.tsv").as_slice()),
                ("dict.tsv", include_bytes!("../../model/lang/pl/dict.tsv").as_slice()),
                ("countries.tsv", include_bytes!("../../model/lang/pl/countries.tsv").as_slice()),
                ("calendar.tsv", include_bytes!("../../model/lang/pl/calendar.tsv").as_slice()),
                ("fold.tsv", include_bytes!("../../model/translit.tsv").as_slice()),
            ],
        }),
        "ru" => Some(Pack {
            code: "ru",
            sections: vec![
                ("stopwords.txt", include_bytes!("../../model/lang/ru/stopwords.txt").as_slice()),
                ("idf.tsv", include_bytes!("../../model/lang/ru/idf.tsv").as_slice()),
                ("freq.tsv", include_bytes!("../../model/lang/ru/freq.tsv").as_slice()),
                ("countries.tsv", include_bytes!("../../model/lang/ru/countries.tsv").as_slice()),
                ("calendar.tsv", include_bytes!("../../model/lang/ru/calendar.tsv").as_slice()),
                ("fold.tsv", include_bytes!("../../model/translit.tsv").as_slice()),
            ],
        }),
        "tr" => Some(Pack {
            code: "tr",
            sections: vec![
                ("stopwords.txt", include_bytes!("../../model/lang/tr/stopwords.txt").as_slice()),
                ("idf.tsv", include_bytes!("../../model/lang/tr/idf.tsv").as_slice()),
                ("freq.tsv", include_bytes!("../../model/lang/tr/freq.tsv").as_slice()),
                ("countries.tsv", include_bytes!("../../model/lang/tr/countries.tsv").as_slice()),
                ("calendar.tsv", include_bytes!("../../model/lang/tr/calendar.tsv").as_slice()),
                ("fold.tsv", include_bytes!("../../model/translit.tsv").as_slice()),
            ],
        }),
        "ar" => Some(Pack {
            code: "ar",
            sections: vec![
                ("stopwords.txt", include_bytes!("../../model/lang/ar/stopwords.txt").as_slice()),
                ("idf.tsv", include_bytes!("../../model/lang/ar/idf.tsv").as_slice()),
                ("freq.tsv", include_bytes!("../../model/lang/ar/freq.tsv").as_slice()),
                ("countries.tsv", include_bytes!("../../model/lang/ar/countries.tsv").as_slice()),
                ("calendar.tsv", include_bytes!("../../model/lang/ar/calendar.tsv").as_slice()),
                ("fold.tsv", include_bytes!("../../model/translit.tsv").as_slice()),
            ],
        }),
        "zh" => Some(Pack {
            code: "zh",
            sections: vec![
                ("stopwords.txt", include_bytes!("../../model/lang/zh/stopwords.txt").as_slice()),
                ("idf.tsv", include_bytes!("../../model/lang/zh/idf.tsv").as_slice()),
                ("freq.tsv", include_bytes!("../../model/lang/zh/freq.tsv").as_slice()),
                ("dict.tsv", include_bytes!("../../model/lang/zh/dict.tsv").as_slice()),
                ("translit.tsv", include_bytes!("../../model/lang/zh/translit.tsv").as_slice()),
                ("countries.tsv", include_bytes!("../../model/lang/zh/countries.tsv").as_slice()),
                ("calendar.tsv", include_bytes!("../../model/lang/zh/calendar.tsv").as_slice()),
                ("fold.tsv", include_bytes!("../../model/translit.tsv").as_slice()),
            ],
        }),
        _ => None,
    }
}

/// No data is built into this binary (the shipped wasm): packs are loaded.
#[cfg(not(feature = "embedded"))]
pub fn embedded(_code: &str) -> Option<Pack<'static>> {
    None
}

/// The data of section `name` of language `code`: from a loaded pack, else
/// from the embedded data, else `None`.
///
/// ```
/// // native builds embed the English data
/// assert!(corroborate::lang::pack::section("en", "ner.bin").is_some());
/// assert!(corroborate::lang::pack::section("xx", "ner.bin").is_none());
/// ```
pub fn section(code: &str, name: &str) -> Option<&'static [u8]> {
    loaded_pack(code).and_then(|p| p.get(name)).or_else(|| embedded(code).and_then(|p| p.get(name)))
}

/// [`section`] as text (`None` when it is not UTF-8).
pub fn text(code: &str, name: &str) -> Option<&'static str> {
    section(code, name).and_then(|b| std::str::from_utf8(b).ok())
}

/// Whether the data of language `code` is at hand (loaded or embedded).
pub fn available(code: &str) -> bool {
    loaded_pack(code).is_some() || embedded(code).is_some()
}

/// The languages that have a pack (`model/packs.tsv`; a test checks the
/// two agree).
pub const PACK_CODES: &[&str] = &["en", "de", "es", "fr", "it", "pl", "ru", "tr", "ar", "zh"];

/// The warning an article in language `code` (named `name`) gets when the
/// pack of its language (other than English: see [`missing_warning`]) is
/// missing, or `None`.
pub fn missing_language_warning(code: &str, name: &str) -> Option<String> {
    (code != "en" && PACK_CODES.contains(&code) && !available(code)).then(|| {
        format!(
            "The {name} language data (lang/{code}.bin) could not be loaded: the same-story similarity \
             counts this article's words without its stop words and word weights."
        )
    })
}

/// The warning an article gets when the English data (which serves every
/// language's entities for now) is missing, or `None` when it is at hand.
pub fn missing_warning(code: &str) -> Option<String> {
    (code == "en" && !available(code)).then(|| {
        "The English language data (lang/en.bin) could not be loaded: names come only from the built-in \
         lists of places and first and last names (no entities from the tagger), and every word weighs \
         the same in the same-story similarity."
            .to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refuses_damaged_packs() {
        let bytes = encode("de", &[("a", b"xyz".as_slice()), ("empty", b"".as_slice())]);
        let p = parse(&bytes).expect("parses");
        assert_eq!(p.code, "de");
        assert_eq!(p.sections, vec![("a", b"xyz".as_slice()), ("empty", b"".as_slice())]);
        let mut extra = bytes.clone();
        extra.push(0);
        let mut bad_magic = bytes.clone();
        if let Some(b) = bad_magic.first_mut() {
            *b = b'X';
        }
        let cases: Vec<(&str, Vec<u8>)> = vec![
            ("empty", Vec::new()),
            ("header only", MAGIC.to_vec()),
            ("truncated", bytes.get(..bytes.len() - 1).unwrap_or_default().to_vec()),
            ("trailing byte", extra),
            ("wrong magic", bad_magic),
            ("bad code", encode("e n", &[])),
            ("empty code", encode("", &[])),
        ];
        for (what, b) in cases {
            assert!(parse(&b).is_err(), "{what} should be refused");
        }
    }

    #[test]
    fn a_huge_declared_length_is_refused_not_allocated() {
        let mut b = MAGIC.to_vec();
        b.extend_from_slice(&[2, b'e', b'n', 1, 0, 1, b'x']);
        b.extend_from_slice(&u32::MAX.to_le_bytes());
        assert!(parse(&b).is_err());
    }

    #[cfg(feature = "embedded")]
    #[test]
    fn the_manifest_names_the_embedded_files_byte_for_byte() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let manifest = std::fs::read_to_string(root.join("model/packs.tsv")).expect("model/packs.tsv");
        let mut names = Vec::new();
        for line in manifest.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let cols: Vec<&str> = line.split('\t').collect();
            let [code, name, path] = cols.as_slice() else { panic!("bad manifest line {line:?}") };
            let on_disk = std::fs::read(root.join(path)).expect("a file of the manifest");
            let built_in = embedded(code).and_then(|p| p.get(name)).expect("embedded");
            assert!(on_disk == built_in, "{code}/{name} differs from {path}");
            names.push((code.to_string(), name.to_string()));
        }
        let mut codes: Vec<&str> = names.iter().map(|(c, _)| c.as_str()).collect();
        codes.dedup();
        assert_eq!(codes, PACK_CODES);
        let embedded_names: Vec<(String, String)> = codes
            .iter()
            .flat_map(|c| {
                embedded(c).expect("embedded").sections.into_iter().map(move |(n, _)| (c.to_string(), n.to_string()))
            })
            .collect();
        assert_eq!(names, embedded_names);
    }
}
