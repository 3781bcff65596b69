//! Answers to requests the rules never see — wrong content type, a body too large
//! or too slow, the service busy — as a report of the usual shape (`{ ok: false,
//! lang, edition: null, counts, findings: [{ code: "http.…", … }] }`), so a client
//! reads every 4xx/5xx the way it reads a report.
//!
//! These texts are the service's, not the rules': they live here and not in the
//! message catalog, which the npm package ships (DESIGN.md, "HTTP service").

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use kz_eco_rules::findings::{Counts, Finding, Param, Params, Severity};
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
    /// The finding code.
    pub fn code(&self) -> &'static str {
        match self {
            Problem::MediaType { .. } => "http.unsupported_media_type",
            Problem::TooLarge { .. } => "http.body_too_large",
            Problem::NotUtf8 => "http.not_utf8",
            Problem::Unreadable => "http.body_unreadable",
            Problem::BadOptions { .. } => "http.bad_options",
            Problem::NotAList => "http.not_a_list",
            Problem::BadDate { .. } => "http.bad_date",
            Problem::NotFound => "http.not_found",
            Problem::MethodNotAllowed => "http.method_not_allowed",
            Problem::Timeout { .. } => "http.timeout",
            Problem::Overloaded => "http.overloaded",
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

    fn params(&self) -> Params {
        Params(match self {
            Problem::MediaType { expected } => {
                vec![("expected", Param::Text((*expected).to_owned()))]
            }
            Problem::TooLarge { limit } => vec![("limit", Param::Int(*limit as i64))],
            Problem::BadOptions { reason } | Problem::BadDate { reason } => {
                vec![("reason", Param::Text(reason.clone()))]
            }
            Problem::Timeout { seconds } => vec![("seconds", Param::Int(*seconds as i64))],
            _ => Vec::new(),
        })
    }

    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let (kk, ru, en): (&str, &str, &str) = match self {
            Problem::MediaType { .. } => (
                "Сұрау денесі {expected} пішімінде болуы керек (Content-Type тақырыбы).",
                "Тело запроса должно быть в формате {expected} (заголовок Content-Type).",
                "The request body must be {expected} (the Content-Type header).",
            ),
            Problem::TooLarge { .. } => (
                "Сұрау денесі тым үлкен: {limit} байттан артық.",
                "Тело запроса слишком велико: более {limit} байт.",
                "The request body is too large: more than {limit} bytes.",
            ),
            Problem::NotUtf8 => (
                "Сұрау денесі UTF-8 кодтауындағы мәтін емес.",
                "Тело запроса не является текстом в кодировке UTF-8.",
                "The request body is not UTF-8 text.",
            ),
            Problem::Unreadable => (
                "Сұрау денесін қабылдау мүмкін болмады.",
                "Не удалось получить тело запроса.",
                "The request body could not be received.",
            ),
            Problem::BadOptions { .. } => (
                "Сұрау параметрлері қате: {reason}.",
                "Неверные параметры запроса: {reason}.",
                "The request options are not valid: {reason}.",
            ),
            Problem::NotAList => (
                "Сұрау денесі ЖСН/БСН тізімі (JSON массиві) болуы керек.",
                "Тело запроса должно быть списком ИИН/БИН (массивом JSON).",
                "The request body must be a list of IINs/BINs (a JSON array).",
            ),
            Problem::BadDate { .. } => (
                "Күн дұрыс көрсетілмеген: {reason}.",
                "Дата указана неверно: {reason}.",
                "The date is not valid: {reason}.",
            ),
            Problem::NotFound => (
                "Мұндай мекенжай жоқ.",
                "Такого адреса нет.",
                "There is no such endpoint.",
            ),
            Problem::MethodNotAllowed => (
                "Бұл мекенжай мұндай әдісті қабылдамайды.",
                "Этот адрес не принимает такой метод.",
                "This endpoint does not take this method.",
            ),
            Problem::Timeout { .. } => (
                "Сұрау {seconds} секунд ішінде қабылданып, өңделмеді.",
                "Запрос не был получен и обработан за {seconds} с.",
                "The request was not received and answered within {seconds} s.",
            ),
            Problem::Overloaded => (
                "Қызмет қазір бос емес; сұрауды сәлден соң қайталаңыз.",
                "Сервис сейчас перегружен; повторите запрос чуть позже.",
                "The service is busy; retry the request shortly.",
            ),
        };
        let mut text = match lang {
            Lang::Kk => kk,
            Lang::Ru => ru,
            Lang::En => en,
        }
        .to_owned();
        for (name, value) in &self.params().0 {
            let shown = match value {
                Param::Text(s) => s.clone(),
                Param::Int(n) => n.to_string(),
                _ => String::new(),
            };
            text = text.replace(&format!("{{{name}}}"), &shown);
        }
        text
    }

    /// The report of this problem in `lang`.
    pub fn report(&self, lang: Lang) -> Report {
        // Built field by field from `Finding::new`, so a field added to findings
        // gets its default here too.
        let mut finding = Finding::new(Severity::Error, self.code(), "");
        finding.params = self.params();
        finding.message = self.message(lang);
        Report {
            ok: false,
            lang,
            edition: None,
            counts: Counts {
                error: 1,
                warning: 0,
                info: 0,
            },
            findings: vec![finding],
            summary: None,
        }
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
/// writes, as the command line does.
pub fn json<T: serde::Serialize>(status: StatusCode, value: &T) -> Response {
    match serde_json::to_string(value) {
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

    #[test]
    fn every_placeholder_is_filled_in_every_language() {
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
        for p in &all {
            for lang in [Lang::Kk, Lang::Ru, Lang::En] {
                let m = p.message(lang);
                assert!(!m.contains('{') && !m.is_empty(), "{}: {m}", p.code());
            }
            assert!(p.code().starts_with("http."));
            assert!(p.status().is_client_error() || p.status().is_server_error());
        }
    }
}
