//! The one-line answer about one identifier, shared by the command line
//! (`kz-eco-rules id --jsonl`) and JavaScript (`validateIdentifier(s)`), so both
//! give byte-identical JSON.

use std::borrow::Cow;

use serde::{Serialize, Serializer};

use super::{parse, Attribute, EntityType, Identifier, Kind, Sex, NOT_A_STRING, WRONG_LENGTH};
use crate::calendar::Date;
use crate::input::{number_text, InputError, Limits, Value};

/// What is known about one input:
/// `{"input": "871008401427", "valid": true, "kind": "iin", "code": null,
///   "fields": {"birth_date": "1987-10-08", "sex": "female", "century": 20}}`.
///
/// - `input`: the string as read (untrimmed; a lone UTF-16 surrogate is U+FFFD,
///   as everywhere the input is read). For a value that is not a string, its text
///   (`868795643215`, `true`, `null`) or, for anything else, its JSON type
///   (`object`, `array` — also when it is beyond the input limits), with code
///   `ident.not_a_string`. A string longer than the input limits' string length
///   is not kept: `""` with `ident.wrong_length`.
/// - `kind`: `iin` / `bin` when the input is 12 ASCII digits whose 5th digit is
///   0–3 / 4–6, even if the number is invalid; otherwise `null`.
/// - `code`: `null` when valid, else the `ident.*` code of the reason.
/// - `fields`: the decoded facts of a valid number; `{}` when invalid.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(schema, derive(schemars::JsonSchema))]
#[cfg_attr(schema, schemars(rename = "IdentifierVerdict"))]
pub struct Verdict<'a> {
    /// The input as given.
    pub input: Cow<'a, str>,
    /// True when the input is a valid ИИН or БИН.
    pub valid: bool,
    /// Which identifier the 12 digits are, if that can be told.
    pub kind: Option<Kind>,
    /// The reason's finding code when invalid.
    pub code: Option<&'static str>,
    /// Decoded facts of a valid number.
    pub fields: Fields,
}

/// Facts decoded from a valid number (`{}` for an invalid one).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(schema, derive(schemars::JsonSchema))]
#[cfg_attr(schema, schemars(rename = "IdentifierFields"))]
#[serde(untagged)]
pub enum Fields {
    /// Of an ИИН.
    Iin(IinFields),
    /// Of a БИН.
    Bin(BinFields),
    /// Nothing (invalid input).
    None(NoFields),
}

/// Facts of an ИИН.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(schema, derive(schemars::JsonSchema))]
pub struct IinFields {
    /// Date of birth, `YYYY-MM-DD`.
    #[serde(serialize_with = "display")]
    #[cfg_attr(schema, schemars(with = "String"))]
    pub birth_date: Date,
    /// `male` or `female`.
    pub sex: Sex,
    /// Century of birth as the standard counts it: 19, 20 or 21.
    pub century: u8,
}

/// Facts of a БИН.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(schema, derive(schemars::JsonSchema))]
pub struct BinFields {
    /// Month of registration, `YYYY-MM`.
    #[serde(serialize_with = "display")]
    #[cfg_attr(schema, schemars(with = "String"))]
    pub registered: super::YearMonth,
    /// Type of entity (5th digit).
    pub entity_type: EntityType,
    /// Which unit (6th digit).
    pub attribute: Attribute,
}

/// No facts: serialized as `{}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(schema, derive(schemars::JsonSchema))]
#[cfg_attr(schema, schemars(rename = "NoIdentifierFields"))]
pub struct NoFields {}

fn display<T: std::fmt::Display, S: Serializer>(value: &T, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(value)
}

impl<'a> Verdict<'a> {
    /// The verdict on a text (any ИИН or БИН, told apart by the 5th digit).
    ///
    /// ```
    /// use kz_eco_rules::ident::Verdict;
    /// let v = Verdict::of_text("940140000385");
    /// assert_eq!(serde_json::to_string(&v).unwrap(),
    ///     r#"{"input":"940140000385","valid":true,"kind":"bin","code":null,"fields":{"registered":"1994-01","entity_type":"resident_legal_entity","attribute":"head_office"}}"#);
    /// let v = Verdict::of_text("940140000380");
    /// assert_eq!((v.valid, v.code), (false, Some("ident.checksum_mismatch")));
    /// ```
    pub fn of_text(text: impl Into<Cow<'a, str>>) -> Verdict<'a> {
        let input = text.into();
        let (kind, code, fields) = match parse::parse_identifier(&input) {
            Ok(id) => (Some(id.kind()), None, Fields::of(&id)),
            Err(reason) => {
                let kind = parse::digits(&input).ok().and_then(|d| parse::kind_of(&d));
                (kind, Some(reason.code()), Fields::None(NoFields {}))
            }
        };
        Verdict {
            input,
            valid: code.is_none(),
            kind,
            code,
            fields,
        }
    }

    /// The verdict on a string read within `limits`, as every input is: a string
    /// longer than [`Limits::max_string_len`] UTF-8 bytes is not kept (`input`
    /// `""`, `ident.wrong_length`) — the same answer a JSON line or a JavaScript
    /// value with that string gets, checked before anything else.
    ///
    /// ```
    /// use kz_eco_rules::ident::Verdict;
    /// use kz_eco_rules::input::Limits;
    /// let limits = Limits::default();
    /// assert_eq!(Verdict::of_string("871008401427", &limits).valid, true);
    /// let long = "1".repeat(limits.max_string_len + 1);
    /// let v = Verdict::of_string(long.as_str(), &limits);
    /// assert_eq!((v.input.as_ref(), v.code), ("", Some("ident.wrong_length")));
    /// ```
    pub fn of_string(text: impl Into<Cow<'a, str>>, limits: &Limits) -> Verdict<'a> {
        let text = text.into();
        if text.len() > limits.max_string_len {
            Verdict::rejected(Cow::Borrowed(""), WRONG_LENGTH)
        } else {
            Verdict::of_text(text)
        }
    }

    /// The verdict on one line of JSON text (`kz-eco-rules id --jsonl`): the
    /// value it holds, read within `limits`. A line that is JSON but beyond the
    /// limits (nested too deep, too many values, a key too long) is a value that
    /// is not a string: `ident.not_a_string` with its JSON type, like the
    /// JavaScript value `JSON.parse` makes of it. `Err` only for a line that is
    /// not JSON (as far as the reader read before a limit stopped it).
    ///
    /// ```
    /// use kz_eco_rules::ident::Verdict;
    /// use kz_eco_rules::input::Limits;
    /// let limits = Limits::default();
    /// let v = Verdict::of_json(r#""871008401427""#, &limits).unwrap();
    /// assert!(v.valid);
    /// let deep = format!("{}{}", "[".repeat(40), "]".repeat(40));
    /// let v = Verdict::of_json(&deep, &limits).unwrap();
    /// assert_eq!((v.input.as_ref(), v.code), ("array", Some("ident.not_a_string")));
    /// assert!(Verdict::of_json("87100840142x", &limits).is_err());
    /// ```
    pub fn of_json(line: &'a str, limits: &Limits) -> Result<Verdict<'a>, InputError> {
        // Nearly every line is a string without escapes: borrowed, not parsed.
        let trimmed = line.trim_matches([' ', '\t', '\n', '\r']);
        if let Some(inner) = (trimmed.strip_prefix('"')).and_then(|t| t.strip_suffix('"')) {
            if !inner.bytes().any(|b| b == b'"' || b == b'\\' || b < 0x20) {
                return Ok(Verdict::of_string(inner, limits));
            }
        }
        match Value::from_json_str(line, limits) {
            Ok(Value::String(text)) => Ok(Verdict::of_string(text, limits)),
            Ok(value) => Ok(Verdict::of_value(&value).into_owned()),
            Err(e @ InputError::Json { .. }) => Err(e),
            Err(_) if trimmed.starts_with('[') => Ok(Verdict::beyond_limits("array")),
            Err(_) => Ok(Verdict::beyond_limits("object")),
        }
    }

    /// The verdict on an array or object that could not be read within the input
    /// limits (`json_type`: `"array"` or `"object"`): `ident.not_a_string`.
    pub fn beyond_limits(json_type: &'static str) -> Verdict<'static> {
        Verdict::rejected(Cow::Borrowed(json_type), NOT_A_STRING)
    }

    /// The same verdict, owning its input.
    pub fn into_owned(self) -> Verdict<'static> {
        Verdict {
            input: Cow::Owned(self.input.into_owned()),
            valid: self.valid,
            kind: self.kind,
            code: self.code,
            fields: self.fields,
        }
    }

    /// The verdict on any value (a JSON line, a JavaScript value): a string is
    /// checked; anything else is `ident.not_a_string`.
    pub fn of_value(value: &'a Value) -> Verdict<'a> {
        let input: Cow<'a, str> = match value {
            Value::String(s) => return Verdict::of_text(&**s),
            Value::Number(n) => number_text(*n).map_or(Cow::Borrowed(value.kind()), Cow::Owned),
            Value::Bool(true) => Cow::Borrowed("true"),
            Value::Bool(false) => Cow::Borrowed("false"),
            Value::Null => Cow::Borrowed("null"),
            // A string beyond the reader's limits: its text was not kept.
            Value::TooLong(_) => return Verdict::rejected(Cow::Borrowed(""), WRONG_LENGTH),
            other => Cow::Borrowed(other.kind()),
        };
        Verdict::rejected(input, NOT_A_STRING)
    }

    fn rejected(input: Cow<'a, str>, code: &'static str) -> Verdict<'a> {
        Verdict {
            input,
            valid: false,
            kind: None,
            code: Some(code),
            fields: Fields::None(NoFields {}),
        }
    }
}

impl Fields {
    fn of(id: &Identifier) -> Fields {
        match id {
            Identifier::Iin(i) => Fields::Iin(IinFields {
                birth_date: i.birth_date(),
                sex: i.sex(),
                century: i.century(),
            }),
            Identifier::Bin(b) => Fields::Bin(BinFields {
                registered: b.registered(),
                entity_type: b.entity_type(),
                attribute: b.attribute(),
            }),
        }
    }
}
