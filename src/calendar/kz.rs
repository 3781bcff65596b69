//! The Kazakhstan calendar as data: statutory holidays, days carried over, the
//! government's transfers — generated from `data/calendar/` by `build/calendar.rs`
//! into per-year static tables that are only looked up here.

use serde::Serialize;

use super::Date;
use crate::findings::catalog::{render_param, Localized};
use crate::findings::{Lang, Param};

/// A statutory holiday (Law No. 267-II as it stood in the year, or a religious
/// holiday made non-working by the Labour Code).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Holiday {
    /// Stable id, e.g. `nauryz`.
    pub id: &'static str,
    /// Name in kk/ru/en.
    pub names: Localized,
    /// True when a day off falls on the next working day if the holiday falls on
    /// Saturday or Sunday (false for Kurban Ait and Orthodox Christmas).
    pub carried_over: bool,
    /// The law that makes it a holiday.
    pub basis: &'static str,
}

/// Why a day differs from the plain Monday–Friday week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(schema, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DayKind {
    /// A statutory holiday (a day off, also when it falls on a weekend).
    Holiday,
    /// A day off carried over from a holiday that fell on a day off.
    Substitute,
    /// A working day made a day off by a government transfer.
    TransferOff,
    /// A Saturday or Sunday (or a carried-over day off) made a working day by a
    /// government transfer.
    TransferWorking,
}

/// How far the calendar of a year is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(schema, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum YearStatus {
    /// Statute and every transfer of the year are known.
    Final,
    /// Statute only: no transfers decreed yet, Kurban Ait's date estimated.
    Provisional,
    /// Outside the data: only Saturdays and Sundays are known days off.
    NotCovered,
}

/// One generated day.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Day {
    pub(crate) date: Date,
    pub(crate) kind: DayKind,
    /// Index into `HOLIDAYS` (255: none).
    pub(crate) holiday: u8,
    /// Days from `date` to the related day (0: none).
    pub(crate) related: i8,
    /// Index into `SOURCES` (255: none).
    pub(crate) source: u8,
}

/// One generated year.
#[derive(Debug, Clone, Copy)]
pub(crate) struct YearData {
    pub(crate) year: u16,
    pub(crate) status: YearStatus,
    pub(crate) days: &'static [Day],
}

/// Descriptions of special days; `{holiday}` and `{date}` are filled in.
pub(crate) struct Labels {
    pub(crate) weekend: Localized,
    pub(crate) weekend_holiday: Localized,
    pub(crate) substitute: Localized,
    pub(crate) transfer_off: Localized,
    pub(crate) transfer_working: Localized,
    pub(crate) override_off: Localized,
    pub(crate) override_working: Localized,
    pub(crate) estimated_date: Localized,
}

include!(concat!(env!("OUT_DIR"), "/calendar.rs"));

/// The statute the holidays come from (Law No. 267-II).
pub const STATUTE_BASIS: &str = STATUTE;
/// The rule that carries a holiday on a day off over to the next working day.
pub const CARRY_OVER_BASIS: &str = SUBSTITUTE_RULE;
/// The power to transfer days off (Labour Code art. 85 p. 3).
pub const TRANSFER_BASIS: &str = TRANSFER_RULE;

/// Every statutory holiday known to the calendar.
pub fn holidays() -> &'static [Holiday] {
    HOLIDAYS
}

/// The first and last year the data covers.
pub fn coverage() -> (i32, i32) {
    let first = YEARS.first().map_or(0, |y| i32::from(y.year));
    let last = YEARS.last().map_or(0, |y| i32::from(y.year));
    (first, last)
}

pub(crate) fn year_data(year: i32) -> Option<&'static YearData> {
    let first = i32::from(YEARS.first()?.year);
    let index = usize::try_from(year.checked_sub(first)?).ok()?;
    YEARS.get(index).filter(|y| i32::from(y.year) == year)
}

/// The status of `year` in the data (without the caller's confirmations).
pub fn data_status(year: i32) -> YearStatus {
    year_data(year).map_or(YearStatus::NotCovered, |y| y.status)
}

pub(crate) fn lookup(date: Date) -> Option<&'static Day> {
    let days = year_data(date.year())?.days;
    days.binary_search_by(|d| d.date.cmp(&date))
        .ok()
        .and_then(|i| days.get(i))
}

/// A day that differs from the plain week, with why and on what legal basis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpecialDay {
    /// The day.
    pub date: Date,
    /// What it is.
    pub kind: DayKind,
    /// The holiday (for [`DayKind::Holiday`] and [`DayKind::Substitute`]).
    pub holiday: Option<&'static Holiday>,
    /// The holiday's own date (for a carried-over day off) or the other day of a
    /// transfer.
    pub related: Option<Date>,
    /// The legal basis: the holiday's law, the carry-over rule or the decree.
    pub basis: &'static str,
    /// A note on the date itself: set when Kurban Ait's date is an estimate.
    pub date_source: Option<&'static str>,
}

impl SpecialDay {
    pub(crate) fn from_day(d: &Day) -> SpecialDay {
        let holiday = HOLIDAYS.get(usize::from(d.holiday));
        let source = SOURCES.get(usize::from(d.source)).copied();
        let (basis, date_source) = match (d.kind, holiday) {
            (DayKind::Holiday, Some(h)) => (h.basis, source),
            _ => (source.unwrap_or(""), None),
        };
        SpecialDay {
            date: d.date,
            kind: d.kind,
            holiday,
            related: (d.related != 0)
                .then(|| d.date.add_days(i32::from(d.related)))
                .flatten(),
            basis,
            date_source,
        }
    }

    /// True unless the day is a transferred working day.
    pub fn is_day_off(&self) -> bool {
        self.kind != DayKind::TransferWorking
    }

    /// What the day is, in `lang`: the holiday's name, "day off carried over from
    /// …", "day off transferred from …" or "working day (day off moved to …)".
    pub fn describe(&self, lang: Lang) -> String {
        let name = self.holiday.map_or("", |h| h.names.get(lang));
        let template = match self.kind {
            DayKind::Holiday if self.date.weekday().is_weekend() => {
                LABELS.weekend_holiday.get(lang)
            }
            DayKind::Holiday => return name.to_owned(),
            DayKind::Substitute => LABELS.substitute.get(lang),
            DayKind::TransferOff => LABELS.transfer_off.get(lang),
            DayKind::TransferWorking => LABELS.transfer_working.get(lang),
        };
        let date = self
            .related
            .map(|d| render_param(&Param::Date(d.to_string()), lang))
            .unwrap_or_default();
        fill(template, name, &date)
    }

    /// The legal basis cited in `lang` (`data/citations.json`): «Закон РК от
    /// 13.12.2001 № 267-II «О праздниках в Республике Казахстан»»; the machine
    /// form when the data does not cite it.
    pub fn basis_text(&self, lang: Lang) -> String {
        crate::findings::catalog::citation(self.basis, lang)
            .unwrap_or_else(|| self.basis.to_owned())
    }

    /// In `lang`, that the date is an estimate (Kurban Ait of a year not announced
    /// yet); `None` for a date that is known.
    pub fn date_note(&self, lang: Lang) -> Option<&'static str> {
        self.date_source.map(|_| LABELS.estimated_date.get(lang))
    }
}

/// `template` with `{holiday}` and `{date}` filled in.
fn fill(template: &str, holiday: &str, date: &str) -> String {
    let mut out = String::with_capacity(template.len() + holiday.len() + date.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(rest.get(..open).unwrap_or(""));
        let after = rest.get(open..).unwrap_or("");
        if let Some(tail) = after.strip_prefix("{holiday}") {
            out.push_str(holiday);
            rest = tail;
        } else if let Some(tail) = after.strip_prefix("{date}") {
            out.push_str(date);
            rest = tail;
        } else {
            out.push('{');
            rest = after.get(1..).unwrap_or("");
        }
    }
    out.push_str(rest);
    out
}

/// The special days of `year` in date order (empty outside the data).
///
/// ```
/// use kz_eco_rules::calendar::{special_days, DayKind};
/// let nauryz: Vec<String> = special_days(2020)
///     .filter(|d| d.holiday.is_some_and(|h| h.id == "nauryz"))
///     .map(|d| format!("{} {:?}", d.date, d.kind))
///     .collect();
/// assert_eq!(nauryz, [
///     "2020-03-21 Holiday", "2020-03-22 Holiday", "2020-03-23 Holiday",
///     "2020-03-24 Substitute", "2020-03-25 Substitute",
/// ]);
/// ```
pub fn special_days(year: i32) -> impl Iterator<Item = SpecialDay> {
    year_data(year)
        .map_or(&[][..], |y| y.days)
        .iter()
        .map(SpecialDay::from_day)
}

/// "Weekend" in `lang`.
pub(crate) fn weekend_label(lang: Lang) -> &'static str {
    LABELS.weekend.get(lang)
}

/// "Day off / working day (given by the caller)" in `lang`.
pub(crate) fn override_label(day_off: bool, lang: Lang) -> &'static str {
    if day_off {
        LABELS.override_off.get(lang)
    } else {
        LABELS.override_working.get(lang)
    }
}
