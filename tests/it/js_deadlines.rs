//! `deadlines` and `isWorkingDay` through the JavaScript boundary (wasm only, in
//! Node and Chromium): plain objects and JSON text give the core's answers, a JS
//! `Date` is read as its instant, misuse throws a TypeError.

use crate::common::js::{as_json, parse as js};
use kz_eco_rules::sla::deadlines_json;
use kz_eco_rules::wasm::{deadlines, is_working_day};
use kz_eco_rules::{Lang, Options};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn objects_and_text_give_the_core_answer() {
    for line in include_str!("../vectors/deadlines.jsonl").lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let q = v["query"].to_string();
        let core = serde_json::to_value(deadlines_json(&q, &Options::with_lang(Lang::Kk))).unwrap();
        let opts = js(r#"{"lang": "kk"}"#);
        assert_eq!(
            as_json(&deadlines(js(&q), opts.clone()).unwrap()),
            core,
            "{q}"
        );
        assert_eq!(
            as_json(&deadlines(JsValue::from_str(&q), opts).unwrap()),
            core,
            "{q}"
        );
    }
}

#[wasm_bindgen_test]
fn a_date_object_is_its_instant() {
    let query = js(
        r#"{"edition": "almaty_city_2019", "service": "emission_permit", "action": "issue", "category": "II"}"#,
    );
    for (instant, registered) in [
        ("2019-10-04T11:59:00Z", "2019-10-04"),
        ("2019-10-04T12:00:00Z", "2019-10-07"),
    ] {
        let date = js_sys::Date::new(&JsValue::from_str(instant));
        js_sys::Reflect::set(&query, &"submitted_at".into(), &date).unwrap();
        let r = as_json(&deadlines(query.clone(), JsValue::UNDEFINED).unwrap());
        assert_eq!(r["registered_on"], registered, "{instant}");
    }
}

#[wasm_bindgen_test]
fn is_working_day_takes_strings_and_dates() {
    let day = |v: JsValue| as_json(&is_working_day(v, js(r#"{"lang": "en"}"#)).unwrap());
    let r = day(JsValue::from_str("2020-05-11"));
    assert_eq!(r["working"], true);
    assert_eq!(r["kind"], "transfer_working");
    assert_eq!(r["status"], "final");
    let r = day(JsValue::from_str("2025-03-24"));
    assert_eq!(
        (r["working"].clone(), r["holiday"].clone()),
        (false.into(), "nauryz".into())
    );
    // 19:00 UTC on 23 March 2025 is 00:00 on 24 March in Kazakhstan (UTC+5).
    let r = day(js_sys::Date::new(&JsValue::from_str("2025-03-23T19:00:00Z")).into());
    assert_eq!(r["date"], "2025-03-24");
    // Before 1 March 2024 Almaty was UTC+6: 18:30 UTC on 6 July 2023 is 7 July.
    let r = day(js_sys::Date::new(&JsValue::from_str("2023-07-06T18:30:00Z")).into());
    assert_eq!(
        (r["date"].clone(), r["working"].clone()),
        ("2023-07-07".into(), false.into())
    );
    let r = day(JsValue::from_str("2029-01-03"));
    assert_eq!(r["status"], "provisional");
    assert_eq!(r["findings"][0]["code"], "calendar.provisional_year");
    let r = day(JsValue::from_str("3 January"));
    assert_eq!(r["working"], serde_json::Value::Null);
    assert_eq!(r["findings"][0]["code"], "calendar.invalid_date");
    let with = as_json(
        &is_working_day(
            JsValue::from_str("2027-05-17"),
            js(r#"{"calendar": {"days_off": ["2027-05-17"]}}"#),
        )
        .unwrap(),
    );
    assert_eq!(
        (with["working"].clone(), with["kind"].clone()),
        (false.into(), "override".into())
    );
}

#[wasm_bindgen_test]
fn misuse_throws_type_errors() {
    let is_type_error = |e: JsValue| e.is_instance_of::<js_sys::TypeError>();
    assert!(is_type_error(
        deadlines(JsValue::UNDEFINED, JsValue::UNDEFINED).unwrap_err()
    ));
    assert!(is_type_error(
        deadlines(js("{}"), js(r#"{"sla": {"anchor": 3}}"#)).unwrap_err()
    ));
    assert!(is_type_error(
        is_working_day(JsValue::from_f64(1.0), JsValue::UNDEFINED).unwrap_err()
    ));
    assert!(is_type_error(
        is_working_day(
            js_sys::Date::new(&JsValue::from_str("nonsense")).into(),
            JsValue::UNDEFINED
        )
        .unwrap_err()
    ));
    // Bad data is not misuse: findings, no exception.
    let r = as_json(&deadlines(js(r#"{"service": 5}"#), JsValue::UNDEFINED).unwrap());
    assert_eq!(r["ok"], false);
}
