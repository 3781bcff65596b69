//! The proleptic Gregorian calendar as arithmetic: leap years, month lengths and
//! the day count since 1970-01-01 (Howard Hinnant's `days_from_civil` and
//! `civil_from_days`).
//!
//! Written once for the crate and its build script: the build script includes this
//! file (`#[path]`) to turn the dates of `data/calendar/` into days, so it uses
//! nothing but `core`.

/// True for leap years of the Gregorian calendar (without branches: the ИИН hot
/// path, `ident::is_valid_identifier`, calls it for a random mix of dates).
///
/// ```
/// use kz_eco_rules::calendar::is_leap_year;
/// assert!(is_leap_year(2000) && is_leap_year(2024));
/// assert!(!is_leap_year(1900) && !is_leap_year(2023));
/// ```
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
}

/// Days in months 1–12 of a common year (index 0 and 13–15: no such month).
const DAYS_IN_MONTH: [u8; 16] = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31, 0, 0, 0];

/// Number of days in `month` of `year` (0 for a month outside 1–12); a table
/// lookup without branches.
///
/// ```
/// use kz_eco_rules::calendar::days_in_month;
/// assert_eq!((days_in_month(2024, 2), days_in_month(2023, 2), days_in_month(2023, 4)), (29, 28, 30));
/// assert_eq!(days_in_month(2023, 13), 0);
/// ```
pub fn days_in_month(year: i32, month: u32) -> u8 {
    DAYS_IN_MONTH
        .get(month.min(15) as usize)
        .map_or(0, |&n| n + u8::from((month == 2) & is_leap_year(year)))
}

/// Days since 1970-01-01 (negative before) of `year-month-day`, for a valid date
/// (`month` 1–12, `day` 1–31, `|year|` below a million).
pub fn days_from_civil(year: i32, month: u32, day: u32) -> i32 {
    let y = year - i32::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = month as i32;
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + day as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// `(year, month, day)` of the day `days` after 1970-01-01; `None` only when the
/// count is near `i32::MAX`.
pub fn civil_from_days(days: i32) -> Option<(i32, u32, u32)> {
    let z = days.checked_add(719_468)?;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    Some((yoe + era * 400 + i32::from(m <= 2), m as u32, d as u32))
}

/// The day of the week of the day `days` after 1970-01-01: 0 = Monday … 6 = Sunday.
pub fn weekday_from_days(days: i32) -> u32 {
    // 1970-01-01 was a Thursday.
    (days.rem_euclid(7) as u32 + 3) % 7
}
