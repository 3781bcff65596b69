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
    for i in 0..=h.len().checked_sub(n.len())? {
        if h.get(i..i + n.len()) == Some(n) {
            return Some(i);
        }
    }
    None
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

/// `hay` split around the first `sep`, as `str::split_once`.
pub(crate) fn split_once<'a>(hay: &'a str, sep: &str) -> Option<(&'a str, &'a str)> {
    let at = find(hay, sep)?;
    Some((hay.get(..at)?, hay.get(at + sep.len()..)?))
}

/// The byte offset of the first of the ASCII `bytes` in `hay`: `hay.find([…])`.
pub(crate) fn find_any(hay: &str, bytes: &[u8]) -> Option<usize> {
    // Loops, not `bytes.contains(&b)` (core's memchr) or iterator adapters: less wasm.
    let h = hay.as_bytes();
    for i in 0..h.len() {
        for &x in bytes {
            if h.get(i) == Some(&x) {
                return Some(i);
            }
        }
    }
    None
}

/// `hay` split around the first of the ASCII `bytes`: `hay.split_once([…])`.
pub(crate) fn split_once_any<'a>(hay: &'a str, bytes: &[u8]) -> Option<(&'a str, &'a str)> {
    let at = find_any(hay, bytes)?;
    Some((hay.get(..at)?, hay.get(at + 1..)?))
}

/// `hay` up to the first of the ASCII `bytes`: `hay.split([…]).next().unwrap()`.
pub(crate) fn before_any<'a>(hay: &'a str, bytes: &[u8]) -> &'a str {
    find_any(hay, bytes)
        .and_then(|at| hay.get(..at))
        .unwrap_or(hay)
}

/// The byte offset of the last ASCII `byte` in `hay`: `hay.rfind(char)`
/// without core's reverse char searcher (memrchr).
pub(crate) fn rfind_byte(hay: &str, byte: u8) -> Option<usize> {
    let h = hay.as_bytes();
    let mut i = h.len();
    while i > 0 {
        i -= 1;
        if h.get(i) == Some(&byte) {
            return Some(i);
        }
    }
    None
}

/// `hay` after its last ASCII `byte`, or all of it:
/// `hay.rsplit_once(char).map_or(hay, |(_, after)| after)`.
pub(crate) fn after_last(hay: &str, byte: u8) -> &str {
    rfind_byte(hay, byte)
        .and_then(|at| hay.get(at + 1..))
        .unwrap_or(hay)
}

/// The value of 1 to 19 ASCII digits (`None` for anything else): `s.parse::<u64>()`
/// for text already known to be digits, without core's integer parser (one copy
/// per integer type in the wasm).
pub(crate) fn digits_value(s: &str) -> Option<u64> {
    if s.is_empty() || s.len() > 19 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(s.bytes().fold(0, |n, b| n * 10 + u64::from(b - b'0')))
}

/// An optional `-` and 1 to 19 ASCII digits, in `i64`: `s.parse::<i64>()` for
/// such text.
pub(crate) fn signed_digits_value(s: &str) -> Option<i64> {
    match s.strip_prefix('-') {
        Some(digits) => 0i64.checked_sub_unsigned(digits_value(digits)?),
        None => i64::try_from(digits_value(s)?).ok(),
    }
}

/// `s` without the ASCII `byte` repeated at its start: `s.trim_start_matches(char)`
/// without core's char searcher.
pub(crate) fn trim_start_byte(s: &str, byte: u8) -> &str {
    let mut n = 0;
    while s.as_bytes().get(n) == Some(&byte) {
        n += 1;
    }
    s.get(n..).unwrap_or(s)
}

/// `s` without the ASCII `byte` repeated at its end: `s.trim_end_matches(char)`.
pub(crate) fn trim_end_byte(s: &str, byte: u8) -> &str {
    let mut end = s.len();
    while end > 0 && s.as_bytes().get(end - 1) == Some(&byte) {
        end -= 1;
    }
    s.get(..end).unwrap_or(s)
}

/// `char::is_whitespace` (Unicode White_Space) without core's table of it.
#[inline]
pub(crate) fn is_space(c: char) -> bool {
    // Natively the printable characters up to the Cyrillic blocks leave after
    // two comparisons.
    #[cfg(not(target_arch = "wasm32"))]
    if matches!(c, '!'..='\u{84}' | '\u{a1}'..='\u{167f}') {
        return false;
    }
    matches!(
        c,
        ' ' | '\t'..='\r'
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
    )
}

/// `s` without leading white space ([`is_space`]): `s.trim_start()`
/// without core's char searchers.
pub(crate) fn trim_start(s: &str) -> &str {
    for (i, c) in s.char_indices() {
        if !is_space(c) {
            return s.get(i..).unwrap_or(s);
        }
    }
    ""
}

/// `s` without leading and trailing white space: `s.trim()` without core's
/// char searchers (their forward and reverse walks are ≈ 0.7 KB of wasm).
pub(crate) fn trim(s: &str) -> &str {
    let s = trim_start(s);
    let bytes = s.as_bytes();
    let mut end = s.len();
    while end > 0 {
        // The first byte of the last char before `end`.
        let mut i = end - 1;
        while i > 0 && bytes.get(i).is_some_and(|&b| b & 0xc0 == 0x80) {
            i -= 1;
        }
        let last = s.get(i..end).and_then(|t| t.chars().next());
        if !last.is_some_and(is_space) {
            break;
        }
        end = i;
    }
    s.get(..end).unwrap_or(s)
}

/// The number of chars of `s`, as `s.chars().count()`: its bytes that start a
/// char (core's counter is ≈ 1 KB of wasm).
pub(crate) fn char_count(s: &str) -> usize {
    s.bytes().filter(|&b| b & 0xc0 != 0x80).count()
}

/// Appends each byte of `bytes` as the `char` of that value (ASCII digits,
/// mostly): `out.extend(bytes.iter().map(|&b| char::from(b)))`, one copy
/// instead of one per iterator type.
pub(crate) fn push_bytes(out: &mut String, bytes: &[u8]) {
    for &b in bytes {
        out.push(char::from(b));
    }
}

/// Appends `n` times `c`: `out.extend(std::iter::repeat_n(c, n))`.
pub(crate) fn push_repeat(out: &mut String, c: char, n: usize) {
    for _ in 0..n {
        out.push(c);
    }
}

/// The names of `items`, owned: `items.iter().map(|i| name(i).to_owned()).collect()`
/// as one plain loop (one copy in the wasm, not one per iterator type).
pub(crate) fn owned<T>(items: &[T], name: fn(&T) -> &str) -> Vec<String> {
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        out.push(name(item).to_owned());
    }
    out
}

/// The `parts` one after another, as `[…].concat()`: one copy in the wasm, where
/// core's `concat` and `join` are one per part type, with their overflow panics.
pub(crate) fn concat(parts: &[&str]) -> String {
    let mut len = 0;
    for part in parts {
        len += part.len();
    }
    let mut out = String::with_capacity(len);
    for part in parts {
        out.push_str(part);
    }
    out
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

/// `s` cut after `max` characters, with `…` where it was cut: what a message
/// quotes of a long value.
///
/// ```text
/// shortened("abcdef", 3) == "abc…"    shortened("abc", 3) == "abc"
/// ```
pub(crate) fn shortened(s: &str, max: usize) -> String {
    // The byte where character `max` starts (a loop over the lead bytes: no
    // `char_indices().nth()` in the wasm).
    let mut chars = 0;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        if b & 0xc0 != 0x80 {
            if chars == max {
                let mut t = s.get(..i).unwrap_or(s).to_owned();
                t.push('…');
                return t;
            }
            chars += 1;
        }
    }
    s.to_owned()
}

/// Cuts `s` back to `len` bytes, as `String::truncate` for a length a push
/// returned, without its panic path (a mid-character length is left alone).
pub(crate) fn cut(s: &mut String, len: usize) {
    if s.is_char_boundary(len) {
        s.truncate(len);
    }
}

/// Appends the decimal digits of `n`, zeros in front up to `width` digits: as
/// `write!(out, "{n:0width$}")` without core's integer formatting in the wasm.
pub(crate) fn push_uint(out: &mut String, mut n: u64, width: usize) {
    let mut digits = [0u8; 20];
    let mut len = 0;
    for slot in digits.iter_mut() {
        *slot = b'0' + (n % 10) as u8;
        len += 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    push_repeat(out, '0', width.saturating_sub(len));
    for &d in digits.iter().take(len).rev() {
        out.push(char::from(d));
    }
}

/// `YYYY-MM-DD`, or `YYYY-MM` without a day: as
/// `format!("{year:04}-{month:02}-{day:02}")` without core's formatting in the wasm.
pub(crate) fn iso_date(year: u64, month: u64, day: Option<u64>) -> String {
    let mut s = String::with_capacity(10);
    push_uint(&mut s, year, 4);
    s.push('-');
    push_uint(&mut s, month, 2);
    if let Some(day) = day {
        s.push('-');
        push_uint(&mut s, day, 2);
    }
    s
}

/// `n` in decimal, as `n.to_string()`.
pub(crate) fn uint(n: u64) -> String {
    let mut out = String::new();
    push_uint(&mut out, n, 0);
    out
}

/// `n` in decimal, as `n.to_string()`.
pub(crate) fn int(n: i64) -> String {
    let mut out = String::new();
    if n < 0 {
        out.push('-');
    }
    push_uint(&mut out, n.unsigned_abs(), 0);
    out
}

/// `n` in upper-case hexadecimal, at least `width` digits: `format!("{n:0width$X}")`.
pub(crate) fn push_hex(out: &mut String, n: u32, width: usize) {
    let len = (8 - n.leading_zeros() as usize / 4).max(1);
    push_repeat(out, '0', width.saturating_sub(len));
    for i in (0..len).rev() {
        let d = (n >> (4 * i)) & 0xF;
        out.push(char::from_digit(d, 16).map_or('0', |c| c.to_ascii_uppercase()));
    }
}

/// The high bit of every byte of a word.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) const HIGH: u64 = 0x8080_8080_8080_8080;

/// `b` in every byte of a word.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) const fn splat(b: u8) -> u64 {
    0x0101_0101_0101_0101 * b as u64
}

/// The high bit set in the first byte of `w` below `n` (at most `0x80`), and
/// in none before it; a later byte may be flagged by the borrow of an earlier
/// one, which a search for the first never sees.
///
/// `below(0x41_00_41_41_41_41_1F_41, 0x20)` is `0x00_80_00_00_00_00_80_00`.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) const fn below(w: u64, n: u8) -> u64 {
    w.wrapping_sub(splat(n)) & !w & HIGH
}

/// The index of the first byte (in text order, little-endian) whose high bit
/// is set in `mask` — or, the same, the first byte of `mask` that is not zero.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn byte_offset(mask: u64) -> usize {
    (mask.trailing_zeros() / 8) as usize
}

/// The length of the start of `s` that JSON text carries as it is (no `"`,
/// `\\` or control character), found eight bytes at a time: the JSON reader's
/// plain string runs and the JSON writer's (tested through both).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn json_plain_len(s: &[u8]) -> usize {
    let (words, tail) = s.as_chunks::<8>();
    for (n, w) in words.iter().enumerate() {
        let w = u64::from_le_bytes(*w);
        let stop = below(w ^ splat(b'"'), 1) | below(w ^ splat(b'\\'), 1) | below(w, 0x20);
        if stop != 0 {
            return n * 8 + byte_offset(stop);
        }
    }
    let plain = tail
        .iter()
        .take_while(|&&b| b != b'"' && b != b'\\' && b >= 0x20);
    words.len() * 8 + plain.count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test(unsupported = test)]
    fn counts_chars_as_core() {
        for s in [
            "",
            "a",
            "ЖСН/БСН",
            "a → b",
            "\u{10348}x\u{7f}\u{80}\u{800}\u{ffff}",
        ] {
            assert_eq!(char_count(s), s.chars().count(), "{s:?}");
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn shortens_by_characters() {
        for (s, max, want) in [
            ("", 0, ""),
            ("a", 0, "…"),
            ("abc", 3, "abc"),
            ("abcd", 3, "abc…"),
            ("ЖСН/БСН", 4, "ЖСН/…"),
            ("\u{10348}\u{10348}x", 1, "\u{10348}…"),
        ] {
            assert_eq!(shortened(s, max), want, "{s:?} {max}");
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn spaces_are_cores_white_space() {
        for c in '\0'..=char::MAX {
            assert_eq!(is_space(c), c.is_whitespace(), "U+{:04X}", u32::from(c));
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn trims_as_core() {
        let spaces = [
            " ", "\t", "\n", "\r\n", "\u{a0}", "\u{2003}", "\u{3000}", "\u{85}", "",
        ];
        let bodies = ["", "a", "ә б", "\u{200b}", "x\u{a0}y", "→", "\u{10348}"];
        for l in spaces {
            for body in bodies {
                for r in spaces {
                    let s = [l, body, r, l].concat();
                    assert_eq!(trim(&s), s.trim(), "{s:?}");
                    assert_eq!(trim_start(&s), s.trim_start(), "{s:?}");
                }
            }
        }
        // Every char of the Basic Multilingual Plane alone and between letters.
        for c in (0..0x1_0000).filter_map(char::from_u32) {
            let s = c.to_string();
            assert_eq!(trim(&s), s.trim(), "{c:?}");
            let s = format!("{c}a{c}a{c}");
            assert_eq!(trim(&s), s.trim(), "{c:?}");
            assert_eq!(trim_start(&s), s.trim_start(), "{c:?}");
        }
    }

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
        for h in hays {
            for n in needles {
                assert_eq!(split_once(h, n), h.split_once(n), "{h:?} {n:?}");
            }
            let chars = ['e', 'E', '-', '_'];
            assert_eq!(find_any(h, b"eE-_"), h.find(chars), "{h:?}");
            assert_eq!(split_once_any(h, b"eE-_"), h.split_once(chars), "{h:?}");
            assert_eq!(Some(before_any(h, b"eE-_")), h.split(chars).next(), "{h:?}");
        }
        for h in hays.iter().chain(&["a.b.c", ".", "x.", ".y", "ә.ә"]) {
            assert_eq!(rfind_byte(h, b'.'), h.rfind('.'), "{h:?}");
            let after = h.rsplit_once('.').map_or(*h, |(_, t)| t);
            assert_eq!(after_last(h, b'.'), after, "{h:?}");
            assert_eq!(concat(&[h, "; ", h]), [*h, "; ", h].concat());
            for b in [b'0', b'.', b' '] {
                let c = char::from(b);
                assert_eq!(trim_start_byte(h, b), h.trim_start_matches(c), "{h:?}");
                assert_eq!(trim_end_byte(h, b), h.trim_end_matches(c), "{h:?}");
            }
        }
        let numbers = [
            "0",
            "7",
            "12",
            "007",
            "-5",
            "-0",
            "",
            "-",
            "1a",
            "+1",
            " 1",
            "١",
            "2147483647",
            "-2147483648",
            "2147483648",
            "9999999999999999999",
            "-9223372036854775808",
            "9223372036854775808",
        ];
        for s in numbers {
            assert_eq!(
                digits_value(s),
                s.parse::<u64>().ok().filter(|_| !s.starts_with('+')),
                "{s:?}"
            );
            let signed = s.parse::<i64>().ok().filter(|_| !s.starts_with('+'));
            assert_eq!(signed_digits_value(s), signed, "{s:?}");
        }
        for h in ["1e5", "2E-3", "kk-KZ", "ru_RU", "-", "e", "ә-ә_"] {
            let chars = ['e', 'E', '-', '_'];
            assert_eq!(split_once_any(h, b"eE-_"), h.split_once(chars), "{h:?}");
            assert_eq!(Some(before_any(h, b"eE-_")), h.split(chars).next(), "{h:?}");
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn numbers_agree_with_core() {
        let ns = [
            0u64,
            1,
            7,
            9,
            10,
            99,
            100,
            2024,
            65535,
            1_000_000_000_000,
            u64::MAX,
        ];
        for n in ns {
            for w in [0, 1, 2, 4, 25] {
                let mut s = String::new();
                push_uint(&mut s, n, w);
                assert_eq!(s, format!("{n:0w$}"));
            }
        }
        for n in [0i64, 5, -5, 1234, -1234, i64::MAX, i64::MIN] {
            assert_eq!(int(n), n.to_string());
        }
        for n in [0u32, 0xA, 0xAD, 0x200B, 0xFEFF, 0x1F600, 0x10FFFF, u32::MAX] {
            for w in [0, 4] {
                let mut s = String::new();
                push_hex(&mut s, n, w);
                assert_eq!(s, format!("{n:0w$X}"));
            }
        }
        for (y, m, d) in [(2024u64, 2u64, 29u64), (1, 0, 7), (99999, 13, 32)] {
            assert_eq!(iso_date(y, m, Some(d)), format!("{y:04}-{m:02}-{d:02}"));
            assert_eq!(iso_date(y, m, None), format!("{y:04}-{m:02}"));
        }
    }
}
