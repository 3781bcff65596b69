//! Deadlines of every edition × service × action × category and the edge cases
//! (reception hours, weekends, Nauryz, New Year, transferred working days, month
//! ends, 29 February, time zones, remarks), natively and in wasm, against the
//! answers of an independent implementation (`scripts/gen-deadline-vectors.py`:
//! its own counting on python-holidays' calendar).

use kz_eco_rules::findings::catalog;
use kz_eco_rules::sla::{self, deadlines_json, edition_slas, DeadlinesReport};
use kz_eco_rules::{calendar, Lang, Options, Severity};
use wasm_bindgen_test::wasm_bindgen_test;

use crate::common::due_dates as fields;

fn codes(r: &DeadlinesReport) -> Vec<&'static str> {
    let mut c: Vec<&str> = r.findings.iter().map(|f| f.code).collect();
    c.sort_unstable();
    c
}

#[wasm_bindgen_test(unsupported = test)]
fn vectors_match_the_independent_implementation() {
    let text = include_str!("../vectors/deadlines.jsonl");
    let mut combos = std::collections::HashSet::new();
    let mut n = 0;
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let name = v["name"].as_str().unwrap();
        let r = deadlines_json(&v["query"].to_string(), &Options::default());
        let e = &v["expect"];
        let want: [Option<&str>; 5] = [
            "registered_on",
            "completeness_due",
            "decision_due",
            "remarks_due",
            "fixes_due",
        ]
        .map(|k| e[k].as_str());
        assert_eq!(fields(&r), want, "{name}: {:?}", r.findings);
        let mut want_codes: Vec<&str> = e["codes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap())
            .collect();
        want_codes.sort_unstable();
        assert_eq!(codes(&r), want_codes, "{name}");
        assert!(r.ok, "{name}");
        let q = &v["query"];
        combos.insert(format!(
            "{} {} {} {}",
            q["edition"], q["service"], q["action"], q["category"]
        ));
        n += 1;
    }
    assert!(n >= 70, "{n} vectors");
    // Every edition × offered service × action × category is covered.
    let mut expected = 0;
    for ed in edition_slas() {
        let edition = kz_eco_rules::editions::edition(ed.edition).unwrap();
        for offer in edition.services {
            for action in offer.actions {
                for cat in offer.categories {
                    let key = format!(
                        "\"{}\" \"{}\" \"{}\" \"{cat}\"",
                        ed.edition, offer.service, action
                    );
                    assert!(combos.contains(&key), "no vector for {key}");
                    expected += 1;
                }
            }
        }
    }
    assert_eq!(expected, 34);
}

#[wasm_bindgen_test(unsupported = test)]
fn each_date_cites_its_clause() {
    let ask = |q: &str| deadlines_json(q, &Options::default());
    let r = ask(
        r#"{"edition": "almaty_oblast_2012", "service": "ecological_expertise", "action": "repeat",
            "category": "III", "submitted_at": "2013-06-03T10:00:00+06:00"}"#,
    );
    assert_eq!(r.decision_due.as_deref(), Some("2013-06-17"));
    assert_eq!(
        r.basis.registered_on.as_deref(),
        Some("almaty_oblast_2012 GR §9")
    );
    assert_eq!(
        r.basis.decision_due.as_deref(),
        Some("almaty_oblast_2012 GR §7.3")
    );
    assert_eq!(r.basis.completeness_due, None);
    // Each clause also cited in the report's language, None where no date is.
    assert_eq!(
        r.basis_text.decision_due.as_deref(),
        Some(
            "п. 7.3 Регламента государственной услуги «Выдача заключений государственной \
             экологической экспертизы для объектов II, III и IV категорий», утв. \
             постановлением акимата Алматинской области от 11.10.2012 № 304"
        )
    );
    assert_eq!(r.basis_text.completeness_due, None);
    let r = ask(
        r#"{"edition": "almaty_city_2019", "service": "ecological_expertise", "action": "first",
            "category": "IV", "submitted_at": "2019-12-09T09:20:00+06:00"}"#,
    );
    assert_eq!(
        r.basis.fixes_due.as_deref(),
        Some("almaty_city_2019 GR §5.3, §8.3")
    );
    assert_eq!(r.edition.as_deref(), Some("almaty_city_2019"));
    let r = ask(
        r#"{"edition": "karaganda_2013", "service": "emission_permit", "action": "issue",
            "category": "II", "submitted_at": "2013-10-08T15:05:00+06:00"}"#,
    );
    assert_eq!(
        r.basis.decision_due.as_deref(),
        Some("karaganda_2013 App.1 T1 step 9, T2 step 9, T3 step 9")
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn the_region_and_submission_time_select_the_edition() {
    let r = deadlines_json(
        r#"{"region": "almaty_city", "service": "emission_permit", "action": "reissue",
            "category": "II", "submitted_at": "2019-11-04T10:15:00+06:00"}"#,
        &Options::default(),
    );
    assert_eq!(r.edition.as_deref(), Some("almaty_city_2019"));
    assert_eq!(r.decision_due.as_deref(), Some("2019-11-19"));
    assert!(r.ok);
}

#[wasm_bindgen_test(unsupported = test)]
fn unanswerable_queries_give_findings_and_no_dates() {
    let ask = |q: &str| deadlines_json(q, &Options::with_lang(Lang::En));
    let cases: &[(&str, &[&str])] = &[
        (
            r#"{"edition": "almaty_city_2019", "service": "ecological_expertise", "action": "repeat", "category": "II", "submitted_at": "2019-12-09T09:00:00+06:00"}"#,
            &["editions.action_not_offered"],
        ),
        (
            r#"{"edition": "almaty_city_2019", "service": "emission_permit", "action": "issue", "category": "II", "channel": "in_person", "submitted_at": "2019-12-09T09:00:00+06:00"}"#,
            &["editions.channel_not_offered"],
        ),
        (
            r#"{"edition": "nowhere", "service": "emission_permit", "action": "issue", "category": "II", "submitted_at": "2019-12-09T09:00:00+06:00"}"#,
            &["editions.unknown_edition"],
        ),
        (
            r#"{"edition": "almaty_city_2019", "service": "emission_permit", "action": "issue", "category": "II", "submitted_at": "09.12.2019 09:00"}"#,
            &["application.invalid_datetime"],
        ),
        (
            r#"{"edition": "almaty_city_2019", "action": "issue", "category": "V", "submitted_at": "2019-12-09T09:00:00+06:00"}"#,
            &["input.missing_field", "input.unknown_value"],
        ),
        (
            r#"{"edition": "almaty_city_2019", "service": "ecological_expertise", "action": "first", "category": "II", "submitted_at": "2019-12-09T09:00:00+06:00", "remarks_sent_on": "20.12.2019"}"#,
            &["sla.invalid_date"],
        ),
        (r#"[1, 2]"#, &["input.wrong_type"]),
        (r#"{"edition": "#, &["input.malformed_json"]),
    ];
    for (q, want) in cases {
        let r = ask(q);
        assert!(!r.ok, "{q}");
        assert_eq!(fields(&r), [None; 5], "{q}");
        let got: Vec<&str> = r
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| f.code)
            .collect();
        assert_eq!(&got, want, "{q}");
        assert!(r.findings.iter().all(|f| !f.message.is_empty()));
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn the_2012_main_expertise_month_runs_from_the_preliminary_expertise() {
    // GR §7.2: «алдын ала сараптамадан өткен қажетті құжаттарды тапсырған сәттен
    // бастап – бір айдан артық емес». Registered Monday 3 June 2013; the preliminary
    // expertise ends on 10 June (5 working days); the month on 10 July.
    let q = r#"{"edition": "almaty_oblast_2012", "service": "ecological_expertise", "action": "first",
        "category": "III", "submitted_at": "2013-06-03T10:00:00+06:00"}"#;
    let run = |options: &str| {
        let v = kz_eco_rules::input::Value::from_json_str(options, &Default::default()).unwrap();
        deadlines_json(q, &Options::from_value(&v).unwrap())
    };
    let default = run("{}");
    assert_eq!(default.completeness_due.as_deref(), Some("2013-06-10"));
    assert_eq!(default.decision_due.as_deref(), Some("2013-07-10"));
    assert_eq!(
        default.basis.decision_due.as_deref(),
        Some("almaty_oblast_2012 GR §7.2")
    );
    let registration = run(r#"{"sla": {"expertise_month_from": "registration"}}"#);
    assert_eq!(registration.decision_due.as_deref(), Some("2013-07-03"));
    // The permit's month (PR §7.1) still runs from the registration.
    let permit = deadlines_json(
        &q.replace("ecological_expertise", "emission_permit")
            .replace("first", "issue"),
        &Options::default(),
    );
    assert_eq!(permit.decision_due.as_deref(), Some("2013-07-03"));
}

#[wasm_bindgen_test(unsupported = test)]
fn warnings_keep_the_dates() {
    let r = deadlines_json(
        r#"{"edition": "almaty_oblast_2012", "service": "ecological_expertise", "action": "first",
            "category": "II", "submitted_at": "2013-06-03T10:00", "remarks_sent_on": "2013-06-05"}"#,
        &Options::with_lang(Lang::Ru),
    );
    assert!(r.ok);
    assert_eq!(r.decision_due.as_deref(), Some("2013-07-10"));
    assert_eq!(
        codes(&r),
        ["application.no_utc_offset", "sla.no_remarks_cycle"]
    );
}

/// Found by the `deadlines` fuzz target: remarks dated before registration
/// gave a fixes deadline before the registration day, silently.
#[wasm_bindgen_test(unsupported = test)]
fn remarks_before_registration_are_reported() {
    let r = deadlines_json(
        r#"{"edition": "almaty_city_2019", "service": "ecological_expertise", "action": "first",
            "category": "IV", "submitted_at": "2019-12-09T09:20:00+06:00", "remarks_sent_on": "2019-12-06"}"#,
        &Options::with_lang(Lang::En),
    );
    assert!(r.ok);
    assert_eq!(r.registered_on.as_deref(), Some("2019-12-09"));
    assert_eq!(codes(&r), ["sla.remarks_before_registration"]);
    let f = &r.findings[0];
    assert_eq!(f.path, "/remarks_sent_on");
    assert_eq!(f.severity, Severity::Warning);
    assert!(f.message.contains("2019-12-06") && f.message.contains("2019-12-09"));
    // Sent on the registration day: nothing to report.
    let same_day = deadlines_json(
        r#"{"edition": "almaty_city_2019", "service": "ecological_expertise", "action": "first",
            "category": "IV", "submitted_at": "2019-12-09T09:20:00+06:00", "remarks_sent_on": "2019-12-09"}"#,
        &Options::default(),
    );
    assert_eq!(codes(&same_day), Vec::<&str>::new());
}

#[wasm_bindgen_test(unsupported = test)]
fn options_reach_the_computation() {
    let v = kz_eco_rules::input::Value::from_json_str(
        r#"{"lang": "en", "sla": {"reception_close": "18:30"},
            "calendar": {"days_off": ["2019-10-07"], "confirmed_years": [2027]}}"#,
        &Default::default(),
    )
    .unwrap();
    let options = Options::from_value(&v).unwrap();
    let r = deadlines_json(
        r#"{"edition": "almaty_city_2019", "service": "emission_permit", "action": "issue",
            "category": "IV", "submitted_at": "2019-10-04T18:15:00+06:00"}"#,
        &options,
    );
    assert_eq!(r.registered_on.as_deref(), Some("2019-10-04"));
    // 7 October made a day off by the caller.
    assert_eq!(r.decision_due.as_deref(), Some("2019-10-14"));
    let r = deadlines_json(
        r#"{"edition": "almaty_city_2019", "service": "emission_permit", "action": "issue",
            "category": "IV", "submitted_at": "2027-10-04T10:00:00+05:00"}"#,
        &options,
    );
    assert_eq!(codes(&r), ["editions.outside_period"]);
    assert!(Options::from_value(
        &kz_eco_rules::input::Value::from_json_str(
            r#"{"sla": {"anchor": 1}}"#,
            &Default::default()
        )
        .unwrap()
    )
    .is_err());
}

#[wasm_bindgen_test(unsupported = test)]
fn emitted_findings_carry_their_declared_params() {
    // Findings emitted by the deadline queries carry exactly the declared params.
    let queries = [
        r#"{"edition": "almaty_city_2019", "service": "ecological_expertise", "action": "first", "category": "IV", "submitted_at": "2019-12-09T09:20:00+06:00", "remarks_sent_on": "2020-01-20"}"#,
        r#"{"edition": "almaty_city_2019", "service": "emission_permit", "action": "issue", "category": "II", "submitted_at": "2027-03-12T17:00:00+05:00"}"#,
        r#"{"edition": "almaty_city_2019", "service": "emission_permit", "action": "issue", "category": "II", "submitted_at": "2035-03-12T17:00:00+05:00"}"#,
        r#"{"edition": "almaty_oblast_2012", "service": "emission_permit", "action": "issue", "category": "II", "submitted_at": "2013-03-12T17:00:00+06:00", "remarks_sent_on": "x"}"#,
        r#"{"edition": "almaty_oblast_2012", "service": "emission_permit", "action": "issue", "category": "II", "submitted_at": "2013-03-12T17:00:00+06:00", "remarks_sent_on": "2013-03-20"}"#,
    ];
    let mut seen = Vec::new();
    for q in queries {
        for f in deadlines_json(q, &Options::default()).findings {
            let entry = catalog::entry(f.code).unwrap();
            let names: Vec<&str> = f.params.0.iter().map(|(n, _)| *n).collect();
            assert_eq!(names, entry.params, "{}", f.code);
            seen.push(f.code);
        }
    }
    for code in [
        sla::REMARKS_LATE,
        sla::INVALID_DATE,
        sla::NO_REMARKS_CYCLE,
        calendar::PROVISIONAL_YEAR,
        calendar::YEAR_NOT_COVERED,
    ] {
        assert!(seen.contains(&code), "{code} not emitted");
    }
}
