//! Findings: what the rules say about an application.
//!
//! Every rule emits [`Finding`]s: a stable dotted `code`, a [`Severity`], a JSON
//! Pointer `path` into the application, named `params`, the legal `basis` (regulation
//! edition + clause) and — once the report is built — a `message` in the requested
//! language. Findings are data, never `Err`: bad input yields findings, not failures.
//!
//! Domain code only *collects* findings ([`Findings`]); messages are rendered in one
//! place, [`Findings::render`], from the catalog in `data/messages/` (see [`catalog`]).

pub mod catalog;
pub mod plural;
mod pointer;
pub mod template;

use std::borrow::Cow;
use std::fmt;

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Deserialize, Serialize, Serializer};

pub use catalog::Lang;
pub use pointer::Pointer;

/// How serious a finding is. `Error` blocks submission (`Report::ok == false`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(schema, derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The application would be refused or is malformed.
    Error,
    /// Probably wrong, or a question the applicant must answer; does not block.
    Warning,
    /// For information only.
    Info,
}

impl Severity {
    /// The lowercase name used in JSON (`"error"`, `"warning"`, `"info"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    /// Parses `"error"`, `"warning"` or `"info"`.
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }
}

/// What kind of named thing a [`Param::Term`] refers to; the message renderer
/// replaces the id with the thing's name in the report language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermKind {
    /// A document id from the rule data (`data/documents/`).
    Document,
    /// A fact name used by conditional rules (rendered as its question).
    Fact,
    /// A regulation edition id (`data/editions.json`).
    Edition,
    /// A region id (`data/editions.json`).
    Region,
    /// A JSON type name (`string`, `number`, …).
    JsonType,
    /// Why JSON text is malformed ([`crate::input::JsonError::id`]).
    JsonError,
    /// A service id (`emission_permit`, `ecological_expertise`).
    Service,
    /// An action id (`issue`, `reissue`, `first`, `repeat`).
    Action,
    /// A channel id (`portal`, `in_person`).
    Channel,
    /// A kind of applicant (`individual`, `legal_entity`).
    ApplicantKind,
    /// A field of the application, `Struct.field` (the model struct and the JSON
    /// key, e.g. `Applicant.iin_bin`): rendered as the field's label («ЖСН/БСН»),
    /// serialized as the key alone (`iin_bin`).
    Field,
}

/// A named parameter value of a finding.
///
/// In JSON every variant is a string except [`Param::Int`] (a number) and
/// [`Param::List`] (an array of strings); the variant only decides how the value
/// is *rendered* in a message (decimal comma in kk/ru, dd.mm.yyyy dates, names).
#[derive(Debug, Clone, PartialEq)]
pub enum Param {
    /// Free text, rendered as is.
    Text(String),
    /// An integer.
    Int(i64),
    /// An exact decimal in canonical form (`-12.345`, no exponent, `.` separator).
    Decimal(String),
    /// A civil date, `YYYY-MM-DD`.
    Date(String),
    /// The id of a named thing, rendered as its localized name.
    Term(TermKind, String),
    /// A list of plain strings (e.g. the allowed categories `II`, `III`), rendered
    /// as a list: `II, III и IV`.
    List(Vec<String>),
    /// A list of ids of named things, rendered as their localized names joined as
    /// a list: `выдача и переоформление`; serialized as the ids.
    Terms(TermKind, Vec<String>),
    /// A basis in its machine form (`almaty_oblast_2012 PR §16.1`), rendered as
    /// its citation in the report language (see [`Finding::basis_text`]).
    Cite(String),
}

impl Param {
    /// A [`TermKind::Field`] term: the field `key` of the model struct `owner`.
    ///
    /// ```
    /// use kz_eco_rules::findings::{catalog, Param};
    /// use kz_eco_rules::Lang;
    /// let p = Param::field("Applicant", "iin_bin");
    /// assert_eq!(catalog::render_param(&p, Lang::Ru), "ИИН/БИН");
    /// ```
    pub fn field(owner: &str, key: &str) -> Param {
        Param::Term(TermKind::Field, crate::text::concat(&[owner, ".", key]))
    }
}

impl Serialize for Param {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Param::Term(TermKind::Field, v) => s.serialize_str(crate::text::after_last(v, b'.')),
            Param::Text(v)
            | Param::Decimal(v)
            | Param::Date(v)
            | Param::Term(_, v)
            | Param::Cite(v) => s.serialize_str(v),
            Param::Int(v) => s.serialize_i64(*v),
            Param::List(items) | Param::Terms(_, items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
        }
    }
}

#[cfg(schema)]
impl schemars::JsonSchema for Param {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ParamValue".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A parameter value: text, an exact decimal (\"12.345\"), a date (\"YYYY-MM-DD\") or an id as a string; an integer as a number; a list as strings.",
            "anyOf": [
                { "type": "string" },
                { "type": "integer" },
                { "type": "array", "items": { "type": "string" } }
            ]
        })
    }
}

impl From<&str> for Param {
    fn from(v: &str) -> Self {
        Param::Text(v.to_owned())
    }
}
impl From<String> for Param {
    fn from(v: String) -> Self {
        Param::Text(v)
    }
}
impl From<i64> for Param {
    fn from(v: i64) -> Self {
        Param::Int(v)
    }
}
impl From<u32> for Param {
    fn from(v: u32) -> Self {
        Param::Int(i64::from(v))
    }
}
impl From<usize> for Param {
    fn from(v: usize) -> Self {
        Param::Int(i64::try_from(v).unwrap_or(i64::MAX))
    }
}

/// Named parameters of a finding, in insertion order (serialized as a JSON object).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Params(pub Vec<(&'static str, Param)>);

impl Params {
    /// The value of parameter `name`, if present.
    pub fn get(&self, name: &str) -> Option<&Param> {
        self.0.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// True when there are no parameters.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(schema)]
impl schemars::JsonSchema for Params {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Params".into()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Named parameters of a finding (the catalog entry of its code names them).",
            "type": "object",
            "additionalProperties": g.subschema_for::<Param>()
        })
    }
}

impl Serialize for Params {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// The legal basis of a finding: a source (a regulation edition id such as
/// `almaty_city_2019`, or a statute id) and a clause within it (`PR §5.3`).
/// Serialized as one string, `"almaty_city_2019 PR §5.3"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Basis {
    /// Edition id or statute id.
    pub source: Cow<'static, str>,
    /// Clause within the source, in the seed's own numbering.
    pub clause: Cow<'static, str>,
}

impl Basis {
    /// The basis rule code names by `key` in `data/citations.json` (`rules`), e.g.
    /// `Basis::named("transition.old_permit_valid")` →
    /// `eco_code_2021 art. 418 p. 8`; empty (and so cited by its machine form)
    /// for a key the data lacks, which `tests/it/basis.rs` reports.
    pub fn named(key: &str) -> Self {
        match crate::citations::rule(key) {
            Some((source, clause)) => Basis::new(source, clause),
            None => Basis::new(key.to_owned(), ""),
        }
    }

    /// The basis of a check no clause states: the application's data compared
    /// with itself (a row twice, a zero next to a positive value), cited as
    /// «проверка согласованности данных заявления»; its findings are at most
    /// warnings (`data/citations.json`, `no_clause`).
    ///
    /// ```
    /// use kz_eco_rules::findings::Basis;
    /// assert_eq!(Basis::consistency().to_string(), "consistency check");
    /// ```
    pub fn consistency() -> Self {
        Basis::named("consistency")
    }

    /// A basis from a source id and a clause.
    pub fn new(source: impl Into<Cow<'static, str>>, clause: impl Into<Cow<'static, str>>) -> Self {
        Basis {
            source: source.into(),
            clause: clause.into(),
        }
    }
}

impl Basis {
    /// The machine form, as `to_string()`: `source clause`, or `source` alone.
    pub fn machine(&self) -> String {
        if self.clause.is_empty() {
            self.source.to_string()
        } else {
            crate::text::concat(&[&*self.source, " ", &*self.clause])
        }
    }
}

impl fmt::Display for Basis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.machine())
    }
}

#[cfg(schema)]
impl schemars::JsonSchema for Basis {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Basis".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Legal basis: edition id and clause, e.g. \"almaty_city_2019 PR §5.3\".",
            "type": "string"
        })
    }
}

impl Serialize for Basis {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.machine())
    }
}

/// One thing the rules found, shaped like an ajv/zod issue.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(schema, derive(schemars::JsonSchema))]
pub struct Finding {
    /// Stable dotted snake_case code, e.g. `ident.checksum_mismatch`.
    pub code: &'static str,
    /// How serious it is.
    pub severity: Severity,
    /// JSON Pointer into the application (`""` = the whole application).
    pub path: String,
    /// Named parameters used by the message (and by UIs rendering their own text).
    pub params: Params,
    /// Regulation edition + clause the rule comes from, if any.
    pub basis: Option<Basis>,
    /// The basis as a citation in the report language (filled by
    /// [`Findings::render`]), e.g. «п. 5.3 Регламента …, утв. постановлением
    /// акимата города Алматы …»; `None` when there is no basis.
    pub basis_text: Option<String>,
    /// The message in the report language (filled by [`Findings::render`]).
    pub message: String,
}

impl Finding {
    /// A finding without parameters or basis; add them with [`Finding::with`] and
    /// [`Finding::basis`].
    pub fn new(severity: Severity, code: &'static str, path: impl Into<String>) -> Self {
        Finding {
            code,
            severity,
            path: path.into(),
            params: Params::default(),
            basis: None,
            basis_text: None,
            message: String::new(),
        }
    }

    /// An error finding.
    pub fn error(code: &'static str, path: impl Into<String>) -> Self {
        Finding::new(Severity::Error, code, path)
    }

    /// A warning finding.
    pub fn warning(code: &'static str, path: impl Into<String>) -> Self {
        Finding::new(Severity::Warning, code, path)
    }

    /// An informational finding.
    pub fn info(code: &'static str, path: impl Into<String>) -> Self {
        Finding::new(Severity::Info, code, path)
    }

    /// Adds a named parameter.
    #[must_use]
    pub fn with(mut self, name: &'static str, value: impl Into<Param>) -> Self {
        self.params.0.push((name, value.into()));
        self
    }

    /// Sets the legal basis.
    #[must_use]
    pub fn basis(mut self, basis: Basis) -> Self {
        self.basis = Some(basis);
        self
    }
}

/// Collects findings while the rules run, with a hard cap so hostile input cannot
/// make the report grow without bound.
#[derive(Debug, Clone)]
pub struct Findings {
    items: Vec<Finding>,
    cap: usize,
    dropped: usize,
}

impl Default for Findings {
    fn default() -> Self {
        Findings::with_cap(Findings::DEFAULT_CAP)
    }
}

impl Findings {
    /// Default maximum number of findings kept in one report.
    pub const DEFAULT_CAP: usize = 10_000;

    /// An empty collector keeping at most `cap` findings.
    pub fn with_cap(cap: usize) -> Self {
        Findings {
            items: Vec::new(),
            cap,
            dropped: 0,
        }
    }

    /// Adds a finding (or counts it as dropped once the cap is reached).
    pub fn push(&mut self, finding: Finding) {
        if self.items.len() < self.cap {
            self.items.push(finding);
        } else {
            self.dropped = self.dropped.saturating_add(1);
        }
    }

    /// Findings collected so far.
    pub fn as_slice(&self) -> &[Finding] {
        &self.items
    }

    /// Number of findings collected (not counting dropped ones).
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// True when nothing was found.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty() && self.dropped == 0
    }

    /// True when an error-severity finding exists at exactly `path`.
    pub fn has_error_at(&self, path: &str) -> bool {
        self.items
            .iter()
            .any(|f| f.severity == Severity::Error && f.path == path)
    }

    /// Consumes the collector, returning the findings and how many were dropped.
    pub fn into_parts(self) -> (Vec<Finding>, usize) {
        (self.items, self.dropped)
    }
}

impl Extend<Finding> for Findings {
    fn extend<I: IntoIterator<Item = Finding>>(&mut self, iter: I) {
        for f in iter {
            self.push(f);
        }
    }
}

/// Number of findings per severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(schema, derive(schemars::JsonSchema))]
pub struct Counts {
    /// Error findings.
    pub error: usize,
    /// Warning findings.
    pub warning: usize,
    /// Informational findings.
    pub info: usize,
}

/// Per-code severity changes requested by the caller (e.g. make
/// `emissions.requested_above_normative` a warning).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SeverityOverrides(pub Vec<(String, Severity)>);

impl SeverityOverrides {
    /// The overriding severity for `code`, if any.
    pub fn get(&self, code: &str) -> Option<Severity> {
        self.0.iter().find(|(c, _)| c == code).map(|(_, s)| *s)
    }
}

/// A caller's own wording of findings (`options.messages`): code → template with
/// the code's `{placeholders}`, used instead of the catalog's message in the
/// call's language — e.g. a portal's `{"emissions.sum_mismatch": "Итог не
/// сходится: {expected}"}`, as ajv-i18n lets a UI replace its messages. Params are
/// rendered as in the catalog's templates; an unknown placeholder is left as is.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Wording(pub Vec<(String, String)>);

impl Wording {
    /// The caller's template for `code`, if any.
    pub fn get(&self, code: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, t)| t.as_str())
    }
}

/// The finding codes of the report itself, generated from
/// `data/messages/report.json` by `build/messages.rs`.
pub mod report_codes {
    include!(concat!(env!("OUT_DIR"), "/codes_report.rs"));
}

/// Code of the finding added when the findings cap was reached.
pub use report_codes::TRUNCATED as REPORT_TRUNCATED;

/// Findings with their messages in one language, severities overridden and
/// counted: what every report built from findings carries.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    /// Findings per severity.
    pub counts: Counts,
    /// All findings, in the order the rules produced them, with messages.
    pub findings: Vec<Finding>,
}

impl Rendered {
    /// True when no finding has severity `error`.
    pub fn ok(&self) -> bool {
        self.counts.error == 0
    }
}

impl Findings {
    /// Applies severity overrides, renders every message in `lang` and counts
    /// severities; a `report.truncated` warning says how many findings the cap
    /// dropped. This is the one place messages are built.
    ///
    /// ```
    /// use kz_eco_rules::findings::{Finding, Findings, SeverityOverrides};
    /// use kz_eco_rules::Lang;
    /// let mut f = Findings::default();
    /// f.push(Finding::error("input.missing_field", "/service").with("field", "service"));
    /// let r = f.render(Lang::En, &SeverityOverrides::default());
    /// assert!(!r.ok());
    /// assert!(r.findings[0].message.contains("service"));
    /// ```
    pub fn render(self, lang: Lang, overrides: &SeverityOverrides) -> Rendered {
        self.render_worded(lang, overrides, &Wording::default())
    }

    /// [`Findings::render`] with the caller's own wording of some codes.
    ///
    /// ```
    /// use kz_eco_rules::findings::{Finding, Findings, SeverityOverrides, Wording};
    /// use kz_eco_rules::Lang;
    /// let mut f = Findings::default();
    /// f.push(Finding::error("input.missing_field", "/service").with("field", "service"));
    /// let ours = Wording(vec![("input.missing_field".into(), "Заполните «{field}»".into())]);
    /// let r = f.render_worded(Lang::Ru, &SeverityOverrides::default(), &ours);
    /// assert_eq!(r.findings[0].message, "Заполните «service»");
    /// ```
    pub fn render_worded(
        self,
        lang: Lang,
        overrides: &SeverityOverrides,
        wording: &Wording,
    ) -> Rendered {
        let (mut items, dropped) = self.into_parts();
        if dropped > 0 {
            items.push(report_codes::finding::truncated("", dropped));
        }
        let mut counts = Counts::default();
        for f in &mut items {
            if let Some(sev) = overrides.get(f.code) {
                f.severity = sev;
            }
            f.message = match wording.get(f.code) {
                Some(template) => catalog::render_template(template, &f.params, lang),
                None => catalog::render(f.code, &f.params, lang),
            };
            f.basis_text = f.basis.as_ref().map(|b| catalog::basis_text(b, lang));
            match f.severity {
                Severity::Error => counts.error += 1,
                Severity::Warning => counts.warning += 1,
                Severity::Info => counts.info += 1,
            }
        }
        Rendered {
            counts,
            findings: items,
        }
    }
}

/// The finding codes of the HTTP service (`kz-eco-rules serve`): problems of a
/// request the rules never see (its content type, size, time, the service
/// busy), answered in the report's shape. Generated from
/// `data/messages/http.json`; native only, like their texts
/// ([`catalog::native_entries`]).
#[cfg(not(target_arch = "wasm32"))]
pub mod http_codes {
    include!(concat!(env!("OUT_DIR"), "/codes_http.rs"));
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test(unsupported = test)]
    fn render_counts_and_ok() {
        let mut f = Findings::default();
        f.push(Finding::warning("input.unknown_field", "/x").with("field", "x"));
        let r = f.clone().render(Lang::En, &SeverityOverrides::default());
        assert!(r.ok());
        assert_eq!(r.counts.warning, 1);
        f.push(Finding::error("input.missing_field", "/service").with("field", "service"));
        let r = f.render(Lang::En, &SeverityOverrides::default());
        assert!(!r.ok());
        assert_eq!(r.counts.error, 1);
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn overrides_change_severity_and_ok() {
        let mut f = Findings::default();
        f.push(Finding::error("input.missing_field", "/service").with("field", "service"));
        let o = SeverityOverrides(vec![("input.missing_field".into(), Severity::Warning)]);
        let r = f.render(Lang::En, &o);
        assert!(r.ok());
        assert_eq!(r.findings[0].severity, Severity::Warning);
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn cap_adds_truncation_warning() {
        let mut f = Findings::with_cap(2);
        for i in 0..5 {
            f.push(Finding::info("input.unknown_field", format!("/{i}")).with("field", "a"));
        }
        let r = f.render(Lang::Ru, &SeverityOverrides::default());
        assert_eq!(r.findings.len(), 3);
        let last = &r.findings[2];
        assert_eq!(last.code, REPORT_TRUNCATED);
        assert_eq!(last.params.get("dropped"), Some(&Param::Int(3)));
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn finding_serializes_like_an_ajv_issue() {
        let f = Finding::error("ident.checksum_mismatch", "/applicant/iin_bin")
            .with("expected", 7i64)
            .with("value", "871008401428")
            .basis(Basis::new("almaty_city_2019", "PR §9.7"));
        let json = serde_json::to_string(&f).unwrap();
        assert_eq!(
            json,
            r#"{"code":"ident.checksum_mismatch","severity":"error","path":"/applicant/iin_bin","params":{"expected":7,"value":"871008401428"},"basis":"almaty_city_2019 PR §9.7","basis_text":null,"message":""}"#
        );
    }
}
