//! The build script's data loader (`build/load.rs`): a data file that does not fit
//! its type is reported with the file and the JSON Pointer of the bad value.
//! Native only: the loader runs in the build script, never in the wasm.

use std::collections::BTreeMap;

use serde::Deserialize;

#[path = "../../build/load.rs"]
#[allow(dead_code)]
mod load;

use load::{parse, read, Text};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    basis: Vec<Basis>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Basis {
    edition: Text,
    #[serde(default)]
    days: Option<u32>,
}

/// `(pointer, message)` of the error for `text`, after checking that it names the file.
fn error(text: &str) -> (String, String) {
    let e = parse::<File>("data/x.json", text).expect_err(text);
    let shown = e.to_string();
    assert!(shown.starts_with("data/x.json: "), "{shown}");
    assert!(shown.contains(&e.message), "{shown}");
    (e.pointer, e.message)
}

#[test]
fn a_value_of_the_wrong_type_is_named_by_its_pointer() {
    let (pointer, message) = error(r#"{"basis": [{"edition": "a"}, {"edition": 7}]}"#);
    assert_eq!(pointer, "/basis/1/edition");
    assert!(
        message.starts_with("invalid type: integer `7`"),
        "{message}"
    );
    let (pointer, _) = error(r#"{"basis": [{"edition": "a", "days": -1}]}"#);
    assert_eq!(pointer, "/basis/0/days");
}

#[test]
fn an_unknown_or_missing_field_is_named_in_its_object() {
    let (pointer, message) = error(r#"{"basis": [{"edition": "a", "edtion": "b"}]}"#);
    assert_eq!(pointer, "/basis/0/edtion");
    assert!(message.starts_with("unknown field `edtion`"), "{message}");
    let (pointer, message) = error(r#"{"basis": [{}, {}]}"#);
    assert_eq!(pointer, "/basis/0");
    assert!(message.starts_with("missing field `edition`"), "{message}");
}

#[test]
fn a_blank_text_is_rejected_where_it_is() {
    let (pointer, message) = error(r#"{"basis": [{"edition": "a"}, {"edition": "  "}]}"#);
    assert_eq!(pointer, "/basis/1/edition");
    assert!(
        message.starts_with("must be a non-empty string"),
        "{message}"
    );
}

#[test]
fn keys_are_escaped_as_rfc_6901_says() {
    let e = parse::<BTreeMap<String, Vec<u8>>>("m.json", r#"{"a/b~c": [1, "x"]}"#).unwrap_err();
    assert_eq!(e.pointer, "/a~1b~0c/1");
    assert_eq!(e.to_string(), format!("m.json: /a~1b~0c/1: {}", e.message));
}

#[test]
fn broken_json_and_text_after_the_document_are_errors_of_the_file() {
    for text in [r#"{"basis": []} x"#, r#"{"basis": [}"#, ""] {
        let (_, message) = error(text);
        assert!(message.contains("line 1"), "{text}: {message}");
    }
    let file: File = parse("ok.json", r#"{"basis": [{"edition": "a", "days": 3}]}"#).unwrap();
    assert_eq!(&*file.basis[0].edition, "a");
    assert_eq!(file.basis[0].days, Some(3));
}

#[test]
fn files_are_read_from_the_crate_root() {
    #[derive(Debug, Deserialize)]
    struct Ident {
        basis: Vec<serde_json::Value>,
    }
    let ident: Ident = read("data/ident.json").unwrap();
    assert!(!ident.basis.is_empty());
    let e = read::<Ident>("data/no-such-file.json").unwrap_err();
    assert_eq!(
        (e.file.as_str(), e.pointer.as_str()),
        ("data/no-such-file.json", "")
    );
    assert!(e.to_string().starts_with("data/no-such-file.json: "));
}
