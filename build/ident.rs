//! `data/ident.json` → the clauses that require the applicant's ИИН/БИН, per
//! edition and service (`ident.rs`).
//!
//! Checked: every edition id exists in `data/editions.json`, every service is a
//! model value, no (edition, service) pair twice, clause and quote non-empty.

use std::fmt::Write as _;

use serde_json::Value;

use crate::gen::{self, lit, Problems};

const SERVICES: &[(&str, &str)] = &[
    ("emission_permit", "Service::EmissionPermit"),
    ("ecological_expertise", "Service::EcologicalExpertise"),
    ("environmental_permit", "Service::EnvironmentalPermit"),
    ("impact_declaration", "Service::ImpactDeclaration"),
];

pub fn generate(p: &mut Problems) -> String {
    let path = "data/ident.json";
    let json = gen::read_json(path);
    let editions = gen::read_json("data/editions.json");
    let edition_ids: Vec<&str> = editions
        .get("editions")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|e| e.get("id").and_then(Value::as_str))
        .collect();
    let mut out = String::from(
        "/// `(edition, service, clause)`: where the edition requires the applicant's ИИН/БИН.\n\
         pub(crate) static BASIS: &[(&str, Service, &str)] = &[\n",
    );
    let Some(root) = gen::object(&json, path, p) else {
        return out + "];\n";
    };
    gen::known_keys(root, &["basis"], path, p);
    let mut seen: Vec<(&str, &str)> = Vec::new();
    for (i, b) in root
        .get("basis")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
    {
        let place = format!("{path}: basis[{i}]");
        let Some(o) = gen::object(b, &place, p) else {
            continue;
        };
        gen::known_keys(o, &["edition", "service", "clause", "quote"], &place, p);
        let edition = gen::string(o, "edition", &place, p);
        if !edition_ids.contains(&edition) {
            p.add(&place, format!("unknown edition {edition:?}"));
        }
        let service = gen::string(o, "service", &place, p);
        let variant = match SERVICES.iter().find(|(s, _)| *s == service) {
            Some((_, v)) => *v,
            None => {
                p.add(&place, format!("unknown service {service:?}"));
                continue;
            }
        };
        if seen.contains(&(edition, service)) {
            p.add(&place, format!("{edition} / {service} given twice"));
        }
        seen.push((edition, service));
        let clause = gen::string(o, "clause", &place, p);
        gen::string(o, "quote", &place, p);
        let _ = writeln!(out, "    ({}, {variant}, {}),", lit(edition), lit(clause));
    }
    out.push_str("];\n");
    out
}
