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
    derived: Derived,
    levels: BTreeMap<String, Level>,
    acts: Vec<Act>,
    clauses: Vec<Clause>,
    /// Bases that rule code names by a key rather than reading them from its own
    /// data file (`transition.old_permit_valid` → `eco_code_2021 art. 418 p. 8`).
    rules: BTreeMap<String, Text>,
}

/// How a chain cites its source (`{clause}`, `{source}`): a list of documents
/// taken from another edition, or that edition's grounds for refusal.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Derived {
    list: Localized,
    refusal: Localized,
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
#[allow(dead_code)] // quote, note, unverified and no_clause are read by the docs table test
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
    /// Why the basis is not a clause at all: a check no clause states (a
    /// consistency check of the application's data), cited by its act's `name`.
    no_clause: Option<Text>,
    /// A ground for refusal: a chain whose source it is cites it with the
    /// `derived.refusal` wording, not as a list of documents.
    #[serde(default)]
    refusal_ground: bool,
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

/// The number as the citation writes it (`11.1.1`, `5.8–5.9`, `3, 4`), and
/// whether it is more than one (a list or a range).
fn num(n: &Num, place: &str, p: &mut Problems) -> (String, bool) {
    match n {
        Num::One(s) => (s.to_string(), false),
        Num::Range { from, to } => (format!("{}–{}", &**from, &**to), true),
        Num::List(items) => {
            if items.len() < 2 {
                p.add(place, "a list of clause numbers needs at least two");
            }
            if items.iter().any(|i| matches!(i, Num::List(_))) {
                p.add(place, "a list inside a list");
            }
            let parts: Vec<String> = items.iter().map(|i| num(i, place, p).0).collect();
            (parts.join(", "), true)
        }
    }
}

/// A row of the text tables as a `u16` (the compact tables store rows so).
fn row(l: &Localized, place: &str, p: &mut Problems) -> usize {
    let row = l.row();
    if row >= usize::from(u16::MAX) {
        p.add(place, "more text rows than a u16 holds");
    }
    row
}

/// The separators of chains and of levels in the stored references (as in
/// `src/citations.rs`); no clause number may contain them.
const CHAIN_SEPARATOR: char = '\u{1e}';
const LEVEL_SEPARATOR: char = '\u{1f}';

pub fn generate(p: &mut Problems) -> String {
    let Some(file) = gen::load::<File>(FILE, p) else {
        return String::new();
    };
    let mut out = String::new();
    // Levels, in the fixed order: rows of one, many, of_one, of_many.
    out.push_str("static LEVELS: [LevelForms; 9] = [\n");
    for name in LEVELS {
        let place = format!("{FILE}: /levels/{name}");
        match file.levels.get(name) {
            Some(l) => {
                let _ = writeln!(
                    out,
                    "    [{}, {}, {}, {}],",
                    row(&l.one, &place, p),
                    row(&l.many, &place, p),
                    row(&l.of_one, &place, p),
                    row(&l.of_many, &place, p)
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
        "/// The text row of a derived list's citation.\nconst DERIVED: u32 = {};\n\
         /// The text row of a chain citing another edition's grounds for refusal.\n\
         const DERIVED_REFUSAL: u32 = {};",
        file.derived.list.row(),
        file.derived.refusal.row()
    );
    for (kind, l) in [
        ("list", &file.derived.list),
        ("refusal", &file.derived.refusal),
    ] {
        for (lang, t) in [("kk", &l.kk), ("ru", &l.ru), ("en", &l.en)] {
            if !t.contains("{clause}") || !t.contains("{source}") {
                p.add(
                    &format!("{FILE}: /derived/{kind}/{lang}"),
                    "must use {clause} and {source}",
                );
            }
        }
    }

    // Acts: rows of `of` and `name`, `NO_TEXT` for none.
    let mut act_index: BTreeMap<&str, usize> = BTreeMap::new();
    let _ = writeln!(out, "static ACTS: [Act; {}] = [", file.acts.len());
    for (i, a) in file.acts.iter().enumerate() {
        let place = format!("{FILE}: /acts/{i}");
        if act_index.insert(a.id.as_str(), i).is_some() {
            p.add(&format!("{place}/id"), format!("act `{}` twice", a.id));
        }
        for lang in &a.translated {
            if !["kk", "ru"].contains(&lang.as_str()) {
                p.add(
                    &format!("{FILE}: /acts/{i}/translated"),
                    format!("`{lang}`: kk or ru (English titles are always ours)"),
                );
            }
        }
        let mut opt = |l: &Option<Localized>| {
            l.as_ref()
                .map_or("NO_TEXT".to_owned(), |l| row(l, &place, p).to_string())
        };
        let of = opt(&a.of);
        let name = opt(&a.name);
        let _ = writeln!(out, "    ({of}, {name}),");
    }
    out.push_str("];\n");
    if file.acts.len() > usize::from(u8::MAX) {
        p.add(FILE, "more acts than a u8 holds");
    }

    // Clauses, sorted by basis: (act, references as stored).
    let mut rows: BTreeMap<&str, (usize, String, bool)> = BTreeMap::new();
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
        let texts = [
            c.quote.is_some(),
            c.unverified.is_some(),
            c.no_clause.is_some(),
        ];
        if texts.iter().filter(|t| **t).count() > 1 {
            p.add(
                &place,
                "a clause is quoted, `unverified` or `no_clause`: one of them",
            );
        }
        if c.no_clause.is_some() && !c.at.is_empty() {
            p.add(&place, "a basis with `no_clause` names no clause (`at`)");
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
                    let (text, many) = num(n, &rplace, p);
                    if text.is_empty() || text.contains([CHAIN_SEPARATOR, LEVEL_SEPARATOR]) {
                        p.add(&format!("{rplace}/{name}"), "an empty or unreadable number");
                    }
                    levels.push(format!("{k}{}{text}", u8::from(many)));
                }
            }
            for name in r.keys() {
                if !LEVELS.contains(&name.as_str()) {
                    p.add(&format!("{rplace}/{name}"), "unknown level");
                }
            }
            refs.push(levels.join(&LEVEL_SEPARATOR.to_string()));
        }
        let stored = refs.join(&CHAIN_SEPARATOR.to_string());
        if c.refusal_ground && c.at.is_empty() {
            p.add(&place, "a refusal ground names its clause (`at`)");
        }
        if rows
            .insert(&c.basis, (act, stored, c.refusal_ground))
            .is_some()
        {
            p.add(
                &format!("{place}/basis"),
                format!("basis `{}` twice", &*c.basis),
            );
        }
    }
    // Compact: the bases and the references each in one string with the end of
    // each row as a `u16`, the acts as `u8` — instead of pointers and lengths.
    let (mut bases, mut basis_ends, mut acts, mut refs, mut ref_ends, mut grounds) = (
        String::new(),
        Vec::new(),
        Vec::new(),
        String::new(),
        Vec::new(),
        Vec::new(),
    );
    for (i, (basis, (act, stored, ground))) in rows.iter().enumerate() {
        if *ground {
            grounds.push(i);
        }
        bases.push_str(basis);
        basis_ends.push(bases.len());
        acts.push(*act);
        refs.push_str(stored);
        ref_ends.push(refs.len());
    }
    if bases.len() > usize::from(u16::MAX) || refs.len() > usize::from(u16::MAX) {
        p.add(FILE, "the clauses table exceeds 65 535 bytes");
    }
    let n = rows.len();
    out.push_str("/// Every basis of the table, sorted, one after the other.\n");
    let _ = writeln!(out, "static BASES: &str = {};", lit(&bases));
    out.push_str("/// Where each basis ends in [`BASES`].\n");
    let _ = writeln!(out, "static BASIS_ENDS: [u16; {n}] = {basis_ends:?};");
    out.push_str("/// Each basis's act (index into [`ACTS`]).\n");
    let _ = writeln!(out, "static CLAUSE_ACTS: [u8; {n}] = {acts:?};");
    out.push_str(
        "/// Each basis's clause references: chains separated by `CHAIN_SEPARATOR`,\n\
         /// levels by `LEVEL_SEPARATOR` (see `level`); empty for the act alone.\n",
    );
    let _ = writeln!(out, "static REFS: &str = {};", lit(&refs));
    out.push_str("/// Where each basis's references end in [`REFS`].\n");
    let _ = writeln!(out, "static REF_ENDS: [u16; {n}] = {ref_ends:?};");
    out.push_str("/// The rows of the grounds for refusal (`refusal_ground`), sorted.\n");
    let _ = writeln!(
        out,
        "static REFUSAL_GROUNDS: [u16; {}] = {grounds:?};",
        grounds.len()
    );

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
