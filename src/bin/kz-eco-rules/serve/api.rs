//! The routes. Each answer is the library's own result written by `serde_json`,
//! as the command line writes it: the same bytes as `kz-eco-rules … --jsonl` and
//! as `JSON.stringify` of the npm package's result.
//!
//! | route | body in → out |
//! |---|---|
//! | `POST /v1/applications:validate` | an application → its report |
//! | `POST /v1/applications:validate-batch` | JSON Lines of applications → JSON Lines of reports, streamed |
//! | `POST /v1/documents` | a checklist query → the checklist report |
//! | `POST /v1/deadlines` | a deadlines query → the deadlines |
//! | `POST /v1/identifiers` | a JSON array of ИИН/БИН → an array of verdicts |
//! | `GET /v1/working-days/{date}` | → the day's report |
//! | `GET /v1/schema`, `/v1/messages/{lang}`, `/v1/version`, `/v1/openapi.json` | documents |
//! | `GET /healthz`, `/readyz`, `/metrics` | probes and Prometheus text |
//!
//! Options: `?lang=kk|ru|en` (else the options' `lang`, else `Accept-Language`,
//! else `ru`) and `?options=` with the JavaScript API's options object as JSON
//! (`{"severity": {…}, "calendar": {…}, "sla": {…}}`), URL-encoded.

use std::convert::Infallible;
use std::sync::atomic::Ordering;
use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{middleware, Extension, Router};
use futures_util::StreamExt;
use kz_eco_rules::calendar::{day_report, DayReport};
use kz_eco_rules::documents::{checklist_json, ChecklistReport};
use kz_eco_rules::findings::{catalog, Finding, Findings};
use kz_eco_rules::ident::Verdict;
use kz_eco_rules::input::{Limits, Value};
use kz_eco_rules::sla::{deadlines_json, DeadlinesReport};
use kz_eco_rules::{validate_json, Lang, Options, Report};
use serde::Deserialize;

use super::guard::{self, Held};
use super::problem::{json, raw_json, Problem};
use super::Shared;
use crate::jsonl;

type St = State<Arc<Shared>>;

/// The service's routes with the guard around every one.
pub fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/v1/applications:validate", post(validate))
        .route("/v1/applications:validate-batch", post(validate_batch))
        .route("/v1/documents", post(documents))
        .route("/v1/deadlines", post(deadlines))
        .route("/v1/identifiers", post(identifiers))
        .route("/v1/working-days/{date}", get(working_day))
        .route("/v1/schema", get(schema))
        .route("/v1/messages/{lang}", get(messages))
        .route("/v1/version", get(version))
        .route("/v1/openapi.json", get(openapi))
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(middleware::from_fn_with_state(shared.clone(), guard::guard))
        .with_state(shared)
}

/// The query parameters every endpoint reads.
#[derive(Debug, Default, Deserialize)]
pub struct Params {
    lang: Option<String>,
    options: Option<String>,
}

type Q = Result<Query<Params>, QueryRejection>;

/// The language of `Accept-Language`: the supported tag with the highest `q`.
///
/// ```text
/// "en-US,en;q=0.9,ru;q=0.8" → en;  "de, kk;q=0.5" → kk;  "de" → None
/// ```
pub fn accept_language(headers: &HeaderMap) -> Option<Lang> {
    let text = headers.get(header::ACCEPT_LANGUAGE)?.to_str().ok()?;
    let mut best: Option<(f32, Lang)> = None;
    for item in text.split(',') {
        let mut parts = item.split(';');
        let Some(lang) = parts.next().and_then(Lang::parse) else {
            continue;
        };
        let q = parts
            .find_map(|p| p.trim().strip_prefix("q="))
            .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())
            .unwrap_or(0.0);
        if q > 0.0 && best.is_none_or(|(b, _)| q > b) {
            best = Some((q, lang));
        }
    }
    best.map(|(_, l)| l)
}

/// The language a request asks for, for answers that are not the rules' (a
/// problem found before the options are read): `?lang=`, else `Accept-Language`.
pub fn request_lang(query: Option<&str>, headers: &HeaderMap) -> Lang {
    let from_query = query.and_then(|q| {
        q.split('&')
            .find_map(|kv| kv.strip_prefix("lang="))
            .and_then(Lang::parse)
    });
    from_query
        .or_else(|| accept_language(headers))
        .unwrap_or_default()
}

/// The options of a request, or the problem with them (in the language asked).
fn options(query: Q, headers: &HeaderMap) -> Result<Options, Response> {
    let fallback = accept_language(headers).unwrap_or_default();
    let Query(params) = query.map_err(|e| {
        Problem::BadOptions {
            reason: e.body_text(),
        }
        .response(fallback)
    })?;
    let query_lang = match params.lang.as_deref() {
        None => None,
        Some(tag) => Some(Lang::parse(tag).ok_or_else(|| {
            Problem::BadOptions {
                reason: format!("lang must be kk, ru or en, got {tag:?}"),
            }
            .response(fallback)
        })?),
    };
    let bad =
        |reason: String| Problem::BadOptions { reason }.response(query_lang.unwrap_or(fallback));
    let (mut options, options_lang) = match params.options.as_deref() {
        None => (Options::default(), false),
        Some(text) => {
            let value = Value::from_json_str(text, &Limits::default())
                .map_err(|e| bad(format!("options: {e}")))?;
            let has_lang = matches!(value.get("lang"), Some(v) if *v != Value::Null);
            (Options::from_value(&value).map_err(bad)?, has_lang)
        }
    };
    match query_lang {
        Some(l) => options.lang = l,
        None if options_lang => {}
        None => options.lang = fallback,
    }
    Ok(options)
}

/// Media types of a single JSON body and of JSON Lines.
const JSON: &[&str] = &["application/json"];
const JSON_LINES: &[&str] = &[
    "application/jsonl",
    "application/x-ndjson",
    "application/jsonlines",
    "application/x-jsonlines",
];

/// Whether the `Content-Type` is one of `accepted` (parameters allowed, a
/// `charset` only if UTF-8).
fn content_type_ok(headers: &HeaderMap, accepted: &[&str]) -> bool {
    let Some(value) = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let mut parts = value.split(';');
    let essence = parts.next().unwrap_or("").trim().to_ascii_lowercase();
    let charset_ok = parts.all(|p| {
        let p = p.trim().to_ascii_lowercase();
        match p.strip_prefix("charset=") {
            Some(cs) => matches!(cs.trim_matches('"'), "utf-8" | "utf8"),
            None => true,
        }
    });
    charset_ok && accepted.contains(&essence.as_str())
}

/// Reads a whole JSON body as text within the body limit; a byte order mark at
/// its start is skipped, as `check` skips it in a file.
async fn json_body(
    st: &Shared,
    headers: &HeaderMap,
    body: Body,
    lang: Lang,
) -> Result<String, Response> {
    if !content_type_ok(headers, JSON) {
        return Err(Problem::MediaType {
            expected: "application/json",
        }
        .response(lang));
    }
    let limit = st.config.max_body;
    let too_large = || Problem::TooLarge { limit }.response(lang);
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(declared.unwrap_or(0) as usize);
    let mut stream = body.into_data_stream();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|_| Problem::Unreadable.response(lang))?;
        if bytes.len() + chunk.len() > limit {
            return Err(too_large());
        }
        bytes.extend_from_slice(&chunk);
    }
    if bytes.starts_with(jsonl::BOM) {
        bytes.drain(..jsonl::BOM.len());
    }
    String::from_utf8(bytes).map_err(|_| Problem::NotUtf8.response(lang))
}

/// Codes meaning the body could not be read as JSON at all: the answer is 400.
fn status_of(findings: &[Finding]) -> StatusCode {
    if findings
        .iter()
        .any(|f| crate::check::UNREADABLE.contains(&f.code))
    {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    }
}

/// A POST endpoint: reads the options (query, `Accept-Language`) and the JSON
/// body, then computes `answer` on a checking thread, where an admitted request
/// waits holding its permit. Options or a body that cannot be read get their
/// problem at once; a check that panicked, a 500.
///
/// ```text
/// check_body(st, q, &headers, body, |st, text, options| report(st, validate_json(text, options)))
/// ```
async fn check_body(
    st: Arc<Shared>,
    q: Q,
    headers: &HeaderMap,
    body: Body,
    answer: impl FnOnce(&Shared, &str, &Options) -> Response + Send + 'static,
) -> Response {
    let options = match options(q, headers) {
        Ok(o) => o,
        Err(r) => return r,
    };
    let text = match json_body(&st, headers, body, options.lang).await {
        Ok(t) => t,
        Err(r) => return r,
    };
    let shared = st.clone();
    st.checkers
        .run(move || answer(&shared, &text, &options))
        .await
        .unwrap_or_else(|| StatusCode::INTERNAL_SERVER_ERROR.into_response())
}

/// A result of the library that carries findings: a report, a checklist, the
/// deadlines, a day.
trait WithFindings: serde::Serialize {
    fn findings(&self) -> &[Finding];
}

macro_rules! with_findings {
    ($($t:ty),*) => {$(
        impl WithFindings for $t {
            fn findings(&self) -> &[Finding] {
                &self.findings
            }
        }
    )*};
}
with_findings!(Report, ChecklistReport, DeadlinesReport, DayReport);

/// The answer of a report-like value (400 if the body was no JSON at all), its
/// findings counted in the metrics.
fn report(st: &Shared, value: impl WithFindings) -> Response {
    let findings = value.findings();
    st.metrics.findings(findings.iter().map(|f| f.code));
    json(status_of(findings), &value)
}

async fn validate(State(st): St, q: Q, headers: HeaderMap, body: Body) -> Response {
    check_body(st, q, &headers, body, |st, text, options| {
        report(st, validate_json(text, options))
    })
    .await
}

async fn documents(State(st): St, q: Q, headers: HeaderMap, body: Body) -> Response {
    check_body(st, q, &headers, body, |st, text, options| {
        report(st, checklist_json(text, options))
    })
    .await
}

async fn deadlines(State(st): St, q: Q, headers: HeaderMap, body: Body) -> Response {
    check_body(st, q, &headers, body, |st, text, options| {
        report(st, deadlines_json(text, options))
    })
    .await
}

async fn identifiers(State(st): St, q: Q, headers: HeaderMap, body: Body) -> Response {
    check_body(st, q, &headers, body, identifiers_answer).await
}

/// The verdicts of a JSON array of identifiers.
fn identifiers_answer(st: &Shared, text: &str, options: &Options) -> Response {
    match Value::from_json_str(text, &options.limits) {
        Ok(Value::Array(items)) => {
            // A string as `id --jsonl` reads a line: the length limit first.
            let verdicts: Vec<Verdict<'_>> = items
                .iter()
                .map(|item| match item {
                    Value::String(s) => Verdict::of_string(&**s, &options.limits),
                    other => Verdict::of_value(other),
                })
                .collect();
            st.metrics.findings(verdicts.iter().filter_map(|v| v.code));
            json(StatusCode::OK, &verdicts)
        }
        Ok(_) => Problem::NotAList.response(options.lang),
        Err(e) => {
            let mut findings = Findings::default();
            findings.push(e.to_finding());
            report(st, Report::build(findings, options.lang, &options.severity))
        }
    }
}

async fn working_day(
    State(st): St,
    q: Q,
    headers: HeaderMap,
    date: Result<Path<String>, PathRejection>,
) -> Response {
    let options = match options(q, &headers) {
        Ok(o) => o,
        Err(r) => return r,
    };
    let date = match date {
        Ok(Path(d)) => d,
        Err(e) => {
            return Problem::BadDate {
                reason: e.body_text(),
            }
            .response(options.lang)
        }
    };
    match day_report(&Value::String(date.into()), &options) {
        Ok(day) => report(&st, day),
        Err(reason) => Problem::BadDate { reason }.response(options.lang),
    }
}

/// `/v1/schema`: the application's JSON Schema, as `kz-eco-rules schema` and
/// `applicationSchema()` give it.
pub fn schema_text() -> String {
    serde_json::to_string(&kz_eco_rules::schema::application_schema()).unwrap_or_default()
}

async fn schema(State(st): St) -> Response {
    raw_json(StatusCode::OK, st.schema.clone())
}

async fn openapi(State(st): St) -> Response {
    raw_json(StatusCode::OK, st.openapi.clone())
}

/// `/v1/version`: `{ version, editions: [{ id, from, until }] }` — the crate
/// version and each edition's period (`until` null while in force).
pub fn version_text() -> String {
    let editions: Vec<serde_json::Value> = kz_eco_rules::editions::editions()
        .iter()
        .map(|e| {
            serde_json::json!({
                "id": e.id,
                "from": e.period.from.to_string(),
                "until": e.period.until.map(|d| d.to_string()),
            })
        })
        .collect();
    serde_json::json!({ "version": env!("CARGO_PKG_VERSION"), "editions": editions }).to_string()
}

async fn version(State(st): St) -> Response {
    raw_json(StatusCode::OK, st.version.clone())
}

/// The catalog in one language as `{ code: template }` — what `messages(lang)`
/// of the npm package returns.
struct CatalogIn(Lang);

impl serde::Serialize for CatalogIn {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(catalog::messages(self.0))
    }
}

async fn messages(headers: HeaderMap, lang: Result<Path<String>, PathRejection>) -> Response {
    match lang.ok().and_then(|Path(tag)| Lang::parse(&tag)) {
        Some(l) => json(StatusCode::OK, &CatalogIn(l)),
        None => Problem::NotFound.response(accept_language(&headers).unwrap_or_default()),
    }
}

async fn healthz() -> Response {
    raw_json(StatusCode::OK, r#"{"status":"ok"}"#.to_owned())
}

async fn readyz(State(st): St) -> Response {
    if st.ready.load(Ordering::SeqCst) {
        raw_json(StatusCode::OK, r#"{"status":"ready"}"#.to_owned())
    } else {
        raw_json(
            StatusCode::SERVICE_UNAVAILABLE,
            r#"{"status":"shutting down"}"#.to_owned(),
        )
    }
}

async fn metrics(State(st): St) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
        )],
        st.metrics.render(),
    )
        .into_response()
}

async fn not_found(headers: HeaderMap) -> Response {
    Problem::NotFound.response(accept_language(&headers).unwrap_or_default())
}

async fn method_not_allowed(headers: HeaderMap) -> Response {
    Problem::MethodNotAllowed.response(accept_language(&headers).unwrap_or_default())
}

// ---- The batch: JSON Lines in, JSON Lines out, streamed ----------------------

/// The state of a batch being answered: the body's chunks, the part of a line
/// not yet ended, and the permit held until the last line is answered.
struct Batch {
    data: axum::body::BodyDataStream,
    pending: Vec<u8>,
    /// Dropping the rest of a line longer than the limit.
    skipping: bool,
    received: usize,
    done: bool,
    /// Whether a line was answered (the first may start with a byte order mark).
    answered: bool,
    options: Options,
    st: Arc<Shared>,
    _held: Option<Held>,
}

impl Batch {
    /// Answers one line (without its `\n`) into `out`; the first line's byte
    /// order mark is skipped, as `check --jsonl` skips it.
    fn answer(&mut self, line: &[u8], out: &mut Vec<u8>) {
        let mut line = line.strip_suffix(b"\r").unwrap_or(line);
        if !std::mem::replace(&mut self.answered, true) {
            line = line.strip_prefix(jsonl::BOM).unwrap_or(line);
        }
        let text = match std::str::from_utf8(line) {
            Ok(t) => t,
            Err(_) => return self.problem(&Problem::NotUtf8, out),
        };
        let report = validate_json(text, &self.options);
        self.st
            .metrics
            .findings(report.findings.iter().map(|f| f.code));
        // Serializing a report into a Vec cannot fail.
        let _ = serde_json::to_writer(&mut *out, &report);
        out.push(b'\n');
    }

    fn problem(&self, problem: &Problem, out: &mut Vec<u8>) {
        let _ = serde_json::to_writer(&mut *out, &problem.report(self.options.lang));
        out.push(b'\n');
    }

    /// Answers every complete line in `pending`.
    fn drain(&mut self, out: &mut Vec<u8>) {
        let limit = self.st.config.max_body;
        let mut start = 0;
        while let Some(n) = self.pending[start..].iter().position(|b| *b == b'\n') {
            let end = start + n;
            if self.skipping {
                self.skipping = false;
            } else {
                let line = self.pending[start..end].to_vec();
                self.answer(&line, out);
            }
            start = end + 1;
        }
        self.pending.drain(..start);
        if !self.skipping && self.pending.len() > limit {
            self.problem(&Problem::TooLarge { limit }, out);
            self.skipping = true;
            self.answered = true;
        }
        if self.skipping {
            self.pending.clear();
        }
    }

    /// The next piece of the answer, `None` at the end.
    async fn next(&mut self) -> Option<Bytes> {
        let mut out = Vec::new();
        loop {
            if self.done {
                return None;
            }
            self.drain(&mut out);
            if !out.is_empty() {
                return Some(Bytes::from(out));
            }
            let timeout = self.st.config.timeout;
            match tokio::time::timeout(timeout, self.data.next()).await {
                Err(_) => {
                    self.done = true;
                    let seconds = timeout.as_secs().max(1);
                    self.problem(&Problem::Timeout { seconds }, &mut out);
                }
                Ok(Some(Err(_))) => self.done = true,
                Ok(None) => {
                    self.done = true;
                    if !self.pending.is_empty() && !self.skipping {
                        let line = std::mem::take(&mut self.pending);
                        self.answer(&line, &mut out);
                    }
                }
                Ok(Some(Ok(chunk))) => {
                    self.received += chunk.len();
                    if self.received > self.st.config.max_batch {
                        self.done = true;
                        let limit = self.st.config.max_batch;
                        self.problem(&Problem::TooLarge { limit }, &mut out);
                    } else {
                        self.pending.extend_from_slice(&chunk);
                    }
                }
            }
            if !out.is_empty() {
                return Some(Bytes::from(out));
            }
        }
    }
}

async fn validate_batch(
    State(st): St,
    q: Q,
    headers: HeaderMap,
    held: Option<Extension<Held>>,
    body: Body,
) -> Response {
    let options = match options(q, &headers) {
        Ok(o) => o,
        Err(r) => return r,
    };
    if !content_type_ok(&headers, JSON_LINES) {
        return Problem::MediaType {
            expected: "application/jsonl",
        }
        .response(options.lang);
    }
    let batch = Batch {
        data: body.into_data_stream(),
        pending: Vec::new(),
        skipping: false,
        received: 0,
        done: false,
        answered: false,
        options,
        st,
        _held: held.map(|Extension(h)| h),
    };
    let stream = futures_util::stream::unfold(batch, |mut b| async move {
        let piece = b.next().await?;
        Some((Ok::<_, Infallible>(piece), b))
    });
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/jsonl"),
        )],
        Body::from_stream(stream),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(name: header::HeaderName, value: &'static str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(name, HeaderValue::from_static(value));
        h
    }

    #[test]
    fn accept_language_takes_the_best_supported_tag() {
        let al = |v| accept_language(&headers(header::ACCEPT_LANGUAGE, v));
        assert_eq!(al("en-US,en;q=0.9,ru;q=0.8"), Some(Lang::En));
        assert_eq!(al("de, kk;q=0.5, ru;q=0.4"), Some(Lang::Kk));
        assert_eq!(al("ru;q=0, de"), None);
        assert_eq!(al("de"), None);
    }

    #[test]
    fn content_types() {
        let ct = |v| headers(header::CONTENT_TYPE, v);
        assert!(content_type_ok(&ct("application/json"), JSON));
        assert!(content_type_ok(
            &ct("Application/JSON; charset=UTF-8"),
            JSON
        ));
        assert!(!content_type_ok(
            &ct("application/json; charset=latin1"),
            JSON
        ));
        assert!(!content_type_ok(&ct("text/plain"), JSON));
        assert!(!content_type_ok(&HeaderMap::new(), JSON));
        assert!(content_type_ok(&ct("application/x-ndjson"), JSON_LINES));
    }
}
