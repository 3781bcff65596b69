//! `requiredDocuments` in wasm (Node and Chromium): plain objects in and out, the
//! same answer as the core for a JS object and for JSON text, TypeErrors for misuse.

use crate::common::js::{as_json, parse as js};
use js_sys::Reflect;
use kz_eco_rules::documents::checklist_json;
use kz_eco_rules::wasm::required_documents;
use kz_eco_rules::{Lang, Options};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

const QUERIES: &[&str] = &[
    r#"{"region": "almaty_city", "date": "2019-12-09", "service": "ecological_expertise", "action": "first", "category": "II", "channel": "portal", "facts": {"object_is_project_documentation": true}}"#,
    r#"{"edition": "aktobe_2013", "service": "emission_permit", "action": "issue", "category": "III", "channel": "in_person"}"#,
    r#"{"edition": "almaty_oblast_2012", "service": "emission_permit", "action": "reissue", "category": "IV", "channel": "portal", "facts": {"applicant_is_legal_entity": false}}"#,
    r#"{"region": "karaganda_oblast", "date": "2030-01-01", "service": "emission_permit", "action": "issue", "category": "IV", "channel": "portal"}"#,
    r#"{"service": "permit", "category": 4}"#,
    r#"{"edition": "aktobe_2013", "service": "ecological_expertise", "action": "first", "category": "III", "channel": "in_person", "venue": "con"}"#,
];

#[wasm_bindgen_test]
fn js_objects_and_json_text_give_the_core_answer() {
    for q in QUERIES {
        let core = serde_json::to_value(checklist_json(q, &Options::with_lang(Lang::Kk))).unwrap();
        let opts = js(r#"{"lang": "kk"}"#);
        let from_object = as_json(&required_documents(js(q), opts.clone()).unwrap());
        let from_text = as_json(&required_documents(JsValue::from_str(q), opts).unwrap());
        assert_eq!(from_object, core, "{q}");
        assert_eq!(from_text, core, "{q}");
    }
}

#[wasm_bindgen_test]
fn the_checklist_is_made_of_plain_objects() {
    let r = required_documents(js(QUERIES[1]), JsValue::UNDEFINED).unwrap();
    let checklist = Reflect::get(&r, &"checklist".into()).unwrap();
    let items = Reflect::get(&checklist, &"items".into()).unwrap();
    assert!(js_sys::Array::is_array(&items));
    let first = Reflect::get_u32(&items, 0).unwrap();
    let names = Reflect::get(&first, &"names".into()).unwrap();
    assert!(names.is_object() && !names.is_instance_of::<js_sys::Map>());
    assert_eq!(
        Reflect::get(&names, &"en".into())
            .unwrap()
            .as_string()
            .unwrap(),
        "Application for a permit for emissions into the environment"
    );
    let r = as_json(&r);
    assert_eq!(r["lang"], "ru");
    assert_eq!(r["checklist"]["items"][1]["status"], "required");
}

#[wasm_bindgen_test]
fn misuse_throws_type_error() {
    let e = required_documents(JsValue::UNDEFINED, JsValue::UNDEFINED).unwrap_err();
    assert!(e.is_instance_of::<js_sys::TypeError>());
    let e = required_documents(js("{}"), js(r#"{"lang": "fr"}"#)).unwrap_err();
    assert!(e.is_instance_of::<js_sys::TypeError>());
}

#[wasm_bindgen_test]
fn the_venue_of_a_js_query_is_checked() {
    let r = as_json(&required_documents(js(QUERIES[5]), JsValue::UNDEFINED).unwrap());
    assert_eq!(r["ok"], false);
    assert_eq!(r["findings"][0]["code"], "documents.venue_not_offered");
    assert_eq!(r["findings"][0]["path"], "/venue");
    assert_eq!(
        r["checklist"]["venues"],
        serde_json::json!(["provider_office"])
    );
    let office = QUERIES[5].replace("\"con\"", "\"provider_office\"");
    let r = as_json(&required_documents(js(&office), JsValue::UNDEFINED).unwrap());
    assert_eq!(r["ok"], true, "{r}");
}
