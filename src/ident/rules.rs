//! The applicant's ИИН/БИН in an application: valid, of the applicant's kind,
//! and not born or registered after the submission.

use super::{
    finding, parse_bin, parse_identifier, parse_iin, EntityType, Identifier, Reason, YearMonth,
    BIN_NOT_IIN, CHECKSUM_MISMATCH, EMPTY, IIN_NOT_BIN, IMPOSSIBLE_BIRTH_DATE,
    IMPOSSIBLE_REGISTRATION_MONTH, INNER_SEPARATOR, NON_ASCII_DIGIT, NON_DIGIT, UNCHECKABLE,
    UNKNOWN_ATTRIBUTE, UNKNOWN_CENTURY_SEX, UNKNOWN_ENTITY_TYPE, UNKNOWN_KIND, WRONG_LENGTH,
};
use crate::findings::{Basis, Finding, Findings, Param};
use crate::model::{ApplicantKind, Service};
use crate::Context;

include!(concat!(env!("OUT_DIR"), "/ident.rs"));

/// Where the applicant's number is.
const PATH: &str = "/applicant/iin_bin";

impl Reason {
    /// The finding code of this reason (`ident.checksum_mismatch`, …).
    pub fn code(&self) -> &'static str {
        match self {
            Reason::Empty => EMPTY,
            Reason::InnerSeparator { .. } => INNER_SEPARATOR,
            Reason::NonAsciiDigit { .. } => NON_ASCII_DIGIT,
            Reason::NonDigit { .. } => NON_DIGIT,
            Reason::WrongLength { .. } => WRONG_LENGTH,
            Reason::UnknownKind { .. } => UNKNOWN_KIND,
            Reason::BinNotIin => BIN_NOT_IIN,
            Reason::IinNotBin => IIN_NOT_BIN,
            Reason::UnknownCenturySex { .. } => UNKNOWN_CENTURY_SEX,
            Reason::ImpossibleBirthDate { .. } => IMPOSSIBLE_BIRTH_DATE,
            Reason::ImpossibleRegistrationMonth { .. } => IMPOSSIBLE_REGISTRATION_MONTH,
            Reason::UnknownEntityType { .. } => UNKNOWN_ENTITY_TYPE,
            Reason::UnknownAttribute { .. } => UNKNOWN_ATTRIBUTE,
            Reason::ChecksumMismatch { .. } => CHECKSUM_MISMATCH,
            Reason::Uncheckable => UNCHECKABLE,
        }
    }

    /// The error finding at `path` with this reason's code and parameters.
    ///
    /// ```
    /// use kz_eco_rules::ident::parse_identifier;
    /// let f = parse_identifier("871008401420").unwrap_err().to_finding("/applicant/iin_bin");
    /// assert_eq!(f.code, "ident.checksum_mismatch");
    /// assert_eq!(serde_json::to_string(&f.params).unwrap(), r#"{"expected":7,"actual":0}"#);
    /// ```
    pub fn to_finding(&self, path: &str) -> Finding {
        // One construction for every reason, its code chosen by `code()`, rather
        // than a typed builder per reason: the builders would add 2,8 KB to the
        // wasm. The params are checked against the catalog by the tests.
        let f = Finding::error(self.code(), path);
        match *self {
            Reason::Empty | Reason::BinNotIin | Reason::IinNotBin | Reason::Uncheckable => f,
            Reason::InnerSeparator { position, .. } => f.with("position", position),
            Reason::NonAsciiDigit { ch, position } | Reason::NonDigit { ch, position } => {
                f.with("char", visible(ch)).with("position", position)
            }
            Reason::WrongLength { length } => f.with("length", length),
            Reason::UnknownKind { digit }
            | Reason::UnknownCenturySex { digit }
            | Reason::UnknownEntityType { digit }
            | Reason::UnknownAttribute { digit } => f.with("digit", u32::from(digit)),
            Reason::ImpossibleBirthDate { year, month, day } => f.with(
                "date",
                Param::Date(crate::text::iso_date(
                    year.into(),
                    month.into(),
                    Some(day.into()),
                )),
            ),
            Reason::ImpossibleRegistrationMonth { year, month } => f.with(
                "registered",
                crate::text::iso_date(year.into(), month.into(), None),
            ),
            Reason::ChecksumMismatch { expected, actual } => f
                .with("expected", u32::from(expected))
                .with("actual", u32::from(actual)),
        }
    }
}

/// A character as it can be shown in a message: invisible ones as `U+XXXX`.
fn visible(ch: char) -> String {
    let invisible = ch.is_control()
        || crate::text::is_space(ch)
        || matches!(ch, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}');
    if invisible {
        let mut s = String::from("U+");
        crate::text::push_hex(&mut s, u32::from(ch), 4);
        s
    } else {
        ch.to_string()
    }
}

/// Identifier checks of an application: the applicant's ИИН/БИН is present,
/// valid, of the applicant's kind (an individual has an ИИН — or, as an
/// individual entrepreneur in joint entrepreneurship, a БИН of type 6; a legal
/// entity has a БИН), and its date of birth or month of registration is not after
/// the submission date. Errors are reported at `/applicant/iin_bin`.
///
/// ```
/// use kz_eco_rules::{validate_json, Options};
/// let r = validate_json(
///     r#"{"applicant": {"name": "ТОО «Х»", "kind": "legal_entity", "iin_bin": "871008401427"}}"#,
///     &Options::default(),
/// );
/// assert!(r.findings.iter().any(|f| f.code == "ident.iin_not_bin" && f.path == "/applicant/iin_bin"));
/// ```
pub fn check_application(cx: &Context<'_>, findings: &mut Findings) {
    let Some(applicant) = &cx.app.applicant else {
        return;
    };
    let basis = basis(cx);
    let with_basis = |f: Finding| match &basis {
        Some(b) => f.basis(b.clone()),
        None => f,
    };
    let Some(text) = applicant.iin_bin.as_deref() else {
        // JSON input: the reader has already reported the missing or mistyped value.
        if !cx.input_failed(PATH) {
            findings.push(with_basis(finding::missing(PATH)));
        }
        return;
    };
    let id = match applicant.kind {
        Some(ApplicantKind::Individual) => parse_iin(text)
            .map(Identifier::Iin)
            .or_else(|reason| joint_entrepreneur(text, reason)),
        Some(ApplicantKind::LegalEntity) => parse_bin(text).map(Identifier::Bin),
        None => parse_identifier(text),
    };
    let id = match id {
        Ok(id) => id,
        Err(reason) => {
            findings.push(with_basis(reason.to_finding(PATH)));
            return;
        }
    };
    let Some(submitted) = cx.submitted_on() else {
        return;
    };
    match id {
        Identifier::Iin(iin) if iin.birth_date() > submitted => {
            findings.push(with_basis(finding::born_after_submission(
                PATH,
                Param::Date(iin.birth_date().iso()),
                Param::Date(submitted.iso()),
            )))
        }
        Identifier::Bin(bin) if bin.registered() > YearMonth::of(submitted) => {
            findings.push(with_basis(finding::registered_after_submission(
                PATH,
                bin.registered().iso(),
                Param::Date(submitted.iso()),
            )))
        }
        _ => {}
    }
}

/// An individual entrepreneur in joint entrepreneurship (ИП(С)) applies as an
/// individual with a БИН of type 6 (001 PR §5.10: a БИН is formed for such an
/// entrepreneur too); any other БИН stays [`Reason::BinNotIin`].
fn joint_entrepreneur(text: &str, reason: Reason) -> Result<Identifier, Reason> {
    match (reason, parse_bin(text)) {
        (Reason::BinNotIin, Ok(bin))
            if bin.entity_type() == EntityType::JointIndividualEntrepreneurship =>
        {
            Ok(Identifier::Bin(bin))
        }
        _ => Err(reason),
    }
}

/// The clause of the application's edition that requires the ИИН/БИН.
fn basis(cx: &Context<'_>) -> Option<Basis> {
    let edition = cx.edition?;
    let service: Service = cx.app.service?;
    BASIS
        .iter()
        .find(|(e, s, _)| *e == edition.id && *s == service)
        .map(|(e, _, clause)| Basis::new(*e, *clause))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Date;
    use crate::findings::catalog;
    use crate::ident::{Attribute, Bin, Iin, Sex, CODES, MISSING};
    use crate::{validate_application, validate_json, Application, Options, Report};
    use wasm_bindgen_test::wasm_bindgen_test;

    fn iin(y: i32, m: u32, d: u32) -> String {
        (0..100)
            .find_map(|serial| Iin::from_parts(Date::new(y, m, d)?, Sex::Male, serial).ok())
            .map(|i| i.as_str().to_owned())
            .unwrap()
    }

    fn bin(y: u16, m: u8, t: EntityType) -> String {
        let ym = YearMonth::new(y, m).unwrap();
        (0..100)
            .find_map(|serial| Bin::from_parts(ym, t, Attribute::HeadOffice, serial).ok())
            .map(|b| b.as_str().to_owned())
            .unwrap()
    }

    fn check(kind: &str, number: &str) -> Report {
        let json = format!(
            r#"{{"applicant": {{"name": "X", "kind": {kind}, "iin_bin": "{number}"}},
                "service": "emission_permit", "edition": "aktobe_2013",
                "submitted_at": "2013-04-15T11:40:00+06:00"}}"#
        );
        validate_json(&json, &Options::default())
    }

    /// `(code, basis)` of the findings at the applicant's number; every one has
    /// its code in CODES and the catalog's parameters.
    fn at_number(r: &Report) -> Vec<(&'static str, String)> {
        r.findings
            .iter()
            .filter(|f| f.path == PATH)
            .inspect(|f| {
                if f.code.starts_with("ident.") {
                    assert!(CODES.contains(&f.code), "{}", f.code);
                    let names: Vec<&str> = f.params.0.iter().map(|(n, _)| *n).collect();
                    assert_eq!(Some(&names[..]), catalog::entry(f.code).map(|e| e.params));
                }
            })
            .map(|f| {
                (
                    f.code,
                    f.basis.as_ref().map(|b| b.machine()).unwrap_or_default(),
                )
            })
            .collect()
    }

    const AKTOBE_PR: &str = "aktobe_2013 PR §6.7, §17.2";

    #[wasm_bindgen_test(unsupported = test)]
    fn numbers_of_the_right_kind_pass() {
        let person = iin(1985, 11, 10);
        let company = bin(2008, 12, EntityType::ResidentLegalEntity);
        let joint = bin(2010, 3, EntityType::JointIndividualEntrepreneurship);
        for (kind, number) in [
            (r#""individual""#, &person),
            (r#""legal_entity""#, &company),
            (r#""individual""#, &joint),
            (r#""legal_entity""#, &joint),
            ("null", &person),
            ("null", &company),
        ] {
            assert_eq!(at_number(&check(kind, number)), [], "{kind} {number}");
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn the_other_kind_of_number_is_an_error_with_the_edition_clause() {
        let person = iin(1985, 11, 10);
        let company = bin(2008, 12, EntityType::NonResidentLegalEntity);
        let got = at_number(&check(r#""legal_entity""#, &person));
        assert_eq!(got, [("ident.iin_not_bin", AKTOBE_PR.to_owned())]);
        let got = at_number(&check(r#""individual""#, &company));
        assert_eq!(got, [("ident.bin_not_iin", AKTOBE_PR.to_owned())]);
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn invalid_numbers_give_their_reason() {
        let mut person = iin(1985, 11, 10);
        let last = person.pop().unwrap();
        person.push(if last == '0' { '1' } else { '0' });
        for kind in [r#""individual""#, "null"] {
            let got = at_number(&check(kind, &person));
            assert_eq!(got, [("ident.checksum_mismatch", AKTOBE_PR.to_owned())]);
        }
        let got = at_number(&check(r#""legal_entity""#, "9401 4000 0385"));
        assert_eq!(got, [("ident.inner_separator", AKTOBE_PR.to_owned())]);
        let got = at_number(&check("null", ""));
        assert_eq!(got, [("ident.empty", AKTOBE_PR.to_owned())]);
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn birth_and_registration_after_submission_are_errors() {
        // Submitted 15 April 2013.
        let got = at_number(&check(r#""individual""#, &iin(2013, 4, 16)));
        assert_eq!(got, [("ident.born_after_submission", AKTOBE_PR.to_owned())]);
        assert_eq!(at_number(&check(r#""individual""#, &iin(2013, 4, 15))), []);
        let got = at_number(&check(
            r#""legal_entity""#,
            &bin(2013, 5, EntityType::ResidentLegalEntity),
        ));
        assert_eq!(
            got,
            [("ident.registered_after_submission", AKTOBE_PR.to_owned())]
        );
        let same_month = bin(2013, 4, EntityType::ResidentLegalEntity);
        assert_eq!(at_number(&check(r#""legal_entity""#, &same_month)), []);

        let r = check(r#""individual""#, &iin(2013, 4, 16));
        let f = r.findings.iter().find(|f| f.path == PATH).unwrap();
        assert_eq!(
            f.message,
            "Дата рождения по ИИН (16.04.2013) позже даты подачи (15.04.2013)."
        );
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn a_missing_number_is_reported_once() {
        // JSON: the reader reports it (missing or of the wrong type); nothing more.
        for value in ["", r#", "iin_bin": null"#, r#", "iin_bin": 871008401427"#] {
            let json = format!(r#"{{"applicant": {{"name": "X", "kind": "individual"{value}}}}}"#);
            let r = validate_json(&json, &Options::default());
            let got: Vec<&str> = at_number(&r).into_iter().map(|(c, _)| c).collect();
            assert_eq!(got.len(), 1, "{json}: {got:?}");
            assert!(got[0].starts_with("input."), "{json}: {got:?}");
        }
        // A typed application: no reader ran, so this module reports it.
        let app: Application =
            serde_json::from_str(r#"{"applicant": {"name": "X", "kind": "individual"}}"#).unwrap();
        let r = validate_application(&app, &Options::default());
        assert_eq!(at_number(&r), [(MISSING, String::new())]);
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn no_basis_where_the_edition_does_not_mention_the_number() {
        let json = format!(
            r#"{{"applicant": {{"name": "X", "kind": "legal_entity", "iin_bin": "{}"}},
                "service": "ecological_expertise", "edition": "almaty_oblast_2012"}}"#,
            iin(1985, 11, 10)
        );
        let r = validate_json(&json, &Options::default());
        assert_eq!(at_number(&r), [("ident.iin_not_bin", String::new())]);
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn every_edition_and_service_with_a_basis_exists() {
        for (edition, service, clause) in BASIS {
            let ed = crate::editions::edition(edition).unwrap();
            assert!(
                ed.services.iter().any(|s| s.service == *service),
                "{edition}"
            );
            assert!(!clause.is_empty());
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn invisible_characters_are_named() {
        assert_eq!(visible('\u{200b}'), "U+200B");
        assert_eq!(visible('\u{7}'), "U+0007");
        assert_eq!(visible('O'), "O");
    }
}
