//! Emission tables 1–5 and the permit's limit appendices (issue 6 fills this module).

use crate::findings::Findings;
use crate::Context;

/// Every code of the `emissions` domain.
pub const CODES: &[&str] = &[];

/// Table checks of an application.
pub fn check_application(_cx: &Context<'_>, _findings: &mut Findings) {}
