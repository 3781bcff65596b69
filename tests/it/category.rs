//! The object's category against its sanitary hazard class (2007 Code art. 71
//! p. 2, 2-1 for the permit; art. 40 p. 1 and art. 47 p. 3 for expertise; no check
//! under the 2021 Code).

use crate::common::{assert_params_match, edited, example, found};
use kz_eco_rules::findings::Param;
use kz_eco_rules::{validate_json, Lang, Options, Severity};
use serde_json::json;

fn run(name: &str, category: &str, class: &str) -> kz_eco_rules::Report {
    let text = edited(name, |a| {
        a["category"] = json!(category);
        a["object"]["hazard_class"] = json!(class);
    });
    validate_json(&text, &Options::with_lang(Lang::Ru))
}

fn category_findings(r: &kz_eco_rules::Report) -> Vec<(&'static str, String)> {
    found(r, "category.")
}

#[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
fn the_examples_declare_a_class_that_fits() {
    for (name, _) in crate::common::EXAMPLES {
        let r = validate_json(example(name), &Options::default());
        assert_eq!(category_findings(&r), [], "{name}");
    }
}

#[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
fn permit_class_gives_the_category_exactly() {
    let ok = [
        ("1", "I"),
        ("2 класс", "I"),
        ("III", "II"),
        ("4", "III"),
        ("V класс", "IV"),
    ];
    for (class, cat) in ok {
        let r = run("permit_II", cat, class);
        assert_eq!(category_findings(&r), [], "{class} {cat}");
    }
    // Class II declared for category II: the Code makes it category I.
    let r = run("permit_II", "II", "II класс санитарной опасности");
    assert_eq!(
        category_findings(&r),
        [("category.hazard_class_mismatch", "/category".to_owned())]
    );
    let f = r
        .findings
        .iter()
        .find(|f| f.code.starts_with("category."))
        .unwrap();
    assert_eq!(f.severity, Severity::Error);
    assert!(!r.ok);
    assert_eq!(f.params.get("class"), Some(&Param::Int(2)));
    assert_eq!(f.params.get("expected"), Some(&Param::Text("I".into())));
    assert_eq!(
        f.basis.as_ref().unwrap().to_string(),
        "eco_code_2007 art. 71 p. 2"
    );
    assert_eq!(
        f.message,
        "Объектам 2 класса опасности согласно санитарной классификации производственных объектов соответствует I категория, а в заявке указана II категория. Проверьте категорию объекта или класс опасности."
    );
    // Above the class is an error for the permit too (art. 71 has no other ground).
    let r = run("permit_III", "II", "4");
    assert_eq!(
        category_findings(&r),
        [("category.hazard_class_mismatch", "/category".to_owned())]
    );
    assert_eq!(assert_params_match(&r, "category."), 1);
}

#[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
fn an_unclassified_activity_is_category_two() {
    let r = run("permit_II", "II", "не классифицируется");
    assert_eq!(category_findings(&r), []);
    let r = run("permit_III", "III", "Неклассифицируемый вид деятельности");
    assert_eq!(
        category_findings(&r),
        [("category.unclassified_mismatch", "/category".to_owned())]
    );
    let f = r
        .findings
        .iter()
        .find(|f| f.code.starts_with("category."))
        .unwrap();
    assert_eq!(
        f.basis.as_ref().unwrap().to_string(),
        "eco_code_2007 art. 71 p. 2-1"
    );
}

#[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
fn expertise_allows_a_higher_category_with_a_warning() {
    // Category I: not offered by the regional editions, so use II against class 4.
    let r = run("expertise_II", "II", "4 класс");
    assert_eq!(
        category_findings(&r),
        [("category.above_hazard_class", "/category".to_owned())]
    );
    let f = r
        .findings
        .iter()
        .find(|f| f.code.starts_with("category."))
        .unwrap();
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(
        f.basis.as_ref().unwrap().to_string(),
        "eco_code_2007 art. 40 p. 1; art. 47 p. 3"
    );
    // Below the class is an error.
    let r = run("expertise_III", "III", "3 класс");
    assert_eq!(
        category_findings(&r),
        [("category.hazard_class_mismatch", "/category".to_owned())]
    );
    assert_eq!(assert_params_match(&r, "category."), 1);
}

#[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
fn unreadable_text_is_said_and_the_2021_code_is_not_checked() {
    let r = run("permit_II", "II", "высокий");
    assert_eq!(
        category_findings(&r),
        [(
            "category.hazard_class_unreadable",
            "/object/hazard_class".to_owned()
        )]
    );
    assert!(r.ok);
    // The 2021 Code (art. 12, Annex 2) does not tie the category to the class.
    let r = run("environmental_permit_II", "II", "1 класс");
    assert_eq!(category_findings(&r), []);
}
