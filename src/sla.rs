//! Deadlines of each regulation edition (issue 7 fills this module).

use crate::findings::Findings;
use crate::Context;

/// Every code of the `sla` domain.
pub const CODES: &[&str] = &[];

/// Deadline checks of an application.
pub fn check_application(_cx: &Context<'_>, _findings: &mut Findings) {}
