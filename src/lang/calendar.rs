//! Month and weekday names, the words for yesterday, today and tomorrow,
//! number words and the number separators of each language, from CLDR
//! (`cldr-dates-full`, `cldr-numbers-full`, `cldr-rbnf`, Unicode-3.0), written
//! by `node scripts/build-lang-data.mjs` to `model/lang/<code>/calendar.tsv`
//! and carried in the language's pack.

use rustc_hash::FxHashMap;
use std::sync::Mutex;

/// One language's calendar words and separators.
#[derive(Debug, Default)]
pub struct Calendar {
    /// Lowercase month name or abbreviation → month (1-12).
    pub months: FxHashMap<String, u32>,
    /// Lowercase weekday name or abbreviation → day (0 = Sunday).
    pub weekdays: FxHashMap<String, u32>,
    /// The decimal separator of Latin digits (`,` in German).
    pub decimal: char,
    /// The grouping separator (`.` in German, a narrow space in French).
    pub group: char,
    /// Lowercase number word → its value (`sieben` 7, `тысяч` 1000): the
    /// spell-out rules' words from 2 up, and their scale words.
    pub numbers: FxHashMap<String, f64>,
    /// Lowercase word for yesterday (-1), today (0) or tomorrow (1).
    pub days: FxHashMap<String, i32>,
}

impl Calendar {
    /// Parses a table in the format of `calendar.tsv`.
    ///
    /// ```
    /// use corroborate::lang::calendar::Calendar;
    /// let c = Calendar::parse("month\t5\tmai\nweekday\t1\tmontag\nday\t-1\tgestern\nnumber\t7\tsieben\ndecimal\t,\ngroup\t.\n");
    /// assert_eq!(c.months.get("mai"), Some(&5));
    /// assert_eq!(c.weekdays.get("montag"), Some(&1));
    /// assert_eq!(c.days.get("gestern"), Some(&-1));
    /// assert_eq!(c.numbers.get("sieben"), Some(&7.0));
    /// assert_eq!((c.decimal, c.group), (',', '.'));
    /// ```
    pub fn parse(text: &str) -> Calendar {
        let mut c = Calendar { decimal: '.', group: ',', ..Calendar::default() };
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let cols: Vec<&str> = line.split('\t').collect();
            match cols.as_slice() {
                ["month", n, w] => {
                    if let Ok(n @ 1..=12) = n.parse::<u32>() {
                        c.months.insert(w.to_lowercase(), n);
                    }
                }
                ["weekday", n, w] => {
                    if let Ok(n @ 0..=6) = n.parse::<u32>() {
                        c.weekdays.insert(w.to_lowercase(), n);
                    }
                }
                ["number", n, w] => {
                    if let Ok(n) = n.parse::<f64>() {
                        if n.is_finite() && n >= 0.0 {
                            c.numbers.insert(w.to_lowercase(), n);
                        }
                    }
                }
                ["day", n, w] => {
                    if let Ok(n @ -1..=1) = n.parse::<i32>() {
                        c.days.insert(w.to_lowercase(), n);
                    }
                }
                ["decimal", s] => c.decimal = s.chars().next().unwrap_or('.'),
                ["group", s] => c.group = s.chars().next().unwrap_or(','),
                _ => {}
            }
        }
        c
    }

    /// A number written in this language (`1.200,5` in German, `1 200,5`
    /// in French), or `None`.
    ///
    /// ```
    /// use corroborate::lang::calendar::Calendar;
    /// let de = Calendar::parse("decimal\t,\ngroup\t.\n");
    /// assert_eq!(de.number("1.200,5"), Some(1200.5));
    /// assert_eq!(de.number("87,5"), Some(87.5));
    /// assert_eq!(de.number("87"), Some(87.0));
    /// assert_eq!(de.number("x"), None);
    /// ```
    pub fn number(&self, s: &str) -> Option<f64> {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            if c == self.decimal {
                out.push('.');
            } else if c == self.group || c.is_whitespace() || c == '\u{202F}' || c == '\u{A0}' {
                continue;
            } else if c.is_ascii_digit() || (c == '-' && out.is_empty()) {
                out.push(c);
            } else {
                return None;
            }
        }
        out.parse::<f64>().ok().filter(|v| v.is_finite())
    }
}

static CACHE: Mutex<Vec<(String, &'static Calendar)>> = Mutex::new(Vec::new());

/// The calendar of language `code`, once its data is at hand; `None` before.
pub fn calendar(code: &str) -> Option<&'static Calendar> {
    let mut cache = CACHE.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some((_, c)) = cache.iter().find(|(c, _)| c == code) {
        return Some(c);
    }
    let text = super::pack::text(code, "calendar.tsv")?;
    let c: &'static Calendar = Box::leak(Box::new(Calendar::parse(text)));
    cache.push((code.to_string(), c));
    Some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_knows_may_and_its_decimal_comma() {
        // (language, a form of May, decimal separator)
        let cases = [
            ("de", "mai", ','),
            ("es", "mayo", ','),
            ("fr", "mai", ','),
            ("it", "maggio", ','),
            ("pl", "maja", ','),
            ("ru", "мая", ','),
            ("tr", "mayıs", ','),
            ("ar", "مايو", '.'),
        ];
        for (lang, may, decimal) in cases {
            let c = calendar(lang).unwrap_or_else(|| panic!("{lang}"));
            assert_eq!(c.months.get(may), Some(&5), "{lang}");
            assert_eq!(c.decimal, decimal, "{lang}");
        }
    }
}
