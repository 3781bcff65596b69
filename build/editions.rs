//! `data/editions.json` → regions, regulation editions and unlisted periods
//! (`editions.rs`).
//!
//! The file is read into the typed structs of `src/editions/spec.rs` (unknown
//! fields are errors) and checked by `EditionsFile::problems`, the check the
//! run-time loader uses too: unique ids, scope `"national"` or known regions,
//! real dates with `from < until` (no `until`: in force), services, actions,
//! categories and channels of the model, "instead" entries that name something
//! not provided and a catalog code, names in three languages.

use std::fmt::Write as _;

use crate::cut::prose;
use crate::edition_spec::{parse_date, EditionsFile, Names, ScopeSpec};
use crate::gen::{self, lit, Problems};

/// The Rust path of a model value (`Service::EnvironmentalPermit`).
fn rust(kind: &str, id: &str) -> String {
    let name: String = id
        .split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect();
    format!("{kind}::{name}")
}

fn localized(n: &Names) -> String {
    gen::localized(&n.kk, &n.ru, &n.en)
}

fn slice(kind: &str, ids: &[String]) -> String {
    let parts: Vec<String> = ids.iter().map(|i| rust(kind, i)).collect();
    format!("&[{}]", parts.join(", "))
}

/// Codes of the message catalog (`data/messages/*.json`).
fn catalog_codes() -> Vec<String> {
    let mut codes = Vec::new();
    for entry in std::fs::read_dir("data/messages")
        .into_iter()
        .flatten()
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".json") && name != "terms.json" {
            let json = gen::read_json(&format!("data/messages/{name}"));
            codes.extend(json.as_object().into_iter().flat_map(|o| o.keys().cloned()));
        }
    }
    codes
}

pub fn generate(p: &mut Problems) -> String {
    let path = "data/editions.json";
    let file: EditionsFile = match gen::load(path, p) {
        Some(f) => f,
        None => {
            return String::from(
                "pub(crate) static REGIONS: &[Region] = &[];\npub(crate) static EDITIONS: &[Edition] = &[];\npub(crate) static UNLISTED: &[Unlisted] = &[];\npub(crate) static RULES_LEFT_OUT: &[&str] = &[];\n",
            );
        }
    };
    let codes = catalog_codes();
    let codes: Vec<&str> = codes.iter().map(String::as_str).collect();
    for problem in file.problems(&[], &codes) {
        p.add(path, problem);
    }

    let mut out =
        String::from("/// Regions with editions.\npub(crate) static REGIONS: &[Region] = &[\n");
    for r in &file.regions {
        let mut offsets = String::new();
        for o in &r.utc_offsets {
            let until = match o
                .until_utc
                .as_deref()
                .and_then(|t| t.strip_suffix('Z')?.split_once('T'))
            {
                Some((d, hms)) => {
                    let (y, m, dd) = parse_date(d).unwrap_or((1970, 1, 1));
                    let parts: Vec<i64> = hms.split(':').filter_map(|x| x.parse().ok()).collect();
                    let secs = match parts.as_slice() {
                        [h, mi, s] => h * 3600 + mi * 60 + s,
                        _ => 0,
                    };
                    format!(
                        "Some({})",
                        gen::days_from_civil(i64::from(y), i64::from(m), i64::from(dd)) * 86_400
                            + secs
                    )
                }
                None => "None".to_owned(),
            };
            let _ = write!(
                offsets,
                "OffsetPeriod {{ until_unix: {until}, minutes: {} }}, ",
                o.minutes
            );
        }
        let _ = writeln!(
            out,
            "    Region {{ id: {}, utc_offsets: &[{offsets}], utc_offsets_basis: {} }},",
            lit(&r.id),
            prose(&r.utc_offsets_basis),
        );
    }
    out.push_str("];\n\n/// Regulation editions.\npub(crate) static EDITIONS: &[Edition] = &[\n");
    for e in &file.editions {
        let scope = match &e.scope {
            ScopeSpec::National(_) => "Scope::National".to_owned(),
            ScopeSpec::Regions(list) => {
                format!(
                    "Scope::Regions({})",
                    gen::str_slice(list.iter().map(String::as_str))
                )
            }
        };
        let period = format!(
            "Period {{ from: {}, until: {}, approximate: {}, note: {} }}",
            gen::date(&e.period.from, path, p),
            e.period.until.as_deref().map_or("None".into(), |u| format!(
                "Some({})",
                gen::date(u, path, p)
            )),
            e.period.approximate,
            prose(&e.period.note),
        );
        let mut services = String::new();
        for s in &e.services {
            let _ = write!(
                services,
                "ServiceOffer {{ service: {}, actions: {}, categories: {}, channels: {}, basis: {} }}, ",
                rust("Service", &s.service),
                slice("Action", &s.actions),
                slice("Category", &s.categories),
                slice("Channel", &s.channels),
                lit(&s.basis),
            );
        }
        let mut instead = String::new();
        for x in &e.instead {
            let opt = |kind: &str, v: &Option<String>| {
                v.as_deref()
                    .map_or("None".into(), |v| format!("Some({})", rust(kind, v)))
            };
            let _ = write!(
                instead,
                "Instead {{ service: {}, category: {}, code: {}, severity: {}, path: {}, instead: {}, basis: {} }}, ",
                opt("Service", &x.service),
                x.category
                    .as_deref()
                    .map_or("None".into(), |c| format!("Some(Category::{c})")),
                lit(&x.code),
                rust("Severity", &x.severity),
                lit(&x.path),
                opt("Service", &x.instead),
                lit(&x.basis),
            );
        }
        let permit_term = match &e.permit_term {
            None => "None".to_owned(),
            Some(t) => {
                let unlimited: Vec<String> = t
                    .unlimited
                    .iter()
                    .map(|u| {
                        format!(
                            "(Category::{}, {})",
                            u.category,
                            gen::date(&u.from, path, p)
                        )
                    })
                    .collect();
                format!(
                    "Some(PermitTerm {{ max_years: {}, source: {}, clause: {}, unlimited: &[{}] }})",
                    t.max_years,
                    lit(&t.source),
                    lit(&t.clause),
                    unlimited.join(", "),
                )
            }
        };
        let opt_str = |v: &Option<String>| {
            v.as_deref()
                .map_or("None".into(), |v| format!("Some({})", lit(v)))
        };
        let tables = format!(
            "Tables {{ form_checks: {}, basis: {}, refusal: {}, note: {} }}",
            e.tables.form_checks,
            opt_str(&e.tables.basis),
            opt_str(&e.tables.refusal),
            prose(&e.tables.note),
        );
        if !crate::cut::keeps(&e.id) {
            // The form build: of an edition whose rules it leaves out, only what
            // selecting it reads (id, scope, period); the module answers an
            // application under it with `editions.not_in_module`.
            let _ = writeln!(
                out,
                "    Edition {{ id: {}, scope: {scope}, names: crate::lang::Localized::new(\"\", \"\", \"\"), act: \"\", seeds: &[], period: Period {{ from: {}, until: {}, approximate: {}, note: \"\" }}, services: &[], instead: &[], permit_term: None, tables: Tables {{ form_checks: false, basis: None, refusal: None, note: \"\" }} }},",
                lit(&e.id),
                gen::date(&e.period.from, path, p),
                e.period.until.as_deref().map_or("None".into(), |u| format!("Some({})", gen::date(u, path, p))),
                e.period.approximate,
            );
            continue;
        }
        let _ = writeln!(
            out,
            "    Edition {{ id: {}, scope: {scope}, names: {}, act: {}, seeds: {}, period: {period}, services: &[{services}], instead: &[{instead}], permit_term: {permit_term}, tables: {tables} }},",
            lit(&e.id),
            localized(&e.names),
            prose(&e.act),
            // The seed files, like the prose, are for the library's users.
            if crate::cut::wasm() {
                "&[]".to_owned()
            } else {
                gen::str_slice(e.seeds.iter().map(String::as_str))
            },
        );
    }
    out.push_str("];\n\n/// Periods of law with no edition in the library.\npub(crate) static UNLISTED: &[Unlisted] = &[\n");
    for u in &file.unlisted {
        let _ = writeln!(
            out,
            "    Unlisted {{ id: {}, from: {}, until: {}, note: {} }},",
            lit(&u.id),
            gen::date(&u.from, path, p),
            gen::date(&u.until, path, p),
            prose(&u.note),
        );
    }
    out.push_str("];\n");
    let _ = writeln!(
        out,
        "\n/// Editions whose rules this build leaves out (the form build without the\n/// repealed editions).\npub(crate) static RULES_LEFT_OUT: &[&str] = {};",
        gen::str_slice(crate::cut::left_out().iter().map(String::as_str))
    );
    out
}
