//! Names folded across scripts: `Путин` → `putin`, `Müller` → `muller`,
//! `北京` → `beijing`, so the same name written in two scripts (or with and
//! without its accents) meets in the entity table and the similarity.
//!
//! The tables come from the `any_ascii` crate (ISC licence): `corroborate
//! build-translit` (feature `train`) writes them, never by hand, to
//!
//! * `model/translit.tsv`: Latin with diacritics, Greek, Cyrillic,
//!   Armenian, Hebrew, Arabic, Georgian, kana and full-width forms (a few
//!   kilobytes, built into every binary, the shipped wasm too);
//! * `model/lang/zh/translit.tsv`: the 20,992 CJK unified ideographs in
//!   pinyin, which travel in the Chinese pack (`www/lang/zh.bin`) and serve
//!   once it is loaded (native builds embed it). Until then an ideograph
//!   folds to itself.
//!
//! Each line is a character, a tab and its lowercase ASCII letters (empty:
//! the character is dropped, such as combining accents and the soft sign);
//! the ideographs' table is written as one run of code points, a folding
//! a line (see [`parse_table`]), which halves its size gzipped.
//!
//! Folding is per character, without context, as `any_ascii` does: it
//! gives the name a reader of Latin script would recognise for Cyrillic
//! and Greek (`Путин` → `putin`), and a consonant skeleton for Arabic
//! (`دمشق` → `dmshq`) where short vowels are not written. [`name_key`]
//! goes one step further for matching transcriptions that disagree on the
//! vowels (`Трамп` → `tramp`, `Trump`: both `trmp`).

use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::sync::OnceLock;

/// The built-in table (`model/translit.tsv`).
const BASE: &str = include_str!("../../model/translit.tsv");

/// A parsed table: character → its lowercase ASCII letters.
pub type Table = FxHashMap<char, &'static str>;

/// Parses a table in the format of `model/translit.tsv`: a character, a
/// tab, its folding. A line `U+4E00` starts a run: each line after it that
/// has no tab is the folding of the next code point (`-`: not in the
/// table), the compact form of the ideographs' table. Comments (`#`) and
/// damaged lines are skipped.
///
/// ```
/// let t = corroborate::lang::translit::parse_table("# comment\nж\tzh\nь\t\nU+4E00\nyi\n-\nqi\n");
/// assert_eq!(t.get(&'ж'), Some(&"zh"));
/// assert_eq!(t.get(&'ь'), Some(&""));
/// assert_eq!(t.get(&'\u{4E00}'), Some(&"yi"));
/// assert_eq!(t.get(&'\u{4E01}'), None);
/// assert_eq!(t.get(&'\u{4E02}'), Some(&"qi"));
/// ```
pub fn parse_table(text: &str) -> FxHashMap<char, &str> {
    let mut t = FxHashMap::default();
    let mut run: Option<u32> = None;
    for line in text.lines() {
        if line.starts_with('#') {
            continue;
        }
        let ok = |s: &str| s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
        if let Some((ch, ascii)) = line.split_once('\t') {
            run = None;
            let mut chars = ch.chars();
            if let (Some(c), None) = (chars.next(), chars.next()) {
                if !c.is_ascii() && ok(ascii) {
                    t.insert(c, ascii);
                }
            }
        } else if let Some(hex) = line.strip_prefix("U+") {
            run = u32::from_str_radix(hex, 16).ok();
        } else if let Some(cp) = run {
            if let Some(c) = char::from_u32(cp).filter(|c| !c.is_ascii()) {
                if line != "-" && ok(line) {
                    t.insert(c, line);
                }
            }
            run = cp.checked_add(1);
        }
    }
    t
}

fn base() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| parse_table(BASE))
}

/// The ideographs' table, once the Chinese data is at hand (loaded pack or
/// embedded); `None` before, and asked again at the next ideograph.
fn han() -> Option<&'static Table> {
    static T: OnceLock<Table> = OnceLock::new();
    if let Some(t) = T.get() {
        return Some(t);
    }
    let text = crate::lang::pack::text("zh", "translit.tsv")?;
    Some(T.get_or_init(|| parse_table(text)))
}

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// The folding of one character: `Some(letters)` from the tables (maybe
/// empty: the character is dropped), `None` when no table has it.
///
/// ```
/// use corroborate::lang::translit::fold_char;
/// assert_eq!(fold_char('щ'), Some("shch"));
/// assert_eq!(fold_char('é'), Some("e"));
/// assert_eq!(fold_char('a'), None); // ASCII is not in the tables
/// ```
pub fn fold_char(c: char) -> Option<&'static str> {
    if let Some(s) = base().get(&c) {
        return Some(s);
    }
    if is_han(c) {
        return han().and_then(|t| t.get(&c).copied());
    }
    None
}

/// A text folded for matching names across scripts: ASCII letters
/// lowercased, every character of the tables replaced by its lowercase
/// ASCII letters, others lowercased and kept. Borrows when nothing
/// changes (lowercase ASCII).
///
/// ```
/// use corroborate::lang::translit::fold;
/// assert_eq!(fold("Путин"), "putin");
/// assert_eq!(fold("Wladimir Putin"), "wladimir putin");
/// assert_eq!(fold("Łódź"), "lodz");
/// assert_eq!(fold("Erdoğan"), "erdogan");
/// assert_eq!(fold("Ελλάδα"), "ellada");
/// assert!(matches!(fold("already plain"), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn fold(s: &str) -> Cow<'_, str> {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if let Some(letters) = fold_char(c) {
            out.push_str(letters);
        } else {
            out.extend(c.to_lowercase());
        }
    }
    Cow::Owned(out)
}

/// Whether folding changes a script: the text has letters outside ASCII
/// that the tables fold (a cheap test before building keys).
pub fn needs_fold(s: &str) -> bool {
    s.chars().any(|c| !c.is_ascii() && fold_char(c).is_some())
}

/// A key for matching a name across transcriptions: the [`fold`]ed name,
/// each word reduced to its first letter and its consonants (vowels and
/// `y` after the first letter dropped, `c` as `k` or `s`, `w` as `v`, `x`
/// as `ks`, doubled letters once),
/// words joined by a space. Transcriptions that differ in the vowels meet
/// (`Трамп`, `Trump` → `trmp`; `Зеленский`, `Zelensky`, `Zelenskyy` →
/// `zlnsk`); characters no table folds are kept as they are.
///
/// ```
/// use corroborate::lang::translit::name_key;
/// assert_eq!(name_key("Трамп"), name_key("Trump"));
/// assert_eq!(name_key("Владимир Путин"), name_key("Vladimir Putin"));
/// assert_eq!(name_key("Меркель"), "mrkl");
/// assert_ne!(name_key("Merkel"), name_key("Macron"));
/// ```
pub fn name_key(s: &str) -> String {
    let folded = fold(s);
    let mut out = String::with_capacity(folded.len());
    for word in folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        let chars: Vec<char> = word.chars().collect();
        let mut last: Option<char> = None;
        for (i, &c) in chars.iter().enumerate() {
            let next = chars.get(i + 1).copied();
            // letters spelt differently by transcriptions: c as k or s, w as
            // v, x as ks
            let spelt: &[char] = match c {
                'c' if matches!(next, Some('e' | 'i' | 'y')) => &['s'],
                'c' => &['k'],
                'w' => &['v'],
                'x' => &['k', 's'],
                _ => &[],
            };
            let single = [c];
            let spelt = if spelt.is_empty() { &single[..] } else { spelt };
            for &c in spelt {
                if i > 0 && matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y') {
                    last = Some(c);
                    continue;
                }
                if last != Some(c) {
                    out.push(c);
                }
                last = Some(c);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_names_of_each_script() {
        // (written, folded)
        let cases = [
            ("Путин", "putin"),
            ("Трамп", "tramp"),
            ("Москва", "moskva"),
            ("Киев", "kiev"),
            ("Ельцин", "eltsin"),
            ("Müller", "muller"),
            ("Straße", "strasse"),
            ("Gdańsk", "gdansk"),
            ("İstanbul", "istanbul"),
            ("Ankara", "ankara"),
            ("São Paulo", "sao paulo"),
            ("Αθήνα", "athina"),
            ("دمشق", "dmshq"),
            ("ＡＢＣ２０１７", "abc2017"),
            ("ok-ish", "ok-ish"),
            ("", ""),
        ];
        for (written, folded) in cases {
            assert_eq!(fold(written), folded, "{written}");
        }
    }

    #[test]
    fn ideographs_fold_to_pinyin_with_the_chinese_data() {
        // native builds embed the Chinese data
        if crate::lang::pack::available("zh") {
            assert_eq!(fold("北京"), "beijing");
            assert_eq!(fold("上海市"), "shanghaishi");
        }
    }

    #[test]
    fn name_keys_match_transcriptions_and_keep_names_apart() {
        let same = [
            ("Трамп", "Trump"),
            ("Дональд Трамп", "Donald Trump"),
            ("Путин", "Putin"),
            ("Зеленский", "Zelensky"),
            ("Zelenskyy", "Zelensky"),
            ("Меркель", "Merkel"),
            ("Erdoğan", "Erdogan"),
            ("Macron", "Макрон"),
            ("Alexei Navalny", "Алексей Навальный"),
        ];
        for (a, b) in same {
            assert_eq!(name_key(a), name_key(b), "{a} / {b}");
        }
        // skeletons are coarse (Putin and Patten share one): the key is for
        // words already taken for names, matched within one set of articles
        let apart = [("Trump", "Tramp Steamer"), ("Iran", "Iraq"), ("Merkel", "Macron"), ("Putin", "Poroshenko")];
        for (a, b) in apart {
            assert_ne!(name_key(a), name_key(b), "{a} / {b}");
        }
    }

    #[test]
    fn any_text_folds_without_panicking() {
        let odd = ["\u{0}", "\u{10FFFF}", "a\u{301}", "ǅ", "İ", "\u{FFFF}x", "🦀 Путин 🦀"];
        for s in odd {
            let _ = fold(s);
            let _ = name_key(s);
        }
        assert_eq!(fold("a\u{301}"), "a");
    }

    #[test]
    fn the_tables_hold_only_lowercase_ascii() {
        for (c, s) in base() {
            assert!(!c.is_ascii());
            assert!(s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()), "{c}: {s}");
        }
        assert!(base().len() > 1000, "{}", base().len());
    }
}
