//! The basis table: every basis the rules emit is cited in `data/citations.json`,
//! every clause it names is quoted there (or marked `unverified`), and
//! `docs/basis.md` lists each finding's `(code, basis)` pair and every other basis
//! an answer shows (checklists, derived lists, deadlines, days, a clause a message
//! names) with its citation and the quote of the clause. Collected over the parity
//! corpus, the examples with their variants (every edition, no documents, a broken
//! ИИН/БИН, a wrong total), the calendar's days and the bases rule code names by
//! key; `KZ_BLESS=1 cargo test --test it basis::` rewrites the table.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use kz_eco_rules::calendar;
use kz_eco_rules::findings::{catalog, Basis, Severity};
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
            // Wrong rows: a site twice, an empty cell, a year twice and a gap,
            // and a permit whose condition and appendix years disagree with
            // each other and with its validity.
            out.push(common::edited(name, |v| {
                v["edition"] = Value::String(ed.into());
                if let Some(Value::Array(sites)) = v.get_mut("industrial_sites") {
                    if let Some(first) = sites.first().cloned() {
                        sites.push(first);
                    }
                }
                if let Some(t) = v
                    .pointer_mut("/air_emissions/years/0/sites/0/substances/0/requested/t_per_year")
                {
                    *t = Value::String(String::new());
                }
                if let Some(Value::Array(years)) = v.pointer_mut("/air_emissions/years") {
                    if let Some(first) = years.first().cloned() {
                        let mut gap = first.clone();
                        if let Some(y) = first["year"].as_i64() {
                            gap["year"] = Value::from(y + 2);
                        }
                        years.push(first);
                        years.push(gap);
                    }
                }
                v["permit"] = serde_json::json!({
                    "valid_from_year": 2030,
                    "valid_to_year": 2031,
                    "air_limits": { "years": [
                        { "year": 2030, "sites": [] },
                        { "year": 2033, "sites": [] }
                    ] },
                    "conditions": { "air": [ { "year": 2032, "tonnes": "1" } ] }
                });
            }));
            // Unsigned, a broken ИИН/БИН and a revoked certificate, on the portal.
            out.push(common::edited(name, |v| {
                v["edition"] = Value::String(ed.into());
                v["channel"] = Value::String("portal".into());
                v["eds_signed"] = Value::Bool(false);
                v["applicant"]["iin_bin"] = Value::String("940140000380".into());
                v["eds"] = serde_json::json!({ "revoked": true });
            }));
        }
    }
    out
}

/// Every `(code, basis)` the rules emit over the corpus and the variants.
fn emitted() -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    for (_, answer) in crate::parity::native_answers() {
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

/// The clauses of `data/citations.json`, as JSON.
fn clause_data() -> &'static Vec<Value> {
    static DATA: OnceLock<Vec<Value>> = OnceLock::new();
    DATA.get_or_init(|| {
        let text = std::fs::read_to_string("data/citations.json").unwrap();
        let v: Value = serde_json::from_str(&text).unwrap();
        v["clauses"].as_array().unwrap().clone()
    })
}

/// Every basis `data/citations.json` lists a clause for.
fn listed() -> BTreeSet<&'static str> {
    clause_data()
        .iter()
        .filter_map(|c| c["basis"].as_str())
        .collect()
}

/// The clauses of `data/citations.json` a basis consists of: the parts of a `→`
/// chain (a derived list and its source), and of a day's basis joined by `; `
/// (`Constitution of 2026 art. 94; Law No. 267-II (from 2027)`) unless the whole
/// is listed.
fn parts(basis: &str) -> Vec<&str> {
    let listed = listed();
    basis
        .split(" → ")
        .flat_map(|part| {
            if listed.contains(part) {
                vec![part]
            } else {
                part.split("; ").collect()
            }
        })
        .collect()
}

/// The recorded text of each clause of `data/citations.json`, by basis.
fn quotes() -> BTreeMap<String, Text> {
    let mut out = BTreeMap::new();
    for c in clause_data() {
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
    for (_, answer) in crate::parity::native_answers() {
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

/// The rows of `pairs` with a clause (see [`parts`]) that has neither a quote
/// nor an `unverified` mark in `texts`.
fn unquoted(pairs: &BTreeSet<(String, String)>, texts: &BTreeMap<String, Text>) -> Vec<String> {
    pairs
        .iter()
        .flat_map(|(c, b)| {
            parts(b)
                .into_iter()
                .filter(|part| !texts.contains_key(*part))
                .map(move |part| format!("{c}: {part}"))
        })
        .collect()
}

/// The quote of each clause of `basis`, « / » between them.
fn quote_of(basis: &str, texts: &BTreeMap<String, Text>) -> String {
    let quote: Vec<String> = parts(basis)
        .into_iter()
        .map(|b| match texts.get(b) {
            Some(Text::Quote(q)) => q.clone(),
            Some(Text::Unverified(why)) => format!("unverified: {why}"),
            Some(Text::NoClause(why)) => format!("no clause: {why}"),
            None => "—".to_owned(),
        })
        .collect();
    quote.join(" / ")
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
         the parity corpus, the examples with their variants and the calendar's days — do not \
         edit; \
         `KZ_BLESS=1 cargo test --test it basis::` rewrites it.\n\n\
         Every finding carries its machine `basis` and `basis_text`, the citation in the \
         report's language (here Russian). A quote is the clause's own words in the act's \
         language (Russian; Kazakh for the acts published in Kazakh only, the Almaty-oblast 2012 \
         and Karaganda 2013 regulations), shortened with «…»; « / » separates the points of a \
         basis that cites several, and the parts of a `→` chain. The source's extraction \
         artefacts (letter-spaced words, link text moved to the end of its line) are repaired; \
         a table's column headings and a step's cells (participant, action, result, time) are \
         listed separated by «;». A clause whose text was not obtained says why \
         (\"unverified: …\"); a check no clause states (the application's data compared with \
         itself) cites the consistency check and says so (\"no clause: …\"); its findings are \
         at most warnings.\n\n\
         | code | edition | basis | citation (ru) | quote |\n|---|---|---|---|---|\n",
    );
    for (code, basis) in pairs {
        let edition = basis.split(' ').next().unwrap_or("");
        let citation = catalog::citation(basis, Lang::Ru).unwrap_or_default();
        out.push_str(&format!(
            "| `{code}` | `{edition}` | `{}` | {} | {} |\n",
            cell(basis),
            cell(&citation),
            cell(&quote_of(basis, &texts))
        ));
    }
    out
}

/// The second table: every other basis shown (`shown`: basis → where), with its
/// citation and quote.
fn other_table(shown: &BTreeMap<String, BTreeSet<String>>) -> String {
    let texts = quotes();
    let mut out = String::from(
        "\n## Bases shown besides findings\n\n\
         Every other basis an answer shows, and where: a checklist's items and list \
         (`documents /checklist/…/basis`), a derived list's source (`derived_from`), each \
         deadline (`deadlines /basis/<date>`), a calendar day (`days /basis`), a clause a \
         finding's message names (`/findings/*/params/<name>`), the calendar's public bases \
         (`calendar::…`), and a basis that rule code names by key (`rule <key>`, from \
         `data/citations.json`) or reads from an edition's data (`edition <id> permit_term`, \
         `tables.…`) where no finding above shows it. Paths are JSON Pointers into the \
         answer, `*` for any index.\n\n\
         | basis | shown as | citation (ru) | quote |\n|---|---|---|---|\n",
    );
    for (basis, at) in shown {
        let citation = catalog::citation(basis, Lang::Ru).unwrap_or_default();
        let at: Vec<String> = at.iter().map(|a| format!("`{}`", cell(a))).collect();
        out.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            cell(basis),
            at.join(", "),
            cell(&citation),
            cell(&quote_of(basis, &texts))
        ));
    }
    out
}

/// Every basis an answer shows besides a finding's own: `basis` and
/// `derived_from` strings, each date's basis of a deadlines' `basis` object, and a
/// finding's parameter that its message cites (a `Param::Cite`: the message holds
/// the citation of the value), each with where it is shown (`kind` and the JSON
/// Pointer, `*` for an index).
fn shown_in(v: &Value, at: &str, out: &mut BTreeMap<String, BTreeSet<String>>) {
    fn add(out: &mut BTreeMap<String, BTreeSet<String>>, basis: &str, at: String) {
        out.entry(basis.to_owned()).or_default().insert(at);
    }
    match v {
        Value::Object(m) if m.contains_key("severity") && m.contains_key("code") => {
            let message = m.get("message").and_then(Value::as_str).unwrap_or("");
            let params = m.get("params").and_then(Value::as_object);
            for (name, p) in params.into_iter().flatten() {
                let Some(p) = p.as_str() else { continue };
                let cited = [Lang::Kk, Lang::Ru, Lang::En]
                    .into_iter()
                    .filter_map(|l| catalog::citation(p, l))
                    .any(|c| message.contains(&c));
                if cited {
                    add(out, p, format!("{at}/params/{name}"));
                }
            }
        }
        Value::Object(m) => {
            for (k, x) in m {
                match (k.as_str(), x) {
                    ("basis" | "derived_from", Value::String(b)) => {
                        add(out, b, format!("{at}/{k}"))
                    }
                    ("basis", Value::Object(dates)) => {
                        for (date, b) in dates {
                            if let Some(b) = b.as_str() {
                                add(out, b, format!("{at}/basis/{date}"));
                            }
                        }
                    }
                    _ => shown_in(x, &format!("{at}/{k}"), out),
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|x| shown_in(x, &format!("{at}/*"), out)),
        _ => {}
    }
}

/// Every basis shown besides findings' own, over the corpus, the calendar's days
/// and public bases, and the bases rule code names by key (`rules` of
/// `data/citations.json`) or reads from `data/editions.json` (permit term, tables)
/// that `findings` (the findings' bases) lacks.
fn shown(findings: &BTreeSet<(String, String)>) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for (kind, answer) in crate::parity::native_answers() {
        shown_in(
            &serde_json::from_str(&answer).unwrap(),
            &format!("{kind} "),
            &mut out,
        );
    }
    for year in 2012..=2030 {
        for d in calendar::special_days(year) {
            out.entry(d.basis.to_owned())
                .or_default()
                .insert("days /basis".to_owned());
        }
    }
    for (name, basis) in [
        ("STATUTE_BASIS", calendar::STATUTE_BASIS),
        ("CARRY_OVER_BASIS", calendar::CARRY_OVER_BASIS),
        ("TRANSFER_BASIS", calendar::TRANSFER_BASIS),
    ] {
        let at = format!("calendar::{name}");
        out.entry(basis.to_owned()).or_default().insert(at);
    }
    // Bases rule code names by key, and an edition's own permit term and table
    // clauses, where no finding above shows them.
    let mut named = Vec::new();
    let text = std::fs::read_to_string("data/citations.json").unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    for key in v["rules"].as_object().unwrap().keys() {
        named.push((Basis::named(key).to_string(), format!("rule {key}")));
    }
    let text = std::fs::read_to_string("data/editions.json").unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    for ed in v["editions"].as_array().unwrap() {
        let id = ed["id"].as_str().unwrap();
        let term = &ed["permit_term"];
        if let (Some(source), Some(clause)) = (term["source"].as_str(), term["clause"].as_str()) {
            named.push((
                format!("{source} {clause}"),
                format!("edition {id} permit_term"),
            ));
        }
        for key in ["basis", "refusal"] {
            if let Some(clause) = ed["tables"][key].as_str() {
                named.push((
                    format!("{id} {clause}"),
                    format!("edition {id} tables.{key}"),
                ));
            }
        }
    }
    let in_findings: BTreeSet<&str> = findings.iter().map(|(_, b)| b.as_str()).collect();
    for (basis, at) in named {
        if !in_findings.contains(basis.as_str()) {
            out.entry(basis).or_default().insert(at);
        }
    }
    out
}

#[test]
fn every_emitted_basis_is_cited_and_in_the_table() {
    let pairs = emitted();
    assert!(pairs.len() > 100, "{}", pairs.len());
    let others = shown(&pairs);
    assert!(others.len() > 100, "{}", others.len());
    let other_pairs: BTreeSet<(String, String)> = others
        .iter()
        .map(|(b, at)| (at.iter().next().unwrap().clone(), b.clone()))
        .collect();
    assert_eq!(
        uncited(&pairs)
            .into_iter()
            .chain(uncited(&other_pairs))
            .collect::<Vec<_>>(),
        Vec::<String>::new(),
        "bases missing from data/citations.json"
    );
    assert_eq!(
        unquoted(&pairs, &quotes())
            .into_iter()
            .chain(unquoted(&other_pairs, &quotes()))
            .collect::<Vec<_>>(),
        Vec::<String>::new(),
        "clauses with neither a quote nor `unverified` in data/citations.json"
    );
    let text = table(&pairs) + &other_table(&others);
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
fn every_clause_of_the_data_is_quoted_or_marked() {
    // A citation comes only from data/citations.json (a basis not there is shown
    // in its machine form, and the tests above fail on it), so every clause the
    // library can cite anywhere — a finding, a checklist, a derived list, a
    // deadline, a day, a form — is one of these, reached by the corpus or not.
    let texts = quotes();
    let missing: Vec<&str> = listed()
        .into_iter()
        .filter(|b| !texts.contains_key(*b))
        .collect();
    assert_eq!(
        missing,
        Vec::<&str>::new(),
        "clauses with neither a quote nor `unverified` in data/citations.json"
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

#[test]
fn every_basis_shown_besides_findings_is_found() {
    let others = shown(&BTreeSet::new());
    let has = |basis: &str, at: &str| others.get(basis).is_some_and(|a| a.contains(at));
    // A deadline step, a derived list's source, a clause a message names, a day,
    // a named rule, an edition's permit term, a calendar constant.
    assert!(has(
        "karaganda_2013 App.1 T1 step 9, T2 step 9, T3 step 9",
        "deadlines /basis/decision_due"
    ));
    assert!(has(
        "almaty_oblast_2012 PR §11.1.1",
        "documents /checklist/derived_from"
    ));
    assert!(has(
        "karaganda_2013 §7.10–§7.11, §8.9–§8.10 → almaty_oblast_2012 PR §16.1",
        "applications /findings/*/params/refusal"
    ));
    assert!(has(
        "Government Decree No. 268 of 2012 (adilet P1200000268)",
        "days /basis"
    ));
    assert!(has(
        "karaganda_2013 App.3 T5",
        "rule emissions.form.table_5@karaganda_2013"
    ));
    assert!(has(
        "eco_code_2021 art. 120 p. 5",
        "edition eco_code_2021 permit_term"
    ));
    assert!(has("Labour Code art. 85 p. 3", "calendar::TRANSFER_BASIS"));
    // An edition named in a parameter is not a citation.
    assert!(!others.contains_key("almaty_oblast_2012"));
    // A calendar day's basis in Russian names no English.
    let day = kz_eco_rules::calendar::special_days(2027)
        .find(|d| d.basis.contains("; "))
        .unwrap();
    assert_eq!(
        day.basis_text(Lang::Ru),
        "ст. 94 Конституции Республики Казахстан, принятой на республиканском референдуме \
         15.03.2026; Закон РК от 13.12.2001 № 267-II «О праздниках в Республике Казахстан»"
    );
    assert_eq!(
        parts(day.basis),
        vec!["Constitution of 2026 art. 94", "Law No. 267-II (from 2027)"]
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

/// The `refusal` strings of the document lists (`data/documents/*.json`).
fn refusals(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                match (k.as_str(), x) {
                    ("refusal", Value::String(s)) => out.push(s.clone()),
                    _ => refusals(x, out),
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|x| refusals(x, out)),
        _ => {}
    }
}

#[test]
fn a_refusal_ground_taken_from_another_edition_is_cited_as_one() {
    // A list's `refusal` written as a chain takes another edition's refusal
    // ground: its source must be marked `refusal_ground`, so that the citation
    // reads «основания для отказа — …», not «перечень документов — …».
    let grounds: BTreeSet<&str> = clause_data()
        .iter()
        .filter(|c| c["refusal_ground"] == Value::Bool(true))
        .filter_map(|c| c["basis"].as_str())
        .collect();
    let mut chains = 0;
    for entry in std::fs::read_dir("data/documents").unwrap() {
        let path = entry.unwrap().path();
        let v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let mut found = Vec::new();
        refusals(&v, &mut found);
        for r in found {
            let mut parts = r.split(" → ");
            let edition = path.file_stem().unwrap().to_str().unwrap();
            let chain = format!("{edition} {r}");
            for source in parts.by_ref().skip(1) {
                chains += 1;
                assert!(
                    grounds.contains(source),
                    "{}: the source `{source}` of `{r}` is not marked `refusal_ground`",
                    path.display()
                );
                let ru = catalog::citation(&chain, Lang::Ru).unwrap();
                assert!(ru.contains("(основания для отказа — "), "{ru}");
            }
        }
    }
    assert!(chains > 0, "no refusal ground written as a chain was read");
}
