//! `data/calendar/` → the Kazakhstan working-day calendar (`calendar.rs`).
//!
//! `holidays.json` holds the statute (holidays with the years they applied, whether
//! a holiday on a day off carries over, Kurban Ait's dates) and one file per year
//! (`2012.json` …) the government's transfers of days off and the year's status.
//! The generator applies the statute year by year — holidays, then the carry-over
//! rule (Law No. 267-II art. 5: a holiday on Saturday/Sunday makes the next day
//! that is neither a day off nor a holiday a day off; religious holidays excluded),
//! then the transfers — and emits, per year, the sorted list of days that differ
//! from "Monday–Friday work" plus every holiday (also those on weekends), so the
//! crate only looks days up.
//!
//! Checked: years contiguous, status `final`/`provisional`, dates valid and in
//! their year, holidays in three languages with a basis, Kurban Ait given for every
//! final year (estimated only in provisional ones), no two holidays on one day, a
//! transfer's day off is a working day and its working day a day off, every entry
//! with a source.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::de::{Deserialize, Deserializer};

use crate::gen::{self, lit, CivilDate, Localized, Problems, Text};

const NONE: usize = 255;
/// The source shown for an estimated Kurban Ait date.
const ESTIMATED: &str =
    "estimate; the date is announced each year by the Spiritual Administration of Muslims of Kazakhstan";

/// `data/calendar/holidays.json`: the statute.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct HolidaysFile {
    statute: Text,
    substitute_rule: Text,
    transfer_rule: Text,
    labels: Labels,
    holidays: Vec<HolidayIn>,
    kurban_ait: Vec<LunarIn>,
    // Sources and explanations for the reader of the data (not generated).
    #[allow(dead_code)]
    statute_note: Option<String>,
    #[allow(dead_code)]
    substitute_rule_note: Option<String>,
    #[allow(dead_code)]
    substitute_rule_quoted_by: Option<String>,
    #[allow(dead_code)]
    transfer_rule_note: Option<String>,
}

/// Descriptions of special days (`Labels` in `src/calendar/kz.rs`).
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Labels {
    weekend: Localized,
    weekend_holiday: Localized,
    substitute: Localized,
    transfer_off: Localized,
    transfer_working: Localized,
    override_off: Localized,
    override_working: Localized,
    estimated_date: Localized,
}

impl Labels {
    /// The labels with their field names, in the order of the generated struct.
    fn named(&self) -> [(&'static str, &Localized); 8] {
        [
            ("weekend", &self.weekend),
            ("weekend_holiday", &self.weekend_holiday),
            ("substitute", &self.substitute),
            ("transfer_off", &self.transfer_off),
            ("transfer_working", &self.transfer_working),
            ("override_off", &self.override_off),
            ("override_working", &self.override_working),
            ("estimated_date", &self.estimated_date),
        ]
    }
}

/// One statutory holiday, as written.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct HolidayIn {
    id: Text,
    names: Localized,
    /// Fixed days, `"MM-DD"`; none for the lunar holiday.
    #[serde(default)]
    dates: Vec<MonthDay>,
    /// First and last year the holiday applied (both included).
    from: Option<i64>,
    until: Option<i64>,
    /// Kurban Ait: its day is given per year in `kurban_ait`.
    #[serde(default)]
    lunar: bool,
    /// Whether the holiday on a day off carries over (art. 5).
    #[serde(default)]
    substitute: bool,
    basis: Text,
    #[allow(dead_code)]
    note: Option<String>,
}

/// Kurban Ait's first day in one year.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct LunarIn {
    date: CivilDate,
    #[serde(default)]
    estimated: bool,
    source: Text,
}

/// `data/calendar/<year>.json`: the year's status and transfers of days off.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct YearFile {
    year: i64,
    status: Status,
    #[serde(default)]
    transfers: Vec<TransferIn>,
    // What the year was checked against (not generated).
    #[allow(dead_code)]
    verified_with: Option<Vec<String>>,
    #[allow(dead_code)]
    note: Option<String>,
}

#[derive(serde::Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum Status {
    Final,
    Provisional,
}

/// One transfer of a day off to another day.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct TransferIn {
    day_off: CivilDate,
    working_day: CivilDate,
    source: Text,
    #[allow(dead_code)]
    confirmed_by: Option<String>,
}

/// A day of every year, `"MM-DD"`.
struct MonthDay(i64, i64);

impl<'de> Deserialize<'de> for MonthDay {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<MonthDay, D::Error> {
        let md = String::deserialize(d)?;
        match gen::parse_date(&format!("2000-{md}")) {
            Some((_, m, dd)) if md.len() == 5 => Ok(MonthDay(m, dd)),
            _ => Err(serde::de::Error::custom(format!(
                "date {md:?} must be \"MM-DD\""
            ))),
        }
    }
}

/// One statutory holiday.
struct Holiday {
    names: String,
    id: String,
    dates: Vec<(i64, i64)>,
    from: i64,
    until: i64,
    lunar: bool,
    substitute: bool,
    basis: String,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Holiday,
    Substitute,
    TransferOff,
    TransferWorking,
}

impl Kind {
    fn rust(self) -> &'static str {
        match self {
            Kind::Holiday => "DayKind::Holiday",
            Kind::Substitute => "DayKind::Substitute",
            Kind::TransferOff => "DayKind::TransferOff",
            Kind::TransferWorking => "DayKind::TransferWorking",
        }
    }
}

#[derive(Clone, Copy)]
struct Day {
    kind: Kind,
    holiday: usize,
    related: i64,
    source: usize,
}

fn is_weekend(days: i64) -> bool {
    i32::try_from(days).is_ok_and(|d| crate::civil::weekday_from_days(d) >= 5)
}

fn date_lit(days: i64) -> String {
    let (y, m, d) = civil(days);
    format!("Date::from_ymd_unchecked({y}, {m}, {d})")
}

/// `(year, month, day)` of a day count (`(0, 0, 0)` far outside the calendar).
fn civil(days: i64) -> (i32, u32, u32) {
    i32::try_from(days)
        .ok()
        .and_then(crate::civil::civil_from_days)
        .unwrap_or_default()
}

fn year_of(days: i64) -> i64 {
    i64::from(civil(days).0)
}

/// Interns a source text, returning its index.
fn source(sources: &mut Vec<String>, text: &str) -> usize {
    match sources.iter().position(|s| s == text) {
        Some(i) => i,
        None => {
            sources.push(text.to_owned());
            sources.len() - 1
        }
    }
}

fn read_holidays(file: &HolidaysFile, place: &str, p: &mut Problems) -> Vec<Holiday> {
    let mut out: Vec<Holiday> = Vec::new();
    for (i, h) in file.holidays.iter().enumerate() {
        let place = format!("{place}: /holidays/{i}");
        if out.iter().any(|o| o.id == *h.id) {
            p.add(&place, format!("holiday {} defined twice", h.id));
        }
        if h.dates.is_empty() != h.lunar {
            p.add(&place, "give either \"dates\" or \"lunar\": true");
        }
        out.push(Holiday {
            // Read only by a day's description (`isWorkingDay`, the CLI).
            names: h.names.whole_api_rust(),
            id: h.id.0.clone(),
            dates: h.dates.iter().map(|d| (d.0, d.1)).collect(),
            from: h.from.unwrap_or(0),
            until: h.until.unwrap_or(9999),
            lunar: h.lunar,
            substitute: h.substitute,
            basis: h.basis.0.clone(),
        });
    }
    if out.len() >= NONE {
        p.add(place, "too many holidays");
    }
    out
}

/// Kurban Ait's first day per year: (day, estimated, source).
fn read_lunar(
    file: &HolidaysFile,
    place: &str,
    p: &mut Problems,
) -> BTreeMap<i64, (i64, bool, String)> {
    let mut out = BTreeMap::new();
    for (i, k) in file.kurban_ait.iter().enumerate() {
        let day = k.date.days();
        if out
            .insert(year_of(day), (day, k.estimated, k.source.0.clone()))
            .is_some()
        {
            p.add(
                &format!("{place}: /kurban_ait/{i}"),
                "two dates in one year",
            );
        }
    }
    out
}

pub fn generate(p: &mut Problems) -> String {
    let path = "data/calendar/holidays.json";
    // Every file is read before any stops the generation, so one build reports
    // the problems of all of them.
    let root = gen::load::<HolidaysFile>(path, p);

    // Year files.
    let mut files: Vec<(i64, String)> = std::fs::read_dir("data/calendar")
        .expect("data/calendar exists")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter_map(|n| {
            let y = n.strip_suffix(".json")?.parse::<i64>().ok()?;
            Some((y, format!("data/calendar/{n}")))
        })
        .collect();
    files.sort();
    if files.is_empty() {
        p.add("data/calendar", "no year files");
        return String::new();
    }
    if files.windows(2).any(|w| w[1].0 != w[0].0 + 1) {
        p.add("data/calendar", "year files must be consecutive");
    }
    let year_files: Vec<(i64, &String, Option<YearFile>)> = files
        .iter()
        .map(|(year, file)| (*year, file, gen::load::<YearFile>(file, p)))
        .collect();
    let Some(root) = root else {
        return String::new();
    };
    let holidays = read_holidays(&root, path, p);
    let lunar = read_lunar(&root, path, p);
    let mut sources: Vec<String> = Vec::new();
    let substitute_rule = root.substitute_rule.0.clone();
    let substitute_source = source(&mut sources, &substitute_rule);
    let mut status: Vec<(i64, &'static str)> = Vec::new();
    let mut transfers: Vec<(i64, i64, usize, String)> = Vec::new();
    for (year, file, o) in &year_files {
        let Some(o) = o else {
            continue;
        };
        if o.year != *year {
            p.add(file, "\"year\" differs from the file name");
        }
        let st = match o.status {
            Status::Final => "YearStatus::Final",
            Status::Provisional => "YearStatus::Provisional",
        };
        let is_final = o.status == Status::Final;
        if status
            .last()
            .is_some_and(|(_, s)| *s == "YearStatus::Provisional")
            && is_final
        {
            p.add(file, "a final year cannot follow a provisional one");
        }
        status.push((*year, st));
        match lunar.get(year) {
            None => p.add(file, "no Kurban Ait date for this year"),
            Some((_, true, _)) if is_final => {
                p.add(file, "a final year needs a confirmed Kurban Ait date")
            }
            _ => {}
        }
        for (i, t) in o.transfers.iter().enumerate() {
            let place = format!("{file}: /transfers/{i}");
            let (off, work) = (t.day_off.days(), t.working_day.days());
            let src = source(&mut sources, &t.source);
            if year_of(off) != *year {
                p.add(&place, "day_off must be in the file's year");
            }
            transfers.push((off, work, src, place));
        }
    }
    let first = files[0].0;
    let last = files[files.len() - 1].0;

    // Holidays, carry-overs and transfers, over all years at once.
    let mut days: BTreeMap<i64, Day> = BTreeMap::new();
    for year in first..=last {
        let mut in_year: Vec<(i64, usize, usize)> = Vec::new();
        for (i, h) in holidays.iter().enumerate() {
            if year < h.from || year > h.until {
                continue;
            }
            if h.lunar {
                if let Some((day, estimated, _)) = lunar.get(&year) {
                    let src = if *estimated {
                        source(&mut sources, ESTIMATED)
                    } else {
                        NONE
                    };
                    in_year.push((*day, i, src));
                }
            }
            for (m, d) in &h.dates {
                in_year.push((gen::days_from_civil(year, *m, *d), i, NONE));
            }
        }
        in_year.sort();
        for (day, i, src) in &in_year {
            let entry = Day {
                kind: Kind::Holiday,
                holiday: *i,
                related: *day,
                source: *src,
            };
            if days.insert(*day, entry).is_some() {
                p.add(path, format!("two holidays on {:?}", civil(*day)));
            }
        }
        for (day, i, _) in &in_year {
            if !holidays[*i].substitute || !is_weekend(*day) {
                continue;
            }
            let mut d = day + 1;
            while is_weekend(d) || days.contains_key(&d) {
                d += 1;
            }
            days.insert(
                d,
                Day {
                    kind: Kind::Substitute,
                    holiday: *i,
                    related: *day,
                    source: substitute_source,
                },
            );
        }
    }
    for (off, work, src, place) in &transfers {
        match days.get(off) {
            None if !is_weekend(*off) => {}
            _ => p.add(place, "day_off is not a working day before the transfer"),
        }
        match days.get(work) {
            Some(d) if d.kind == Kind::Substitute => {}
            None if is_weekend(*work) => {}
            _ => p.add(place, "working_day is not a day off before the transfer"),
        }
        days.insert(
            *off,
            Day {
                kind: Kind::TransferOff,
                holiday: NONE,
                related: *work,
                source: *src,
            },
        );
        days.insert(
            *work,
            Day {
                kind: Kind::TransferWorking,
                holiday: NONE,
                related: *off,
                source: *src,
            },
        );
    }
    if sources.len() >= NONE {
        p.add(path, "too many sources");
    }

    // Output.
    let mut out = String::new();
    for (key, text) in [
        ("statute", &root.statute),
        ("substitute_rule", &root.substitute_rule),
        ("transfer_rule", &root.transfer_rule),
    ] {
        let _ = writeln!(
            out,
            "/// `{key}` of `data/calendar/holidays.json`.\npub(crate) const {}: &str = {};",
            key.to_uppercase(),
            lit(text)
        );
    }
    out.push_str(
        "\n/// Descriptions of special days.\npub(crate) static LABELS: Labels = Labels {\n",
    );
    for (key, label) in root.labels.named() {
        // Read only by a day's description (`isWorkingDay`, the CLI).
        let _ = writeln!(out, "    {key}: {},", label.whole_api_rust());
    }
    out.push_str("};\n\n/// Statutory holidays.\npub(crate) static HOLIDAYS: &[Holiday] = &[\n");
    for h in &holidays {
        let _ = writeln!(
            out,
            "    Holiday {{ id: {}, names: {}, carried_over: {}, basis: {} }},",
            lit(&h.id),
            h.names,
            h.substitute,
            lit(&h.basis)
        );
    }
    out.push_str("];\n\n/// Legal sources of the days.\npub(crate) static SOURCES: &[&str] = &[\n");
    for s in &sources {
        let _ = writeln!(out, "    {},", lit(s));
    }
    out.push_str(
        "];\n\n/// The calendar, year by year.\npub(crate) static YEARS: &[YearData] = &[\n",
    );
    for (year, st) in &status {
        let _ = writeln!(out, "    YearData {{ year: {year}, status: {st}, days: &[");
        for (day, d) in
            days.range(gen::days_from_civil(*year, 1, 1)..gen::days_from_civil(year + 1, 1, 1))
        {
            let delta = d.related - day;
            if !(-100..=100).contains(&delta) {
                p.add(path, format!("{:?}: related day too far", civil(*day)));
            }
            let _ = writeln!(
                out,
                "        Day {{ date: {}, kind: {}, holiday: {}, related: {delta}, source: {} }},",
                date_lit(*day),
                d.kind.rust(),
                d.holiday,
                d.source,
            );
        }
        out.push_str("    ] },\n");
    }
    out.push_str("];\n");
    out
}
