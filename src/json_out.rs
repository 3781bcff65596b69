//! JSON text of results: a small `serde` serializer writing compact JSON, the same
//! text `serde_json::to_string` writes for every result type of the crate (tested
//! below).
//!
//! The wasm boundary returns each result as this text and one `JSON.parse`, which
//! gives the same plain objects as `serde-wasm-bindgen` (why: DESIGN.md).
//!
//! ```
//! use kz_eco_rules::{json_out, validate_json, Options};
//! let report = validate_json("{}", &Options::default());
//! let text = json_out::to_string(&report).unwrap();
//! assert!(text.starts_with(r#"{"ok":false,"lang":"ru","edition":null,"counts":{"#));
//! ```

use serde::ser;
use serde::Serialize;

/// Why a value has no JSON text: an integer JavaScript cannot hold exactly (beyond
/// ±(2⁵³ − 1), refused like `serde-wasm-bindgen` refuses it), a map key that is not
/// a string, or a `Serialize` impl reporting an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("value cannot be written as JSON for JavaScript")]
pub struct Unrepresentable;

impl ser::Error for Unrepresentable {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Unrepresentable
    }
}

/// The compact JSON text of `value`.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, Unrepresentable> {
    let mut w = Writer(String::with_capacity(256));
    value.serialize(&mut w)?;
    Ok(w.0)
}

/// The serializer: appends JSON text to its string.
struct Writer(String);

/// Largest integer a JavaScript number holds exactly.
const MAX_SAFE: u64 = (1 << 53) - 1;

impl Writer {
    #[inline(never)]
    fn string(&mut self, s: &str) {
        let out = &mut self.0;
        out.reserve(s.len() + 2);
        out.push('"');
        // Natively the plain start of the string is found eight bytes at a time
        // (most strings are plain to their end); the wasm keeps the byte loop.
        #[cfg(not(target_arch = "wasm32"))]
        let plain = crate::text::json_plain_len(s.as_bytes());
        #[cfg(target_arch = "wasm32")]
        let plain = 0;
        let mut start = 0;
        for (i, b) in s.bytes().enumerate().skip(plain) {
            let escape = match b {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0x08 => "\\b",
                0x0c => "\\f",
                0..=0x1f => "",
                _ => continue,
            };
            out.push_str(s.get(start..i).unwrap_or(""));
            if escape.is_empty() {
                out.push_str("\\u00");
                for d in [b >> 4, b & 0xf] {
                    out.push(char::from_digit(u32::from(d), 16).unwrap_or('0'));
                }
            } else {
                out.push_str(escape);
            }
            start = i + 1;
        }
        out.push_str(s.get(start..).unwrap_or(""));
        out.push('"');
    }

    #[inline(never)]
    fn integer(&mut self, negative: bool, magnitude: u64) -> Result<(), Unrepresentable> {
        if magnitude > MAX_SAFE {
            return Err(Unrepresentable);
        }
        if negative {
            self.0.push('-');
        }
        let mut digits = [0u8; 20];
        let mut n = magnitude;
        let mut i = digits.len();
        loop {
            i -= 1;
            if let Some(d) = digits.get_mut(i) {
                *d = b'0' + (n % 10) as u8;
            }
            n /= 10;
            if n == 0 {
                break;
            }
        }
        for d in digits.get(i..).unwrap_or(&[]) {
            self.0.push(char::from(*d));
        }
        Ok(())
    }

    /// Opens an object or array; `Compound` writes the separators and the close.
    fn open(&mut self, bracket: char, close: char) -> Compound<'_> {
        self.0.push(bracket);
        Compound {
            w: self,
            first: true,
            close,
        }
    }
}

/// An object or array being written.
struct Compound<'a> {
    w: &'a mut Writer,
    first: bool,
    close: char,
}

impl Compound<'_> {
    #[inline(never)]
    fn comma(&mut self) {
        if !std::mem::take(&mut self.first) {
            self.w.0.push(',');
        }
    }

    fn key(&mut self, key: &str) {
        self.comma();
        self.w.string(key);
        self.w.0.push(':');
    }

    /// A struct field's name: natively written as it is (a Rust field name or
    /// a `rename` of ours, nothing to escape).
    fn field_name(&mut self, key: &'static str) {
        #[cfg(not(target_arch = "wasm32"))]
        {
            debug_assert_eq!(crate::text::json_plain_len(key.as_bytes()), key.len());
            self.comma();
            let out = &mut self.w.0;
            out.push('"');
            out.push_str(key);
            out.push_str("\":");
        }
        #[cfg(target_arch = "wasm32")]
        self.key(key);
    }

    fn finish(self) {
        self.w.0.push(self.close);
    }
}

type Done = Result<(), Unrepresentable>;

impl<'a> ser::Serializer for &'a mut Writer {
    type Ok = ();
    type Error = Unrepresentable;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Done {
        self.0.push_str(if v { "true" } else { "false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Done {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Done {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Done {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i64(self, v: i64) -> Done {
        self.integer(v < 0, v.unsigned_abs())
    }
    fn serialize_u8(self, v: u8) -> Done {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Done {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Done {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Done {
        self.integer(false, v)
    }
    fn serialize_f32(self, v: f32) -> Done {
        self.serialize_f64(f64::from(v))
    }
    /// The shortest decimal that reads back as `v`; `null` for NaN and ±Infinity
    /// (as `JSON.stringify` and `serde_json` write them).
    fn serialize_f64(self, v: f64) -> Done {
        match crate::input::number_text(v) {
            Some(text) => self.0.push_str(&text),
            None => self.0.push_str("null"),
        }
        Ok(())
    }
    fn serialize_char(self, v: char) -> Done {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Done {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Done {
        use ser::SerializeSeq;
        let mut seq = self.serialize_seq(Some(v.len()))?;
        for b in v {
            seq.serialize_element(b)?;
        }
        seq.end()
    }
    fn serialize_none(self) -> Done {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Done {
        self.0.push_str("null");
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Done {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Done {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Done {
        let mut object = self.open('{', '}');
        object.key(variant);
        value.serialize(&mut *object.w)?;
        object.finish();
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, Unrepresentable> {
        Ok(self.open('[', ']'))
    }
    fn serialize_tuple(self, _: usize) -> Result<Compound<'a>, Unrepresentable> {
        Ok(self.open('[', ']'))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, Unrepresentable> {
        Ok(self.open('[', ']'))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, Unrepresentable> {
        // `{"variant":[…]}`: the outer object is closed by `end`.
        self.0.push('{');
        self.string(variant);
        self.0.push(':');
        Ok(self.open('[', ']'))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>, Unrepresentable> {
        Ok(self.open('{', '}'))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, Unrepresentable> {
        Ok(self.open('{', '}'))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, Unrepresentable> {
        self.0.push('{');
        self.string(variant);
        self.0.push(':');
        Ok(self.open('{', '}'))
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Unrepresentable;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.comma();
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Done {
        self.finish();
        Ok(())
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = Unrepresentable;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Done {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = Unrepresentable;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Done {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleVariant for Compound<'_> {
    type Ok = ();
    type Error = Unrepresentable;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Done {
        self.w.0.push_str("]}");
        Ok(())
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Unrepresentable;
    /// Keys must serialize as strings (JSON object keys).
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Done {
        self.comma();
        let start = self.w.0.len();
        key.serialize(&mut *self.w)?;
        if self.w.0.as_bytes().get(start) != Some(&b'"') {
            return Err(Unrepresentable);
        }
        self.w.0.push(':');
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Done {
        self.finish();
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Unrepresentable;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Done {
        self.field_name(key);
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Done {
        self.finish();
        Ok(())
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = Unrepresentable;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Done {
        ser::SerializeStruct::serialize_field(self, key, value)
    }
    fn end(self) -> Done {
        self.w.0.push_str("}}");
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn same_as_serde_json<T: Serialize + ?Sized>(value: &T) {
        assert_eq!(
            to_string(value).unwrap(),
            serde_json::to_string(value).unwrap()
        );
    }

    #[derive(Serialize)]
    enum E {
        Unit,
        New(u8),
        Tuple(i8, &'static str),
        Struct { a: Option<bool>, b: () },
    }

    #[derive(Serialize)]
    struct S<'a> {
        text: &'a str,
        n: i64,
        list: Vec<E>,
        map: BTreeMap<&'a str, f64>,
        tuple: (u16, char),
        bytes: &'a [u8],
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<u8>,
    }

    /// The escape scan (natively eight bytes at a time) stops at exactly the
    /// bytes JSON escapes, wherever they fall in a word.
    #[wasm_bindgen_test(unsupported = test)]
    fn every_ascii_byte_at_every_offset_is_written_as_serde_json_writes_it() {
        for b in 0u8..0x80 {
            for off in 0..17 {
                let c = char::from(b);
                same_as_serde_json(&format!(
                    "{}{c}{}",
                    "a".repeat(off),
                    "ж".repeat(9 - off / 2)
                ));
                same_as_serde_json(&format!("{}{c}", "ә".repeat(off)));
            }
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn writes_what_serde_json_writes() {
        let texts = [
            "",
            "plain",
            "quote \" backslash \\ slash /",
            "\n\r\t\u{8}\u{c}\u{0}\u{1f}\u{7f}",
            "Қазақ «тілі» — €, 𝄞, \u{2028}",
        ];
        for text in texts {
            same_as_serde_json(text);
            let s = S {
                text,
                n: -(1 << 53) + 1,
                list: vec![
                    E::Unit,
                    E::New(7),
                    E::Tuple(-1, text),
                    E::Struct { a: None, b: () },
                ],
                map: [(text, 0.1), ("b", -2.5), ("c", 1234.5), ("d", f64::NAN)]
                    .into_iter()
                    .collect(),
                tuple: (65535, 'ё'),
                bytes: &[0, 255],
                skipped: None,
            };
            same_as_serde_json(&s);
        }
        for n in [0, 1, 9, 10, 12345, MAX_SAFE as i64, -(MAX_SAFE as i64)] {
            same_as_serde_json(&n);
        }
        same_as_serde_json(&[u64::from(u32::MAX); 2]);
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn integers_beyond_javascript_precision_are_refused() {
        assert_eq!(to_string(&(1u64 << 53)), Err(Unrepresentable));
        assert_eq!(to_string(&i64::MIN), Err(Unrepresentable));
        assert_eq!(to_string(&u64::MAX), Err(Unrepresentable));
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn map_keys_must_be_strings() {
        let m: BTreeMap<u8, u8> = [(1, 2)].into_iter().collect();
        assert_eq!(to_string(&m), Err(Unrepresentable));
    }
}
