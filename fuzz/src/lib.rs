//! Invariants shared by the fuzz targets: what every report and finding must
//! satisfy whatever the input. A broken invariant panics, which libFuzzer
//! records as a crash with the input that caused it.

use kz_eco_rules::findings::{catalog, Counts, Param, Params};
use kz_eco_rules::{Finding, Lang, Severity};

/// `ok` is "no error finding" and `counts` are the findings per severity.
pub fn check_counts(ok: bool, counts: Option<&Counts>, findings: &[Finding]) {
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let errors = count(Severity::Error);
    assert_eq!(ok, errors == 0, "ok = {ok} with {errors} error findings");
    if let Some(c) = counts {
        assert_eq!(
            (c.error, c.warning, c.info),
            (errors, count(Severity::Warning), count(Severity::Info)),
            "counts do not match the findings"
        );
    }
}

/// Every finding: a catalog code with all its declared parameters, a valid
/// JSON Pointer path, a non-empty message with no unfilled placeholder.
pub fn check_findings(findings: &[Finding], lang: Lang) {
    for f in findings {
        check_finding(f, lang);
    }
}

fn check_finding(f: &Finding, lang: Lang) {
    assert!(
        is_json_pointer(&f.path),
        "{}: bad path {:?}",
        f.code,
        f.path
    );
    assert!(!f.message.trim().is_empty(), "{}: empty message", f.code);
    let entry = catalog::entry(f.code).unwrap_or_else(|| panic!("{}: not in the catalog", f.code));
    for name in entry.params {
        assert!(
            f.params.get(name).is_some(),
            "{}: declared parameter {name} missing in {:?}",
            f.code,
            f.params
        );
    }
    // The template with every parameter blank: any `{name}` left is a
    // placeholder nothing fills (parameter values may contain braces themselves).
    let blanks = Params(
        f.params
            .0
            .iter()
            .map(|(n, _)| (*n, Param::Text(String::new())))
            .collect(),
    );
    let skeleton = catalog::render(f.code, &blanks, lang);
    assert!(
        !has_placeholder(&skeleton),
        "{}: unfilled placeholder in {skeleton:?}",
        f.code
    );
}

/// RFC 6901: empty, or `/`-separated segments where `~` is always `~0` or `~1`.
pub fn is_json_pointer(p: &str) -> bool {
    if p.is_empty() {
        return true;
    }
    if !p.starts_with('/') {
        return false;
    }
    let b = p.as_bytes();
    b.iter()
        .enumerate()
        .all(|(i, &c)| c != b'~' || matches!(b.get(i + 1), Some(b'0' | b'1')))
}

/// A `{name}` with name a snake_case identifier.
fn has_placeholder(s: &str) -> bool {
    let mut rest = s;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        if let Some(close) = after.find('}') {
            let name = &after[..close];
            if !name.is_empty()
                && name
                    .bytes()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'_')
            {
                return true;
            }
        }
        rest = after;
    }
    false
}

/// The findings without their language: code, severity, path, params, basis.
pub fn language_free(findings: &[Finding]) -> Vec<Finding> {
    findings
        .iter()
        .map(|f| Finding {
            message: String::new(),
            basis_text: f.basis_text.as_ref().map(|_| String::new()),
            ..f.clone()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers_and_placeholders() {
        assert!(is_json_pointer(""));
        assert!(is_json_pointer("/a~0b~1c/0"));
        assert!(!is_json_pointer("a"));
        assert!(!is_json_pointer("/a~2"));
        assert!(!is_json_pointer("/a~"));
        assert!(has_placeholder("x {field} y"));
        assert!(!has_placeholder("x {} {A} { y"));
    }
}
