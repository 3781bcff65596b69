//! Input: the application as it arrives, before it is typed.
//!
//! Every input form is first turned into a [`Value`] tree:
//! JSON text through our own small parser ([`Value::from_json_str`], the same
//! natively and in wasm), a JavaScript object through the wasm boundary's walker,
//! a Rust value through `serde` ([`Value::from_serialize`], native only). The tree keeps what JSON keeps — object key order and
//! duplicate keys — and marks what it cannot carry ([`Value::Unsupported`],
//! [`Value::TooLong`]) instead of failing, so the [`Reader`] can report it at its
//! path.
//!
//! Numbers are IEEE doubles, exactly as JavaScript's `JSON.parse` reads them, so the
//! native and the wasm path see the same value (an integer beyond 2⁵³ is rounded the
//! same way in both). A number is turned into text by [`number_text`] — its shortest
//! round-trip decimal form, like JavaScript's `String(n)` but never in exponent
//! notation; `-0` reads as `0`.
//!
//! [`Limits`] bound depth, the number of values and string lengths, so no input can
//! exhaust the stack or memory: past a limit, conversion stops with an
//! [`InputError`] that becomes a finding.

mod json;
mod reader;

pub use json::{rust_number, JsonError, NumberParser};
pub use reader::{last_wins, FailedPaths, FromValue, Reader, INPUT_CODES};

use std::borrow::Cow;

/// An object's entry: its key and value.
pub type Entry<'t> = (Cow<'t, str>, Value<'t>);

/// A JSON-like value tree (order- and duplicate-preserving). Strings and keys
/// parsed from JSON text borrow from it (`'t`) unless they had escapes; those
/// from JavaScript or `serde` are owned.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'t> {
    /// `null` (and, from JavaScript, `undefined`).
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A number (may be NaN or ±Infinity when it came from JavaScript).
    Number(f64),
    /// A string no longer than [`Limits::max_string_len`].
    String(Cow<'t, str>),
    /// An array.
    Array(Vec<Value<'t>>),
    /// An object: entries in input order, duplicates kept.
    Object(Vec<Entry<'t>>),
    /// A value JSON cannot represent (a JS BigInt, function, symbol, invalid Date…),
    /// described in a word.
    Unsupported(&'static str),
    /// A string longer than [`Limits::max_string_len`]; only its length (in
    /// characters) is kept.
    TooLong(usize),
}

impl<'t> Value<'t> {
    /// The JSON type name of this value, for messages (`string`, `number`, …).
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(n) if n.is_nan() => "NaN",
            Value::Number(n) if n.is_infinite() => "Infinity",
            Value::Number(_) => "number",
            Value::String(_) | Value::TooLong(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
            Value::Unsupported(what) => what,
        }
    }

    /// The last entry named `key` of an object (the one `JSON.parse` keeps).
    pub fn get(&self, key: &str) -> Option<&Value<'t>> {
        match self {
            Value::Object(entries) => entries.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The same tree owning all its text (to keep it beyond the JSON text it
    /// was parsed from).
    pub fn into_owned(self) -> Value<'static> {
        match self {
            Value::Null => Value::Null,
            Value::Bool(b) => Value::Bool(b),
            Value::Number(n) => Value::Number(n),
            Value::String(s) => Value::String(Cow::Owned(s.into_owned())),
            Value::Array(items) => Value::Array(items.into_iter().map(Value::into_owned).collect()),
            Value::Object(entries) => Value::Object(
                (entries.into_iter())
                    .map(|(k, v)| (Cow::Owned(k.into_owned()), v.into_owned()))
                    .collect(),
            ),
            Value::Unsupported(what) => Value::Unsupported(what),
            Value::TooLong(len) => Value::TooLong(len),
        }
    }

    /// Parses JSON text into a value tree within `limits`.
    ///
    /// ```
    /// use kz_eco_rules::input::{Limits, Value};
    /// let v = Value::from_json_str(r#"{"a": [1, "x"]}"#, &Limits::default()).unwrap();
    /// assert_eq!(v.get("a").map(|a| a.kind()), Some("array"));
    /// assert!(Value::from_json_str("{", &Limits::default()).is_err());
    /// ```
    pub fn from_json_str(text: &'t str, limits: &Limits) -> Result<Value<'t>, InputError> {
        json::parse(text, limits, rust_number)
    }

    /// Like [`Value::from_json_str`], with number literals read by `number` (the
    /// wasm boundary passes the JavaScript engine's correctly rounded parser, so
    /// the module carries no float parser of its own).
    pub fn from_json_str_with(
        text: &'t str,
        limits: &Limits,
        number: NumberParser,
    ) -> Result<Value<'t>, InputError> {
        json::parse(text, limits, number)
    }

    /// Converts any `Serialize` value (e.g. a Rust [`crate::Application`]) into a tree.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_serialize<T: serde::Serialize>(value: &T) -> Result<Value<'t>, InputError> {
        let json = serde_json::to_value(value).map_err(|e| InputError::Serialize(e.to_string()))?;
        Ok(Value::from_json_value(json))
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn from_json_value(v: serde_json::Value) -> Value<'t> {
        match v {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(b),
            serde_json::Value::Number(n) => Value::Number(n.as_f64().unwrap_or(f64::NAN)),
            serde_json::Value::String(s) => Value::String(Cow::Owned(s)),
            serde_json::Value::Array(a) => {
                Value::Array(a.into_iter().map(Value::from_json_value).collect())
            }
            serde_json::Value::Object(o) => Value::Object(
                o.into_iter()
                    .map(|(k, v)| (Cow::Owned(k), Value::from_json_value(v)))
                    .collect(),
            ),
        }
    }
}

/// The shortest decimal text of a finite number, without exponent; `None` for NaN
/// and ±Infinity. `-0` gives `"0"`, as JavaScript's `String(-0)` does.
///
/// ```
/// use kz_eco_rules::input::number_text;
/// assert_eq!(number_text(12.5).as_deref(), Some("12.5"));
/// assert_eq!(number_text(0.1 + 0.2).as_deref(), Some("0.30000000000000004"));
/// assert_eq!(number_text(1e21).as_deref(), Some("1000000000000000000000"));
/// assert_eq!(number_text(-0.0).as_deref(), Some("0"));
/// assert_eq!(number_text(f64::NAN), None);
/// ```
pub fn number_text(n: f64) -> Option<String> {
    if !n.is_finite() {
        return None;
    }
    if n == 0.0 {
        return Some("0".to_owned());
    }
    // The shortest text that reads back as `n`, with an exponent when large or
    // small: natively zmij's; in wasm the engine's own `String(n)`, the same digits
    // (the shortest, then the closest), so the module carries no float printer.
    #[cfg(not(target_arch = "wasm32"))]
    let text = expand_exponent(zmij::Buffer::new().format_finite(n));
    #[cfg(target_arch = "wasm32")]
    let text = expand_exponent(&js_string(n));
    Some(text)
}

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// JavaScript's `String(n)`: the shortest text that reads back as `n`.
    #[wasm_bindgen(js_name = String)]
    fn js_string(n: f64) -> String;
}

/// Rewrites `d.ddde±x` (and `dd.0`) as a plain decimal: `1.5e-7` → `0.00000015`,
/// `1e+21` → `1000000000000000000000`, `100.0` → `100`.
fn expand_exponent(s: &str) -> String {
    let (sign, s) = match s.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", s),
    };
    let (mantissa, exp) = match crate::text::split_once_any(s, b"eE") {
        Some((m, e)) => {
            let e = crate::text::signed_digits_value(crate::text::trim_start_byte(e, b'+'));
            (m, e.and_then(|e| i32::try_from(e).ok()).unwrap_or(0))
        }
        None => (s, 0),
    };
    let (int_part, frac_part) = crate::text::split_once(mantissa, ".").unwrap_or((mantissa, ""));
    let all_digits = crate::text::concat(&[int_part, frac_part]);
    // Canonical form: no leading zeros (each one moves the point left), no
    // trailing zeros.
    let digits = crate::text::trim_start_byte(&all_digits, b'0');
    let leading_zeros = all_digits.len() - digits.len();
    let digits = crate::text::trim_end_byte(digits, b'0');
    if digits.is_empty() {
        return "0".to_owned();
    }
    // Position of the decimal point within `digits`.
    let point = i32::try_from(int_part.len())
        .unwrap_or(i32::MAX)
        .saturating_add(exp)
        .saturating_sub(i32::try_from(leading_zeros).unwrap_or(i32::MAX));
    let mut out = String::from(sign);
    if point <= 0 {
        out.push_str("0.");
        crate::text::push_repeat(&mut out, '0', point.unsigned_abs() as usize);
        out.push_str(digits);
    } else {
        let point = point as usize;
        let (int, frac) = digits.split_at_checked(point).unwrap_or((digits, ""));
        out.push_str(int);
        crate::text::push_repeat(&mut out, '0', point.saturating_sub(int.len()));
        if !frac.is_empty() {
            out.push('.');
            out.push_str(frac);
        }
    }
    out
}

/// Bounds on input size, checked while the tree is built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Maximum nesting of arrays/objects (the application itself needs 7).
    pub max_depth: usize,
    /// Maximum number of values in the whole tree.
    pub max_values: usize,
    /// Maximum length of one string, in characters (Unicode scalar values, what
    /// an applicant counts; longer ones become [`Value::TooLong`] and a finding).
    pub max_string_len: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_depth: 32,
            max_values: 2_000_000,
            max_string_len: 64 * 1024,
        }
    }
}

/// Why an input could not be turned into a value tree at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    /// The text is not JSON.
    Json {
        /// 1-based line of the error.
        line: usize,
        /// 1-based column (in characters) of the error.
        column: usize,
        /// Why: a [`JsonError::id`].
        detail: String,
    },
    /// Nesting deeper than [`Limits::max_depth`].
    TooDeep(usize),
    /// More values than [`Limits::max_values`].
    TooLarge(usize),
    /// An object key longer than [`Limits::max_string_len`].
    KeyTooLong(usize),
    /// A JavaScript value could not be read (e.g. a getter threw).
    Js(String),
    /// A Rust value could not be serialized.
    Serialize(String),
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for InputError {}

impl InputError {
    /// The error's text (its `Display`), written without core's formatting.
    pub fn message(&self) -> String {
        use crate::text::{concat, uint};
        let n = |n: usize| uint(n as u64);
        match self {
            InputError::Json {
                line,
                column,
                detail,
            } => concat(&[
                "malformed JSON at line ",
                &n(*line),
                ", column ",
                &n(*column),
                ": ",
                detail,
            ]),
            InputError::TooDeep(max) => concat(&["input nested deeper than ", &n(*max), " levels"]),
            InputError::TooLarge(max) => concat(&["input has more than ", &n(*max), " values"]),
            InputError::KeyTooLong(max) => concat(&["object key longer than ", &n(*max), " bytes"]),
            InputError::Js(why) => concat(&["JavaScript value could not be read: ", why]),
            InputError::Serialize(why) => concat(&["value could not be serialized: ", why]),
        }
    }

    /// The finding that reports this error (at the root path).
    pub fn to_finding(&self) -> crate::findings::Finding {
        use crate::findings::{Param, TermKind};
        use reader::finding;
        match self {
            InputError::Json {
                line,
                column,
                detail,
            } => finding::malformed_json(
                "",
                *line,
                *column,
                Param::Term(TermKind::JsonError, detail.clone()),
            ),
            InputError::TooDeep(limit) => finding::too_deep("", *limit),
            InputError::TooLarge(limit) => finding::too_large("", *limit),
            InputError::KeyTooLong(limit) => finding::key_too_long("", *limit),
            InputError::Js(detail) | InputError::Serialize(detail) => {
                finding::unreadable("", detail.as_str())
            }
        }
    }
}

/// Tracks depth and value count while a tree is built (shared by the JSON reader
/// and the wasm boundary's JavaScript walker).
#[derive(Debug, Clone)]
pub struct Budget {
    limits: Limits,
    values: usize,
}

impl Budget {
    /// A fresh budget.
    pub fn new(limits: Limits) -> Self {
        Budget { limits, values: 0 }
    }

    /// Accounts for one more value at nesting `depth` (0 = the root).
    pub fn admit(&mut self, depth: usize) -> Result<(), InputError> {
        if depth > self.limits.max_depth {
            return Err(InputError::TooDeep(self.limits.max_depth));
        }
        self.values = self.values.saturating_add(1);
        if self.values > self.limits.max_values {
            return Err(InputError::TooLarge(self.limits.max_values));
        }
        Ok(())
    }

    /// Checks an object key against the string length limit (a key is never
    /// shortened: past the limit the whole input is refused, on both paths, just
    /// before the key's value is read).
    pub fn key(&self, key: &str) -> Result<(), InputError> {
        if chars_over(key, self.limits.max_string_len).is_some() {
            Err(InputError::KeyTooLong(self.limits.max_string_len))
        } else {
            Ok(())
        }
    }

    /// A string value, or [`Value::TooLong`] past the length limit (no copy
    /// when it fits).
    pub fn string<'t>(&self, s: Cow<'t, str>) -> Value<'t> {
        match chars_over(&s, self.limits.max_string_len) {
            Some(len) => Value::TooLong(len),
            None => Value::String(s),
        }
    }

    /// The limits in force.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }
}

/// The length of `s` in characters when it is more than `limit` characters
/// (counted only when its UTF-8 bytes are more: characters ≤ bytes).
///
/// ```
/// use kz_eco_rules::input::chars_over;
/// assert_eq!(chars_over("ЖСН", 3), None); // 6 bytes, 3 characters
/// assert_eq!(chars_over("ЖСН/БСН", 3), Some(7));
/// ```
pub fn chars_over(s: &str, limit: usize) -> Option<usize> {
    if s.len() <= limit {
        return None;
    }
    let len = crate::text::char_count(s);
    (len > limit).then_some(len)
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test(unsupported = test)]
    fn error_messages_read_as_formatted() {
        let json = InputError::Json {
            line: 12,
            column: 3,
            detail: "unexpected_end".into(),
        };
        let cases = [
            (json, "malformed JSON at line 12, column 3: unexpected_end"),
            (
                InputError::TooDeep(128),
                "input nested deeper than 128 levels",
            ),
            (InputError::TooLarge(0), "input has more than 0 values"),
            (
                InputError::KeyTooLong(4096),
                "object key longer than 4096 bytes",
            ),
            (
                InputError::Js("x".into()),
                "JavaScript value could not be read: x",
            ),
            (
                InputError::Serialize("y".into()),
                "value could not be serialized: y",
            ),
        ];
        for (e, want) in cases {
            assert_eq!(e.message(), want);
            assert_eq!(e.to_string(), want);
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn json_keeps_order_and_duplicates_last_wins() {
        let v = Value::from_json_str(r#"{"b":1,"a":2,"b":3}"#, &Limits::default()).unwrap();
        match &v {
            Value::Object(e) => {
                let keys: Vec<&str> = e.iter().map(|(k, _)| &**k).collect();
                assert_eq!(keys, ["b", "a", "b"]);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(v.get("b"), Some(&Value::Number(3.0)));
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn depth_limit_stops_deep_nesting() {
        let deep = "[".repeat(10_000) + &"]".repeat(10_000);
        let err = Value::from_json_str(&deep, &Limits::default()).unwrap_err();
        assert_eq!(err, InputError::TooDeep(32));
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn value_limit_stops_huge_arrays() {
        let limits = Limits {
            max_values: 100,
            ..Limits::default()
        };
        let big = format!("[{}0]", "0,".repeat(200));
        assert_eq!(
            Value::from_json_str(&big, &limits).unwrap_err(),
            InputError::TooLarge(100)
        );
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn long_strings_become_too_long_markers() {
        let limits = Limits {
            max_string_len: 4,
            ..Limits::default()
        };
        let v = Value::from_json_str(r#"["abcd","abcde"]"#, &limits).unwrap();
        assert_eq!(
            v,
            Value::Array(vec![Value::String("abcd".into()), Value::TooLong(5)])
        );
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn malformed_json_reports_line_and_column() {
        match Value::from_json_str("{\n  \"a\": 1x\n}", &Limits::default()) {
            Err(InputError::Json {
                line,
                column,
                detail,
            }) => {
                assert_eq!(
                    (line, column, detail.as_str()),
                    (2, 9, "expected_comma_or_end")
                );
            }
            other => panic!("{other:?}"),
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn number_text_is_plain_and_round_trips() {
        for (n, want) in [
            (1e21, "1000000000000000000000"),
            (1.5e-7, "0.00000015"),
            (100.0, "100"),
            (-2.5, "-2.5"),
        ] {
            assert_eq!(number_text(n).as_deref(), Some(want));
        }
        for (s, want) in [
            ("1e21", "1000000000000000000000"),
            ("-1.5e-7", "-0.00000015"),
            ("1.2345e2", "123.45"),
            ("1.2345E+4", "12345"),
            ("12.5e-1", "1.25"),
            ("100.0", "100"),
            ("0.001", "0.001"),
            ("00.0100", "0.01"),
            ("-0.0", "0"),
        ] {
            assert_eq!(expand_exponent(s), want, "{s}");
        }
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let n = f64::from_bits(x);
            if n.is_finite() && n != 0.0 {
                let text = number_text(n).unwrap();
                assert!(!text.contains(['e', 'E']), "{text}");
                // Canonical: no leading zero before the integer part, no trailing
                // fractional zero.
                let body = text.trim_start_matches('-');
                assert!(!body.starts_with('0') || body.starts_with("0."), "{text}");
                assert!(
                    !(text.contains('.') && text.ends_with(['0', '.'])),
                    "{text}"
                );
                assert_eq!(text.parse::<f64>().unwrap(), n, "{text}");
            }
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn big_integers_read_like_javascript() {
        // 2^53 + 1 is not a double; JSON.parse gives 2^53.
        let v = Value::from_json_str("9007199254740993", &Limits::default()).unwrap();
        assert_eq!(v, Value::Number(9_007_199_254_740_992.0));
        let v = Value::from_json_str("-0", &Limits::default()).unwrap();
        assert_eq!(
            number_text(match v {
                Value::Number(n) => n,
                _ => f64::NAN,
            })
            .as_deref(),
            Some("0")
        );
    }
}
