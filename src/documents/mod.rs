//! Required documents per edition × service × action × category × channel, and
//! the document checks of an application.
//!
//! The lists are data (`data/documents/`): `definitions.json` names every document
//! and fact in kk/ru/en, and one file per edition holds its lists — documents with
//! conditions over named facts (`all` / `any` / `not`), attributes (EDS-signed,
//! scanned copy, notarised unless the original is shown, valid on the submission
//! date) and the clause each comes from. The build script checks them against
//! each other and against `data/editions.json` (one list per combination an edition
//! offers, none for anything else) and turns them into statics ([`lists`]).
//!
//! Only `almaty_oblast_2012` enumerates documents; the other editions' lists are
//! **derived** from it (cited as `aktobe_2013 PR §6.5 → almaty_oblast_2012 PR
//! §11.2.1`), and `almaty_city_2019`'s are flagged *unverified*
//! ([`Provisions::unverified`]). The channel is `portal | in_person`; where paper
//! documents go (the provider's office, a ЦОН) is data ([`Provisions::venues`]).
//! Where the lists come from and how unclear points were read: DESIGN.md,
//! "Required documents".
//!
//! ```
//! use kz_eco_rules::documents::{document_name, fact_question};
//! use kz_eco_rules::Lang;
//! assert_eq!(document_name("taxpayer_certificate", Lang::Ru), Some("Свидетельство налогоплательщика"));
//! assert_eq!(
//!     fact_question("uses_groundwater", Lang::En),
//!     Some("Does the activity use groundwater?")
//! );
//! ```

mod check;
mod checklist;
mod data;

pub use check::check_application;
pub use checklist::{
    checklist_json, checklist_value, required_documents, Checklist, ChecklistQuery,
    ChecklistReport, Item, Query, Status,
};
pub use data::{
    document, documents, fact, fact_name, facts, label, list, lists, Attributes, Cond, Document,
    Fact, List, Provisions, Reading, Rule, Source, READINGS,
};

use crate::findings::Lang;

/// The fact telling whether the original of a copy is shown for comparison (A-20).
pub const ORIGINAL_SHOWN: &str = "original_presented_for_verification";
/// The fact telling whether the applicant is a legal entity (A-18); in an
/// application it is read from `/applicant/kind`.
pub const APPLICANT_IS_LEGAL_ENTITY: &str = "applicant_is_legal_entity";

/// The fact "the permit covers waste placement" (2007 Code art. 72 p. 2 part 2);
/// in an application it is read from table 4: filled means yes.
pub const PERMIT_COVERS_WASTE_PLACEMENT: &str = "permit_covers_waste_placement";

/// Options of the document rules: readings of a list other than its literal
/// wording, `{"documents": {"readings": ["legal_entities_only"]}}` (A-18: the
/// re-issue registration certificate from legal entities only; by default the
/// list is read as written, PR §11.1.4 / §11.2.4 naming it for every applicant).
///
/// ```
/// use kz_eco_rules::documents::DocumentOptions;
/// use kz_eco_rules::input::{Limits, Value};
/// let v = Value::from_json_str(r#"{"readings": ["legal_entities_only"]}"#, &Limits::default()).unwrap();
/// assert_eq!(DocumentOptions::from_value(&v).unwrap().readings, ["legal_entities_only"]);
/// let v = Value::from_json_str(r#"{"readings": ["loose"]}"#, &Limits::default()).unwrap();
/// assert!(DocumentOptions::from_value(&v).is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentOptions {
    /// The readings chosen (ids from [`READINGS`]).
    pub readings: Vec<&'static str>,
}

impl DocumentOptions {
    /// Reads the `documents` options object; a caller mistake is an `Err` naming it.
    pub fn from_value(value: &crate::input::Value) -> Result<Self, String> {
        use crate::input::Value;
        let mut options = DocumentOptions::default();
        let entries = match value {
            Value::Null => return Ok(options),
            Value::Object(entries) => entries,
            other => {
                return Err(crate::text::concat(&[
                    "options.documents must be an object, got ",
                    other.kind(),
                ]))
            }
        };
        for (key, v) in entries {
            match (&**key, v) {
                (_, Value::Null) => {}
                ("readings", Value::Array(items)) => {
                    for item in items {
                        let found = match item {
                            Value::String(s) => READINGS.iter().find(|r| **r == &**s),
                            _ => None,
                        };
                        let Some(id) = found else {
                            // A loop, not `join` (which links a generic copy into the wasm).
                            let mut m = String::from("options.documents.readings takes ");
                            for (i, r) in READINGS.iter().enumerate() {
                                if i > 0 {
                                    m.push_str(", ");
                                }
                                m.push_str(r);
                            }
                            return Err(m);
                        };
                        if !options.readings.contains(id) {
                            options.readings.push(id);
                        }
                    }
                }
                (other, _) => {
                    return Err(crate::text::concat(&[
                        "unknown or mistyped option documents.",
                        other,
                        " (readings: an array)",
                    ]))
                }
            }
        }
        Ok(options)
    }
}

// The finding codes (`pub const`s and `CODES`), generated from
// `data/messages/documents.json` by `build/messages.rs`.
include!(concat!(env!("OUT_DIR"), "/codes_documents.rs"));

/// The name of document `id` in `lang`.
pub fn document_name(id: &str, lang: Lang) -> Option<&'static str> {
    crate::terms::name(crate::terms::DOCUMENT, id, lang)
}

/// The question that asks for fact `id`, in `lang`.
pub fn fact_question(id: &str, lang: Lang) -> Option<&'static str> {
    crate::terms::name(crate::terms::FACT, id, lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::catalog;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test(unsupported = test)]
    fn the_facts_the_checks_read_are_defined() {
        assert!(fact(ORIGINAL_SHOWN).is_some());
        assert!(fact(APPLICANT_IS_LEGAL_ENTITY).is_some());
        assert!(fact(PERMIT_COVERS_WASTE_PLACEMENT).is_some());
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn names_and_questions_render_in_messages() {
        use crate::findings::{Param, Params, TermKind};
        let p = Params(vec![
            (
                "fact",
                Param::Term(TermKind::Fact, "uses_groundwater".into()),
            ),
            (
                "document",
                Param::Term(TermKind::Document, "approval_subsoil_body".into()),
            ),
            ("count", Param::Int(1)),
        ]);
        let ru = catalog::render(FACT_UNANSWERED, &p, Lang::Ru);
        assert!(
            ru.contains("«Используются ли при осуществлении деятельности подземные воды?»"),
            "{ru}"
        );
        assert!(
            ru.contains("«Согласование с органами по изучению и использованию недр»"),
            "{ru}"
        );
        assert_eq!(document_name("nope", Lang::Kk), None);
        assert_eq!(fact_question("nope", Lang::Kk), None);
    }
}
