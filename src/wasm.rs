//! The JavaScript boundary (wasm32 only): converts JS values to the core's input
//! types and the core's results to plain JS objects. No rule lives here.
//!
//! Inputs are walked with `js-sys` into the same [`Value`] tree the JSON reader
//! builds, within the same [`Limits`], so a JS object and its JSON text give the
//! same report. The walker also reads what JSON cannot carry: a `Date` becomes its
//! ISO string (independent of the browser's time zone), `undefined` is `null`, and
//! BigInt, functions, symbols, `Map`/`Set` and invalid dates become values the
//! reader reports as the wrong type. Results are plain objects
//! (`serde-wasm-bindgen` with `json_compatible()`), never ES `Map`s.
//!
//! Misuse (a missing argument, bad options) throws a `TypeError`; bad *data* never
//! throws — it gives findings.

use js_sys::{Array, Object, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::findings::{catalog, Findings, Lang, Report};
use crate::ident::{self, Attribute, EntityType, Fields, Kind, Sex, Verdict};
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
    if Array::is_array(js) {
        let len = js.unchecked_ref::<Array>().length();
        let mut items = Vec::with_capacity(len.min(1024) as usize);
        for i in 0..len {
            let item = Reflect::get_u32(js, i).map_err(js_error)?;
            items.push(walk(&item, budget, depth + 1)?);
        }
        return Ok(Value::Array(items));
    }
    if let Some(date) = js.dyn_ref::<js_sys::Date>() {
        return Ok(if date.get_time().is_nan() {
            Value::Unsupported("invalid Date")
        } else {
            Value::String(String::from(date.to_iso_string()))
        });
    }
    if js.is_instance_of::<js_sys::Map>() {
        return Ok(Value::Unsupported("Map"));
    }
    if js.is_instance_of::<js_sys::Set>() {
        return Ok(Value::Unsupported("Set"));
    }
    if js.is_object() {
        let keys = Object::keys(js.unchecked_ref::<Object>());
        let mut entries = Vec::with_capacity(keys.length().min(1024) as usize);
        for key in keys.iter() {
            let Some(name) = key.as_string() else {
                continue;
            };
            let v = Reflect::get(js, &key).map_err(js_error)?;
            entries.push((name, walk(&v, budget, depth + 1)?));
        }
        return Ok(Value::Object(entries));
    }
    Ok(Value::Unsupported("unknown"))
}

/// Reads an argument given as a plain object or as its JSON text.
fn input(js: &JsValue, limits: &Limits) -> Result<Value, InputError> {
    match js.as_string() {
        Some(text) => Value::from_json_str_with(&text, limits, js_number),
        None => to_value(js, limits),
    }
}

/// Serializes a result as a plain JS value (objects, not `Map`s).
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_sys::Error::new(&e.to_string()).into())
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
    Ok(JS_NAMES.with(|names| identifier_answer(&value, names)))
}

/// `validateIdentifiers(values)`: `validateIdentifier` for every item of an array,
/// in one call; returns the array of answers.
#[wasm_bindgen(js_name = validateIdentifiers)]
pub fn validate_identifiers(values: JsValue) -> Result<JsValue, JsValue> {
    let Some(array) = values.dyn_ref::<Array>() else {
        return Err(type_error(
            "validateIdentifiers(values): `values` must be an array of ИИН/БИН strings",
        ));
    };
    let out = Array::new_with_length(array.length());
    JS_NAMES.with(|names| {
        for (i, item) in (0u32..).zip(array.iter()) {
            out.set(i, identifier_answer(&item, names));
        }
    });
    Ok(out.into())
}

/// The answer object for one JS value.
fn identifier_answer(value: &JsValue, names: &JsNames) -> JsValue {
    match value.as_string() {
        Some(text) => verdict_object(value, &Verdict::of_text(text.as_str()), names),
        None => {
            let tree = to_value(value, &Limits::default()).unwrap_or(Value::Unsupported("unknown"));
            let verdict = Verdict::of_value(&tree);
            verdict_object(&JsValue::from_str(&verdict.input), &verdict, names)
        }
    }
}

/// `verdict` as a plain object, echoing `input` (the caller's own string), built
/// key by key from JS strings made once ([`JsNames`]) rather than through serde:
/// serde-wasm-bindgen makes every key and name anew and was several times slower
/// (BENCHMARKS.md, "Identifiers"). `tests/js_ident.rs` checks that every answer
/// equals, byte for byte in `JSON.stringify`, the serde_json text of the Verdict
/// (what `kz-eco-rules id --jsonl` prints).
fn verdict_object(input: &JsValue, verdict: &Verdict<'_>, names: &JsNames) -> JsValue {
    let object = Object::new();
    let fields = Object::new();
    let set = |target: &Object, key: &JsValue, value: &JsValue| {
        // Setting a property of a fresh plain object cannot throw.
        let _ = Reflect::set(target, key, value);
    };
    let null = JsValue::NULL;
    let kind = verdict.kind.and_then(|k| pick(&names.kinds, &Kind::ALL, k));
    let code = verdict.code.and_then(|c| names.code(c));
    set(&object, &names.input, input);
    set(&object, &names.valid, &JsValue::from_bool(verdict.valid));
    set(&object, &names.kind, kind.unwrap_or(&null));
    set(&object, &names.code, code.unwrap_or(&null));
    match &verdict.fields {
        Fields::Iin(f) => {
            let date = JsValue::from_str(&f.birth_date.to_string());
            set(&fields, &names.birth_date, &date);
            let sex = pick(&names.sexes, &Sex::ALL, f.sex);
            set(&fields, &names.sex, sex.unwrap_or(&null));
            set(&fields, &names.century, &JsValue::from(f.century));
        }
        Fields::Bin(f) => {
            let month = JsValue::from_str(&f.registered.to_string());
            set(&fields, &names.registered, &month);
            let entity_type = pick(&names.entity_types, &EntityType::ALL, f.entity_type);
            set(&fields, &names.entity_type, entity_type.unwrap_or(&null));
            let attribute = pick(&names.attributes, &Attribute::ALL, f.attribute);
            set(&fields, &names.attribute, attribute.unwrap_or(&null));
        }
        Fields::None(_) => {}
    }
    set(&object, &names.fields, &fields);
    object.into()
}

/// The JS string of `value`, one of `all`, from `strings` made in the same order.
fn pick<'a, T: PartialEq>(strings: &'a [JsValue], all: &[T], value: T) -> Option<&'a JsValue> {
    all.iter()
        .position(|v| *v == value)
        .and_then(|i| strings.get(i))
}

thread_local! {
    static JS_NAMES: JsNames = JsNames::new();
}

/// The keys and closed-set names of identifier answers as JS strings, made once:
/// passing a JS string costs nothing, making one costs a copy.
struct JsNames {
    input: JsValue,
    valid: JsValue,
    kind: JsValue,
    code: JsValue,
    fields: JsValue,
    birth_date: JsValue,
    sex: JsValue,
    century: JsValue,
    registered: JsValue,
    entity_type: JsValue,
    attribute: JsValue,
    kinds: Vec<JsValue>,
    sexes: Vec<JsValue>,
    entity_types: Vec<JsValue>,
    attributes: Vec<JsValue>,
    codes: Vec<JsValue>,
}

impl JsNames {
    fn new() -> Self {
        let js = JsValue::from_str;
        JsNames {
            input: js("input"),
            valid: js("valid"),
            kind: js("kind"),
            code: js("code"),
            fields: js("fields"),
            birth_date: js("birth_date"),
            sex: js("sex"),
            century: js("century"),
            registered: js("registered"),
            entity_type: js("entity_type"),
            attribute: js("attribute"),
            kinds: Kind::ALL.iter().map(|k| js(k.as_str())).collect(),
            sexes: Sex::ALL.iter().map(|s| js(s.as_str())).collect(),
            entity_types: EntityType::ALL.iter().map(|t| js(t.as_str())).collect(),
            attributes: Attribute::ALL.iter().map(|a| js(a.as_str())).collect(),
            codes: ident::CODES.iter().map(|c| js(c)).collect(),
        }
    }

    /// The JS string of an `ident` code.
    fn code(&self, code: &str) -> Option<&JsValue> {
        let i = ident::CODES
            .iter()
            .position(|c| std::ptr::eq(*c, code) || *c == code)?;
        self.codes.get(i)
    }
}
