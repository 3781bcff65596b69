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
use std::fmt::Write as _;

use serde_json::{Map, Value};

use crate::gen::{self, lit, Problems};

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
const BUILT_IN_FACTS: &[&str] = &[
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
    "venues",
    "at_least_one_object",
];

/// One document of a seed list, as read.
#[derive(Clone)]
struct RuleIn {
    document: usize,
    when: String,
    attributes: u8,
    actions: Vec<&'static str>,
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
    venues: Vec<&'static str>,
    at_least_one_of: Vec<String>,
    rules: Vec<RuleIn>,
}

/// What the generator knows about the definitions.
struct Defs {
    documents: Vec<(String, String)>,
    facts: Vec<String>,
    used_documents: BTreeSet<usize>,
    used_facts: BTreeSet<usize>,
}

fn lookup<'a>(table: &'a [(&'static str, &'a str)], name: &str) -> Option<(&'static str, &'a str)> {
    table.iter().find(|(n, _)| *n == name).copied()
}

/// The objects of the array `key` of `o`, each with its place for messages
/// (`<place><sep><key>[i]`); entries that are not objects are reported.
fn objects<'a>(
    o: &'a Map<String, Value>,
    key: &str,
    place: &str,
    sep: &str,
    p: &mut Problems,
) -> Vec<(String, &'a Map<String, Value>)> {
    let mut out = Vec::new();
    let items = o.get(key).and_then(Value::as_array).into_iter().flatten();
    for (i, v) in items.enumerate() {
        let here = format!("{place}{sep}{key}[{i}]");
        if let Some(obj) = gen::object(v, &here, p) {
            out.push((here, obj));
        }
    }
    out
}

fn strings<'a>(
    o: &'a Map<String, Value>,
    key: &str,
    place: &str,
    p: &mut Problems,
) -> Vec<&'a str> {
    match o.get(key) {
        None => Vec::new(),
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(|v| {
                let s = v.as_str();
                if s.is_none() {
                    p.add(place, format!("{key} must list strings"));
                }
                s
            })
            .collect(),
        Some(_) => {
            p.add(place, format!("{key} must be an array"));
            Vec::new()
        }
    }
}

/// Values of `key` that must be names in `table` (as `&'static` names).
fn names_in(
    o: &Map<String, Value>,
    key: &str,
    table: &[(&'static str, &str)],
    place: &str,
    p: &mut Problems,
) -> Vec<&'static str> {
    let mut out = Vec::new();
    for s in strings(o, key, place, p) {
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

/// Parses a condition into a `Cond` expression, recording the facts it uses.
fn condition(v: &Value, defs: &mut Defs, place: &str, p: &mut Problems) -> String {
    match v {
        Value::Bool(true) => "Cond::Always".into(),
        Value::String(fact) => match defs.facts.iter().position(|f| f == fact) {
            Some(i) => {
                defs.used_facts.insert(i);
                format!("Cond::Fact(&FACT_TABLE[{i}])")
            }
            None => {
                p.add(place, format!("unknown fact {fact:?} in condition"));
                "Cond::Always".into()
            }
        },
        Value::Object(o) if o.len() == 1 => {
            let (op, arg) = o
                .iter()
                .next()
                .map(|(k, v)| (k.as_str(), v))
                .unwrap_or(("", v));
            match (op, arg) {
                ("not", inner) => format!("Cond::Not(&{})", condition(inner, defs, place, p)),
                ("all" | "any", Value::Array(items)) if items.len() >= 2 => {
                    let parts: Vec<String> =
                        items.iter().map(|c| condition(c, defs, place, p)).collect();
                    let variant = if op == "all" { "All" } else { "Any" };
                    format!("Cond::{variant}(&[{}])", parts.join(", "))
                }
                _ => {
                    p.add(
                        place,
                        format!("bad condition {v}: use all/any with ≥ 2 items, or not"),
                    );
                    "Cond::Always".into()
                }
            }
        }
        _ => {
            p.add(
                place,
                format!("bad condition {v}: true, a fact name, all, any or not"),
            );
            "Cond::Always".into()
        }
    }
}

fn read_definitions(out: &mut String, p: &mut Problems) -> Defs {
    let path = format!("{DIR}/definitions.json");
    let json = gen::read_json(&path);
    let mut defs = Defs {
        documents: Vec::new(),
        facts: Vec::new(),
        used_documents: BTreeSet::new(),
        used_facts: BTreeSet::new(),
    };
    let Some(root) = gen::object(&json, &path, p) else {
        return defs;
    };
    gen::known_keys(root, &["note", "documents", "facts", "labels"], &path, p);

    let documents = objects(root, "documents", &path, ": ", p);
    let _ = writeln!(
        out,
        "/// Every document, in definition order.\nstatic DOCUMENT_TABLE: [Document; {}] = [",
        documents.len()
    );
    for (place, o) in documents {
        gen::known_keys(o, &["id", "service", "names", "note"], &place, p);
        let id = gen::string(o, "id", &place, p);
        if defs.documents.iter().any(|(d, _)| d == id) {
            p.add(&place, format!("document {id} defined twice"));
        }
        let service = gen::string(o, "service", &place, p);
        if lookup(SERVICES, service).is_none() {
            p.add(&place, format!("unknown service {service}"));
        }
        defs.documents.push((id.to_owned(), service.to_owned()));
        let _ = writeln!(
            out,
            "    Document {{ id: {}, service: {}, names: {} }},",
            lit(id),
            rust_of(SERVICES, service),
            gen::localized(o.get("names"), &place, p),
        );
    }
    out.push_str("];\n\n");

    let facts = objects(root, "facts", &path, ": ", p);
    let _ = writeln!(
        out,
        "/// Every fact, in definition order.\nstatic FACT_TABLE: [Fact; {}] = [",
        facts.len()
    );
    let mut fact_names = String::new();
    for (place, o) in facts {
        gen::known_keys(
            o,
            &["id", "names", "question", "default", "source"],
            &place,
            p,
        );
        let id = gen::string(o, "id", &place, p);
        if defs.facts.iter().any(|f| f == id) {
            p.add(&place, format!("fact {id} defined twice"));
        }
        gen::string(o, "source", &place, p);
        let default = match o.get("default") {
            None => "None".to_owned(),
            Some(Value::Bool(b)) => format!("Some({b})"),
            Some(_) => {
                p.add(&place, "default must be true or false");
                "None".to_owned()
            }
        };
        if BUILT_IN_FACTS.contains(&id) {
            defs.used_facts.insert(defs.facts.len());
        }
        defs.facts.push(id.to_owned());
        let _ = writeln!(
            out,
            "    Fact {{ id: {}, question: {}, default: {default} }},",
            lit(id),
            gen::localized(o.get("question"), &place, p),
        );
        let _ = writeln!(
            fact_names,
            "    ({}, {}),",
            lit(id),
            gen::localized(o.get("names"), &place, p),
        );
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

    let place = format!("{path}: labels");
    let labels = root.get("labels").and_then(Value::as_object);
    if let Some(l) = labels {
        gen::known_keys(l, LABELS, &place, p);
    }
    let _ = writeln!(
        out,
        "/// Labels of the printed checklist.\nstatic LABEL_TABLE: [(&str, Localized); {}] = [",
        LABELS.len()
    );
    for key in LABELS {
        let _ = writeln!(
            out,
            "    ({}, {}),",
            lit(key),
            gen::localized(
                labels.and_then(|l| l.get(*key)),
                &format!("{place}.{key}"),
                p
            ),
        );
    }
    out.push_str("];\n\n");
    defs
}

fn read_seed_list(
    o: &Map<String, Value>,
    defs: &mut Defs,
    place: &str,
    p: &mut Problems,
) -> SeedList {
    gen::known_keys(
        o,
        &[
            "service",
            "actions",
            "categories",
            "channel",
            "clause",
            "refusal",
            "signature",
            "venues",
            "at_least_one_of",
            "unverified",
            "documents",
        ],
        place,
        p,
    );
    let unverified = match o.get("unverified") {
        None => false,
        Some(v) => v.as_bool().unwrap_or_else(|| {
            p.add(place, "unverified must be true or false");
            false
        }),
    };
    let service = gen::string(o, "service", place, p).to_owned();
    if lookup(SERVICES, &service).is_none() {
        p.add(place, format!("unknown service {service}"));
    }
    let actions = names_in(o, "actions", ACTIONS, place, p);
    for a in &actions {
        if !ACTION_SERVICE
            .iter()
            .any(|(x, sv)| x == a && *sv == service)
        {
            p.add(place, format!("action {a} does not belong to {service}"));
        }
    }
    let categories = names_in(o, "categories", CATEGORIES, place, p);
    if actions.is_empty() || categories.is_empty() {
        p.add(place, "actions and categories must not be empty");
    }
    let channel_name = gen::string(o, "channel", place, p);
    let channel = lookup(CHANNELS, channel_name).map(|(n, _)| n);
    if channel.is_none() {
        p.add(place, format!("unknown channel {channel_name}"));
    }
    let channel = channel.unwrap_or("portal");
    let clause = gen::string(o, "clause", place, p).to_owned();
    let refusal = gen::string(o, "refusal", place, p).to_owned();
    let signature = gen::opt_string(o, "signature", place, p)
        .unwrap_or("")
        .to_owned();
    let venues = names_in(o, "venues", VENUES, place, p);
    check_channel_fields(channel, &signature, &venues, place, p);
    let mut at_least_one_of = Vec::new();
    for f in strings(o, "at_least_one_of", place, p) {
        match defs.facts.iter().position(|x| x == f) {
            Some(i) => {
                defs.used_facts.insert(i);
                at_least_one_of.push(f.to_owned());
            }
            None => p.add(place, format!("at_least_one_of: unknown fact {f}")),
        }
    }
    let mut rules = Vec::new();
    let docs = objects(o, "documents", place, ".", p);
    if docs.is_empty() {
        p.add(place, "documents must list at least one document");
    }
    for (dp, doc) in docs {
        gen::known_keys(
            doc,
            &["id", "clause", "attributes", "when", "actions", "note"],
            &dp,
            p,
        );
        let id = gen::string(doc, "id", &dp, p);
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
        let clause = gen::string(doc, "clause", &dp, p).to_owned();
        let mut attributes = 0u8;
        for a in strings(doc, "attributes", &dp, p) {
            match ATTRIBUTES.iter().find(|(n, _)| *n == a) {
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
        let when = match doc.get("when") {
            None => "Cond::Always".to_owned(),
            Some(c) => condition(c, defs, &dp, p),
        };
        let doc_actions = names_in(doc, "actions", ACTIONS, &dp, p);
        for a in &doc_actions {
            if !actions.contains(a) {
                p.add(&dp, format!("action {a} is not an action of the list"));
            }
        }
        rules.push(RuleIn {
            document: index,
            when,
            attributes,
            actions: doc_actions,
            clause,
        });
    }
    SeedList {
        unverified,
        service,
        actions,
        categories,
        channel,
        clause,
        refusal,
        signature,
        venues,
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
    let registry = gen::read_json("data/editions.json");
    let mut offered: BTreeSet<(String, String, String, String, String)> = BTreeSet::new();
    let mut edition_order: Vec<String> = Vec::new();
    for e in registry
        .get("editions")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let id = e.get("id").and_then(Value::as_str).unwrap_or("").to_owned();
        edition_order.push(id.clone());
        for s in e
            .get("services")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let service = s.get("service").and_then(Value::as_str).unwrap_or("");
            for a in s
                .get("actions")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                for c in s
                    .get("channels")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    for cat in s
                        .get("categories")
                        .and_then(Value::as_array)
                        .into_iter()
                        .flatten()
                    {
                        offered.insert((
                            id.clone(),
                            service.to_owned(),
                            a.as_str().unwrap_or("").to_owned(),
                            cat.as_str().unwrap_or("").to_owned(),
                            c.as_str().unwrap_or("").to_owned(),
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
    let mut derived: Vec<(String, Value)> = Vec::new();
    let mut rule_statics = String::new();
    let mut lists: Vec<ListOut> = Vec::new();
    let mut rule_count = 0usize;

    for file in &files {
        let path = format!("{DIR}/{file}");
        let json = gen::read_json(&path);
        let Some(root) = gen::object(&json, &path, p) else {
            continue;
        };
        let edition = gen::string(root, "edition", &path, p).to_owned();
        if format!("{edition}.json") != *file {
            p.add(
                &path,
                format!("edition {edition} must be in {edition}.json"),
            );
        }
        match gen::string(root, "status", &path, p) {
            // `seed`: lists read from a seed file; `law`: lists read from the
            // text of a code (`source` cites it).
            status @ ("seed" | "law") => {
                let source_key = if status == "seed" { "seed" } else { "source" };
                gen::known_keys(
                    root,
                    &["edition", "status", source_key, "notes", "lists"],
                    &path,
                    p,
                );
                gen::string(root, source_key, &path, p);
                let mut mine = Vec::new();
                for (place, o) in objects(root, "lists", &path, ": ", p) {
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
                            "    Rule {{ document: &DOCUMENT_TABLE[{}], when: &{}, attributes: Attributes({}), actions: {}, clause: {} }},",
                            r.document,
                            r.when,
                            r.attributes,
                            rust_slice(ACTIONS, &r.actions),
                            lit(&r.clause),
                        );
                    }
                    rule_statics.push_str("];\n");
                    let provisions = provisions(&mut rule_statics, &list, "", list.unverified);
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
            "derived" => derived.push((path, json.clone())),
            other => p.add(
                &path,
                format!("status must be seed, law or derived, not {other:?}"),
            ),
        }
    }

    for (path, json) in &derived {
        let Some(root) = json.as_object() else {
            continue;
        };
        gen::known_keys(
            root,
            &[
                "edition",
                "status",
                "derived_from",
                "unverified",
                "reference",
                "notes",
                "lists",
            ],
            path,
            p,
        );
        let edition = gen::string(root, "edition", path, p);
        gen::string(root, "reference", path, p);
        let from = gen::string(root, "derived_from", path, p);
        let unverified = root
            .get("unverified")
            .and_then(Value::as_bool)
            .unwrap_or_else(|| {
                p.add(path, "unverified must be true or false");
                false
            });
        let Some(sources) = seed_lists.get(from) else {
            p.add(
                path,
                format!("derived_from {from:?} is not an edition with seed lists"),
            );
            continue;
        };
        for (place, o) in objects(root, "lists", path, ": ", p) {
            gen::known_keys(
                o,
                &[
                    "service",
                    "actions",
                    "channel",
                    "from_channel",
                    "clause",
                    "refusal",
                    "signature",
                    "expiry",
                    "venues",
                ],
                &place,
                p,
            );
            let service = gen::string(o, "service", &place, p);
            let actions = names_in(o, "actions", ACTIONS, &place, p);
            let channel = gen::string(o, "channel", &place, p);
            let Some((channel, _)) = lookup(CHANNELS, channel) else {
                p.add(&place, format!("unknown channel {channel}"));
                continue;
            };
            let from_channel = gen::string(o, "from_channel", &place, p);
            let signature = gen::opt_string(o, "signature", &place, p).unwrap_or("");
            let expiry = gen::opt_string(o, "expiry", &place, p).unwrap_or("");
            let clause = gen::string(o, "clause", &place, p);
            let refusal = gen::string(o, "refusal", &place, p);
            let venues = names_in(o, "venues", VENUES, &place, p);
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
                venues: venues.clone(),
                at_least_one_of: Vec::new(),
                rules: Vec::new(),
            };
            let shared = provisions(&mut rule_statics, &stated, expiry, unverified);
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

    // Coverage: exactly one list per offered combination, none for anything else.
    let mut covered: BTreeMap<(String, String, String, String, String), usize> = BTreeMap::new();
    for l in &lists {
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
    for key in &offered {
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
    for (i, (id, _)) in defs.documents.iter().enumerate() {
        if !defs.used_documents.contains(&i) {
            p.add(DIR, format!("document {id} is in no list"));
        }
    }
    for (i, id) in defs.facts.iter().enumerate() {
        if !defs.used_facts.contains(&i) {
            p.add(DIR, format!("fact {id} is used by no rule"));
        }
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
    out
}

/// Appends a `Provisions` static for `list` to `out`; returns its name.
fn provisions(out: &mut String, list: &SeedList, expiry: &str, unverified: bool) -> String {
    let name = format!("PROVISIONS_{}", out.matches("static PROVISIONS_").count());
    let _ = writeln!(
        out,
        "static {name}: Provisions = Provisions {{ clause: {}, unverified: {unverified}, refusal: {}, signature: {}, expiry: {}, venues: {} }};",
        lit(&list.clause),
        lit(&list.refusal),
        lit(&list.signature),
        lit(expiry),
        rust_slice(VENUES, &list.venues),
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
