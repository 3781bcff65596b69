//! Checking a whole application, one way through:
//! input → typed model ([`Application`]) → context (edition, submission time) →
//! the rules of each domain → [`Report`].

use crate::calendar::{Date, DateTime};
use crate::editions::{self, Edition};
use crate::findings::{Findings, Lang, Param, SeverityOverrides, TermKind};
use crate::input::{FailedPaths, Limits, Value};
use crate::model::{Action, Application, IsoDateTime};
use crate::text::concat;
use crate::Report;

/// How to check and report.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Options {
    /// Language of the messages (default `ru`).
    pub lang: Lang,
    /// Per-code severity changes.
    pub severity: SeverityOverrides,
    /// The caller's own wording of findings, code → template
    /// (`{"messages": {"emissions.sum_mismatch": "…{expected}…"}}`), in `lang`.
    pub messages: crate::findings::Wording,
    /// Input size limits.
    pub limits: Limits,
    /// The caller's calendar changes: days off / working days not in the data yet
    /// (`{"calendar": {"days_off": [...], "working_days": [...], "confirmed_years": [...]}}`).
    pub calendar: crate::calendar::CalendarOverrides,
    /// Deadline counting options (`{"sla": {...}}`, see [`crate::sla::SlaOptions`]).
    pub sla: crate::sla::SlaOptions,
    /// Readings of the document lists (`{"documents": {"readings": [...]}}`, see
    /// [`crate::documents::DocumentOptions`]).
    pub documents: crate::documents::DocumentOptions,
}

impl Options {
    /// Reads options given as `{ "lang": "kk", "severity": { "<code>": "warning" } }`
    /// (what the JavaScript API takes). `null` gives the defaults; anything else
    /// that does not fit is a caller mistake, reported as `Err` with the reason.
    ///
    /// ```
    /// use kz_eco_rules::{input::{Limits, Value}, Lang, Options, Severity};
    /// let v = Value::from_json_str(r#"{"lang": "kk", "severity": {"x.y": "info"}}"#, &Limits::default()).unwrap();
    /// let o = Options::from_value(&v).unwrap();
    /// assert_eq!(o.lang, Lang::Kk);
    /// assert_eq!(o.severity.get("x.y"), Some(Severity::Info));
    /// assert!(Options::from_value(&Value::Bool(true)).is_err());
    /// ```
    pub fn from_value(value: &Value) -> Result<Options, String> {
        let mut options = Options::default();
        let entries = match value {
            Value::Null => return Ok(options),
            Value::Object(entries) => entries,
            other => return Err(concat(&["options must be an object, got ", other.kind()])),
        };
        // A repeated option: the last one counts, as in a JavaScript object.
        for (key, v) in crate::input::last_wins(entries) {
            match (key, v) {
                (_, Value::Null) => {}
                ("lang", Value::String(tag)) => {
                    options.lang = Lang::parse(tag).ok_or_else(|| {
                        concat(&["options.lang must be kk, ru or en, got ", &quoted(tag)])
                    })?;
                }
                ("severity", Value::Object(map)) => {
                    for (code, sev) in crate::input::last_wins(map) {
                        let parsed = match sev {
                            Value::String(s) => crate::findings::Severity::parse(s),
                            _ => None,
                        };
                        let sev = parsed.ok_or_else(|| {
                            concat(&[
                                "options.severity[",
                                &quoted(code),
                                "] must be \"error\", \"warning\" or \"info\"",
                            ])
                        })?;
                        options.severity.0.push((code.to_owned(), sev));
                    }
                }
                ("messages", Value::Object(map)) => {
                    for (code, template) in map {
                        let Value::String(template) = template else {
                            return Err(concat(&[
                                "options.messages[",
                                &quoted(code),
                                "] must be a string (the message template)",
                            ]));
                        };
                        options
                            .messages
                            .0
                            .push((code.to_string(), template.to_string()));
                    }
                }
                ("calendar", v) => {
                    options.calendar = crate::calendar::CalendarOverrides::from_value(v)?
                }
                ("sla", v) => options.sla = crate::sla::SlaOptions::from_value(v)?,
                ("documents", v) => {
                    options.documents = crate::documents::DocumentOptions::from_value(v)?
                }
                (other, v) => {
                    return Err(concat(&[
                        "unknown or mistyped option ",
                        &quoted(other),
                        " (",
                        v.kind(),
                        ")",
                    ]))
                }
            }
        }
        Ok(options)
    }

    /// Default options with messages in `lang`.
    pub fn with_lang(lang: Lang) -> Self {
        Options {
            lang,
            ..Options::default()
        }
    }
}

/// `s` in double quotes, escaped as `format!("{s:?}")` escapes it for every ASCII
/// character (`\"`, `\\`, `\n`, `\u{1}`…); other characters are copied as they are
/// (`{:?}` would also hex-escape invisible ones, but its Unicode tables cost ~3 KB
/// of wasm for a message about a mistyped option).
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\0' => out.push_str("\\0"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\n' => out.push_str("\\n"),
            c if c.is_ascii_control() => {
                let hex = |d: u32| char::from_digit(d & 0xf, 16).unwrap_or('0');
                out.push_str("\\u{");
                if u32::from(c) >= 0x10 {
                    out.push(hex(u32::from(c) >> 4));
                }
                out.push(hex(u32::from(c)));
                out.push('}');
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// When the application was submitted, on the region's clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Submission {
    /// The instant as written.
    pub at: DateTime,
    /// The region's local date at that instant.
    pub local_date: Date,
    /// Seconds since local midnight at that instant.
    pub local_seconds: u32,
    /// The region's UTC offset (minutes) at that instant.
    pub utc_offset_minutes: i32,
}

/// What the rules know besides the application's own fields.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The application.
    pub app: &'a Application,
    /// The regulation edition that applies, if one could be selected.
    pub edition: Option<&'static Edition>,
    /// The submission time, if given and valid.
    pub submission: Option<Submission>,
    failed: &'a FailedPaths,
    options: Option<&'a Options>,
}

impl<'a> Context<'a> {
    /// A context for rules over `app` (no edition, no submission time).
    pub fn new(app: &'a Application, failed: &'a FailedPaths) -> Self {
        Context {
            app,
            edition: None,
            submission: None,
            failed,
            options: None,
        }
    }

    /// The same context with the caller's options (calendar overrides, SLA options).
    #[must_use]
    pub fn with_options(mut self, options: &'a Options) -> Self {
        self.options = Some(options);
        self
    }

    /// The caller's options, if given.
    pub fn options(&self) -> Option<&'a Options> {
        self.options
    }

    /// True when reading the input already failed at `path` (the value there was
    /// dropped): rules should not report it again as missing.
    pub fn input_failed(&self, path: &str) -> bool {
        self.failed.contains(path)
    }

    /// The local submission date, if known.
    pub fn submitted_on(&self) -> Option<Date> {
        self.submission.map(|s| s.local_date)
    }
}

// The finding codes (`pub const`s and `CODES`), generated from
// `data/messages/application.json` by `build/messages.rs`.
include!(concat!(env!("OUT_DIR"), "/codes_application.rs"));

/// Checks an application given as a Rust value.
///
/// ```
/// use kz_eco_rules::{validate_application, Application, Options};
/// let report = validate_application(&Application::default(), &Options::default());
/// assert!(!report.ok); // service, category, applicant … are missing
/// ```
pub fn validate_application(app: &Application, options: &Options) -> Report {
    check(app, &FailedPaths::new(), Findings::default(), options)
}

/// Checks an application given as JSON text. Text that is not JSON gives a report
/// with a single `input.malformed_json` error.
///
/// ```
/// use kz_eco_rules::{validate_json, Lang, Options};
/// let report = validate_json(r#"{"service": "emission_permit"}"#, &Options::with_lang(Lang::En));
/// assert!(report.findings.iter().any(|f| f.code == "input.missing_field" && f.path == "/category"));
/// ```
pub fn validate_json(text: &str, options: &Options) -> Report {
    match Value::from_json_str(text, &options.limits) {
        Ok(v) => validate_value(&v, options),
        Err(e) => {
            let mut findings = Findings::default();
            findings.push(e.to_finding());
            Report::build_worded(findings, options.lang, &options.severity, &options.messages)
        }
    }
}

/// Checks an application given as a value tree (what the wasm boundary builds from
/// a JavaScript object).
pub fn validate_value(value: &Value, options: &Options) -> Report {
    let mut findings = Findings::default();
    let (app, failed) = Application::from_value(value, &mut findings);
    check(&app, &failed, findings, options)
}

/// Runs every rule over a typed application.
fn check(
    app: &Application,
    failed: &FailedPaths,
    mut findings: Findings,
    options: &Options,
) -> Report {
    let mut cx = Context::new(app, failed).with_options(options);
    check_action(app, &mut findings);

    (cx.edition, cx.submission) = locate(
        app.edition.as_deref(),
        app.region.as_deref(),
        app.submitted_at.as_ref(),
        &mut findings,
    );
    if let Some(ed) = cx.edition.filter(|e| !editions::rules_in_module(e)) {
        // The form entry without the repealed editions' rules: no guess, one
        // finding that says the whole API checks this application.
        let mut findings = Findings::default();
        findings.push(editions::not_in_module(ed, app.edition.is_some()));
        let mut report =
            Report::build_worded(findings, options.lang, &options.severity, &options.messages);
        report.edition = Some(ed.id.to_owned());
        return report;
    }
    if let Some(ed) = cx.edition {
        editions::check_offer(
            ed,
            app.service,
            app.category,
            app.action,
            app.channel,
            &mut findings,
        );
    }

    crate::ident::check_application(&cx, &mut findings);
    crate::category::check_application(&cx, &mut findings);
    crate::signature::check_application(&cx, &mut findings);
    crate::form::check_application(&cx, &mut findings);
    crate::documents::check_application(&cx, &mut findings);
    crate::declaration::check_application(&cx, &mut findings);
    crate::transition::check_application(&cx, &mut findings);
    let summary = crate::emissions::check_application(&cx, &mut findings);
    crate::sla::check_application(&cx, &mut findings);

    let mut report =
        Report::build_worded(findings, options.lang, &options.severity, &options.messages);
    report.edition = cx.edition.map(|e| e.id.to_owned());
    report.summary = summary;
    report
}

/// Reports an action that belongs to the other service.
fn check_action(app: &Application, findings: &mut Findings) {
    let (Some(service), Some(action)) = (app.service, app.action) else {
        return;
    };
    let allowed = Action::for_service(service);
    if !allowed.contains(&action) {
        findings.push(finding::action_mismatch(
            "/action",
            Param::Term(TermKind::Action, action.as_str().to_owned()),
            Param::Term(TermKind::Service, service.as_str().to_owned()),
            Param::Terms(
                TermKind::Action,
                crate::text::owned(allowed, |a| a.as_str()),
            ),
        ));
    }
}

/// The edition and the submission on the region's clock, from an explicit
/// edition or the region and `submitted_at` (shared with the deadlines query),
/// reporting a bad `submitted_at` and why no edition fits.
pub(crate) fn locate(
    edition: Option<&str>,
    region: Option<&str>,
    submitted_at: Option<&IsoDateTime>,
    findings: &mut Findings,
) -> (Option<&'static Edition>, Option<Submission>) {
    let region_id = edition
        .and_then(editions::edition)
        .and_then(|e| e.home_region())
        .or(region);
    let submission =
        parse_submitted_at(submitted_at, findings).map(|at| on_region_clock(at, region_id));
    let query = editions::Query {
        edition,
        region,
        date: submission.map(|s| s.local_date),
    };
    (editions::select(&query, findings), submission)
}

/// Parses `submitted_at`, reporting what is wrong with it.
fn parse_submitted_at(
    submitted_at: Option<&IsoDateTime>,
    findings: &mut Findings,
) -> Option<DateTime> {
    let text = submitted_at?.as_str();
    match DateTime::parse_iso(text) {
        Ok(at) => {
            if at.offset_minutes.is_none() {
                findings.push(finding::no_utc_offset("/submitted_at", text));
            }
            Some(at)
        }
        Err(_) => {
            findings.push(finding::invalid_datetime("/submitted_at", text));
            None
        }
    }
}

/// The region whose clock a national edition's submission is read on when the
/// application names no region and its offset is not one in force in Kazakhstan.
pub const CAPITAL: &str = "astana";

/// The submission instant on the region's clock. Without a region (a national
/// edition): the offset as written when some region kept it at that instant (UTC+5
/// or UTC+6 before 1 March 2024, UTC+5 since), else the capital's — so a
/// JavaScript `Date` (an instant in UTC) gives the same day and hour as the
/// Kazakhstan time it stands for. As written when the text has no offset.
fn on_region_clock(at: DateTime, region_id: Option<&str>) -> Submission {
    let offset = match (region_id.and_then(editions::region), at.unix_seconds()) {
        (Some(region), Some(unix)) => region.utc_offset_at(unix),
        (None, Some(unix)) => match at.offset_minutes {
            Some(w)
                if editions::regions()
                    .iter()
                    .any(|r| r.utc_offset_at(unix) == w) =>
            {
                w
            }
            written => {
                editions::region(CAPITAL).map_or(written.unwrap_or(0), |r| r.utc_offset_at(unix))
            }
        },
        _ => at.offset_minutes.unwrap_or(0),
    };
    let (local_date, local_seconds) = at.local_at_offset(offset).unwrap_or((at.date, at.seconds));
    Submission {
        at,
        local_date,
        local_seconds,
        utc_offset_minutes: offset,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test(unsupported = test)]
    fn quoted_is_debug_for_ascii_and_printable_text() {
        // Every ASCII character, alone and in text.
        for b in 0..=0x7f_u8 {
            let s = format!("a{}b", char::from(b));
            assert_eq!(quoted(&s), format!("{s:?}"));
        }
        for s in [
            "",
            "kk",
            "қаз-KZ",
            "Ӛ ӛ Ә ә Ғ ғ",
            "日本語",
            "😀",
            "x\"y\\z\u{1f}",
        ] {
            assert_eq!(quoted(s), format!("{s:?}"), "{s}");
        }
        // The only difference: characters `{:?}` hex-escapes as invisible/unassigned.
        for c in (0x80..=0x10_ffff_u32).filter_map(char::from_u32) {
            let s = c.to_string();
            let debug = format!("{s:?}");
            if quoted(&s) != debug {
                assert!(debug.starts_with("\"\\u{"), "{c:?}");
            }
        }
    }

    fn codes(r: &Report) -> Vec<(&str, &str)> {
        r.findings
            .iter()
            .map(|f| (f.code, f.path.as_str()))
            .collect()
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn malformed_json_is_one_error() {
        let r = validate_json("{\"service\": ", &Options::default());
        assert_eq!(codes(&r), [("input.malformed_json", "")]);
        assert!(!r.ok);
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn action_of_the_other_service_is_an_error() {
        let r = validate_json(
            r#"{"service": "emission_permit", "action": "repeat", "edition": "almaty_oblast_2012"}"#,
            &Options::default(),
        );
        assert!(codes(&r).contains(&(ACTION_MISMATCH, "/action")));
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn without_a_region_an_instant_is_read_on_a_kazakhstan_clock() {
        let clock = |text: &str| {
            let at = DateTime::parse_iso(text).unwrap();
            let s = on_region_clock(at, None);
            (
                s.local_date.to_string(),
                s.local_seconds / 60,
                s.utc_offset_minutes,
            )
        };
        // Since 1 March 2024 one time: a UTC instant (a JavaScript Date) and the
        // same instant written at +05:00 are one local time; a foreign offset too.
        let friday = ("2026-03-13".to_owned(), 18 * 60 + 30, 300);
        assert_eq!(clock("2026-03-13T13:30:00Z"), friday);
        assert_eq!(clock("2026-03-13T18:30:00+05:00"), friday);
        assert_eq!(clock("2026-03-13T16:30:00+03:00"), friday);
        // Before it, UTC+5 and UTC+6 were both in force: as written; else the capital's.
        assert_eq!(
            clock("2022-03-01T10:00:00+05:00"),
            ("2022-03-01".to_owned(), 600, 300)
        );
        assert_eq!(
            clock("2022-03-01T10:00:00+06:00"),
            ("2022-03-01".to_owned(), 600, 360)
        );
        assert_eq!(
            clock("2022-03-01T04:00:00Z"),
            ("2022-03-01".to_owned(), 600, 360)
        );
        // No offset written: as written.
        assert_eq!(
            clock("2022-03-01T10:00:00"),
            ("2022-03-01".to_owned(), 600, 0)
        );
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn submission_time_selects_the_edition_on_the_region_clock() {
        // 18:30 UTC on 30 Sep 2019 is 00:30 on 1 Oct in Almaty (UTC+6).
        let r = validate_json(
            r#"{"region": "almaty_city", "submitted_at": "2019-09-30T18:30:00Z"}"#,
            &Options::default(),
        );
        assert_eq!(r.edition.as_deref(), Some("almaty_city_2019"));
        let r = validate_json(
            r#"{"region": "almaty_city", "submitted_at": "2019-09-30T17:30:00Z"}"#,
            &Options::default(),
        );
        assert_eq!(r.edition, None);
        assert!(codes(&r).contains(&("editions.not_in_library", "/submitted_at")));
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn bad_and_offsetless_submission_times() {
        let r = validate_json(r#"{"submitted_at": "04.10.2019"}"#, &Options::default());
        assert!(codes(&r).contains(&(INVALID_DATETIME, "/submitted_at")));
        let r = validate_json(
            r#"{"region": "almaty_city", "submitted_at": "2019-11-04T10:00"}"#,
            &Options::default(),
        );
        assert!(codes(&r).contains(&(NO_UTC_OFFSET, "/submitted_at")));
        assert_eq!(r.edition.as_deref(), Some("almaty_city_2019"));
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn every_message_is_rendered_without_placeholders() {
        let r = validate_json(
            r#"{"service": "x", "category": 2, "extra": 1, "edition": "nope"}"#,
            &Options::with_lang(Lang::Kk),
        );
        assert!(!r.findings.is_empty());
        for f in &r.findings {
            assert!(!f.message.is_empty() && !f.message.contains('{'), "{f:?}");
        }
    }
}
