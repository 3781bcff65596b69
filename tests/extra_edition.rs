//! Editions are data: an edition registered at run time from a fixture file (the
//! format of `data/editions.json`, `tests/fixtures/extra_edition.json`) is
//! selected, offers its services, says what applies instead, and sets the permit
//! term and the table checks — with no code of its own. A test binary of its
//! own: the registration is process-wide.
#![cfg(not(target_arch = "wasm32"))]

use kz_eco_rules::{validate_json, Lang, Options, Severity};
use serde_json::json;

fn codes(r: &kz_eco_rules::Report) -> Vec<(&str, &str)> {
    r.findings
        .iter()
        .map(|f| (f.code, f.path.as_str()))
        .collect()
}

fn app(service: &str, category: &str, at: &str) -> serde_json::Value {
    json!({
        "applicant": {"name": "ТОО «Тест»", "kind": "legal_entity", "iin_bin": "940140000385"},
        "service": service, "action": "issue", "category": category, "channel": "portal",
        "region": "almaty_city", "submitted_at": at, "eds_signed": true
    })
}

#[test]
fn an_edition_loaded_from_a_fixture_answers_without_code() {
    let text = include_str!("fixtures/extra_edition.json");
    let ids = kz_eco_rules::editions::load(text).unwrap();
    assert_eq!(ids, ["fixture_code_2099"]);
    // Loading it again is refused: ids are unique.
    assert!(kz_eco_rules::editions::load(text).is_err());

    let o = Options::with_lang(Lang::En);
    let at = "2099-03-03T10:00:00+05:00";
    // Selected by region and date: the later national edition supersedes 2021's.
    let r = validate_json(&app("environmental_permit", "III", at).to_string(), &o);
    assert_eq!(r.edition.as_deref(), Some("fixture_code_2099"));
    assert!(
        !codes(&r).iter().any(|(c, _)| c.starts_with("editions.")),
        "{:?}",
        codes(&r)
    );

    // Its "instead" entries: category IV needs nothing (info), a declaration
    // is replaced by the permit (a warning, as the fixture says).
    let r = validate_json(&app("environmental_permit", "IV", at).to_string(), &o);
    let f = r
        .findings
        .iter()
        .find(|f| f.code == "editions.nothing_required")
        .unwrap();
    assert_eq!((f.severity, f.path.as_str()), (Severity::Info, "/category"));
    assert_eq!(
        f.basis.as_ref().map(ToString::to_string).as_deref(),
        Some("fixture_code_2099 art. 2")
    );
    assert!(f.message.contains("test code"), "{}", f.message);
    let r = validate_json(&app("impact_declaration", "III", at).to_string(), &o);
    let f = r
        .findings
        .iter()
        .find(|f| f.code == "editions.permit_instead")
        .unwrap();
    assert_eq!(f.severity, Severity::Warning);

    // Its permit term (2 years) and table checks (form checks off).
    let mut a = app("environmental_permit", "II", at);
    let years: Vec<serde_json::Value> = [2097, 2098, 2099]
        .iter()
        .map(|y| {
            json!({"year": y, "total": {"normative": "1", "requested": "1"},
                   "items": [{"name": "Зола", "code": "10 01 01", "normative": "1", "requested": "1"}]})
        })
        .collect();
    a["waste"] = json!({ "years": years });
    let r = validate_json(&a.to_string(), &o);
    let f = r
        .findings
        .iter()
        .find(|f| f.code == "emissions.too_many_years")
        .unwrap();
    assert_eq!(
        f.params.get("max"),
        Some(&kz_eco_rules::findings::Param::Int(2))
    );
    assert_eq!(
        f.basis.as_ref().map(ToString::to_string).as_deref(),
        Some("fixture_code_2099 art. 4")
    );
}
