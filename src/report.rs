//! The report of an application check: the rendered findings of every domain
//! with what the form needs besides (the edition checked against, the recomputed
//! emission totals). Built by [`crate::validate_application`] and its siblings
//! once every rule has run; the rules themselves only collect findings.

use serde::Serialize;

use crate::emissions::Summary;
use crate::findings::{Counts, Finding, Findings, Lang, SeverityOverrides, Wording};

/// The result of a check: `ok` is true when there is no error.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(schema, derive(schemars::JsonSchema))]
pub struct Report {
    /// True when no finding has severity `error`.
    pub ok: bool,
    /// Language of the messages.
    pub lang: Lang,
    /// Id of the regulation edition the application was checked against, if any.
    pub edition: Option<String>,
    /// Findings per severity.
    pub counts: Counts,
    /// All findings, in the order the rules produced them.
    pub findings: Vec<Finding>,
    /// Recomputed totals of the emission tables (absent when the application has
    /// no tables), so a form can fill its total rows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<Summary>,
}

impl Report {
    /// Builds the report of `findings` ([`Findings::render`]), without edition or
    /// summary.
    ///
    /// ```
    /// use kz_eco_rules::findings::{Finding, Findings, SeverityOverrides};
    /// use kz_eco_rules::{Lang, Report};
    /// let mut f = Findings::default();
    /// f.push(Finding::warning("input.unknown_field", "/x").with("field", "x"));
    /// let r = Report::build(f, Lang::Kk, &SeverityOverrides::default());
    /// assert!(r.ok);
    /// assert_eq!(r.counts.warning, 1);
    /// ```
    pub fn build(findings: Findings, lang: Lang, overrides: &SeverityOverrides) -> Report {
        Report::build_worded(findings, lang, overrides, &Wording::default())
    }

    /// [`Report::build`] with the caller's own wording of some codes
    /// (`options.messages`).
    pub fn build_worded(
        findings: Findings,
        lang: Lang,
        overrides: &SeverityOverrides,
        wording: &Wording,
    ) -> Report {
        let rendered = findings.render_worded(lang, overrides, wording);
        Report {
            ok: rendered.ok(),
            lang,
            edition: None,
            counts: rendered.counts,
            findings: rendered.findings,
            summary: None,
        }
    }

    /// Findings with the given code.
    pub fn with_code<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a Finding> + 'a {
        self.findings.iter().filter(move |f| f.code == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::Severity;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test(unsupported = test)]
    fn report_carries_the_rendered_findings() {
        let mut f = Findings::default();
        f.push(Finding::error("input.missing_field", "/service").with("field", "service"));
        f.push(Finding::info("input.unknown_field", "/x").with("field", "x"));
        let o = SeverityOverrides(vec![("input.unknown_field".into(), Severity::Warning)]);
        let r = Report::build(f, Lang::En, &o);
        assert!(!r.ok);
        assert_eq!((r.counts.error, r.counts.warning, r.counts.info), (1, 1, 0));
        assert_eq!(r.lang, Lang::En);
        assert_eq!(r.with_code("input.unknown_field").count(), 1);
        assert!(r.findings.iter().all(|f| !f.message.is_empty()));
        let json = serde_json::to_string(&r).unwrap();
        assert!(json.starts_with(r#"{"ok":false,"lang":"en","edition":null,"counts":"#));
        assert!(!json.contains("summary"));
    }
}
