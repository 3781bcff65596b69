//! Dates and the Kazakhstan working-day calendar.
//!
//! [`Date`] and [`DateTime`] are civil values parsed from ISO 8601 text; the core
//! never reads a clock or a time-zone database.

mod date;

pub use date::{days_in_month, is_leap_year, Date, DateError, DateTime, Weekday};

/// Every code of the `calendar` domain.
pub const CODES: &[&str] = &[];
