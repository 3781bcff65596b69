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
//! `tests/it/js_output.rs`, in less code and fewer boundary calls.
//!
//! Misuse (a missing argument, bad options) throws a `TypeError`; bad *data* never
//! throws — it gives findings.

use js_sys::{Array, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::findings::{catalog, Findings, Lang, Report};
use crate::ident::{Attribute, EntityType, Fields, Kind, Sex, Verdict, CODES};
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
/// submitted_at, accepted_on?, remarks_sent_on? }` as a plain object or JSON
/// text (without the acceptance / remarks days the periods that run from them
/// count from the latest permissible day, and a 2021 answer says so);
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
    // The whole batch crosses the boundary once each way (one call per item made
    // the batch slower than single calls: BENCHMARKS.md, "Identifiers").
    let batch: Array = ident_batch_in(&values, len)
        .map_err(|_| misuse())?
        .unchecked_into();
    let items: Array = batch.get(0).unchecked_into();
    let text = batch.get(1).as_string().unwrap_or_default();
    send_answer_names();
    let mut records = Vec::with_capacity(len as usize * 7);
    let specials = Array::new();
    for (i, line) in (0..len).zip(text.split('\n')) {
        match line.strip_prefix('s') {
            Some(item) => records.extend(record(&Verdict::of_text(item))),
            None => {
                specials.set(i, identifier_answer(&items.get(i)));
                records.extend([3, 0, 0, 0, 0, 0, 0]);
            }
        }
    }
    Ok(ident_batch_out(&items, &records, &specials))
}

/// A verdict as the numbers `identOne` takes: `[0, kind, year, month, day, sex,
/// century]` (ИИН), `[1, kind, year, month, entity type, attribute, 0]` (БИН),
/// `[2, kind, code, 0…]` (invalid); names as indices into [`answer_names`] + 1
/// (0 is `null`). (`[3, 0…]` in a batch: not a string, answered in `specials`.)
fn record(verdict: &Verdict<'_>) -> [u32; 7] {
    /// Index + 1 of `x` in `all`, after `before` other names.
    fn at<T: PartialEq>(all: &[T], x: &T, before: usize) -> u32 {
        all.iter()
            .position(|y| y == x)
            .and_then(|i| u32::try_from(before + i + 1).ok())
            .unwrap_or(0)
    }
    let sexes = Kind::ALL.len();
    let entities = sexes + Sex::ALL.len();
    let attributes = entities + EntityType::ALL.len();
    let codes = attributes + Attribute::ALL.len();
    let kind = verdict.kind.map_or(0, |k| at(&Kind::ALL, &k, 0));
    match &verdict.fields {
        Fields::Iin(f) => {
            let d = f.birth_date;
            let year = u32::try_from(d.year()).unwrap_or(0);
            let sex = at(&Sex::ALL, &f.sex, sexes);
            [0, kind, year, d.month(), d.day(), sex, u32::from(f.century)]
        }
        Fields::Bin(f) => {
            let (year, month) = (
                u32::from(f.registered.year()),
                u32::from(f.registered.month()),
            );
            let entity = at(&EntityType::ALL, &f.entity_type, entities);
            let attribute = at(&Attribute::ALL, &f.attribute, attributes);
            [1, kind, year, month, entity, attribute, 0]
        }
        Fields::None(_) => {
            let code = verdict.code.map_or(0, |c| at(CODES, &c, codes));
            [2, kind, code, 0, 0, 0, 0]
        }
    }
}

/// Every name an identifier answer can hold, one per line, in the order of
/// [`record`]'s indices: kinds, sexes, entity types, attributes, codes.
fn answer_names() -> String {
    let names = (Kind::ALL.iter().map(|k| k.as_str()))
        .chain(Sex::ALL.iter().map(|s| s.as_str()))
        .chain(EntityType::ALL.iter().map(|e| e.as_str()))
        .chain(Attribute::ALL.iter().map(|a| a.as_str()))
        .chain(CODES.iter().copied());
    let mut text = String::new();
    for name in names {
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(name);
    }
    text
}

/// Gives the answer builders their names, once per module instance.
fn send_answer_names() {
    use std::sync::atomic::{AtomicBool, Ordering};
    static SENT: AtomicBool = AtomicBool::new(false);
    if !SENT.swap(true, Ordering::Relaxed) {
        ident_names(&answer_names());
    }
}

// The answer objects are built by these JavaScript functions from the fields of
// the `Verdict` as numbers (`record`; the names are sent once), one call per
// answer or per batch, not through serde-wasm-bindgen or Reflect.set: one
// boundary call per field made those 4–5 times slower (BENCHMARKS.md,
// "Identifiers"). scripts/build-pkg.sh ships the snippet (and a
// CommonJS copy for node.cjs).
// `tests/js_ident.rs` checks that every answer equals, byte for byte in
// JSON.stringify, the Verdict serialized by serde_json (what the CLI prints).
#[wasm_bindgen(inline_js = r#"
const two = (n) => (n < 10 ? '0' : '') + n;
let names = [null];
export function identNames(text) {
  names = [null, ...text.split('\n')];
}
export function identOne(input, tag, kind, a, b, c, d, e) {
  kind = names[kind];
  return tag === 0
    ? { input, valid: true, kind, code: null,
        fields: { birth_date: a + '-' + two(b) + '-' + two(c), sex: names[d], century: e } }
    : tag === 1
    ? { input, valid: true, kind, code: null,
        fields: { registered: a + '-' + two(b), entity_type: names[c], attribute: names[d] } }
    : { input, valid: false, kind, code: names[a], fields: {} };
}
export function identBatchIn(values, len) {
  const items = new Array(len), lines = new Array(len);
  for (let i = 0; i < len; i++) {
    const v = (items[i] = values[i]);
    lines[i] = typeof v === 'string' && !v.includes('\n') ? 's' + v : 'x';
  }
  return [items, lines.join('\n')];
}
export function identBatchOut(items, rec, specials) {
  const n = items.length, out = new Array(n);
  for (let i = 0, r = 0; i < n; i++, r += 7) {
    out[i] = rec[r] === 3 ? specials[i]
      : identOne(items[i], rec[r], rec[r + 1], rec[r + 2], rec[r + 3], rec[r + 4], rec[r + 5], rec[r + 6]);
  }
  return out;
}
"#)]
extern "C" {
    /// Sets the names `identOne` looks up ([`answer_names`]).
    #[wasm_bindgen(js_name = identNames)]
    fn ident_names(names: &str);
    /// The answer object for `input` from its [`record`].
    #[wasm_bindgen(js_name = identOne)]
    #[allow(clippy::too_many_arguments)]
    fn ident_one(
        input: &JsValue,
        tag: u32,
        kind: u32,
        a: u32,
        b: u32,
        c: u32,
        d: u32,
        e: u32,
    ) -> JsValue;
    /// A batch in, as `[items, text]`: the items as read (each index once, in
    /// order) and one line per item — `s` and the string, or `x` for a value that
    /// is not a string or holds a line break (answered one by one). A lone
    /// surrogate stays lone next to the line break, as in a single call.
    #[wasm_bindgen(js_name = identBatchIn, catch)]
    fn ident_batch_in(values: &JsValue, len: u32) -> Result<JsValue, JsValue>;
    /// A batch out: `identOne` for every seven numbers of `records` (`specials`
    /// holds the answers of the values that are not strings).
    #[wasm_bindgen(js_name = identBatchOut)]
    fn ident_batch_out(items: &Array, records: &[u32], specials: &Array) -> JsValue;
}

/// The answer object for one JS value.
fn identifier_answer(value: &JsValue) -> JsValue {
    send_answer_names();
    let (input, record) = match value.as_string() {
        Some(text) => (value.clone(), record(&Verdict::of_text(&text))),
        None => {
            let tree = to_value(value, &Limits::default()).unwrap_or(Value::Unsupported("unknown"));
            let verdict = Verdict::of_value(&tree);
            (JsValue::from_str(&verdict.input), record(&verdict))
        }
    };
    let [tag, kind, a, b, c, d, e] = record;
    ident_one(&input, tag, kind, a, b, c, d, e)
}
