//! `validateIdentifier(s)` in wasm (Node and Chromium): every answer is, in
//! `JSON.stringify`, byte for byte the `Verdict` serde_json writes (what
//! `kz-eco-rules id --jsonl` prints); batches equal single calls; misuse throws.

use crate::common::js::{eval as js, stringify};
use js_sys::{Array, JSON};
use kz_eco_rules::ident::Verdict;
use kz_eco_rules::input::{Limits, Value};
use kz_eco_rules::wasm::{validate_identifier, validate_identifiers};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

/// `(JSON text of the value, what serde_json writes for its verdict)` of every
/// vector checked as an ИИН or БИН.
fn cases() -> Vec<(String, String)> {
    include_str!("../vectors/ident.jsonl")
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|v| v["as"] == "auto")
        .map(|v| {
            let text = v["value"].to_string();
            let tree = Value::from_json_str(&text, &Limits::default()).unwrap();
            let want = serde_json::to_string(&Verdict::of_value(&tree)).unwrap();
            (text, want)
        })
        .collect()
}

#[wasm_bindgen_test]
fn answers_are_the_cli_json_byte_for_byte() {
    let cases = cases();
    assert!(cases.len() > 600);
    let array = Array::new();
    for (text, want) in &cases {
        let value = JSON::parse(text).unwrap();
        assert_eq!(
            &stringify(&validate_identifier(value.clone()).unwrap()),
            want,
            "{text}"
        );
        array.push(&value);
    }
    let batch = validate_identifiers(array.into()).unwrap();
    let want: Vec<&str> = cases.iter().map(|(_, w)| w.as_str()).collect();
    assert_eq!(stringify(&batch), format!("[{}]", want.join(",")));
}

#[wasm_bindgen_test]
fn javascript_only_values_are_not_strings() {
    let date = js_sys::Date::new(&JsValue::from_f64(0.0));
    for (value, input) in [
        (JsValue::bigint_from_str("871008401427"), "BigInt"),
        (JsValue::from_f64(f64::NAN), "NaN"),
        (JsValue::NULL, "null"),
        (js_sys::Function::new_no_args("").into(), "function"),
        (js_sys::Map::new().into(), "Map"),
    ] {
        let got = stringify(&validate_identifier(value).unwrap());
        assert_eq!(
            got,
            format!(
                r#"{{"input":"{input}","valid":false,"kind":null,"code":"ident.not_a_string","fields":{{}}}}"#
            )
        );
    }
    // A Date reads as its ISO text, as everywhere in the JS API.
    let got = stringify(&validate_identifier(date.into()).unwrap());
    assert!(
        got.starts_with(r#"{"input":"1970-01-01T00:00:00.000Z","valid":false"#),
        "{got}"
    );
}

#[wasm_bindgen_test]
fn misuse_throws_a_type_error() {
    use wasm_bindgen::JsCast;
    let e = validate_identifier(JsValue::UNDEFINED).unwrap_err();
    assert!(e.is_instance_of::<js_sys::TypeError>());
    for not_an_array in [
        JsValue::from_str("871008401427"),
        JsValue::NULL,
        JsValue::UNDEFINED,
    ] {
        let e = validate_identifiers(not_an_array).unwrap_err();
        assert!(e.is_instance_of::<js_sys::TypeError>());
    }
    assert_eq!(
        stringify(&validate_identifiers(Array::new().into()).unwrap()),
        "[]"
    );
}

#[wasm_bindgen_test]
fn batches_of_awkward_strings_equal_single_calls() {
    // The batch crosses the boundary as one joined text: lone surrogates (also two
    // halves of a pair in neighbouring items), separators and NULs inside items,
    // empty strings, astral characters, strings beyond the limits, non-strings.
    let values: Array = js(r#"return [
        "871008401427", "\uD800", "871008401427\uD800", "\uDC00871008401427",
        "a\uD83D", "\uDE00b", "\uD83D", "\uDE00", "8710084\n01427", "\n", "", "\0",
        "940140000385\n", "😀871008401427", "８７１００８４０１４２７", " 940140000385 ",
        "9".repeat(100000), 871008401427, null, {}, [], true,
        "950341000052", "", "\uDBFF\uDFFF"
    ];"#)
    .into();
    let singles: Vec<String> = values
        .iter()
        .map(|v| stringify(&validate_identifier(v).unwrap()))
        .collect();
    let batch = validate_identifiers(values.clone().into()).unwrap();
    assert_eq!(stringify(&batch), format!("[{}]", singles.join(",")));
    // Each answer echoes the string as read: the caller's own value when it is
    // well-formed and within the limits; with a lone surrogate, that string with
    // U+FFFD in its place (as JSON text and the command line read it); beyond the
    // length limit, "".
    let batch: Array = batch.into();
    for (i, v) in values.iter().enumerate() {
        let Some(text) = v.as_string() else { continue };
        let input = js_sys::Reflect::get(&batch.get(i as u32), &"input".into()).unwrap();
        let well_formed = js_sys::JsString::from(v.clone()).is_well_formed();
        if text.len() > Limits::default().max_string_len {
            assert_eq!(input.as_string().as_deref(), Some(""), "{i}");
        } else if well_formed {
            assert!(js_sys::Object::is(&input, &v), "{i}");
        } else {
            assert!(!js_sys::Object::is(&input, &v), "{i}");
            assert_eq!(input.as_string(), Some(text), "{i}");
            assert!(js_sys::JsString::from(input).is_well_formed(), "{i}");
        }
    }
}

#[wasm_bindgen_test]
fn a_batch_reads_each_item_once_and_a_throwing_item_is_misuse() {
    use wasm_bindgen::JsCast;
    let counted = js(r#"
        const gets = {};
        const p = new Proxy(["871008401427", 5, "940140000385"], {
            get(t, k) { gets[k] = (gets[k] || 0) + 1; return t[k]; } });
        return [p, gets];"#);
    let [proxy, gets] = [0, 1].map(|i| js_sys::Reflect::get_u32(&counted, i).unwrap());
    let out = validate_identifiers(proxy).unwrap();
    assert_eq!(Array::from(&out).length(), 3);
    assert_eq!(stringify(&gets), r#"{"0":1,"1":1,"2":1,"length":1}"#);
    let throwing = js(r#"return new Proxy(["871008401427", "x"], {
        get(t, k) { if (k === "1") throw new Error("no"); return t[k]; } });"#);
    let e = validate_identifiers(throwing).unwrap_err();
    assert!(e.is_instance_of::<js_sys::TypeError>());
}
