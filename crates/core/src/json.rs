//! A small, strict JSON reader and writer: all the module needs of JSON (drafts, exported
//! files, reports handed to pages), without serde_json's generic machinery in the WebAssembly.
//!
//! The reader is RFC 8259 and exactly as strict as serde_json (which the native tests compare
//! it with, `tests/json_differential.rs`): no comments, no trailing commas, no NaN, no control
//! characters or lone surrogates in strings, nesting at most 128 deep; a key given twice keeps
//! its last value. Objects keep their keys sorted, as serde_json's `Map` does, so what the
//! writer produces is byte for byte what serde_json wrote before.

use std::collections::BTreeMap;

/// A JSON value. Numbers keep their text (a draft only ever asks whether one is the integer 1).
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Array(Vec<Json>),
    Object(BTreeMap<String, Json>),
}

impl Json {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    /// An integer written without fraction or exponent that fits u64 (`1`, not `1.0`), as
    /// serde_json's `as_u64`.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Number(n) => n.parse::<u64>().ok(),
            _ => None,
        }
    }

    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(map) => map.get(key),
            _ => None,
        }
    }
}

/// Why a text is not JSON (the reader says no more: callers only need to refuse it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotJson;

/// Deepest nesting read, as serde_json's recursion limit (128 levels is refused).
const MAX_DEPTH: usize = 127;

/// Reads one JSON value filling the whole text (whitespace around it allowed).
pub fn parse(text: &str) -> Result<Json, NotJson> {
    let mut reader = Reader {
        bytes: text.as_bytes(),
        at: 0,
    };
    reader.skip_space();
    let value = reader.value(0)?;
    reader.skip_space();
    if reader.at != reader.bytes.len() {
        return Err(NotJson);
    }
    Ok(value)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.at += 1;
        Some(b)
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn literal(&mut self, word: &[u8], value: Json) -> Result<Json, NotJson> {
        if self.bytes.get(self.at..self.at + word.len()) == Some(word) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(NotJson)
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, NotJson> {
        match self.peek().ok_or(NotJson)? {
            b'n' => self.literal(b"null", Json::Null),
            b't' => self.literal(b"true", Json::Bool(true)),
            b'f' => self.literal(b"false", Json::Bool(false)),
            b'"' => self.string().map(Json::String),
            b'[' => self.array(depth + 1),
            b'{' => self.object(depth + 1),
            b'-' | b'0'..=b'9' => self.number(),
            _ => Err(NotJson),
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, NotJson> {
        if depth > MAX_DEPTH {
            return Err(NotJson);
        }
        self.at += 1; // [
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Json::Array(items));
        }
        loop {
            self.skip_space();
            items.push(self.value(depth)?);
            self.skip_space();
            match self.next() {
                Some(b',') => continue,
                Some(b']') => return Ok(Json::Array(items)),
                _ => return Err(NotJson),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, NotJson> {
        if depth > MAX_DEPTH {
            return Err(NotJson);
        }
        self.at += 1; // {
        let mut map = BTreeMap::new();
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Json::Object(map));
        }
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return Err(NotJson);
            }
            let key = self.string()?;
            self.skip_space();
            if self.next() != Some(b':') {
                return Err(NotJson);
            }
            self.skip_space();
            let value = self.value(depth)?;
            map.insert(key, value);
            self.skip_space();
            match self.next() {
                Some(b',') => continue,
                Some(b'}') => return Ok(Json::Object(map)),
                _ => return Err(NotJson),
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at - start
    }

    fn number(&mut self) -> Result<Json, NotJson> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(NotJson),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if self.digits() == 0 {
                return Err(NotJson);
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(NotJson);
            }
        }
        let text = self.bytes.get(start..self.at).ok_or(NotJson)?;
        // serde_json refuses numbers beyond f64's range (1e400) rather than reading infinity.
        let text = std::str::from_utf8(text).map_err(|_| NotJson)?;
        match text.parse::<f64>() {
            Ok(x) if x.is_finite() => Ok(Json::Number(text.to_string())),
            _ => Err(NotJson),
        }
    }

    fn hex4(&mut self) -> Result<u32, NotJson> {
        let mut n = 0u32;
        for _ in 0..4 {
            let d = match self.next().ok_or(NotJson)? {
                b @ b'0'..=b'9' => b - b'0',
                b @ b'a'..=b'f' => b - b'a' + 10,
                b @ b'A'..=b'F' => b - b'A' + 10,
                _ => return Err(NotJson),
            };
            n = n * 16 + u32::from(d);
        }
        Ok(n)
    }

    fn string(&mut self) -> Result<String, NotJson> {
        self.at += 1; // "
        let mut out = String::new();
        loop {
            // Copy the run of plain bytes at once (the text is valid UTF-8: it came as &str,
            // and the run stops only at ASCII bytes).
            let start = self.at;
            while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= 0x20) {
                self.at += 1;
            }
            let run = self.bytes.get(start..self.at).ok_or(NotJson)?;
            out.push_str(std::str::from_utf8(run).map_err(|_| NotJson)?);
            match self.next().ok_or(NotJson)? {
                b'"' => return Ok(out),
                b'\\' => {
                    let c = match self.next().ok_or(NotJson)? {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.escaped_char()?,
                        _ => return Err(NotJson),
                    };
                    out.push(c);
                }
                _ => return Err(NotJson), // a control character
            }
        }
    }

    /// The character of `\uXXXX` (after the `u`), a surrogate pair taking two escapes.
    fn escaped_char(&mut self) -> Result<char, NotJson> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if self.next() != Some(b'\\') || self.next() != Some(b'u') {
                    return Err(NotJson);
                }
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(NotJson);
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(NotJson),
            n => n,
        };
        char::from_u32(code).ok_or(NotJson)
    }
}

/// Appends `s` as a JSON string, escaped as serde_json escapes it (quote, backslash and the
/// control characters; `\n`-style where there is one, else `\u00XX`).
pub fn write_str(out: &mut String, s: &str) {
    out.push('"');
    let mut plain = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0x00..=0x1f => "",
            _ => continue,
        };
        out.push_str(s.get(plain..i).unwrap_or(""));
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(char::from(
                HEX.get(usize::from(b >> 4)).copied().unwrap_or(b'0'),
            ));
            out.push(char::from(
                HEX.get(usize::from(b & 0xf)).copied().unwrap_or(b'0'),
            ));
        } else {
            out.push_str(escape);
        }
        plain = i + 1;
    }
    out.push_str(s.get(plain..).unwrap_or(""));
    out.push('"');
}

/// Appends a JSON value (objects in key order, no spaces), as serde_json's `to_string`.
pub fn write(out: &mut String, value: &Json) {
    match value {
        Json::Null => out.push_str("null"),
        Json::Bool(true) => out.push_str("true"),
        Json::Bool(false) => out.push_str("false"),
        Json::Number(n) => out.push_str(n),
        Json::String(s) => write_str(out, s),
        Json::Array(items) => write_list(out, items, write),
        Json::Object(map) => {
            out.push('{');
            for (i, (k, v)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_str(out, k);
                out.push(':');
                write(out, v);
            }
            out.push('}');
        }
    }
}

/// An object written field by field, in the order given (for reports, whose field order is
/// the struct's, as serde writes it).
pub struct ObjectWriter<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> ObjectWriter<'a> {
    pub fn new(out: &'a mut String) -> Self {
        out.push('{');
        ObjectWriter { out, first: true }
    }

    /// Starts the field `key`; the caller writes its value into the returned string.
    pub fn key(&mut self, key: &str) -> &mut String {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        write_str(self.out, key);
        self.out.push(':');
        self.out
    }

    pub fn str(&mut self, key: &str, value: &str) {
        write_str(self.key(key), value);
    }

    pub fn bool(&mut self, key: &str, value: bool) {
        self.key(key).push_str(if value { "true" } else { "false" });
    }

    pub fn strs<S: AsRef<str>>(&mut self, key: &str, values: &[S]) {
        write_list(self.key(key), values, |out, v| write_str(out, v.as_ref()));
    }

    pub fn end(self) {
        self.out.push('}');
    }
}

/// Writes a list of items, each with `write_item`.
pub fn write_list<T>(out: &mut String, items: &[T], mut write_item: impl FnMut(&mut String, &T)) {
    out.push('[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_item(out, item);
    }
    out.push(']');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_json_allows_and_nothing_else() {
        assert_eq!(parse(" {\"a\" : [1, \"x\", true, null]} "), {
            let mut m = BTreeMap::new();
            m.insert(
                "a".to_string(),
                Json::Array(vec![
                    Json::Number("1".into()),
                    Json::String("x".into()),
                    Json::Bool(true),
                    Json::Null,
                ]),
            );
            Ok(Json::Object(m))
        });
        for bad in [
            "",
            "{",
            "[1,]",
            "{\"a\":1,}",
            "01",
            "1.",
            ".5",
            "NaN",
            "\"\u{1}\"",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "'a'",
            "{a:1}",
            "[1] x",
            "\u{feff}{}",
            "1e400",
            "-",
            "tru",
        ] {
            assert_eq!(parse(bad), Err(NotJson), "{bad:?}");
        }
        assert_eq!(parse("\"\\ud83d\\ude00\""), Ok(Json::String("😀".into())));
        assert_eq!(
            parse(&format!("{}{}", "[".repeat(128), "]".repeat(128))),
            Err(NotJson)
        );
        assert!(parse(&format!("{}{}", "[".repeat(127), "]".repeat(127))).is_ok());
    }

    #[test]
    fn writes_as_serde_json_does() {
        let mut out = String::new();
        write_str(&mut out, "a\"b\\c\n\u{1}\u{7f}é😀/");
        assert_eq!(out, "\"a\\\"b\\\\c\\n\\u0001\u{7f}é😀/\"");
    }
}
