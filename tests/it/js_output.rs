//! The results of every JavaScript export are the same objects
//! `serde-wasm-bindgen` (`Serializer::json_compatible()`) makes of the Rust result
//! — the boundary's earlier route, kept here as the reference — byte for byte in
//! `JSON.stringify`, now that the boundary writes JSON text and calls `JSON.parse`
//! (wasm only, in Node and Chromium).

use crate::common;
use crate::common::js::stringify;
use js_sys::JSON;
use kz_eco_rules::findings::catalog;
use kz_eco_rules::input::{Limits, Value};
use kz_eco_rules::{calendar, documents, sla, validate_json, wasm, Lang, Options};
use serde::Serialize;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

/// `JSON.stringify` of what serde-wasm-bindgen makes of `value`.
fn reference<T: Serialize>(value: &T) -> String {
    stringify(
        &value
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .unwrap(),
    )
}

fn options(lang: Lang) -> JsValue {
    JSON::parse(&format!(r#"{{"lang": "{}"}}"#, lang.as_str())).unwrap()
}

/// Applications with findings of every parameter kind (text, integers, decimals,
/// dates, terms, lists), summaries, and none at all.
fn applications() -> Vec<String> {
    let mut apps: Vec<String> = common::EXAMPLES
        .iter()
        .map(|(_, t)| t.to_string())
        .collect();
    let permit = common::example("permit_II");
    apps.push(permit.replacen("\"8.6221\"", "\"8,6222\"", 1));
    apps.push(
        permit
            .replacen("\"II\"", "\"V\"", 1)
            .replacen("\"1.2500\"", "\"x\"", 1),
    );
    apps.push(permit.replacen("\"eds_signed\": true", "\"eds_signed\": \"yes\"", 1));
    apps.push(r#"{"applicant": {"iin_bin": "123", "kind": "individual", "name": "Ә \"кавычки\"\n"}, "submitted_at": "2019-10-04T17:30:00+06:00", "extra": [1, 2]}"#.into());
    apps.push("{".into());
    apps
}

#[wasm_bindgen_test]
fn validate_application_matches_serde_wasm_bindgen() {
    for app in applications() {
        for lang in Lang::ALL {
            let core = validate_json(&app, &Options::with_lang(lang));
            let js = wasm::validate_application(JsValue::from_str(&app), options(lang)).unwrap();
            assert_eq!(stringify(&js), reference(&core), "{app}");
        }
    }
}

#[wasm_bindgen_test]
fn required_documents_matches_serde_wasm_bindgen() {
    for query in [
        r#"{"region": "almaty_city", "date": "2019-12-09", "service": "ecological_expertise", "action": "first", "category": "II", "channel": "portal"}"#,
        r#"{"edition": "almaty_oblast_2012", "service": "emission_permit", "action": "reissue", "category": "IV", "channel": "portal", "facts": {"applicant_is_legal_entity": false}}"#,
        r#"{"service": "permit", "category": 4}"#,
    ] {
        let core = documents::checklist_json(query, &Options::with_lang(Lang::Kk));
        let js = wasm::required_documents(JsValue::from_str(query), options(Lang::Kk)).unwrap();
        assert_eq!(stringify(&js), reference(&core), "{query}");
    }
}

#[wasm_bindgen_test]
fn deadlines_match_serde_wasm_bindgen() {
    for line in include_str!("../vectors/deadlines.jsonl").lines().take(40) {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let query = v["query"].to_string();
        let core = sla::deadlines_json(&query, &Options::with_lang(Lang::Ru));
        let js = wasm::deadlines(JsValue::from_str(&query), options(Lang::Ru)).unwrap();
        assert_eq!(stringify(&js), reference(&core), "{query}");
    }
}

#[wasm_bindgen_test]
fn is_working_day_matches_serde_wasm_bindgen() {
    for day in [
        "2020-05-11",
        "2025-03-24",
        "2029-01-03",
        "2019-10-04T17:30:00Z",
        "x",
    ] {
        let text = format!("\"{day}\"");
        let value = Value::from_json_str(&text, &Limits::default()).unwrap();
        let core = calendar::day_report(&value, &Options::with_lang(Lang::Kk)).unwrap();
        let js = wasm::is_working_day(JsValue::from_str(day), options(Lang::Kk)).unwrap();
        assert_eq!(stringify(&js), reference(&core), "{day}");
    }
}

#[wasm_bindgen_test]
fn messages_match_serde_wasm_bindgen() {
    struct Catalog(Lang);
    impl Serialize for Catalog {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_map(catalog::messages(self.0))
        }
    }
    for lang in Lang::ALL {
        let js = wasm::messages(JsValue::from_str(lang.as_str())).unwrap();
        assert_eq!(stringify(&js), reference(&Catalog(lang)));
    }
}
