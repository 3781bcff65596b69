//! Answers to requests the rules never see — wrong content type, a body too large
//! or too slow, the service busy — as a report of the usual shape (`{ ok: false,
//! lang, edition: null, counts, findings: [{ code: "http.…", … }] }`), so a client
//! reads every 4xx/5xx the way it reads a report.
//!
//! The `http.*` codes and their kk/ru/en texts are in `data/messages/http.json`,
//! a native-only part of the message catalog
//! ([`kz_eco_rules::findings::http_codes`]): the npm package does not ship them
//! (DESIGN.md, "HTTP service").

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use kz_eco_rules::findings::http_codes::finding;
use kz_eco_rules::findings::{catalog, Finding, Findings, SeverityOverrides, Wording};
use kz_eco_rules::{Lang, Report};

/// A request-level problem.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// The body is not of the media type the endpoint reads.
    MediaType { expected: &'static str },
    /// The body is longer than the limit (bytes).
    TooLarge { limit: usize },
    /// The body is not UTF-8 text.
    NotUtf8,
    /// The body could not be received (the client went away or broke the framing).
    Unreadable,
    /// `?options=` or `?lang=` is not valid (the reason as the JavaScript API
    /// gives it in its `TypeError`).
    BadOptions { reason: String },
    /// `POST /v1/identifiers` takes a JSON array.
    NotAList,
    /// A day in the path that is not a date.
    BadDate { reason: String },
    /// No such endpoint.
    NotFound,
    /// The endpoint exists, the method does not.
    MethodNotAllowed,
    /// The request took longer than the limit (seconds).
    Timeout { seconds: u64 },
    /// Every permit is taken: try again later.
    Overloaded,
}

impl Problem {
    /// The finding (its code, severity and params from `data/messages/http.json`).
    pub fn finding(&self) -> Finding {
        match self {
            Problem::MediaType { expected } => finding::unsupported_media_type("", *expected),
            Problem::TooLarge { limit } => finding::body_too_large("", *limit),
            Problem::NotUtf8 => finding::not_utf8(""),
            Problem::Unreadable => finding::body_unreadable(""),
            Problem::BadOptions { reason } => finding::bad_options("", reason.as_str()),
            Problem::NotAList => finding::not_a_list(""),
            Problem::BadDate { reason } => finding::bad_date("", reason.as_str()),
            Problem::NotFound => finding::not_found(""),
            Problem::MethodNotAllowed => finding::method_not_allowed(""),
            Problem::Timeout { seconds } => finding::timeout("", *seconds as usize),
            Problem::Overloaded => finding::overloaded(""),
        }
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        match self {
            Problem::MediaType { .. } => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Problem::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            Problem::NotUtf8
            | Problem::Unreadable
            | Problem::BadOptions { .. }
            | Problem::NotAList
            | Problem::BadDate { .. } => StatusCode::BAD_REQUEST,
            Problem::NotFound => StatusCode::NOT_FOUND,
            Problem::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Problem::Timeout { .. } => StatusCode::REQUEST_TIMEOUT,
            Problem::Overloaded => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    /// The report of this problem in `lang`, built by the library as any report
    /// is, the text from the native catalog given as the service's wording of
    /// its code.
    pub fn report(&self, lang: Lang) -> Report {
        let finding = self.finding();
        let text = catalog::native_entry(finding.code).map_or("", |e| e.text.get(lang));
        let wording = Wording(vec![(finding.code.to_owned(), text.to_owned())]);
        let mut findings = Findings::default();
        findings.push(finding);
        Report::build_worded(findings, lang, &SeverityOverrides::default(), &wording)
    }

    /// The response: the report as JSON with the status (and `Retry-After: 1`
    /// when overloaded).
    pub fn response(&self, lang: Lang) -> Response {
        let mut response = json(self.status(), &self.report(lang));
        if *self == Problem::Overloaded {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        }
        response
    }
}

/// `value` as a JSON response with `status` — the bytes `serde_json::to_string`
/// writes, as the command line does, written by the crate's own writer (the
/// wasm's, the same text in fewer instructions; `serde_json` for what it
/// refuses, an integer beyond 2⁵³).
pub fn json<T: serde::Serialize>(status: StatusCode, value: &T) -> Response {
    let text = kz_eco_rules::json_out::to_string(value)
        .ok()
        .map_or_else(|| serde_json::to_string(value), Ok);
    match text {
        Ok(text) => raw_json(status, text),
        Err(_) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            "a result could not be written as JSON",
        )
            .into_response(),
    }
}

/// JSON text as a response.
pub fn raw_json(status: StatusCode, text: String) -> Response {
    (
        status,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        text,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;
    use kz_eco_rules::findings::{http_codes, Severity};

    #[test]
    fn every_code_has_one_problem_with_its_texts_and_an_error_status() {
        let all = [
            Problem::MediaType {
                expected: "application/json",
            },
            Problem::TooLarge { limit: 10 },
            Problem::NotUtf8,
            Problem::Unreadable,
            Problem::BadOptions { reason: "x".into() },
            Problem::NotAList,
            Problem::BadDate { reason: "x".into() },
            Problem::NotFound,
            Problem::MethodNotAllowed,
            Problem::Timeout { seconds: 10 },
            Problem::Overloaded,
        ];
        let codes: Vec<&str> = all.iter().map(|p| p.finding().code).collect();
        assert_eq!(codes, http_codes::CODES);
        for p in &all {
            let status = p.status();
            assert!(status.is_client_error() || status.is_server_error());
            for lang in [Lang::Kk, Lang::Ru, Lang::En] {
                let report = p.report(lang);
                let f = &report.findings[0];
                assert_eq!((report.ok, f.severity), (false, Severity::Error));
                assert_eq!(report.counts.error, 1);
                // The catalog's text, every placeholder filled.
                let template = catalog::native_entry(f.code).unwrap().text.get(lang);
                assert!(!template.is_empty() && !f.message.is_empty());
                assert!(!f.message.contains(['{', '}']), "{}: {}", f.code, f.message);
            }
        }
        // Plurals and numbers as the library renders them.
        let m = |p: Problem| p.report(Lang::Ru).findings[0].message.clone();
        assert_eq!(
            m(Problem::TooLarge { limit: 2 << 20 }),
            "Тело запроса слишком велико: более 2\u{a0}097\u{a0}152 байт."
        );
        assert!(m(Problem::Timeout { seconds: 1 }).ends_with("за 1 секунду."));
    }
}
