//! # kz-eco-rules
//!
//! The domain rules of Kazakhstan's e-government ecological services — under the
//! Ecological Code of 2021 the **environmental permit for impact** (category II),
//! the **declaration of impact** (category III) and **state ecological expertise**;
//! under the regional regulations of 2012–2020 **emission permits** and expertise
//! conclusions for categories II–IV — as one library that runs in the browser
//! (wasm), as an npm package and natively on the server, giving the same answers
//! everywhere.
//!
//! What it decides:
//! - [`documents`]: the required documents per service × action × category ×
//!   channel, with conditional items and the clause behind each;
//! - [`emissions`]: the application's tables (sites, air emissions, discharges,
//!   waste, sulfur) in exact decimal arithmetic;
//! - [`ident`]: ИИН / БИН structure, embedded date and type fields, checksum;
//! - [`calendar`] and [`sla`]: registration day and deadlines on the Kazakhstan
//!   working-day calendar.
//!
//! Data flows one way: input (JSON text, a JavaScript object, or an
//! [`Application`] value) → typed model ([`model`], with `input.*` findings for
//! what does not fit) → rules → [`Report`]. Every [`Finding`] has a stable code, a
//! JSON Pointer path, parameters, a severity, the regulation clause it rests on and
//! a message in Kazakh, Russian or English.
//!
//! ```
//! use kz_eco_rules::{validate_json, Lang, Options};
//!
//! let report = validate_json(
//!     r#"{"service": "emission_permit", "action": "issue", "category": "IV",
//!         "channel": "portal", "edition": "almaty_oblast_2012"}"#,
//!     &Options::with_lang(Lang::En),
//! );
//! assert!(!report.ok);
//! let missing = report.findings.iter().find(|f| f.path == "/applicant").unwrap();
//! assert_eq!(missing.code, "input.missing_field");
//! assert_eq!(missing.message, "The required field “Applicant” is missing.");
//! ```
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::unreachable,
        clippy::todo,
        clippy::unimplemented
    )
)]
#![warn(missing_docs)]

pub mod calendar;
mod case;
pub mod category;
mod citations;
pub mod declaration;
pub mod documents;
pub mod editions;
pub mod emissions;
pub mod findings;
pub mod form;
pub mod ident;
pub mod input;
pub mod json_out;
mod keys;
mod lang;
pub mod model;
pub mod packs;
mod report;
#[cfg(schema)]
pub mod schema;
pub mod signature;
pub mod sla;
mod terms;
mod text;
pub mod transition;
mod validate;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

/// The wasm module's allocator: talc instead of the default dlmalloc, ≈ 3 KB gzip
/// smaller and faster (BENCHMARKS.md, "Package size and start-up");
/// `tests/it/js_memory.rs` checks that 10⁴ calls leave the memory at its size.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub use findings::{Finding, Lang, Severity};
pub use lang::Localized;
pub use model::Application;
pub use report::Report;
pub use validate::{
    validate_application, validate_json, validate_value, Context, Options, Submission,
};

/// Codes of the cross-cutting `application` domain.
pub mod application_codes {
    pub use crate::validate::{ACTION_MISMATCH, CODES, INVALID_DATETIME, NO_UTC_OFFSET};
}
