//! [`day_report`]: one day of the calendar as a plain result (what the JavaScript
//! `isWorkingDay` returns).

use serde::Serialize;

use super::{finding, Calendar, Date, DateTime, DayKind, Reason, YearStatus};
use crate::findings::{Finding, Findings};
use crate::input::Value;
use crate::Options;

/// The region whose clock decides which civil day an instant falls on.
const CLOCK_REGION: &str = "almaty_city";

/// What kind of day it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(schema, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DayReportKind {
    /// An ordinary Monday–Friday working day.
    Weekday,
    /// Saturday or Sunday.
    Weekend,
    /// A statutory holiday.
    Holiday,
    /// A day off carried over from a holiday on a day off.
    Substitute,
    /// A weekday made a day off by a transfer.
    TransferOff,
    /// A day off made a working day by a transfer.
    TransferWorking,
    /// Set by the caller's calendar overrides.
    Override,
}

/// One day of the calendar. `date`, `working` and `status` are `null` only when the
/// input was not a date (then `findings` says why).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(schema, derive(schemars::JsonSchema))]
pub struct DayReport {
    /// The civil day, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// True for a working day.
    pub working: Option<bool>,
    /// How far the year's calendar is known.
    pub status: Option<YearStatus>,
    /// What kind of day it is.
    pub kind: Option<DayReportKind>,
    /// The holiday id (`nauryz`, `kurban_ait`, …) for holidays and carried-over days.
    pub holiday: Option<String>,
    /// What makes the day special, in the report language.
    pub description: Option<String>,
    /// The legal basis of a special day.
    pub basis: Option<String>,
    /// `basis` cited in the report language («Закон РК от 13.12.2001 № 267-II …»).
    pub basis_text: Option<String>,
    /// Calendar findings (provisional year, not covered, not a date).
    pub findings: Vec<Finding>,
}

/// The civil day named by `text`: `YYYY-MM-DD`, or an ISO 8601 date-time whose
/// instant is placed on Kazakhstan's clock (Almaty time: UTC+6 until 1 March 2024,
/// UTC+5 since); a date-time without offset is taken as written.
pub fn civil_day(text: &str) -> Option<Date> {
    let text = crate::text::trim(text);
    if let Ok(d) = Date::parse_iso(text) {
        return Some(d);
    }
    let at = DateTime::parse_iso(text).ok()?;
    let offset = match (crate::editions::region(CLOCK_REGION), at.unix_seconds()) {
        (Some(region), Some(unix)) => region.utc_offset_at(unix),
        _ => 0,
    };
    at.local_at_offset(offset).map(|(d, _)| d)
}

/// Describes the day given as text (see [`civil_day`]) with the caller's calendar
/// overrides and language. A value that is not a string is a caller mistake
/// (`Err`); a string that is not a date gives a `calendar.invalid_date` finding.
///
/// ```
/// use kz_eco_rules::calendar::{day_report, YearStatus};
/// use kz_eco_rules::input::Value;
/// use kz_eco_rules::{Lang, Options};
/// let r = day_report(&Value::String("2025-03-24".into()), &Options::with_lang(Lang::En)).unwrap();
/// assert_eq!(r.working, Some(false));
/// assert_eq!(r.holiday.as_deref(), Some("nauryz"));
/// assert_eq!(r.status, Some(YearStatus::Final));
/// // An instant: 19:00 UTC on 23 March 2025 is already 24 March in Kazakhstan.
/// let r = day_report(&Value::String("2025-03-23T19:00:00.000Z".into()), &Options::default()).unwrap();
/// assert_eq!(r.date.as_deref(), Some("2025-03-24"));
/// ```
pub fn day_report(value: &Value, options: &Options) -> Result<DayReport, String> {
    let Value::String(text) = value else {
        return Err(format!(
            "isWorkingDay(date): date must be a \"YYYY-MM-DD\" string or a Date, got {}",
            value.kind()
        ));
    };
    let mut findings = Findings::default();
    let mut out = DayReport {
        date: None,
        working: None,
        status: None,
        kind: None,
        holiday: None,
        description: None,
        basis: None,
        basis_text: None,
        findings: Vec::new(),
    };
    let cal = Calendar::with_overrides(&options.calendar);
    match civil_day(text) {
        None => findings.push(finding::invalid_date("", &**text)),
        Some(date) => {
            let day = cal.day(date);
            cal.check_years(date, date, "", &mut findings);
            out.date = Some(date.to_string());
            out.working = Some(day.working);
            out.status = Some(cal.status(date.year()));
            out.description = day.describe(options.lang);
            let (kind, special) = match day.reason {
                Reason::Override => (DayReportKind::Override, None),
                Reason::Weekend => (DayReportKind::Weekend, None),
                Reason::Weekday => (DayReportKind::Weekday, None),
                Reason::Special(s) => (
                    match s.kind {
                        DayKind::Holiday => DayReportKind::Holiday,
                        DayKind::Substitute => DayReportKind::Substitute,
                        DayKind::TransferOff => DayReportKind::TransferOff,
                        DayKind::TransferWorking => DayReportKind::TransferWorking,
                    },
                    Some(s),
                ),
            };
            out.kind = Some(kind);
            out.holiday = special.and_then(|s| s.holiday).map(|h| h.id.to_owned());
            out.basis = special.map(|s| s.basis.to_owned());
            out.basis_text = special.map(|s| s.basis_text(options.lang));
        }
    }
    out.findings = findings
        .render_worded(options.lang, &options.severity, &options.messages)
        .findings;
    Ok(out)
}
