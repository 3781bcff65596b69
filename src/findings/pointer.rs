//! JSON Pointer (RFC 6901) paths into the application.

use std::fmt;

/// A JSON Pointer being built segment by segment, e.g.
/// `/air_emissions/years/0/sites/1/substances/4/requested/t_per_year`.
///
/// ```
/// use kz_eco_rules::findings::Pointer;
/// let p = Pointer::root().key("air_emissions").key("years").index(0);
/// assert_eq!(p.as_str(), "/air_emissions/years/0");
/// assert_eq!(Pointer::root().key("a/b~c").as_str(), "/a~1b~0c");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pointer(String);

impl Pointer {
    /// The empty pointer: the whole document.
    pub fn root() -> Self {
        Pointer(String::new())
    }

    /// This pointer extended by an object key (escaped per RFC 6901).
    #[must_use]
    pub fn key(&self, key: &str) -> Self {
        let mut p = self.clone();
        p.push_key(key);
        p
    }

    /// This pointer extended by an array index.
    #[must_use]
    pub fn index(&self, index: usize) -> Self {
        let mut p = self.clone();
        p.push_index(index);
        p
    }

    /// Appends an object key in place; returns the length before, for [`Pointer::truncate`].
    pub fn push_key(&mut self, key: &str) -> usize {
        let mark = self.0.len();
        self.0.push('/');
        if crate::text::find_any(key, b"~/").is_none() {
            // The usual key: nothing to escape, one copy.
            self.0.push_str(key);
            return mark;
        }
        for c in key.chars() {
            match c {
                '~' => self.0.push_str("~0"),
                '/' => self.0.push_str("~1"),
                c => self.0.push(c),
            }
        }
        mark
    }

    /// Appends a model field's name in place (a Rust identifier: nothing to
    /// escape, so the key is not scanned); returns the length before.
    pub(crate) fn push_name(&mut self, name: &str) -> usize {
        debug_assert!(!name.contains(['~', '/']), "{name}");
        let mark = self.0.len();
        self.0.push('/');
        self.0.push_str(name);
        mark
    }

    /// Appends an array index in place; returns the length before.
    pub fn push_index(&mut self, index: usize) -> usize {
        let mark = self.0.len();
        self.0.push('/');
        crate::text::push_uint(&mut self.0, index as u64, 0);
        mark
    }

    /// Cuts the pointer back to a length returned by a `push_*` call (natively
    /// inline: it follows every field read).
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    pub fn truncate(&mut self, mark: usize) {
        crate::text::cut(&mut self.0, mark);
    }

    /// The pointer text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<Pointer> for String {
    fn from(p: Pointer) -> String {
        p.0
    }
}

impl From<&Pointer> for String {
    fn from(p: &Pointer) -> String {
        p.0.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test(unsupported = test)]
    fn push_and_truncate_round_trip() {
        let mut p = Pointer::root();
        let a = p.push_key("sites");
        let b = p.push_index(12);
        assert_eq!(p.as_str(), "/sites/12");
        p.truncate(b);
        assert_eq!(p.as_str(), "/sites");
        p.truncate(a);
        assert_eq!(p.as_str(), "");
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn escapes_tilde_before_slash() {
        assert_eq!(Pointer::root().key("~1").as_str(), "/~01");
        assert_eq!(Pointer::root().key("").as_str(), "/");
    }
}
