//! The embedded 2021 Code's "instead" answers, and every date's answer (an
//! edition, or a finding naming the regime not in the library). The edition
//! loaded from a fixture is tested in `tests/extra_edition.rs`, in its own
//! process (a registered edition is global).

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
        "service": service, "category": category, "channel": "portal",
        "action": if service == "ecological_expertise" { "first" } else { "issue" },
        "region": "almaty_city", "submitted_at": at, "eds_signed": true
    })
}

#[test]
fn the_2021_code_says_what_applies_instead() {
    let o = Options::with_lang(Lang::Ru);
    let at = "2026-03-17T10:00:00+05:00";
    let case = |service: &str, category: &str| {
        let r = validate_json(&app(service, category, at).to_string(), &o);
        assert_eq!(r.edition.as_deref(), Some("eco_code_2021"));
        r.findings
            .iter()
            .filter(|f| f.code.starts_with("editions."))
            .map(|f| {
                (
                    f.code,
                    f.severity,
                    f.basis
                        .as_ref()
                        .map(ToString::to_string)
                        .unwrap_or_default(),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        case("environmental_permit", "IV"),
        [(
            "editions.nothing_required",
            Severity::Info,
            "eco_code_2021 art. 106 p. 7; art. 110 p. 1".to_owned()
        )]
    );
    assert_eq!(
        case("environmental_permit", "III")[0].0,
        "editions.declaration_instead"
    );
    assert_eq!(
        case("emission_permit", "II")[0].0,
        "editions.permit_instead"
    );
    assert_eq!(
        case("ecological_expertise", "II")[0].0,
        "editions.expertise_within_permit"
    );
    let i = case("environmental_permit", "I");
    assert_eq!(i[0].0, "editions.complex_permit_instead");
    assert!(i[0].2.contains("art. 418 p. 4"));
    assert!(case("environmental_permit", "II").is_empty());
    assert!(case("impact_declaration", "III").is_empty());
    assert!(case("ecological_expertise", "III").is_empty());
}

#[test]
fn every_date_from_the_first_edition_has_an_answer() {
    // Every day from 23.11.2012 to the end of 2030, in every region: an edition,
    // or a finding naming the regime whose rules are not in the library.
    let o = Options::default();
    for region in kz_eco_rules::editions::regions() {
        let mut day = kz_eco_rules::calendar::Date::new(2012, 11, 23).unwrap();
        let end = kz_eco_rules::calendar::Date::new(2031, 1, 1).unwrap();
        while day < end {
            let q = json!({"region": region.id, "submitted_at": format!("{day}T12:00:00+05:00")});
            let r = validate_json(&q.to_string(), &o);
            let named = r
                .findings
                .iter()
                .any(|f| f.code == "editions.not_in_library");
            assert!(
                r.edition.is_some() || named,
                "{} {day}: {:?}",
                region.id,
                codes(&r)
            );
            assert!(!codes(&r).contains(&("editions.not_covered", "/submitted_at")));
            if day >= kz_eco_rules::calendar::Date::new(2021, 7, 1).unwrap() {
                assert_eq!(r.edition.as_deref(), Some("eco_code_2021"), "{day}");
            }
            day = day.add_days(7).unwrap();
        }
    }
}
