//! `data/sla.json` → the deadlines of each regulation edition (`sla.rs`).
//!
//! Checked against `data/editions.json`: every edition and service exists and is
//! offered; every offered service × action × category has exactly one decision
//! period and at most one completeness, remarks and fixes period; fixes need
//! remarks; units are `working_days`, `calendar_days` or `months`; periods are
//! 1–366 units; reception hours are `HH:MM` with opening before closing; every
//! entry cites its clause and quotes the seed.

use std::fmt::Write as _;

use serde_json::Value;

use crate::gen::{self, lit, Problems};

const CATEGORIES: &[&str] = &["I", "II", "III", "IV"];
const STEPS: &[(&str, &str)] = &[
    ("completeness", "StepKind::Completeness"),
    ("decision", "StepKind::Decision"),
    ("remarks", "StepKind::Remarks"),
    ("fixes", "StepKind::Fixes"),
];
const UNITS: &[(&str, &str)] = &[
    ("working_days", "Unit::WorkingDays"),
    ("calendar_days", "Unit::CalendarDays"),
    ("months", "Unit::Months"),
];

fn rust_name(s: &str) -> String {
    s.split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

/// Seconds since midnight of `HH:MM`.
fn clock(s: &str) -> Option<u32> {
    let (h, m) = s.split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (s.len() == 5 && h < 24 && m < 60).then_some(h * 3600 + m * 60)
}

/// The services of an edition with their actions and categories.
type Offered = Vec<(String, Vec<String>, Vec<String>)>;

/// `(edition, [(service, [actions], [categories])])` offered according to
/// `data/editions.json`.
fn offers() -> Vec<(String, Offered)> {
    let json = gen::read_json("data/editions.json");
    let strings = |v: Option<&Value>| -> Vec<String> {
        v.and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|x| x.as_str().map(str::to_owned))
            .collect()
    };
    json.get("editions")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|e| {
            let id = e.get("id").and_then(Value::as_str).unwrap_or("").to_owned();
            let services = e
                .get("services")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .map(|s| {
                    let name = s.get("service").and_then(Value::as_str).unwrap_or("");
                    (
                        name.to_owned(),
                        strings(s.get("actions")),
                        strings(s.get("categories")),
                    )
                })
                .collect();
            (id, services)
        })
        .collect()
}

pub fn generate(p: &mut Problems) -> String {
    let path = "data/sla.json";
    let json = gen::read_json(path);
    let Some(root) = gen::object(&json, path, p) else {
        return String::new();
    };
    gen::known_keys(root, &["counting", "editions"], path, p);
    let offers = offers();
    let mut out = format!(
        "/// How periods are counted (`counting` of `data/sla.json`).\npub(crate) const COUNTING: &str = {};\n\n/// Deadlines per edition.\npub(crate) static EDITION_SLAS: &[EditionSla] = &[\n",
        lit(gen::string(root, "counting", path, p))
    );
    let mut seen_editions = Vec::new();
    for (i, e) in gen::items(root, "editions") {
        let place = format!("{path}: editions[{i}]");
        let Some(o) = gen::object(e, &place, p) else {
            continue;
        };
        gen::known_keys(o, &["edition", "reception", "steps", "no_terms"], &place, p);
        let id = gen::string(o, "edition", &place, p);
        let Some((_, offered)) = offers.iter().find(|(e, _)| e == id) else {
            p.add(&place, format!("edition {id} is not in data/editions.json"));
            continue;
        };
        if seen_editions.contains(&id) {
            p.add(&place, format!("edition {id} listed twice"));
        }
        seen_editions.push(id);

        let mut reception = String::new();
        let mut received: Vec<&str> = Vec::new();
        for (j, r) in gen::items(o, "reception") {
            let place = format!("{place}.reception[{j}]");
            let Some(r) = gen::object(r, &place, p) else {
                continue;
            };
            gen::known_keys(
                r,
                &["service", "open", "close", "assumed", "clause", "quote"],
                &place,
                p,
            );
            let service = gen::string(r, "service", &place, p);
            if !offered.iter().any(|(s, _, _)| s == service) {
                p.add(&place, format!("{id} does not offer {service}"));
            }
            if received.contains(&service) {
                p.add(&place, format!("reception of {service} given twice"));
            }
            received.push(service);
            let open = clock(gen::string(r, "open", &place, p));
            let close = clock(gen::string(r, "close", &place, p));
            let (open, close) = match (open, close) {
                (Some(o), Some(c)) if o < c => (o, c),
                _ => {
                    p.add(&place, "open/close must be HH:MM with open before close");
                    (0, 0)
                }
            };
            let assumed = match r.get("assumed") {
                None => false,
                Some(v) => v.as_bool().unwrap_or_else(|| {
                    p.add(&place, "assumed must be true or false");
                    false
                }),
            };
            gen::string(r, "quote", &place, p);
            let _ = write!(
                reception,
                "Reception {{ service: Service::{}, open: {open}, close: {close}, assumed: {assumed}, clause: {} }}, ",
                rust_name(service),
                lit(gen::string(r, "clause", &place, p))
            );
        }
        for (s, _, _) in offered {
            if !received.contains(&s.as_str()) {
                p.add(&place, format!("no reception hours for {s}"));
            }
        }

        let mut steps = String::new();
        // (service, action, category, step) covered so far.
        let mut covered: Vec<(String, String, String, String)> = Vec::new();
        for (j, s) in gen::items(o, "steps") {
            let place = format!("{place}.steps[{j}]");
            let Some(s) = gen::object(s, &place, p) else {
                continue;
            };
            gen::known_keys(
                s,
                &[
                    "service",
                    "actions",
                    "categories",
                    "step",
                    "n",
                    "unit",
                    "clause",
                    "quote",
                ],
                &place,
                p,
            );
            let service = gen::string(s, "service", &place, p);
            let allowed: &[String] = offered
                .iter()
                .find(|(x, _, _)| x == service)
                .map(|(_, a, _)| a.as_slice())
                .unwrap_or(&[]);
            if allowed.is_empty() {
                p.add(&place, format!("{id} does not offer {service}"));
            }
            let list = |key: &str, p: &mut Problems| -> Vec<String> {
                let v: Vec<String> = s
                    .get(key)
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .filter_map(|x| x.as_str().map(str::to_owned))
                    .collect();
                if v.is_empty() {
                    p.add(&place, format!("{key} must list at least one value"));
                }
                v
            };
            let actions = list("actions", p);
            let categories = list("categories", p);
            for a in &actions {
                if !allowed.contains(a) {
                    p.add(&place, format!("{id} does not offer {service}/{a}"));
                }
            }
            for c in &categories {
                if !CATEGORIES.contains(&c.as_str()) {
                    p.add(&place, format!("unknown category {c}"));
                }
            }
            let step = gen::string(s, "step", &place, p);
            let step_rust = STEPS.iter().find(|(n, _)| *n == step).map(|(_, r)| *r);
            let unit = gen::string(s, "unit", &place, p);
            let unit_rust = UNITS.iter().find(|(n, _)| *n == unit).map(|(_, r)| *r);
            let (Some(step_rust), Some(unit_rust)) = (step_rust, unit_rust) else {
                p.add(&place, format!("unknown step {step:?} or unit {unit:?}"));
                continue;
            };
            let n = s.get("n").and_then(Value::as_u64).unwrap_or(0);
            if !(1..=366).contains(&n) {
                p.add(&place, "n must be an integer 1–366");
            }
            gen::string(s, "quote", &place, p);
            for a in &actions {
                for c in &categories {
                    let key = (service.to_owned(), a.clone(), c.clone(), step.to_owned());
                    if covered.contains(&key) {
                        p.add(&place, format!("{service}/{a}/{c}: {step} given twice"));
                    }
                    covered.push(key);
                }
            }
            let _ = write!(
                steps,
                "\n            Step {{ service: Service::{}, actions: &[{}], categories: &[{}], kind: {step_rust}, n: {n}, unit: {unit_rust}, clause: {} }},",
                rust_name(service),
                actions
                    .iter()
                    .map(|a| format!("Action::{}", rust_name(a)))
                    .collect::<Vec<_>>()
                    .join(", "),
                categories
                    .iter()
                    .map(|c| format!("Category::{c}"))
                    .collect::<Vec<_>>()
                    .join(", "),
                lit(gen::string(s, "clause", &place, p))
            );
        }
        // Services for which the edition sets no terms at all (with the clause
        // that shows it): no decision period is required of them.
        let mut without_terms: Vec<&str> = Vec::new();
        for (j, n) in gen::items(o, "no_terms") {
            let place = format!("{place}.no_terms[{j}]");
            let Some(n) = gen::object(n, &place, p) else {
                continue;
            };
            gen::known_keys(n, &["service", "clause", "note"], &place, p);
            let service = gen::string(n, "service", &place, p);
            gen::string(n, "clause", &place, p);
            gen::string(n, "note", &place, p);
            if !offered.iter().any(|(s, _, _)| s == service) {
                p.add(&place, format!("{id} does not offer {service}"));
            }
            if covered.iter().any(|(s, _, _, _)| s == service) {
                p.add(&place, format!("{service} has terms and no_terms"));
            }
            without_terms.push(service);
        }
        for (service, actions, categories) in offered {
            if without_terms.contains(&service.as_str()) {
                continue;
            }
            for a in actions {
                for c in categories {
                    let has = |step: &str| {
                        covered
                            .iter()
                            .any(|(s, x, y, z)| s == service && x == a && y == c && z == step)
                    };
                    if !has("decision") {
                        p.add(&place, format!("{service}/{a}/{c}: no decision period"));
                    }
                    if has("fixes") && !has("remarks") {
                        p.add(&place, format!("{service}/{a}/{c}: fixes without remarks"));
                    }
                }
            }
        }
        let _ = writeln!(
            out,
            "    EditionSla {{\n        edition: {},\n        reception: &[{reception}],\n        steps: &[{steps}\n        ],\n    }},",
            lit(id)
        );
    }
    for (e, _) in &offers {
        if !seen_editions.contains(&e.as_str()) {
            p.add(path, format!("no deadlines for edition {e}"));
        }
    }
    out.push_str("];\n");
    out
}
