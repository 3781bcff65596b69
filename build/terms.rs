//! `data/documents/definitions.json`, `data/editions.json` and
//! `data/messages/terms.json` → the terms table (`terms.rs`): the localized name of
//! every thing a message may name, one row per `(kind, id)`, sorted.
//!
//! Kinds: `document` (its name), `fact` (the question asking for it), `edition`
//! (its short name), `region` (its name), and each kind of `terms.json`
//! (`json_type`, `service`, …). Checked: three non-empty languages (`gen::Localized`),
//! no `(kind, id)` twice, `terms.json` not redefining a kind read from the rule data.
//!
//! Reads only the fields it needs and ignores the others (the generators of those
//! files check them).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Deserialize;

use crate::gen::{self, Localized, Problems};

const DEFINITIONS: &str = "data/documents/definitions.json";
const EDITIONS: &str = "data/editions.json";
const TERMS: &str = "data/messages/terms.json";

#[derive(Deserialize)]
struct Definitions {
    documents: Vec<Document>,
    facts: Vec<Fact>,
}

#[derive(Deserialize)]
struct Document {
    id: String,
    names: Localized,
}

#[derive(Deserialize)]
struct Fact {
    id: String,
    question: Localized,
}

#[derive(Deserialize)]
struct Editions {
    regions: Vec<Region>,
    editions: Vec<Edition>,
    /// Periods of law with no edition: named like editions in messages.
    #[serde(default)]
    unlisted: Vec<Unlisted>,
}

#[derive(Deserialize)]
struct Unlisted {
    id: String,
    names: Localized,
}

#[derive(Deserialize)]
struct Region {
    id: String,
    names: Localized,
}

#[derive(Deserialize)]
struct Edition {
    id: String,
    short_names: Localized,
}

/// `terms.json`: kind → id → names.
type Terms = BTreeMap<String, BTreeMap<String, Localized>>;

pub fn generate(p: &mut Problems) -> String {
    let mut rows: Vec<(String, String, Localized)> = Vec::new();
    if let Some(d) = gen::load::<Definitions>(DEFINITIONS, p) {
        rows.extend(
            d.documents
                .into_iter()
                .map(|x| ("document".into(), x.id, x.names)),
        );
        rows.extend(
            d.facts
                .into_iter()
                .map(|x| ("fact".into(), x.id, x.question)),
        );
    }
    if let Some(e) = gen::load::<Editions>(EDITIONS, p) {
        rows.extend(
            e.regions
                .into_iter()
                .map(|x| ("region".into(), x.id, x.names)),
        );
        rows.extend(
            e.editions
                .into_iter()
                .map(|x| ("edition".into(), x.id, x.short_names)),
        );
        rows.extend(
            e.unlisted
                .into_iter()
                .map(|x| ("edition".into(), x.id, x.names)),
        );
    }
    if let Some(terms) = gen::load::<Terms>(TERMS, p) {
        for (kind, ids) in terms {
            if ["document", "fact", "region", "edition"].contains(&kind.as_str()) {
                p.add(TERMS, format!("{kind}: named by the rule data, not here"));
            }
            rows.extend(ids.into_iter().map(|(id, names)| (kind.clone(), id, names)));
        }
    }
    rows.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));

    // Compact: the ids in one string with each row's end offset as a `u16`, the
    // kinds as ranges of rows, and the names as consecutive rows of the text
    // tables (row `FIRST_TEXT + i`) — 2 bytes a row instead of 40 bytes of
    // pointers, lengths and a `Localized`.
    let mut ids = String::new();
    let mut ends = Vec::new();
    let mut kinds: Vec<(&str, usize)> = Vec::new();
    let mut first_text = None;
    for (i, (kind, id, names)) in rows.iter().enumerate() {
        let place = format!("term {kind} {id:?}");
        if i > 0 && rows.get(i - 1).is_some_and(|r| (&r.0, &r.1) == (kind, id)) {
            p.add(&place, "named twice");
        }
        if kinds.last().is_none_or(|(k, _)| k != kind) {
            kinds.push((kind, i));
        }
        ids.push_str(id);
        ends.push(ids.len());
        let row = names.row();
        let first = *first_text.get_or_insert(row);
        if row != first + i {
            p.add(&place, "the names' text rows are not consecutive");
        }
    }
    if ids.len() > usize::from(u16::MAX) {
        p.add(TERMS, "the ids of the terms table exceed 65 535 bytes");
    }
    let mut out =
        String::from("/// Every row's id, one after the other (sorted by kind, then id).\n");
    let _ = writeln!(out, "static IDS: &str = {};", gen::lit(&ids));
    out.push_str("/// Where each row's id ends in [`IDS`].\n");
    let _ = writeln!(out, "static ENDS: [u16; {}] = {:?};", ends.len(), ends);
    out.push_str("/// Each kind and its first row, in order.\n");
    let _ = writeln!(out, "static KINDS: [(&str, u16); {}] = [", kinds.len());
    for (kind, start) in &kinds {
        let _ = writeln!(out, "    ({kind:?}, {start}),");
    }
    out.push_str("];\n/// The text row of the names of row 0; row `i`'s is `FIRST_TEXT + i`.\n");
    let _ = writeln!(out, "const FIRST_TEXT: u32 = {};", first_text.unwrap_or(0));
    out
}
