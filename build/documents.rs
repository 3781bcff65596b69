//! `data/documents/*.json` → the required-document lists (`documents.rs`).
//!
//! `definitions.json` holds the documents (stable id, service, names in kk/ru/en),
//! the facts (names and the question asking for each, in kk/ru/en) and the labels
//! of the printed checklist; `<edition>.json` holds one edition's lists — either
//! `seed` lists (documents with conditions, attributes and clauses) or `derived`
//! lists that take another edition's lists by reference.
//!
//! Checked: every document id, fact, attribute, venue, service, action, category
//! and channel is known; every name and question has three non-empty languages;
//! every list and every document cites a clause; conditions are well-formed; no
//! document twice in a list; every document and fact is used; the editions, their
//! services, actions and channels match `data/editions.json` exactly — one list per
//! edition × service × action × category × channel offered, none for anything else.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{self, Write as _};

use serde::de::{self, Deserialize, Deserializer, MapAccess, Unexpected, Visitor};

use crate::gen::{self, lit, Localized, Problems, Registry, Text};

const DIR: &str = "data/documents";
const SERVICES: &[(&str, &str)] = &[
    ("emission_permit", "Service::EmissionPermit"),
    ("ecological_expertise", "Service::EcologicalExpertise"),
    ("environmental_permit", "Service::EnvironmentalPermit"),
    ("impact_declaration", "Service::ImpactDeclaration"),
];
const ACTIONS: &[(&str, &str)] = &[
    ("issue", "Action::Issue"),
    ("reissue", "Action::Reissue"),
    ("first", "Action::First"),
    ("repeat", "Action::Repeat"),
];
/// The actions of each service.
const ACTION_SERVICE: &[(&str, &str)] = &[
    ("issue", "emission_permit"),
    ("reissue", "emission_permit"),
    ("first", "ecological_expertise"),
    ("repeat", "ecological_expertise"),
    ("issue", "environmental_permit"),
    ("reissue", "environmental_permit"),
    ("issue", "impact_declaration"),
];
const CATEGORIES: &[(&str, &str)] = &[
    ("I", "Category::I"),
    ("II", "Category::II"),
    ("III", "Category::III"),
    ("IV", "Category::IV"),
];
const CHANNELS: &[(&str, &str)] = &[
    ("portal", "Channel::Portal"),
    ("in_person", "Channel::InPerson"),
];
const VENUES: &[(&str, &str)] = &[
    ("provider_office", "\"provider_office\""),
    ("con", "\"con\""),
];
/// Attribute names and their bits (`Attributes` in `src/documents/data.rs`).
const ATTRIBUTES: &[(&str, u8)] = &[
    ("eds_signed", 1),
    ("scanned_copy", 2),
    ("notarised_unless_original_shown", 4),
    ("valid_on_submission", 8),
];
/// Facts the rules read besides list conditions (consts in `src/documents/`).
pub(crate) const BUILT_IN_FACTS: &[&str] = &[
    "original_presented_for_verification",
    "applicant_is_legal_entity",
];
/// Labels the printed checklist needs.
const LABELS: &[&str] = &[
    "required",
    "conditional",
    "not_applicable",
    "eds_signed",
    "scanned_copy",
    "notarised_unless_original_shown",
    "valid_on_submission",
    "provider_office",
    "con",
    "heading",
    "category",
    "basis",
    "question",
    "derived_from",
    "unverified",
    "unverified_law",
    "venues",
    "at_least_one_object",
];

/// `definitions.json`: the documents, the facts and the checklist's labels.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct DefinitionsFile {
    documents: Vec<DocumentDef>,
    facts: Vec<FactDef>,
    /// One label per name of `LABELS`.
    labels: BTreeMap<String, Localized>,
    #[allow(dead_code)]
    note: Option<String>,
}

/// A document that lists may require.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct DocumentDef {
    id: Text,
    service: Text,
    /// Checked here; the terms table (`build/terms.rs`) holds it.
    #[allow(dead_code)]
    names: Localized,
    #[allow(dead_code)]
    note: Option<String>,
}

/// A fact about the application that conditions read.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct FactDef {
    id: Text,
    names: Localized,
    /// Checked here; the terms table (`build/terms.rs`) holds it.
    #[allow(dead_code)]
    question: Localized,
    default: Option<bool>,
    /// Where the fact comes from (for the reader of the data; must be given).
    #[allow(dead_code)]
    source: Text,
}

/// What kind of edition file it is; read first, to choose the file's type.
#[derive(serde::Deserialize)]
struct Head {
    status: Status,
}

#[derive(serde::Deserialize, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum Status {
    /// Lists of its own, read from a seed file (`seed`).
    Seed,
    /// Lists of its own, read from the text of a code (`source`).
    Law,
    /// Another edition's lists, with its own provisions.
    Derived,
}

/// An edition file, of the type its status names.
enum EditionFile {
    Seed(SeedFile),
    Derived(DerivedFile),
}

/// `<edition>.json` with `"status": "seed"`.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedFile {
    edition: Text,
    #[allow(dead_code)]
    status: Status,
    /// The seed file the lists are taken from (`"status": "seed"`).
    seed: Option<Text>,
    /// The code the lists are read from (`"status": "law"`).
    source: Option<Text>,
    #[allow(dead_code)]
    notes: Option<Vec<String>>,
    #[serde(default)]
    lists: Vec<SeedListIn>,
}

/// One list of a seed file.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedListIn {
    service: Text,
    #[serde(default)]
    actions: Vec<String>,
    #[serde(default)]
    categories: Vec<String>,
    channel: Text,
    clause: Text,
    refusal: Text,
    signature: Option<String>,
    /// Portal: why the `signature` clause, which requires electronic filing,
    /// does not state the EDS (the 2021 Code's art. 122 p. 1, art. 89 p. 2): the
    /// EDS findings of the list are then warnings.
    eds_unstated: Option<Text>,
    #[serde(default)]
    venues: Vec<String>,
    /// In person: the clause naming where paper documents are handed in, when it
    /// is not the list's own clause (002 PR §13, GR §13).
    venue_clause: Option<Text>,
    #[serde(default)]
    at_least_one_of: Vec<String>,
    /// The list could not be checked against its source (an order not read).
    #[serde(default)]
    unverified: bool,
    #[serde(default)]
    documents: Vec<RuleDocIn>,
}

/// One document of a seed list.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleDocIn {
    id: Text,
    /// The statute `clause` is of, when not the list's edition (e.g. a document
    /// the Code adds to the regulation's list).
    source: Option<Text>,
    clause: Text,
    #[serde(default)]
    attributes: Vec<String>,
    when: Option<Condition>,
    /// Another reading of the list, chosen by an option: its id and the
    /// condition it puts instead of `when`.
    reading: Option<ReadingIn>,
    #[serde(default)]
    actions: Vec<String>,
    #[allow(dead_code)]
    note: Option<String>,
}

/// A reading of a document's requirement other than the literal list.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ReadingIn {
    id: Text,
    when: Condition,
}

/// The readings a document may have (the ids `options.documents.readings` takes).
pub const READINGS: &[&str] = &["legal_entities_only"];

/// `<edition>.json` with `"status": "derived"`.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct DerivedFile {
    edition: Text,
    #[allow(dead_code)]
    status: Status,
    derived_from: Text,
    unverified: bool,
    /// The edition's own act (for the reader of the data; must be given).
    #[allow(dead_code)]
    reference: Text,
    #[allow(dead_code)]
    notes: Option<Vec<String>>,
    #[serde(default)]
    lists: Vec<DerivedListIn>,
}

/// One list of a derived file: another edition's list, with this edition's
/// provisions.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct DerivedListIn {
    service: Text,
    #[serde(default)]
    actions: Vec<String>,
    channel: Text,
    from_channel: Text,
    clause: Text,
    refusal: Text,
    signature: Option<String>,
    expiry: Option<String>,
    /// The actions the expiry clause covers (all when empty).
    #[serde(default)]
    expiry_actions: Vec<String>,
    /// The categories the expiry clause covers (all when empty).
    #[serde(default)]
    expiry_categories: Vec<String>,
    #[serde(default)]
    venues: Vec<String>,
}

/// When a document is required: `true`, a fact's name, `{"not": c}`, or
/// `{"all": [c, c, …]}` / `{"any": [c, c, …]}` with at least two conditions.
enum Condition {
    Always,
    Fact(String),
    Not(Box<Condition>),
    All(Vec<Condition>),
    Any(Vec<Condition>),
}

impl<'de> Deserialize<'de> for Condition {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Condition, D::Error> {
        d.deserialize_any(ConditionVisitor)
    }
}

struct ConditionVisitor;

impl<'de> Visitor<'de> for ConditionVisitor {
    type Value = Condition;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a condition: true, a fact name, all, any (with ≥ 2 items) or not")
    }

    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Condition, E> {
        if b {
            Ok(Condition::Always)
        } else {
            Err(E::invalid_value(Unexpected::Bool(b), &self))
        }
    }

    fn visit_str<E: de::Error>(self, fact: &str) -> Result<Condition, E> {
        Ok(Condition::Fact(fact.to_owned()))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Condition, A::Error> {
        let Some(op) = map.next_key::<String>()? else {
            return Err(de::Error::invalid_length(0, &self));
        };
        let condition = match op.as_str() {
            "not" => Condition::Not(Box::new(map.next_value()?)),
            "all" | "any" => {
                let items: Vec<Condition> = map.next_value()?;
                if items.len() < 2 {
                    return Err(de::Error::invalid_length(items.len(), &self));
                }
                if op == "all" {
                    Condition::All(items)
                } else {
                    Condition::Any(items)
                }
            }
            other => return Err(de::Error::unknown_field(other, &["all", "any", "not"])),
        };
        if map.next_key::<String>()?.is_some() {
            return Err(de::Error::invalid_length(2, &self));
        }
        Ok(condition)
    }
}

/// The statutes a document's clause may be of instead of the list's edition.
const STATUTES: &[&str] = &["eco_code_2007", "eco_code_2021"];

/// One document of a seed list, as read.
#[derive(Clone)]
struct RuleIn {
    document: usize,
    when: String,
    attributes: u8,
    actions: Vec<&'static str>,
    source: Option<String>,
    /// A reading's id and its condition (as Rust).
    reading: Option<(String, String)>,
    clause: String,
}

/// A seed list, as read.
#[derive(Clone)]
struct SeedList {
    /// Stated by the data: the list could not be checked against its source.
    unverified: bool,
    service: String,
    actions: Vec<&'static str>,
    categories: Vec<&'static str>,
    channel: &'static str,
    clause: String,
    refusal: String,
    signature: String,
    /// False when the signature clause names no EDS (`eds_unstated`).
    eds_stated: bool,
    venues: Vec<&'static str>,
    /// The clause naming the venues, or `""` for the list's own clause.
    venue_clause: String,
    at_least_one_of: Vec<String>,
    rules: Vec<RuleIn>,
}

/// What the generator knows about the definitions.
struct Defs {
    documents: Vec<(String, String)>,
    facts: Vec<String>,
    used_documents: BTreeSet<usize>,
    used_facts: BTreeSet<usize>,
    /// Whether `definitions.json` was read (else the ids above are unknown).
    loaded: bool,
}

fn lookup<'a>(table: &'a [(&'static str, &'a str)], name: &str) -> Option<(&'static str, &'a str)> {
    table.iter().find(|(n, _)| *n == name).copied()
}

/// Values of the field `key` that must be names in `table` (as `&'static` names).
fn names_in(
    values: &[String],
    key: &str,
    table: &[(&'static str, &str)],
    place: &str,
    p: &mut Problems,
) -> Vec<&'static str> {
    let mut out = Vec::new();
    for s in values {
        match lookup(table, s) {
            Some((n, _)) if !out.contains(&n) => out.push(n),
            Some(_) => p.add(place, format!("{key}: {s} twice")),
            None => p.add(place, format!("{key}: unknown value {s:?}")),
        }
    }
    out
}

fn rust_of<'a>(table: &'a [(&'static str, &'a str)], name: &str) -> &'a str {
    lookup(table, name).map_or("", |(_, r)| r)
}

fn rust_slice(table: &[(&'static str, &str)], names: &[&str]) -> String {
    let parts: Vec<&str> = names.iter().map(|n| rust_of(table, n)).collect();
    format!("&[{}]", parts.join(", "))
}

/// The `Cond` expression of a condition, recording the facts it uses.
fn condition(c: &Condition, defs: &mut Defs, place: &str, p: &mut Problems) -> String {
    match c {
        Condition::Always => "Cond::Always".into(),
        Condition::Fact(fact) => match defs.facts.iter().position(|f| f == fact) {
            Some(i) => {
                defs.used_facts.insert(i);
                format!("Cond::Fact(&FACT_TABLE[{i}])")
            }
            None => {
                p.add(place, format!("unknown fact {fact:?} in condition"));
                "Cond::Always".into()
            }
        },
        Condition::Not(inner) => format!("Cond::Not(&{})", condition(inner, defs, place, p)),
        Condition::All(items) | Condition::Any(items) => {
            let parts: Vec<String> = items.iter().map(|c| condition(c, defs, place, p)).collect();
            let variant = if matches!(c, Condition::All(_)) {
                "All"
            } else {
                "Any"
            };
            format!("Cond::{variant}(&[{}])", parts.join(", "))
        }
    }
}

fn read_definitions(out: &mut String, p: &mut Problems) -> Defs {
    let path = format!("{DIR}/definitions.json");
    let mut defs = Defs {
        documents: Vec::new(),
        facts: Vec::new(),
        used_documents: BTreeSet::new(),
        used_facts: BTreeSet::new(),
        loaded: false,
    };
    let Some(root) = gen::load::<DefinitionsFile>(&path, p) else {
        return defs;
    };
    defs.loaded = true;

    let _ = writeln!(
        out,
        "/// Every document, in definition order.\nstatic DOCUMENT_TABLE: [Document; {}] = [",
        root.documents.len()
    );
    for (i, d) in root.documents.iter().enumerate() {
        let place = format!("{path}: /documents/{i}");
        let (id, service) = (&*d.id, &*d.service);
        if defs.documents.iter().any(|(d, _)| d == id) {
            p.add(&place, format!("document {id} defined twice"));
        }
        if lookup(SERVICES, service).is_none() {
            p.add(&place, format!("unknown service {service}"));
        }
        defs.documents.push((id.to_owned(), service.to_owned()));
        let _ = writeln!(
            out,
            "    Document {{ id: {}, service: {} }},",
            lit(id),
            rust_of(SERVICES, service),
        );
    }
    out.push_str("];\n\n");

    let _ = writeln!(
        out,
        "/// Every fact, in definition order.\nstatic FACT_TABLE: [Fact; {}] = [",
        root.facts.len()
    );
    let mut fact_names = String::new();
    for (i, f) in root.facts.iter().enumerate() {
        let id = &*f.id;
        if defs.facts.iter().any(|f| f == id) {
            p.add(
                &format!("{path}: /facts/{i}"),
                format!("fact {id} defined twice"),
            );
        }
        let default = match f.default {
            None => "None".to_owned(),
            Some(b) => format!("Some({b})"),
        };
        if BUILT_IN_FACTS.contains(&id) {
            defs.used_facts.insert(defs.facts.len());
        }
        defs.facts.push(id.to_owned());
        let _ = writeln!(out, "    Fact {{ id: {}, default: {default} }},", lit(id));
        let _ = writeln!(fact_names, "    ({}, {}),", lit(id), f.names.native_rust());
    }
    out.push_str("];\n\n");
    // Kept apart from the facts so that code not naming facts does not carry them.
    let _ = writeln!(
        out,
        "/// Short names of the facts.\nstatic FACT_NAME_TABLE: [(&str, Localized); {}] = [\n{fact_names}];\n",
        defs.facts.len()
    );
    for b in BUILT_IN_FACTS {
        if !defs.facts.iter().any(|f| f == b) {
            p.add(&path, format!("the rules need the fact {b}"));
        }
    }

    let place = format!("{path}: /labels");
    for key in root.labels.keys() {
        if !LABELS.contains(&key.as_str()) {
            p.add(&place, format!("unknown label {key:?}"));
        }
    }
    let _ = writeln!(
        out,
        "/// Labels of the printed checklist.\nstatic LABEL_TABLE: [(&str, Localized); {}] = [",
        LABELS.len()
    );
    for key in LABELS {
        let label = match root.labels.get(*key) {
            Some(l) => l.native_rust(),
            None => {
                p.add(&place, format!("no label {key:?}"));
                String::new()
            }
        };
        let _ = writeln!(out, "    ({}, {label}),", lit(key));
    }
    out.push_str("];\n\n");
    defs
}

fn read_seed_list(o: &SeedListIn, defs: &mut Defs, place: &str, p: &mut Problems) -> SeedList {
    let service = o.service.0.clone();
    if lookup(SERVICES, &service).is_none() {
        p.add(place, format!("unknown service {service}"));
    }
    let actions = names_in(&o.actions, "actions", ACTIONS, place, p);
    for a in &actions {
        if !ACTION_SERVICE
            .iter()
            .any(|(x, sv)| x == a && *sv == service)
        {
            p.add(place, format!("action {a} does not belong to {service}"));
        }
    }
    let categories = names_in(&o.categories, "categories", CATEGORIES, place, p);
    if actions.is_empty() || categories.is_empty() {
        p.add(place, "actions and categories must not be empty");
    }
    let channel = lookup(CHANNELS, &o.channel).map(|(n, _)| n);
    if channel.is_none() {
        p.add(place, format!("unknown channel {}", o.channel));
    }
    let channel = channel.unwrap_or("portal");
    let signature = o.signature.clone().unwrap_or_default();
    let venues = names_in(&o.venues, "venues", VENUES, place, p);
    check_channel_fields(channel, &signature, &venues, place, p);
    if o.eds_unstated.is_some() && channel != "portal" {
        p.add(place, "eds_unstated on a list that is not the portal's");
    }
    if o.venue_clause.is_some() && channel != "in_person" {
        p.add(place, "venue_clause on a list that is not in person");
    }
    let mut at_least_one_of = Vec::new();
    for f in &o.at_least_one_of {
        match defs.facts.iter().position(|x| x == f) {
            Some(i) => {
                defs.used_facts.insert(i);
                at_least_one_of.push(f.to_owned());
            }
            None => p.add(place, format!("at_least_one_of: unknown fact {f}")),
        }
    }
    let mut rules = Vec::new();
    if o.documents.is_empty() {
        p.add(place, "documents must list at least one document");
    }
    for (i, doc) in o.documents.iter().enumerate() {
        let dp = format!("{place}/documents/{i}");
        let id = &*doc.id;
        let Some(index) = defs.documents.iter().position(|(d, _)| d == id) else {
            p.add(&dp, format!("unknown document id {id:?}"));
            continue;
        };
        if defs
            .documents
            .get(index)
            .is_some_and(|(_, s)| *s != service)
        {
            p.add(&dp, format!("document {id} belongs to another service"));
        }
        if rules.iter().any(|r: &RuleIn| r.document == index) {
            p.add(&dp, format!("document {id} twice in the list"));
        }
        defs.used_documents.insert(index);
        let mut attributes = 0u8;
        for a in &doc.attributes {
            match ATTRIBUTES.iter().find(|(n, _)| n == a) {
                Some((_, bit)) => attributes |= bit,
                None => p.add(&dp, format!("unknown attribute {a:?}")),
            }
        }
        let portal_only = 1 | 2;
        if channel == "in_person" && attributes & portal_only != 0 {
            p.add(&dp, "eds_signed and scanned_copy are portal attributes");
        }
        if channel == "portal" && attributes & 4 != 0 {
            p.add(
                &dp,
                "notarised_unless_original_shown is an in-person attribute (A-20)",
            );
        }
        if let Some(src) = doc.source.as_deref() {
            if !STATUTES.contains(&src) {
                p.add(
                    &dp,
                    format!("source {src:?} is not a statute ({STATUTES:?})"),
                );
            }
        }
        let when = match &doc.when {
            None => "Cond::Always".to_owned(),
            Some(c) => condition(c, defs, &dp, p),
        };
        let doc_actions = names_in(&doc.actions, "actions", ACTIONS, &dp, p);
        for a in &doc_actions {
            if !actions.contains(a) {
                p.add(&dp, format!("action {a} is not an action of the list"));
            }
        }
        let reading = doc.reading.as_ref().map(|r| {
            if !READINGS.contains(&&*r.id) {
                p.add(&dp, format!("unknown reading {:?} ({READINGS:?})", &*r.id));
            }
            (r.id.0.clone(), condition(&r.when, defs, &dp, p))
        });
        rules.push(RuleIn {
            document: index,
            reading,
            when,
            attributes,
            actions: doc_actions,
            source: doc.source.as_ref().map(|s| s.0.clone()),
            clause: doc.clause.0.clone(),
        });
    }
    SeedList {
        unverified: o.unverified,
        service,
        actions,
        categories,
        channel,
        clause: o.clause.0.clone(),
        refusal: o.refusal.0.clone(),
        eds_stated: o.eds_unstated.is_none(),
        signature,
        venues,
        venue_clause: o
            .venue_clause
            .as_ref()
            .map(|c| c.0.clone())
            .unwrap_or_default(),
        at_least_one_of,
        rules,
    }
}

/// A portal list cites the clause requiring the EDS-signed request; an in-person
/// list names where paper documents are handed in.
fn check_channel_fields(
    channel: &str,
    signature: &str,
    venues: &[&str],
    place: &str,
    p: &mut Problems,
) {
    match channel {
        "portal" if signature.trim().is_empty() => p.add(
            place,
            "a portal list must cite the EDS signature clause (signature)",
        ),
        "portal" if !venues.is_empty() => p.add(place, "a portal list has no venues"),
        "in_person" if !signature.is_empty() => p.add(place, "an in-person list has no signature"),
        "in_person" if venues.is_empty() => p.add(place, "an in-person list must name its venues"),
        _ => {}
    }
}

/// One generated `List` entry.
struct ListOut {
    edition: String,
    service: String,
    actions: Vec<&'static str>,
    categories: Vec<&'static str>,
    channel: &'static str,
    code: String,
}

pub fn generate(p: &mut Problems) -> String {
    let mut out = String::new();
    let mut defs = read_definitions(&mut out, p);

    // The edition registry: which combinations each edition offers.
    let registry = Registry::load(p);
    let mut offered: BTreeSet<(String, String, String, String, String)> = BTreeSet::new();
    let mut edition_order: Vec<String> = Vec::new();
    for e in &registry.editions {
        edition_order.push(e.id.clone());
        for s in &e.services {
            for a in &s.actions {
                for c in &s.channels {
                    for cat in &s.categories {
                        offered.insert((
                            e.id.clone(),
                            s.service.clone(),
                            a.clone(),
                            cat.clone(),
                            c.clone(),
                        ));
                    }
                }
            }
        }
    }

    // Edition files, in registry order.
    let mut files: Vec<String> = std::fs::read_dir(DIR)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".json") && n != "definitions.json")
                .filter(|n| crate::cut::keeps(n.trim_end_matches(".json")))
                .collect()
        })
        .unwrap_or_default();
    for file in &files {
        let id = file.trim_end_matches(".json");
        if !edition_order.iter().any(|e| e == id) {
            p.add(
                &format!("{DIR}/{file}"),
                "no such edition in data/editions.json",
            );
        }
    }
    for id in &edition_order {
        if !files.iter().any(|f| *f == format!("{id}.json")) {
            p.add(
                DIR,
                format!("no document lists for edition {id} ({id}.json)"),
            );
        }
    }
    files.sort_by_key(|f| {
        edition_order
            .iter()
            .position(|e| *e == f.trim_end_matches(".json"))
    });

    let mut seed_lists: BTreeMap<String, Vec<(SeedList, String)>> = BTreeMap::new();
    let mut derived: Vec<(String, DerivedFile)> = Vec::new();
    let mut rule_statics = String::new();
    let mut lists: Vec<ListOut> = Vec::new();
    let mut rule_count = 0usize;
    // Whether every file was read: the checks across files need them all.
    let mut complete = defs.loaded;

    for file in &files {
        let path = format!("{DIR}/{file}");
        let Some(head) = gen::load::<Head>(&path, p) else {
            complete = false;
            continue;
        };
        let file_data = match head.status {
            Status::Seed | Status::Law => gen::load(&path, p).map(EditionFile::Seed),
            Status::Derived => gen::load(&path, p).map(EditionFile::Derived),
        };
        let Some(file_data) = file_data else {
            complete = false;
            continue;
        };
        if !defs.loaded {
            // Each file is still read, for its own problems.
            continue;
        }
        let edition = match &file_data {
            EditionFile::Seed(f) => f.edition.0.clone(),
            EditionFile::Derived(f) => f.edition.0.clone(),
        };
        if format!("{edition}.json") != *file {
            p.add(
                &path,
                format!("edition {edition} must be in {edition}.json"),
            );
        }
        match file_data {
            EditionFile::Seed(root) => {
                // A seed file names its seed; a law file the code it is read from.
                let (seed, law) = (root.seed.is_some(), root.source.is_some());
                if seed == law || law != matches!(head.status, Status::Law) {
                    p.add(&path, "status seed needs `seed`, status law needs `source`");
                }
                let mut mine = Vec::new();
                for (i, o) in root.lists.iter().enumerate() {
                    let place = format!("{path}: /lists/{i}");
                    let list = read_seed_list(o, &mut defs, &place, p);
                    let name = format!("RULES_{rule_count}");
                    rule_count += 1;
                    let _ = writeln!(
                        rule_statics,
                        "static {name}: [Rule; {}] = [",
                        list.rules.len()
                    );
                    for r in &list.rules {
                        let _ = writeln!(
                            rule_statics,
                            "    Rule {{ document: &DOCUMENT_TABLE[{}], when: &{}, attributes: Attributes({}), actions: {}, source: {}, reading: {}, clause: {} }},",
                            r.document,
                            r.when,
                            r.attributes,
                            rust_slice(ACTIONS, &r.actions),
                            r.source.as_deref().map_or("None".to_owned(), |s| format!("Some({})", lit(s))),
                            r.reading.as_ref().map_or("None".to_owned(), |(id, c)| format!("Some(Reading {{ id: {}, when: &{c} }})", lit(id))),
                            lit(&r.clause),
                        );
                    }
                    rule_statics.push_str("];\n");
                    let provisions =
                        provisions(&mut rule_statics, &list, ("", &[], &[]), list.unverified);
                    lists.push(list_out(
                        &edition,
                        &list,
                        &list.actions,
                        &name,
                        &provisions,
                        None,
                    ));
                    mine.push((list, name));
                }
                seed_lists.insert(edition, mine);
            }
            EditionFile::Derived(root) => derived.push((path, root)),
        }
    }

    for (path, root) in &derived {
        let edition = &*root.edition;
        let from = &*root.derived_from;
        let unverified = root.unverified;
        let Some(sources) = seed_lists.get(from) else {
            if !complete {
                continue;
            }
            p.add(
                path,
                format!("derived_from {from:?} is not an edition with seed lists"),
            );
            continue;
        };
        for (i, o) in root.lists.iter().enumerate() {
            let place = format!("{path}: /lists/{i}");
            let service = &*o.service;
            let actions = names_in(&o.actions, "actions", ACTIONS, &place, p);
            let Some((channel, _)) = lookup(CHANNELS, &o.channel) else {
                p.add(&place, format!("unknown channel {}", o.channel));
                continue;
            };
            let from_channel = &*o.from_channel;
            let signature = o.signature.as_deref().unwrap_or("");
            let expiry = o.expiry.as_deref().unwrap_or("");
            let expiry_actions = names_in(&o.expiry_actions, "expiry_actions", ACTIONS, &place, p);
            let expiry_categories = names_in(
                &o.expiry_categories,
                "expiry_categories",
                CATEGORIES,
                &place,
                p,
            );
            if expiry.is_empty() && !(expiry_actions.is_empty() && expiry_categories.is_empty()) {
                p.add(&place, "expiry_actions / expiry_categories without expiry");
            }
            let clause = &*o.clause;
            let refusal = &*o.refusal;
            let venues = names_in(&o.venues, "venues", VENUES, &place, p);
            check_channel_fields(channel, signature, &venues, &place, p);
            let stated = SeedList {
                unverified,
                service: service.to_owned(),
                actions: actions.clone(),
                categories: Vec::new(),
                channel,
                clause: clause.to_owned(),
                refusal: refusal.to_owned(),
                signature: signature.to_owned(),
                eds_stated: true,
                venues: venues.clone(),
                venue_clause: String::new(),
                at_least_one_of: Vec::new(),
                rules: Vec::new(),
            };
            let shared = provisions(
                &mut rule_statics,
                &stated,
                (expiry, &expiry_actions, &expiry_categories),
                unverified,
            );
            let mut found = false;
            for (src, name) in sources {
                let common: Vec<&'static str> = src
                    .actions
                    .iter()
                    .copied()
                    .filter(|a| actions.contains(a))
                    .collect();
                if src.service != service || src.channel != from_channel || common.is_empty() {
                    continue;
                }
                found = true;
                let derived = SeedList {
                    categories: src.categories.clone(),
                    at_least_one_of: src.at_least_one_of.clone(),
                    ..stated.clone()
                };
                let source = format!(
                    "Some(Source {{ edition: {}, clause: {} }})",
                    lit(from),
                    lit(&src.clause),
                );
                lists.push(list_out(
                    edition,
                    &derived,
                    &common,
                    name,
                    &shared,
                    Some(source),
                ));
            }
            if !found {
                p.add(
                    &place,
                    format!("{from} has no {service} {from_channel} list for {actions:?}"),
                );
            }
        }
    }

    // The checks across files: only when every file was read.
    if complete {
        check_coverage(&lists, &offered, &defs, p);
    }

    out.push_str(&rule_statics);
    let _ = writeln!(
        out,
        "\n/// Every list, in edition order.\nstatic LIST_TABLE: [List; {}] = [",
        lists.len()
    );
    for l in &lists {
        out.push_str(&l.code);
    }
    out.push_str("];\n");
    let _ = writeln!(
        out,
        "\n/// The readings `options.documents.readings` may name.\npub static READINGS: &[&str] = {};",
        gen::str_slice(READINGS.iter().copied())
    );
    out
}

/// Exactly one list per offered combination and none for anything else; every
/// document and fact used (by the lists of the whole build: the form build
/// leaves the repealed editions' lists out, `crate::cut`).
fn check_coverage(
    lists: &[ListOut],
    offered: &BTreeSet<(String, String, String, String, String)>,
    defs: &Defs,
    p: &mut Problems,
) {
    let mut covered: BTreeMap<(String, String, String, String, String), usize> = BTreeMap::new();
    for l in lists {
        for a in &l.actions {
            for c in &l.categories {
                let key = (
                    l.edition.clone(),
                    l.service.clone(),
                    (*a).to_owned(),
                    (*c).to_owned(),
                    l.channel.to_owned(),
                );
                *covered.entry(key).or_default() += 1;
            }
        }
    }
    for key in offered {
        match covered.get(key) {
            Some(1) => {}
            Some(n) => p.add(DIR, format!("{key:?}: {n} lists (must be one)")),
            None => p.add(
                DIR,
                format!("{key:?} is offered in data/editions.json but has no list"),
            ),
        }
    }
    for key in covered.keys() {
        if !offered.contains(key) {
            p.add(
                DIR,
                format!("{key:?} has a list but data/editions.json does not offer it"),
            );
        }
    }
    // The form build keeps every document (`crate::cut`), also those only the
    // repealed editions' lists name.
    for (i, (id, _)) in defs.documents.iter().enumerate() {
        if !defs.used_documents.contains(&i) && crate::cut::left_out().is_empty() {
            p.add(DIR, format!("document {id} is in no list"));
        }
    }
    for (i, id) in defs.facts.iter().enumerate() {
        if !defs.used_facts.contains(&i) {
            p.add(DIR, format!("fact {id} is used by no rule"));
        }
    }
}

/// Appends a `Provisions` static for `list` to `out`; returns its name.
/// `expiry` is the expiry clause with the actions and categories it covers (all
/// when empty).
fn provisions(
    out: &mut String,
    list: &SeedList,
    expiry: (&str, &[&str], &[&str]),
    unverified: bool,
) -> String {
    let name = format!("PROVISIONS_{}", out.matches("static PROVISIONS_").count());
    let (clause, actions, categories) = expiry;
    let _ = writeln!(
        out,
        "static {name}: Provisions = Provisions {{ clause: {}, unverified: {unverified}, refusal: {}, signature: {}, eds_stated: {}, expiry: {}, expiry_actions: {}, expiry_categories: {}, venues: {}, venue_clause: {} }};",
        lit(&list.clause),
        lit(&list.refusal),
        lit(&list.signature),
        list.eds_stated,
        lit(clause),
        rust_slice(ACTIONS, actions),
        rust_slice(CATEGORIES, categories),
        rust_slice(VENUES, &list.venues),
        lit(&list.venue_clause),
    );
    name
}

/// The `List { … }` literal of one list.
fn list_out(
    edition: &str,
    list: &SeedList,
    actions: &[&'static str],
    rules: &str,
    provisions: &str,
    source: Option<String>,
) -> ListOut {
    let facts: Vec<String> = list.at_least_one_of.iter().map(|f| lit(f)).collect();
    let code = format!(
        "    List {{ edition: {}, service: {}, actions: {}, categories: {}, channel: {}, provisions: &{provisions}, source: {}, at_least_one_of: &[{}], rules: &{rules} }},\n",
        lit(edition),
        rust_of(SERVICES, &list.service),
        rust_slice(ACTIONS, actions),
        rust_slice(CATEGORIES, &list.categories),
        rust_of(CHANNELS, list.channel),
        source.unwrap_or_else(|| "None".into()),
        facts.join(", "),
    );
    ListOut {
        edition: edition.to_owned(),
        service: list.service.clone(),
        actions: actions.to_vec(),
        categories: list.categories.clone(),
        channel: list.channel,
        code,
    }
}
