//! 10⁴ calls of the JavaScript exports leave the module's linear memory where the
//! first hundred or so left it: nothing leaks per call, whatever the allocator (wasm
//! only, in Node and Chromium).

use crate::common;
use js_sys::{Array, WebAssembly, JSON};
use kz_eco_rules::wasm;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn memory_bytes() -> f64 {
    let memory: WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    memory
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length() as f64
}

/// One round of [`CALLS_PER_ROUND`] calls: every export, with good and bad input,
/// objects and text.
fn round(i: u32) {
    let app = JSON::parse(common::example("permit_IV")).unwrap();
    let bad = JsValue::from_str(r#"{"category": "V", "applicant": {"iin_bin": "123"}}"#);
    let opts = JSON::parse(r#"{"lang": "kk"}"#).unwrap();
    let ids = Array::of3(
        &JsValue::from_str("870412300156"),
        &JsValue::from_str(&format!("{i:012}")),
        &JsValue::from_f64(f64::from(i)),
    );
    let query = JsValue::from_str(
        r#"{"edition": "almaty_city_2019", "service": "emission_permit", "action": "issue", "category": "II", "channel": "portal", "submitted_at": "2019-10-04T17:30:00+06:00"}"#,
    );
    assert!(wasm::validate_application(app, opts.clone()).is_ok());
    assert!(wasm::validate_application(bad, JsValue::UNDEFINED).is_ok());
    assert!(wasm::validate_application(JsValue::from_str("{"), JsValue::UNDEFINED).is_ok());
    assert!(wasm::validate_identifiers(ids.into()).is_ok());
    assert!(wasm::required_documents(query.clone(), opts.clone()).is_ok());
    assert!(wasm::deadlines(query, opts.clone()).is_ok());
    assert!(wasm::is_working_day(JsValue::from_str("2025-03-24"), opts).is_ok());
    assert!(wasm::validate_application(JsValue::UNDEFINED, JsValue::UNDEFINED).is_err());
}

const CALLS_PER_ROUND: u32 = 8;

#[wasm_bindgen_test]
fn memory_returns_to_its_size_after_warm_up() {
    assert!(wasm::messages(JsValue::from_str("ru")).is_ok());
    let rounds = 10_000 / CALLS_PER_ROUND;
    for i in 0..rounds / 100 {
        round(i);
    }
    let baseline = memory_bytes();
    for i in rounds / 100..rounds {
        round(i);
    }
    assert_eq!(memory_bytes(), baseline, "the linear memory grew");
}
