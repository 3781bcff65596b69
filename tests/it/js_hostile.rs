//! Hostile values at the JavaScript boundary (wasm, Node and Chromium): every
//! export, given each hostile value as each argument (and inside the objects it
//! reads), answers with findings or throws a `TypeError` with a message — never a
//! trap, never another exception, and the module keeps working afterwards.

use crate::common;
use crate::common::js::{eval as js, get, parse};
use js_sys::{Array, Object, Reflect, JSON};
use kz_eco_rules::wasm;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn set(v: &JsValue, key: &str, value: &JsValue) {
    Reflect::set(v, &key.into(), value).unwrap();
}

/// `depth` nested arrays (`[[[…]]]`) or objects (`{"a":{"a":…}}`).
fn nested(depth: usize, objects: bool) -> JsValue {
    let mut v = JsValue::from(Array::new());
    for _ in 0..depth {
        let outer: JsValue = if objects {
            let o = Object::new();
            set(&o, "a", &v);
            o.into()
        } else {
            let a = Array::new();
            a.push(&v);
            a.into()
        };
        v = outer;
    }
    v
}

/// An object whose property `category` throws when read.
fn throwing_getter() -> JsValue {
    js("return Object.defineProperty({}, 'category',
                                     { enumerable: true, get() { throw new Error('no'); } });")
}

/// A Proxy whose every trap throws.
fn throwing_proxy() -> JsValue {
    js("const t = () => { throw new Error('trap'); };
        return new Proxy({}, { get: t, ownKeys: t, getOwnPropertyDescriptor: t, has: t,
                               getPrototypeOf: t });")
}

/// An empty object whose prototype is `JSON.parse(proto)`.
fn inheriting(proto: &str) -> JsValue {
    Object::create(parse(proto).unchecked_ref::<Object>()).into()
}

/// An object that contains itself.
fn cycle() -> JsValue {
    let o: JsValue = Object::new().into();
    set(&o, "applicant", &o);
    set(&o, "self", &o);
    o
}

/// The hostile values, by name. Each is built fresh (some are consumed).
fn hostile() -> Vec<(&'static str, JsValue)> {
    let big = "x".repeat(10 * 1024 * 1024);
    let sparse = Array::new_with_length(5);
    sparse.set(3, JsValue::from_str("871008401427"));
    vec![
        ("undefined", JsValue::UNDEFINED),
        ("null", JsValue::NULL),
        ("number", JsValue::from_f64(42.0)),
        ("NaN", JsValue::from_f64(f64::NAN)),
        ("-0", JsValue::from_f64(-0.0)),
        ("Infinity", JsValue::from_f64(f64::INFINITY)),
        ("-Infinity", JsValue::from_f64(f64::NEG_INFINITY)),
        ("true", JsValue::TRUE),
        ("empty string", JsValue::from_str("")),
        ("text that is not JSON", JsValue::from_str("category=II")),
        ("BigInt", js_sys::BigInt::from(10u32).into()),
        ("symbol", JsValue::symbol(Some("s"))),
        ("function", js_sys::Function::new_no_args("return 1").into()),
        ("nested arrays", parse("[[[[[1]]]], [[[]]]]")),
        ("10 000 nested arrays", nested(10_000, false)),
        ("10 000 nested objects", nested(10_000, true)),
        (
            "100 000 [ as JSON text",
            JsValue::from_str(&"[".repeat(100_000)),
        ),
        ("a 10 MB string", JsValue::from_str(&big)),
        (
            "a 10 MB JSON string",
            JsValue::from_str(&format!("\"{big}\"")),
        ),
        (
            "duplicate keys in JSON text",
            JsValue::from_str(r#"{"category": "II", "category": "IV", "category": 3}"#),
        ),
        (
            "__proto__ as an own key",
            parse(r#"{"__proto__": {"category": "II"}, "constructor": 1, "toString": 2}"#),
        ),
        (
            "fields only on the prototype",
            inheriting(r#"{"category": "II", "service": "emission_permit"}"#),
        ),
        (
            "object without prototype",
            Object::create(JsValue::NULL.unchecked_ref::<Object>()).into(),
        ),
        ("a cycle", cycle()),
        ("a throwing getter", throwing_getter()),
        ("a throwing Proxy", throwing_proxy()),
        ("a sparse array", sparse.into()),
        (
            "a typed array",
            js_sys::Uint8Array::new_with_length(16).into(),
        ),
        ("a Date", js_sys::Date::new(&JsValue::from_f64(0.0)).into()),
        (
            "an invalid Date",
            js_sys::Date::new(&JsValue::from_f64(f64::NAN)).into(),
        ),
        ("a Map", js_sys::Map::new().into()),
        ("a boxed string", js("return new String('871008401427');")),
        (
            "a revoked Proxy",
            js("const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy;"),
        ),
        (
            "a Proxy of an array",
            js("return new Proxy(['871008401427'], { get() { throw 1; } });"),
        ),
        (
            "a Proxy of a Date",
            js("return new Proxy(new Date(0), {});"),
        ),
        (
            "an object posing as a Date",
            js("return { [Symbol.toStringTag]: 'Date' };"),
        ),
        (
            "a Date whose toISOString throws",
            js("const d = new Date(0); d.toISOString = () => { throw 1; }; return d;"),
        ),
    ]
}

/// Checks an answer: a plain object (or array) that `JSON.stringify` accepts, or
/// a `TypeError` with a message. Returns "ok" or "TypeError".
fn outcome(what: &str, result: Result<JsValue, JsValue>) -> &'static str {
    match result {
        Ok(v) => {
            assert!(v.is_object(), "{what}: not an object: {v:?}");
            let text = JSON::stringify(&v).unwrap_or_else(|e| panic!("{what}: {e:?}"));
            assert!(text.length() > 1, "{what}");
            "ok"
        }
        Err(e) => {
            let e = e
                .dyn_into::<js_sys::TypeError>()
                .unwrap_or_else(|e| panic!("{what}: threw something else than a TypeError: {e:?}"));
            assert!(
                e.message().length() > 10,
                "{what}: TypeError without a message"
            );
            "TypeError"
        }
    }
}

/// An export taking `(value, options)`.
type Export = fn(JsValue, JsValue) -> Result<JsValue, JsValue>;

/// The exports taking (value, options), with a valid first argument.
fn calls() -> Vec<(&'static str, JsValue, Export)> {
    vec![
        (
            "validateApplication",
            parse(common::example("permit_IV")),
            wasm::validate_application,
        ),
        (
            "requiredDocuments",
            parse(
                r#"{"edition": "almaty_oblast_2012", "service": "emission_permit", "action": "issue",
                    "category": "II", "channel": "portal"}"#,
            ),
            wasm::required_documents,
        ),
        (
            "deadlines",
            parse(
                r#"{"edition": "almaty_city_2019", "service": "ecological_expertise", "action": "first",
                    "category": "III", "submitted_at": "2019-12-06T18:10:00+06:00"}"#,
            ),
            wasm::deadlines,
        ),
        (
            "isWorkingDay",
            JsValue::from_str("2013-05-06"),
            wasm::is_working_day,
        ),
    ]
}

/// The module still answers a valid call after whatever came before.
fn still_works() {
    let r = wasm::validate_application(parse(common::example("permit_IV")), JsValue::UNDEFINED)
        .unwrap();
    assert_eq!(get(&r, "ok"), JsValue::TRUE);
}

#[wasm_bindgen_test]
fn every_export_answers_every_hostile_value_without_a_trap() {
    let mut seen = std::collections::BTreeMap::new();
    let values = hostile();
    for (name, good, f) in calls() {
        for (what, value) in &values {
            // As the first argument, as the options, and as a field of the input.
            let a = outcome(
                &format!("{name}({what})"),
                f(value.clone(), JsValue::UNDEFINED),
            );
            let b = outcome(
                &format!("{name}(…, {what})"),
                f(good.clone(), value.clone()),
            );
            *seen.entry((name, a, b)).or_insert(0) += 1;
            // (The 10 MB strings are tried in a field in the next test.)
            if good.is_object() && !what.contains("10 MB") {
                for field in [
                    "category",
                    "service",
                    "submitted_at",
                    "facts",
                    "documents",
                    "edition",
                ] {
                    let input = parse(&String::from(JSON::stringify(&good).unwrap()));
                    set(&input, field, value);
                    let r = f(input, JsValue::UNDEFINED);
                    assert_eq!(outcome(&format!("{name}({{{field}: {what}}})"), r), "ok");
                }
            }
        }
        still_works();
    }
    for (what, value) in &values {
        outcome(
            &format!("validateIdentifier({what})"),
            wasm::validate_identifier(value.clone()),
        );
        outcome(
            &format!("validateIdentifiers({what})"),
            wasm::validate_identifiers(value.clone()),
        );
        let array = Array::of3(value, value, &JsValue::from_str("871008401427"));
        assert_eq!(
            outcome(
                &format!("validateIdentifiers([{what}])"),
                wasm::validate_identifiers(array.into())
            ),
            "ok"
        );
        outcome(&format!("messages({what})"), wasm::messages(value.clone()));
    }
    still_works();
    // Every export was given data it answers with findings and misuse it rejects.
    assert!(seen.keys().any(|(_, a, _)| *a == "ok"));
    assert!(seen.keys().any(|(_, a, _)| *a == "TypeError"));
}

fn codes(report: &JsValue) -> Vec<String> {
    let findings: Array = get(report, "findings").unchecked_into();
    findings
        .iter()
        .map(|f| get(&f, "code").as_string().unwrap())
        .collect()
}

#[wasm_bindgen_test]
fn what_each_hostile_value_gives() {
    let app = |v: JsValue| codes(&wasm::validate_application(v, JsValue::UNDEFINED).unwrap());
    assert_eq!(app(nested(10_000, false)), ["input.too_deep"]);
    assert_eq!(app(nested(10_000, true)), ["input.too_deep"]);
    assert_eq!(app(cycle()), ["input.too_deep"]);
    assert_eq!(
        app(JsValue::from_str(&"[".repeat(100_000))),
        ["input.too_deep"]
    );
    // An array of 2³²−1 holes: read until the value limit, then refused.
    let holes = js("const a = []; a.length = 4294967295; return a;");
    assert_eq!(app(holes.clone()), ["input.too_large"]);
    assert!(wasm::validate_identifiers(holes).is_err());
    assert_eq!(app(throwing_getter()), ["input.unreadable"]);
    assert_eq!(app(throwing_proxy()), ["input.unreadable"]);
    assert_eq!(
        app(JsValue::from_str("category=II")),
        ["input.malformed_json"]
    );
    assert_eq!(
        app(js_sys::BigInt::from(1u32).into())[0],
        "input.wrong_type"
    );
    // Duplicate keys in JSON text: a warning, and the last one counts (as JSON.parse).
    let dup = app(JsValue::from_str(
        r#"{"service": "emission_permit", "category": "II", "category": 3}"#,
    ));
    assert!(dup.contains(&"input.duplicate_key".to_owned()), "{dup:?}");
    assert!(dup.contains(&"input.wrong_type".to_owned()), "{dup:?}");
    // `__proto__` from JSON.parse is an own key like any other: unknown.
    let proto = app(parse(r#"{"__proto__": {"category": "II"}}"#));
    assert!(
        proto.contains(&"input.unknown_field".to_owned()),
        "{proto:?}"
    );
    // What an object only inherits is not there (as for JSON.stringify).
    let inherited = app(inheriting(r#"{"category": "II"}"#));
    assert!(!inherited.contains(&"input.unknown_field".to_owned()));
    assert!(inherited.contains(&"input.missing_field".to_owned()));
    // Nothing was written to any prototype.
    assert_eq!(get(&Object::new().into(), "category"), JsValue::UNDEFINED);

    // A 10 MB string where a name goes: too long, reported, not kept.
    let a = parse(common::example("permit_IV"));
    set(
        &get(&a, "applicant"),
        "name",
        &JsValue::from_str(&"x".repeat(10 << 20)),
    );
    assert!(app(a).contains(&"input.too_long".to_owned()));
    // NaN, -0 and Infinity where amounts go.
    let a = parse(common::example("permit_IV"));
    let site = get(&get(&a, "industrial_sites"), "0");
    set(&site, "area_ha", &JsValue::from_f64(f64::NAN));
    set(&site, "number", &JsValue::from_f64(-0.0));
    set(
        &get(&site, "latitude"),
        "sec",
        &JsValue::from_f64(f64::INFINITY),
    );
    let r = wasm::validate_application(a, JsValue::UNDEFINED).unwrap();
    let at = |path: &str| {
        let findings: Array = get(&r, "findings").unchecked_into();
        findings
            .iter()
            .filter(|f| get(f, "path").as_string().as_deref() == Some(path))
            .map(|f| get(&f, "code").as_string().unwrap())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        at("/industrial_sites/0/area_ha"),
        ["emissions.invalid_number"]
    );
    assert_eq!(
        at("/industrial_sites/0/latitude/sec"),
        ["emissions.invalid_number"]
    );
    // -0 reads as site number 0 (then no site 1 for the tables: emissions.unknown_site).
    assert!(at("/industrial_sites/0/number").is_empty());
    // An identifier that is not a string is answered, not thrown.
    let v = wasm::validate_identifier(js_sys::BigInt::from(871_008_401_427u64).into()).unwrap();
    assert_eq!(get(&v, "code"), JsValue::from_str("ident.not_a_string"));
    // Misuse throws TypeErrors.
    assert!(wasm::validate_application(JsValue::UNDEFINED, JsValue::UNDEFINED).is_err());
    assert!(wasm::deadlines(JsValue::UNDEFINED, JsValue::UNDEFINED).is_err());
    // `null` is bad data, not misuse: a report, as for `deadlines("null")`.
    let r = wasm::deadlines(JsValue::NULL, JsValue::UNDEFINED).unwrap();
    let first = get(&get(&r, "findings"), "0");
    assert_eq!(get(&first, "code"), JsValue::from_str("input.wrong_type"));
    assert!(wasm::is_working_day(JsValue::from_f64(1.0), JsValue::UNDEFINED).is_err());
    assert!(wasm::validate_identifiers(JsValue::from_str("871008401427")).is_err());
    assert!(wasm::messages(JsValue::UNDEFINED).is_err());
    still_works();
}

#[wasm_bindgen_test]
fn a_million_table_rows_are_refused_with_findings() {
    // One table with 10⁶ substance rows (as a portal could send after a paste gone wrong).
    let a = parse(common::example("permit_IV"));
    let site = get(&get(&get(&get(&a, "air_emissions"), "years"), "0"), "sites");
    let rows = Array::new();
    let row = get(&get(&get(&site, "0"), "substances"), "0");
    for _ in 0..1_000_000 {
        rows.push(&row);
    }
    set(&get(&site, "0"), "substances", &rows);
    let r = wasm::validate_application(a, JsValue::UNDEFINED).unwrap();
    let c = codes(&r);
    // Each row holds a dozen values: past the 2 000 000-value limit, nothing is read.
    assert_eq!(c, ["input.too_large"]);
    // 10⁶ rows of nothing fit the value limit: the first 10⁵ are read, and the
    // findings are capped.
    let a = parse(common::example("permit_IV"));
    let site = get(&get(&get(&get(&a, "air_emissions"), "years"), "0"), "sites");
    let empty = Array::new();
    for _ in 0..1_000_000 {
        empty.push(&JsValue::NULL);
    }
    set(&get(&site, "0"), "substances", &empty);
    let c = codes(&wasm::validate_application(a, JsValue::UNDEFINED).unwrap());
    assert!(
        c.contains(&"input.too_many_items".to_owned()),
        "{:?}",
        &c[..3]
    );
    assert!(c.len() <= 10_001, "{}", c.len());
    // 10⁵ identifiers in one batch (numbers: each answered as not a string).
    let ids = Array::new();
    for i in 0..100_000u32 {
        ids.push(&JsValue::from_f64(f64::from(i)));
    }
    let out: Array = wasm::validate_identifiers(ids.into())
        .unwrap()
        .unchecked_into();
    assert_eq!(out.length(), 100_000);
    still_works();
}
