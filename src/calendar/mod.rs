//! Dates and the Kazakhstan working-day calendar.
//!
//! [`Date`] and [`DateTime`] are civil values parsed from ISO 8601 text; the core
//! never reads a clock or a time-zone database.
//!
//! [`Calendar`] answers whether a day is a working day under the five-day week of
//! state bodies in Kazakhstan, for **2012–2026 as decreed** and **2027–2030
//! provisionally** (see [`coverage`], [`data_status`]):
//!
//! - Saturday and Sunday are days off;
//! - the holidays of Law No. 267-II «О праздниках в Республике Казахстан» as the
//!   law stood each year (Nauryz 21–23 March, Defender of the Fatherland Day from
//!   2013, First President Day 2012–2021, Independence Day 16–17 December until 2021
//!   and 16 December since 2022, Republic Day from 2022, Constitution Day 30 August
//!   until 2025, none in 2026, 15 March from 2027) and the first day of Kurban Ait
//!   and Orthodox Christmas (Labour Code art. 84 p. 5);
//! - a holiday on a Saturday or Sunday makes the next day that is neither a day off
//!   nor a holiday a day off (Law No. 267-II art. 5), except the religious holidays;
//! - the government's yearly transfers (Labour Code art. 85 p. 3): a weekday made a
//!   day off, a Saturday/Sunday made a working day.
//!
//! The data (`data/calendar/holidays.json`, one file per year) names the source of
//! every entry; `build/calendar.rs` applies the rules and emits per-year tables.
//! Years without decrees yet are **provisional** (statute only, Kurban Ait
//! estimated) and years outside the data are **not covered** (weekends only):
//! [`Calendar::check_years`] reports both as findings — never a silent guess.
//! Callers supply what the data cannot know yet through [`CalendarOverrides`]
//! (extra days off, working days, and the years they vouch for).
//!
//! ```
//! use kz_eco_rules::calendar::{is_working_day, Date};
//! let d = |s| Date::parse_iso(s).unwrap();
//! assert!(!is_working_day(d("2020-03-24")));  // Nauryz carried over from Saturday
//! assert!(is_working_day(d("2020-01-05")));   // Sunday made a working day by decree
//! assert!(!is_working_day(d("2025-06-06")));  // Kurban Ait
//! assert!(is_working_day(d("2026-08-31")));   // no Constitution Day in 2026
//! ```

mod civil;
mod date;
mod kz;
mod report;

use crate::findings::{Findings, Lang, Param};
use crate::input::Value;

pub use date::{days_in_month, is_leap_year, Date, DateError, DateTime, Weekday};
pub use kz::{
    coverage, data_status, holidays, special_days, DayKind, Holiday, SpecialDay, YearStatus,
    CARRY_OVER_BASIS, STATUTE_BASIS, TRANSFER_BASIS,
};
pub use report::{civil_day, day_report, DayReport, DayReportKind};

// The finding codes (`pub const`s and `CODES`), generated from
// `data/messages/calendar.json` by `build/messages.rs`.
include!(concat!(env!("OUT_DIR"), "/codes_calendar.rs"));

/// How far the working-day search looks before giving up (only a caller's
/// overrides can make a run of days off this long).
const MAX_SCAN_DAYS: u32 = 400;

/// Calendar changes supplied by the caller: transfers decreed after this library
/// was built, Kurban Ait's announced date, or a local day off.
///
/// In the options object: `{"calendar": {"days_off": ["2027-05-17"],
/// "working_days": ["2027-05-15"], "confirmed_years": [2027]}}`. A year listed in
/// `confirmed_years` is taken as complete (no provisional finding).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CalendarOverrides {
    /// Extra days off.
    pub days_off: Vec<Date>,
    /// Days that are working days whatever the data says.
    pub working_days: Vec<Date>,
    /// Years whose calendar the caller vouches for.
    pub confirmed_years: Vec<i32>,
}

impl CalendarOverrides {
    /// Reads `{ days_off, working_days, confirmed_years }`; a caller mistake is an
    /// `Err` naming it.
    ///
    /// ```
    /// use kz_eco_rules::calendar::CalendarOverrides;
    /// use kz_eco_rules::input::{Limits, Value};
    /// let v = Value::from_json_str(r#"{"days_off": ["2027-05-17"], "confirmed_years": [2027]}"#, &Limits::default()).unwrap();
    /// let o = CalendarOverrides::from_value(&v).unwrap();
    /// assert_eq!(o.days_off[0].to_string(), "2027-05-17");
    /// let bad = Value::from_json_str(r#"{"days_off": ["17.05.2027"]}"#, &Limits::default()).unwrap();
    /// assert!(CalendarOverrides::from_value(&bad).is_err());
    /// ```
    pub fn from_value(value: &Value) -> Result<CalendarOverrides, String> {
        let mut out = CalendarOverrides::default();
        let entries = match value {
            Value::Null => return Ok(out),
            Value::Object(entries) => entries,
            _ => return Err(bad_option("calendar", "")),
        };
        for (key, v) in crate::input::last_wins(entries) {
            let known = matches!(key, "days_off" | "working_days" | "confirmed_years");
            let items = match v {
                Value::Null if known => continue,
                Value::Array(items) if known => items,
                _ => return Err(bad_option("calendar", key)),
            };
            for item in items {
                let text = match item {
                    Value::String(s) => crate::text::trim(s),
                    _ => "",
                };
                let ok = match key {
                    "days_off" => Date::parse_iso(text).map(|d| out.days_off.push(d)).is_ok(),
                    "working_days" => Date::parse_iso(text)
                        .map(|d| out.working_days.push(d))
                        .is_ok(),
                    "confirmed_years" => match override_year(item) {
                        Some(y) => {
                            out.confirmed_years.push(y);
                            true
                        }
                        None => false,
                    },
                    _ => false,
                };
                if !ok {
                    return Err(bad_option("calendar", key));
                }
            }
        }
        if out.days_off.iter().any(|d| out.working_days.contains(d)) {
            return Err(bad_option("calendar", "days_off"));
        }
        Ok(out)
    }

    /// `Some(true)` for a working day the caller named, `Some(false)` for a day off.
    fn get(&self, date: Date) -> Option<bool> {
        if self.working_days.contains(&date) {
            Some(true)
        } else if self.days_off.contains(&date) {
            Some(false)
        } else {
            None
        }
    }
}

/// A year as a number or a string of digits, 1–9999.
fn override_year(v: &Value) -> Option<i32> {
    let year = match v {
        Value::Number(n) if n.fract() == 0.0 && (1.0..=9999.0).contains(n) => *n as i32,
        Value::String(s) => {
            let t = crate::text::trim(s);
            if t.is_empty() || t.len() > 4 || !t.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            t.bytes().fold(0, |acc, b| acc * 10 + i32::from(b - b'0'))
        }
        _ => return None,
    };
    (1..=9999).contains(&year).then_some(year)
}

/// The message for an option the caller got wrong: `options.<group>.<key>`.
pub(crate) fn bad_option(group: &str, key: &str) -> String {
    let mut s = String::from("options.");
    s.push_str(group);
    if !key.is_empty() {
        s.push('.');
        s.push_str(key);
    }
    s.push_str(": unknown option or unsupported value (see the documentation of Options)");
    s
}

/// Why a day is a working day or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// The caller said so ([`CalendarOverrides`]).
    Override,
    /// A holiday, a carried-over day off or a transfer.
    Special(SpecialDay),
    /// Saturday or Sunday.
    Weekend,
    /// An ordinary weekday.
    Weekday,
}

/// A day of the calendar: whether it is a working day and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayInfo {
    /// The day.
    pub date: Date,
    /// True for a working day.
    pub working: bool,
    /// Why.
    pub reason: Reason,
}

impl DayInfo {
    /// What makes the day special, in `lang` (`None` for an ordinary weekday).
    ///
    /// ```
    /// use kz_eco_rules::calendar::{Calendar, Date};
    /// use kz_eco_rules::Lang;
    /// let day = Calendar::statutory().day(Date::new(2019, 3, 25).unwrap());
    /// assert_eq!(
    ///     day.describe(Lang::Ru).as_deref(),
    ///     Some("Перенесённый выходной: Наурыз мейрамы (23.03.2019) совпал с выходным днём")
    /// );
    /// ```
    pub fn describe(&self, lang: Lang) -> Option<String> {
        match self.reason {
            Reason::Override => Some(kz::override_label(!self.working, lang).to_owned()),
            Reason::Special(s) => Some(s.describe(lang)),
            Reason::Weekend => Some(kz::weekend_label(lang).to_owned()),
            Reason::Weekday => None,
        }
    }
}

/// The working-day calendar, optionally with a caller's [`CalendarOverrides`].
#[derive(Debug, Clone, Copy, Default)]
pub struct Calendar<'a> {
    overrides: Option<&'a CalendarOverrides>,
}

impl Calendar<'static> {
    /// The calendar of the statute and the decrees, without overrides.
    pub const fn statutory() -> Calendar<'static> {
        Calendar { overrides: None }
    }
}

impl<'a> Calendar<'a> {
    /// The calendar with the caller's changes applied first.
    pub fn with_overrides(overrides: &'a CalendarOverrides) -> Calendar<'a> {
        Calendar {
            overrides: Some(overrides),
        }
    }

    /// Whether `date` is a working day, and why.
    pub fn day(&self, date: Date) -> DayInfo {
        if let Some(working) = self.overrides.and_then(|o| o.get(date)) {
            return DayInfo {
                date,
                working,
                reason: Reason::Override,
            };
        }
        if let Some(day) = kz::lookup(date) {
            let special = SpecialDay::from_day(day);
            return DayInfo {
                date,
                working: !special.is_day_off(),
                reason: Reason::Special(special),
            };
        }
        let weekend = date.weekday().is_weekend();
        DayInfo {
            date,
            working: !weekend,
            reason: if weekend {
                Reason::Weekend
            } else {
                Reason::Weekday
            },
        }
    }

    /// True when `date` is a working day.
    pub fn is_working_day(&self, date: Date) -> bool {
        self.day(date).working
    }

    /// The first working day on or after `date` (`None` past year 9999 or after
    /// an implausibly long run of days off).
    pub fn working_day_on_or_after(&self, date: Date) -> Option<Date> {
        let mut d = date;
        for _ in 0..MAX_SCAN_DAYS {
            if self.is_working_day(d) {
                return Some(d);
            }
            d = d.next()?;
        }
        None
    }

    /// The first working day after `date`.
    pub fn next_working_day(&self, date: Date) -> Option<Date> {
        self.working_day_on_or_after(date.next()?)
    }

    /// The `n`-th working day after `date` (`date` itself not counted; `n = 0`
    /// gives `date`).
    ///
    /// ```
    /// use kz_eco_rules::calendar::{Calendar, Date};
    /// // Registered Monday 7 October 2019; 10 working days → Monday 21 October.
    /// let due = Calendar::statutory().add_working_days(Date::new(2019, 10, 7).unwrap(), 10);
    /// assert_eq!(due, Date::new(2019, 10, 21));
    /// ```
    pub fn add_working_days(&self, date: Date, n: u32) -> Option<Date> {
        let mut d = date;
        for _ in 0..n {
            d = self.next_working_day(d)?;
        }
        Some(d)
    }

    /// The status of `year`: [`YearStatus::Final`] also when the caller confirmed it.
    pub fn status(&self, year: i32) -> YearStatus {
        let confirmed = self
            .overrides
            .is_some_and(|o| o.confirmed_years.contains(&year));
        if confirmed {
            YearStatus::Final
        } else {
            kz::data_status(year)
        }
    }

    /// Reports every year from `from` to `to` whose calendar is provisional or not
    /// covered, at `path`.
    pub fn check_years(&self, from: Date, to: Date, path: &str, findings: &mut Findings) {
        let (first, last) = coverage();
        // A span longer than a few years only comes from absurd input; report the
        // first years and stop.
        for year in (from.year()..=to.year()).take(10) {
            let status = self.status(year);
            let text = |y: i32| Param::Text(crate::text::int(y.into()));
            let finding = match status {
                YearStatus::Final => continue,
                YearStatus::Provisional => finding::provisional_year(path, text(year)),
                YearStatus::NotCovered => {
                    finding::year_not_covered(path, text(year), text(first), text(last))
                }
            };
            findings.push(finding.basis(crate::findings::Basis::new(STATUTE_BASIS, "")));
        }
    }
}

/// True when `date` is a working day under the statute and the decrees (no
/// overrides). Check [`data_status`] of the year: outside the decreed years the
/// answer is provisional.
pub fn is_working_day(date: Date) -> bool {
    Calendar::statutory().is_working_day(date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn statutory_rules_by_year() {
        // Nauryz: carried over after the block, each weekend day separately.
        for s in [
            "2020-03-23",
            "2020-03-24",
            "2020-03-25",
            "2026-03-24",
            "2026-03-25",
        ] {
            assert!(!is_working_day(d(s)), "{s}");
        }
        assert!(is_working_day(d("2020-03-26")));
        // Religious holidays are not carried over.
        assert!(is_working_day(d("2019-08-12"))); // Kurban Ait on Sunday 11 August
        assert!(is_working_day(d("2018-01-08"))); // Christmas on Sunday 7 January
                                                  // First President Day 2012–2021 only.
        assert!(!is_working_day(d("2021-12-01")));
        assert!(is_working_day(d("2022-12-01")));
        // Independence Day: two days until 2021.
        assert!(!is_working_day(d("2020-12-17")));
        assert!(is_working_day(d("2024-12-17")));
        // Republic Day from 2022.
        assert!(is_working_day(d("2019-10-25")));
        assert!(!is_working_day(d("2023-10-25")));
        // Constitution Day: 30 August until 2025, none in 2026, 15 March from 2027.
        assert!(!is_working_day(d("2025-09-01")));
        assert!(is_working_day(d("2026-08-31")));
        assert!(is_working_day(d("2026-03-16")));
        assert!(!is_working_day(d("2027-03-15")));
        // Defender of the Fatherland Day from 2013.
        assert!(is_working_day(d("2012-05-07")));
        assert!(!is_working_day(d("2013-05-07")));
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn transfers_apply_both_ways() {
        let cal = Calendar::statutory();
        // 2020: Monday 11 May (Victory Day carried over) made working, Friday 8 May off.
        assert!(cal.is_working_day(d("2020-05-11")));
        assert!(!cal.is_working_day(d("2020-05-08")));
        // Cross-year: Saturday 28 December 2013 worked for Friday 3 January 2014.
        assert!(cal.is_working_day(d("2013-12-28")));
        assert!(!cal.is_working_day(d("2014-01-03")));
        let info = cal.day(d("2013-12-28"));
        assert_eq!(
            info.describe(Lang::En).as_deref(),
            Some("Working day (the day off moved to 2014-01-03)")
        );
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn working_day_arithmetic_skips_holiday_runs() {
        let cal = Calendar::statutory();
        // Tuesday 31 December 2019 → 1–2 Jan holidays, Friday 3 Jan transferred,
        // weekend, Sunday 5 January worked.
        assert_eq!(cal.next_working_day(d("2019-12-31")), Some(d("2020-01-05")));
        assert_eq!(
            cal.add_working_days(d("2020-03-20"), 1),
            Some(d("2020-03-26"))
        );
        assert_eq!(
            cal.add_working_days(d("2020-03-20"), 0),
            Some(d("2020-03-20"))
        );
        assert_eq!(
            cal.working_day_on_or_after(d("2020-03-26")),
            Some(d("2020-03-26"))
        );
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn overrides_win_and_confirm_years() {
        let o = CalendarOverrides {
            days_off: vec![d("2027-05-17")],
            working_days: vec![d("2027-03-15")],
            confirmed_years: vec![2027],
        };
        let cal = Calendar::with_overrides(&o);
        assert!(!cal.is_working_day(d("2027-05-17")));
        assert!(cal.is_working_day(d("2027-03-15")));
        assert_eq!(cal.status(2027), YearStatus::Final);
        assert_eq!(Calendar::statutory().status(2027), YearStatus::Provisional);
        assert_eq!(cal.day(d("2027-05-17")).reason, Reason::Override);
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn endless_days_off_end_the_search() {
        let mut o = CalendarOverrides::default();
        let mut day = d("2030-01-01");
        for _ in 0..500 {
            o.days_off.push(day);
            day = day.next().unwrap();
        }
        let cal = Calendar::with_overrides(&o);
        assert_eq!(cal.next_working_day(d("2029-12-31")), None);
        assert_eq!(
            Calendar::statutory().next_working_day(d("9999-12-31")),
            None
        );
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn years_outside_the_decrees_are_reported() {
        let mut f = Findings::default();
        let cal = Calendar::statutory();
        cal.check_years(d("2026-12-20"), d("2027-01-20"), "/submitted_at", &mut f);
        cal.check_years(d("2031-01-01"), d("2031-02-01"), "/submitted_at", &mut f);
        cal.check_years(d("2019-01-01"), d("2019-02-01"), "/submitted_at", &mut f);
        let got: Vec<(&str, Option<&Param>)> = f
            .as_slice()
            .iter()
            .map(|x| (x.code, x.params.get("year")))
            .collect();
        assert_eq!(
            got,
            [
                (PROVISIONAL_YEAR, Some(&Param::Text("2027".into()))),
                (YEAR_NOT_COVERED, Some(&Param::Text("2031".into()))),
            ]
        );
        assert_eq!(coverage(), (2012, 2030));
        assert_eq!(data_status(2011), YearStatus::NotCovered);
        assert_eq!(data_status(2026), YearStatus::Final);
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn override_options_reject_mistakes() {
        let parse = |t: &str| {
            CalendarOverrides::from_value(
                &Value::from_json_str(t, &crate::input::Limits::default()).unwrap(),
            )
        };
        assert!(parse("null").unwrap() == CalendarOverrides::default());
        assert!(parse(r#"{"days_off": "2027-01-04"}"#).is_err());
        assert!(parse(r#"{"days_off": [20270104]}"#).is_err());
        assert!(parse(r#"{"holidays": []}"#).is_err());
        assert!(parse(r#"{"confirmed_years": [2027.5]}"#).is_err());
        assert!(parse(r#"{"days_off": ["2027-01-04"], "working_days": ["2027-01-04"]}"#).is_err());
        assert_eq!(
            parse(r#"{"confirmed_years": ["2028", 2029]}"#)
                .unwrap()
                .confirmed_years,
            [2028, 2029]
        );
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn every_holiday_has_names_and_basis() {
        for h in holidays() {
            for lang in Lang::ALL {
                assert!(!h.names.get(lang).is_empty(), "{}", h.id);
            }
            assert!(!h.basis.is_empty(), "{}", h.id);
        }
        for year in 2012..=2030 {
            for day in special_days(year) {
                assert!(!day.basis.is_empty(), "{}", day.date);
                for lang in Lang::ALL {
                    assert!(!day.describe(lang).contains('{'), "{}", day.date);
                }
            }
        }
    }
}
