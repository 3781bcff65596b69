//! Shared fixtures for the integration tests (native and wasm).
#![allow(dead_code)]

/// The example applications, embedded so the wasm tests can read them too.
pub const EXAMPLES: &[(&str, &str)] = &[
    ("permit_II", include_str!("../../examples/permit_II.json")),
    ("permit_III", include_str!("../../examples/permit_III.json")),
    ("permit_IV", include_str!("../../examples/permit_IV.json")),
    (
        "expertise_II",
        include_str!("../../examples/expertise_II.json"),
    ),
    (
        "expertise_III",
        include_str!("../../examples/expertise_III.json"),
    ),
    (
        "expertise_IV",
        include_str!("../../examples/expertise_IV.json"),
    ),
];

/// The example called `name`.
pub fn example(name: &str) -> &'static str {
    EXAMPLES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, t)| *t)
        .unwrap_or_else(|| panic!("no example {name}"))
}

/// `(code, path)` of every finding.
pub fn codes(report: &kz_eco_rules::Report) -> Vec<(String, String)> {
    report
        .findings
        .iter()
        .map(|f| (f.code.to_owned(), f.path.clone()))
        .collect()
}

/// Edits an example's JSON with `f` and returns the new text.
pub fn edited(name: &str, f: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut v: serde_json::Value = serde_json::from_str(example(name)).unwrap();
    f(&mut v);
    serde_json::to_string(&v).unwrap()
}
