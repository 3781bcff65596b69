//! Deadline checks of whole applications (natively and in wasm): late fixes,
//! remarks, documents expiring before the decision, provisional calendar years.

use crate::common::{edited, EXAMPLES};
use kz_eco_rules::findings::Severity;
use kz_eco_rules::input::Value;
use kz_eco_rules::{validate_json, Lang, Options};
use serde_json::json;
use wasm_bindgen_test::wasm_bindgen_test;

fn sla_findings(text: &str, options: &Options) -> Vec<(String, String, Severity)> {
    validate_json(text, options)
        .findings
        .into_iter()
        .filter(|f| f.code.starts_with("sla.") || f.code.starts_with("calendar."))
        .map(|f| (f.code.to_owned(), f.path, f.severity))
        .collect()
}

fn one(code: &str, path: &str, severity: Severity) -> Vec<(String, String, Severity)> {
    vec![(code.to_owned(), path.to_owned(), severity)]
}

#[wasm_bindgen_test(unsupported = test)]
fn examples_meet_their_deadlines() {
    for (name, text) in EXAMPLES {
        assert_eq!(sla_findings(text, &Options::default()), [], "{name}");
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn late_fixes_are_refused() {
    // Category II, registered 9 December 2019; remarks Friday 20 December:
    // 5 working days → 27 December.
    let with = |fixes: &str| {
        edited("expertise_II", |v| {
            v["expertise"] = json!({"remarks_sent_on": "2019-12-20", "fixes_submitted_on": fixes});
        })
    };
    assert_eq!(sla_findings(&with("2019-12-27"), &Options::default()), []);
    let late = with("2019-12-30");
    assert_eq!(
        sla_findings(&late, &Options::default()),
        one(
            "sla.fixes_late",
            "/expertise/fixes_submitted_on",
            Severity::Error
        )
    );
    let report = validate_json(&late, &Options::with_lang(Lang::Ru));
    let f = report.with_code("sla.fixes_late").next().unwrap();
    assert_eq!(
        f.basis.as_ref().map(ToString::to_string).as_deref(),
        Some("almaty_city_2019 GR §5.3, §8.3")
    );
    assert!(
        f.message.contains("30.12.2019") && f.message.contains("27.12.2019"),
        "{}",
        f.message
    );
    assert!(!report.ok);
}

#[wasm_bindgen_test(unsupported = test)]
fn fixes_without_a_remarks_date_run_from_the_remarks_deadline() {
    // Remarks due Sunday 5 January 2020 (a decree working day); fixes due 13 January.
    let with = |fixes: &str| {
        edited("expertise_II", |v| {
            v["expertise"] = json!({"fixes_submitted_on": fixes});
        })
    };
    assert_eq!(sla_findings(&with("2020-01-13"), &Options::default()), []);
    assert_eq!(
        sla_findings(&with("2020-01-14"), &Options::default()),
        one(
            "sla.fixes_late",
            "/expertise/fixes_submitted_on",
            Severity::Error
        )
    );
    let no_anchor = Options::from_value(
        &Value::from_json_str(
            r#"{"sla": {"fixes_without_remarks": "none"}}"#,
            &Default::default(),
        )
        .unwrap(),
    )
    .unwrap();
    assert_eq!(sla_findings(&with("2020-01-14"), &no_anchor), []);
}

#[wasm_bindgen_test(unsupported = test)]
fn inconsistent_and_late_remarks() {
    let text = edited("expertise_II", |v| {
        v["expertise"] =
            json!({"remarks_sent_on": "2020-01-08", "fixes_submitted_on": "2020-01-06"});
    });
    assert_eq!(
        sla_findings(&text, &Options::default()),
        [
            (
                "sla.remarks_late".to_owned(),
                "/expertise/remarks_sent_on".to_owned(),
                Severity::Warning
            ),
            (
                "sla.fixes_before_remarks".to_owned(),
                "/expertise/fixes_submitted_on".to_owned(),
                Severity::Warning
            ),
        ]
    );
    // Registered 9 December 2019 (found by the `deadlines` fuzz target).
    let text = edited("expertise_II", |v| {
        v["expertise"] = json!({"remarks_sent_on": "2019-12-06"});
    });
    assert_eq!(
        sla_findings(&text, &Options::default()),
        one(
            "sla.remarks_before_registration",
            "/expertise/remarks_sent_on",
            Severity::Warning
        )
    );
    let text = edited("expertise_II", |v| {
        v["expertise"] = json!({"remarks_sent_on": "20.12.2019"});
    });
    assert_eq!(
        sla_findings(&text, &Options::default()),
        one(
            "sla.invalid_date",
            "/expertise/remarks_sent_on",
            Severity::Error
        )
    );
    let text = edited("permit_III", |v| {
        v["expertise"] = json!({"remarks_sent_on": "2013-04-20"});
    });
    assert_eq!(
        sla_findings(&text, &Options::default()),
        one(
            "sla.no_remarks_cycle",
            "/expertise/remarks_sent_on",
            Severity::Info
        )
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn documents_expiring_before_the_decision() {
    // permit_II: registered 4 November 2019, decision due 18 November.
    let with = |until: &str| {
        edited("permit_II", |v| {
            v["documents"][1]["valid_until"] = json!(until);
        })
    };
    assert_eq!(
        sla_findings(&with("2019-11-15"), &Options::default()),
        one(
            "sla.document_expires_before_decision",
            "/documents/1/valid_until",
            Severity::Warning
        )
    );
    assert_eq!(sla_findings(&with("2019-11-18"), &Options::default()), []);
    // Already expired when submitted: the documents module's finding, not this one.
    assert_eq!(sla_findings(&with("2019-11-01"), &Options::default()), []);
    let r = validate_json(&with("2019-11-04"), &Options::with_lang(Lang::En));
    let f = r
        .with_code("sla.document_expires_before_decision")
        .next()
        .unwrap();
    assert!(f.message.contains("2019-11-18"), "{}", f.message);
}

#[wasm_bindgen_test(unsupported = test)]
fn undecreed_years_are_reported_unless_confirmed() {
    let text = edited("permit_II", |v| {
        v["edition"] = json!("almaty_city_2019");
        v["submitted_at"] = json!("2027-12-20T10:00:00+05:00");
        v["documents"][1]["valid_until"] = json!("2030-01-01");
    });
    let got = sla_findings(&text, &Options::default());
    // The decision is due in January 2028: both years are provisional.
    assert_eq!(
        got.iter().map(|f| f.0.as_str()).collect::<Vec<_>>(),
        ["calendar.provisional_year", "calendar.provisional_year"]
    );
    let confirmed = Options::from_value(
        &Value::from_json_str(
            r#"{"calendar": {"confirmed_years": [2027, 2028]}}"#,
            &Default::default(),
        )
        .unwrap(),
    )
    .unwrap();
    assert_eq!(sla_findings(&text, &confirmed), []);
}
