//! `data/categories.json` → which category a sanitary hazard class gives, per
//! edition and service (`categories.rs`).
//!
//! Checked: every edition id exists in `data/editions.json` and is named exactly
//! once (under `by_hazard_class` for each of its services, or under
//! `not_by_hazard_class`), every service and category is a model value, five
//! classes, clauses non-empty, no (edition, service) pair twice.

use std::fmt::Write as _;

use serde::Deserialize;

use crate::gen::{self, lit, Problems, Registry, Text};

const SERVICES: &[(&str, &str)] = &[
    ("emission_permit", "Service::EmissionPermit"),
    ("ecological_expertise", "Service::EcologicalExpertise"),
    ("environmental_permit", "Service::EnvironmentalPermit"),
    ("impact_declaration", "Service::ImpactDeclaration"),
];

const CATEGORIES: &[(&str, &str)] = &[
    ("I", "Category::I"),
    ("II", "Category::II"),
    ("III", "Category::III"),
    ("IV", "Category::IV"),
];

/// `data/categories.json`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CategoriesFile {
    #[allow(dead_code)]
    note: Text,
    by_hazard_class: Vec<ByClass>,
    not_by_hazard_class: Vec<NotByClass>,
}

/// One service's class → category rule in some editions.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ByClass {
    editions: Vec<Text>,
    service: Text,
    source: Text,
    classes: Vec<Text>,
    clause: Text,
    unclassified: Text,
    unclassified_clause: Text,
    other_grounds: bool,
    /// The clause's words, for the reader of the data (not generated).
    #[allow(dead_code)]
    quote: Text,
}

/// An edition whose categories do not follow the hazard class.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NotByClass {
    edition: Text,
    #[allow(dead_code)]
    note: Text,
}

fn category(name: &str, place: &str, p: &mut Problems) -> &'static str {
    match CATEGORIES.iter().find(|(n, _)| *n == name) {
        Some((_, v)) => v,
        None => {
            p.add(place, format!("unknown category {name:?}"));
            "Category::II"
        }
    }
}

pub fn generate(p: &mut Problems) -> String {
    let path = "data/categories.json";
    let registry = Registry::load(p);
    let mut out = String::from("/// The class → category rules, per editions and service.\npub(crate) static BY_CLASS: &[ClassRule] = &[\n");
    let Some(file) = gen::load::<CategoriesFile>(path, p) else {
        return out + "];\n";
    };
    let mut named: Vec<(String, Option<String>)> = Vec::new();
    for (i, r) in file.by_hazard_class.iter().enumerate() {
        let place = format!("{path}: /by_hazard_class/{i}");
        let service = &*r.service;
        let Some((_, variant)) = SERVICES.iter().find(|(s, _)| *s == service) else {
            p.add(&place, format!("unknown service {service:?}"));
            continue;
        };
        if r.classes.len() != 5 {
            p.add(&place, "classes must give the category of classes 1 to 5");
        }
        let classes: Vec<&str> = r.classes.iter().map(|c| category(c, &place, p)).collect();
        let unclassified = category(&r.unclassified, &place, p);
        for e in &r.editions {
            if !registry.editions.iter().any(|x| x.id == **e) {
                p.add(&place, format!("unknown edition {:?}", &**e));
            }
            let key = (e.to_string(), Some(service.to_owned()));
            if named.contains(&key) {
                p.add(&place, format!("{} / {service} given twice", &**e));
            }
            named.push(key);
        }
        let _ = writeln!(
            out,
            "    ClassRule {{ editions: &[{}], service: {variant}, source: {}, classes: [{}], clause: {}, unclassified: {unclassified}, unclassified_clause: {}, other_grounds: {} }},",
            r.editions.iter().map(|e| lit(e)).collect::<Vec<_>>().join(", "),
            lit(&r.source),
            classes.join(", "),
            lit(&r.clause),
            lit(&r.unclassified_clause),
            r.other_grounds,
        );
    }
    for (i, n) in file.not_by_hazard_class.iter().enumerate() {
        let place = format!("{path}: /not_by_hazard_class/{i}");
        if !registry.editions.iter().any(|x| x.id == *n.edition) {
            p.add(&place, format!("unknown edition {:?}", &*n.edition));
        }
        if named.iter().any(|(e, _)| *e == *n.edition) {
            p.add(
                &place,
                format!("{} is also under by_hazard_class", &*n.edition),
            );
        }
        named.push((n.edition.to_string(), None));
    }
    for e in &registry.editions {
        if !named.iter().any(|(n, _)| *n == e.id) {
            p.add(
                path,
                format!(
                    "edition {} is neither under by_hazard_class nor under not_by_hazard_class",
                    e.id
                ),
            );
        }
    }
    out.push_str("];\n");
    out
}
