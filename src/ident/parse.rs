//! Reading 12 digits into an [`Iin`] or a [`Bin`], or saying exactly why not.
//!
//! The order of the checks decides which reason is given when several apply:
//! text (empty, characters, separators, length) → kind (5th digit) → structure
//! (ИИН: century/sex, then the date; БИН: month, type, attribute) → check digit.

use thiserror::Error;

use super::{Attribute, Bin, EntityType, Identifier, Iin, Kind, Sex, YearMonth};
use crate::calendar::{days_in_month, Date};

/// Why a text is not a valid ИИН/БИН. Every variant maps to one finding code
/// ([`Reason::code`]); positions count characters from 1, after surrounding
/// whitespace is trimmed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum Reason {
    /// Nothing but whitespace.
    #[error("no IIN/BIN given")]
    Empty,
    /// Digits separated by a space or a dash (`990 140 004 654`).
    #[error("separator {ch:?} at position {position}: the 12 digits must be written together")]
    InnerSeparator {
        /// The first separator.
        ch: char,
        /// Its position.
        position: usize,
    },
    /// A digit of another script or a full-width digit (`８`, `٣`), not `0`–`9`.
    #[error("{ch:?} at position {position} is not an ASCII digit 0-9")]
    NonAsciiDigit {
        /// The character.
        ch: char,
        /// Its position.
        position: usize,
    },
    /// A character that is not a digit at all.
    #[error("{ch:?} at position {position} is not a digit")]
    NonDigit {
        /// The character.
        ch: char,
        /// Its position.
        position: usize,
    },
    /// Not 12 digits.
    #[error("{length} digits instead of 12")]
    WrongLength {
        /// Number of digits given.
        length: usize,
    },
    /// The 5th digit (7–9) is neither a day of birth (ИИН, 0–3) nor an entity
    /// type (БИН, 4–6).
    #[error("5th digit {digit} is neither an IIN day of birth (0-3) nor a BIN entity type (4-6)")]
    UnknownKind {
        /// The 5th digit.
        digit: u8,
    },
    /// An ИИН was asked for, and the text is a valid БИН.
    #[error("this is a BIN, not an IIN")]
    BinNotIin,
    /// A БИН was asked for, and the text is a valid ИИН.
    #[error("this is an IIN, not a BIN")]
    IinNotBin,
    /// ИИН: the 7th digit is not 1–6.
    #[error("7th digit {digit} is not a century/sex code (1-6)")]
    UnknownCenturySex {
        /// The 7th digit.
        digit: u8,
    },
    /// ИИН: the first six digits (with the century of the 7th) are no date.
    #[error("no such date of birth: {year:04}-{month:02}-{day:02}")]
    ImpossibleBirthDate {
        /// Full year (from the century digit).
        year: u16,
        /// Month as written (may be 0 or above 12).
        month: u8,
        /// Day as written.
        day: u8,
    },
    /// БИН: the month of registration is not 01–12.
    #[error("no such month of registration: {year:04}-{month:02}")]
    ImpossibleRegistrationMonth {
        /// Full year.
        year: u16,
        /// Month as written.
        month: u8,
    },
    /// БИН: the 5th digit is not 4–6.
    #[error("5th digit {digit} is not a BIN entity type (4-6)")]
    UnknownEntityType {
        /// The 5th digit.
        digit: u8,
    },
    /// БИН: the 6th digit is not 0–3.
    #[error("6th digit {digit} is not a BIN attribute (0-3)")]
    UnknownAttribute {
        /// The 6th digit.
        digit: u8,
    },
    /// The 12th digit differs from the one computed from the first 11.
    #[error("check digit is {actual}, expected {expected}")]
    ChecksumMismatch {
        /// The check digit the first 11 digits call for.
        expected: u8,
        /// The 12th digit as written.
        actual: u8,
    },
    /// Both passes of the check-digit algorithm give 10: no 12th digit can make
    /// these 11 digits valid.
    #[error("no check digit exists for these 11 digits (both passes give 10)")]
    Uncheckable,
}

/// Weights of the first pass; the second pass uses them rotated by two.
const WEIGHTS_1: [u32; 11] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const WEIGHTS_2: [u32; 11] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/// The check digit of the first 11 digits (each 0–9): Σ dᵢ·wᵢ mod 11 with weights
/// 1…11; if that is 10, again with weights 3…11, 1, 2; `None` when the second
/// pass gives 10 too (no valid number starts with these digits).
///
/// ```
/// use kz_eco_rules::ident::check_digit;
/// assert_eq!(check_digit(&[8, 7, 1, 0, 0, 8, 4, 0, 1, 4, 2]), Some(7));
/// assert_eq!(check_digit(&[0, 0, 0, 8, 1, 3, 1, 5, 9, 8, 9]), None);
/// ```
pub fn check_digit(first11: &[u8; 11]) -> Option<u8> {
    let pass = |weights: &[u32; 11]| -> u8 {
        let mut sum = 0u32;
        for (&d, &w) in first11.iter().zip(weights) {
            sum += u32::from(d) * w;
        }
        // The remainder is below 11 (the sum is at most 255 · 66).
        (sum % 11) as u8
    };
    match pass(&WEIGHTS_1) {
        10 => match pass(&WEIGHTS_2) {
            10 => None,
            d => Some(d),
        },
        d => Some(d),
    }
}

/// Reads an ИИН or a БИН, telling them apart by the 5th digit: 0–3 is the first
/// digit of a day of birth (ИИН), 4–6 an entity type (БИН).
///
/// ```
/// use kz_eco_rules::ident::{parse_identifier, Identifier, Reason};
/// let Ok(Identifier::Bin(bin)) = parse_identifier(" 940140000385 ") else { panic!() };
/// assert_eq!(bin.registered().to_string(), "1994-01");
/// assert_eq!(parse_identifier("940140000380"),
///            Err(Reason::ChecksumMismatch { expected: 5, actual: 0 }));
/// ```
pub fn parse_identifier(text: &str) -> Result<Identifier, Reason> {
    let d = digits(text)?;
    match kind_of(&d) {
        Some(Kind::Iin) => iin(&d).map(Identifier::Iin),
        Some(Kind::Bin) => bin(&d).map(Identifier::Bin),
        None => Err(Reason::UnknownKind { digit: d[4] }),
    }
}

/// Whether `text` is a valid ИИН or БИН: the same answer as
/// `parse_identifier(text).is_ok()`, without the fields or the reason, for
/// filtering many numbers fast.
///
/// For exactly 12 ASCII digits (nearly every input), every rule of both kinds is
/// evaluated and the results are combined with `&`, without early exits: in a
/// random mix of ИИН, БИН and typing errors the branches of a rule-by-rule reading
/// are unpredictable and cost more than the rules themselves. Anything else goes
/// through [`parse_identifier`].
///
/// ```
/// use kz_eco_rules::ident::is_valid_identifier;
/// assert!(is_valid_identifier("871008401427"));
/// assert!(is_valid_identifier(" 940140000385 "));
/// assert!(!is_valid_identifier("871008401428"));
/// ```
pub fn is_valid_identifier(text: &str) -> bool {
    match <&[u8; 12]>::try_from(text.as_bytes()) {
        Ok(bytes) => valid_twelve(bytes),
        Err(_) => parse_identifier(text).is_ok(),
    }
}

/// `u64` holding 8 bytes `b` in each byte.
const fn bytes8(b: u8) -> u64 {
    u64::from_ne_bytes([b; 8])
}

/// Multiplier for a dot product in four 16-bit lanes: the top lane of
/// `x.wrapping_mul(lanes(v))` is `x₀·v₀ + x₁·v₁ + x₂·v₂ + x₃·v₃` for `xₖ` in lane `k`
/// (no lane overflows: digits times weights sum to far below 2¹⁶).
const fn lanes(v: [u64; 4]) -> u64 {
    let [v0, v1, v2, v3] = v;
    v3 | v2 << 16 | v1 << 32 | v0 << 48
}

/// [`WEIGHTS_1`] and [`WEIGHTS_2`] of digits 1, 3, 5, 7 (even lanes) and 2, 4, 6, 8
/// (odd lanes); a test checks them against the weight tables.
const PASS1_EVEN: [u64; 4] = [1, 3, 5, 7];
const PASS1_ODD: [u64; 4] = [2, 4, 6, 8];
const PASS2_EVEN: [u64; 4] = [3, 5, 7, 9];
const PASS2_ODD: [u64; 4] = [4, 6, 8, 10];

/// Whether all eight bytes of `x` are ASCII digits: below `0` the subtraction
/// sets a byte's top bit, above `9` the addition does (a borrow or carry only
/// comes out of a byte that fails itself).
fn ascii_digits8(x: u64) -> bool {
    (x.wrapping_sub(bytes8(b'0')) | x.wrapping_add(bytes8(0x80 - 0x3A))) & bytes8(0x80) == 0
}

/// The rules of [`parse_identifier`] for 12 bytes, without early exits: the first
/// eight bytes are read as one `u64` and their digits weighted by multiplication
/// in 16-bit lanes (both check-digit passes), every rule of both kinds is
/// evaluated and the results are combined with `&`.
fn valid_twelve(b: &[u8; 12]) -> bool {
    let [b0, b1, b2, b3, b4, b5, b6, b7, b8, b9, b10, b11] = *b;
    let lo = u64::from_le_bytes([b0, b1, b2, b3, b4, b5, b6, b7]);
    let hi = u64::from_le_bytes([b8, b9, b10, b11, b'0', b'0', b'0', b'0']);
    if !(ascii_digits8(lo) & ascii_digits8(hi)) {
        return false;
    }
    let (lo, hi) = (lo - bytes8(b'0'), hi - bytes8(b'0'));
    let digit = |x: u64, k: u32| ((x >> (8 * k)) & 0xFF) as u32;
    // Check digit: both passes (digits 9–11 one by one), then pick (the 12th digit
    // is never 10).
    let even = lo & 0x00FF_00FF_00FF_00FF;
    let odd = (lo >> 8) & 0x00FF_00FF_00FF_00FF;
    let dot = |x: u64, v: [u64; 4]| (x.wrapping_mul(lanes(v)) >> 48) as u32;
    let (d8, d9, d10, d11) = (digit(hi, 0), digit(hi, 1), digit(hi, 2), digit(hi, 3));
    let s1 = dot(even, PASS1_EVEN) + dot(odd, PASS1_ODD) + 9 * d8 + 10 * d9 + 11 * d10;
    let s2 = dot(even, PASS2_EVEN) + dot(odd, PASS2_ODD) + 11 * d8 + d9 + 2 * d10;
    let (r1, r2) = (s1 % 11, s2 % 11);
    let check_ok = d11 == if r1 == 10 { r2 } else { r1 };
    let [d0, d1, d2, d3, d4, d5, d6] = [0, 1, 2, 3, 4, 5, 6].map(|k| digit(lo, k));
    let (yy, month, day) = (d0 * 10 + d1, d2 * 10 + d3, d4 * 10 + d5);
    let month_ok = month.wrapping_sub(1) < 12;
    // ИИН: 5th digit 0–3 (day of birth), 7th 1–6 (century and sex), a real date.
    // (Clamped so that an invalid 7th digit cannot overflow; `iin_ok` rejects it.)
    let year = 1800 + 100 * (d6.wrapping_sub(1).min(5) / 2) + yy;
    let days = u32::from(days_in_month(year as i32, month));
    let iin_ok = (d4 <= 3) & (d6.wrapping_sub(1) < 6) & month_ok & (day.wrapping_sub(1) < days);
    // БИН: 5th digit 4–6 (entity type), 6th 0–4 (attribute), a real month.
    let bin_ok = (d4.wrapping_sub(4) < 3) & ((d5 as usize) < Attribute::ALL.len()) & month_ok;
    check_ok & (iin_ok | bin_ok)
}

/// Reads an ИИН. A valid БИН gives [`Reason::BinNotIin`]; anything else is read
/// as an ИИН and the first failing rule is reported.
///
/// ```
/// use kz_eco_rules::ident::{parse_iin, Reason, Sex};
/// let iin = parse_iin("871008401427").unwrap();
/// assert_eq!(iin.birth_date().to_string(), "1987-10-08");
/// assert_eq!(iin.sex(), Sex::Female);
/// assert_eq!(iin.century(), 20);
/// assert_eq!(parse_iin("940140000385"), Err(Reason::BinNotIin));
/// assert_eq!(parse_iin("8710084O1427"), Err(Reason::NonDigit { ch: 'O', position: 8 }));
/// ```
pub fn parse_iin(text: &str) -> Result<Iin, Reason> {
    let d = digits(text)?;
    iin(&d).map_err(|e| {
        if kind_of(&d) == Some(Kind::Bin) && bin(&d).is_ok() {
            Reason::BinNotIin
        } else {
            e
        }
    })
}

/// Reads a БИН. A valid ИИН gives [`Reason::IinNotBin`]; anything else is read
/// as a БИН and the first failing rule is reported.
///
/// ```
/// use kz_eco_rules::ident::{parse_bin, Attribute, EntityType, Reason};
/// let bin = parse_bin("950341000052").unwrap();
/// assert_eq!(bin.entity_type(), EntityType::ResidentLegalEntity);
/// assert_eq!(bin.attribute(), Attribute::Branch);
/// assert_eq!(parse_bin("871008401427"), Err(Reason::IinNotBin));
/// ```
pub fn parse_bin(text: &str) -> Result<Bin, Reason> {
    let d = digits(text)?;
    bin(&d).map_err(|e| {
        if kind_of(&d) == Some(Kind::Iin) && iin(&d).is_ok() {
            Reason::IinNotBin
        } else {
            e
        }
    })
}

/// Which identifier 12 digits are, by the 5th digit (`None` for 7–9).
pub(super) fn kind_of(d: &[u8; 12]) -> Option<Kind> {
    match d[4] {
        0..=3 => Some(Kind::Iin),
        4..=6 => Some(Kind::Bin),
        _ => None,
    }
}

/// The 12 digit values of `text`, or why it is not 12 ASCII digits.
pub(super) fn digits(text: &str) -> Result<[u8; 12], Reason> {
    // Fast path: exactly 12 ASCII digits, nothing around them.
    if let Ok(bytes) = <&[u8; 12]>::try_from(text.as_bytes()) {
        let d = bytes.map(|b| b.wrapping_sub(b'0'));
        // One pass without early exits: every byte was '0'..='9'.
        if d.iter().fold(0u8, |acc, &x| acc | u8::from(x > 9)) == 0 {
            return Ok(d);
        }
    }
    let text = crate::text::trim(text);
    if text.is_empty() {
        return Err(Reason::Empty);
    }
    // (An ASCII byte at either end is a whole char.)
    let bytes = text.as_bytes();
    let between_digits = bytes.first().is_some_and(u8::is_ascii_digit)
        && bytes.last().is_some_and(u8::is_ascii_digit);
    let mut out = [0u8; 12];
    let mut count = 0usize;
    let mut separator = None;
    for (i, ch) in text.chars().enumerate() {
        let position = i + 1;
        if ch.is_ascii_digit() {
            if let Some(slot) = out.get_mut(count) {
                *slot = ch as u8 - b'0';
            }
            count += 1;
        } else if between_digits && is_separator(ch) {
            separator = separator.or(Some(Reason::InnerSeparator { ch, position }));
        } else if is_number(ch) {
            return Err(Reason::NonAsciiDigit { ch, position });
        } else {
            return Err(Reason::NonDigit { ch, position });
        }
    }
    match separator {
        Some(reason) => Err(reason),
        None if count == 12 => Ok(out),
        None => Err(Reason::WrongLength { length: count }),
    }
}

/// Whitespace or a dash, as people type them inside long numbers.
fn is_separator(ch: char) -> bool {
    crate::text::is_space(ch)
        || matches!(
            ch,
            '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}'
        )
}

include!(concat!(env!("OUT_DIR"), "/numbers.rs"));

/// `char::is_numeric` (Unicode's N: `٣`, `８`, `²`, `Ⅻ`) by the crate's table of
/// it, [`NUMBERS`]: core's table and its lookup cost the wasm twice as much.
fn is_number(ch: char) -> bool {
    if ch.is_ascii() {
        return ch.is_ascii_digit();
    }
    let mut bytes = NUMBERS.iter();
    let mut leb = || {
        let mut n = 0u32;
        for shift in (0..35).step_by(7) {
            let b = *bytes.next()?;
            n |= u32::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Some(n);
            }
        }
        None
    };
    let (u, mut next) = (u32::from(ch), 0x80u32);
    while let (Some(gap), Some(len)) = (leb(), leb()) {
        let start = next + gap;
        if u < start {
            return false;
        }
        next = start + len + 1;
        if u < next {
            return true;
        }
    }
    false
}

/// Two digits as a number.
fn pair(a: u8, b: u8) -> u8 {
    a * 10 + b
}

/// The check digit rule for 12 digits.
fn verify(d: &[u8; 12]) -> Result<(), Reason> {
    let [a, b, c, e, f, g, h, i, j, k, l, last] = *d;
    match check_digit(&[a, b, c, e, f, g, h, i, j, k, l]) {
        None => Err(Reason::Uncheckable),
        Some(expected) if expected == last => Ok(()),
        Some(expected) => Err(Reason::ChecksumMismatch {
            expected,
            actual: last,
        }),
    }
}

/// The 12 digits as ASCII text.
fn ascii(d: &[u8; 12]) -> [u8; 12] {
    d.map(|x| x + b'0')
}

/// 12 digits read as an ИИН.
fn iin(d: &[u8; 12]) -> Result<Iin, Reason> {
    let (sex, century) = century_sex(d[6]).ok_or(Reason::UnknownCenturySex { digit: d[6] })?;
    let year = century_start(century) + u16::from(pair(d[0], d[1]));
    let (month, day) = (pair(d[2], d[3]), pair(d[4], d[5]));
    let birth_date = Date::new(i32::from(year), u32::from(month), u32::from(day))
        .ok_or(Reason::ImpossibleBirthDate { year, month, day })?;
    verify(d)?;
    Ok(Iin {
        number: ascii(d),
        birth_date,
        sex,
        century,
    })
}

/// 12 digits read as a БИН.
fn bin(d: &[u8; 12]) -> Result<Bin, Reason> {
    let year = registration_year(pair(d[0], d[1]));
    let month = pair(d[2], d[3]);
    let registered =
        YearMonth::new(year, month).ok_or(Reason::ImpossibleRegistrationMonth { year, month })?;
    let entity_type =
        EntityType::from_digit(d[4]).ok_or(Reason::UnknownEntityType { digit: d[4] })?;
    let attribute = Attribute::from_digit(d[5]).ok_or(Reason::UnknownAttribute { digit: d[5] })?;
    verify(d)?;
    Ok(Bin {
        number: ascii(d),
        registered,
        entity_type,
        attribute,
    })
}

/// The 7th digit of an ИИН: sex and century of birth, as the standard numbers
/// centuries (19 = years 1800–1899, 20 = 1900–1999, 21 = 2000–2099).
pub(super) fn century_sex(digit: u8) -> Option<(Sex, u8)> {
    let sex = if digit % 2 == 1 {
        Sex::Male
    } else {
        Sex::Female
    };
    match digit {
        1..=6 => Some((sex, 19 + (digit - 1) / 2)),
        _ => None,
    }
}

/// The 7th digit of an ИИН for a sex and a century (19–21).
pub(super) fn century_sex_digit(sex: Sex, century: u8) -> Option<u8> {
    let base = match century {
        19..=21 => (century - 19) * 2 + 1,
        _ => return None,
    };
    Some(match sex {
        Sex::Male => base,
        Sex::Female => base + 1,
    })
}

/// First year of a century as the ИИН counts them (20 → 1900).
pub(super) fn century_start(century: u8) -> u16 {
    u16::from(century).saturating_sub(1).saturating_mul(100)
}

/// The full year of a БИН's two-digit year: 90–99 → 1990s, 00–89 → 2000–2089.
pub(super) fn registration_year(yy: u8) -> u16 {
    if yy >= 90 {
        1900 + u16::from(yy)
    } else {
        2000 + u16::from(yy)
    }
}

/// Builds 12 digits from the first 11 and the check digit they call for.
fn with_check_digit(first11: [u8; 11]) -> Result<[u8; 12], Reason> {
    let check = check_digit(&first11).ok_or(Reason::Uncheckable)?;
    let [a, b, c, e, f, g, h, i, j, k, l] = first11;
    Ok([a, b, c, e, f, g, h, i, j, k, l, check])
}

/// Builds an ИИН from its parts and re-reads it (so the fields always come from
/// the digits, exactly as [`parse_iin`] reads them). Only the last four digits of
/// `serial` are used.
pub(super) fn build_iin(birth_date: Date, sex: Sex, serial: u16) -> Result<Iin, Reason> {
    let year = u16::try_from(birth_date.year()).unwrap_or(0);
    let month = u8::try_from(birth_date.month()).unwrap_or(0);
    let day = u8::try_from(birth_date.day()).unwrap_or(0);
    let century = u8::try_from(year / 100 + 1).unwrap_or(0);
    // Years outside 1800–2099 have no century/sex digit.
    let digit =
        century_sex_digit(sex, century).ok_or(Reason::ImpossibleBirthDate { year, month, day })?;
    let [s0, s1, s2, s3] = split4(serial);
    let [y0, y1] = split2(year % 100);
    let [m0, m1] = split2(u16::from(month));
    let [d0, d1] = split2(u16::from(day));
    let d = with_check_digit([y0, y1, m0, m1, d0, d1, digit, s0, s1, s2, s3])?;
    iin(&d)
}

/// Builds a БИН from its parts and re-reads it. Only the last five digits of
/// `serial` are used.
pub(super) fn build_bin(
    registered: YearMonth,
    entity_type: EntityType,
    attribute: Attribute,
    serial: u32,
) -> Result<Bin, Reason> {
    let [y0, y1] = split2(registered.year() % 100);
    let [m0, m1] = split2(u16::from(registered.month()));
    let s = serial % 100_000;
    let [s0, s1, s2, s3] = split4((s / 10) as u16);
    let s4 = (s % 10) as u8;
    let d = with_check_digit([
        y0,
        y1,
        m0,
        m1,
        entity_type.digit(),
        attribute.digit(),
        s0,
        s1,
        s2,
        s3,
        s4,
    ])?;
    let bin = bin(&d)?;
    if bin.registered() == registered {
        Ok(bin)
    } else {
        // A year outside 1990–2089 does not survive the two-digit year.
        Err(Reason::ImpossibleRegistrationMonth {
            year: registered.year(),
            month: registered.month(),
        })
    }
}

/// The last two decimal digits of `n`.
fn split2(n: u16) -> [u8; 2] {
    [((n / 10) % 10) as u8, (n % 10) as u8]
}

/// The last four decimal digits of `n`.
fn split4(n: u16) -> [u8; 4] {
    let [a, b] = split2(n / 100);
    let [c, d] = split2(n);
    [a, b, c, d]
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[test]
    fn numbers_are_cores() {
        // Both sides of every edge of core's ranges, and every 97th character.
        let max = u32::from(char::MAX);
        let mut checked = 0;
        for u in 0..=max {
            let edge = |v: u32| char::from_u32(v).is_some_and(char::is_numeric);
            if u % 97 == 0
                || (u > 0 && edge(u) != edge(u - 1))
                || (u < max && edge(u) != edge(u + 1))
            {
                if let Some(c) = char::from_u32(u) {
                    assert_eq!(is_number(c), c.is_numeric(), "U+{u:04X}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 11_000, "{checked}");
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn century_sex_digits_are_1_to_6_and_invert() {
        assert_eq!(century_sex(0), None);
        for digit in 7..=9 {
            assert_eq!(century_sex(digit), None);
        }
        for digit in 1..=6 {
            let (sex, century) = century_sex(digit).unwrap();
            assert_eq!(century_sex_digit(sex, century), Some(digit));
        }
        assert_eq!(century_sex(3), Some((Sex::Male, 20)));
        assert_eq!(century_sex(6), Some((Sex::Female, 21)));
        assert_eq!(century_start(19), 1800);
        assert_eq!(century_sex_digit(Sex::Male, 22), None);
    }

    /// Every structure the rules look at — years around leap years and the БИН
    /// pivot, months 0–13 and beyond, every 5th/6th/7th digit — with the right
    /// and a wrong check digit: the hot path agrees with the rule-by-rule reading.
    #[wasm_bindgen_test(unsupported = test)]
    fn the_branch_free_check_agrees_with_the_rule_by_rule_reading() {
        let mut seed = 0x2545_f491_u32;
        let mut next_digit = || {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            (seed % 10) as u8
        };
        let (mut valid, mut checked) = (0, 0);
        for yy in [0u8, 1, 4, 89, 90, 96, 99] {
            for month in (0u8..=13).chain([19, 20, 99]) {
                for day in 0u8..100 {
                    for d6 in 0u8..10 {
                        let mut first11 = [
                            yy / 10,
                            yy % 10,
                            month / 10,
                            month % 10,
                            day / 10,
                            day % 10,
                            d6,
                            0,
                            0,
                            0,
                            0,
                        ];
                        for slot in &mut first11[7..] {
                            *slot = next_digit();
                        }
                        let right = check_digit(&first11).unwrap_or(0);
                        for last in [right, (right + 1) % 10] {
                            let mut d = [0; 12];
                            d[..11].copy_from_slice(&first11);
                            d[11] = last;
                            let text: String = d.iter().map(|&x| char::from(b'0' + x)).collect();
                            let reference = parse_identifier(&text);
                            assert_eq!(is_valid_identifier(&text), reference.is_ok(), "{text}");
                            valid += usize::from(reference.is_ok());
                            checked += 1;
                        }
                    }
                }
            }
        }
        assert_eq!(checked, 7 * 17 * 100 * 10 * 2);
        // Both kinds and the leap days are among them.
        assert!(valid > 10_000, "{valid}");
        // 29 February of year `yy` in the century of 7th digit `d6`, with the first
        // serial that has a check digit.
        let feb29 = |yy: u8, d6: u8| {
            (0..10).find_map(|serial| {
                let first11 = [yy / 10, yy % 10, 0, 2, 2, 9, d6, 0, 0, 0, serial];
                let [a, b, c, e, f, g, h, i, j, k, l] = first11;
                let check = check_digit(&first11)?;
                Some(valid_twelve(
                    &[a, b, c, e, f, g, h, i, j, k, l, check].map(|x| x + b'0'),
                ))
            }) == Some(true)
        };
        assert!(!feb29(0, 1), "1800-02-29");
        assert!(!feb29(0, 3), "1900-02-29");
        assert!(feb29(0, 5), "2000-02-29");
        assert!(feb29(96, 3), "1996-02-29");
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn the_lane_weights_are_the_weight_tables() {
        let pick = |w: &[u32; 11], from: usize| [0, 2, 4, 6].map(|k| u64::from(w[from + k]));
        assert_eq!(PASS1_EVEN, pick(&WEIGHTS_1, 0));
        assert_eq!(PASS1_ODD, pick(&WEIGHTS_1, 1));
        assert_eq!(PASS2_EVEN, pick(&WEIGHTS_2, 0));
        assert_eq!(PASS2_ODD, pick(&WEIGHTS_2, 1));
        assert_eq!(&WEIGHTS_1[8..], &[9, 10, 11]);
        assert_eq!(&WEIGHTS_2[8..], &[11, 1, 2]);
        let x: u64 = 9 | 8 << 16 | 7 << 32 | 6 << 48;
        assert_eq!(x.wrapping_mul(lanes([1, 2, 3, 4])) >> 48, 9 + 16 + 21 + 24);
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn eight_bytes_are_digits_exactly_when_each_is() {
        for at in 0..8 {
            for byte in 0..=255u8 {
                for fill in [b'0', b'9'] {
                    let mut b = [fill; 8];
                    b[at] = byte;
                    let x = u64::from_le_bytes(b);
                    assert_eq!(ascii_digits8(x), byte.is_ascii_digit(), "{b:?}");
                }
            }
        }
    }

    /// Any ASCII byte, and any 2-byte and some 3-byte characters, in any place of
    /// a valid number of 12 bytes: the branch-free check says what the rule-by-rule reading says.
    #[wasm_bindgen_test(unsupported = test)]
    fn every_byte_in_every_place_is_judged_alike() {
        let numbers = ["871008401427", "940140000385", "950341000052"];
        let mut cases = 0;
        for number in numbers {
            for at in 0..12 {
                for byte in 0..128u8 {
                    let mut b = number.as_bytes().to_vec();
                    b[at] = byte;
                    let text = String::from_utf8(b).unwrap();
                    assert_eq!(
                        is_valid_identifier(&text),
                        parse_identifier(&text).is_ok(),
                        "{text:?}"
                    );
                    cases += 1;
                }
            }
            // Every 2-byte character, and 3-byte ones people paste: minus sign,
            // figure space, full-width zero, the last of the plane.
            for ch in ('\u{80}'..='\u{7FF}').chain(['\u{2212}', '\u{2007}', '\u{FF10}', '\u{FFFF}'])
            {
                for at in 0..12 - ch.len_utf8() + 1 {
                    let text = format!("{}{ch}{}", &number[..at], &number[at + ch.len_utf8()..]);
                    assert_eq!(text.len(), 12);
                    assert!(!is_valid_identifier(&text), "{text:?}");
                    assert!(parse_identifier(&text).is_err(), "{text:?}");
                    cases += 1;
                }
            }
        }
        assert!(cases > 3 * 12 * 128, "{cases}");
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn the_fast_path_takes_exactly_twelve_ascii_digits() {
        for byte in 0..128u8 {
            for at in 0..12 {
                let mut b = *b"012345678901";
                b[at] = byte;
                let text = std::str::from_utf8(&b).unwrap();
                assert_eq!(
                    digits(text).is_ok(),
                    byte.is_ascii_digit(),
                    "{byte} at {at}"
                );
            }
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn digits_map_to_their_values() {
        for d in 0..10 {
            assert_eq!(
                EntityType::from_digit(d).map(EntityType::digit),
                (4..=6).contains(&d).then_some(d)
            );
            assert_eq!(
                Attribute::from_digit(d).map(Attribute::digit),
                (0..=4).contains(&d).then_some(d)
            );
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn bin_years_pivot_at_90() {
        assert_eq!(registration_year(90), 1990);
        assert_eq!(registration_year(99), 1999);
        assert_eq!(registration_year(0), 2000);
        assert_eq!(registration_year(89), 2089);
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn text_problems_are_found_in_order() {
        assert_eq!(digits(" \u{3000}"), Err(Reason::Empty));
        // A letter wins over a separator; a separator over the length.
        assert_eq!(
            digits("12 3x4"),
            Err(Reason::NonDigit {
                ch: 'x',
                position: 5
            })
        );
        assert_eq!(
            digits("12 3"),
            Err(Reason::InnerSeparator {
                ch: ' ',
                position: 3
            })
        );
        assert_eq!(digits("123"), Err(Reason::WrongLength { length: 3 }));
        assert_eq!(
            digits("1２"),
            Err(Reason::NonAsciiDigit {
                ch: '２',
                position: 2
            })
        );
        assert_eq!(digits(" 000000000000\n"), Ok([0; 12]));
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn builders_reject_what_the_digits_cannot_hold() {
        let d = Date::new(1799, 12, 31).unwrap();
        assert_eq!(
            build_iin(d, Sex::Male, 1),
            Err(Reason::ImpossibleBirthDate {
                year: 1799,
                month: 12,
                day: 31
            })
        );
        let ym = YearMonth::new(1989, 1).unwrap();
        assert_eq!(
            build_bin(ym, EntityType::ResidentLegalEntity, Attribute::Branch, 1),
            Err(Reason::ImpossibleRegistrationMonth {
                year: 1989,
                month: 1
            })
        );
    }
}
