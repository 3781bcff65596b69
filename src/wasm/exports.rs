//! The functions the npm package exports: each reads its arguments ([`input`],
//! [`options`]), calls the core and returns plain JS objects ([`to_js`]).

use serde::Serialize;
use wasm_bindgen::prelude::*;

#[cfg(feature = "full-api")]
use super::ident;
use super::type_error;
use super::walk::{js_number, to_value};
#[cfg(feature = "full-api")]
use crate::documents;
use crate::findings::{catalog, Findings, Lang};
use crate::input::{InputError, Limits, Value};
use crate::{packs, validate_value, Options, Report};

/// Reads an argument given as a plain object or as its JSON text (kept in
/// `text`, which the tree's strings borrow from).
fn input<'t>(js: &JsValue, text: &'t mut String, limits: &Limits) -> Result<Value<'t>, InputError> {
    match js.as_string() {
        Some(t) => {
            *text = t;
            Value::from_json_str_with(text, limits, js_number)
        }
        None => to_value(js, limits),
    }
}

/// A result as plain JS objects: its JSON text ([`crate::json_out`]) through one
/// `JSON.parse`.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    match crate::json_out::to_string(value) {
        Ok(text) => super::js::json_parse(&text),
        Err(_) => Err(super::js::Error::new("a result could not be written as JSON").into()),
    }
}

/// Reads the `options` argument; misuse is a `TypeError`, and so is a language
/// whose pack is not loaded.
fn options(js: &JsValue) -> Result<Options, JsValue> {
    let value = to_value(js, &Limits::default()).map_err(|e| type_error(&e.message()))?;
    let options = Options::from_value(&value).map_err(|e| type_error(&e))?;
    loaded(options.lang)?;
    Ok(options)
}

/// `Ok` when the messages and names in `lang` are loaded, else a `TypeError`
/// saying how to load them.
fn loaded(lang: Lang) -> Result<(), JsValue> {
    if packs::is_loaded(lang) {
        Ok(())
    } else {
        Err(not_loaded(lang.as_str()))
    }
}

#[cold]
#[inline(never)]
fn not_loaded(l: &str) -> JsValue {
    let mut m = String::from("the messages in ");
    for part in [
        l,
        " are not loaded: await loadLanguage('",
        l,
        "') (or init({ lang: '",
        l,
        "' })) first",
    ] {
        m.push_str(part);
    }
    type_error(&m)
}

/// `loadLanguagePack(pack)`: installs a language's texts from its pack (the bytes
/// of `kz_eco_rules.<lang>.pack`, a `Uint8Array`) and returns the language;
/// `loadLanguage` and `init({ lang })` fetch the pack and call it. A pack of
/// another build or not a pack throws; a language already loaded keeps its texts.
#[wasm_bindgen(js_name = loadLanguagePack)]
pub fn load_language_pack(pack: &[u8]) -> Result<String, JsValue> {
    match packs::load(pack) {
        Ok(lang) => Ok(lang.as_str().to_owned()),
        Err(e) => Err(super::js::Error::new(&e).into()),
    }
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
    let report = match input(&app, &mut String::new(), &options.limits) {
        Ok(value) => validate_value(&value, &options),
        Err(e) => {
            let mut findings = Findings::default();
            findings.push(e.to_finding());
            Report::build_worded(findings, options.lang, &options.severity, &options.messages)
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
#[cfg(feature = "full-api")]
#[wasm_bindgen(js_name = requiredDocuments)]
pub fn required_documents(query: JsValue, options_js: JsValue) -> Result<JsValue, JsValue> {
    if query.is_undefined() {
        return Err(type_error(
            "requiredDocuments(query, options?): `query` is required (an object or JSON text)",
        ));
    }
    let options = options(&options_js)?;
    let report = match input(&query, &mut String::new(), &options.limits) {
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
    loaded(lang)?;
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
/// submitted_at, accepted_on?, remarks_sent_on? }` as a plain object or JSON
/// text (without the acceptance / remarks days the periods that run from them
/// count from the latest permissible day, and a 2021 answer says so);
/// `submitted_at` is an ISO 8601 string with offset or a `Date` (an instant, so
/// the answer does not depend on the browser's time zone). Returns `{ edition,
/// registered_on, completeness_due, decision_due, remarks_due, fixes_due, basis,
/// ok, findings }` with dates as `"YYYY-MM-DD"` or `null`. Options as for
/// `validateApplication`, plus `calendar` (overrides) and `sla` (counting options).
#[cfg(feature = "full-api")]
#[wasm_bindgen(js_name = deadlines)]
pub fn deadlines(query: JsValue, options_js: JsValue) -> Result<JsValue, JsValue> {
    if query.is_undefined() {
        return Err(type_error(
            "deadlines(query, options?): `query` is required (an object or JSON text)",
        ));
    }
    let options = options(&options_js)?;
    let report = crate::sla::deadlines_input(
        input(&query, &mut String::new(), &options.limits).as_ref(),
        &options,
    );
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
#[cfg(feature = "full-api")]
#[wasm_bindgen(js_name = isWorkingDay)]
pub fn is_working_day(date: JsValue, options_js: JsValue) -> Result<JsValue, JsValue> {
    let options = options(&options_js)?;
    let value = to_value(&date, &Limits::default()).map_err(|e| type_error(&e.message()))?;
    let report = crate::calendar::day_report(&value, &options).map_err(|e| type_error(&e))?;
    to_js(&report)
}

/// `validateIdentifier(value)`: checks one ИИН/БИН and returns `{ input, valid,
/// kind, code, fields }` — the object `kz-eco-rules id --jsonl` prints for it. A
/// value that is not a string gives `code: "ident.not_a_string"`; only a missing
/// argument throws.
#[cfg(feature = "full-api")]
#[wasm_bindgen(js_name = validateIdentifier)]
pub fn validate_identifier(value: JsValue) -> Result<JsValue, JsValue> {
    if value.is_undefined() {
        return Err(type_error(
            "validateIdentifier(value): `value` is required (an ИИН/БИН string)",
        ));
    }
    Ok(ident::answer(&value))
}

/// `validateIdentifiers(values)`: `validateIdentifier` for every item of an array,
/// in one call; returns the array of answers.
#[cfg(feature = "full-api")]
#[wasm_bindgen(js_name = validateIdentifiers)]
pub fn validate_identifiers(values: JsValue) -> Result<JsValue, JsValue> {
    ident::batch(&values)
}
