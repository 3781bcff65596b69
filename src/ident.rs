//! ИИН / БИН validation (issue 4 fills this module).

use crate::findings::Findings;
use crate::Context;

/// Every code of the `ident` domain.
pub const CODES: &[&str] = &[];

/// Identifier checks of an application (applicant's ИИН/БИН).
pub fn check_application(_cx: &Context<'_>, _findings: &mut Findings) {}
