//! Exact decimal arithmetic for the tables: scaled integers.
//!
//! Every cell value is an `i128` count of 10⁻¹² of its unit ([`SCALE`] = 12
//! decimal places). Twelve places are needed: inventory software prints trace
//! substances such as benzo(a)pyrene as `0.0000008983` g/s (ten places, four
//! significant digits), and 10⁻¹² leaves room for two more digits. With the
//! [largest accepted value](super::number::MAX_VALUE) of 10¹² (t/yr of a large
//! plant's CO) a cell is at most 10²⁴ units — beyond `i64`, so cells are `i128`
//! (up to 1.7·10³⁸): a sum of 10⁵ rows (10²⁹ units) or a cell times a constant
//! factor fits with room to spare, so no sum or bound can overflow. Comparisons of
//! two products of cells (the flow check) use [`mul_wide`], a full 256-bit product.
//!
//! The only divisions are for *displayed* values (an implied water flow, a bound,
//! a coordinate in degrees), and each names its rounding mode ([`Rounding`]). No
//! `f64` is ever used (why not `rust_decimal`: DESIGN.md).
//!
//! Sums are never rounded: a total is compared with the exact sum of its rows as
//! typed, within the rounding tolerance of the entries (see the
//! [emissions module docs](super#totals-and-the-rounding-tolerance)).

/// A value in units of 10⁻¹².
pub type Units = i128;

/// Decimal places of [`Units`].
pub const SCALE: u8 = 12;

/// How a displayed value is rounded to fewer decimal places.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rounding {
    /// Half away from zero (2,5 → 3; school rounding, used for displayed values).
    HalfAwayFromZero,
    /// Toward zero (truncation; used for upper bounds, so the shown bound is never
    /// above the exact one).
    TowardZero,
}

/// 10⁰ … 10¹⁹.
const POW10: [u64; 20] = [
    1,
    10,
    100,
    1_000,
    10_000,
    100_000,
    1_000_000,
    10_000_000,
    100_000_000,
    1_000_000_000,
    10_000_000_000,
    100_000_000_000,
    1_000_000_000_000,
    10_000_000_000_000,
    100_000_000_000_000,
    1_000_000_000_000_000,
    10_000_000_000_000_000,
    100_000_000_000_000_000,
    1_000_000_000_000_000_000,
    10_000_000_000_000_000_000,
];

/// 10ⁿ for n ≤ 19 (`u64::MAX` beyond).
pub(crate) fn pow10(n: u32) -> u64 {
    POW10.get(n as usize).copied().unwrap_or(u64::MAX)
}

/// Twice the half-unit of the last written place of a value with `decimals`
/// places, in units: 10^(12 − decimals). (Doubled so that a half-unit of the 12th
/// place stays an integer.)
pub(crate) fn half_ulp2(decimals: u8) -> i128 {
    i128::from(pow10(u32::from(SCALE.saturating_sub(decimals))))
}

/// One whole unit (1 g/s, 1 t, 1°) in [`Units`]: 10¹².
pub(crate) const ONE: i128 = 1_000_000_000_000;

/// The exact product of two non-negative values as (high, low) 128-bit halves,
/// so that products of cells (up to 10⁴⁸ and more) compare without overflow:
/// `mul_wide(a, b) > mul_wide(c, d)` is `a·b > c·d`.
pub(crate) fn mul_wide(a: u128, b: u128) -> (u128, u128) {
    const M: u128 = u64::MAX as u128;
    let (a1, a0, b1, b0) = (a >> 64, a & M, b >> 64, b & M);
    let (p00, p01, p10, p11) = (a0 * b0, a0 * b1, a1 * b0, a1 * b1);
    let mid = (p00 >> 64) + (p01 & M) + (p10 & M);
    let lo = (p00 & M) | (mid << 64);
    let hi = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
    (hi, lo)
}

/// `(hi, lo) × k` for a small `k`, saturating at the largest 256-bit value.
pub(crate) fn mul_wide_small((hi, lo): (u128, u128), k: u64) -> (u128, u128) {
    let (lh, ll) = mul_wide(lo, u128::from(k));
    match hi
        .checked_mul(u128::from(k))
        .and_then(|h| h.checked_add(lh))
    {
        Some(h) => (h, ll),
        None => (u128::MAX, u128::MAX),
    }
}

/// `n / d` and `n % d` truncated toward zero, as `/` and `%`, for `d ≠ 0` and
/// not `i128::MIN / -1`. Natively the operators; in wasm [`div_rem_u128`] on
/// the magnitudes, since the operators there call compiler-builtins' 128-bit
/// division (≈ 1.3 KB of code for a few displayed values).
pub(crate) fn div_rem(n: i128, d: i128) -> (i128, i128) {
    #[cfg(not(target_arch = "wasm32"))]
    {
        (n / d, n % d)
    }
    #[cfg(target_arch = "wasm32")]
    {
        div_rem_by_magnitude(n, d)
    }
}

/// [`div_rem`] by the division of the magnitudes: the quotient negative when
/// the signs differ, the remainder with the sign of `n`.
#[cfg(any(target_arch = "wasm32", test))]
fn div_rem_by_magnitude(n: i128, d: i128) -> (i128, i128) {
    let (q, r) = div_rem_u128(n.unsigned_abs(), d.unsigned_abs());
    let q = if (n < 0) != (d < 0) {
        (q as i128).wrapping_neg()
    } else {
        q as i128
    };
    let r = if n < 0 {
        (r as i128).wrapping_neg()
    } else {
        r as i128
    };
    (q, r)
}

/// `n / d` and `n % d` for `d ≠ 0` (`(0, 0)` for `d = 0`): by `u64` division
/// where both fit, else by shifting and subtracting, one bit of the quotient a
/// step.
#[cfg(any(target_arch = "wasm32", test))]
pub(crate) fn div_rem_u128(n: u128, d: u128) -> (u128, u128) {
    if d == 0 {
        return (0, 0);
    }
    if let (Ok(n), Ok(d)) = (u64::try_from(n), u64::try_from(d)) {
        return (u128::from(n / d), u128::from(n % d));
    }
    let (mut q, mut r) = (0u128, 0u128);
    let mut i = 128 - n.leading_zeros();
    while i > 0 {
        i -= 1;
        r = r << 1 | (n >> i) & 1;
        if r >= d {
            r -= d;
            q |= 1 << i;
        }
    }
    (q, r)
}

/// `a · k` saturating at the bounds of `i128`, as `a.saturating_mul(k)`.
/// Natively the method; in wasm by [`mul_wide`], where the method calls
/// compiler-builtins' overflow-checked 128-bit product.
pub(crate) fn saturating_mul_small(a: i128, k: u32) -> i128 {
    #[cfg(not(target_arch = "wasm32"))]
    {
        a.saturating_mul(i128::from(k))
    }
    #[cfg(target_arch = "wasm32")]
    {
        saturating_mul_wide(a, k)
    }
}

/// [`saturating_mul_small`] by the exact product of the magnitude ([`mul_wide`]).
#[cfg(any(target_arch = "wasm32", test))]
fn saturating_mul_wide(a: i128, k: u32) -> i128 {
    let (hi, p) = mul_wide(a.unsigned_abs(), u128::from(k));
    let bound = 1u128 << 127; // |i128::MIN|
    match (hi, a < 0) {
        (0, false) if p < bound => p as i128,
        (0, true) if p <= bound => (p as i128).wrapping_neg(),
        (_, true) => i128::MIN,
        _ => i128::MAX,
    }
}

/// `num / den` rounded to an integer with `mode`; `None` when `den` is zero.
pub(crate) fn div_round(num: i128, den: i128, mode: Rounding) -> Option<i128> {
    if den == 0 || (num == i128::MIN && den == -1) {
        return None;
    }
    let (q, r) = div_rem(num, den);
    Some(match mode {
        Rounding::TowardZero => q,
        Rounding::HalfAwayFromZero => {
            // |r| * 2 >= |den| means the fraction is at least one half
            // (|r| < |den|, so |den| − |r| does not wrap).
            if r.unsigned_abs() >= den.unsigned_abs() - r.unsigned_abs() {
                if (num < 0) == (den < 0) {
                    q.saturating_add(1)
                } else {
                    q.saturating_sub(1)
                }
            } else {
                q
            }
        }
    })
}

/// An integer count of 10^-`scale` as canonical decimal text: `.` separator, no
/// trailing fractional zeros, no exponent (`12.5`, `-0.0025`, `0`).
pub(crate) fn format_scaled(value: i128, scale: u8) -> String {
    #[cfg(not(target_arch = "wasm32"))]
    if let Some(s) = format_small(value, scale) {
        return s;
    }
    let mut buf = [b'0'; 48];
    let mut end = buf.len();
    let mut m = value.unsigned_abs();
    let mut written = 0usize;
    let scale = usize::from(scale);
    // u64 division is native in wasm; u128 division is a library call.
    while m > u128::from(u64::MAX) {
        #[cfg(not(target_arch = "wasm32"))]
        let (q, d) = (m / 10, (m % 10) as u8);
        #[cfg(target_arch = "wasm32")]
        let (q, d) = {
            let (q, r) = div_rem_u128(m, 10);
            (q, r as u8)
        };
        m = q;
        end -= 1;
        if let Some(b) = buf.get_mut(end) {
            *b = b'0' + d;
        }
        written += 1;
    }
    let mut small = m as u64;
    while small > 0 || written <= scale {
        if end == 0 {
            break;
        }
        end -= 1;
        if let Some(b) = buf.get_mut(end) {
            *b = b'0' + (small % 10) as u8;
        }
        small /= 10;
        written += 1;
    }
    let digits = buf.get(end..).unwrap_or_default();
    let split = digits.len().saturating_sub(scale);
    let (int_part, frac_part) = digits.split_at(split);
    let frac_len = frac_part
        .iter()
        .rposition(|&d| d != b'0')
        .map_or(0, |i| i + 1);
    let mut out = String::with_capacity(digits.len() + 2);
    if value < 0 {
        out.push('-');
    }
    crate::text::push_bytes(&mut out, int_part);
    if frac_len > 0 {
        out.push('.');
        crate::text::push_bytes(&mut out, frac_part.get(..frac_len).unwrap_or(frac_part));
    }
    out
}

/// [`format_scaled`] natively when the magnitude and `10^scale` fit a `u64`: the
/// fraction's trailing zeros dropped by division, the text written once backwards.
#[cfg(not(target_arch = "wasm32"))]
fn format_small(value: i128, scale: u8) -> Option<String> {
    let m = u64::try_from(value.unsigned_abs()).ok()?;
    let pow = POW10.get(usize::from(scale)).copied()?;
    let mut int = m / pow;
    let mut frac = m % pow;
    let mut places = u32::from(scale);
    let mut buf = [b'0'; 44];
    let mut end = buf.len();
    let mut put = |b: u8| {
        end -= 1;
        if let Some(slot) = buf.get_mut(end) {
            *slot = b;
        }
    };
    if frac != 0 {
        while frac % 1000 == 0 {
            frac /= 1000;
            places -= 3;
        }
        while frac % 10 == 0 {
            frac /= 10;
            places -= 1;
        }
        for _ in 0..places {
            put(b'0' + (frac % 10) as u8);
            frac /= 10;
        }
        put(b'.');
    }
    loop {
        put(b'0' + (int % 10) as u8);
        int /= 10;
        if int == 0 {
            break;
        }
    }
    if value < 0 {
        put(b'-');
    }
    let text = buf.get(end..).unwrap_or_default();
    std::str::from_utf8(text).ok().map(str::to_owned)
}

/// [`Units`] (or a sum of them) as canonical decimal text.
pub(crate) fn format_units(units: i128) -> String {
    format_scaled(units, SCALE)
}

/// Strips leading integer zeros and trailing fractional zeros (and a bare point)
/// from plain decimal digits: `007.50` → `7.5`, `.5` → `0.5`, `0.000` → `0`.
pub(crate) fn trim_canonical(s: &str) -> String {
    let (int, frac) = crate::text::split_once(s, ".").unwrap_or((s, ""));
    let int = crate::text::trim_start_byte(int, b'0');
    let frac = crate::text::trim_end_byte(frac, b'0');
    let mut out = String::from(if int.is_empty() { "0" } else { int });
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test(unsupported = test)]
    fn formats_canonically() {
        assert_eq!(format_units(0), "0");
        assert_eq!(format_units(12_500_000_000_000), "12.5");
        assert_eq!(format_units(-2_500_000_000), "-0.0025");
        assert_eq!(format_units(1), "0.000000000001");
        assert_eq!(format_units(ONE * ONE), "1000000000000");
        // 10^5 rows of 10^24 units.
        assert_eq!(format_units(ONE * ONE * 100_000), "100000000000000000");
        assert_eq!(format_units(i128::MIN).len(), 41);
        assert_eq!(format_scaled(15, 0), "15");
        assert_eq!(format_scaled(15, 3), "0.015");
        assert_eq!(format_scaled(-15, 0), "-15");
        assert_eq!(format_scaled(1000, 3), "1");
        assert_eq!(format_scaled(1100, 3), "1.1");
        assert_eq!(format_scaled(-100_020, 4), "-10.002");
        assert_eq!(format_scaled(15, 20), "0.00000000000000000015");
        assert_eq!(format_units(i128::from(u64::MAX)), "18446744.073709551615");
        assert_eq!(
            format_units(i128::from(u64::MAX) + 1),
            "18446744.073709551616"
        );
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn wide_products_are_exact() {
        let one = ONE.unsigned_abs();
        let big = 2 * one * one; // twice the largest cell
        assert_eq!(mul_wide(3, 5), (0, 15));
        assert_eq!(mul_wide(u128::MAX, 2), (1, u128::MAX - 1));
        // (2·10²⁴)² = 4·10⁴⁸ does not fit u128; its halves compare exactly.
        assert!(mul_wide(big, big) > mul_wide(big - 1, big));
        assert!(mul_wide(big, big) < mul_wide_small(mul_wide(big, big), 2));
        assert_eq!(mul_wide_small((0, 7), 101), (0, 707));
        assert_eq!(mul_wide_small((u128::MAX, 0), 2), (u128::MAX, u128::MAX));
        // Against u128 where it fits.
        for (a, b) in [
            (u64::MAX as u128, u64::MAX as u128),
            (one, one * 1000),
            (0, 5),
        ] {
            assert_eq!(mul_wide(a, b), (0, a * b));
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn rounding_modes_are_explicit() {
        use Rounding::*;
        assert_eq!(div_round(25, 10, HalfAwayFromZero), Some(3));
        assert_eq!(div_round(-25, 10, HalfAwayFromZero), Some(-3));
        assert_eq!(div_round(24, 10, HalfAwayFromZero), Some(2));
        assert_eq!(div_round(29, 10, TowardZero), Some(2));
        assert_eq!(div_round(-29, 10, TowardZero), Some(-2));
        assert_eq!(div_round(1, 0, TowardZero), None);
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn wasm_division_and_product_match_the_operators() {
        let big = ONE * ONE * 100_000;
        let values = [
            0,
            1,
            -1,
            7,
            -7,
            9,
            10,
            ONE - 1,
            ONE,
            -ONE,
            big + 12_345,
            -(big + 12_345),
            i128::from(u64::MAX),
            i128::from(u64::MAX) + 1,
            i128::MAX,
            i128::MIN,
            i128::MIN + 1,
        ];
        for &n in &values {
            for &d in &values {
                if d == 0 || (n == i128::MIN && d == -1) {
                    continue;
                }
                assert_eq!(div_rem_by_magnitude(n, d), (n / d, n % d), "{n} / {d}");
            }
            for k in [0, 1, 2, 10, 100, 101, 1_000_000, 632_448, u32::MAX] {
                let want = n.saturating_mul(i128::from(k));
                assert_eq!(saturating_mul_wide(n, k), want, "{n} * {k}");
            }
        }
        for d in [1, 3, 10, 3_600_000_000, u128::from(u64::MAX) + 3, u128::MAX] {
            for n in [
                0,
                5,
                u128::from(u64::MAX),
                u128::MAX,
                u128::MAX / 3,
                1 << 100,
            ] {
                assert_eq!(div_rem_u128(n, d), (n / d, n % d), "{n} / {d}");
            }
        }
        assert_eq!(saturating_mul_wide(i128::MIN / 2, 2), i128::MIN);
        assert_eq!(saturating_mul_wide(i128::MAX / 2 + 1, 2), i128::MAX);
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn half_ulp_and_trim() {
        assert_eq!(half_ulp2(0), ONE);
        assert_eq!(half_ulp2(4), 100_000_000);
        assert_eq!(half_ulp2(12), 1);
        for n in 0..20 {
            assert_eq!(pow10(n), 10u64.pow(n));
        }
        assert_eq!(trim_canonical("007.50"), "7.5");
        assert_eq!(trim_canonical("0.000"), "0");
        assert_eq!(trim_canonical("100"), "100");
        assert_eq!(trim_canonical(".5"), "0.5");
    }
}
