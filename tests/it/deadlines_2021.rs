//! Deadlines under the Ecological Code of 2021 (`eco_code_2021`), natively and in
//! wasm: the permit of art. 123 (remarks from the acceptance, fixes from the
//! remarks, late fixes → refusal), the category III expertise of art. 89 p. 6
//! (late fixes → negative conclusion), the re-issue of art. 108 p. 1, the
//! declaration without a term (art. 110), the change of operator (art. 107 p. 2)
//! and the options for what the Code leaves open. Dates checked by hand against
//! the 2025/2026 calendars (and by `scripts/gen-deadline-vectors.py`).

use kz_eco_rules::findings::{catalog, Severity};
use kz_eco_rules::input::Value;
use kz_eco_rules::sla::{deadlines_json, DeadlinesReport};
use kz_eco_rules::{validate_json, Lang, Options};
use serde_json::json;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::common::due_dates as dates;

fn ask(q: serde_json::Value, options: &Options) -> DeadlinesReport {
    deadlines_json(&q.to_string(), options)
}

fn options(json: &str) -> Options {
    Options::from_value(&Value::from_json_str(json, &Default::default()).unwrap()).unwrap()
}

fn codes(r: &DeadlinesReport) -> Vec<&'static str> {
    r.findings.iter().map(|f| f.code).collect()
}

/// A category II permit submitted Tuesday 4 November 2025, 10:00.
fn permit(extra: serde_json::Value) -> serde_json::Value {
    let mut q = json!({"edition": "eco_code_2021", "service": "environmental_permit",
        "action": "issue", "category": "II", "submitted_at": "2025-11-04T10:00:00+05:00"});
    q.as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    q
}

/// A category III expertise submitted Tuesday 7 April 2026, 09:00.
fn expertise(extra: serde_json::Value) -> serde_json::Value {
    let mut q = json!({"edition": "eco_code_2021", "service": "ecological_expertise",
        "action": "first", "category": "III", "submitted_at": "2026-04-07T09:00:00+05:00"});
    q.as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    q
}

#[wasm_bindgen_test(unsupported = test)]
fn the_permit_counts_remarks_from_acceptance_and_fixes_from_the_remarks() {
    let o = Options::default();
    let r = ask(
        permit(json!({"accepted_on": "2025-11-05", "remarks_sent_on": "2025-11-20"})),
        &o,
    );
    assert!(r.ok, "{:?}", r.findings);
    assert_eq!(
        dates(&r),
        [
            Some("2025-11-04"),
            Some("2025-11-07"),
            Some("2025-12-17"),
            Some("2025-11-26"),
            Some("2025-11-27")
        ]
    );
    assert_eq!(codes(&r), Vec::<&str>::new());
    let b = &r.basis;
    assert_eq!(
        b.completeness_due.as_deref(),
        Some("eco_code_2021 art. 123 p. 1")
    );
    assert_eq!(
        b.decision_due.as_deref(),
        Some("eco_code_2021 art. 123 p. 2")
    );
    assert_eq!(
        b.remarks_due.as_deref(),
        Some("eco_code_2021 art. 123 p. 3")
    );
    assert_eq!(
        b.fixes_due.as_deref(),
        Some("eco_code_2021 art. 123 p. 3, 4")
    );
    assert_eq!(
        b.registered_on.as_deref(),
        Some("eco_code_2021 art. 122 p. 1")
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn without_the_dates_the_answer_says_which_days_it_assumed() {
    let r = ask(permit(json!({})), &Options::with_lang(Lang::Ru));
    assert!(r.ok);
    // Acceptance assumed on the last day of the completeness check (7 November),
    // remarks on the last day for them (28 November).
    assert_eq!(r.remarks_due.as_deref(), Some("2025-11-28"));
    assert_eq!(r.fixes_due.as_deref(), Some("2025-12-05"));
    assert_eq!(
        codes(&r),
        ["sla.accepted_on_assumed", "sla.remarks_sent_on_assumed"]
    );
    let accepted = &r.findings[0];
    assert_eq!(accepted.severity, Severity::Info);
    assert_eq!(accepted.path, "/accepted_on");
    assert!(
        accepted.message.contains("07.11.2025") && accepted.message.contains("28.11.2025"),
        "{}",
        accepted.message
    );
    let remarks = &r.findings[1];
    assert_eq!(remarks.path, "/remarks_sent_on");
    assert!(
        remarks.message.contains("28.11.2025") && remarks.message.contains("05.12.2025"),
        "{}",
        remarks.message
    );
    // Only what is missing is assumed.
    let r = ask(
        permit(json!({"accepted_on": "2025-11-06"})),
        &Options::default(),
    );
    assert_eq!(codes(&r), ["sla.remarks_sent_on_assumed"]);
    assert_eq!(r.remarks_due.as_deref(), Some("2025-11-27"));
    let r = ask(
        permit(json!({"remarks_sent_on": "2025-11-14"})),
        &Options::default(),
    );
    assert_eq!(codes(&r), ["sla.accepted_on_assumed"]);
    assert_eq!(r.fixes_due.as_deref(), Some("2025-11-21"));
}

#[wasm_bindgen_test(unsupported = test)]
fn acceptance_dates_are_checked() {
    let o = Options::default();
    let r = ask(permit(json!({"accepted_on": "2025-11-10"})), &o);
    assert!(r.ok);
    assert!(codes(&r).contains(&"sla.accepted_late"), "{:?}", codes(&r));
    let r = ask(permit(json!({"accepted_on": "2025-11-03"})), &o);
    assert!(codes(&r).contains(&"sla.accepted_before_registration"));
    // The completeness clause places the acceptance in the period from the
    // registration day; the filing clause (art. 122 p. 1) says nothing of it.
    let basis = |r: &DeadlinesReport| {
        let f = r
            .findings
            .iter()
            .find(|f| f.code == "sla.accepted_before_registration");
        f.and_then(|f| f.basis.as_ref()).map(|b| b.to_string())
    };
    assert_eq!(basis(&r).as_deref(), Some("eco_code_2021 art. 123 p. 1"));
    let r = ask(expertise(json!({"accepted_on": "2026-04-06"})), &o);
    assert_eq!(
        basis(&r).as_deref(),
        Some("eco_code_2021 art. 89 p. 6 part 2")
    );
    let r = ask(permit(json!({"accepted_on": "2025-11-31"})), &o);
    assert!(!r.ok);
    assert_eq!(codes(&r).first(), Some(&"sla.invalid_date"));
    // No period of the 2019 edition runs from the acceptance.
    let r = deadlines_json(
        r#"{"edition": "almaty_city_2019", "service": "ecological_expertise", "action": "first",
            "category": "II", "submitted_at": "2019-12-09T09:20:00+06:00", "accepted_on": "2019-12-10"}"#,
        &o,
    );
    assert_eq!(codes(&r), ["sla.acceptance_not_used"]);
    assert!(r.ok);
}

#[wasm_bindgen_test(unsupported = test)]
fn the_expertise_runs_fifteen_working_days_with_its_own_remarks_cycle() {
    let r = ask(
        expertise(json!({"accepted_on": "2026-04-08", "remarks_sent_on": "2026-04-15"})),
        &Options::default(),
    );
    assert!(r.ok, "{:?}", r.findings);
    assert_eq!(
        dates(&r),
        [
            Some("2026-04-07"),
            Some("2026-04-10"),
            Some("2026-04-28"),
            Some("2026-04-17"),
            Some("2026-04-20")
        ]
    );
    let b = &r.basis;
    for (basis, part) in [
        (&b.completeness_due, "part 2"),
        (&b.decision_due, "part 1"),
        (&b.remarks_due, "part 3"),
        (&b.fixes_due, "parts 3, 4"),
    ] {
        assert_eq!(
            basis.as_deref(),
            Some(format!("eco_code_2021 art. 89 p. 6 {part}").as_str())
        );
    }
    // Without the dates: remarks 7 working days after 10 April, fixes 3 after that.
    let r = ask(expertise(json!({})), &Options::default());
    assert_eq!(r.remarks_due.as_deref(), Some("2026-04-21"));
    assert_eq!(r.fixes_due.as_deref(), Some("2026-04-24"));
    // 3 + 7 + 3 working days fit the 15 of art. 89 p. 6 part 1.
    assert!(r.fixes_due <= r.decision_due);
}

#[wasm_bindgen_test(unsupported = test)]
fn options_choose_what_the_code_leaves_open() {
    // Expertise remarks from the registration instead of the acceptance.
    let r = ask(
        expertise(json!({})),
        &options(r#"{"sla": {"expertise_remarks_from": "registration"}}"#),
    );
    assert_eq!(r.remarks_due.as_deref(), Some("2026-04-16"));
    assert_eq!(codes(&r), ["sla.remarks_sent_on_assumed"]);
    // The package submitted on Sunday 5 April 2026: 15 working days from the
    // registration (Monday) by default, from the Sunday with `anchor: submission`.
    let sunday = json!({"submitted_at": "2026-04-05T12:00:00+05:00"});
    let r = ask(expertise(sunday.clone()), &Options::default());
    assert_eq!(r.decision_due.as_deref(), Some("2026-04-27"));
    let r = ask(
        expertise(sunday),
        &options(r#"{"sla": {"anchor": "submission"}}"#),
    );
    assert_eq!(r.decision_due.as_deref(), Some("2026-04-24"));
    // Re-issue: 5 working days (art. 108 p. 1) from the registration, or from
    // the raw submission day.
    let reissue = json!({"edition": "eco_code_2021", "service": "environmental_permit",
        "action": "reissue", "category": "II", "submitted_at": "2026-02-01T12:00:00+05:00"});
    let r = ask(reissue.clone(), &Options::default());
    assert_eq!(r.registered_on.as_deref(), Some("2026-02-02"));
    assert_eq!(r.decision_due.as_deref(), Some("2026-02-09"));
    assert_eq!(
        r.basis.decision_due.as_deref(),
        Some("eco_code_2021 art. 108 p. 1")
    );
    let r = ask(
        reissue,
        &options(r#"{"sla": {"reissue_from": "submission_day"}}"#),
    );
    assert_eq!(r.decision_due.as_deref(), Some("2026-02-06"));
    // Reception hours are an option too (the Code states none).
    let late = permit(json!({"submitted_at": "2025-11-04T18:20:00+05:00"}));
    assert_eq!(
        ask(late.clone(), &Options::default())
            .registered_on
            .as_deref(),
        Some("2025-11-05")
    );
    assert_eq!(
        ask(late, &options(r#"{"sla": {"reception_close": "18:30"}}"#))
            .registered_on
            .as_deref(),
        Some("2025-11-04")
    );
    for bad in [
        r#"{"sla": {"expertise_remarks_from": "remarks_sent_on"}}"#,
        r#"{"sla": {"reissue_from": "accepted_on"}}"#,
    ] {
        let v = Value::from_json_str(bad, &Default::default()).unwrap();
        assert!(Options::from_value(&v).is_err(), "{bad}");
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn the_declaration_has_no_term_in_the_code() {
    let r = deadlines_json(
        r#"{"edition": "eco_code_2021", "service": "impact_declaration", "action": "issue",
            "category": "III", "submitted_at": "2026-06-06T10:00:00+05:00"}"#,
        &Options::with_lang(Lang::En),
    );
    assert!(r.ok);
    assert_eq!(dates(&r), [Some("2026-06-08"), None, None, None, None]);
    assert_eq!(codes(&r), ["sla.no_term"]);
    let f = &r.findings[0];
    assert_eq!(f.severity, Severity::Info);
    assert_eq!(
        f.basis.as_ref().map(ToString::to_string).as_deref(),
        Some("eco_code_2021 art. 110")
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn a_region_and_a_2026_submission_pick_the_2021_code() {
    let r = deadlines_json(
        r#"{"region": "almaty_city", "service": "environmental_permit", "action": "issue",
            "category": "II", "submitted_at": "2026-05-12T11:00:00+05:00"}"#,
        &Options::default(),
    );
    assert_eq!(r.edition.as_deref(), Some("eco_code_2021"));
    assert!(r.ok, "{:?}", r.findings);
    assert_eq!(r.decision_due.as_deref(), Some("2026-06-24"));
}

#[wasm_bindgen_test(unsupported = test)]
fn new_findings_carry_their_declared_params() {
    let queries = [
        permit(json!({})),
        permit(json!({"accepted_on": "2025-11-10"})),
        permit(json!({"accepted_on": "2025-11-03"})),
        json!({"edition": "eco_code_2021", "service": "impact_declaration", "action": "issue",
            "category": "III", "submitted_at": "2026-06-06T10:00:00+05:00"}),
    ];
    for q in queries {
        for f in ask(q, &Options::default()).findings {
            let entry = catalog::entry(f.code).unwrap();
            let names: Vec<&str> = f.params.0.iter().map(|(n, _)| *n).collect();
            assert_eq!(names, entry.params, "{}", f.code);
        }
    }
}

/// The deadline findings of an application.
fn sla_findings(app: &serde_json::Value) -> Vec<(&'static str, String, Severity)> {
    validate_json(&app.to_string(), &Options::default())
        .findings
        .into_iter()
        .filter(|f| f.code.starts_with("sla."))
        .map(|f| (f.code, f.path, f.severity))
        .collect()
}

fn application(service: &str, action: &str, category: &str, at: &str) -> serde_json::Value {
    json!({
        "applicant": {"name": "ТОО «Алатау Цемент»", "kind": "legal_entity", "iin_bin": "081240001238"},
        "service": service, "action": action, "category": category, "channel": "portal",
        "edition": "eco_code_2021", "submitted_at": at, "eds_signed": true
    })
}

#[wasm_bindgen_test(unsupported = test)]
fn late_fixes_lead_to_a_refusal_or_a_negative_conclusion() {
    let mut app = application(
        "environmental_permit",
        "issue",
        "II",
        "2025-11-04T10:00:00+05:00",
    );
    app["expertise"] = json!({"accepted_on": "2025-11-05", "remarks_sent_on": "2025-11-20",
        "fixes_submitted_on": "2025-11-27"});
    assert_eq!(sla_findings(&app), []);
    app["expertise"]["fixes_submitted_on"] = json!("2025-11-28");
    assert_eq!(
        sla_findings(&app),
        [(
            "sla.fixes_late_refusal",
            "/expertise/fixes_submitted_on".to_owned(),
            Severity::Error
        )]
    );
    let report = validate_json(&app.to_string(), &Options::with_lang(Lang::Kk));
    let f = report.with_code("sla.fixes_late_refusal").next().unwrap();
    assert_eq!(
        f.basis.as_ref().map(ToString::to_string).as_deref(),
        Some("eco_code_2021 art. 123 p. 3, 4")
    );
    assert!(f.message.contains("уәжді бас тарту"), "{}", f.message);

    let mut app = application(
        "ecological_expertise",
        "first",
        "III",
        "2026-04-07T09:00:00+05:00",
    );
    app["expertise"] = json!({"remarks_sent_on": "2026-04-15", "fixes_submitted_on": "2026-04-21"});
    assert_eq!(
        sla_findings(&app),
        [(
            "sla.fixes_late_negative_conclusion",
            "/expertise/fixes_submitted_on".to_owned(),
            Severity::Error
        )]
    );
    // An acceptance after the completeness period is reported on the application too.
    app["expertise"] = json!({"accepted_on": "2026-04-13"});
    assert_eq!(
        sla_findings(&app),
        [(
            "sla.accepted_late",
            "/expertise/accepted_on".to_owned(),
            Severity::Warning
        )]
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn a_new_operator_files_within_ten_working_days() {
    // Operator changed Monday 5 January 2026: 10 working days → 20 January.
    let with = |at: &str| {
        let mut app = application("environmental_permit", "reissue", "II", at);
        app["operator_changed_on"] = json!("2026-01-05");
        app
    };
    assert_eq!(sla_findings(&with("2026-01-20T17:00:00+05:00")), []);
    let late = with("2026-01-21T10:00:00+05:00");
    assert_eq!(
        sla_findings(&late),
        [(
            "sla.operator_change_filed_late",
            "/operator_changed_on".to_owned(),
            Severity::Warning
        )]
    );
    let report = validate_json(&late.to_string(), &Options::with_lang(Lang::Ru));
    let f = report
        .with_code("sla.operator_change_filed_late")
        .next()
        .unwrap();
    assert_eq!(
        f.basis.as_ref().map(ToString::to_string).as_deref(),
        Some("eco_code_2021 art. 107 p. 2")
    );
    assert!(f.message.contains("20.01.2026"), "{}", f.message);
    // The 2019 edition sets no such term: nothing to report.
    let mut old = with("2019-11-04T10:15:00+06:00");
    old["service"] = json!("emission_permit");
    old["edition"] = json!("almaty_city_2019");
    old["operator_changed_on"] = json!("2019-09-02");
    assert_eq!(sla_findings(&old), []);
    let mut bad = with("2026-01-20T17:00:00+05:00");
    bad["operator_changed_on"] = json!("5 January");
    assert_eq!(
        sla_findings(&bad),
        [(
            "sla.invalid_date",
            "/operator_changed_on".to_owned(),
            Severity::Error
        )]
    );
}
