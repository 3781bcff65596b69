//! The JavaScript boundary (wasm32 only): converts JS values to the core's input
//! types and the core's results to plain JS objects. No rule lives here.
//!
//! Inputs are walked (through the built-ins `js.rs` imports) into the same
//! `Value` tree the JSON reader builds, within the same `Limits`, so a JS object
//! and its JSON text give the same report. The walker also reads what JSON cannot carry: a `Date` becomes its
//! ISO string (independent of the browser's time zone), an `undefined` property is
//! absent (as in `JSON.stringify`) and any other `undefined` is `null`, and
//! BigInt, functions, symbols, `Map`/`Set` and invalid dates become values the
//! reader reports as the wrong type. Results are plain objects, never ES `Map`s:
//! their JSON text ([`crate::json_out`]) through one `JSON.parse` — the same
//! objects `serde-wasm-bindgen`'s `json_compatible()` serializer made, checked by
//! `tests/it/js_output.rs`, in less code and fewer boundary calls.
//!
//! Misuse (a missing argument, bad options) throws a `TypeError`; bad *data* never
//! throws — it gives findings.
//!
//! Three parts: `walk` reads JS values into the core's [`crate::input::Value`]
//! tree, `exports` holds the functions the package exports, and `ident` is the
//! identifier answer protocol (numbers one way, objects built in JavaScript).
//! Without the `full-api` feature (the package's form entry) only
//! `validateApplication`, `messages`, `loadLanguagePack` and `version` are exported.

mod exports;
#[cfg(feature = "full-api")]
mod ident;
mod js;
mod walk;

#[cfg(feature = "full-api")]
pub use exports::{
    deadlines, is_working_day, required_documents, validate_identifier, validate_identifiers,
};
pub use exports::{load_language_pack, messages, validate_application, version};
pub use walk::to_value;

use wasm_bindgen::JsValue;

/// A `TypeError`: how the exports report misuse.
fn type_error(message: &str) -> JsValue {
    js::TypeError::new(message).into()
}
