//! The fields of the application blanks (000 App.3, 002 PR App.1): required ones,
//! the head's signature on paper, the РНН's structure.

use crate::common::{assert_params_match, edited, found};
use kz_eco_rules::{validate_json, Lang, Options};
use serde_json::json;

fn run(name: &str, f: impl FnOnce(&mut serde_json::Value)) -> kz_eco_rules::Report {
    validate_json(&edited(name, f), &Options::with_lang(Lang::Ru))
}

#[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
fn required_fields_of_the_blank() {
    // permit_III: Almaty oblast 2012, in person (PR App.1).
    let r = run("permit_III", |a| {
        a["object"].as_object_mut().unwrap().remove("name");
        a["applicant"]["phone"] = json!("  ");
        a.as_object_mut().unwrap().remove("signatory");
    });
    assert_eq!(
        found(&r, "form."),
        [
            ("form.field_missing", "/object/name".to_owned()),
            ("form.field_missing", "/applicant/phone".to_owned()),
            ("form.field_missing", "/signatory".to_owned()),
        ]
    );
    assert!(!r.ok);
    let f = r.findings.iter().find(|f| f.path == "/signatory").unwrap();
    assert_eq!(
        f.basis.as_ref().unwrap().to_string(),
        "almaty_oblast_2012 PR App.1"
    );
    assert_eq!(
        f.message,
        "Не заполнено обязательное поле бланка: «Лицо, подписавшее заявление»."
    );
    assert_eq!(assert_params_match(&r, "form."), 3);
    // On the portal the EDS signs: no signatory needed (permit_IV, Karaganda 2013).
    let r = run("permit_IV", |a| {
        a.as_object_mut().unwrap().remove("signatory");
    });
    assert_eq!(found(&r, "form."), []);
    // The optional fields may stay empty; editions without the blank are not checked.
    let r = run("permit_II", |a| {
        a["object"].as_object_mut().unwrap().remove("name");
    });
    assert_eq!(r.edition.as_deref(), Some("almaty_city_2019"));
    assert_eq!(found(&r, "form."), []);
}

#[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
fn the_rnn_is_twelve_digits_where_the_blank_asks_for_it() {
    let rnn = |v: &str| run("permit_IV", |a| a["applicant"]["rnn"] = json!(v));
    assert_eq!(found(&rnn("600900114104"), "form."), []);
    assert_eq!(found(&rnn("6009 0011 4104"), "form."), []);
    let r = rnn("60090011410");
    assert_eq!(
        found(&r, "form."),
        [("form.rnn_invalid", "/applicant/rnn".to_owned())]
    );
    assert_eq!(
        r.findings
            .iter()
            .find(|f| f.code == "form.rnn_invalid")
            .unwrap()
            .basis
            .as_ref()
            .unwrap()
            .to_string(),
        "karaganda_2013 App.3"
    );
    // Almaty oblast's blank has no РНН line: not checked there.
    let r = run("permit_III", |a| a["applicant"]["rnn"] = json!("x"));
    assert_eq!(found(&r, "form."), []);
}
