//! Reading a data file into typed values: a value of the wrong shape is reported
//! with the file and the JSON Pointer of the value.
//!
//! ```ignore
//! #[derive(Deserialize)]
//! #[serde(deny_unknown_fields)]
//! struct Ident { basis: Vec<Basis> }
//! let ident: Ident = load::parse("data/ident.json", r#"{"basis": [{"edition": 1}]}"#)?;
//! // Err: data/ident.json: /basis/0/edition: invalid type: integer `1`, expected a string …
//! ```
//!
//! Kept free of the build script's other modules: `tests/it/build_load.rs` includes
//! this file to test it.

use std::fmt;

use serde::de::{Deserialize, DeserializeOwned, Deserializer};

/// Why a data file could not be read into its type.
#[derive(Debug)]
pub struct LoadError {
    /// The file, as given.
    pub file: String,
    /// The JSON Pointer of the bad value (`""`: the whole document).
    pub pointer: String,
    /// What is wrong, as serde_json says it (with line and column).
    pub message: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.pointer.is_empty() {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}: {}: {}", self.file, self.pointer, self.message)
        }
    }
}

/// Parses the JSON `text` of `file` into a `T`.
pub fn parse<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, LoadError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let error = |pointer: String, e: &serde_json::Error| LoadError {
        file: file.to_owned(),
        pointer,
        message: e.to_string(),
    };
    let value: T = serde_path_to_error::deserialize(&mut de)
        .map_err(|e| error(pointer(e.path()), e.inner()))?;
    // Text after the document is an error too.
    de.end().map_err(|e| error(String::new(), &e))?;
    Ok(value)
}

/// Reads and parses the file at `file` (a path relative to the crate root).
pub fn read<T: DeserializeOwned>(file: &str) -> Result<T, LoadError> {
    match std::fs::read_to_string(file) {
        Ok(text) => parse(file, &text),
        Err(e) => Err(LoadError {
            file: file.to_owned(),
            pointer: String::new(),
            message: e.to_string(),
        }),
    }
}

/// The JSON Pointer (RFC 6901) of a serde path: `/holidays/3/names/kk`.
fn pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter() {
        let token = match segment {
            Segment::Seq { index } => index.to_string(),
            // An externally tagged enum is `{ "variant": … }`: its tag is a key.
            Segment::Map { key } | Segment::Enum { variant: key } => {
                key.replace('~', "~0").replace('/', "~1")
            }
            Segment::Unknown => continue,
        };
        out.push('/');
        out.push_str(&token);
    }
    out
}

/// A string that is not empty or blank (names, clauses, sources).
///
/// `""` and `"  "` are rejected where they are read, with their pointer.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Text(pub String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        let s = String::deserialize(d)?;
        if s.trim().is_empty() {
            return Err(serde::de::Error::custom("must be a non-empty string"));
        }
        Ok(Text(s))
    }
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
