//! A small JSON reader for a page's JSON-LD: just what metadata needs, so
//! that the shipped wasm carries no general JSON value type (serde_json's
//! `Value` added 8.7 KB gzipped). Tolerant and bounded: it returns
//! `None` on anything it cannot read, nests at most 64 deep, and never
//! panics.

/// A JSON value. Numbers are kept as their source text.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Json {
    Null,
    Bool(bool),
    Num(String),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl Json {
    /// The member `key` of an object.
    pub(super) fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(m) => m.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub(super) fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }
}

const MAX_DEPTH: usize = 64;

struct Reader<'a> {
    b: &'a [u8],
    i: usize,
}

impl Reader<'_> {
    fn ws(&mut self) {
        while self.b.get(self.i).is_some_and(|c| c.is_ascii_whitespace()) {
            self.i += 1;
        }
    }

    fn eat(&mut self, c: u8) -> bool {
        self.ws();
        if self.b.get(self.i) == Some(&c) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn value(&mut self, depth: usize) -> Option<Json> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.ws();
        match *self.b.get(self.i)? {
            b'{' => {
                self.i += 1;
                let mut members = Vec::new();
                if self.eat(b'}') {
                    return Some(Json::Obj(members));
                }
                loop {
                    self.ws();
                    let key = self.string()?;
                    if !self.eat(b':') {
                        return None;
                    }
                    let v = self.value(depth + 1)?;
                    members.push((key, v));
                    if self.eat(b',') {
                        continue;
                    }
                    return self.eat(b'}').then_some(Json::Obj(members));
                }
            }
            b'[' => {
                self.i += 1;
                let mut items = Vec::new();
                if self.eat(b']') {
                    return Some(Json::Arr(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    if self.eat(b',') {
                        continue;
                    }
                    return self.eat(b']').then_some(Json::Arr(items));
                }
            }
            b'"' => self.string().map(Json::Str),
            b't' => self.word("true", Json::Bool(true)),
            b'f' => self.word("false", Json::Bool(false)),
            b'n' => self.word("null", Json::Null),
            c if c == b'-' || c.is_ascii_digit() => {
                let start = self.i;
                while self.b.get(self.i).is_some_and(|c| c.is_ascii_digit() || b"+-.eE".contains(c)) {
                    self.i += 1;
                }
                let s = std::str::from_utf8(self.b.get(start..self.i)?).ok()?;
                Some(Json::Num(s.to_string()))
            }
            _ => None,
        }
    }

    fn word(&mut self, w: &str, v: Json) -> Option<Json> {
        let end = self.i + w.len();
        (self.b.get(self.i..end) == Some(w.as_bytes())).then(|| {
            self.i = end;
            v
        })
    }

    fn hex4(&mut self) -> Option<u32> {
        let s = std::str::from_utf8(self.b.get(self.i..self.i + 4)?).ok()?;
        let v = u32::from_str_radix(s, 16).ok()?;
        self.i += 4;
        Some(v)
    }

    /// A string at `"`; its escapes decoded (lone surrogates become U+FFFD).
    fn string(&mut self) -> Option<String> {
        if self.b.get(self.i) != Some(&b'"') {
            return None;
        }
        self.i += 1;
        let mut out: Vec<u8> = Vec::new();
        loop {
            let c = *self.b.get(self.i)?;
            self.i += 1;
            match c {
                b'"' => return Some(String::from_utf8_lossy(&out).into_owned()),
                b'\\' => {
                    let e = *self.b.get(self.i)?;
                    self.i += 1;
                    let ch = match e {
                        b'n' => '\n',
                        b't' => '\t',
                        b'r' => '\r',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'u' => {
                            let hi = self.hex4()?;
                            let code =
                                if (0xD800..0xDC00).contains(&hi) && self.b.get(self.i..self.i + 2) == Some(b"\\u") {
                                    self.i += 2;
                                    let lo = self.hex4()?;
                                    if (0xDC00..0xE000).contains(&lo) {
                                        0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                                    } else {
                                        0xFFFD
                                    }
                                } else {
                                    hi
                                };
                            char::from_u32(code).unwrap_or('\u{FFFD}')
                        }
                        other => char::from(other),
                    };
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                }
                _ => out.push(c),
            }
        }
    }
}

/// Parses one JSON document (trailing bytes after it are ignored); `None`
/// when it is not JSON.
pub(super) fn parse_json(s: &str) -> Option<Json> {
    Reader { b: s.as_bytes(), i: 0 }.value(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values() {
        // (JSON, what it reads as)
        let cases: &[(&str, Option<Json>)] = &[
            ("null", Some(Json::Null)),
            (" true ", Some(Json::Bool(true))),
            ("-1.5e3", Some(Json::Num("-1.5e3".into()))),
            (r#""a\"b\\c\nd\u00e9\ud83d\ude00""#, Some(Json::Str("a\"b\\c\nd\u{e9}\u{1F600}".into()))),
            (r#""lone \ud800 surrogate""#, Some(Json::Str("lone \u{FFFD} surrogate".into()))),
            ("[1, [], {}]", Some(Json::Arr(vec![Json::Num("1".into()), Json::Arr(vec![]), Json::Obj(vec![])]))),
            (
                r#"{"a": {"b": "c"}}"#,
                Some(Json::Obj(vec![("a".into(), Json::Obj(vec![("b".into(), Json::Str("c".into()))]))])),
            ),
            ("{\"a\": 1,}", None),
            ("[1 2]", None),
            ("{\"a\" 1}", None),
            ("\"unterminated", None),
            ("", None),
            ("nul", None),
        ];
        for (s, want) in cases {
            assert_eq!(parse_json(s), *want, "{s}");
        }
        let deep = "[".repeat(10_000);
        assert_eq!(parse_json(&deep), None);
        let v = parse_json(r#"{"headline": "H", "n": 2}"#).unwrap();
        assert_eq!(v.get("headline").and_then(Json::as_str), Some("H"));
        assert_eq!(v.get("n").and_then(Json::as_str), None);
    }
}
