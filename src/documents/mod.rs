//! Required documents per edition × service × action × category × channel
//! (issue 5 fills this module).

use crate::findings::{Findings, Lang};
use crate::Context;

/// Every code of the `documents` domain.
pub const CODES: &[&str] = &[];

/// The name of document `id` in `lang`.
pub fn document_name(_id: &str, _lang: Lang) -> Option<&'static str> {
    None
}

/// The question that asks for fact `id`, in `lang`.
pub fn fact_question(_id: &str, _lang: Lang) -> Option<&'static str> {
    None
}

/// Document checks of an application.
pub fn check_application(_cx: &Context<'_>, _findings: &mut Findings) {}
