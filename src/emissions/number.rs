//! Numbers as people type them into the tables.
//!
//! [`parse`] reads the text of an [`Amount`](crate::model::Amount) into a
//! [`Quantity`]: an exact fixed-point value (see [`super::decimal`]) together with
//! the number of decimal places written, which the checks use as the precision of
//! the entry (a value written as `12,50` is taken to be exact to ±0,005).
//!
//! ## What is accepted
//!
//! After trimming white space (including no-break spaces) at both ends:
//!
//! - digits, optionally followed by a decimal separator and more digits: `12`,
//!   `12.5`, `12,5`, `0,0000021`; the separator is **`.` or `,`** — a comma is
//!   always the decimal separator, never a thousands separator (`1,234` is 1.234);
//!   either side of the separator may be empty (`,5` is 0.5, `12.` is 12), not both;
//! - thousands separators in the integer part only: a space, a no-break space
//!   (U+00A0) or a narrow no-break space (U+202F) — what `Intl.NumberFormat('ru')`
//!   and `('kk')` produce — between groups of exactly three digits, the first group
//!   one to three digits: `1 234,5`, `12 345 678`; `12 34` and `1234 567` are not
//!   numbers;
//! - leading zeros (`007` is 7); at most [`MAX_TEXT_LEN`] bytes.
//!
//! A JSON number arrives already as its shortest decimal text (`12.5`; see
//! [`crate::input::number_text`]), so it follows the same rules.
//!
//! ## What is rejected ([`NumberError`])
//!
//! - empty text ([`NumberError::Empty`] — an error only where a value is required);
//! - anything else: letters, `NaN`, `Infinity` (what the reader keeps for those
//!   JavaScript values), two separators (`1.234,5`), signs other than a leading
//!   minus, stray characters ([`NumberError::Invalid`]) — never `parseFloat`-style
//!   prefixes: `1,5` is one and a half, `12abc` is not 12;
//! - a negative value, written with `-` or `−` (U+2212) ([`NumberError::Negative`];
//!   `-0` is 0);
//! - exponent notation, `3.2E-07` ([`NumberError::Exponent`], with the number written
//!   out in full as a suggestion);
//! - more than [`MAX_DECIMALS`] decimal places, unless the extra ones are zeros
//!   ([`NumberError::TooManyDecimals`]) — e.g. `0.30000000000000004`, the text of the
//!   JavaScript number `0.1 + 0.2`;
//! - values above [`MAX_VALUE`] = 10¹² in any unit ([`NumberError::TooLarge`]).
//!
//! Every accepted text is held exactly: up to 13 integer digits and 12 decimals,
//! 25 significant digits (at least the 15 a JavaScript number's text can carry).
//!
//! Why these rules: DESIGN.md, "What counts as a number".

use super::decimal::{self, Units};

/// Most decimal places accepted (the fixed-point scale, [`decimal::SCALE`]).
pub const MAX_DECIMALS: u8 = decimal::SCALE;

/// The largest accepted value (in any unit): 1 000 000 000 000 (10¹²; a large
/// plant's CO is of the order of 10⁵–10⁶ t/yr, so this bounds typos, not plants).
pub const MAX_VALUE: u64 = 1_000_000_000_000;

/// Longest accepted text, in bytes after trimming (enough for
/// `1 000 000 000 000,000000000000` with any separators).
pub const MAX_TEXT_LEN: usize = 80;

/// A non-negative exact value and the number of decimal places it was written with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quantity {
    /// The value in units of 10⁻¹² ([`decimal::SCALE`]).
    pub units: Units,
    /// Decimal places as written (0–[`MAX_DECIMALS`]).
    pub decimals: u8,
}

impl Quantity {
    /// The value in canonical form: `.` separator, no trailing zeros (`12.5`).
    ///
    /// ```
    /// use kz_eco_rules::emissions::number::parse;
    /// assert_eq!(parse("1 234,50").unwrap().canonical(), "1234.5");
    /// ```
    pub fn canonical(&self) -> String {
        decimal::format_units(self.units)
    }
}

/// Why a text is not an accepted number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberError {
    /// Nothing but white space.
    Empty,
    /// Not a decimal number.
    Invalid,
    /// Below zero.
    Negative,
    /// Written with an exponent; `plain` is the same number written out, when it
    /// has a sensible length.
    Exponent {
        /// The number without exponent, canonical form.
        plain: Option<String>,
    },
    /// More than [`MAX_DECIMALS`] significant decimal places.
    TooManyDecimals,
    /// Above [`MAX_VALUE`].
    TooLarge,
}

/// Reads a number as typed; see the [module docs](self) for exactly what is accepted.
///
/// ```
/// use kz_eco_rules::emissions::number::{parse, NumberError};
/// let q = parse("1\u{a0}234,5").unwrap();
/// assert_eq!((q.units, q.decimals), (1_234_500_000_000_000, 1));
/// assert_eq!(parse("1,5").unwrap().canonical(), "1.5");
/// assert_eq!(parse("12abc"), Err(NumberError::Invalid));
/// assert_eq!(parse("NaN"), Err(NumberError::Invalid));
/// assert_eq!(parse("-3"), Err(NumberError::Negative));
/// assert_eq!(parse("3,2E-07"), Err(NumberError::Exponent { plain: Some("0.00000032".into()) }));
/// assert_eq!(parse("0.0000008983").unwrap().units, 898_300);
/// assert_eq!(parse("0.30000000000000004"), Err(NumberError::TooManyDecimals));
/// ```
pub fn parse(text: &str) -> Result<Quantity, NumberError> {
    #[cfg(not(target_arch = "wasm32"))]
    if let Some(q) = parse_plain(text.as_bytes()) {
        return Ok(q);
    }
    parse_full(text)
}

/// [`parse`] for any text.
fn parse_full(text: &str) -> Result<Quantity, NumberError> {
    // Most cells need no trimming; `str::trim` walks Unicode white space.
    let plain = |b: Option<&u8>| b.is_some_and(|&b| b > b' ' && b < 0x80);
    let t = if plain(text.as_bytes().first()) && plain(text.as_bytes().last()) {
        text
    } else {
        crate::text::trim(text)
    };
    if t.is_empty() {
        return Err(NumberError::Empty);
    }
    if t.len() > MAX_TEXT_LEN {
        return Err(NumberError::Invalid);
    }
    let mut rest = t.as_bytes();
    let negative = match rest {
        [b'-', tail @ ..] => {
            rest = tail;
            true
        }
        [0xE2, 0x88, 0x92, tail @ ..] => {
            rest = tail;
            true
        }
        _ => false,
    };

    // Integer part, with optional thousands separators.
    let mut int: u64 = 0;
    let mut int_digits: u32 = 0;
    let mut group: u32 = 0;
    let mut grouped = false;
    let mut too_large = false;
    loop {
        match rest {
            [d @ b'0'..=b'9', tail @ ..] => {
                if int > MAX_VALUE {
                    too_large = true;
                } else {
                    int = int * 10 + u64::from(d - b'0');
                }
                int_digits += 1;
                group += 1;
                rest = tail;
            }
            _ => {
                let n = separator_len(rest);
                if n == 0 {
                    break;
                }
                let bad_group = if grouped { group != 3 } else { group > 3 };
                if group == 0 || bad_group {
                    return Err(NumberError::Invalid);
                }
                grouped = true;
                group = 0;
                rest = rest.get(n..).unwrap_or_default();
            }
        }
    }
    if grouped && group != 3 {
        return Err(NumberError::Invalid);
    }

    // Fraction.
    let mut frac: u64 = 0;
    let mut written: u32 = 0;
    let mut excess = false;
    if let [b'.' | b',', tail @ ..] = rest {
        rest = tail;
        while let [d @ b'0'..=b'9', tail @ ..] = rest {
            if written < u32::from(MAX_DECIMALS) {
                frac = frac * 10 + u64::from(d - b'0');
            } else if *d != b'0' {
                excess = true;
            }
            written += 1;
            rest = tail;
        }
    }
    if int_digits + written == 0 {
        return Err(NumberError::Invalid);
    }
    if let [b'e' | b'E', tail @ ..] = rest {
        return match exponent(tail) {
            Some(exp) => Err(NumberError::Exponent {
                plain: plain_text(t, int_digits, exp, negative),
            }),
            None => Err(NumberError::Invalid),
        };
    }
    if !rest.is_empty() {
        return Err(NumberError::Invalid);
    }

    let decimals = written.min(u32::from(MAX_DECIMALS));
    // frac < 10¹², so this stays below 10¹² (u64).
    let frac_units = frac * decimal::pow10(u32::from(MAX_DECIMALS) - decimals);
    // `int <= MAX_VALUE` here unless `too_large`: at most 10²⁴ + 10¹² units (i128).
    // Below 1.8·10⁷ (every realistic cell) the units fit u64: no 128-bit
    // multiplication, which wasm does in a library call.
    let units = if too_large || int > MAX_VALUE {
        None
    } else if int < 18_000_000 {
        Some(i128::from(
            int * decimal::pow10(u32::from(MAX_DECIMALS)) + frac_units,
        ))
    } else {
        Some(i128::from(int) * decimal::ONE + i128::from(frac_units))
    };
    if negative && units != Some(0) {
        return Err(NumberError::Negative);
    }
    if excess {
        return Err(NumberError::TooManyDecimals);
    }
    match units {
        Some(u) if u <= i128::from(MAX_VALUE) * decimal::ONE => Ok(Quantity {
            units: u,
            decimals: decimals as u8,
        }),
        _ => Err(NumberError::TooLarge),
    }
}

/// [`parse`] natively for the common cell, plain `digits[.digits]` with at most 7
/// integer digits and [`MAX_DECIMALS`] decimals: one pass, nothing else to look for.
#[cfg(not(target_arch = "wasm32"))]
fn parse_plain(text: &[u8]) -> Option<Quantity> {
    let mut rest = text;
    let mut int: u64 = 0;
    let mut int_digits: u32 = 0;
    while let [d @ b'0'..=b'9', tail @ ..] = rest {
        int_digits += 1;
        if int_digits > 7 {
            return None;
        }
        int = int * 10 + u64::from(d - b'0');
        rest = tail;
    }
    let mut frac: u64 = 0;
    let mut written: u32 = 0;
    if let [b'.' | b',', tail @ ..] = rest {
        rest = tail;
        while let [d @ b'0'..=b'9', tail @ ..] = rest {
            written += 1;
            if written > u32::from(MAX_DECIMALS) {
                return None;
            }
            frac = frac * 10 + u64::from(d - b'0');
            rest = tail;
        }
    }
    if !rest.is_empty() || int_digits + written == 0 {
        return None;
    }
    let scale = decimal::pow10(u32::from(MAX_DECIMALS));
    let units = int * scale + frac * decimal::pow10(u32::from(MAX_DECIMALS) - written);
    Some(Quantity {
        units: i128::from(units),
        decimals: written as u8,
    })
}

/// Length of a thousands separator at the start of `s` (0 if none).
fn separator_len(s: &[u8]) -> usize {
    match s {
        [b' ', ..] => 1,
        [0xC2, 0xA0, ..] => 2,
        [0xE2, 0x80, 0xAF, ..] => 3,
        _ => 0,
    }
}

/// The exponent after `e`: optional sign, 1–4 digits, nothing after.
fn exponent(s: &[u8]) -> Option<i32> {
    let (negative, digits) = match s {
        [b'-', tail @ ..] => (true, tail),
        [b'+', tail @ ..] => (false, tail),
        _ => (false, s),
    };
    if digits.is_empty() || digits.len() > 4 || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let value = digits
        .iter()
        .fold(0i32, |acc, d| acc * 10 + i32::from(d - b'0'));
    Some(if negative { -value } else { value })
}

/// The mantissa of `t` (digits before `e`) shifted by `exp` places, canonical;
/// `None` when the result would be unreasonably long.
fn plain_text(t: &str, int_digits: u32, exp: i32, negative: bool) -> Option<String> {
    if exp.unsigned_abs() > 40 {
        return None;
    }
    let mantissa = crate::text::before_any(t, b"eE");
    let mut digits: Vec<u8> = Vec::new();
    for d in mantissa.bytes() {
        if d.is_ascii_digit() {
            digits.push(d);
        }
    }
    let point = i64::from(int_digits) + i64::from(exp);
    let mut out = String::new();
    if point <= 0 {
        out.push_str("0.");
        for _ in 0..point.unsigned_abs() {
            out.push('0');
        }
        crate::text::push_bytes(&mut out, &digits);
    } else {
        let point = usize::try_from(point).unwrap_or(usize::MAX);
        for (i, &d) in digits.iter().enumerate() {
            if i == point {
                out.push('.');
            }
            out.push(char::from(d));
        }
        for _ in digits.len()..point {
            out.push('0');
        }
    }
    let trimmed = decimal::trim_canonical(&out);
    Some(if negative && trimmed != "0" {
        crate::text::concat(&["-", &trimmed])
    } else {
        trimmed
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn plain_fast_path_agrees() {
        for s in [
            "0",
            "7",
            "007",
            "12.5",
            "12,5",
            ".5",
            "5.",
            "0.000",
            "9999999",
            "9999999.999999999999",
            "10000000",
            "1.0000000000001",
            "1.000000000000",
            "0.0000008983",
            ".",
            "",
            "1.2.3",
            "1 000",
            "-1",
            "1e3",
            " 1",
            "00000000.5",
        ] {
            if let Some(q) = parse_plain(s.as_bytes()) {
                assert_eq!(Ok(q), parse_full(s), "{s:?}");
            }
        }
        assert!(parse_plain(b"12.5").is_some());
    }

    fn ok(s: &str) -> (i128, u8) {
        let q = parse(s).unwrap_or_else(|e| panic!("{s:?}: {e:?}"));
        (q.units, q.decimals)
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn accepts_the_documented_forms() {
        let one = decimal::ONE;
        assert_eq!(ok("12.5"), (12 * one + one / 2, 1));
        assert_eq!(ok("12,5"), (12 * one + one / 2, 1));
        assert_eq!(ok(" 1 234,5 "), (1_234_500_000_000_000, 1));
        assert_eq!(ok("1\u{a0}234\u{a0}567,25"), (1_234_567_250_000_000_000, 2));
        assert_eq!(ok("1\u{202f}234"), (1_234 * one, 0));
        assert_eq!(ok("0,0000021"), (2_100_000, 7));
        assert_eq!(ok("0.0000008983"), (898_300, 10));
        assert_eq!(ok(",5"), (one / 2, 1));
        assert_eq!(ok("12."), (12 * one, 0));
        assert_eq!(ok("007"), (7 * one, 0));
        assert_eq!(ok("-0"), (0, 0));
        assert_eq!(ok("1.50000000000000"), (one * 3 / 2, 12));
        assert_eq!(ok("0.000000000001"), (1, 12));
        assert_eq!(ok("1000000000000"), (one * one, 0));
        // Both sides of the u64 fast path.
        assert_eq!(ok("17999999.999999999999"), (18_000_000 * one - 1, 12));
        assert_eq!(ok("18000000"), (18_000_000 * one, 0));
        assert_eq!(ok("18000000.000000000001"), (18_000_000 * one + 1, 12));
        assert_eq!(ok("1 000 000 000 000,000"), (one * one, 3));
        // 25 significant digits, all kept.
        assert_eq!(ok("999 999 999 999,999999999999"), (one * one - 1, 12));
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn rejects_what_is_not_a_plain_decimal() {
        for s in [
            "abc",
            "12abc",
            "1,2,3",
            "1.234,5",
            "NaN",
            "Infinity",
            "-Infinity",
            "+5",
            ".",
            ",",
            "1 23",
            "12 34",
            "1234 567",
            " 1  234",
            "1 234 ,5",
            "1,5 000",
            "0x10",
            "1_000",
            "--1",
            "1e",
            "1e+",
            "e5",
            "١٢",
        ] {
            assert_eq!(parse(s), Err(NumberError::Invalid), "{s:?}");
        }
        assert_eq!(parse("   "), Err(NumberError::Empty));
        assert_eq!(parse(""), Err(NumberError::Empty));
        assert_eq!(parse(&"1".repeat(81)), Err(NumberError::Invalid));
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn never_reads_a_prefix_like_parse_float() {
        assert_eq!(ok("1,5").0, 1_500_000_000_000);
        assert_eq!(parse("1,5 т"), Err(NumberError::Invalid));
        assert_eq!(parse("15%"), Err(NumberError::Invalid));
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn negative_exponent_decimals_and_magnitude() {
        assert_eq!(parse("-0,5"), Err(NumberError::Negative));
        assert_eq!(parse("\u{2212}2"), Err(NumberError::Negative));
        assert_eq!(parse("0.0000000000001"), Err(NumberError::TooManyDecimals));
        assert_eq!(
            parse("1000000000000.000000000001"),
            Err(NumberError::TooLarge)
        );
        assert_eq!(parse("1000000000001"), Err(NumberError::TooLarge));
        assert_eq!(parse("99999999999999999999999"), Err(NumberError::TooLarge));
        let plain = |s: &str| match parse(s) {
            Err(NumberError::Exponent { plain }) => plain,
            other => panic!("{s:?}: {other:?}"),
        };
        assert_eq!(plain("1e5").as_deref(), Some("100000"));
        assert_eq!(plain("1,25E+2").as_deref(), Some("125"));
        assert_eq!(plain("-2.5e-3").as_deref(), Some("-0.0025"));
        assert_eq!(plain("12.5e1").as_deref(), Some("125"));
        assert_eq!(plain("1e-99"), None);
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn canonical_form_round_trips() {
        for s in [
            "0",
            "12.5",
            "0.0000021",
            "1000000000000",
            "3.14159265",
            "0.000000898312",
        ] {
            assert_eq!(parse(s).unwrap().canonical(), s);
        }
    }
}
