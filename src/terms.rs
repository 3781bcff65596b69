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
pub(crate) fn names(kind: &str, id: &str) -> Option<Localized> {
    let found = find(kind, id).map(|row| Localized::table(FIRST_TEXT + row as u32));
    #[cfg(not(target_arch = "wasm32"))]
    let found = found.or_else(|| registered(kind, id));
    found
}

/// Row `row`'s id.
fn id_of(row: usize) -> &'static str {
    let start = match row.checked_sub(1) {
        Some(before) => ENDS.get(before).copied().unwrap_or(0),
        None => 0,
    };
    let end = ENDS.get(row).copied().unwrap_or(start);
    IDS.get(usize::from(start)..usize::from(end)).unwrap_or("")
}

/// The row of `(kind, id)` in the generated table: the kind's range of rows,
/// then a binary search of the ids in it.
fn find(kind: &str, id: &str) -> Option<usize> {
    let at = KINDS.iter().position(|(k, _)| *k == kind)?;
    let start = usize::from(KINDS.get(at)?.1);
    let end = KINDS
        .get(at + 1)
        .map_or(ENDS.len(), |(_, first)| usize::from(*first));
    let (mut lo, mut hi) = (start, end);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        match id_of(mid).cmp(id) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return Some(mid),
        }
    }
    None
}

/// Names registered at run time (native): those of the editions
/// `editions::load` registers.
#[cfg(not(target_arch = "wasm32"))]
static REGISTERED: std::sync::Mutex<Vec<(&'static str, &'static str, Localized)>> =
    std::sync::Mutex::new(Vec::new());

/// Adds the names of `id` of `kind` (values live as long as the process).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn register(kind: &'static str, id: &'static str, names: Localized) {
    if let Ok(mut list) = REGISTERED.lock() {
        list.push((kind, id, names));
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn registered(kind: &str, id: &str) -> Option<Localized> {
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
pub(crate) fn all() -> Vec<(&'static str, &'static str, Localized)> {
    (0..ENDS.len())
        .map(|row| {
            let kind = KINDS
                .iter()
                .rev()
                .find(|(_, first)| usize::from(*first) <= row)
                .map_or("", |(k, _)| *k);
            (kind, id_of(row), Localized::table(FIRST_TEXT + row as u32))
        })
        .collect()
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
        for (kind, id, text) in all() {
            assert!(names(kind, id) == Some(text), "{kind} {id}");
            for lang in Lang::ALL {
                assert!(!text.get(lang).trim().is_empty(), "{kind} {id} {lang:?}");
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
