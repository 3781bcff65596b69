//! What runs around every request: the concurrency limit (a request beyond it
//! gets `503` with `Retry-After` at once, nothing queues without bound), the
//! per-request time limit, the metrics and one access-log line.
//!
//! Probes and metrics (`/healthz`, `/readyz`, `/metrics`) take no permit, so an
//! orchestrator still sees a busy replica as alive.

use std::sync::Arc;
use std::time::Instant;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use tokio::sync::OwnedSemaphorePermit;

use super::log::{self, Field};
use super::problem::Problem;
use super::{api, Shared};

/// A held concurrency permit, shared with a streamed answer (the batch keeps it
/// until its last line).
#[derive(Clone)]
pub struct Held(#[allow(dead_code)] Arc<OwnedSemaphorePermit>);

/// The metrics label of a path: the route it matches.
pub fn route(path: &str) -> &'static str {
    const FIXED: &[&str] = &[
        "/v1/applications:validate",
        "/v1/applications:validate-batch",
        "/v1/documents",
        "/v1/deadlines",
        "/v1/identifiers",
        "/v1/schema",
        "/v1/version",
        "/v1/openapi.json",
        "/healthz",
        "/readyz",
        "/metrics",
    ];
    if let Some(r) = FIXED.iter().find(|r| **r == path) {
        return r;
    }
    if path.starts_with("/v1/working-days/") {
        "/v1/working-days/{date}"
    } else if path.starts_with("/v1/messages/") {
        "/v1/messages/{lang}"
    } else {
        "other"
    }
}

/// The middleware.
pub async fn guard(State(st): State<Arc<Shared>>, mut req: Request, next: Next) -> Response {
    let start = Instant::now();
    let route = route(req.uri().path());
    let method = req.method().as_str().to_owned();
    let path = req.uri().path().to_owned();
    let lang = api::request_lang(req.uri().query(), req.headers());
    st.metrics.started();
    let limited = route.starts_with("/v1/");
    let permit = if limited {
        st.permits.clone().try_acquire_owned().ok().map(Arc::new)
    } else {
        None
    };
    let response = if limited && permit.is_none() {
        Problem::Overloaded.response(lang)
    } else {
        if let Some(p) = &permit {
            req.extensions_mut().insert(Held(p.clone()));
        }
        match tokio::time::timeout(st.config.timeout, next.run(req)).await {
            Ok(r) => r,
            Err(_) => Problem::Timeout {
                seconds: st.config.timeout.as_secs().max(1),
            }
            .response(lang),
        }
    };
    drop(permit);
    let elapsed = start.elapsed();
    let status = response.status().as_u16();
    st.metrics.finished(route, &method, status, elapsed);
    log::event(
        if status >= 500 { "warn" } else { "info" },
        "request",
        &[
            ("method", Field::Str(&method)),
            ("path", Field::Str(&path)),
            ("status", Field::Int(u64::from(status))),
            ("ms", Field::Ms(elapsed.as_secs_f64() * 1000.0)),
        ],
    );
    response
}
