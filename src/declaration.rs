//! The declaration of impact on the environment (Ecological Code 2021 art. 110):
//! its contents (p. 3) are fields of the application, checked for presence, and
//! its declared amounts follow the number rules of the emission tables.
//!
//! | item (art. 110 p. 3) | where |
//! |---|---|
//! | 1) name, legal form, БИН/ИИН, address | `/applicant/name`, `/declaration/legal_form` (legal entities), `/applicant/iin_bin`, `/applicant/address` |
//! | 2) name and short description of the object | `/object/name`, `/declaration/object_description` |
//! | 3) main activity, kinds and volume of products | `/declaration/main_activity`, `/declaration/products` |
//! | 4) declared emissions, kinds and amounts of waste | `/declaration/emissions`, `/declaration/waste` |
//! | 5) for planned activity: the expertise conclusion's number and date | `/declaration/expertise_conclusion` (when the fact `planned_activity` is yes) |
//!
//! The declaration's form (art. 110 p. 6, Order No. 319) could not be read: the
//! items are the Code's, not the form's fields.

use crate::case::normalized;
use crate::emissions::number::{self, NumberError};
use crate::findings::{Basis, Findings};
use crate::model::{Amount, ApplicantKind, Declaration, Service};
use crate::text::concat;
use crate::Context;

include!(concat!(env!("OUT_DIR"), "/codes_declaration.rs"));

/// The clause of item `n` of the declaration's contents (2021 Code art. 110
/// p. 3), named `declaration.item_<n>` in `data/citations.json`.
fn item(n: u8) -> Basis {
    Basis::named(&concat(&["declaration.item_", &crate::text::int(n.into())]))
}

fn blank(s: Option<&String>) -> bool {
    s.is_none_or(|s| crate::text::trim(s).is_empty())
}

/// Checks the declaration's contents when the application is a declaration of
/// an edition that provides it.
pub fn check_application(cx: &Context<'_>, findings: &mut Findings) {
    let app = cx.app;
    let Some(ed) = cx.edition else { return };
    if app.service != Some(Service::ImpactDeclaration)
        || ed.offer(Service::ImpactDeclaration).is_none()
    {
        return;
    }
    let empty = Declaration::default();
    let d = app.declaration.as_ref().unwrap_or(&empty);
    let missing = |path: &str, n: u8, findings: &mut Findings| {
        if !cx.input_failed(path) {
            findings.push(finding::missing_content(path, i64::from(n)).basis(item(n)));
        }
    };
    let applicant = app.applicant.as_ref();
    if applicant.is_some() && blank(applicant.and_then(|a| a.address.as_ref())) {
        missing("/applicant/address", 1, findings);
    }
    let legal = applicant.and_then(|a| a.kind) == Some(ApplicantKind::LegalEntity);
    if legal && blank(d.legal_form.as_ref()) {
        missing("/declaration/legal_form", 1, findings);
    }
    if blank(app.object.as_ref().and_then(|o| o.name.as_ref())) {
        missing("/object/name", 2, findings);
    }
    if blank(d.object_description.as_ref()) {
        missing("/declaration/object_description", 2, findings);
    }
    if blank(d.main_activity.as_ref()) {
        missing("/declaration/main_activity", 3, findings);
    }
    if blank(d.products.as_ref()) {
        missing("/declaration/products", 3, findings);
    }
    if d.emissions.is_none() {
        missing("/declaration/emissions", 4, findings);
    }
    if d.waste.is_none() {
        missing("/declaration/waste", 4, findings);
    }
    let planned = app.facts.as_ref().and_then(|f| f.get("planned_activity"));
    if planned == Some(true) && d.expertise_conclusion.is_none() {
        missing("/declaration/expertise_conclusion", 5, findings);
    }

    // Subp. 4: the amounts, as the tables read them; one row per substance or
    // kind of waste.
    let basis = item(4);
    let mut seen: Vec<String> = Vec::new();
    for (i, e) in d.emissions.iter().flatten().enumerate() {
        let path = concat(&["/declaration/emissions/", &crate::text::uint(i as u64)]);
        amount(
            e.t_per_year.as_ref(),
            &concat(&[&path, "/t_per_year"]),
            &basis,
            findings,
        );
        duplicate(&mut seen, e.code.as_ref(), e.name.as_ref(), &path, findings);
    }
    let mut seen: Vec<String> = Vec::new();
    for (i, w) in d.waste.iter().flatten().enumerate() {
        let path = concat(&["/declaration/waste/", &crate::text::uint(i as u64)]);
        for (key, v) in [
            ("generated", &w.generated),
            ("accumulated", &w.accumulated),
            ("transferred", &w.transferred),
        ] {
            amount(v.as_ref(), &concat(&[&path, "/", key]), &basis, findings);
        }
        duplicate(&mut seen, w.code.as_ref(), w.name.as_ref(), &path, findings);
    }
}

/// A declared amount: any number the tables accept.
fn amount(v: Option<&Amount>, path: &str, basis: &Basis, findings: &mut Findings) {
    let Some(text) = v.map(Amount::as_str) else {
        return;
    };
    match number::parse(text) {
        Ok(_) => {}
        Err(NumberError::Empty) => {
            findings.push(crate::emissions::finding::missing_value(path).basis(basis.clone()))
        }
        Err(e) => findings.push(crate::emissions::number_finding(&e, text, path.to_owned())),
    }
}

/// Reports a row whose code (or name, ignoring case and spacing) came before: a
/// consistency check of the declaration's rows, which no clause states (art. 110
/// p. 3 subp. 4 asks for the amounts, not for one row each), so a warning.
fn duplicate(
    seen: &mut Vec<String>,
    code: Option<&String>,
    name: Option<&String>,
    path: &str,
    findings: &mut Findings,
) {
    let key = match (code.filter(|c| !crate::text::trim(c).is_empty()), name) {
        (Some(c), _) => concat(&["code:", &normalized(c)]),
        (None, Some(n)) if !crate::text::trim(n).is_empty() => concat(&["name:", &normalized(n)]),
        _ => {
            seen.push(String::new());
            return;
        }
    };
    if let Some(first) = seen.iter().position(|k| *k == key) {
        let shown = name.or(code).cloned().unwrap_or_default();
        findings.push(finding::duplicate_row(path, shown, first + 1).basis(Basis::consistency()));
    }
    seen.push(key);
}
