//! Finding, splitting on and replacing a `&str` inside text, by plain byte
//! comparison: core's `&str` patterns link the two-way searcher and the panic
//! message of a bad slice (which formats a `char` with `Debug`), ≈ 5 KB of wasm
//! for the few short needles the crate looks for (DESIGN.md, "Size of the wasm").
//!
//! ```text
//! find("a → b", " → ") == Some(1)
//! split("a; b", "; ") yields "a", "b"
//! replace("{n} дня", "{n}", "3") == "3 дня"
//! ```

/// The byte offset of the first `needle` in `hay` (`Some(0)` for an empty needle).
/// A match of valid UTF-8 in valid UTF-8 starts and ends on character boundaries.
pub(crate) fn find(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    (0..=h.len().checked_sub(n.len())?).find(|&i| h.get(i..i + n.len()) == Some(n))
}

/// `hay` contains `needle`.
pub(crate) fn contains(hay: &str, needle: &str) -> bool {
    find(hay, needle).is_some()
}

/// The parts of `hay` between occurrences of `sep` (not empty), as `str::split`.
pub(crate) fn split<'a>(hay: &'a str, sep: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    let mut rest = Some(hay);
    std::iter::from_fn(move || {
        let r = rest?;
        match find(r, sep) {
            Some(at) => {
                rest = r.get(at + sep.len()..);
                r.get(..at)
            }
            None => rest.take(),
        }
    })
}

/// `hay` with every `from` (not empty) replaced by `to`, as `str::replace`.
pub(crate) fn replace(hay: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(hay.len());
    let mut parts = split(hay, from);
    if let Some(first) = parts.next() {
        out.push_str(first);
    }
    for part in parts {
        out.push_str(to);
        out.push_str(part);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test(unsupported = test)]
    fn agree_with_core() {
        let hays = [
            "",
            "a",
            "a → b → c",
            " → ",
            "→",
            "x; y;; z; ",
            "{n}{n} дня {n}",
            "аәб",
        ];
        let needles = [" → ", "; ", "{n}", "a", "ә", "→", "дня {n}", "long needle"];
        for h in hays {
            for n in needles {
                assert_eq!(find(h, n), h.find(n), "{h:?} {n:?}");
                assert_eq!(contains(h, n), h.contains(n), "{h:?} {n:?}");
                assert_eq!(
                    split(h, n).collect::<Vec<_>>(),
                    h.split(n).collect::<Vec<_>>(),
                    "{h:?} {n:?}"
                );
                assert_eq!(replace(h, n, "<>"), h.replace(n, "<>"), "{h:?} {n:?}");
            }
        }
        assert_eq!(find("abc", ""), Some(0));
    }
}
