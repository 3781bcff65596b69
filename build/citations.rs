//! `data/citations.json` → the citations table (`citations.rs`): for every basis
//! string the rules emit (`almaty_oblast_2012 PR §11.1.1`), its act and its typed
//! clauses, from which `src/citations.rs` writes the localized citation
//! («п. 11.1.1 Регламента …», «…регламентінің 11.1.1-тармағы»).
//!
//! Checked: every act a clause names exists and has the form the clause needs
//! (`of` with clauses, `name` without), no basis or act twice, every clause
//! reference names at least one level, ranges and lists are not empty.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Deserialize;

use crate::gen::{self, lit, Localized, Problems, Text};

const FILE: &str = "data/citations.json";

/// The order of the levels, outermost first (the generated table and
/// `src/citations.rs` use these indices).
pub const LEVELS: [&str; 9] = [
    "app",
    "blank_app",
    "table",
    "step",
    "art",
    "p",
    "part",
    "subp",
    "cond",
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // notes are for the reader
struct File {
    notes: String,
    derived: Localized,
    levels: BTreeMap<String, Level>,
    acts: Vec<Act>,
    clauses: Vec<Clause>,
    /// Bases that rule code names by a key rather than reading them from its own
    /// data file (`transition.old_permit_valid` → `eco_code_2021 art. 418 p. 8`).
    rules: BTreeMap<String, Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Level {
    one: Localized,
    many: Localized,
    of_one: Localized,
    of_many: Localized,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Act {
    id: String,
    /// Languages whose title is our translation, not the published text.
    #[serde(default)]
    translated: Vec<String>,
    of: Option<Localized>,
    name: Option<Localized>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // quote, note and unverified are read by the docs table test
struct Clause {
    basis: Text,
    act: String,
    #[serde(default)]
    at: Vec<BTreeMap<String, Num>>,
    quote: Option<Text>,
    note: Option<Text>,
    /// Why the clause has no quote (its text was not obtained), e.g. the
    /// holidays law known from secondary publications only.
    unverified: Option<Text>,
}

/// A clause number: `"11.1.1"`, a range `{ "from": "6", "to": "8" }` or a list
/// of either.
#[derive(Deserialize)]
#[serde(untagged)]
enum Num {
    One(Text),
    Range { from: Text, to: Text },
    List(Vec<Num>),
}

fn localized(l: &Localized) -> String {
    l.rust()
}

fn num(n: &Num, place: &str, p: &mut Problems) -> String {
    match n {
        Num::One(s) => format!("Num::One({})", lit(s)),
        Num::Range { from, to } => format!("Num::Range({}, {})", lit(from), lit(to)),
        Num::List(items) => {
            if items.len() < 2 {
                p.add(place, "a list of clause numbers needs at least two");
            }
            if items.iter().any(|i| matches!(i, Num::List(_))) {
                p.add(place, "a list inside a list");
            }
            let parts: Vec<String> = items.iter().map(|i| num(i, place, p)).collect();
            format!("Num::List(&[{}])", parts.join(", "))
        }
    }
}

pub fn generate(p: &mut Problems) -> String {
    let Some(file) = gen::load::<File>(FILE, p) else {
        return String::new();
    };
    let mut out = String::new();
    // Levels, in the fixed order.
    out.push_str("static LEVELS: [LevelForms; 9] = [\n");
    for name in LEVELS {
        match file.levels.get(name) {
            Some(l) => {
                let _ = writeln!(
                    out,
                    "    LevelForms {{ one: {}, many: {}, of_one: {}, of_many: {} }},",
                    localized(&l.one),
                    localized(&l.many),
                    localized(&l.of_one),
                    localized(&l.of_many)
                );
            }
            None => p.add(
                &format!("{FILE}: /levels"),
                format!("missing level `{name}`"),
            ),
        }
    }
    out.push_str("];\n");
    for name in file.levels.keys() {
        if !LEVELS.contains(&name.as_str()) {
            p.add(&format!("{FILE}: /levels/{name}"), "unknown level");
        }
    }
    let _ = writeln!(
        out,
        "static DERIVED: crate::lang::Localized = {};",
        localized(&file.derived)
    );
    for (lang, t) in [
        ("kk", &file.derived.kk),
        ("ru", &file.derived.ru),
        ("en", &file.derived.en),
    ] {
        if !t.contains("{clause}") || !t.contains("{source}") {
            p.add(
                &format!("{FILE}: /derived/{lang}"),
                "must use {clause} and {source}",
            );
        }
    }

    // Acts.
    let mut act_index: BTreeMap<&str, usize> = BTreeMap::new();
    out.push_str("static ACTS: &[Act] = &[\n");
    for (i, a) in file.acts.iter().enumerate() {
        if act_index.insert(a.id.as_str(), i).is_some() {
            p.add(
                &format!("{FILE}: /acts/{i}/id"),
                format!("act `{}` twice", a.id),
            );
        }
        for lang in &a.translated {
            if !["kk", "ru"].contains(&lang.as_str()) {
                p.add(
                    &format!("{FILE}: /acts/{i}/translated"),
                    format!("`{lang}`: kk or ru (English titles are always ours)"),
                );
            }
        }
        let opt = |l: &Option<Localized>| {
            l.as_ref()
                .map_or("None".to_owned(), |l| format!("Some({})", localized(l)))
        };
        let _ = writeln!(
            out,
            "    Act {{ of: {}, name: {} }},",
            opt(&a.of),
            opt(&a.name)
        );
    }
    out.push_str("];\n");

    // Clauses, sorted by basis.
    let mut rows: BTreeMap<&str, String> = BTreeMap::new();
    for (i, c) in file.clauses.iter().enumerate() {
        let place = format!("{FILE}: /clauses/{i}");
        let Some(&act) = act_index.get(c.act.as_str()) else {
            p.add(&format!("{place}/act"), format!("unknown act `{}`", c.act));
            continue;
        };
        let a = &file.acts[act];
        if c.at.is_empty() && a.name.is_none() {
            p.add(
                &place,
                format!("act `{}` has no `name` for a basis without clauses", c.act),
            );
        }
        if !c.at.is_empty() && a.of.is_none() {
            p.add(
                &place,
                format!("act `{}` has no `of` form for clauses", c.act),
            );
        }
        if c.quote.is_some() && c.unverified.is_some() {
            p.add(
                &place,
                "a clause is either quoted or `unverified`, not both",
            );
        }
        let mut refs = Vec::new();
        for (j, r) in c.at.iter().enumerate() {
            let rplace = format!("{place}/at/{j}");
            if r.is_empty() {
                p.add(&rplace, "a clause reference names no level");
            }
            let mut levels = Vec::new();
            for (k, name) in LEVELS.iter().enumerate() {
                if let Some(n) = r.get(*name) {
                    levels.push(format!("({k}, {})", num(n, &rplace, p)));
                }
            }
            for name in r.keys() {
                if !LEVELS.contains(&name.as_str()) {
                    p.add(&format!("{rplace}/{name}"), "unknown level");
                }
            }
            refs.push(format!("&[{}]", levels.join(", ")));
        }
        let row = format!("    ({}, {act}, &[{}]),", lit(&c.basis), refs.join(", "));
        if rows.insert(&c.basis, row).is_some() {
            p.add(
                &format!("{place}/basis"),
                format!("basis `{}` twice", &*c.basis),
            );
        }
    }
    out.push_str("static CLAUSES: &[Row] = &[\n");
    for row in rows.values() {
        out.push_str(row);
        out.push('\n');
    }
    out.push_str("];\n");

    // Named bases, sorted by key: (key, source, clause).
    out.push_str("static RULES: &[(&str, &str, &str)] = &[\n");
    for (key, basis) in &file.rules {
        if !rows.contains_key(&**basis) {
            p.add(
                &format!("{FILE}: /rules/{key}"),
                format!("`{}` is not in /clauses", &**basis),
            );
        }
        let (source, clause) = basis.split_once(' ').unwrap_or((basis, ""));
        let _ = writeln!(out, "    ({}, {}, {}),", lit(key), lit(source), lit(clause));
    }
    out.push_str("];\n");
    out
}
