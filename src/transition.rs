//! The transitional provisions of the Ecological Code of 2021 (art. 418 p. 8–10)
//! for a permit for emissions issued under the 2007 Code that an application
//! refers to (`old_permit`):
//!
//! - categories I and II: it stays valid until its end (or until the new
//!   environmental permit) — info, or a warning when its `valid_until` is before
//!   the submission;
//! - category III: it ends on the day the declaration of impact is filed (due by
//!   31.12.2021, art. 418 p. 9) — a warning;
//! - category IV: it ended on 1 July 2021 — a warning.

use crate::findings::{Basis, Findings, Param};
use crate::model::Category;
use crate::Context;

include!(concat!(env!("OUT_DIR"), "/codes_transition.rs"));

/// The edition whose transitional provisions these are.
pub const EDITION: &str = "eco_code_2021";

/// Findings on `old_permit` under the 2021 Code.
pub fn check_application(cx: &Context<'_>, findings: &mut Findings) {
    let app = cx.app;
    let (Some(old), Some(ed)) = (app.old_permit.as_ref(), cx.edition) else {
        return;
    };
    if ed.id != EDITION {
        return;
    }
    let path = "/old_permit";
    let f = match app.category {
        Some(Category::I | Category::II) => {
            let until = old
                .valid_until
                .as_ref()
                .and_then(|d| crate::calendar::Date::parse_iso(d.as_str()).ok());
            let Some(until) = until else { return };
            match cx.submitted_on() {
                Some(date) if until < date => finding::old_permit_expired(
                    path,
                    Param::Date(until.iso()),
                    Param::Date(date.iso()),
                ),
                _ => finding::old_permit_valid(path, Param::Date(until.iso())),
            }
            .basis(Basis::named("transition.old_permit_valid"))
        }
        Some(Category::III) => finding::old_permit_ends_with_declaration(path)
            .basis(Basis::named("transition.old_permit_ends_with_declaration")),
        Some(Category::IV) => {
            finding::old_permit_ended(path).basis(Basis::named("transition.old_permit_ended"))
        }
        None => return,
    };
    findings.push(f);
}
