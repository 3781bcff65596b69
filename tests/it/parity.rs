//! The parity corpus (`tests/vectors/parity/`): every case's answer must be, byte
//! for byte as JSON, the one recorded in `<kind>.expected.jsonl` — natively, and in
//! wasm under Node and under Chromium, where each case is also run through the
//! JavaScript API (`validateApplication`, `requiredDocuments`, `deadlines`,
//! `isWorkingDay`, `validateIdentifier(s)`) and its result `JSON.stringify`-ed.
//!
//! Inputs are written by `scripts/gen-parity-vectors.py` (its docstring describes
//! the line format); the expected outputs are the native answers, rewritten by
//! `bash scripts/dev.sh generate --vectors`, which shows the diff for review.
//!
//! Native results are serialized with `serde_json`; wasm results of the Rust API
//! too; results of the JavaScript API with `JSON.stringify`. An expected line is
//! `{"name":…,"output":…}`, or `{"name":…,"type_error":"…"}` where the JavaScript
//! API throws a `TypeError` (bad options, a day that is not a string).
//!
//! Why the JavaScript path cannot drift from the JSON path: DESIGN.md, "One value
//! tree for JSON text and JavaScript objects". What JSON cannot carry (`NaN`,
//! BigInt, `undefined`, `Date`…) is covered by the `js` cases: the native side reads
//! the value the walker makes of it.

use crate::common;
use kz_eco_rules::calendar::day_report;
use kz_eco_rules::documents::{checklist_json, checklist_value};
use kz_eco_rules::ident::Verdict;
use kz_eco_rules::input::{number_text, Limits, Value};
use kz_eco_rules::sla::{deadlines_json, deadlines_value};
use kz_eco_rules::{validate_json, validate_value, Finding, Lang, Options};
use wasm_bindgen_test::wasm_bindgen_test;

/// The five corpora: `(kind, inputs, expected outputs)`.
pub(crate) const CORPORA: &[(&str, &str, &str)] = &[
    (
        "applications",
        include_str!("../vectors/parity/applications.jsonl"),
        include_str!("../vectors/parity/applications.expected.jsonl"),
    ),
    (
        "documents",
        include_str!("../vectors/parity/documents.jsonl"),
        include_str!("../vectors/parity/documents.expected.jsonl"),
    ),
    (
        "deadlines",
        include_str!("../vectors/parity/deadlines.jsonl"),
        include_str!("../vectors/parity/deadlines.expected.jsonl"),
    ),
    (
        "days",
        include_str!("../vectors/parity/days.jsonl"),
        include_str!("../vectors/parity/days.expected.jsonl"),
    ),
    (
        "identifiers",
        include_str!("../vectors/parity/identifiers.jsonl"),
        include_str!("../vectors/parity/identifiers.expected.jsonl"),
    ),
];

/// The corpus lines are read with our own JSON reader (it keeps key order, which
/// serde_json's map does not), with room for the deep and long test inputs.
const LINE_LIMITS: Limits = Limits {
    max_depth: 64,
    max_values: 10_000_000,
    max_string_len: usize::MAX,
};

/// One case of a corpus.
pub(crate) struct Case {
    pub(crate) name: String,
    pub(crate) input: Input,
    /// The options argument (`None`: not given).
    pub(crate) options: Option<Value<'static>>,
    /// JavaScript-only values to put in on the JavaScript side: `(pointer, kind)`.
    pub(crate) js: Vec<(String, String)>,
}

pub(crate) enum Input {
    /// A value (the JavaScript side gets `JSON.parse` of its text).
    Tree(Value<'static>),
    /// Raw JSON text (the JavaScript side passes the string).
    Text(String),
}

fn text_of<'v>(v: &'v Value<'_>) -> Option<&'v str> {
    match v {
        Value::String(s) => Some(s),
        _ => None,
    }
}

pub(crate) fn cases(kind: &str, inputs: &str) -> Vec<Case> {
    inputs
        .lines()
        .map(|line| {
            let v = Value::from_json_str(line, &LINE_LIMITS)
                .unwrap_or_else(|e| panic!("{kind}: bad line {line:.80}: {e}"));
            let name = v.get("name").and_then(text_of).unwrap().to_owned();
            let input = if let Some(text) = v.get("text").and_then(text_of) {
                Input::Text(text.to_owned())
            } else if let Some(example) = v.get("example").and_then(text_of) {
                let mut tree =
                    Value::from_json_str(common::example(example), &LINE_LIMITS).unwrap();
                if let Some(Value::Array(steps)) = v.get("patch") {
                    for step in steps {
                        patch(&mut tree, step).unwrap_or_else(|| panic!("{name}: bad patch"));
                    }
                }
                // Keys in the order reading the edited text gives (index keys first).
                Input::Tree(
                    Value::from_json_str(&to_json(&tree), &LINE_LIMITS)
                        .unwrap()
                        .into_owned(),
                )
            } else {
                Input::Tree(
                    v.get("input")
                        .cloned()
                        .map_or(Value::Null, Value::into_owned),
                )
            };
            let js = match v.get("js") {
                Some(Value::Array(items)) => items
                    .iter()
                    .map(|pair| match pair {
                        Value::Array(p) => (
                            text_of(&p[0]).unwrap().to_owned(),
                            text_of(&p[1]).unwrap().to_owned(),
                        ),
                        _ => panic!("{name}: bad js"),
                    })
                    .collect(),
                _ => Vec::new(),
            };
            Case {
                name,
                input,
                options: v.get("options").cloned().map(Value::into_owned),
                js,
            }
        })
        .collect()
}

// ---- JSON Pointer edits on a value tree -----------------------------------

fn unescape(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

/// The parent of `pointer` and the last token (`None` for the root).
fn parent<'v, 't>(root: &'v mut Value<'t>, pointer: &str) -> Option<(&'v mut Value<'t>, String)> {
    let (head, last) = pointer.rsplit_once('/')?;
    let mut v = root;
    for token in head.split('/').skip(1) {
        let token = unescape(token);
        v = match v {
            Value::Object(entries) => &mut entries.iter_mut().rev().find(|(k, _)| *k == token)?.1,
            Value::Array(items) => items.get_mut(token.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some((v, unescape(last)))
}

/// Applies one `[op, pointer, value?]` step (`replace`, `add`, `remove`).
fn patch<'t>(root: &mut Value<'t>, step: &Value<'t>) -> Option<()> {
    let Value::Array(step) = step else {
        return None;
    };
    let op = text_of(step.first()?)?;
    let pointer = text_of(step.get(1)?)?;
    let value = step.get(2).cloned();
    let (target, key) = parent(root, pointer)?;
    match (op, target) {
        ("remove", Value::Object(entries)) => entries.retain(|(k, _)| *k != key),
        ("remove", Value::Array(items)) => {
            items.remove(key.parse::<usize>().ok()?);
        }
        ("replace" | "add", Value::Object(entries)) => {
            match entries.iter_mut().rev().find(|(k, _)| *k == key) {
                Some(entry) => entry.1 = value?,
                None if op == "add" => entries.push((key.into(), value?)),
                None => return None,
            }
        }
        ("add", Value::Array(items)) if key == "-" => items.push(value?),
        ("add", Value::Array(items)) => items.insert(key.parse().ok()?, value?),
        ("replace", Value::Array(items)) => *items.get_mut(key.parse::<usize>().ok()?)? = value?,
        _ => return None,
    }
    Some(())
}

/// What the wasm boundary's walker makes of the JavaScript-only value `kind`
/// standing in for `current` (src/wasm/walk.rs); `None`: the key goes away
/// (`undefined` as an object's property, which `JSON.stringify` drops too).
fn walked(kind: &str, current: &Value<'static>, in_object: bool) -> Option<Value<'static>> {
    Some(match kind {
        "NaN" => Value::Number(f64::NAN),
        "Infinity" => Value::Number(f64::INFINITY),
        "-Infinity" => Value::Number(f64::NEG_INFINITY),
        "BigInt" => Value::Unsupported("BigInt"),
        "undefined" if in_object => return None,
        "undefined" => Value::Null,
        "Date" => current.clone(),
        "invalid Date" => Value::Unsupported("invalid Date"),
        "function" => Value::Unsupported("function"),
        "Symbol" => Value::Unsupported("symbol"),
        "Map" => Value::Unsupported("Map"),
        "Set" => Value::Unsupported("Set"),
        other => panic!("unknown js kind {other}"),
    })
}

/// The tree the native side reads for a case with `js` substitutions.
fn natively_walked(tree: &Value<'static>, js: &[(String, String)]) -> Value<'static> {
    let mut tree = tree.clone();
    for (pointer, kind) in js {
        if pointer.is_empty() {
            tree = walked(kind, &tree, false).unwrap_or(Value::Null);
            continue;
        }
        let (target, key) = parent(&mut tree, pointer).expect("js pointer");
        match target {
            Value::Object(entries) => {
                let current = entries
                    .iter()
                    .rev()
                    .find(|(k, _)| *k == key)
                    .map_or(Value::Null, |(_, v)| v.clone());
                entries.retain(|(k, _)| *k != key);
                if let Some(v) = walked(kind, &current, true) {
                    entries.push((key.into(), v));
                }
            }
            Value::Array(items) => {
                let slot = &mut items[key.parse::<usize>().unwrap()];
                *slot = walked(kind, slot, false).unwrap();
            }
            _ => panic!("js pointer {pointer} into a scalar"),
        }
    }
    tree
}

/// JSON text of a tree (key order and duplicates kept; `-0` stays `-0`).
pub(crate) fn to_json(v: &Value) -> String {
    let mut out = String::new();
    write_json(v, &mut out);
    out
}

fn write_json(v: &Value, out: &mut String) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) if *n == 0.0 && n.is_sign_negative() => out.push_str("-0"),
        Value::Number(n) => out.push_str(&number_text(*n).expect("finite number")),
        Value::String(s) => out.push_str(&serde_json::to_string(s).unwrap()),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json(item, out);
            }
            out.push(']');
        }
        Value::Object(entries) => {
            out.push('{');
            for (i, (k, item)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&serde_json::to_string(k).unwrap());
                out.push(':');
                write_json(item, out);
            }
            out.push('}');
        }
        other => panic!("not JSON: {other:?}"),
    }
}

// ---- Native answers ---------------------------------------------------------

/// An expected line: `{"name":…,"output":…}` or `{"name":…,"type_error":…}`.
fn line(name: &str, answer: Result<String, String>) -> String {
    let name = serde_json::to_string(name).unwrap();
    match answer {
        Ok(output) => format!(r#"{{"name":{name},"output":{output}}}"#),
        Err(message) => format!(
            r#"{{"name":{name},"type_error":{}}}"#,
            serde_json::to_string(&message).unwrap()
        ),
    }
}

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap()
}

/// The Rust API's answer to a case, as the back end would give it: JSON text in
/// (when the input is JSON), serde_json out.
fn native(kind: &str, case: &Case) -> Result<String, String> {
    let options = match &case.options {
        None => Options::default(),
        Some(v) => Options::from_value(v)?,
    };
    let tree = match &case.input {
        Input::Tree(tree) if !case.js.is_empty() => Some(natively_walked(tree, &case.js)),
        _ => None,
    };
    let text = match &case.input {
        Input::Text(text) => text.clone(),
        Input::Tree(tree) => to_json(tree),
    };
    Ok(match (kind, &tree) {
        ("applications", Some(t)) => json(&validate_value(t, &options)),
        ("applications", None) => {
            let report = json(&validate_json(&text, &options));
            if let Input::Tree(t) = &case.input {
                // The tree path (what the JavaScript walker feeds) agrees, for a
                // tree within the limits (beyond them the walker stops as the text
                // reader does: the JavaScript API's half of this test).
                if Value::from_json_str(&text, &options.limits).as_ref() == Ok(t) {
                    assert_eq!(json(&validate_value(t, &options)), report, "{}", case.name);
                }
            }
            report
        }
        ("documents", Some(t)) => json(&checklist_value(t, &options)),
        ("documents", None) => json(&checklist_json(&text, &options)),
        ("deadlines", Some(t)) => json(&deadlines_value(t, &options)),
        ("deadlines", None) => json(&deadlines_json(&text, &options)),
        ("days", t) => {
            let value = t.clone().unwrap_or_else(|| tree_of(&case.input));
            json(&day_report(&value, &options)?)
        }
        ("identifiers", Some(t)) => json(&Verdict::of_value(t)),
        // What `kz-eco-rules id --jsonl` answers for the line.
        ("identifiers", None) => json(&Verdict::of_json(&text, &Limits::default()).expect("JSON")),
        _ => panic!("unknown corpus {kind}"),
    })
}

/// Every case of the applications, documents and deadlines corpora answered
/// natively in each language: `f(case name, language, findings)`. What the
/// reviewer (`reviewer.rs`) reads: the examples and their variants.
pub(crate) fn each_answer(mut f: impl FnMut(&str, Lang, &[Finding])) {
    for (kind, inputs, _) in CORPORA {
        if !["applications", "documents", "deadlines"].contains(kind) {
            continue;
        }
        for case in cases(kind, inputs) {
            let Ok(mut options) = case
                .options
                .as_ref()
                .map_or_else(|| Ok(Options::default()), Options::from_value)
            else {
                continue; // bad options: a TypeError, no findings
            };
            let tree = match &case.input {
                Input::Tree(t) if !case.js.is_empty() => natively_walked(t, &case.js),
                Input::Tree(t) => t.clone(),
                Input::Text(_) => Value::Null, // read from the text below
            };
            for lang in Lang::ALL {
                options.lang = lang;
                let findings = match (*kind, &case.input) {
                    ("applications", Input::Text(text)) => validate_json(text, &options).findings,
                    ("applications", _) => validate_value(&tree, &options).findings,
                    ("documents", Input::Text(text)) => checklist_json(text, &options).findings,
                    ("documents", _) => checklist_value(&tree, &options).findings,
                    ("deadlines", Input::Text(text)) => deadlines_json(text, &options).findings,
                    _ => deadlines_value(&tree, &options).findings,
                };
                f(&case.name, lang, &findings);
            }
        }
    }
}

fn tree_of(input: &Input) -> Value<'static> {
    match input {
        Input::Tree(t) => t.clone(),
        Input::Text(_) => panic!("this corpus takes values, not JSON text"),
    }
}

/// Compares `got` with the expected lines, listing the first differences.
fn compare(kind: &str, path: &str, got: &[String], expected: &str) {
    let want: Vec<&str> = expected.lines().collect();
    let stale = "run `bash scripts/dev.sh generate --vectors` and review the diff";
    assert_eq!(
        got.len(),
        want.len(),
        "{kind}: {} cases, {} expected lines ({stale})",
        got.len(),
        want.len()
    );
    let bad: Vec<String> = got
        .iter()
        .zip(&want)
        .filter(|(g, w)| g != *w)
        .take(3)
        .map(|(g, w)| format!("\n  got:  {g:.600}\n  want: {w:.600}"))
        .collect();
    let count = got.iter().zip(&want).filter(|(g, w)| g != *w).count();
    assert!(
        bad.is_empty(),
        "{kind} via {path}: {count} answers differ from the expected bytes:{}\n({stale} if the change is intended)",
        bad.concat()
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn every_case_gives_the_expected_bytes_through_the_rust_api() {
    let mut total = 0;
    for (kind, inputs, expected) in CORPORA {
        let cases = cases(kind, inputs);
        let mut names = std::collections::HashSet::new();
        for c in &cases {
            assert!(
                names.insert(c.name.as_str()),
                "{kind}: duplicate {}",
                c.name
            );
        }
        let got: Vec<String> = cases
            .iter()
            .map(|c| line(&c.name, native(kind, c)))
            .collect();
        compare(kind, "the Rust API", &got, expected);
        total += cases.len();
    }
    assert!(total >= 1000, "{total} cases");
}

#[wasm_bindgen_test(unsupported = test)]
fn the_corpus_covers_every_offered_combination_and_every_export() {
    let apps = cases("applications", CORPORA[0].1);
    let docs = cases("documents", CORPORA[1].1);
    for ed in kz_eco_rules::editions::editions() {
        for offer in ed.services {
            for action in offer.actions {
                for cat in offer.categories.iter().map(|c| c.as_str()) {
                    for channel in offer.channels {
                        let (service, action, channel) =
                            (offer.service.as_str(), action.as_str(), channel.as_str());
                        let key = format!("{service}/{action}/{cat}/{channel}/{}/", ed.id);
                        assert!(
                            apps.iter()
                                .any(|c| c.name.starts_with("combo/") && c.name.contains(&key)),
                            "no application for {key}"
                        );
                        let key = format!("{}/{service}/{action}/{cat}/{channel}/", ed.id);
                        assert!(
                            docs.iter().any(|c| c.name.starts_with(&key)),
                            "no checklist for {key}"
                        );
                    }
                }
            }
        }
    }
    for (kind, inputs, _) in CORPORA {
        let cases = cases(kind, inputs);
        assert!(cases.iter().any(|c| !c.js.is_empty()), "{kind}: no js case");
    }
}

/// `bash scripts/dev.sh generate --vectors` runs this: it rewrites the expected
/// outputs from the native answers (review the diff before committing).
#[cfg(not(target_arch = "wasm32"))]
#[test]
#[ignore = "rewrites tests/vectors/parity/*.expected.jsonl; run by scripts/dev.sh generate --vectors"]
fn regenerate_expected_outputs() {
    for (kind, inputs, _) in CORPORA {
        let mut out = String::new();
        for c in cases(kind, inputs) {
            out.push_str(&line(&c.name, native(kind, &c)));
            out.push('\n');
        }
        let path = format!(
            "{}/tests/vectors/parity/{kind}.expected.jsonl",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::write(&path, out).unwrap();
    }
}

// ---- The JavaScript API (wasm only) -------------------------------------------

#[cfg(target_arch = "wasm32")]
mod js {
    use super::*;
    use js_sys::{Reflect, JSON};
    use kz_eco_rules::wasm;
    use wasm_bindgen::{JsCast, JsValue};

    fn parse(text: &str) -> JsValue {
        JSON::parse(text).unwrap()
    }

    /// The JavaScript value `kind` stands for, built from `current`.
    fn js_only(kind: &str, current: &JsValue) -> JsValue {
        match kind {
            "NaN" => JsValue::from_f64(f64::NAN),
            "Infinity" => JsValue::from_f64(f64::INFINITY),
            "-Infinity" => JsValue::from_f64(f64::NEG_INFINITY),
            // Any BigInt will do: the walker keeps none of its value.
            "BigInt" => js_sys::BigInt::new(current)
                .unwrap_or_else(|_| js_sys::BigInt::from(1u32))
                .into(),
            "undefined" => JsValue::UNDEFINED,
            "Date" => js_sys::Date::new(current).into(),
            "invalid Date" => js_sys::Date::new(&JsValue::from_f64(f64::NAN)).into(),
            "function" => js_sys::Function::new_no_args("return 1").into(),
            "Symbol" => JsValue::symbol(Some("s")),
            "Map" => js_sys::Map::new().into(),
            "Set" => js_sys::Set::new(&JsValue::UNDEFINED).into(),
            other => panic!("unknown js kind {other}"),
        }
    }

    /// The case's input as a JavaScript object (`JSON.parse` of its text, then the
    /// JavaScript-only values put in).
    fn object(case: &Case) -> JsValue {
        let mut root = match &case.input {
            Input::Tree(t) => parse(&to_json(t)),
            // Identifiers given as JSON text: the value JSON.parse makes of it.
            Input::Text(t) => parse(t),
        };
        for (pointer, kind) in &case.js {
            if pointer.is_empty() {
                root = js_only(kind, &root);
                continue;
            }
            let (head, last) = pointer.rsplit_once('/').unwrap();
            let mut target = root.clone();
            for token in head.split('/').skip(1) {
                target = Reflect::get(&target, &unescape(token).into()).unwrap();
            }
            let key = JsValue::from(unescape(last));
            let current = Reflect::get(&target, &key).unwrap();
            Reflect::set(&target, &key, &js_only(kind, &current)).unwrap();
        }
        root
    }

    /// A JavaScript API call's answer as an expected line: `JSON.stringify` of the
    /// result, or the `TypeError`'s message.
    fn answer(result: Result<JsValue, JsValue>) -> Result<String, String> {
        match result {
            Ok(v) => Ok(String::from(JSON::stringify(&v).unwrap())),
            Err(e) => {
                let e = e
                    .dyn_into::<js_sys::TypeError>()
                    .expect("only a TypeError may be thrown");
                Err(String::from(e.message()))
            }
        }
    }

    fn call(kind: &str, arg: JsValue, options: JsValue) -> Result<String, String> {
        answer(match kind {
            "applications" => wasm::validate_application(arg, options),
            "documents" => wasm::required_documents(arg, options),
            "deadlines" => wasm::deadlines(arg, options),
            "days" => wasm::is_working_day(arg, options),
            "identifiers" => wasm::validate_identifier(arg),
            _ => unreachable!(),
        })
    }

    #[wasm_bindgen_test]
    fn every_case_gives_the_expected_bytes_through_the_javascript_api() {
        for (kind, inputs, expected) in CORPORA {
            let cases = cases(kind, inputs);
            let options = |c: &Case| {
                c.options
                    .as_ref()
                    .map_or(JsValue::UNDEFINED, |o| parse(&to_json(o)))
            };
            // Objects (JSON.parse of the input, plus the JavaScript-only values).
            let got: Vec<String> = cases
                .iter()
                .map(|c| {
                    let arg = match &c.input {
                        Input::Text(t) if *kind != "identifiers" => JsValue::from_str(t),
                        _ => object(c),
                    };
                    line(&c.name, call(kind, arg, options(c)))
                })
                .collect();
            compare(kind, "JavaScript objects", &got, expected);
            // JSON text (read by the JavaScript engine's number parser).
            if matches!(*kind, "applications" | "documents" | "deadlines") {
                let text_cases: Vec<(usize, &Case)> = cases
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| c.js.is_empty() && matches!(c.input, Input::Tree(_)))
                    .collect();
                let got: Vec<String> = text_cases
                    .iter()
                    .map(|(_, c)| {
                        let text = JsValue::from_str(&to_json(&tree_of(&c.input)));
                        line(&c.name, call(kind, text, options(c)))
                    })
                    .collect();
                let lines: Vec<&str> = expected.lines().collect();
                let want: String = text_cases
                    .iter()
                    .map(|(i, _)| format!("{}\n", lines[*i]))
                    .collect();
                compare(kind, "JSON text", &got, &want);
            }
        }
    }

    #[wasm_bindgen_test]
    fn a_batch_of_identifiers_gives_the_single_answers() {
        let (_, inputs, expected) = CORPORA[4];
        let cases = cases("identifiers", inputs);
        let array = js_sys::Array::new();
        for c in &cases {
            array.push(&object(c));
        }
        let batch = wasm::validate_identifiers(array.into()).unwrap();
        // Each expected line is `{"name":…,"output":<answer>}`: cut the answer out.
        let want: Vec<&str> = cases
            .iter()
            .zip(expected.lines())
            .map(|(c, l)| {
                let head = format!(
                    r#"{{"name":{},"output":"#,
                    serde_json::to_string(&c.name).unwrap()
                );
                &l[head.len()..l.len() - 1]
            })
            .collect();
        assert_eq!(
            String::from(JSON::stringify(&batch).unwrap()),
            format!("[{}]", want.join(","))
        );
    }
}

/// The native answer of every case of the corpus with its corpus's kind
/// (`documents`, `deadlines`, …), as JSON text (for tests that look at what the
/// rules emit over the whole corpus, e.g. the basis table).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn native_answers() -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    for (kind, inputs, _) in CORPORA {
        for case in cases(kind, inputs) {
            if let Ok(answer) = native(kind, &case) {
                out.push((*kind, answer));
            }
        }
    }
    out
}
