//! `kz-eco-rules calendar YEAR [--lang kk|ru|en] [--json]`: the year's days off
//! and holidays with the reason and legal basis of each, and the number of working
//! days.

use std::io::{self, Write};

use kz_eco_rules::calendar::{
    special_days, Calendar, Date, SpecialDay, Weekday, YearStatus, PROVISIONAL_YEAR,
    YEAR_NOT_COVERED,
};
use kz_eco_rules::findings::catalog::render_param;
use kz_eco_rules::findings::{Findings, Param};
use kz_eco_rules::Lang;
use serde::Serialize;

use crate::{Args, ExitCode};

/// One special day in the `--json` listing.
#[derive(Serialize)]
struct DayOut {
    date: String,
    day_off: bool,
    kind: kz_eco_rules::calendar::DayKind,
    holiday: Option<&'static str>,
    description: String,
    basis: &'static str,
    basis_text: String,
    date_source: Option<&'static str>,
}

/// The `--json` listing.
#[derive(Serialize)]
struct YearOut {
    year: i32,
    status: YearStatus,
    working_days: u32,
    days_off: u32,
    days: Vec<DayOut>,
    findings: Vec<kz_eco_rules::Finding>,
}

fn weekday(w: Weekday, lang: Lang) -> &'static str {
    let names: [&str; 7] = match lang {
        Lang::Kk => ["дс", "сс", "ср", "бс", "жм", "сб", "жс"],
        Lang::Ru => ["пн", "вт", "ср", "чт", "пт", "сб", "вс"],
        Lang::En => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    };
    names.get(w as usize).copied().unwrap_or("")
}

/// Runs `calendar`.
pub fn run(mut args: Args) -> ExitCode {
    let mut lang = Lang::Ru;
    let mut json = false;
    let mut year = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--lang" => match args.next().as_deref().and_then(Lang::parse) {
                Some(l) => lang = l,
                None => return crate::usage_error("--lang takes kk, ru or en"),
            },
            a if year.is_none() && !a.starts_with("--") => match a.parse::<i32>() {
                Ok(y) if (1..=9998).contains(&y) => year = Some(y),
                _ => return crate::usage_error(&format!("calendar: {a} is not a year")),
            },
            other => return crate::usage_error(&format!("calendar: unknown argument {other}")),
        }
    }
    let Some(year) = year else {
        return crate::usage_error("calendar takes a year, e.g. `calendar 2025`");
    };
    let cal = Calendar::statutory();
    let (Some(first), Some(last)) = (Date::new(year, 1, 1), Date::new(year, 12, 31)) else {
        return crate::usage_error("calendar: no such year");
    };
    let mut working = 0;
    let mut total = 0;
    let mut day = Some(first);
    while let Some(d) = day.filter(|d| *d <= last) {
        working += u32::from(cal.is_working_day(d));
        total += 1;
        day = d.next();
    }
    let mut findings = Findings::default();
    cal.check_years(first, first, "", &mut findings);
    let findings = findings.render(lang, &Default::default()).findings;
    let status = cal.status(year);
    let days: Vec<SpecialDay> = special_days(year).collect();

    let printed = if json {
        let out = YearOut {
            year,
            status,
            working_days: working,
            days_off: total - working,
            days: days
                .iter()
                .map(|d| DayOut {
                    date: d.date.to_string(),
                    day_off: d.is_day_off(),
                    kind: d.kind,
                    holiday: d.holiday.map(|h| h.id),
                    description: d.describe(lang),
                    basis: d.basis,
                    basis_text: d.basis_text(lang),
                    date_source: d.date_source,
                })
                .collect(),
            findings,
        };
        serde_json::to_string_pretty(&out)
            .map_err(io::Error::other)
            .and_then(|s| writeln!(io::stdout(), "{s}"))
    } else {
        print_text(
            &mut io::stdout().lock(),
            year,
            status,
            &days,
            &findings,
            lang,
            (working, total - working),
        )
    };
    match printed {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("kz-eco-rules: {e}");
            ExitCode::Usage
        }
        _ => ExitCode::Ok,
    }
}

/// The listing's own words (the command line only; not in the library catalog).
fn title(year: i32, status: YearStatus, lang: Lang) -> String {
    let status = match (status, lang) {
        (YearStatus::Final, Lang::Kk) => "түпкілікті",
        (YearStatus::Final, Lang::Ru) => "окончательный",
        (YearStatus::Final, Lang::En) => "final",
        (YearStatus::Provisional, Lang::Kk) => "алдын ала",
        (YearStatus::Provisional, Lang::Ru) => "предварительный",
        (YearStatus::Provisional, Lang::En) => "provisional",
        (YearStatus::NotCovered, Lang::Kk) => "деректер жоқ",
        (YearStatus::NotCovered, Lang::Ru) => "нет данных",
        (YearStatus::NotCovered, Lang::En) => "no data",
    };
    match lang {
        Lang::Kk => format!(
            "Қазақстан Республикасының {year} жылғы өндірістік күнтізбесі ({status}): демалыс және мереке күндері"
        ),
        Lang::Ru => format!(
            "Производственный календарь Республики Казахстан на {year} год ({status}): выходные и праздничные дни"
        ),
        Lang::En => {
            format!("Kazakhstan working-day calendar for {year} ({status}): days off and holidays")
        }
    }
}

fn summary(working: u32, off: u32, lang: Lang) -> String {
    match lang {
        Lang::Kk => format!(
            "Жұмыс күндері: {working}, демалыс және мереке күндері: {off} (бес күндік жұмыс аптасы)."
        ),
        Lang::Ru => format!(
            "Рабочих дней: {working}, выходных и праздничных дней: {off} (пятидневная рабочая неделя)."
        ),
        Lang::En => format!("Working days: {working}; days off and holidays: {off} (five-day week)."),
    }
}

fn print_text(
    out: &mut impl Write,
    year: i32,
    status: YearStatus,
    days: &[SpecialDay],
    findings: &[kz_eco_rules::Finding],
    lang: Lang,
    (working, off): (u32, u32),
) -> io::Result<()> {
    writeln!(out, "{}", title(year, status, lang))?;
    for f in findings
        .iter()
        .filter(|f| [PROVISIONAL_YEAR, YEAR_NOT_COVERED].contains(&f.code))
    {
        writeln!(out, "{}", f.message)?;
    }
    writeln!(out)?;
    for d in days {
        let date = render_param(&Param::Date(d.date.to_string()), lang);
        writeln!(
            out,
            "{date} {:<3} {}",
            weekday(d.date.weekday(), lang),
            d.describe(lang)
        )?;
        let basis = d.basis_text(lang);
        match d.date_note(lang) {
            Some(note) => writeln!(out, "               {basis}; {note}")?,
            None => writeln!(out, "               {basis}")?,
        }
    }
    writeln!(out)?;
    writeln!(out, "{}", summary(working, off, lang))
}
