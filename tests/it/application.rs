//! Whole-application checks, run natively and in wasm (Node and Chromium) with the
//! same inputs and the same expected answers.

use crate::common::{codes, edited, example, EXAMPLES};
use kz_eco_rules::{validate_application, validate_json, Application, Lang, Options, Severity};
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test(unsupported = test)]
fn every_example_passes_without_errors() {
    for (name, text) in EXAMPLES {
        let report = validate_json(text, &Options::default());
        assert!(report.ok, "{name}: {:#?}", report.findings);
        assert!(report.edition.is_some(), "{name}: no edition selected");
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn examples_select_their_editions() {
    let edition = |name| validate_json(example(name), &Options::default()).edition;
    assert_eq!(edition("permit_II").as_deref(), Some("almaty_city_2019"));
    assert_eq!(edition("permit_III").as_deref(), Some("almaty_oblast_2012"));
    assert_eq!(edition("permit_IV").as_deref(), Some("karaganda_2013"));
    assert_eq!(edition("expertise_IV").as_deref(), Some("aktobe_2013"));
}

#[wasm_bindgen_test(unsupported = test)]
fn rust_value_and_json_text_give_the_same_report() {
    for (name, text) in EXAMPLES {
        let app: Application = serde_json::from_str(text).unwrap();
        let from_value = validate_application(&app, &Options::default());
        let from_json = validate_json(text, &Options::default());
        assert_eq!(from_value, from_json, "{name}");
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn wrong_types_missing_and_unknown_fields_are_findings_at_their_paths() {
    let text = edited("permit_II", |v| {
        v["category"] = serde_json::json!(2);
        v["applicant"].as_object_mut().unwrap().remove("kind");
        v["colour"] = serde_json::json!("red");
        v["industrial_sites"][1]["number"] = serde_json::json!("two");
    });
    let report = validate_json(&text, &Options::default());
    let got = codes(&report);
    for want in [
        ("input.wrong_type", "/category"),
        ("input.missing_field", "/applicant/kind"),
        ("input.unknown_field", "/colour"),
        ("input.wrong_type", "/industrial_sites/1/number"),
    ] {
        assert!(
            got.contains(&(want.0.to_owned(), want.1.to_owned())),
            "missing {want:?} in {got:?}"
        );
    }
    let unknown = report
        .findings
        .iter()
        .find(|f| f.path == "/colour")
        .unwrap();
    assert_eq!(unknown.severity, Severity::Warning);
    assert!(!report.ok);
}

#[wasm_bindgen_test(unsupported = test)]
fn messages_are_localized_in_all_three_languages() {
    let text = edited("permit_IV", |v| {
        v.as_object_mut().unwrap().remove("service");
    });
    let mut seen = Vec::new();
    for lang in Lang::ALL {
        let report = validate_json(&text, &Options::with_lang(lang));
        let f = report
            .findings
            .iter()
            .find(|f| f.path == "/service")
            .unwrap();
        assert_eq!(f.code, "input.missing_field");
        assert_eq!(
            f.params.get("field").map(|p| serde_json::to_value(p).ok()),
            Some(Some("service".into()))
        );
        assert!(!f.message.contains('{'));
        seen.push(f.message.clone());
    }
    // The field by its label; the param keeps the JSON key.
    assert_eq!(
        seen[0],
        "Міндетті «Мемлекеттік қызмет» өрісі толтырылмаған."
    );
    assert_eq!(
        seen[1],
        "Не заполнено обязательное поле «Государственная услуга»."
    );
    assert_eq!(seen[2], "The required field “Service” is missing.");
}

#[wasm_bindgen_test(unsupported = test)]
fn report_json_has_the_documented_shape() {
    let text = edited("permit_IV", |v| v["channel"] = serde_json::json!("fax"));
    let report = validate_json(&text, &Options::with_lang(Lang::En));
    let json: serde_json::Value = serde_json::to_value(&report).unwrap();
    assert_eq!(json["ok"], false);
    assert_eq!(json["lang"], "en");
    assert_eq!(json["counts"]["error"], 1);
    let f = &json["findings"][0];
    assert_eq!(f["code"], "input.unknown_value");
    assert_eq!(f["path"], "/channel");
    assert_eq!(f["params"]["value"], "fax");
    assert_eq!(
        f["params"]["allowed"],
        serde_json::json!(["portal", "in_person"])
    );
    assert_eq!(f["severity"], "error");
    assert!(f["basis"].is_null());
}

#[wasm_bindgen_test(unsupported = test)]
fn channel_not_offered_by_the_edition_cites_it() {
    let text = edited("permit_II", |v| {
        v["channel"] = serde_json::json!("in_person")
    });
    let report = validate_json(&text, &Options::with_lang(Lang::Ru));
    let f = report
        .findings
        .iter()
        .find(|f| f.code == "editions.channel_not_offered")
        .unwrap();
    assert_eq!(f.path, "/channel");
    assert_eq!(
        f.basis.as_ref().unwrap().to_string(),
        "almaty_city_2019 PR §1–§3"
    );
    assert!(f.message.contains("город Алматы, 2019 г."), "{}", f.message);
}

#[wasm_bindgen_test(unsupported = test)]
fn hostile_json_gives_findings_not_panics() {
    let deep = "[".repeat(100_000);
    for text in [
        "",
        "null",
        "[]",
        "42",
        "\"x\"",
        "{\"applicant\": []}",
        deep.as_str(),
        "{\"a\":1,\"a\":2}",
    ] {
        let report = validate_json(text, &Options::default());
        assert!(!report.ok, "{text:.20}");
        assert!(report.findings.iter().all(|f| !f.message.is_empty()));
    }
}

/// A repeated option counts once, with its last value, as in the JavaScript
/// object `JSON.parse` makes of the text (`--options` on the command line).
#[wasm_bindgen_test(unsupported = test)]
fn repeated_options_take_the_last_value() {
    use kz_eco_rules::input::{Limits, Value};
    let read =
        |text: &str| Options::from_value(&Value::from_json_str(text, &Limits::default()).unwrap());
    let o = read(
        r#"{"lang": 5, "lang": "kk", "severity": {"x.y": "info", "x.y": "error"},
            "calendar": {"days_off": "x", "days_off": ["2027-05-17"]},
            "sla": {"anchor": 1, "anchor": "submission"}}"#,
    )
    .unwrap();
    let once = read(
        r#"{"lang": "kk", "severity": {"x.y": "error"}, "calendar": {"days_off": ["2027-05-17"]},
            "sla": {"anchor": "submission"}}"#,
    )
    .unwrap();
    assert_eq!(o, once);
    assert_eq!(o.severity.get("x.y"), Some(Severity::Error));
    assert!(read(r#"{"lang": "kk", "lang": 5}"#).is_err());
}
