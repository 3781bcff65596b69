//! The terms table: the localized name of every thing a message may name — a
//! document, a fact (as the question asking for it), a regulation edition (its
//! short name), a region, and the closed-set values of `data/messages/terms.json`
//! (JSON types and errors, services, actions, channels).
//!
//! One table for the whole crate, generated from the rule data by
//! `build/terms.rs`, so the message renderer (`findings`) names things without
//! knowing the domain modules, and the domain modules take their names from here
//! (each name is stored once). A leaf: it depends on nothing but [`crate::lang`].
//!
//! ```
//! use kz_eco_rules::findings::catalog::term;
//! use kz_eco_rules::Lang;
//! assert_eq!(term("region", "almaty_city", Lang::En), Some("City of Almaty"));
//! assert_eq!(term("service", "no_such", Lang::En), None);
//! ```

use crate::lang::{Lang, Localized};

include!(concat!(env!("OUT_DIR"), "/terms.rs"));

/// Kind of the names of documents.
pub(crate) const DOCUMENT: &str = "document";
/// Kind of the questions of facts.
pub(crate) const FACT: &str = "fact";
/// Kind of the short names of editions.
pub(crate) const EDITION: &str = "edition";
/// Kind of the names of regions.
pub(crate) const REGION: &str = "region";

/// The names of `id` of `kind` in kk/ru/en.
pub(crate) fn names(kind: &str, id: &str) -> Option<&'static Localized> {
    let found = TERMS
        .binary_search_by(|(k, i, _)| (*k, *i).cmp(&(kind, id)))
        .ok()
        .and_then(|i| TERMS.get(i))
        .map(|(_, _, names)| names);
    #[cfg(not(target_arch = "wasm32"))]
    let found = found.or_else(|| registered(kind, id));
    found
}

/// Names registered at run time (native): those of the editions
/// `editions::load` registers.
#[cfg(not(target_arch = "wasm32"))]
static REGISTERED: std::sync::Mutex<Vec<(&'static str, &'static str, &'static Localized)>> =
    std::sync::Mutex::new(Vec::new());

/// Adds the names of `id` of `kind` (values live as long as the process).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn register(kind: &'static str, id: &'static str, names: Localized) {
    if let Ok(mut list) = REGISTERED.lock() {
        list.push((kind, id, Box::leak(Box::new(names))));
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn registered(kind: &str, id: &str) -> Option<&'static Localized> {
    let list = REGISTERED.lock().ok()?;
    list.iter()
        .find(|(k, i, _)| *k == kind && *i == id)
        .map(|(_, _, n)| *n)
}

/// The name of `id` of `kind` in `lang`.
pub(crate) fn name(kind: &str, id: &str, lang: Lang) -> Option<&'static str> {
    names(kind, id).map(|n| n.get(lang))
}

/// Every row `(kind, id, names)`, sorted by kind then id.
#[cfg(test)]
pub(crate) fn all() -> &'static [(&'static str, &'static str, Localized)] {
    TERMS
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test(unsupported = test)]
    fn the_table_is_sorted_unique_and_complete() {
        assert!(all()
            .windows(2)
            .all(|w| (w[0].0, w[0].1) < (w[1].0, w[1].1)));
        for (kind, id, names) in all() {
            for lang in Lang::ALL {
                assert!(!names.get(lang).trim().is_empty(), "{kind} {id} {lang:?}");
            }
        }
        for kind in [DOCUMENT, FACT, EDITION, REGION, "json_type", "service"] {
            assert!(all().iter().any(|(k, _, _)| *k == kind), "{kind}");
        }
        assert_eq!(name(REGION, "almaty_city", Lang::Ru), Some("город Алматы"));
        assert_eq!(name(REGION, "almaty", Lang::Ru), None);
        assert_eq!(name("no_such_kind", "almaty_city", Lang::Ru), None);
    }
}
