//! The syntax of a message template, read the same way by the build script (which
//! checks every template of `data/messages/`) and by the renderer
//! ([`super::catalog`]): text with `{name}` placeholders and ICU MessageFormat
//! plurals `{n, plural, one {# строка} few {# строки} many {# строк} other {# строки}}`.
//!
//! The build script includes this file with `#[path]` (`build/catalog.rs`), so it
//! depends on nothing but `core` and `crate::text` (which the build script
//! includes too).
//!
//! ```
//! use kz_eco_rules::findings::template::{arg, closing, forms, Arg};
//! let t = "n, plural, one {# row} other {# rows}}, after";
//! let end = closing(t).unwrap();
//! assert_eq!(&t[end..], "}, after");
//! let Arg::Plural { name, forms: f } = arg(&t[..end]) else { panic!() };
//! assert_eq!(name, "n");
//! let keys: Vec<&str> = forms(f).map_while(Result::ok).map(|(k, _)| k).collect();
//! assert_eq!(keys, ["one", "other"]);
//! ```

use crate::text::{find_any, trim, trim_start};

/// The index of the `}` closing a `{` opened just before `s` (nested braces
/// counted), or `None` when it is not closed.
pub fn closing(s: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in s.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => return Some(i),
            '}' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// What is inside one pair of braces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arg<'a> {
    /// `{name}`.
    Simple(&'a str),
    /// `{name, plural, forms}`.
    Plural {
        /// The count's name.
        name: &'a str,
        /// The forms `one {…} other {…}` as written.
        forms: &'a str,
    },
    /// `{name, something}` that is not a plural.
    Other {
        /// The name before the comma.
        name: &'a str,
    },
}

/// Reads the inside of one pair of braces (without them).
pub fn arg(inner: &str) -> Arg<'_> {
    // Bytes, not a `char` pattern (core's char searcher in the wasm); `,` is ASCII.
    let comma = find_any(inner, b",");
    match comma.and_then(|at| Some((inner.get(..at)?, inner.get(at + 1..)?))) {
        None => Arg::Simple(inner),
        Some((name, spec)) => {
            let name = trim(name);
            match trim_start(spec).strip_prefix("plural,") {
                Some(forms) => Arg::Plural { name, forms },
                None => Arg::Other { name },
            }
        }
    }
}

/// Why the forms of a plural could not be read further.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormError<'a> {
    /// Text with no `{` where a form should start.
    NoForm(&'a str),
    /// The form `key` has no closing `}`.
    NotClosed(&'a str),
}

/// The forms of a plural, `(key, body)` in order; an item is an error (and the
/// last) where the text is not well formed.
pub fn forms(forms: &str) -> Forms<'_> {
    Forms { rest: Some(forms) }
}

/// Iterator of [`forms`].
#[derive(Debug, Clone)]
pub struct Forms<'a> {
    rest: Option<&'a str>,
}

impl<'a> Iterator for Forms<'a> {
    type Item = Result<(&'a str, &'a str), FormError<'a>>;

    fn next(&mut self) -> Option<Self::Item> {
        let rest = trim_start(self.rest?);
        if rest.is_empty() {
            self.rest = None;
            return None;
        }
        let Some(brace) = find_any(rest, b"{") else {
            self.rest = None;
            return Some(Err(FormError::NoForm(rest)));
        };
        let key = trim(rest.get(..brace).unwrap_or(""));
        let body = rest.get(brace + 1..).unwrap_or("");
        let Some(end) = closing(body) else {
            self.rest = None;
            return Some(Err(FormError::NotClosed(key)));
        };
        self.rest = body.get(end + 1..);
        Some(Ok((key, body.get(..end).unwrap_or(""))))
    }
}
