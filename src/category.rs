//! The object's category against its sanitary hazard class.
//!
//! Under the Ecological Code of 2007 the category follows the class of the
//! sanitary classification of production objects: classes 1–2 → I, 3 → II,
//! 4 → III, 5 → IV, an activity no class covers → II (art. 71 p. 2, 2-1 for the
//! permit; art. 40 p. 1 and art. 47 p. 3 for expertise, where mining, forest use
//! and special water use also raise the category, so a category above the
//! class's is only a warning). The 2021 Code sets categories by the activities
//! of its Annex 2 (art. 12), not by the class: nothing is checked there. Which
//! edition follows which rule is data (`data/categories.json`).
//!
//! The class is read from the free text of `/object/hazard_class` as typed on
//! the form («III класс санитарной опасности», «IV санитариялық қауіптілік
//! сыныбы», «3», «не классифицируется»):
//!
//! ```
//! use kz_eco_rules::category::{read_hazard_class, HazardClass};
//! assert_eq!(read_hazard_class("III класс санитарной опасности"), HazardClass::Class(3));
//! assert_eq!(read_hazard_class("IV санитариялық қауіптілік сыныбы"), HazardClass::Class(4));
//! assert_eq!(read_hazard_class("класс опасности 2, СЗЗ 500 м"), HazardClass::Class(2));
//! assert_eq!(read_hazard_class("не классифицируется"), HazardClass::Unclassified);
//! assert_eq!(read_hazard_class("2 или 3"), HazardClass::Unreadable);
//! ```

use crate::findings::{Basis, Findings, Param};
use crate::model::{Category, Service};
use crate::Context;

include!(concat!(env!("OUT_DIR"), "/codes_category.rs"));

/// One service's class → category rule in some editions (`data/categories.json`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClassRule {
    /// The editions that follow it.
    pub editions: &'static [&'static str],
    /// The service.
    pub service: Service,
    /// The statute the clauses are of, e.g. `eco_code_2007`.
    pub source: &'static str,
    /// The category of hazard classes 1 to 5.
    pub classes: [Category; 5],
    /// The clause giving `classes`.
    pub clause: &'static str,
    /// The category of an activity no sanitary class covers.
    pub unclassified: Category,
    /// The clause giving `unclassified`.
    pub unclassified_clause: &'static str,
    /// The article also raises the category on other grounds (mining, forest
    /// use, …): a category above the class's is a warning, not an error.
    pub other_grounds: bool,
}

include!(concat!(env!("OUT_DIR"), "/categories.rs"));

/// The rule of `edition` for `service`, if its categories follow the class.
pub fn rule(edition: &str, service: Service) -> Option<&'static ClassRule> {
    BY_CLASS
        .iter()
        .find(|r| r.service == service && r.editions.contains(&edition))
}

/// What the hazard class text says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HazardClass {
    /// Class 1 to 5.
    Class(u8),
    /// The activity is not classified by the sanitary classification.
    Unclassified,
    /// No class, or several different ones.
    Unreadable,
}

/// Words saying that the activity has no sanitary class (lower case).
const UNCLASSIFIED: &[&str] = &[
    "неклассифиц",
    "не классифиц",
    "без класса",
    "сыныпталмай",
    "сыныпсыз",
    "unclassified",
    "not classified",
];

/// Reads the class from the text typed on the form: one class number, Arabic
/// (1–5) or Roman (I–V, also with the Cyrillic І), or words saying the activity
/// is not classified.
pub fn read_hazard_class(text: &str) -> HazardClass {
    let lower = crate::case::fold_str(text);
    if UNCLASSIFIED
        .iter()
        .any(|w| crate::text::contains(&lower, w))
    {
        return HazardClass::Unclassified;
    }
    let mut found = None;
    for token in lower.split(|c: char| !word_char(c)) {
        let token: String = token
            .chars()
            .map(|c| if c == 'і' { 'i' } else { c })
            .collect();
        let class = match token.as_str() {
            "1" | "i" => 1,
            "2" | "ii" => 2,
            "3" | "iii" => 3,
            "4" | "iv" => 4,
            "5" | "v" => 5,
            _ => continue,
        };
        match found {
            Some(k) if k != class => return HazardClass::Unreadable,
            _ => found = Some(class),
        }
    }
    found.map_or(HazardClass::Unreadable, HazardClass::Class)
}

/// A letter or digit (`char::is_alphanumeric`): natively the lower-case
/// Russian letters without core's table.
fn word_char(c: char) -> bool {
    #[cfg(not(target_arch = "wasm32"))]
    if matches!(c, 'а'..='я') {
        return true;
    }
    c.is_alphanumeric()
}

/// Compares the declared category with the one the hazard class gives.
pub fn check_application(cx: &Context<'_>, findings: &mut Findings) {
    let app = cx.app;
    let (Some(edition), Some(service), Some(category)) = (cx.edition, app.service, app.category)
    else {
        return;
    };
    let Some(text) = app.object.as_ref().and_then(|o| o.hazard_class.as_deref()) else {
        return;
    };
    if crate::text::trim(text).is_empty() {
        return;
    }
    let Some(rule) = rule(edition.id, service) else {
        return;
    };
    let declared = Param::Text(category.as_str().to_owned());
    let (class, expected, clause) = match read_hazard_class(text) {
        HazardClass::Class(k) => {
            let Some(&expected) = rule.classes.get(usize::from(k) - 1) else {
                return;
            };
            (Some(k), expected, rule.clause)
        }
        HazardClass::Unclassified => (None, rule.unclassified, rule.unclassified_clause),
        HazardClass::Unreadable => {
            findings.push(finding::hazard_class_unreadable(
                "/object/hazard_class",
                text,
            ));
            return;
        }
    };
    let basis = Basis::new(rule.source, clause);
    let wanted = Param::Text(expected.as_str().to_owned());
    // Category I is the most significant: "above" is a smaller value.
    let f = match (category.cmp(&expected), class) {
        (std::cmp::Ordering::Equal, _) => return,
        (std::cmp::Ordering::Less, _) if rule.other_grounds => match class {
            Some(k) => finding::above_hazard_class("/category", i64::from(k), wanted, declared),
            // Not classified, yet mining and the like: nothing to ask.
            None => return,
        },
        (_, Some(k)) => finding::hazard_class_mismatch("/category", i64::from(k), wanted, declared),
        (_, None) => finding::unclassified_mismatch("/category", wanted, declared),
    };
    findings.push(f.basis(basis));
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test(unsupported = test)]
    fn reads_the_class_as_forms_write_it() {
        for (text, want) in [
            ("II класс санитарной опасности", HazardClass::Class(2)),
            ("ІІІ класс", HazardClass::Class(3)), // Cyrillic І
            ("3-й класс", HazardClass::Class(3)),
            ("класс 5", HazardClass::Class(5)),
            ("Class IV", HazardClass::Class(4)),
            ("1 класс, 1 класс", HazardClass::Class(1)),
            ("СЗЗ 1000 м, класс 4", HazardClass::Class(4)),
            (
                "Неклассифицируемый вид деятельности",
                HazardClass::Unclassified,
            ),
            (
                "санитариялық жіктеу бойынша сыныпталмайды",
                HazardClass::Unclassified,
            ),
            ("", HazardClass::Unreadable),
            ("высокий", HazardClass::Unreadable),
            ("6 класс", HazardClass::Unreadable),
            ("III-IV", HazardClass::Unreadable),
        ] {
            assert_eq!(read_hazard_class(text), want, "{text}");
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn every_2007_edition_has_a_permit_rule_and_2021_none() {
        for ed in [
            "almaty_oblast_2012",
            "aktobe_2013",
            "karaganda_2013",
            "almaty_city_2019",
        ] {
            let r = rule(ed, Service::EmissionPermit).unwrap();
            assert_eq!(r.classes[2], Category::II, "{ed}");
            assert!(!r.other_grounds);
        }
        assert!(rule("eco_code_2021", Service::EnvironmentalPermit).is_none());
        assert!(rule("eco_code_2021", Service::EcologicalExpertise).is_none());
    }
}
