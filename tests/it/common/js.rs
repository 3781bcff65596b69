//! JavaScript values for the wasm tests (wasm only).

use js_sys::{Reflect, JSON};
use wasm_bindgen::JsValue;

/// `JSON.parse(text)`.
pub fn parse(text: &str) -> JsValue {
    JSON::parse(text).unwrap()
}

/// `JSON.stringify(v)`.
pub fn stringify(v: &JsValue) -> String {
    String::from(JSON::stringify(v).unwrap())
}

/// `v` through `JSON.stringify`, read back as a serde_json value.
pub fn as_json(v: &JsValue) -> serde_json::Value {
    serde_json::from_str(&stringify(v)).unwrap()
}

/// The value the JavaScript function body `body` returns.
pub fn eval(body: &str) -> JsValue {
    js_sys::Function::new_no_args(body)
        .call0(&JsValue::NULL)
        .unwrap()
}

/// `v[key]`.
pub fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap()
}
