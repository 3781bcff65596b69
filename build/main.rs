//! Build script: turns the readable rule data in `data/` into Rust statics.
//!
//! Each `data/…` source is read into typed structs (`gen::load`), validated and
//! written as a Rust file in `OUT_DIR` that the matching module `include!`s. Bad
//! data (a missing language, an unknown region, an undeclared placeholder, …)
//! fails the build with a list of what is wrong, each with its file and JSON
//! Pointer, so the wasm module carries no data parser and no unchecked data.

mod boundary;
mod calendar;
mod catalog;
mod categories;
mod citations;
#[path = "../src/calendar/civil.rs"]
#[allow(dead_code)] // the crate's calendar arithmetic; not all of it is needed here
mod civil;
mod cut;
mod documents;
/// The format of `data/editions.json`, shared with the library's run-time loader.
#[path = "../src/editions/spec.rs"]
#[allow(dead_code)]
mod edition_spec;
mod editions;
mod forms;
mod gen;
mod ident;
mod load;
mod messages;
mod schema;
mod sla;
mod terms;
/// The crate's text helpers, which the message template syntax uses.
#[path = "../src/text.rs"]
#[allow(dead_code)]
mod text;

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=build");
    // `cfg(schema)`: the JSON Schema derives, when the `schema` feature is on and
    // the target is native (schemars is a native-only dependency).
    println!("cargo::rustc-check-cfg=cfg(schema)");
    let native = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a != "wasm32");
    if native && std::env::var_os("CARGO_FEATURE_SCHEMA").is_some() {
        println!("cargo::rustc-cfg=schema");
    }
    println!("cargo:rerun-if-changed=src/calendar/civil.rs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR is set by cargo"));
    let mut problems = gen::Problems::default();
    gen::write(&out, "editions.rs", &editions::generate(&mut problems));
    messages::generate(&out, &mut problems);
    gen::write(&out, "documents.rs", &documents::generate(&mut problems));
    gen::write(&out, "calendar.rs", &calendar::generate(&mut problems));
    gen::write(&out, "sla.rs", &sla::generate(&mut problems));
    gen::write(&out, "ident.rs", &ident::generate(&mut problems));
    gen::write(&out, "numbers.rs", &ident::numbers());
    gen::write(&out, "eds.rs", &ident::generate_eds(&mut problems));
    gen::write(&out, "forms.rs", &forms::generate(&mut problems));
    gen::write(&out, "categories.rs", &categories::generate(&mut problems));
    gen::write(&out, "terms.rs", &terms::generate(&mut problems));
    gen::write(&out, "boundary.rs", &boundary::generate(&mut problems));
    gen::write(
        &out,
        "regions.rs",
        &boundary::generate_regions(&mut problems),
    );
    gen::write(&out, "citations.rs", &citations::generate(&mut problems));
    // Last: every generator above has asked for its texts.
    gen::write_texts(&out);
    println!("cargo:rerun-if-changed={}", schema::SOURCE);
    std::fs::write(out.join("application.schema.json"), schema::minified())
        .expect("OUT_DIR is writable");
    problems.finish();
}
