//! The form build without the repealed editions' rules: with the crate's
//! `repealed-editions` feature off on a wasm target (the package's form entry),
//! the generators read the data files without what only the repealed editions
//! use — their document lists, deadlines, application blanks, category tables,
//! ИИН/БИН and EDS clauses, and the citations of their acts — so neither the
//! wasm nor its language packs carry them. What an application under the law in
//! force may still name stays whole: the edition registry (every edition's id,
//! scope, period and names: selecting an edition and the findings that list
//! editions answer as in the full build; of a left-out edition only these)
//! and the documents with their names (an application may attach a document of
//! a repealed list, and is told so by its name); the facts only repealed lists
//! ask about go. `editions.rs` lists
//! the editions left out, and an application under one of them gets
//! `editions.not_in_module` instead of a check (DESIGN.md, "The form module
//! checks the law in force").
//!
//! A repealed edition is one whose period has an end (`period.until`). Natively
//! and with the feature on (the default) nothing is left out: the full build
//! checks every file whole, so the data stays valid for both.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use serde_json::Value;

/// True when the build is for a wasm target.
pub fn wasm() -> bool {
    std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32")
}

/// The Rust literal of `text`, a description no rule reads (the editions' acts
/// and notes, the sources of the regions' UTC offsets): empty in the wasm
/// module, which never shows it; kept natively, where the library's users may.
pub fn prose(text: &str) -> String {
    if wasm() {
        "\"\"".to_owned()
    } else {
        crate::gen::lit(text)
    }
}

/// True when this build leaves the repealed editions' rules out.
pub fn active() -> bool {
    wasm() && std::env::var_os("CARGO_FEATURE_REPEALED_EDITIONS").is_none()
}

/// The ids of the editions whose rules this build leaves out (none unless
/// [`active`]).
pub fn left_out() -> &'static [String] {
    static IDS: OnceLock<Vec<String>> = OnceLock::new();
    IDS.get_or_init(|| {
        if !active() {
            return Vec::new();
        }
        let Ok(text) = std::fs::read_to_string("data/editions.json") else {
            return Vec::new();
        };
        let Ok(v) = serde_json::from_str::<Value>(&text) else {
            return Vec::new();
        };
        v["editions"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|e| !e["period"]["until"].is_null())
            .filter_map(|e| e["id"].as_str().map(str::to_owned))
            .collect()
    })
}

/// True when the rules of `edition` are in this build.
pub fn keeps(edition: &str) -> bool {
    !left_out().iter().any(|e| e == edition)
}

/// True when the basis or act id `id` (`almaty_city_2019 PR`, `karaganda_2013
/// App.3`) belongs to an edition left out.
fn of_left_out(id: &str) -> bool {
    left_out().iter().any(|e| {
        id == e
            || id
                .strip_prefix(e.as_str())
                .is_some_and(|r| r.starts_with(' '))
    })
}

/// Keeps the elements of the array at `key` for which `keep` holds.
fn retain(v: &mut Value, key: &str, keep: impl Fn(&Value) -> bool) {
    if let Some(a) = v.get_mut(key).and_then(Value::as_array_mut) {
        a.retain(keep);
    }
}

/// Removes the editions left out from the `editions` array of each element of
/// the array at `key`, and the elements that name none of the kept ones.
fn retain_editions(v: &mut Value, key: &str) {
    if let Some(a) = v.get_mut(key).and_then(Value::as_array_mut) {
        for x in a.iter_mut() {
            retain(x, "editions", |e| e.as_str().is_none_or(keeps));
        }
        a.retain(|x| x["editions"].as_array().is_none_or(|e| !e.is_empty()));
    }
}

/// Every string in `v` (the ids a document list names).
fn strings(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::String(s) => {
            out.insert(s.clone());
        }
        Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        Value::Object(o) => o.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}

/// The facts the kept editions' lists may name (every string in their files),
/// and those the rules need whatever the lists say. A fact only a repealed list
/// asks about changes nothing under the kept ones (an application's answers
/// to other facts are ignored).
fn facts_of_kept_lists() -> BTreeSet<String> {
    let mut out: BTreeSet<String> = crate::documents::BUILT_IN_FACTS
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    let files = std::fs::read_dir("data/documents")
        .into_iter()
        .flatten()
        .flatten();
    for entry in files {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(edition) = name.strip_suffix(".json") else {
            continue;
        };
        if edition == "definitions" || !keeps(edition) {
            continue;
        }
        let text = std::fs::read_to_string(format!("data/documents/{name}")).unwrap_or_default();
        if let Ok(v) = serde_json::from_str::<Value>(&text) {
            strings(&v, &mut out);
        }
    }
    out
}

/// Takes out of the data file `path` (as read) what only the editions left out
/// use.
pub fn filter(path: &str, v: &mut Value) {
    if left_out().is_empty() {
        return;
    }
    match path {
        "data/sla.json" => retain(v, "editions", |e| e["edition"].as_str().is_none_or(keeps)),
        "data/ident.json" | "data/eds.json" => {
            retain(v, "basis", |b| b["edition"].as_str().is_none_or(keeps));
        }
        "data/forms.json" => retain_editions(v, "forms"),
        "data/categories.json" => {
            retain_editions(v, "by_hazard_class");
            retain(v, "not_by_hazard_class", |x| {
                x["edition"].as_str().is_none_or(keeps)
            });
        }
        "data/citations.json" => {
            retain(v, "acts", |a| {
                a["id"].as_str().is_none_or(|id| !of_left_out(id))
            });
            retain(v, "clauses", |c| {
                c["act"].as_str().is_none_or(|id| !of_left_out(id))
            });
            if let Some(rules) = v.get_mut("rules").and_then(Value::as_object_mut) {
                rules.retain(|key, basis| {
                    let edition = key.rsplit_once('@').map(|(_, e)| e);
                    edition.is_none_or(keeps) && basis.as_str().is_none_or(|b| !of_left_out(b))
                });
            }
        }
        "data/documents/definitions.json" => {
            let named = facts_of_kept_lists();
            retain(v, "facts", |x| {
                x["id"].as_str().is_none_or(|id| named.contains(id))
            });
        }
        _ => {}
    }
}
