//! The basis table: every basis the rules emit is cited in `data/citations.json`,
//! and `docs/basis.md` lists each `(code, basis)` pair with its citation and the
//! quote of the clause. Collected over the parity corpus and the examples with
//! their variants (every edition, no documents, a broken ИИН/БИН, a wrong
//! total); `KZ_BLESS=1 cargo test --test it basis::` rewrites the table.

use std::collections::{BTreeMap, BTreeSet};

use kz_eco_rules::findings::{catalog, Severity};
use kz_eco_rules::{validate_json, Lang, Options};
use serde_json::Value;

use crate::common;

const TABLE: &str = "docs/basis.md";
const EDITIONS: [&str; 5] = [
    "almaty_oblast_2012",
    "aktobe_2013",
    "karaganda_2013",
    "almaty_city_2019",
    "eco_code_2021",
];

/// `(code, basis)` of every finding with a basis in a JSON answer.
fn collect(v: &Value, out: &mut BTreeSet<(String, String)>) {
    match v {
        Value::Object(m) => {
            if let (Some(Value::String(code)), Some(Value::String(basis)), Some(_)) =
                (m.get("code"), m.get("basis"), m.get("severity"))
            {
                out.insert((code.clone(), basis.clone()));
            }
            m.values().for_each(|x| collect(x, out));
        }
        Value::Array(a) => a.iter().for_each(|x| collect(x, out)),
        _ => {}
    }
}

/// The examples and their variants.
fn variants() -> Vec<String> {
    let mut out = Vec::new();
    for (name, text) in common::EXAMPLES {
        out.push(text.to_string());
        out.push(common::edited(name, |v| {
            v["documents"] = Value::Array(vec![])
        }));
        out.push(common::edited(name, |v| {
            v["applicant"]["iin_bin"] = Value::String("940140000380".into())
        }));
        out.push(common::edited(name, |v| {
            if let Some(t) = v.pointer_mut("/air_emissions/years/0/total/requested/t_per_year") {
                *t = Value::String("999999".into());
            }
            if let Some(t) = v.pointer_mut("/industrial_sites/0/area_ha") {
                *t = Value::String("0".into());
            }
        }));
        for ed in EDITIONS {
            out.push(common::edited(name, |v| {
                v["edition"] = Value::String(ed.into());
                v["documents"] = Value::Array(vec![]);
            }));
        }
    }
    out
}

/// Every `(code, basis)` the rules emit over the corpus and the variants.
fn emitted() -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    for answer in crate::parity::native_answers() {
        collect(&serde_json::from_str(&answer).unwrap(), &mut out);
    }
    for text in variants() {
        let report = validate_json(&text, &Options::with_lang(Lang::Ru));
        for f in &report.findings {
            if let Some(b) = &f.basis {
                out.insert((f.code.to_owned(), b.to_string()));
            }
        }
    }
    out
}

/// What `data/citations.json` records of a clause's text: its quote, why it
/// has none (`unverified`), or why the basis is no clause (`no_clause`).
#[derive(Clone)]
enum Text {
    Quote(String),
    Unverified(String),
    NoClause(String),
}

/// The recorded text of each clause of `data/citations.json`, by basis.
fn quotes() -> BTreeMap<String, Text> {
    let text = std::fs::read_to_string("data/citations.json").unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    let mut out = BTreeMap::new();
    for c in v["clauses"].as_array().unwrap() {
        let Some(b) = c["basis"].as_str() else {
            continue;
        };
        if let Some(q) = c["quote"].as_str() {
            out.insert(b.to_owned(), Text::Quote(q.to_owned()));
        } else if let Some(u) = c["unverified"].as_str() {
            out.insert(b.to_owned(), Text::Unverified(u.to_owned()));
        } else if let Some(n) = c["no_clause"].as_str() {
            out.insert(b.to_owned(), Text::NoClause(n.to_owned()));
        }
    }
    out
}

/// `(code, basis)` of every error with a basis over the corpus and the variants.
fn emitted_errors() -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    for answer in crate::parity::native_answers() {
        collect_errors(&serde_json::from_str(&answer).unwrap(), &mut out);
    }
    for text in variants() {
        let report = validate_json(&text, &Options::with_lang(Lang::Ru));
        for f in &report.findings {
            if let (Some(b), Severity::Error) = (&f.basis, f.severity) {
                out.insert((f.code.to_owned(), b.to_string()));
            }
        }
    }
    out
}

/// `(code, basis)` of every error with a basis in a JSON answer.
fn collect_errors(v: &Value, out: &mut BTreeSet<(String, String)>) {
    match v {
        Value::Object(m) => {
            if let (Some(Value::String(code)), Some(Value::String(basis)), Some("error")) = (
                m.get("code"),
                m.get("basis"),
                m.get("severity").and_then(Value::as_str),
            ) {
                out.insert((code.clone(), basis.clone()));
            }
            m.values().for_each(|x| collect_errors(x, out));
        }
        Value::Array(a) => a.iter().for_each(|x| collect_errors(x, out)),
        _ => {}
    }
}

/// The errors among `errors` whose basis is no clause (`no_clause` in `texts`):
/// `ok` false on a ground no law states.
fn errors_without_clause(
    errors: &BTreeSet<(String, String)>,
    texts: &BTreeMap<String, Text>,
) -> Vec<String> {
    errors
        .iter()
        .filter(|(_, b)| matches!(texts.get(b), Some(Text::NoClause(_))))
        .map(|(c, b)| format!("{c}: {b}"))
        .collect()
}

#[test]
fn a_check_no_clause_states_is_never_an_error() {
    let texts = quotes();
    let errors = emitted_errors();
    assert_eq!(errors_without_clause(&errors, &texts), Vec::<String>::new());
    // The consistency check is cited, and marked as no clause.
    assert!(matches!(
        texts.get("consistency check"),
        Some(Text::NoClause(_))
    ));
    assert!(catalog::is_cited("consistency check"));
    // Were an error's basis marked as no clause, the check would report it.
    let (code, basis) = errors
        .iter()
        .next()
        .expect("some error with a basis")
        .clone();
    let mut marked = texts;
    marked.insert(basis.clone(), Text::NoClause("test".to_owned()));
    assert!(errors_without_clause(&errors, &marked).contains(&format!("{code}: {basis}")));
}

/// The rows of `pairs` with a clause (a part of a `→` chain) that has neither a
/// quote nor an `unverified` mark in `texts`.
fn unquoted(pairs: &BTreeSet<(String, String)>, texts: &BTreeMap<String, Text>) -> Vec<String> {
    pairs
        .iter()
        .flat_map(|(c, b)| {
            b.split(" → ")
                .filter(|part| !texts.contains_key(*part))
                .map(move |part| format!("{c}: {part}"))
        })
        .collect()
}

/// The bases among `pairs` that `data/citations.json` does not cite.
fn uncited(pairs: &BTreeSet<(String, String)>) -> Vec<String> {
    pairs
        .iter()
        .filter(|(_, b)| !catalog::is_cited(b))
        .map(|(c, b)| format!("{c}: {b}"))
        .collect()
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// The Markdown table of `pairs`.
fn table(pairs: &BTreeSet<(String, String)>) -> String {
    let texts = quotes();
    let mut out = String::from(
        "# Bases of the findings\n\n\
         Generated by `tests/it/basis.rs` from `data/citations.json` and what the rules emit over \
         the parity corpus and the examples with their variants — do not edit; \
         `KZ_BLESS=1 cargo test --test it basis::` rewrites it.\n\n\
         Every finding carries its machine `basis` and `basis_text`, the citation in the \
         report's language (here Russian). A quote is the clause's own words in the act's \
         language (Russian; Kazakh for the acts published in Kazakh only, the Almaty-oblast 2012 \
         and Karaganda 2013 regulations), shortened with «…»; « / » separates the points of a \
         basis that cites several, and the parts of a `→` chain. The source's extraction \
         artefacts (letter-spaced words, link text moved to the end of its line) are repaired \
         and a table's column headings are listed separated by «;». A clause whose text was \
         not obtained says why (\"unverified: …\"); a check no clause states (the application's \
         data compared with itself) cites the consistency check and says so (\"no clause: …\"); \
         its findings are at most warnings.\n\n\
         | code | edition | basis | citation (ru) | quote |\n|---|---|---|---|---|\n",
    );
    for (code, basis) in pairs {
        let edition = basis.split(' ').next().unwrap_or("");
        let citation = catalog::citation(basis, Lang::Ru).unwrap_or_default();
        let quote: Vec<String> = basis
            .split(" → ")
            .map(|b| match texts.get(b) {
                Some(Text::Quote(q)) => q.clone(),
                Some(Text::Unverified(why)) => format!("unverified: {why}"),
                Some(Text::NoClause(why)) => format!("no clause: {why}"),
                None => "—".to_owned(),
            })
            .collect();
        let quote = quote.join(" / ");
        out.push_str(&format!(
            "| `{code}` | `{edition}` | `{}` | {} | {} |\n",
            cell(basis),
            cell(&citation),
            cell(&quote)
        ));
    }
    out
}

#[test]
fn every_emitted_basis_is_cited_and_in_the_table() {
    let pairs = emitted();
    assert!(pairs.len() > 100, "{}", pairs.len());
    assert_eq!(
        uncited(&pairs),
        Vec::<String>::new(),
        "bases missing from data/citations.json"
    );
    assert_eq!(
        unquoted(&pairs, &quotes()),
        Vec::<String>::new(),
        "clauses with neither a quote nor `unverified` in data/citations.json"
    );
    let text = table(&pairs);
    if std::env::var_os("KZ_BLESS").is_some() {
        std::fs::write(TABLE, &text).unwrap();
    }
    let committed = std::fs::read_to_string(TABLE).unwrap_or_default();
    assert!(
        committed == text,
        "{TABLE} differs from what the rules emit: KZ_BLESS=1 cargo test --test it basis::"
    );
}

#[test]
fn the_checks_fail_on_an_uncited_basis_or_a_missing_row() {
    let mut pairs = BTreeSet::new();
    pairs.insert((
        "documents.missing".to_owned(),
        "almaty_oblast_2012 PR §11.1.1".to_owned(),
    ));
    assert!(uncited(&pairs).is_empty());
    pairs.insert((
        "documents.missing".to_owned(),
        "almaty_oblast_2012 PR §99.9".to_owned(),
    ));
    pairs.insert((
        "documents.missing".to_owned(),
        "aktobe_2013 GR §7.8 → almaty_oblast_2012 GR §99".to_owned(),
    ));
    assert_eq!(uncited(&pairs).len(), 2);
    // A pair the committed table does not have makes the table differ.
    let committed = std::fs::read_to_string(TABLE).unwrap();
    assert!(!committed.contains("§99.9"));
    assert_ne!(table(&pairs), committed);
}

/// Every machine basis in a JSON answer, findings' or not: a checklist item's
/// `basis`, a list's `derived_from`, each date's of the deadlines' `basis` object,
/// a day's `basis`.
fn all_bases(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                match (k.as_str(), x) {
                    ("basis" | "derived_from", Value::String(b)) => {
                        out.insert(b.clone());
                    }
                    ("basis", Value::Object(dates)) => {
                        out.extend(dates.values().filter_map(|b| b.as_str().map(str::to_owned)));
                    }
                    _ => all_bases(x, out),
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|x| all_bases(x, out)),
        _ => {}
    }
}

#[test]
fn every_basis_shown_besides_findings_is_cited() {
    let mut bases = BTreeSet::new();
    for answer in crate::parity::native_answers() {
        all_bases(&serde_json::from_str(&answer).unwrap(), &mut bases);
    }
    for year in 2012..=2030 {
        bases.extend(kz_eco_rules::calendar::special_days(year).map(|d| d.basis.to_owned()));
    }
    assert!(bases.len() > 100, "{}", bases.len());
    let uncited: Vec<&String> = bases.iter().filter(|b| !catalog::is_cited(b)).collect();
    assert_eq!(
        uncited,
        Vec::<&String>::new(),
        "bases missing from data/citations.json"
    );
    // A calendar day's basis in Russian names no English.
    let day = kz_eco_rules::calendar::special_days(2027)
        .find(|d| d.basis.contains("; "))
        .unwrap();
    assert_eq!(
        day.basis_text(Lang::Ru),
        "ст. 94 Конституции Республики Казахстан, принятой на республиканском референдуме \
         15.03.2026; Закон РК от 13.12.2001 № 267-II «О праздниках в Республике Казахстан»"
    );
}

#[test]
fn every_basis_is_cited_once_in_the_data() {
    let text = std::fs::read_to_string("data/citations.json").unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    let mut seen = BTreeSet::new();
    for c in v["clauses"].as_array().unwrap() {
        let b = c["basis"].as_str().unwrap();
        assert!(seen.insert(b), "{b} twice");
    }
}

#[test]
fn a_named_basis_comes_from_the_data() {
    use kz_eco_rules::findings::Basis;
    assert_eq!(
        Basis::named("transition.old_permit_valid").to_string(),
        "eco_code_2021 art. 418 p. 8"
    );
    // A key the data lacks gives a basis no citation covers: the table test fails.
    let missing = Basis::named("no.such_rule").to_string();
    assert!(!catalog::is_cited(&missing));
}

#[test]
fn a_clause_without_a_quote_fails_unless_marked_unverified() {
    let mut pairs = BTreeSet::new();
    pairs.insert((
        "documents.missing".to_owned(),
        "aktobe_2013 GR §6.5 → almaty_oblast_2012 GR §11.2.1".to_owned(),
    ));
    let mut texts = quotes();
    assert!(unquoted(&pairs, &texts).is_empty());
    // A chain's second clause without its quote fails …
    texts.remove("almaty_oblast_2012 GR §11.2.1");
    assert_eq!(
        unquoted(&pairs, &texts),
        vec!["documents.missing: almaty_oblast_2012 GR §11.2.1".to_owned()]
    );
    // … unless the data says why it has none.
    texts.insert(
        "almaty_oblast_2012 GR §11.2.1".to_owned(),
        Text::Unverified("text not obtained".to_owned()),
    );
    assert!(unquoted(&pairs, &texts).is_empty());
    // The table says why a clause has no quote.
    let law = quotes()
        .into_iter()
        .find_map(|(b, t)| matches!(t, Text::Unverified(_)).then_some(b))
        .expect("a clause marked unverified");
    let mut pairs = BTreeSet::new();
    pairs.insert(("calendar.year_not_covered".to_owned(), law));
    assert!(table(&pairs).contains("| unverified: "));
}
