//! The JavaScript boundary (wasm32 only): converts JS values to the core's input
//! types and the core's results to plain JS objects. No rule lives here.
//!
//! Inputs are walked with `js-sys` into the same [`Value`] tree the JSON reader
//! builds, within the same [`Limits`], so a JS object and its JSON text give the
//! same report. The walker also reads what JSON cannot carry: a `Date` becomes its
//! ISO string (independent of the browser's time zone), an `undefined` property is
//! absent (as in `JSON.stringify`) and any other `undefined` is `null`, and
//! BigInt, functions, symbols, `Map`/`Set` and invalid dates become values the
//! reader reports as the wrong type. Results are plain objects, never ES `Map`s:
//! their JSON text ([`crate::json_out`]) through one `JSON.parse` — the same
//! objects `serde-wasm-bindgen`'s `json_compatible()` serializer made, checked by
//! `tests/js_output.rs`, in less code and fewer boundary calls.
//!
//! Misuse (a missing argument, bad options) throws a `TypeError`; bad *data* never
//! throws — it gives findings.

use js_sys::{Array, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::findings::{catalog, Findings, Lang, Report};
use crate::ident::{Fields, Kind, Verdict};
use crate::input::{Budget, InputError, Limits, Value};
use crate::{documents, validate_value, Options};

/// Number literals of JSON text are read by the JavaScript engine (correctly
/// rounded, like Rust's parser natively), so the module needs no float parser.
fn js_number(literal: &str) -> Option<f64> {
    let n = js_sys::parse_float(literal);
    (!n.is_nan()).then_some(n)
}

/// Walks a JS value into a [`Value`] tree within `limits`.
pub fn to_value(js: &JsValue, limits: &Limits) -> Result<Value, InputError> {
    let mut budget = Budget::new(*limits);
    walk(js, &mut budget, 0)
}

fn js_error(e: JsValue) -> InputError {
    let text = e
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
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
    fn is_array(v: &JsValue) -> Result<bool, JsValue>;
    #[wasm_bindgen(js_namespace = Object, js_name = keys, catch)]
    fn own_keys(v: &JsValue) -> Result<Array, JsValue>;
    /// `Object.prototype.toString.call(v)`: `"[object Date]"`, `"[object Map]"`…
    #[wasm_bindgen(js_namespace = ["Object", "prototype", "toString"], js_name = call, catch)]
    fn type_tag(v: &JsValue) -> Result<String, JsValue>;
    #[wasm_bindgen(js_namespace = ["Date", "prototype", "getTime"], js_name = call, catch)]
    fn date_time(v: &JsValue) -> Result<f64, JsValue>;
    #[wasm_bindgen(js_namespace = ["Date", "prototype", "toISOString"], js_name = call, catch)]
    fn date_iso(v: &JsValue) -> Result<String, JsValue>;
}

fn walk(js: &JsValue, budget: &mut Budget, depth: usize) -> Result<Value, InputError> {
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
        return Ok(budget.owned_string(s));
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
        let len = Reflect::get(js, &JsValue::from_str("length"))
            .map_err(js_error)?
            .as_f64()
            .map_or(0, |n| n as u32);
        let mut items = Vec::with_capacity(len.min(1024) as usize);
        for i in 0..len {
            let item = Reflect::get_u32(js, i).map_err(js_error)?;
            items.push(walk(&item, budget, depth + 1)?);
        }
        return Ok(Value::Array(items));
    }
    match type_tag(js).map_err(js_error)?.as_str() {
        "[object Date]" => {
            return Ok(if date_time(js).map_err(js_error)?.is_nan() {
                Value::Unsupported("invalid Date")
            } else {
                Value::String(date_iso(js).map_err(js_error)?)
            })
        }
        "[object Map]" => return Ok(Value::Unsupported("Map")),
        "[object Set]" => return Ok(Value::Unsupported("Set")),
        _ => {}
    }
    let keys = own_keys(js).map_err(js_error)?;
    let mut entries = Vec::with_capacity(keys.length().min(1024) as usize);
    for key in keys.iter() {
        let Some(name) = key.as_string() else {
            continue;
        };
        let v = Reflect::get(js, &key).map_err(js_error)?;
        // An `undefined` property is absent, as in `JSON.stringify`.
        if v.is_undefined() {
            continue;
        }
        entries.push((name, walk(&v, budget, depth + 1)?));
    }
    Ok(Value::Object(entries))
}

/// Reads an argument given as a plain object or as its JSON text.
fn input(js: &JsValue, limits: &Limits) -> Result<Value, InputError> {
    match js.as_string() {
        Some(text) => Value::from_json_str_with(&text, limits, js_number),
        None => to_value(js, limits),
    }
}

/// A result as plain JS objects: its JSON text ([`crate::json_out`]) through one
/// `JSON.parse`.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    match crate::json_out::to_string(value) {
        Ok(text) => js_sys::JSON::parse(&text),
        Err(_) => Err(js_sys::Error::new("a result could not be written as JSON").into()),
    }
}

fn type_error(message: &str) -> JsValue {
    js_sys::TypeError::new(message).into()
}

/// Reads the `options` argument; misuse is a `TypeError`.
fn options(js: &JsValue) -> Result<Options, JsValue> {
    let value = to_value(js, &Limits::default()).map_err(|e| type_error(&e.to_string()))?;
    Options::from_value(&value).map_err(|e| type_error(&e))
}

/// `validateApplication(app, options?)`: checks an application given as a plain
/// object or as JSON text; returns the report `{ ok, lang, edition, counts,
/// findings: [{ code, severity, path, params, basis, message }] }`.
#[wasm_bindgen(js_name = validateApplication)]
pub fn validate_application(app: JsValue, options_js: JsValue) -> Result<JsValue, JsValue> {
    if app.is_undefined() {
        return Err(type_error(
            "validateApplication(app, options?): `app` is required (an application object or JSON text)",
        ));
    }
    let options = options(&options_js)?;
    let report = match input(&app, &options.limits) {
        Ok(value) => validate_value(&value, &options),
        Err(e) => {
            let mut findings = Findings::default();
            findings.push(e.to_finding());
            Report::build(findings, options.lang, &options.severity)
        }
    };
    to_js(&report)
}

/// `requiredDocuments(query, options?)`: the checklist of one case. `query` is
/// `{ edition?, region?, date?, service, action, category, channel, facts? }` (a
/// plain object or JSON text); the result is the report of what could not be
/// decided (`{ ok, lang, edition, counts, findings }`) plus `checklist`:
/// `{ edition, derived_from, unverified, venues, at_least_one_of,
/// items: [{ id, names: { kk, ru, en }, status, fact?, attributes, basis }] }`
/// or `null`.
#[wasm_bindgen(js_name = requiredDocuments)]
pub fn required_documents(query: JsValue, options_js: JsValue) -> Result<JsValue, JsValue> {
    if query.is_undefined() {
        return Err(type_error(
            "requiredDocuments(query, options?): `query` is required (an object or JSON text)",
        ));
    }
    let options = options(&options_js)?;
    let report = match input(&query, &options.limits) {
        Ok(value) => documents::checklist_value(&value, &options),
        Err(e) => documents::ChecklistReport::unreadable(&e, &options),
    };
    to_js(&report)
}

/// `messages(lang)`: the whole message catalog in `lang` as `{ code: template }`,
/// for UIs that render codes and params themselves.
#[wasm_bindgen(js_name = messages)]
pub fn messages(lang: JsValue) -> Result<JsValue, JsValue> {
    let lang = match lang.as_string().as_deref().map(Lang::parse) {
        Some(Some(l)) => l,
        _ => {
            return Err(type_error(
                "messages(lang): lang must be \"kk\", \"ru\" or \"en\"",
            ))
        }
    };
    to_js(&CatalogIn(lang))
}

/// The catalog in one language, serialized as `{ code: template }`.
struct CatalogIn(Lang);

impl Serialize for CatalogIn {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(catalog::messages(self.0))
    }
}

/// `applicationSchema()`: the JSON Schema (2020-12) of the application payload,
/// generated from the Rust types (`kz-eco-rules schema`), for ajv or a form
/// generator. A test fails when the embedded file is stale. Embedded without its
/// whitespace (`build/schema.rs`).
#[wasm_bindgen(js_name = applicationSchema)]
pub fn application_schema() -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(include_str!(concat!(
        env!("OUT_DIR"),
        "/application.schema.json"
    )))
}

/// `version()`: the library version.
#[wasm_bindgen(js_name = version)]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// `deadlines(query, options?)`: the registration date and the deadlines of one
/// application — `query` is `{ edition | region, service, action, category,
/// submitted_at, remarks_sent_on? }` as a plain object or JSON text;
/// `submitted_at` is an ISO 8601 string with offset or a `Date` (an instant, so
/// the answer does not depend on the browser's time zone). Returns `{ edition,
/// registered_on, completeness_due, decision_due, remarks_due, fixes_due, basis,
/// ok, findings }` with dates as `"YYYY-MM-DD"` or `null`. Options as for
/// `validateApplication`, plus `calendar` (overrides) and `sla` (counting options).
#[wasm_bindgen(js_name = deadlines)]
pub fn deadlines(query: JsValue, options_js: JsValue) -> Result<JsValue, JsValue> {
    if query.is_undefined() || query.is_null() {
        return Err(type_error(
            "deadlines(query, options?): `query` is required (an object or JSON text)",
        ));
    }
    let options = options(&options_js)?;
    let report = crate::sla::deadlines_input(input(&query, &options.limits).as_ref(), &options);
    to_js(&report)
}

/// `isWorkingDay(date, options?)`: whether a day is a working day in Kazakhstan
/// and why — `{ date, working, status, kind, holiday, description, basis,
/// findings }`. `date` is a `"YYYY-MM-DD"` string (that civil day), or a `Date`
/// or ISO date-time string (an instant: the civil day it falls on in Kazakhstan —
/// Almaty time, UTC+6 until 1 March 2024 and UTC+5 since — whatever the browser's
/// time zone). `status` is `"final"`, `"provisional"` (no transfers decreed yet)
/// or `"not_covered"`, with a finding saying so. `options.calendar` adds days off
/// or working days.
#[wasm_bindgen(js_name = isWorkingDay)]
pub fn is_working_day(date: JsValue, options_js: JsValue) -> Result<JsValue, JsValue> {
    let options = options(&options_js)?;
    let value = to_value(&date, &Limits::default()).map_err(|e| type_error(&e.to_string()))?;
    let report = crate::calendar::day_report(&value, &options).map_err(|e| type_error(&e))?;
    to_js(&report)
}

/// `validateIdentifier(value)`: checks one ИИН/БИН and returns `{ input, valid,
/// kind, code, fields }` — the object `kz-eco-rules id --jsonl` prints for it. A
/// value that is not a string gives `code: "ident.not_a_string"`; only a missing
/// argument throws.
#[wasm_bindgen(js_name = validateIdentifier)]
pub fn validate_identifier(value: JsValue) -> Result<JsValue, JsValue> {
    if value.is_undefined() {
        return Err(type_error(
            "validateIdentifier(value): `value` is required (an ИИН/БИН string)",
        ));
    }
    Ok(identifier_answer(&value))
}

/// `validateIdentifiers(values)`: `validateIdentifier` for every item of an array,
/// in one call; returns the array of answers.
#[wasm_bindgen(js_name = validateIdentifiers)]
pub fn validate_identifiers(values: JsValue) -> Result<JsValue, JsValue> {
    let misuse =
        || type_error("validateIdentifiers(values): `values` must be an array of ИИН/БИН strings");
    // Through the catch imports: `values` may be a (revoked) Proxy.
    if !is_array(&values).map_err(|_| misuse())? {
        return Err(misuse());
    }
    let len = Reflect::get(&values, &JsValue::from_str("length"))
        .map_err(|_| misuse())?
        .as_f64()
        .map_or(0, |n| n as u32);
    // A longer batch than one application may hold values is misuse (and an
    // array of 2³²−1 holes would exhaust the JavaScript heap below).
    let max = Limits::default().max_values;
    if len as usize > max {
        return Err(js_sys::RangeError::new(&format!(
            "validateIdentifiers(values): at most {max} values in one call"
        ))
        .into());
    }
    let out = Array::new_with_length(len);
    for i in 0..len {
        let item = Reflect::get_u32(&values, i).map_err(|_| misuse())?;
        out.set(i, identifier_answer(&item));
    }
    Ok(out.into())
}

// The answer objects are built by these JavaScript functions from the fields of
// the `Verdict` (numbers and cached strings), not through serde-wasm-bindgen or
// Reflect.set: one boundary call per field made those 4–5 times slower
// (BENCHMARKS.md, "Identifiers"). scripts/build-pkg.sh ships the snippet (and a
// CommonJS copy for node.cjs).
// `tests/js_ident.rs` checks that every answer equals, byte for byte in
// JSON.stringify, the Verdict serialized by serde_json (what the CLI prints).
#[wasm_bindgen(inline_js = r#"
const two = (n) => (n < 10 ? '0' : '') + n;
export function identIin(input, kind, y, m, d, sex, century) {
  return { input, valid: true, kind, code: null,
    fields: { birth_date: y + '-' + two(m) + '-' + two(d), sex, century } };
}
export function identBin(input, kind, y, m, entityType, attribute) {
  return { input, valid: true, kind, code: null,
    fields: { registered: y + '-' + two(m), entity_type: entityType, attribute } };
}
export function identInvalid(input, kind, code) {
  return { input, valid: false, kind, code, fields: {} };
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = identIin)]
    fn ident_iin(
        input: &JsValue,
        kind: &JsValue,
        year: i32,
        month: u32,
        day: u32,
        sex: &JsValue,
        century: u8,
    ) -> JsValue;
    #[wasm_bindgen(js_name = identBin)]
    fn ident_bin(
        input: &JsValue,
        kind: &JsValue,
        year: u16,
        month: u8,
        entity_type: &JsValue,
        attribute: &JsValue,
    ) -> JsValue;
    #[wasm_bindgen(js_name = identInvalid)]
    fn ident_invalid(input: &JsValue, kind: &JsValue, code: &JsValue) -> JsValue;
}

/// The answer object for one JS value.
fn identifier_answer(value: &JsValue) -> JsValue {
    match value.as_string() {
        Some(text) => verdict_object(value, &Verdict::of_text(text.as_str())),
        None => {
            let tree = to_value(value, &Limits::default()).unwrap_or(Value::Unsupported("unknown"));
            let verdict = Verdict::of_value(&tree);
            verdict_object(&JsValue::from_str(&verdict.input), &verdict)
        }
    }
}

/// `verdict` as a plain object, echoing `input` (the caller's own string).
fn verdict_object(input: &JsValue, verdict: &Verdict<'_>) -> JsValue {
    JS_NAMES.with(|cache| {
        let mut cache = cache.borrow_mut();
        // Intern the names first (that may add to the cache), then lend them out.
        let kind = verdict.kind.map(Kind::as_str);
        let names = match &verdict.fields {
            Fields::Iin(f) => [kind, Some(f.sex.as_str()), None],
            Fields::Bin(f) => [
                kind,
                Some(f.entity_type.as_str()),
                Some(f.attribute.as_str()),
            ],
            Fields::None(_) => [kind, verdict.code, None],
        };
        let [kind, a, b] = names.map(|name| name.map(|n| intern(&mut cache, n)));
        let null = JsValue::NULL;
        let js = |i: Option<usize>| i.and_then(|i| cache.get(i)).map_or(&null, |(_, v)| v);
        match &verdict.fields {
            Fields::Iin(f) => ident_iin(
                input,
                js(kind),
                f.birth_date.year(),
                f.birth_date.month(),
                f.birth_date.day(),
                js(a),
                f.century,
            ),
            Fields::Bin(f) => ident_bin(
                input,
                js(kind),
                f.registered.year(),
                f.registered.month(),
                js(a),
                js(b),
            ),
            Fields::None(_) => ident_invalid(input, js(kind), js(a)),
        }
    })
}

thread_local! {
    /// JS strings of the closed-set names used in answers (kinds, codes, ids),
    /// made once each: passing a cached JS string costs nothing, making one a copy.
    static JS_NAMES: std::cell::RefCell<Vec<(&'static str, JsValue)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// The index of `name`'s JS string in the cache, adding it if new.
fn intern(cache: &mut Vec<(&'static str, JsValue)>, name: &'static str) -> usize {
    match cache
        .iter()
        .position(|(n, _)| std::ptr::eq(*n, name) || *n == name)
    {
        Some(i) => i,
        None => {
            cache.push((name, JsValue::from_str(name)));
            cache.len() - 1
        }
    }
}
