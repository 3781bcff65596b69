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

use serde_json::{Map, Value};

use crate::gen::{self, lit, Problems};

const NONE: usize = 255;
/// The source shown for an estimated Kurban Ait date.
const ESTIMATED: &str =
    "estimate; the date is announced each year by the Spiritual Administration of Muslims of Kazakhstan";

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

fn weekday(days: i64) -> i64 {
    // 0 = Monday; 1970-01-01 was a Thursday.
    (days + 3).rem_euclid(7)
}

fn is_weekend(days: i64) -> bool {
    weekday(days) >= 5
}

fn date_lit(days: i64) -> String {
    let (y, m, d) = civil(days);
    format!("Date::from_ymd_unchecked({y}, {m}, {d})")
}

/// Howard Hinnant's civil_from_days.
fn civil(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

fn day_of(s: &str, place: &str, p: &mut Problems) -> Option<i64> {
    match gen::parse_date(s) {
        Some((y, m, d)) => Some(gen::days_from_civil(y, m, d)),
        None => {
            p.add(place, format!("{s:?} is not a valid YYYY-MM-DD date"));
            None
        }
    }
}

fn year_of(days: i64) -> i64 {
    civil(days).0
}

fn int(o: &Map<String, Value>, key: &str, default: i64, place: &str, p: &mut Problems) -> i64 {
    match o.get(key) {
        None | Some(Value::Null) => default,
        Some(v) => v.as_i64().unwrap_or_else(|| {
            p.add(place, format!("{key:?} must be an integer"));
            default
        }),
    }
}

fn boolean(o: &Map<String, Value>, key: &str, place: &str, p: &mut Problems) -> bool {
    match o.get(key) {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(_) => {
            p.add(place, format!("{key:?} must be true or false"));
            false
        }
    }
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

fn read_holidays(root: &Map<String, Value>, place: &str, p: &mut Problems) -> Vec<Holiday> {
    let mut out: Vec<Holiday> = Vec::new();
    for (i, h) in gen::items(root, "holidays") {
        let place = format!("{place}: holidays[{i}]");
        let Some(o) = gen::object(h, &place, p) else {
            continue;
        };
        gen::known_keys(
            o,
            &[
                "id",
                "names",
                "dates",
                "from",
                "until",
                "lunar",
                "substitute",
                "basis",
                "note",
            ],
            &place,
            p,
        );
        let id = gen::string(o, "id", &place, p).to_owned();
        if out.iter().any(|h| h.id == id) {
            p.add(&place, format!("holiday {id} defined twice"));
        }
        let lunar = boolean(o, "lunar", &place, p);
        let mut dates = Vec::new();
        for d in o
            .get("dates")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let md = d.as_str().unwrap_or("");
            match gen::parse_date(&format!("2000-{md}")) {
                Some((_, m, dd)) if md.len() == 5 => dates.push((m, dd)),
                _ => p.add(&place, format!("date {d} must be \"MM-DD\"")),
            }
        }
        if dates.is_empty() != lunar {
            p.add(&place, "give either \"dates\" or \"lunar\": true");
        }
        out.push(Holiday {
            names: gen::localized(o.get("names"), &place, p),
            id,
            dates,
            from: int(o, "from", 0, &place, p),
            until: int(o, "until", 9999, &place, p),
            lunar,
            substitute: boolean(o, "substitute", &place, p),
            basis: gen::string(o, "basis", &place, p).to_owned(),
        });
    }
    if out.len() >= NONE {
        p.add(place, "too many holidays");
    }
    out
}

/// Kurban Ait's first day per year: (day, estimated, source).
fn read_lunar(
    root: &Map<String, Value>,
    place: &str,
    p: &mut Problems,
) -> BTreeMap<i64, (i64, bool, String)> {
    let mut out = BTreeMap::new();
    for (i, k) in gen::items(root, "kurban_ait") {
        let place = format!("{place}: kurban_ait[{i}]");
        let Some(o) = gen::object(k, &place, p) else {
            continue;
        };
        gen::known_keys(o, &["date", "estimated", "source"], &place, p);
        let Some(day) = day_of(gen::string(o, "date", &place, p), &place, p) else {
            continue;
        };
        let src = gen::string(o, "source", &place, p).to_owned();
        if out
            .insert(year_of(day), (day, boolean(o, "estimated", &place, p), src))
            .is_some()
        {
            p.add(&place, "two dates in one year");
        }
    }
    out
}

pub fn generate(p: &mut Problems) -> String {
    let path = "data/calendar/holidays.json";
    let json = gen::read_json(path);
    let Some(root) = gen::object(&json, path, p) else {
        return String::new();
    };
    gen::known_keys(
        root,
        &[
            "statute",
            "statute_note",
            "substitute_rule",
            "substitute_rule_note",
            "substitute_rule_quoted_by",
            "transfer_rule",
            "transfer_rule_note",
            "labels",
            "holidays",
            "kurban_ait",
        ],
        path,
        p,
    );
    let holidays = read_holidays(root, path, p);
    let lunar = read_lunar(root, path, p);
    let mut sources: Vec<String> = Vec::new();
    let substitute_rule = gen::string(root, "substitute_rule", path, p).to_owned();
    let substitute_source = source(&mut sources, &substitute_rule);

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
    let mut status: Vec<(i64, &'static str)> = Vec::new();
    let mut transfers: Vec<(i64, i64, usize, String)> = Vec::new();
    for (year, file) in &files {
        let json = gen::read_json(file);
        let Some(o) = gen::object(&json, file, p) else {
            continue;
        };
        gen::known_keys(
            o,
            &["year", "status", "transfers", "verified_with", "note"],
            file,
            p,
        );
        if int(o, "year", 0, file, p) != *year {
            p.add(file, "\"year\" differs from the file name");
        }
        let st = match gen::string(o, "status", file, p) {
            "final" => "YearStatus::Final",
            "provisional" => "YearStatus::Provisional",
            other => {
                p.add(
                    file,
                    format!("status {other:?} must be final or provisional"),
                );
                "YearStatus::Provisional"
            }
        };
        let is_final = st == "YearStatus::Final";
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
        for (i, t) in gen::items(o, "transfers") {
            let place = format!("{file}: transfers[{i}]");
            let Some(t) = gen::object(t, &place, p) else {
                continue;
            };
            gen::known_keys(
                t,
                &["day_off", "working_day", "source", "confirmed_by"],
                &place,
                p,
            );
            let off = day_of(gen::string(t, "day_off", &place, p), &place, p);
            let work = day_of(gen::string(t, "working_day", &place, p), &place, p);
            let src = source(&mut sources, gen::string(t, "source", &place, p));
            if let (Some(off), Some(work)) = (off, work) {
                if year_of(off) != *year {
                    p.add(&place, "day_off must be in the file's year");
                }
                transfers.push((off, work, src, place));
            }
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
    for key in ["statute", "substitute_rule", "transfer_rule"] {
        let _ = writeln!(
            out,
            "/// `{key}` of `data/calendar/holidays.json`.\npub(crate) const {}: &str = {};",
            key.to_uppercase(),
            lit(gen::string(root, key, path, p))
        );
    }
    let labels = root.get("labels").and_then(Value::as_object);
    out.push_str(
        "\n/// Descriptions of special days.\npub(crate) static LABELS: Labels = Labels {\n",
    );
    const LABELS: &[&str] = &[
        "weekend",
        "weekend_holiday",
        "substitute",
        "transfer_off",
        "transfer_working",
        "override_off",
        "override_working",
    ];
    if let Some(l) = labels {
        gen::known_keys(l, LABELS, &format!("{path}: labels"), p);
    }
    for key in LABELS {
        let place = format!("{path}: labels.{key}");
        let _ = writeln!(
            out,
            "    {key}: {},",
            gen::localized(labels.and_then(|l| l.get(*key)), &place, p)
        );
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
