//! The OpenAPI 3.1 document of the service (`/v1/openapi.json`), its schemas
//! generated from the Rust types by the same generator as the application's
//! JSON Schema and the npm package's TypeScript types (`kz_eco_rules::schema`).
//! The integration test `http::every_answer_conforms_to_the_openapi_document`
//! checks the answers against it.

use kz_eco_rules::calendar::DayReport;
use kz_eco_rules::documents::{ChecklistQuery, ChecklistReport};
use kz_eco_rules::findings::http_codes as http;
use kz_eco_rules::ident::Verdict;
use kz_eco_rules::sla::{DeadlineQuery, DeadlinesReport};
use kz_eco_rules::{Application, Report};
use schemars::generate::SchemaSettings;
use serde_json::{json, Value};

/// The document as JSON text.
pub fn document() -> String {
    let mut settings = SchemaSettings::draft2020_12();
    settings.definitions_path = "/components/schemas".into();
    settings.meta_schema = None;
    let mut g = settings.into_generator();
    let application = g.subschema_for::<Application>().to_value();
    let report = g.subschema_for::<Report>().to_value();
    let checklist_query = g.subschema_for::<ChecklistQuery>().to_value();
    let checklist_report = g.subschema_for::<ChecklistReport>().to_value();
    let deadline_query = g.subschema_for::<DeadlineQuery>().to_value();
    let deadlines_report = g.subschema_for::<DeadlinesReport>().to_value();
    let day_report = g.subschema_for::<DayReport>().to_value();
    let verdict = g.subschema_for::<Verdict<'static>>().to_value();
    let mut schemas = serde_json::Map::new();
    for (name, schema) in g.take_definitions(true) {
        schemas.insert(name, schema);
    }
    // The service's own schemas must not replace a generated one (checked in
    // debug builds, which the tests run).
    for name in ["Version", "ServiceStatus", "Messages"] {
        debug_assert!(!schemas.contains_key(name), "schema name {name} taken");
    }
    schemas.insert(
        "Version".into(),
        json!({
            "type": "object",
            "description": "The crate version and each regulation edition's period (`until`: null while in force).",
            "required": ["version", "editions"],
            "additionalProperties": false,
            "properties": {
                "version": {"type": "string"},
                "editions": {"type": "array", "items": {
                    "type": "object",
                    "required": ["id", "from", "until"],
                    "additionalProperties": false,
                    "properties": {
                        "id": {"type": "string"},
                        "from": {"type": "string", "format": "date"},
                        "until": {"type": ["string", "null"], "format": "date"}
                    }
                }}
            }
        }),
    );
    schemas.insert(
        "ServiceStatus".into(),
        json!({"type": "object", "required": ["status"], "properties": {"status": {"type": "string"}}}),
    );
    schemas.insert(
        "Messages".into(),
        json!({"type": "object", "description": "The message catalog in one language: { code: template }.", "additionalProperties": {"type": "string"}}),
    );

    let problem = |description: &str| json!({"description": description, "content": {"application/json": {"schema": report.clone()}}});
    let ok = |description: &str, schema: &Value| json!({"description": description, "content": {"application/json": {"schema": schema}}});
    let params = json!([
        {"name": "lang", "in": "query", "required": false, "schema": {"type": "string", "enum": ["kk", "ru", "en"]},
         "description": "Language of the messages; else the options' lang, else Accept-Language, else ru."},
        {"name": "options", "in": "query", "required": false, "schema": {"type": "string"},
         "description": "The JavaScript API's options object as JSON (severity, calendar, sla), URL-encoded."}
    ]);
    let common = |mut responses: serde_json::Map<String, Value>| {
        for (status, what) in [
            (
                "400",
                "The body or the options could not be read (a report with the finding).".to_owned(),
            ),
            (
                "408",
                format!(
                    "The request was not received and answered in time ({}).",
                    http::TIMEOUT
                ),
            ),
            (
                "413",
                format!(
                    "The body is larger than the limit ({}).",
                    http::BODY_TOO_LARGE
                ),
            ),
            (
                "415",
                format!("Wrong Content-Type ({}).", http::UNSUPPORTED_MEDIA_TYPE),
            ),
            (
                "503",
                format!(
                    "Every permit is taken ({}); Retry-After says when to retry.",
                    http::OVERLOADED
                ),
            ),
        ] {
            responses.entry(status).or_insert_with(|| problem(&what));
        }
        Value::Object(responses)
    };
    let post = |summary: &str, body: &Value, answer: Value| {
        json!({"post": {
            "summary": summary,
            "parameters": params,
            "requestBody": {"required": true, "content": {"application/json": {"schema": body}}},
            "responses": common(serde_json::Map::from_iter([("200".to_owned(), answer)]))
        }})
    };
    let get = |summary: &str, answer: Value| json!({"get": {"summary": summary, "responses": {"200": answer}}});
    let doc = json!({
        "openapi": "3.1.0",
        "info": {
            "title": "kz-eco-rules",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "The rules of Kazakhstan's ecological e-services as an HTTP service: the same answers, byte for byte, as the command line and the npm package."
        },
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "paths": {
            "/v1/applications:validate": post("Check one application", &application, ok("The report (ok: false when errors were found).", &report)),
            "/v1/applications:validate-batch": {"post": {
                "summary": "Check applications given as JSON Lines; one report per line, streamed",
                "parameters": params,
                "requestBody": {"required": true, "content": {"application/jsonl": {"schema": {"type": "string", "description": "One application (JSON) per line."}}}},
                "responses": common(serde_json::Map::from_iter([("200".to_owned(), json!({
                    "description": "One report per input line, in order (JSON Lines); a batch cut short ends with a report of an http.* finding.",
                    "content": {"application/jsonl": {"schema": {"type": "string"}}}
                }))]))
            }},
            "/v1/documents": post("Required documents of one case", &checklist_query, ok("The checklist report.", &checklist_report)),
            "/v1/deadlines": post("Registration day and deadlines of one application", &deadline_query, ok("The deadlines.", &deadlines_report)),
            "/v1/identifiers": post("Check a list of ИИН/БИН", &json!({"type": "array"}), ok("One verdict per item, in order.", &json!({"type": "array", "items": verdict}))),
            "/v1/working-days/{date}": {"get": {
                "summary": "Whether a day is a working day in Kazakhstan, and why",
                "parameters": [
                    {"name": "date", "in": "path", "required": true, "schema": {"type": "string"}, "description": "YYYY-MM-DD, or an ISO date-time (the civil day in Kazakhstan)."},
                    params[0], params[1]
                ],
                "responses": common(serde_json::Map::from_iter([("200".to_owned(), ok("The day.", &day_report))]))
            }},
            "/v1/schema": get("The application's JSON Schema (2020-12)", json!({"description": "The schema.", "content": {"application/json": {"schema": {"type": "object"}}}})),
            "/v1/messages/{lang}": {"get": {
                "summary": "The message catalog in one language",
                "parameters": [{"name": "lang", "in": "path", "required": true, "schema": {"type": "string", "enum": ["kk", "ru", "en"]}}],
                "responses": {"200": ok("{ code: template }", &json!({"$ref": "#/components/schemas/Messages"})), "404": problem("Not a supported language.")}
            }},
            "/v1/version": get("Crate version and editions", ok("The version.", &json!({"$ref": "#/components/schemas/Version"}))),
            "/v1/openapi.json": get("This document", json!({"description": "OpenAPI 3.1", "content": {"application/json": {"schema": {"type": "object"}}}})),
            "/healthz": get("Liveness", ok("Alive.", &json!({"$ref": "#/components/schemas/ServiceStatus"}))),
            "/readyz": {"get": {"summary": "Readiness (503 once shutdown began)", "responses": {
                "200": ok("Ready.", &json!({"$ref": "#/components/schemas/ServiceStatus"})),
                "503": ok("Shutting down.", &json!({"$ref": "#/components/schemas/ServiceStatus"}))
            }}},
            "/metrics": get("Prometheus text", json!({"description": "Counters: requests, latencies, findings by code.", "content": {"text/plain": {"schema": {"type": "string"}}}}))
        },
        "components": {"schemas": schemas}
    });
    doc.to_string()
}
