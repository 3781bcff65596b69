//! The integration tests, in one binary per target: natively (`cargo test`) and as
//! wasm in Node and in headless Chromium (`cargo test --target wasm32-unknown-unknown`).
//! A module without a `cfg` runs on both with the same inputs and expected answers;
//! the others are native only (the command line, proptest, serde_json as a
//! reference) or wasm only (the JavaScript boundary).
//!
//! Run one module with a name filter: `cargo test --test it documents::`.

mod common;

mod application;
mod calendar;
mod category;
mod deadlines;
mod deadlines_2021;
mod declaration;
mod differential;
mod documents;
mod emissions;
mod form;
mod ident;
mod numbers;
mod packs;
mod parity;
mod reviewer;
mod signature;
mod sla_application;

#[cfg(not(target_arch = "wasm32"))]
mod basis;
#[cfg(not(target_arch = "wasm32"))]
mod build_load;
#[cfg(not(target_arch = "wasm32"))]
mod cli;
#[cfg(not(target_arch = "wasm32"))]
mod cli_deadlines;
#[cfg(not(target_arch = "wasm32"))]
mod cli_ident;
#[cfg(not(target_arch = "wasm32"))]
mod codes;
#[cfg(not(target_arch = "wasm32"))]
mod editions_data;
#[cfg(not(target_arch = "wasm32"))]
mod emissions_props;
#[cfg(all(not(target_arch = "wasm32"), feature = "schema"))]
mod http;
#[cfg(not(target_arch = "wasm32"))]
mod json_parser;
#[cfg(not(target_arch = "wasm32"))]
mod layers;
#[cfg(not(target_arch = "wasm32"))]
mod sla_properties;
/// The crate's text helpers, which the message template syntax (included by
/// `codes` through the build script's catalog) uses.
#[cfg(not(target_arch = "wasm32"))]
#[allow(dead_code)]
#[path = "../../src/text.rs"]
mod text;

#[cfg(target_arch = "wasm32")]
mod documents_js;
#[cfg(target_arch = "wasm32")]
mod js_boundary;
#[cfg(target_arch = "wasm32")]
mod js_deadlines;
#[cfg(target_arch = "wasm32")]
mod js_hostile;
#[cfg(target_arch = "wasm32")]
mod js_ident;
#[cfg(target_arch = "wasm32")]
mod js_memory;
#[cfg(target_arch = "wasm32")]
mod js_output;
