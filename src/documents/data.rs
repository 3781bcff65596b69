//! The rule data: documents, facts, conditions and the lists of every edition,
//! generated at build time from `data/documents/*.json` (see `build/documents.rs`).

use serde::Serialize;

use crate::findings::catalog::Localized;
use crate::findings::Lang;
use crate::model::{Action, Category, Channel, Service};
use crate::terms;

/// A document that a list may require.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Document {
    /// Stable id, e.g. `env_protection_action_plan`.
    pub id: &'static str,
    /// The service whose lists use it.
    pub service: Service,
}

impl Document {
    /// Name in kk/ru/en (from the terms table).
    pub fn names(&self) -> Localized {
        terms::names(terms::DOCUMENT, self.id).unwrap_or_default()
    }
}

/// A yes/no fact a condition depends on (answered in the application's `facts`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fact {
    /// Stable id, e.g. `in_water_protection_zone`.
    pub id: &'static str,
    /// The answer assumed when none is given, if any.
    pub default: Option<bool>,
}

impl Fact {
    /// The question that asks for it, in kk/ru/en (from the terms table).
    pub fn question(&self) -> Localized {
        terms::names(terms::FACT, self.id).unwrap_or_default()
    }
}

/// When a document is required: a condition over facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cond {
    /// Always.
    Always,
    /// When the fact is true.
    Fact(&'static Fact),
    /// When the condition is false.
    Not(&'static Cond),
    /// When every condition is true.
    All(&'static [Cond]),
    /// When at least one condition is true.
    Any(&'static [Cond]),
}

/// How a document must be presented, as a set of flags.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Attributes(pub u8);

impl Attributes {
    /// An electronic document signed with the applicant's EDS (ЭЦП / ЭЦҚ).
    pub const EDS_SIGNED: u8 = 1;
    /// Attached as an electronic scanned copy.
    pub const SCANNED_COPY: u8 = 2;
    /// A paper copy, notarised unless the original is shown for comparison.
    pub const NOTARISED_UNLESS_ORIGINAL_SHOWN: u8 = 4;
    /// Must be valid on the submission date.
    pub const VALID_ON_SUBMISSION: u8 = 8;
    /// Every flag with its name, in output order.
    pub const NAMES: [(u8, &'static str); 4] = [
        (Self::EDS_SIGNED, "eds_signed"),
        (Self::SCANNED_COPY, "scanned_copy"),
        (
            Self::NOTARISED_UNLESS_ORIGINAL_SHOWN,
            "notarised_unless_original_shown",
        ),
        (Self::VALID_ON_SUBMISSION, "valid_on_submission"),
    ];

    /// True when `flag` is set.
    pub fn has(self, flag: u8) -> bool {
        self.0 & flag != 0
    }

    /// The names of the flags that are set.
    pub fn names(self) -> impl Iterator<Item = &'static str> {
        Self::NAMES
            .into_iter()
            .filter(move |(flag, _)| self.has(*flag))
            .map(|(_, name)| name)
    }
}

impl Serialize for Attributes {
    /// A list of attribute names, e.g. `["eds_signed"]`.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut names = [""; 4];
        let mut n = 0;
        for (slot, name) in names.iter_mut().zip(self.names()) {
            *slot = name;
            n += 1;
        }
        names.get(..n).unwrap_or_default().serialize(s)
    }
}

#[cfg(schema)]
impl schemars::JsonSchema for Attributes {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "DocumentAttributes".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "How the document must be presented.",
            "type": "array",
            "items": { "enum": ["eds_signed", "scanned_copy", "notarised_unless_original_shown", "valid_on_submission"] }
        })
    }
}

/// One document of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// The document.
    pub document: &'static Document,
    /// When it is required.
    pub when: &'static Cond,
    /// How it must be presented.
    pub attributes: Attributes,
    /// The actions it belongs to (empty: every action of the list).
    pub actions: &'static [Action],
    /// The statute the clause is of when it is not the list's (a document the
    /// Code adds to a regulation's list, e.g. `eco_code_2007`).
    pub source: Option<&'static str>,
    /// Another reading of the requirement, chosen by an option
    /// (`options.documents.readings`), with the condition it puts instead of `when`.
    pub reading: Option<Reading>,
    /// The clause it comes from, in the list's source edition (or in `source`).
    pub clause: &'static str,
}

/// A reading of a document's requirement other than the literal list (A-18: the
/// re-issue registration certificate from legal entities only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    /// Its id, as `options.documents.readings` names it: `legal_entities_only`.
    pub id: &'static str,
    /// When the document is required under it.
    pub when: &'static Cond,
}

/// The edition whose list a derived list takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    /// The edition id, e.g. `almaty_oblast_2012`.
    pub edition: &'static str,
    /// The clause of the list there, e.g. `PR §11.2.1`.
    pub clause: &'static str,
}

/// What an edition says about one or more of its lists: the clause stating them,
/// the refusal ground, the signature and expiry rules, the venues. Lists derived
/// from the same reference share one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Provisions {
    /// The edition's own clause for the list (for a derived list, the clause that
    /// refers to the documents without listing them).
    pub clause: &'static str,
    /// True when the list could not be checked against the act it stands for
    /// (Order 301 point 9 for `almaty_city_2019`).
    pub unverified: bool,
    /// The refusal ground an incomplete package triggers.
    pub refusal: &'static str,
    /// Portal: the clause requiring the request signed with the applicant's EDS
    /// (or, where `eds_stated` is false, only filed electronically).
    pub signature: &'static str,
    /// False where the act requires electronic filing but names no EDS (the 2021
    /// Code's art. 122 p. 1, art. 89 p. 2): the EDS findings are then warnings
    /// (`documents.application_not_signed_no_ground`,
    /// `documents.not_eds_signed_no_ground`).
    pub eds_stated: bool,
    /// The clause requiring every document to be valid on the submission date, or `""`.
    pub expiry: &'static str,
    /// The actions the expiry clause covers (all when empty): `almaty_city_2019`
    /// PR §5.3 states it for the issue only.
    pub expiry_actions: &'static [Action],
    /// The categories the expiry clause covers (all when empty): PR §5.3 of
    /// `almaty_city_2019` states it for categories II and III only.
    pub expiry_categories: &'static [Category],
    /// In person: where paper documents are handed in — `provider_office` (the
    /// provider's office) and/or `con` (a public service centre, ЦОН / ХҚКО).
    pub venues: &'static [&'static str],
    /// In person: the clause naming the venues, or `""` when it is `clause`
    /// (002 PR §13, GR §13: the office 301 only).
    pub venue_clause: &'static str,
}

/// The documents one edition requires for a service, actions, categories and a
/// channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct List {
    /// The edition id.
    pub edition: &'static str,
    /// The service.
    pub service: Service,
    /// The actions the list serves.
    pub actions: &'static [Action],
    /// The categories the list serves.
    pub categories: &'static [Category],
    /// The channel.
    pub channel: Channel,
    /// What the edition says about the list.
    pub provisions: &'static Provisions,
    /// For a derived list, the list it takes.
    pub source: Option<Source>,
    /// Facts naming the objects of expertise, of which at least one must be
    /// answered "yes".
    pub at_least_one_of: &'static [&'static str],
    /// The documents.
    pub rules: &'static [Rule],
}

impl Provisions {
    /// The expiry clause when it covers `action` and `category`.
    pub fn expiry_for(&self, action: Action, category: Category) -> Option<&'static str> {
        let covers = |all: bool, hit: bool| all || hit;
        (!self.expiry.is_empty()
            && covers(
                self.expiry_actions.is_empty(),
                self.expiry_actions.contains(&action),
            )
            && covers(
                self.expiry_categories.is_empty(),
                self.expiry_categories.contains(&category),
            ))
        .then_some(self.expiry)
    }
}

impl List {
    /// True when the list serves this combination.
    pub fn serves(
        &self,
        service: Service,
        action: Action,
        category: Category,
        channel: Channel,
    ) -> bool {
        self.service == service
            && self.channel == channel
            && self.actions.contains(&action)
            && self.categories.contains(&category)
    }

    /// The rules that apply to `action`.
    pub fn rules_for(&self, action: Action) -> impl Iterator<Item = &'static Rule> {
        self.rules
            .iter()
            .filter(move |r| r.actions.is_empty() || r.actions.contains(&action))
    }
}

include!(concat!(env!("OUT_DIR"), "/documents.rs"));

/// Every document.
pub fn documents() -> &'static [Document] {
    &DOCUMENT_TABLE
}

/// Every fact.
pub fn facts() -> &'static [Fact] {
    &FACT_TABLE
}

/// Every list of every edition.
pub fn lists() -> &'static [List] {
    &LIST_TABLE
}

/// The document with id `id`.
pub fn document(id: &str) -> Option<&'static Document> {
    DOCUMENT_TABLE.iter().find(|d| d.id == id)
}

/// The fact with id `id`.
pub fn fact(id: &str) -> Option<&'static Fact> {
    FACT_TABLE.iter().find(|f| f.id == id)
}

/// The short name of fact `id` in `lang`.
pub fn fact_name(id: &str, lang: Lang) -> Option<&'static str> {
    FACT_NAME_TABLE
        .iter()
        .find(|(f, _)| *f == id)
        .map(|(_, names)| names.get(lang))
}

/// The list of `edition` for the combination, if the edition provides it.
pub fn list(
    edition: &str,
    service: Service,
    action: Action,
    category: Category,
    channel: Channel,
) -> Option<&'static List> {
    LIST_TABLE
        .iter()
        .find(|l| l.edition == edition && l.serves(service, action, category, channel))
}

/// A label of the printed checklist (`required`, `basis`, an attribute or venue
/// id, …) in `lang`.
pub fn label(key: &str, lang: Lang) -> Option<&'static str> {
    LABEL_TABLE
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, text)| text.get(lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::editions;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn conds(c: &'static Cond, out: &mut Vec<&'static str>) {
        match c {
            Cond::Always => {}
            Cond::Fact(f) => out.push(f.id),
            Cond::Not(c) => conds(c, out),
            Cond::All(cs) | Cond::Any(cs) => cs.iter().for_each(|c| conds(c, out)),
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn names_questions_and_labels_have_three_languages() {
        for (i, d) in documents().iter().enumerate() {
            assert!(
                documents().iter().skip(i + 1).all(|o| o.id != d.id),
                "{}",
                d.id
            );
            for lang in Lang::ALL {
                assert!(!d.names().get(lang).trim().is_empty(), "{} {lang:?}", d.id);
            }
        }
        for (i, f) in facts().iter().enumerate() {
            assert!(facts().iter().skip(i + 1).all(|o| o.id != f.id), "{}", f.id);
            for lang in Lang::ALL {
                assert!(
                    !fact_name(f.id, lang).unwrap_or("").trim().is_empty(),
                    "{} {lang:?}",
                    f.id
                );
                assert!(
                    f.question().get(lang).trim().ends_with('?'),
                    "{} {lang:?}",
                    f.id
                );
            }
        }
        for (_, text) in LABEL_TABLE.iter() {
            for lang in Lang::ALL {
                assert!(!text.get(lang).trim().is_empty());
            }
        }
        for key in ["required", "conditional", "not_applicable", "basis"] {
            assert!(label(key, Lang::Kk).is_some(), "{key}");
        }
        for (_, name) in Attributes::NAMES {
            assert!(label(name, Lang::Ru).is_some(), "{name}");
        }
        for l in lists() {
            for v in l.provisions.venues {
                assert!(label(v, Lang::En).is_some(), "{v}");
            }
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn every_list_cites_its_clauses_and_uses_known_facts() {
        let mut used_docs = Vec::new();
        let mut used_facts = vec![
            super::super::ORIGINAL_SHOWN,
            super::super::APPLICANT_IS_LEGAL_ENTITY,
        ];
        for l in lists() {
            let place = format!(
                "{} {:?} {:?} {:?} {:?}",
                l.edition, l.service, l.actions, l.categories, l.channel
            );
            assert!(editions::edition(l.edition).is_some(), "{place}");
            assert!(
                !l.provisions.clause.trim().is_empty() && !l.provisions.refusal.trim().is_empty(),
                "{place}"
            );
            assert!(!l.rules.is_empty(), "{place}");
            // Lists of their own: the seed that enumerates documents and the 2021
            // Code; the other editions derive theirs.
            assert_eq!(
                l.source.is_some(),
                !["almaty_oblast_2012", "eco_code_2021"].contains(&l.edition),
                "{place}"
            );
            match l.channel {
                Channel::Portal => {
                    assert!(
                        !l.provisions.signature.is_empty() && l.provisions.venues.is_empty(),
                        "{place}"
                    )
                }
                Channel::InPerson => {
                    assert!(
                        l.provisions.signature.is_empty() && !l.provisions.venues.is_empty(),
                        "{place}"
                    )
                }
            }
            for (i, r) in l.rules.iter().enumerate() {
                assert!(!r.clause.trim().is_empty(), "{place}: {}", r.document.id);
                assert_eq!(r.document.service, l.service, "{place}: {}", r.document.id);
                assert!(document(r.document.id).is_some());
                assert!(
                    l.rules
                        .iter()
                        .skip(i + 1)
                        .all(|o| o.document.id != r.document.id),
                    "{place}"
                );
                // A derived list shares its source's rules and may serve fewer actions.
                if l.source.is_none() {
                    assert!(r.actions.iter().all(|a| l.actions.contains(a)), "{place}");
                }
                let mut f = Vec::new();
                conds(r.when, &mut f);
                for id in f {
                    assert!(fact(id).is_some(), "{place}: fact {id}");
                    used_facts.push(id);
                }
                used_docs.push(r.document.id);
            }
            for f in l.at_least_one_of {
                assert!(fact(f).is_some(), "{place}: fact {f}");
                used_facts.push(f);
            }
        }
        for d in documents() {
            assert!(used_docs.contains(&d.id), "unused document {}", d.id);
        }
        for f in facts() {
            assert!(used_facts.contains(&f.id), "unused fact {}", f.id);
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn lists_match_the_edition_registry_exactly() {
        for ed in editions::editions() {
            for service in Service::ALL {
                for action in Action::for_service(*service) {
                    for channel in Channel::ALL {
                        for category in Category::ALL.iter().copied() {
                            let offered = ed.offer(*service).is_some_and(|o| {
                                o.actions.contains(action)
                                    && o.channels.contains(channel)
                                    && o.categories.contains(&category)
                            });
                            let n = lists()
                                .iter()
                                .filter(|l| {
                                    l.edition == ed.id
                                        && l.serves(*service, *action, category, *channel)
                                })
                                .count();
                            assert_eq!(
                                n,
                                usize::from(offered),
                                "{} {service} {action} {category} {channel}",
                                ed.id
                            );
                        }
                    }
                }
            }
        }
    }
}
