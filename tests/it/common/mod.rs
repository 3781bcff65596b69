//! Shared fixtures and helpers of the integration tests (native and wasm).
#![allow(dead_code)]

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(target_arch = "wasm32")]
pub mod js;

use kz_eco_rules::findings::{catalog, Param};
use kz_eco_rules::{validate_json, Lang, Options, Report};

#[path = "../../../src/bin/kz-eco-rules/examples.rs"]
mod examples;
pub use examples::EXAMPLES;

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

/// The report on the application JSON `text`, with messages in `lang`.
pub fn check(text: &str, lang: Lang) -> Report {
    validate_json(text, &Options::with_lang(lang))
}

/// `(code, path)` of the findings whose code starts with `prefix` (e.g. `"emissions."`).
pub fn found(r: &Report, prefix: &str) -> Vec<(&'static str, String)> {
    r.findings
        .iter()
        .filter(|f| f.code.starts_with(prefix))
        .map(|f| (f.code, f.path.clone()))
        .collect()
}

/// How many findings have the code `code`.
pub fn count(r: &Report, code: &str) -> usize {
    r.findings.iter().filter(|f| f.code == code).count()
}

/// The parameter `name` of the first finding with the code `code`.
pub fn param<'a>(r: &'a Report, code: &str, name: &str) -> &'a Param {
    let f = r
        .findings
        .iter()
        .find(|f| f.code == code)
        .unwrap_or_else(|| panic!("no {code}"));
    f.params
        .get(name)
        .unwrap_or_else(|| panic!("{code} has no param {name}"))
}

/// Every finding whose code starts with `prefix` carries exactly the params its
/// catalog entry declares, in order, and its message has no unfilled placeholder.
/// Returns how many findings were checked.
pub fn assert_params_match(r: &Report, prefix: &str) -> usize {
    let mut checked = 0;
    for f in r.findings.iter().filter(|f| f.code.starts_with(prefix)) {
        let entry =
            catalog::entry(f.code).unwrap_or_else(|| panic!("{} not in the catalog", f.code));
        let names: Vec<&str> = f.params.0.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, entry.params, "{}", f.code);
        assert!(!f.message.contains('{'), "{}", f.message);
        checked += 1;
    }
    checked
}

/// A deadlines answer's five dates, in the order of `DeadlinesReport`.
pub fn due_dates(r: &kz_eco_rules::sla::DeadlinesReport) -> [Option<&str>; 5] {
    [
        r.registered_on.as_deref(),
        r.completeness_due.as_deref(),
        r.decision_due.as_deref(),
        r.remarks_due.as_deref(),
        r.fixes_due.as_deref(),
    ]
}
