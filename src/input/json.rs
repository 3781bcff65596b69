//! JSON text → [`Value`]: a small RFC 8259 parser, the same natively and in wasm.
//!
//! It keeps what the [`Value`] tree needs — order and duplicate keys, depth and size limits, 1-based line and
//! column of errors — and leaves the one hard part, turning a number literal into
//! the nearest double, to a [`NumberParser`]: Rust's `str::parse` natively, the
//! JavaScript engine's in wasm. Both round correctly (nearest, ties to even), so
//! both sides read every literal as the same double, exactly as `JSON.parse` does.
//!
//! Differences from `JSON.parse`: none for valid JSON, except that a lone UTF-16
//! surrogate escape (`"\ud800"`) becomes U+FFFD, as it does when JavaScript hands
//! such a string to Rust, and that duplicate keys are kept (the reader warns about
//! them and uses the last, as `JSON.parse` does). Keys are in `JSON.parse`'s
//! order: array indices first (see [`js_property_order`]). Invalid JSON is
//! rejected with a [`JsonError`] reason. Why our own parser: DESIGN.md.

use std::borrow::Cow;

use super::{Budget, Entry, InputError, Limits, Value};
#[cfg(not(target_arch = "wasm32"))]
use crate::text::{byte_offset, json_plain_len, splat};

/// Turns a JSON number literal (already checked against the grammar) into the
/// nearest double.
pub type NumberParser = fn(&str) -> Option<f64>;

/// The native [`NumberParser`]: Rust's correctly rounded `str::parse`.
pub fn rust_number(literal: &str) -> Option<f64> {
    literal.parse().ok()
}

/// Why JSON text is not valid JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonError {
    /// The text ended in the middle of a value.
    UnexpectedEnd,
    /// A character that cannot start or continue a value here.
    UnexpectedCharacter,
    /// Something after the complete value.
    TrailingCharacters,
    /// A malformed number.
    InvalidNumber,
    /// A bad `\` escape in a string.
    InvalidEscape,
    /// An unescaped control character inside a string.
    ControlCharacter,
    /// `:` missing after an object key.
    ExpectedColon,
    /// `,` or the closing bracket missing.
    ExpectedCommaOrEnd,
    /// An object key that is not a string.
    KeyMustBeString,
}

impl JsonError {
    /// A stable id of the reason (used as the `detail` parameter of
    /// `input.malformed_json`, rendered through the `json_error` terms).
    pub fn id(self) -> &'static str {
        match self {
            JsonError::UnexpectedEnd => "unexpected_end",
            JsonError::UnexpectedCharacter => "unexpected_character",
            JsonError::TrailingCharacters => "trailing_characters",
            JsonError::InvalidNumber => "invalid_number",
            JsonError::InvalidEscape => "invalid_escape",
            JsonError::ControlCharacter => "control_character",
            JsonError::ExpectedColon => "expected_colon",
            JsonError::ExpectedCommaOrEnd => "expected_comma_or_end",
            JsonError::KeyMustBeString => "key_must_be_string",
        }
    }
}

/// Parses `text` within `limits`, converting number literals with `number`.
pub(super) fn parse<'t>(
    text: &'t str,
    limits: &Limits,
    number: NumberParser,
) -> Result<Value<'t>, InputError> {
    let mut p = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        budget: Budget::new(*limits),
        number,
        items: Vec::new(),
        entries: Vec::new(),
    };
    p.skip_ws();
    let v = p.value(0)?;
    p.skip_ws();
    if p.pos < p.bytes.len() {
        return Err(p.error(JsonError::TrailingCharacters));
    }
    Ok(v)
}

struct Parser<'t> {
    text: &'t str,
    bytes: &'t [u8],
    pos: usize,
    budget: Budget,
    number: NumberParser,
    /// The items of the arrays being parsed, innermost last: each array takes
    /// its own from the end when it closes, in one allocation of the exact size
    /// (instead of growing a vector of its own item by item).
    items: Vec<Value<'t>>,
    /// The same for the entries of the objects being parsed.
    entries: Vec<Entry<'t>>,
}

impl<'t> Parser<'t> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// Moves past whitespace. Most calls meet none (between a key and its
    /// colon, a value and its comma): that test stays inline.
    #[inline]
    fn skip_ws(&mut self) {
        // Natively: none (before a colon or comma), one space (after a colon),
        // or a line end and the next line's indentation, without a call.
        #[cfg(not(target_arch = "wasm32"))]
        match self.peek() {
            Some(b) if b > b' ' => return,
            Some(b' ') if self.bytes.get(self.pos + 1).is_some_and(|&b| b > b' ') => {
                self.pos += 1;
                return;
            }
            Some(b'\n') => {
                self.pos += 1;
                self.pos += spaces_len(self.bytes.get(self.pos..).unwrap_or(&[]));
            }
            _ => {}
        }
        if self.peek().is_some_and(|b| b <= b' ') {
            self.pos += ws_len(self.bytes.get(self.pos..).unwrap_or(&[]));
        }
    }

    /// An error at the current position, with its 1-based line and column
    /// (counted in characters).
    #[inline(never)]
    fn error(&self, reason: JsonError) -> InputError {
        let before = self.text.get(..self.pos).unwrap_or(self.text);
        let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
        let line_start = crate::text::rfind_byte(before, b'\n').map_or(0, |i| i + 1);
        let column = before.get(line_start..).map_or(0, crate::text::char_count) + 1;
        InputError::Json {
            line,
            column,
            detail: reason.id().to_owned(),
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value<'t>, InputError> {
        self.budget.admit(depth)?;
        match self.peek() {
            None => Err(self.error(JsonError::UnexpectedEnd)),
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => {
                let s = self.string()?;
                Ok(self.budget.string(s))
            }
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'n') => self.literal("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error(JsonError::UnexpectedCharacter)),
        }
    }

    /// An array item or object member's value: natively a string (the commonest
    /// value) read without the call through [`Parser::value`].
    #[inline(always)]
    fn member(&mut self, depth: usize) -> Result<Value<'t>, InputError> {
        #[cfg(not(target_arch = "wasm32"))]
        if self.peek() == Some(b'"') {
            self.budget.admit(depth)?;
            let s = self.string()?;
            return Ok(self.budget.string(s));
        }
        self.value(depth)
    }

    fn literal(&mut self, word: &str, v: Value<'t>) -> Result<Value<'t>, InputError> {
        let end = self.pos + word.len();
        if self.bytes.get(self.pos..end) == Some(word.as_bytes()) {
            self.pos = end;
            Ok(v)
        } else if end > self.bytes.len()
            && self
                .bytes
                .get(self.pos..)
                .is_some_and(|rest| word.as_bytes().starts_with(rest))
        {
            self.pos = self.bytes.len();
            Err(self.error(JsonError::UnexpectedEnd))
        } else {
            Err(self.error(JsonError::UnexpectedCharacter))
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<Value<'t>, InputError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            None => return Err(self.error(JsonError::UnexpectedEnd)),
            Some(_) => return Err(self.error(JsonError::InvalidNumber)),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return Err(self.error(JsonError::InvalidNumber));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(self.error(JsonError::InvalidNumber));
            }
        }
        let literal = self.text.get(start..self.pos).unwrap_or("");
        match (self.number)(literal) {
            Some(n) => Ok(Value::Number(n)),
            None => Err(self.error(JsonError::InvalidNumber)),
        }
    }

    fn hex4(&mut self) -> Result<u32, InputError> {
        let mut v = 0u32;
        for _ in 0..4 {
            let d = match self.peek() {
                Some(b) => (b as char).to_digit(16),
                None => return Err(self.error(JsonError::UnexpectedEnd)),
            };
            let Some(d) = d else {
                return Err(self.error(JsonError::InvalidEscape));
            };
            v = v * 16 + d;
            self.pos += 1;
        }
        Ok(v)
    }

    /// A string starting at `"`: borrowed from the text when it has no escapes
    /// (the usual case, natively read inline), else decoded into an owned copy.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn string(&mut self) -> Result<Cow<'t, str>, InputError> {
        self.pos += 1;
        let run_start = self.pos;
        self.skip_plain();
        let text = self.text;
        if self.peek() == Some(b'"') {
            let s = text.get(run_start..self.pos).unwrap_or("");
            self.pos += 1;
            return Ok(Cow::Borrowed(s));
        }
        self.escaped(run_start).map(Cow::Owned)
    }

    /// The rest of a string that has escapes (or is cut short), its plain
    /// start (from `run_start`) already passed: natively out of line, so that
    /// [`Parser::string`] inlines small; in wasm inside it (the smaller code).
    #[cfg_attr(not(target_arch = "wasm32"), inline(never))]
    #[cfg_attr(target_arch = "wasm32", inline(always))]
    fn escaped(&mut self, run_start: usize) -> Result<String, InputError> {
        let mut out = String::from(self.text.get(run_start..self.pos).unwrap_or(""));
        loop {
            match self.peek() {
                None => return Err(self.error(JsonError::UnexpectedEnd)),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let Some(e) = self.peek() else {
                        return Err(self.error(JsonError::UnexpectedEnd));
                    };
                    self.pos += 1;
                    match e {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => out.push(self.unicode_escape()?),
                        _ => {
                            self.pos -= 1;
                            return Err(self.error(JsonError::InvalidEscape));
                        }
                    }
                }
                Some(_) => return Err(self.error(JsonError::ControlCharacter)),
            }
            let run_start = self.pos;
            self.skip_plain();
            out.push_str(self.text.get(run_start..self.pos).unwrap_or(""));
        }
    }

    /// Moves past string content that needs no decoding: up to the next `"`,
    /// `\\`, control character or the end of the text.
    fn skip_plain(&mut self) {
        let rest = self.bytes.get(self.pos..).unwrap_or(&[]);
        // Natively eight bytes at a time (the service's speed); the wasm keeps
        // the smaller byte loop.
        #[cfg(not(target_arch = "wasm32"))]
        let len = json_plain_len(rest);
        #[cfg(target_arch = "wasm32")]
        let len = (rest.iter())
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
            .unwrap_or(rest.len());
        self.pos += len;
    }

    /// The character of `\uXXXX` (after the `u`), joining surrogate pairs; a lone
    /// surrogate becomes U+FFFD.
    fn unicode_escape(&mut self) -> Result<char, InputError> {
        let first = self.hex4()?;
        if (0xD800..0xDC00).contains(&first)
            && self.bytes.get(self.pos..self.pos + 2) == Some(b"\\u")
        {
            let save = self.pos;
            self.pos += 2;
            let second = self.hex4()?;
            if (0xDC00..0xE000).contains(&second) {
                let c = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                return Ok(char::from_u32(c).unwrap_or('\u{FFFD}'));
            }
            self.pos = save;
        }
        Ok(char::from_u32(first).unwrap_or('\u{FFFD}'))
    }

    fn array(&mut self, depth: usize) -> Result<Value<'t>, InputError> {
        self.pos += 1;
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(Vec::new()));
        }
        let start = self.items.len();
        loop {
            self.skip_ws();
            let v = self.member(depth + 1)?;
            self.items.push(v);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    let items = tail(&mut self.items, start);
                    return Ok(Value::Array(items));
                }
                None => return Err(self.error(JsonError::UnexpectedEnd)),
                Some(_) => return Err(self.error(JsonError::ExpectedCommaOrEnd)),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value<'t>, InputError> {
        self.pos += 1;
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::Object(Vec::new()));
        }
        let start = self.entries.len();
        loop {
            self.skip_ws();
            match self.peek() {
                Some(b'"') => {}
                None => return Err(self.error(JsonError::UnexpectedEnd)),
                Some(_) => return Err(self.error(JsonError::KeyMustBeString)),
            }
            let key = self.string()?;
            self.budget.key(&key)?;
            self.skip_ws();
            match self.peek() {
                Some(b':') => self.pos += 1,
                None => return Err(self.error(JsonError::UnexpectedEnd)),
                Some(_) => return Err(self.error(JsonError::ExpectedColon)),
            }
            self.skip_ws();
            let v = self.member(depth + 1)?;
            self.entries.push((key, v));
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    let mut entries = tail(&mut self.entries, start);
                    js_property_order(&mut entries);
                    return Ok(Value::Object(entries));
                }
                None => return Err(self.error(JsonError::UnexpectedEnd)),
                Some(_) => return Err(self.error(JsonError::ExpectedCommaOrEnd)),
            }
        }
    }
}

/// The length of the whitespace at the start of `rest` (in wasm: byte by byte,
/// the smaller code).
#[cfg(target_arch = "wasm32")]
fn ws_len(rest: &[u8]) -> usize {
    (rest.iter())
        .position(|&b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
        .unwrap_or(rest.len())
}

/// The length of the whitespace at the start of `rest`: line ends and tabs
/// byte by byte, runs of spaces (the indentation of pretty-printed JSON) eight
/// bytes at a time.
#[cfg(not(target_arch = "wasm32"))]
#[inline(never)]
fn ws_len(rest: &[u8]) -> usize {
    let mut i = 0;
    loop {
        match rest.get(i) {
            Some(b' ') => {}
            Some(b'\t' | b'\n' | b'\r') => {
                i += 1;
                continue;
            }
            _ => return i,
        }
        i += spaces_len(rest.get(i..).unwrap_or(&[]));
    }
}

/// The length of the run of spaces at the start of `rest`, eight bytes at a
/// time (the indentation of pretty-printed JSON).
#[cfg(not(target_arch = "wasm32"))]
#[inline(always)]
fn spaces_len(rest: &[u8]) -> usize {
    let (words, tail) = rest.as_chunks::<8>();
    for (n, w) in words.iter().enumerate() {
        // Its lowest set bit is in the first byte that is not a space.
        let other = u64::from_le_bytes(*w) ^ splat(b' ');
        if other != 0 {
            return n * 8 + byte_offset(other);
        }
    }
    words.len() * 8 + tail.iter().take_while(|&&b| b == b' ').count()
}

/// The items of `v` from `start` on, taken out: `v.split_off(start)` for a
/// `start` within `v` (always: an array's or object's first item), without
/// `split_off`'s panic, whose message formats the two numbers (core's integer
/// formatting in the wasm).
fn tail<T>(v: &mut Vec<T>, start: usize) -> Vec<T> {
    if start <= v.len() {
        v.split_off(start)
    } else {
        Vec::new()
    }
}

/// The value of a key that is an array index for JavaScript: the canonical
/// decimal text of an integer below 2³² − 1 (`"0"`, `"10"`; not `"01"`).
fn array_index(key: &str) -> Option<u32> {
    let b = key.as_bytes();
    let canonical = matches!(b, [b'0'] | [b'1'..=b'9', ..]) && b.len() <= 10;
    if !canonical || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    crate::text::digits_value(key)
        .and_then(|n| u32::try_from(n).ok())
        .filter(|n| *n != u32::MAX)
}

/// Puts an object's entries in the order `JSON.parse` gives its properties
/// (ECMA-262 OrdinaryOwnPropertyKeys): array-index keys first, ascending, then the
/// others as written. The model has no such keys, but an unknown one may be one,
/// and its warning must come in the same place whether the application arrived
/// as JSON text or as a JavaScript object (parity case `unknown_field/index_keys`).
fn js_property_order(entries: &mut Vec<Entry<'_>>) {
    // An index key starts with a digit; a model object has none.
    if !(entries.iter()).any(|(k, _)| k.as_bytes().first().is_some_and(u8::is_ascii_digit)) {
        return;
    }
    // Plain loops: iterator adapters here were one more copy each in the wasm.
    let mut keys: Vec<u64> = Vec::new();
    for (i, (k, _)) in (0u64..).zip(entries.iter()) {
        if let Some(n) = array_index(k) {
            keys.push(u64::from(n) << 32 | i);
        }
    }
    if keys.is_empty() {
        return;
    }
    crate::keys::sort_keys(&mut keys);
    let mut slots = Vec::with_capacity(entries.len());
    for entry in std::mem::take(entries) {
        slots.push(Some(entry));
    }
    for k in keys {
        let slot = usize::try_from(k & 0xFFFF_FFFF).ok();
        if let Some(entry) = slot.and_then(|i| slots.get_mut(i)).and_then(Option::take) {
            entries.push(entry);
        }
    }
    // Not `slots.into_iter().flatten()`: its adapter costs the wasm ≈ 80 B gzip.
    #[allow(clippy::manual_flatten)]
    for entry in slots {
        if let Some(entry) = entry {
            entries.push(entry);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test(unsupported = test)]
    fn index_keys_come_first_as_in_json_parse() {
        // JSON.parse('{"b":1,"10":1,"2":1,"01":1,"4294967295":1,"4294967294":1,"a":1}')
        // has the keys 2, 10, 4294967294, b, 01, 4294967295, a.
        let v = parse(
            r#"{"b":1,"10":1,"2":1,"01":1,"4294967295":1,"4294967294":1,"a":1}"#,
            &Limits::default(),
            rust_number,
        )
        .unwrap();
        let Value::Object(entries) = v else {
            panic!("not an object")
        };
        let keys: Vec<&str> = entries.iter().map(|(k, _)| &**k).collect();
        assert_eq!(
            keys,
            ["2", "10", "4294967294", "b", "01", "4294967295", "a"]
        );
    }

    fn p(text: &str) -> Result<Value<'_>, InputError> {
        parse(text, &Limits::default(), rust_number)
    }

    fn reason(text: &str) -> (usize, usize, String) {
        match p(text) {
            Err(InputError::Json {
                line,
                column,
                detail,
            }) => (line, column, detail),
            other => panic!("{text:?}: {other:?}"),
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn parses_every_kind_of_value() {
        let v = p(r#" {"a": [1, -2.5e3, true, false, null, "x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"], "a": {}} "#).unwrap();
        let Value::Object(e) = &v else { panic!() };
        assert_eq!(e.len(), 2);
        assert_eq!(
            e[0].1,
            Value::Array(vec![
                Value::Number(1.0),
                Value::Number(-2500.0),
                Value::Bool(true),
                Value::Bool(false),
                Value::Null,
                Value::String("x\"\\/\u{8}\u{c}\n\r\té😀".into()),
            ])
        );
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn invalid_json_gives_reason_line_and_column() {
        assert_eq!(reason("{\n  \"a\" 1\n}"), (2, 7, "expected_colon".into()));
        assert_eq!(reason("[1, 2"), (1, 6, "unexpected_end".into()));
        assert_eq!(reason("[1 2]"), (1, 4, "expected_comma_or_end".into()));
        assert_eq!(reason("{1: 2}"), (1, 2, "key_must_be_string".into()));
        assert_eq!(reason("01"), (1, 2, "trailing_characters".into()));
        assert_eq!(reason("1."), (1, 3, "invalid_number".into()));
        assert_eq!(reason("-"), (1, 2, "unexpected_end".into()));
        assert_eq!(reason("\"a\\x\""), (1, 4, "invalid_escape".into()));
        assert_eq!(reason("\"a\nb\""), (1, 3, "control_character".into()));
        assert_eq!(reason("tru"), (1, 4, "unexpected_end".into()));
        assert_eq!(reason("trux"), (1, 1, "unexpected_character".into()));
        assert_eq!(reason("\u{feff}{}"), (1, 1, "unexpected_character".into()));
        assert_eq!(reason("«{}»"), (1, 1, "unexpected_character".into()));
        assert_eq!(
            reason("{\"ключ\": x}"),
            (1, 10, "unexpected_character".into())
        );
        assert_eq!(reason(""), (1, 1, "unexpected_end".into()));
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn string_ends_and_escapes_are_found_at_every_offset() {
        // Runs of every length up to 19 characters, with
        // multi-byte characters, before a quote, an escape or a control character.
        for n in 0..20 {
            let run: String = "aж€".chars().cycle().take(n).collect();
            assert_eq!(
                p(&format!("\"{run}\"")).unwrap(),
                Value::String(run.clone().into())
            );
            assert_eq!(
                p(&format!("\"{run}\\n{run}\"")).unwrap(),
                Value::String(format!("{run}\n{run}").into())
            );
            let column = run.chars().count() + 2;
            assert_eq!(
                reason(&format!("\"{run}\u{1f}\"")),
                (1, column, "control_character".into())
            );
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn every_ascii_byte_at_every_offset_of_a_word() {
        // The word-at-a-time scans must stop at exactly the bytes the grammar
        // stops at, wherever they fall in a word and whatever precedes them
        // (a byte one above a stopping byte must not look like it).
        for b in 1u8..0x80 {
            for off in 0..17 {
                let c = char::from(b);
                let run = |n| "a".repeat(n);
                let text = format!("\"{}{c}{}\"", run(off), run(17 - off));
                let column = off + 2;
                match b {
                    b'"' => {
                        assert_eq!(reason(&text), (1, column + 1, "trailing_characters".into()))
                    }
                    b'\\' => assert_eq!(reason(&text), (1, column + 1, "invalid_escape".into())),
                    0..0x20 => assert_eq!(reason(&text), (1, column, "control_character".into())),
                    _ => assert_eq!(
                        p(&text).unwrap(),
                        Value::String(format!("{}{c}{}", run(off), run(17 - off)).into())
                    ),
                }
                // After a run of spaces, or a line end and its indentation:
                // whitespace is skipped, anything else is where the next token
                // starts.
                let spaces = " ".repeat(off);
                for text in [
                    format!("[true{spaces}{c}{spaces}]"),
                    format!("[true\n{spaces}{c}\n{spaces}]"),
                ] {
                    match b {
                        b' ' | b'\t' | b'\n' | b'\r' => {
                            assert_eq!(p(&text).unwrap(), Value::Array(vec![Value::Bool(true)]));
                        }
                        _ => assert!(p(&text).is_err(), "{text:?}"),
                    }
                }
            }
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn lone_surrogates_become_replacement_characters() {
        assert_eq!(
            p(r#""\ud800x\udc00""#).unwrap(),
            Value::String("\u{fffd}x\u{fffd}".into())
        );
    }
}
