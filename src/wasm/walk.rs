//! The JS value walker: a JS value → the [`Value`] tree the JSON reader builds,
//! within the same [`Limits`].

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::js::{self, get, get_index, KeyList};

use crate::input::{Budget, InputError, Limits, Value};

/// Number literals of JSON text are read by the JavaScript engine (correctly
/// rounded, like Rust's parser natively), so the module needs no float parser.
pub(super) fn js_number(literal: &str) -> Option<f64> {
    let n = js::parse_float(literal);
    (!n.is_nan()).then_some(n)
}

/// Walks a JS value into a [`Value`] tree within `limits`.
pub fn to_value(js: &JsValue, limits: &Limits) -> Result<Value<'static>, InputError> {
    let mut budget = Budget::new(*limits);
    walk(js, &mut budget, 0)
}

fn js_error(e: JsValue) -> InputError {
    let text = e
        .dyn_ref::<js::Error>()
        .map(|e| e.message().as_string().unwrap_throw())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "exception while reading a property".to_owned());
    InputError::Js(text)
}

// Every look the walker takes into a JS value can run the caller's code (a getter,
// a Proxy trap, a revoked Proxy, an object posing as a Date), and an exception
// thrown through an import that is not `catch` aborts the module. So the walker
// looks only through these, which return the exception as `Err`.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Array, js_name = isArray, catch)]
    pub(super) fn is_array(v: &JsValue) -> Result<bool, JsValue>;
    #[wasm_bindgen(js_namespace = Object, js_name = keys, catch)]
    fn own_keys(v: &JsValue) -> Result<KeyList, JsValue>;
    /// `Object.prototype.toString.call(v)`: `"[object Date]"`, `"[object Map]"`…
    #[wasm_bindgen(js_namespace = ["Object", "prototype", "toString"], js_name = call, catch)]
    fn type_tag(v: &JsValue) -> Result<String, JsValue>;
    #[wasm_bindgen(js_namespace = ["Date", "prototype", "getTime"], js_name = call, catch)]
    fn date_time(v: &JsValue) -> Result<f64, JsValue>;
    #[wasm_bindgen(js_namespace = ["Date", "prototype", "toISOString"], js_name = call, catch)]
    fn date_iso(v: &JsValue) -> Result<String, JsValue>;
}

fn walk(js: &JsValue, budget: &mut Budget, depth: usize) -> Result<Value<'static>, InputError> {
    budget.admit(depth)?;
    if js.is_null() || js.is_undefined() {
        return Ok(Value::Null);
    }
    if let Some(b) = js.as_bool() {
        return Ok(Value::Bool(b));
    }
    if let Some(n) = js.as_f64() {
        return Ok(Value::Number(n));
    }
    if let Some(s) = js.as_string() {
        return Ok(budget.string(s.into()));
    }
    if js.is_bigint() {
        return Ok(Value::Unsupported("BigInt"));
    }
    if js.is_function() {
        return Ok(Value::Unsupported("function"));
    }
    if js.is_symbol() {
        return Ok(Value::Unsupported("symbol"));
    }
    if !js.is_object() {
        return Ok(Value::Unsupported("unknown"));
    }
    if is_array(js).map_err(js_error)? {
        let len = get(js, &JsValue::from_str("length"))
            .map_err(js_error)?
            .as_f64()
            .map_or(0, |n| n as u32);
        let mut items = Vec::with_capacity(len.min(1024) as usize);
        for i in 0..len {
            let item = get_index(js, i).map_err(js_error)?;
            items.push(walk(&item, budget, depth + 1)?);
        }
        return Ok(Value::Array(items));
    }
    match type_tag(js).map_err(js_error)?.as_str() {
        "[object Date]" => {
            return Ok(if date_time(js).map_err(js_error)?.is_nan() {
                Value::Unsupported("invalid Date")
            } else {
                Value::String(date_iso(js).map_err(js_error)?.into())
            })
        }
        "[object Map]" => return Ok(Value::Unsupported("Map")),
        "[object Set]" => return Ok(Value::Unsupported("Set")),
        _ => {}
    }
    let keys = own_keys(js).map_err(js_error)?;
    let mut entries = Vec::with_capacity(keys.length().min(1024) as usize);
    for i in 0..keys.length() {
        let key = keys.at(i);
        let Some(name) = key.as_string() else {
            continue;
        };
        let v = get(js, &key).map_err(js_error)?;
        // An `undefined` property is absent, as in `JSON.stringify`.
        if v.is_undefined() {
            continue;
        }
        // Where the JSON reader checks a key: after it, before its value.
        budget.key(&name)?;
        entries.push((name.into(), walk(&v, budget, depth + 1)?));
    }
    Ok(Value::Object(entries))
}
