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
//! # Where the lists come from
//!
//! Only `almaty_oblast_2012` enumerates documents (seed 002, PR §11 and GR §11, in
//! Kazakh); its lists were read point by point and encoded as they stand. The other
//! editions only refer to a list and are marked **derived**:
//!
//! - `aktobe_2013` (seeds 001/003) and `karaganda_2013` (seed 000) say that "the
//!   necessary documents" are attached on the portal or scanned by the provider's
//!   employee or the ЦОН operator (PR §6.5, §7.8, §8.6); they rest on the same
//!   standards (Government Decree No. 1033) as 2012, so they take the 2012 lists:
//!   the portal list on the portal, the in-person list on the office and ЦОН paths.
//! - `almaty_city_2019` (seed 004) refers to point 9 of the Order 301 standards,
//!   which is not in the seeds; it takes the 2012 **portal** lists, flagged
//!   *unverified* ([`Provisions::unverified`]).
//!
//! A derived list cites both: `aktobe_2013 PR §6.5 → almaty_oblast_2012 PR §11.2.1`.
//!
//! # Readings (DIGEST.md §7) and deviations
//!
//! - A-12: the four objects of expertise are alternatives (facts `object_is_*`);
//!   each object's components are required only when it is submitted, and at least
//!   one object must be submitted ([`NO_OBJECT_OF_EXPERTISE`]). Components shared
//!   by several objects are listed once with an `any` condition.
//! - A-13: the portal ГЭЭ lists have no dispersion calculation and Excel
//!   justification; nothing is required or warned there (the digest recommends a
//!   warning; the seed does not ask for them — attaching them gives an info).
//! - A-15: `may_negatively_impact_environment` defaults to yes.
//! - A-16: the subsoil-body approval is required on any of the three triggers.
//! - A-17: the forestry/wildlife approval has no condition (literal reading).
//! - A-18: the legal-entity registration certificate (re-issue) is required only
//!   from legal entities; in an application the fact `applicant_is_legal_entity`
//!   is read from `/applicant/kind`.
//! - A-20: "notarised unless the original is shown" is checked in person only.
//! - A-21/A-23: any attached document with `valid_until` before the submission
//!   date is an error; `almaty_city_2019` states the rule for every document
//!   (PR §5.3, GR §5.3), the other editions through their refusal ground.
//! - Repeat expertise: the digest's fact `is_repeat_expertise` is the model's
//!   action `repeat`; the digest's `requested_by_state_body` (A-19) decides no
//!   document and is not a fact here.
//!
//! No list of the digest (§2.4, §2.5) disagrees with the seed. Seed details the
//! digest does not mention are recorded in the data files' `notes` (e.g. the
//! parenthesis of the subsoil approval in GR §11.1.1; dispersion calculation and
//! Excel justification are one bullet in the seed, two documents here).
//!
//! # Channels and venues
//!
//! The model's channel is `portal | in_person`. The 2013 e-regulations have two
//! in-person paths — the provider's office and a ЦОН (the ЦОН path exists for the
//! permit only: `aktobe_2013` GR §1, §6–§7 name no ЦОН). Both take the same list,
//! so both are `in_person`; where paper documents go is data ([`Provisions::venues`]),
//! shown in the checklist. No model field was added.
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
    Fact, List, Provisions, Rule, Source,
};

use crate::findings::Lang;

/// The fact telling whether the original of a copy is shown for comparison (A-20).
pub const ORIGINAL_SHOWN: &str = "original_presented_for_verification";
/// The fact telling whether the applicant is a legal entity (A-18); in an
/// application it is read from `/applicant/kind`.
pub const APPLICANT_IS_LEGAL_ENTITY: &str = "applicant_is_legal_entity";

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
