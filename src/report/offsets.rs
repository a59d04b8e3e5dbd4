//! Offsets in the unit the caller reads: UTF-8 bytes, UTF-16 code units
//! or characters, converted once per report from the byte offsets the
//! stages compute.

use serde::{Deserialize, Serialize};

/// The unit every span of a report is counted in.
///
/// JavaScript strings index UTF-16 code units, Rust strings UTF-8 bytes and
/// Python strings code points; the caller picks one and every `start`/`end`
/// in the report uses it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(all(test, not(target_family = "wasm")), derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum OffsetUnit {
    /// UTF-8 bytes (Rust `str` indices). The default.
    #[default]
    Utf8,
    /// UTF-16 code units (JavaScript `String` indices).
    Utf16,
    /// Unicode scalar values (Python `str` indices).
    Chars,
}

impl OffsetUnit {
    /// Parses `"utf8"`, `"utf16"` or `"chars"` (also `"utf-8"`, `"utf-16"`,
    /// `"char"`), case-insensitively.
    ///
    /// ```
    /// use corroborate::OffsetUnit;
    /// assert_eq!(OffsetUnit::parse("UTF-16"), Some(OffsetUnit::Utf16));
    /// assert_eq!(OffsetUnit::parse("bytes"), Some(OffsetUnit::Utf8));
    /// assert_eq!(OffsetUnit::parse("lines"), None);
    /// ```
    pub fn parse(s: &str) -> Option<OffsetUnit> {
        match s.to_ascii_lowercase().as_str() {
            "utf8" | "utf-8" | "bytes" | "byte" => Some(OffsetUnit::Utf8),
            "utf16" | "utf-16" => Some(OffsetUnit::Utf16),
            "chars" | "char" | "codepoints" | "scalars" => Some(OffsetUnit::Chars),
            _ => None,
        }
    }

    /// The name used in the report (`"utf8"`, `"utf16"` or `"chars"`).
    pub fn as_str(self) -> &'static str {
        match self {
            OffsetUnit::Utf8 => "utf8",
            OffsetUnit::Utf16 => "utf16",
            OffsetUnit::Chars => "chars",
        }
    }
}

/// Converts byte offsets of one text to another [`OffsetUnit`].
///
/// Built once per article; ASCII-only texts convert for free, others by a
/// binary search over the positions of their non-ASCII characters.
///
/// ```
/// use corroborate::{OffsetMap, OffsetUnit};
/// let text = "café 🙂 ok";
/// let map = OffsetMap::new(text, OffsetUnit::Utf16);
/// let byte = text.find("ok").unwrap();
/// assert_eq!(byte, 11);
/// assert_eq!(map.convert(byte), 8); // c a f é ␠ 🙂(2) ␠
/// ```
#[derive(Debug, Clone)]
pub struct OffsetMap {
    unit: OffsetUnit,
    /// (byte offset just after a non-ASCII char, units saved so far).
    checkpoints: Vec<(usize, usize)>,
}

impl OffsetMap {
    /// Prepares conversions from byte offsets of `text` to `unit`.
    pub fn new(text: &str, unit: OffsetUnit) -> OffsetMap {
        let mut checkpoints = Vec::new();
        if unit != OffsetUnit::Utf8 && !text.is_ascii() {
            let mut saved = 0usize;
            for (i, c) in text.char_indices() {
                let len8 = c.len_utf8();
                if len8 > 1 {
                    let units = match unit {
                        OffsetUnit::Utf16 => c.len_utf16(),
                        _ => 1,
                    };
                    saved += len8 - units;
                    checkpoints.push((i + len8, saved));
                }
            }
        }
        OffsetMap { unit, checkpoints }
    }

    /// The unit this map converts to.
    pub fn unit(&self) -> OffsetUnit {
        self.unit
    }

    /// Converts a byte offset (on a character boundary) to the target unit.
    pub fn convert(&self, byte: usize) -> usize {
        if self.checkpoints.is_empty() {
            return byte;
        }
        let idx = self.checkpoints.partition_point(|&(b, _)| b <= byte);
        if idx == 0 {
            byte
        } else {
            let saved = self.checkpoints.get(idx - 1).map_or(0, |&(_, s)| s);
            byte - saved
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offset_units() {
        // (text, byte offset, utf16, chars)
        let cases = [
            ("abc", 2, 2, 2),
            ("é", 2, 1, 1),
            ("aé b", 4, 3, 3),
            ("🙂x", 4, 2, 1),
            ("🙂x", 5, 3, 2),
            ("日本語", 6, 2, 2),
            ("“q”", 4, 2, 2),
        ];
        for (text, byte, u16_, ch) in cases {
            assert_eq!(OffsetMap::new(text, OffsetUnit::Utf8).convert(byte), byte);
            assert_eq!(OffsetMap::new(text, OffsetUnit::Utf16).convert(byte), u16_, "{text} utf16");
            assert_eq!(OffsetMap::new(text, OffsetUnit::Chars).convert(byte), ch, "{text} chars");
        }
    }
}
