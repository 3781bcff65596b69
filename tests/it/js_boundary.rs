//! The JavaScript API in wasm (Node and Chromium): plain objects in and out, the
//! same reports as JSON text, TypeErrors for misuse, findings for hostile data.

use crate::common::js::{as_json, parse as js};
use crate::common::{example, EXAMPLES};
use js_sys::Reflect;
use kz_eco_rules::wasm::{messages, validate_application};
use kz_eco_rules::{validate_json, Lang, Options};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn opts(lang: &str) -> JsValue {
    js(&format!(r#"{{"lang": "{lang}"}}"#))
}

#[wasm_bindgen_test]
fn js_objects_and_json_text_give_the_same_report() {
    for (name, text) in EXAMPLES {
        let from_object = as_json(&validate_application(js(text), opts("kk")).unwrap());
        let from_text =
            as_json(&validate_application(JsValue::from_str(text), opts("kk")).unwrap());
        let core =
            serde_json::to_value(validate_json(text, &Options::with_lang(Lang::Kk))).unwrap();
        assert_eq!(from_object, core, "{name}");
        assert_eq!(from_text, core, "{name}");
    }
}

#[wasm_bindgen_test]
fn reports_are_plain_objects() {
    let r = validate_application(js(r#"{"category": "V"}"#), JsValue::UNDEFINED).unwrap();
    let findings = Reflect::get(&r, &"findings".into()).unwrap();
    let first = Reflect::get_u32(&findings, 0).unwrap();
    let params = Reflect::get(&first, &"params".into()).unwrap();
    assert!(params.is_object() && !params.is_instance_of::<js_sys::Map>());
}

#[wasm_bindgen_test]
fn misuse_throws_type_error() {
    let e = validate_application(JsValue::UNDEFINED, JsValue::UNDEFINED).unwrap_err();
    assert!(e.is_instance_of::<js_sys::TypeError>());
    let e = validate_application(js("{}"), opts("de")).unwrap_err();
    assert!(e.is_instance_of::<js_sys::TypeError>());
    let e = validate_application(js("{}"), js(r#"{"severity": {"x": "fatal"}}"#)).unwrap_err();
    assert!(e.is_instance_of::<js_sys::TypeError>());
    assert!(messages(JsValue::from_str("xx")).is_err());
}

fn finding_at(report: &JsValue, path: &str) -> serde_json::Value {
    let r = as_json(report);
    r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == path)
        .cloned()
        .unwrap_or_else(|| panic!("no finding at {path}: {r}"))
}

#[wasm_bindgen_test]
fn hostile_values_become_findings() {
    let app = js(example("permit_IV"));
    let sites = Reflect::get(&app, &"industrial_sites".into()).unwrap();
    let site = Reflect::get_u32(&sites, 0).unwrap();
    Reflect::set(&site, &"number".into(), &js_sys::BigInt::from(1u32).into()).unwrap();
    Reflect::set(&site, &"area_ha".into(), &JsValue::from_f64(f64::NAN)).unwrap();
    Reflect::set(
        &app,
        &"eds_signed".into(),
        &js_sys::Function::new_no_args("").into(),
    )
    .unwrap();
    Reflect::set(&app, &"__proto__".into(), &JsValue::NULL).ok();
    let r = validate_application(app, opts("en")).unwrap();
    assert_eq!(
        finding_at(&r, "/industrial_sites/0/number")["params"]["actual"],
        "BigInt"
    );
    assert_eq!(
        finding_at(&r, "/eds_signed")["params"]["actual"],
        "function"
    );
}

#[wasm_bindgen_test]
fn dates_become_iso_strings_independent_of_time_zone() {
    let app = js(example("permit_IV"));
    let date = js_sys::Date::new(&JsValue::from_str("2013-10-08T10:05:00Z"));
    Reflect::set(&app, &"submitted_at".into(), &date).unwrap();
    let r = as_json(&validate_application(app, opts("en")).unwrap());
    assert_eq!(r["ok"], true, "{r}");
    assert_eq!(r["edition"], "karaganda_2013");
    let bad = js(example("permit_IV"));
    Reflect::set(
        &bad,
        &"submitted_at".into(),
        &js_sys::Date::new(&JsValue::from_str("nope")),
    )
    .unwrap();
    let r = validate_application(bad, opts("en")).unwrap();
    assert_eq!(
        finding_at(&r, "/submitted_at")["params"]["actual"],
        "invalid Date"
    );
}

#[wasm_bindgen_test]
fn deep_nesting_and_huge_strings_do_not_trap() {
    let mut deep = JsValue::from(js_sys::Array::new());
    for _ in 0..10_000 {
        let outer = js_sys::Array::new();
        outer.push(&deep);
        deep = outer.into();
    }
    let r = as_json(&validate_application(deep, JsValue::UNDEFINED).unwrap());
    assert_eq!(r["findings"][0]["code"], "input.too_deep");
    let app = js(example("permit_IV"));
    let applicant = Reflect::get(&app, &"applicant".into()).unwrap();
    let huge = "x".repeat(10 * 1024 * 1024);
    Reflect::set(&applicant, &"name".into(), &JsValue::from_str(&huge)).unwrap();
    let r = validate_application(app, JsValue::UNDEFINED).unwrap();
    assert_eq!(finding_at(&r, "/applicant/name")["code"], "input.too_long");
}

#[wasm_bindgen_test]
fn messages_returns_the_catalog() {
    let m = messages(JsValue::from_str("kk")).unwrap();
    let t = Reflect::get(&m, &"input.missing_field".into()).unwrap();
    assert_eq!(
        t.as_string().unwrap(),
        "Міндетті «{field}» өрісі толтырылмаған."
    );
    assert!(m.dyn_ref::<js_sys::Object>().is_some());
}
