//! The signer's EDS registration certificate on the portal (000 §6.7, 001 PR/GR
//! §6.7, 004 PR/GR §9.7: valid, not revoked, the ИИН/БИН of the request).

use crate::common::{assert_params_match, edited, found};
use kz_eco_rules::{validate_json, Lang, Options, Severity};
use serde_json::json;

/// permit_II (almaty_city_2019, portal, a legal entity, submitted 04.11.2019
/// 10:15 +06:00) signed with `eds`.
fn signed(eds: serde_json::Value) -> kz_eco_rules::Report {
    let text = edited("permit_II", |a| a["eds"] = eds);
    validate_json(&text, &Options::with_lang(Lang::Ru))
}

fn certificate() -> serde_json::Value {
    json!({"subject_iin": "871008401427", "subject_bin": "081240001238",
           "valid_from": "2019-01-10T09:00:00+06:00", "valid_until": "2020-01-10",
           "revoked": false})
}

#[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
fn an_employee_certificate_of_the_applicant_valid_on_the_day_passes() {
    let r = signed(certificate());
    assert_eq!(found(&r, "signature."), []);
    assert!(r.ok);
}

#[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
fn validity_is_checked_at_the_submission_instant() {
    let mut c = certificate();
    // Valid from 10:16 the same day: the 10:15 submission is a minute early.
    c["valid_from"] = json!("2019-11-04T10:16:00+06:00");
    let r = signed(c.clone());
    assert_eq!(
        found(&r, "signature."),
        [(
            "signature.certificate_not_yet_valid",
            "/eds/valid_from".to_owned()
        )]
    );
    let f = &r
        .findings
        .iter()
        .find(|f| f.code.starts_with("signature."))
        .unwrap();
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(
        f.basis.as_ref().unwrap().to_string(),
        "almaty_city_2019 PR §9.7–§9.8"
    );
    // The same instant written in UTC.
    c["valid_from"] = json!("2019-11-04T04:15:00Z");
    assert_eq!(found(&signed(c.clone()), "signature."), []);
    // A date bound covers its whole day.
    c["valid_until"] = json!("2019-11-04");
    assert_eq!(found(&signed(c.clone()), "signature."), []);
    c["valid_until"] = json!("2019-11-03");
    let r = signed(c.clone());
    assert_eq!(
        found(&r, "signature."),
        [(
            "signature.certificate_expired",
            "/eds/valid_until".to_owned()
        )]
    );
    assert_eq!(
        r.findings.iter().find(|f| f.code == "signature.certificate_expired").unwrap().message,
        "Срок действия регистрационного свидетельства ЭЦП истёк 03.11.2019, а заявка подана 04.11.2019. Портал не подтвердит подлинность подписи."
    );
    c["valid_until"] = json!("до 2020 года");
    assert_eq!(
        found(&signed(c), "signature."),
        [("signature.invalid_datetime", "/eds/valid_until".to_owned())]
    );
}

#[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
fn a_revoked_or_foreign_certificate_is_refused() {
    let mut c = certificate();
    c["revoked"] = json!(true);
    c["subject_bin"] = json!("940140000385");
    let r = signed(c.clone());
    assert_eq!(
        found(&r, "signature."),
        [
            ("signature.certificate_revoked", "/eds/revoked".to_owned()),
            (
                "signature.certificate_not_applicant",
                "/eds/subject_bin".to_owned()
            ),
        ]
    );
    assert_eq!(assert_params_match(&r, "signature."), 2);
    // A legal entity signing with a personal certificate (no БИН).
    c["revoked"] = json!(false);
    c.as_object_mut().unwrap().remove("subject_bin");
    assert_eq!(
        found(&signed(c), "signature."),
        [(
            "signature.certificate_without_bin",
            "/eds/subject_bin".to_owned()
        )]
    );
    // An individual: the certificate's ИИН must be the applicant's.
    let individual = |iin: &str| {
        let text = edited("permit_II", |a| {
            a["applicant"]["kind"] = json!("individual");
            a["applicant"]["iin_bin"] = json!("8710 0840 1427");
            a["eds"] = json!({"subject_iin": iin, "valid_until": "2020-01-10"});
        });
        validate_json(&text, &Options::default())
    };
    assert_eq!(found(&individual("871008401427"), "signature."), []);
    assert_eq!(
        found(&individual("940140000385"), "signature."),
        [(
            "signature.certificate_not_applicant",
            "/eds/subject_iin".to_owned()
        )]
    );
}

#[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
fn only_where_the_edition_states_the_check_and_only_on_the_portal() {
    let mut c = certificate();
    c["revoked"] = json!(true);
    // In person there is no portal check.
    let text = edited("permit_II", |a| {
        a["channel"] = json!("in_person");
        a["eds"] = c.clone();
    });
    let r = validate_json(&text, &Options::default());
    assert_eq!(found(&r, "signature."), []);
    // Almaty oblast 2012 (the standard) states no certificate check.
    let text = edited("expertise_III", |a| a["eds"] = c.clone());
    let r = validate_json(&text, &Options::default());
    assert_eq!(r.edition.as_deref(), Some("almaty_oblast_2012"));
    assert_eq!(found(&r, "signature."), []);
}
