//! Civil dates and ISO 8601 date-times with a UTC offset — no clock, no time zone
//! database: the core never asks the system what day it is.

use std::fmt;

use thiserror::Error;

use super::civil;
pub use super::civil::{days_in_month, is_leap_year};

/// A day of the proleptic Gregorian calendar, years 1–9999.
///
/// ```
/// use kz_eco_rules::calendar::{Date, Weekday};
/// let d = Date::parse_iso("2024-02-28").unwrap();
/// assert_eq!(d.add_days(1).unwrap().to_string(), "2024-02-29");
/// assert_eq!(Date::parse_iso("2019-01-31").unwrap().add_months(1).unwrap().to_string(), "2019-02-28");
/// assert_eq!(d.weekday(), Weekday::Wednesday);
/// assert!(Date::parse_iso("2023-02-29").is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// Day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Weekday {
    /// Monday.
    Monday,
    /// Tuesday.
    Tuesday,
    /// Wednesday.
    Wednesday,
    /// Thursday.
    Thursday,
    /// Friday.
    Friday,
    /// Saturday.
    Saturday,
    /// Sunday.
    Sunday,
}

impl Weekday {
    /// Saturday or Sunday.
    pub fn is_weekend(self) -> bool {
        matches!(self, Weekday::Saturday | Weekday::Sunday)
    }
}

/// Why a date or date-time text was not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum DateError {
    /// Not of the form `YYYY-MM-DD` (or `YYYY-MM-DDThh:mm[:ss[.f]](Z|±hh:mm)`).
    #[error("not an ISO 8601 date")]
    Format,
    /// Well-formed, but no such day (month 13, 31 April, 29 February of a common year).
    #[error("no such date")]
    NoSuchDate,
    /// Well-formed, but no such time or offset (25:00, +15:00).
    #[error("no such time")]
    NoSuchTime,
}

impl Date {
    /// The date `year-month-day`, if it exists and `1 <= year <= 9999`.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let y = u16::try_from(year)
            .ok()
            .filter(|y| (1..=9999).contains(y))?;
        let m = u8::try_from(month).ok().filter(|m| (1..=12).contains(m))?;
        let d = u8::try_from(day).ok()?;
        if d == 0 || d > days_in_month(year, month) {
            return None;
        }
        Some(Date {
            year: y,
            month: m,
            day: d,
        })
    }

    /// A date known to be valid (used by code generated from checked data).
    pub(crate) const fn from_ymd_unchecked(year: u16, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    /// Parses exactly `YYYY-MM-DD`.
    pub fn parse_iso(s: &str) -> Result<Date, DateError> {
        let b = s.as_bytes();
        if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
            return Err(DateError::Format);
        }
        let y = digits(b, 0, 4).ok_or(DateError::Format)?;
        let m = digits(b, 5, 2).ok_or(DateError::Format)?;
        let d = digits(b, 8, 2).ok_or(DateError::Format)?;
        Date::new(y as i32, m, d).ok_or(DateError::NoSuchDate)
    }

    /// The year.
    pub fn year(self) -> i32 {
        i32::from(self.year)
    }

    /// The month, 1–12.
    pub fn month(self) -> u32 {
        u32::from(self.month)
    }

    /// The day of the month, 1–31.
    pub fn day(self) -> u32 {
        u32::from(self.day)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i32 {
        civil::days_from_civil(self.year(), self.month(), self.day())
    }

    /// The date `days` after 1970-01-01, if within years 1–9999.
    pub fn from_days(days: i32) -> Option<Date> {
        let (y, m, d) = civil::civil_from_days(days)?;
        Date::new(y, m, d)
    }

    /// The day of the week.
    pub fn weekday(self) -> Weekday {
        match civil::weekday_from_days(self.to_days()) {
            0 => Weekday::Monday,
            1 => Weekday::Tuesday,
            2 => Weekday::Wednesday,
            3 => Weekday::Thursday,
            4 => Weekday::Friday,
            5 => Weekday::Saturday,
            _ => Weekday::Sunday,
        }
    }

    /// The date `n` days later (earlier when negative).
    pub fn add_days(self, n: i32) -> Option<Date> {
        Date::from_days(self.to_days().checked_add(n)?)
    }

    /// The next day.
    pub fn next(self) -> Option<Date> {
        self.add_days(1)
    }

    /// The same day `n` months later; when that month is shorter, its last day
    /// (31 January + 1 month = 28/29 February).
    pub fn add_months(self, n: i32) -> Option<Date> {
        let index = self.year() * 12 + self.month() as i32 - 1 + n;
        let year = index.div_euclid(12);
        let month = (index.rem_euclid(12) + 1) as u32;
        let day = self.day().min(u32::from(days_in_month(year, month)));
        Date::new(year, month, day)
    }
}

impl Date {
    /// `YYYY-MM-DD`, as `to_string()` (without core's formatting in the wasm).
    pub fn iso(self) -> String {
        let (y, m, d) = (self.year.into(), self.month.into(), self.day.into());
        crate::text::iso_date(y, m, Some(d))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

/// `len` ASCII digits of `b` from `at`, as a number.
fn digits(b: &[u8], at: usize, len: usize) -> Option<u32> {
    let slice = b.get(at..at.checked_add(len)?)?;
    slice.iter().try_fold(0u32, |acc, &c| {
        c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
    })
}

/// An instant written as a civil date and time with a UTC offset, e.g.
/// `2019-10-04T17:30:00+06:00`.
///
/// ```
/// use kz_eco_rules::calendar::DateTime;
/// let t = DateTime::parse_iso("2019-10-04T17:30:00+06:00").unwrap();
/// // the same instant on a UTC+5 clock
/// let (date, secs) = t.local_at_offset(5 * 60).unwrap();
/// assert_eq!((date.to_string(), secs), ("2019-10-04".to_string(), 16 * 3600 + 30 * 60));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateTime {
    /// The civil date as written.
    pub date: Date,
    /// Seconds since midnight as written (fractions dropped).
    pub seconds: u32,
    /// UTC offset in minutes as written; `None` when the text had no offset.
    pub offset_minutes: Option<i32>,
}

impl DateTime {
    /// Parses `YYYY-MM-DDThh:mm[:ss[.fff]]` followed by `Z`, `±hh:mm`, `±hhmm` or
    /// nothing (then `offset_minutes` is `None`). `t` or a space may replace `T`.
    pub fn parse_iso(s: &str) -> Result<DateTime, DateError> {
        let s = crate::text::trim(s);
        let date = Date::parse_iso(s.get(..10).ok_or(DateError::Format)?)?;
        let rest = s.get(10..).ok_or(DateError::Format)?.as_bytes();
        let sep = rest.first().ok_or(DateError::Format)?;
        if !matches!(sep, b'T' | b't' | b' ') {
            return Err(DateError::Format);
        }
        let hh = digits(rest, 1, 2).ok_or(DateError::Format)?;
        if rest.get(3) != Some(&b':') {
            return Err(DateError::Format);
        }
        let mm = digits(rest, 4, 2).ok_or(DateError::Format)?;
        let mut i = 6;
        let mut ss = 0;
        if rest.get(i) == Some(&b':') {
            ss = digits(rest, 7, 2).ok_or(DateError::Format)?;
            i = 9;
            if matches!(rest.get(i), Some(b'.') | Some(b',')) {
                i += 1;
                let start = i;
                while rest.get(i).is_some_and(u8::is_ascii_digit) {
                    i += 1;
                }
                if i == start {
                    return Err(DateError::Format);
                }
            }
        }
        if hh > 23 || mm > 59 || ss > 59 {
            return Err(DateError::NoSuchTime);
        }
        let offset_minutes = match rest.get(i) {
            None => None,
            Some(b'Z') | Some(b'z') if rest.len() == i + 1 => Some(0),
            Some(&sign @ (b'+' | b'-')) => {
                let oh = digits(rest, i + 1, 2).ok_or(DateError::Format)?;
                let om_at = if rest.get(i + 3) == Some(&b':') {
                    i + 4
                } else {
                    i + 3
                };
                let om = digits(rest, om_at, 2).ok_or(DateError::Format)?;
                if rest.len() != om_at + 2 {
                    return Err(DateError::Format);
                }
                if oh > 14 || om > 59 {
                    return Err(DateError::NoSuchTime);
                }
                let total = (oh * 60 + om) as i32;
                Some(if sign == b'-' { -total } else { total })
            }
            Some(_) => return Err(DateError::Format),
        };
        Ok(DateTime {
            date,
            seconds: hh * 3600 + mm * 60 + ss,
            offset_minutes,
        })
    }

    /// Seconds since 1970-01-01T00:00Z; `None` without an offset.
    pub fn unix_seconds(&self) -> Option<i64> {
        let offset = i64::from(self.offset_minutes?);
        Some(i64::from(self.date.to_days()) * 86_400 + i64::from(self.seconds) - offset * 60)
    }

    /// The same instant on a clock at `offset_minutes` from UTC: the civil date and
    /// seconds since midnight. Without an offset of its own, the text is taken as
    /// already being on that clock.
    pub fn local_at_offset(&self, offset_minutes: i32) -> Option<(Date, u32)> {
        let Some(unix) = self.unix_seconds() else {
            return Some((self.date, self.seconds));
        };
        let local = unix + i64::from(offset_minutes) * 60;
        let days = i32::try_from(local.div_euclid(86_400)).ok()?;
        let secs = u32::try_from(local.rem_euclid(86_400)).ok()?;
        Some((Date::from_days(days)?, secs))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test(unsupported = test)]
    fn months_and_leap_years_follow_the_gregorian_rules() {
        for (year, leap) in [(1600, true), (1700, false), (1900, false), (2000, true)] {
            assert_eq!(is_leap_year(year), leap, "{year}");
        }
        for year in 1800..2100 {
            let days: u32 = (1..=12).map(|m| u32::from(days_in_month(year, m))).sum();
            assert_eq!(days, if is_leap_year(year) { 366 } else { 365 }, "{year}");
            assert_eq!(
                is_leap_year(year),
                year % 4 == 0 && year != 1800 && year != 1900
            );
        }
        assert_eq!(
            [0, 13, 16, u32::MAX].map(|m| days_in_month(2024, m)),
            [0; 4]
        );
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn days_round_trip_over_three_centuries() {
        let start = Date::new(1900, 1, 1).unwrap().to_days();
        let end = Date::new(2200, 12, 31).unwrap().to_days();
        let mut prev: Option<Date> = None;
        for n in start..=end {
            let d = Date::from_days(n).unwrap();
            assert_eq!(d.to_days(), n);
            if let Some(p) = prev {
                assert!(p < d);
                assert_eq!(p.next(), Some(d));
            }
            prev = Some(d);
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn known_weekdays() {
        assert_eq!(Date::new(1970, 1, 1).unwrap().weekday(), Weekday::Thursday);
        assert_eq!(Date::new(2019, 10, 7).unwrap().weekday(), Weekday::Monday);
        assert_eq!(Date::new(2000, 2, 29).unwrap().weekday(), Weekday::Tuesday);
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn invalid_dates_are_rejected_with_reason() {
        assert_eq!(Date::parse_iso("2019-13-01"), Err(DateError::NoSuchDate));
        assert_eq!(Date::parse_iso("2019-04-31"), Err(DateError::NoSuchDate));
        assert_eq!(Date::parse_iso("1900-02-29"), Err(DateError::NoSuchDate));
        assert!(Date::parse_iso("2000-02-29").is_ok());
        assert_eq!(Date::parse_iso("2019-1-01"), Err(DateError::Format));
        assert_eq!(Date::parse_iso("２０１９-01-01"), Err(DateError::Format));
        assert_eq!(Date::parse_iso("0000-01-01"), Err(DateError::NoSuchDate));
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn month_arithmetic_clamps_to_month_end() {
        let d = |s| Date::parse_iso(s).unwrap();
        assert_eq!(d("2020-01-31").add_months(1), Some(d("2020-02-29")));
        assert_eq!(d("2014-10-31").add_months(1), Some(d("2014-11-30")));
        assert_eq!(d("2019-12-15").add_months(1), Some(d("2020-01-15")));
        assert_eq!(d("2019-03-31").add_months(-1), Some(d("2019-02-28")));
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn datetimes_parse_offsets_and_convert() {
        let t = DateTime::parse_iso("2024-02-29T23:30:00Z").unwrap();
        let (d, s) = t.local_at_offset(300).unwrap();
        assert_eq!((d.to_string(), s), ("2024-03-01".into(), 4 * 3600 + 1800));
        let t = DateTime::parse_iso("2019-10-04 17:30+0600").unwrap();
        assert_eq!(t.offset_minutes, Some(360));
        let t = DateTime::parse_iso("2019-10-04T17:30:00.123456-03:30").unwrap();
        assert_eq!(t.offset_minutes, Some(-210));
        let t = DateTime::parse_iso("2019-10-04T09:00").unwrap();
        assert_eq!(t.offset_minutes, None);
        assert_eq!(t.local_at_offset(300), Some((t.date, 9 * 3600)));
        assert_eq!(
            DateTime::parse_iso("2019-10-04T24:00:00Z"),
            Err(DateError::NoSuchTime)
        );
        assert_eq!(
            DateTime::parse_iso("2019-10-04T10:00:00+06:00x"),
            Err(DateError::Format)
        );
        assert_eq!(DateTime::parse_iso("2019-10-04"), Err(DateError::Format));
    }
}
