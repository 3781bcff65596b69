//! The working-day calendar against independent sources, natively and in wasm:
//! every day of 2012–2027 against python-holidays' implementation of the same
//! statute, and days reported by news of the decrees and egov calendars.

use kz_eco_rules::calendar::{
    data_status, is_working_day, special_days, Calendar, Date, DayKind, YearStatus,
};
use kz_eco_rules::Lang;
use wasm_bindgen_test::wasm_bindgen_test;

fn d(s: &str) -> Date {
    Date::parse_iso(s).unwrap()
}

#[wasm_bindgen_test(unsupported = test)]
fn every_day_matches_python_holidays_2012_to_2027() {
    let text = include_str!("../vectors/calendar_python_holidays.txt");
    let mut years = 0;
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let (head, work) = line.split_once(" | work:").unwrap();
        let (head, off) = head.split_once(" off:").unwrap();
        let mut head = head.split_whitespace();
        let year: i32 = head.next().unwrap().parse().unwrap();
        let count: usize = head.next().unwrap().parse().unwrap();
        let list = |s: &str| -> Vec<Date> {
            s.split_whitespace()
                .map(|md| d(&format!("{year}-{md}")))
                .collect()
        };
        let (off, work) = (list(off), list(work));
        let mut day = d(&format!("{year}-01-01"));
        let mut working = 0;
        while day.year() == year {
            let weekend = day.weekday().is_weekend();
            let expected = if weekend {
                work.contains(&day)
            } else {
                !off.contains(&day)
            };
            assert_eq!(is_working_day(day), expected, "{day}");
            working += usize::from(expected);
            day = day.next().unwrap();
        }
        assert_eq!(working, count, "{year}");
        years += 1;
    }
    assert_eq!(years, 16);
}

#[wasm_bindgen_test(unsupported = test)]
fn days_reported_by_news_and_egov() {
    let text = include_str!("../vectors/calendar_known_days.jsonl");
    let mut n = 0;
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let date = d(v["date"].as_str().unwrap());
        let want = v["working"].as_bool().unwrap();
        assert_eq!(is_working_day(date), want, "{date}: {}", v["source"]);
        n += 1;
    }
    assert!(n >= 50);
}

#[wasm_bindgen_test(unsupported = test)]
fn years_are_final_until_2026_and_provisional_after() {
    for year in 2012..=2026 {
        assert_eq!(data_status(year), YearStatus::Final, "{year}");
    }
    for year in 2027..=2030 {
        assert_eq!(data_status(year), YearStatus::Provisional, "{year}");
    }
    assert_eq!(data_status(2031), YearStatus::NotCovered);
    assert_eq!(data_status(2011), YearStatus::NotCovered);
    // Outside the data only weekends are days off.
    assert!(is_working_day(d("2031-01-01")));
    assert!(!is_working_day(d("2031-01-04")));
}

#[wasm_bindgen_test(unsupported = test)]
fn every_transfer_pairs_a_day_off_with_a_working_day() {
    for year in 2012..=2030 {
        for day in special_days(year) {
            match day.kind {
                DayKind::TransferOff | DayKind::TransferWorking => {
                    let other = day.related.expect("a transfer names its pair");
                    let cal = Calendar::statutory();
                    assert_ne!(cal.is_working_day(day.date), cal.is_working_day(other));
                    assert!(day.basis.contains("adilet"), "{}: {}", day.date, day.basis);
                }
                DayKind::Substitute => {
                    let h = day.holiday.unwrap();
                    assert!(h.carried_over, "{}", h.id);
                    assert!(day.related.unwrap().weekday().is_weekend());
                    assert!(day.related.unwrap() < day.date);
                }
                DayKind::Holiday => assert!(day.holiday.is_some()),
            }
        }
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn days_are_described_in_three_languages() {
    let cal = Calendar::statutory();
    let describe = |s, lang| cal.day(d(s)).describe(lang).unwrap_or_default();
    assert_eq!(
        describe("2025-06-06", Lang::Kk),
        "Құрбан айттың бірінші күні"
    );
    assert_eq!(
        describe("2025-01-03", Lang::Ru),
        "Выходной день, перенесённый с 05.01.2025"
    );
    assert_eq!(describe("2022-03-22", Lang::En), "Nauryz");
    assert_eq!(
        describe("2026-03-21", Lang::En),
        "Nauryz (falls on a weekend)"
    );
    assert_eq!(
        describe("2019-10-05", Lang::Kk),
        "Демалыс күні (сенбі, жексенбі)"
    );
    assert_eq!(cal.day(d("2019-10-04")).describe(Lang::Kk), None);
}
