//! `data/ident.json` → the clauses that require the applicant's ИИН/БИН, per
//! edition and service (`ident.rs`).
//!
//! Checked: every edition id exists in `data/editions.json`, every service is a
//! model value, no (edition, service) pair twice, clause and quote non-empty.

use std::fmt::Write as _;

use serde::Deserialize;

use crate::gen::{self, lit, Problems, Registry, Text};

const SERVICES: &[(&str, &str)] = &[
    ("emission_permit", "Service::EmissionPermit"),
    ("ecological_expertise", "Service::EcologicalExpertise"),
    ("environmental_permit", "Service::EnvironmentalPermit"),
    ("impact_declaration", "Service::ImpactDeclaration"),
];

/// `data/ident.json` (and `data/eds.json`, the same shape with a `note`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IdentFile {
    #[allow(dead_code)]
    note: Option<Text>,
    basis: Vec<Basis>,
}

/// Where one edition requires the ИИН/БИН for one service.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Basis {
    edition: Text,
    service: Text,
    clause: Text,
    /// The clause's words, for the reader of the data (not generated).
    #[allow(dead_code)]
    quote: Text,
}

pub fn generate(p: &mut Problems) -> String {
    table(
        "data/ident.json",
        "where the edition requires the applicant's ИИН/БИН",
        p,
    )
}

/// `data/eds.json` → `(edition, service, clause)`: where the portal checks the
/// signer's EDS registration certificate (term, revocation, ИИН/БИН).
pub fn generate_eds(p: &mut Problems) -> String {
    table(
        "data/eds.json",
        "where the portal checks the signer's EDS registration certificate",
        p,
    )
}

/// A `BASIS` table `(edition, service, clause)` from the file at `path`.
fn table(path: &str, what: &str, p: &mut Problems) -> String {
    let registry = Registry::load(p);
    let mut out = format!(
        "/// `(edition, service, clause)`: {what}.\n\
         pub(crate) static BASIS: &[(&str, Service, &str)] = &[\n",
    );
    let Some(file) = gen::load::<IdentFile>(path, p) else {
        return out + "];\n";
    };
    let mut seen: Vec<(&str, &str)> = Vec::new();
    for (i, b) in file.basis.iter().enumerate() {
        let place = format!("{path}: /basis/{i}");
        let edition = &*b.edition;
        if !registry.editions.iter().any(|e| e.id == edition) {
            p.add(&place, format!("unknown edition {edition:?}"));
        }
        let service = &*b.service;
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
        let _ = writeln!(
            out,
            "    ({}, {variant}, {}),",
            lit(edition),
            lit(&b.clause)
        );
    }
    out.push_str("];\n");
    out
}

/// `numbers.rs`: the characters beyond ASCII that `char::is_numeric` accepts
/// (Unicode's N, as the build's own core has it), for the ИИН/БИН reader that
/// tells a digit of another script from any other character. Each maximal range
/// is two LEB128 numbers: its distance from the end of the previous range (from
/// U+0080 for the first) and its length − 1. ≈ 330 bytes, where core's table
/// and its lookup cost the wasm ≈ 600 B gzip.
pub fn numbers() -> String {
    let mut bytes = Vec::new();
    let mut leb = |mut n: u32| loop {
        let low = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            bytes.push(low);
            break;
        }
        bytes.push(low | 0x80);
    };
    let mut next = 0x80u32;
    let mut c = next;
    while c <= u32::from(char::MAX) {
        if !char::from_u32(c).is_some_and(char::is_numeric) {
            c += 1;
            continue;
        }
        let start = c;
        while char::from_u32(c + 1).is_some_and(char::is_numeric) {
            c += 1;
        }
        leb(start - next);
        leb(c - start);
        next = c + 1;
        c = next;
    }
    let mut code = String::from(
        "/// The characters beyond ASCII of Unicode's N (`char::is_numeric`): per range,\n\
         /// its distance from the end of the previous one (from U+0080) and its length\n\
         /// − 1, LEB128 (`build/ident.rs`).\n\
         pub(crate) static NUMBERS: &[u8] = &[",
    );
    for (i, b) in bytes.iter().enumerate() {
        if i > 0 {
            code.push(',');
        }
        let _ = write!(code, "{b}");
    }
    code.push_str("];\n");
    code
}
