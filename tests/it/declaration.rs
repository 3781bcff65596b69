//! The declaration of impact (2021 Code art. 110 p. 3) and the transitional
//! provisions for permits of the 2007 Code (art. 418 p. 8–10).

use crate::common::{codes, edited, example};
use kz_eco_rules::{validate_json, Options, Severity};
use serde_json::json;

fn run(text: &str) -> kz_eco_rules::Report {
    validate_json(text, &Options::default())
}

#[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
fn the_2021_examples_pass_under_the_2021_code() {
    for name in [
        "environmental_permit_II",
        "impact_declaration_III",
        "expertise_2021_III",
    ] {
        let r = run(example(name));
        assert_eq!(r.edition.as_deref(), Some("eco_code_2021"), "{name}");
        assert!(r.ok, "{name}: {:?}", codes(&r));
        assert!(
            r.findings.iter().all(|f| f.severity == Severity::Info),
            "{name}: {:?}",
            codes(&r)
        );
    }
}

#[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
fn every_content_item_is_required() {
    let app = "impact_declaration_III";
    let bare = edited(app, |a| {
        a["declaration"] = json!({});
        a["applicant"].as_object_mut().unwrap().remove("address");
    });
    let r = run(&bare);
    let got: Vec<(String, String)> = codes(&r)
        .into_iter()
        .filter(|(c, _)| c.starts_with("declaration."))
        .collect();
    let want: Vec<(String, String)> = [
        "/applicant/address",
        "/declaration/legal_form",
        "/declaration/object_description",
        "/declaration/main_activity",
        "/declaration/products",
        "/declaration/emissions",
        "/declaration/waste",
        "/declaration/expertise_conclusion",
    ]
    .into_iter()
    .map(|p| ("declaration.missing_content".to_owned(), p.to_owned()))
    .collect();
    assert_eq!(got, want);
    let f = r
        .findings
        .iter()
        .find(|f| f.path == "/declaration/expertise_conclusion")
        .unwrap();
    assert_eq!(
        f.basis.as_ref().unwrap().to_string(),
        "eco_code_2021 art. 110 p. 3 subp. 5"
    );
    // Without planned activity, no expertise conclusion is asked for.
    let existing = edited(app, |a| {
        a["facts"]["planned_activity"] = json!(false);
        a["declaration"]
            .as_object_mut()
            .unwrap()
            .remove("expertise_conclusion");
    });
    assert!(run(&existing).ok, "{:?}", codes(&run(&existing)));
}

#[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
fn declared_amounts_follow_the_table_number_rules() {
    let app = edited("impact_declaration_III", |a| {
        a["declaration"]["emissions"][0]["t_per_year"] = json!("1,2e-3");
        a["declaration"]["emissions"][1]["t_per_year"] = json!("-2");
        a["declaration"]["waste"][1]["generated"] = json!("");
        a["declaration"]["emissions"][3]["code"] = json!("0301");
    });
    let r = run(&app);
    let got = codes(&r);
    for want in [
        (
            "emissions.exponent_notation",
            "/declaration/emissions/0/t_per_year",
        ),
        (
            "emissions.negative_value",
            "/declaration/emissions/1/t_per_year",
        ),
        ("emissions.missing_value", "/declaration/waste/1/generated"),
        ("declaration.duplicate_row", "/declaration/emissions/3"),
    ] {
        let want = (want.0.to_owned(), want.1.to_owned());
        assert!(got.contains(&want), "{want:?} not in {got:?}");
    }
    // A row twice is a consistency check no clause states: a warning.
    let f = r
        .findings
        .iter()
        .find(|f| f.code == "declaration.duplicate_row")
        .unwrap();
    assert_eq!(
        (f.severity, f.basis.as_ref().map(|b| b.to_string())),
        (Severity::Warning, Some("consistency check".to_owned()))
    );
    use kz_eco_rules::findings::catalog::citation;
    use kz_eco_rules::Lang;
    assert_eq!(
        f.basis_text.as_deref(),
        citation("consistency check", Lang::Ru).as_deref()
    );
    assert_eq!(
        citation("consistency check", Lang::Kk).as_deref(),
        Some("өтініш деректерінің үйлесімділігін тексеру")
    );
    assert_eq!(
        citation("consistency check", Lang::Ru).as_deref(),
        Some("проверка согласованности данных заявления")
    );
}

#[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
fn old_permits_follow_article_418() {
    let with = |category: &str, until: &str| {
        let a = edited("environmental_permit_II", |a| {
            a["category"] = json!(category);
            a["old_permit"]["valid_until"] = json!(until);
        });
        let r = run(&a);
        r.findings
            .iter()
            .filter(|f| f.code.starts_with("transition."))
            .map(|f| (f.code, f.severity, f.basis.as_ref().unwrap().to_string()))
            .collect::<Vec<_>>()
    };
    let basis = |c: &str| format!("eco_code_2021 {c}");
    assert_eq!(
        with("II", "2029-12-31"),
        [(
            "transition.old_permit_valid",
            Severity::Info,
            basis("art. 418 p. 8")
        )]
    );
    assert_eq!(
        with("II", "2025-12-31"),
        [(
            "transition.old_permit_expired",
            Severity::Warning,
            basis("art. 418 p. 8")
        )]
    );
    assert_eq!(
        with("III", "2029-12-31")[0].0,
        "transition.old_permit_ends_with_declaration"
    );
    assert_eq!(with("IV", "2029-12-31")[0].0, "transition.old_permit_ended");
}
