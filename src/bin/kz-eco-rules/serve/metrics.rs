//! The service's counters, written as Prometheus text at `/metrics`:
//!
//! ```text
//! kz_http_requests_total{route="/v1/applications:validate",method="POST",status="200"} 12
//! kz_http_request_duration_seconds_bucket{route="/v1/applications:validate",le="0.001"} 9
//! kz_http_in_flight 3
//! kz_log_lines_dropped_total 0
//! kz_findings_total{code="emissions.sum_mismatch"} 2
//! ```
//!
//! Plain maps under a mutex: each request holds it for a few map updates.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Duration;

/// Upper bounds of the latency histogram's buckets, in seconds.
const BUCKETS: [f64; 12] = [
    0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1.0, 5.0,
];

#[derive(Default)]
struct Histogram {
    counts: [u64; BUCKETS.len()],
    count: u64,
    sum: f64,
}

#[derive(Default)]
struct Counters {
    requests: BTreeMap<(&'static str, String, u16), u64>,
    latency: BTreeMap<&'static str, Histogram>,
    findings: BTreeMap<&'static str, u64>,
}

/// Every counter of the service.
#[derive(Default)]
pub struct Metrics {
    counters: Mutex<Counters>,
    in_flight: AtomicU64,
    refused_connections: AtomicU64,
}

impl Metrics {
    /// A request began.
    pub fn started(&self) {
        self.in_flight.fetch_add(1, Ordering::Relaxed);
    }

    /// A request ended with `status` after `elapsed`.
    pub fn finished(&self, route: &'static str, method: &str, status: u16, elapsed: Duration) {
        self.in_flight.fetch_sub(1, Ordering::Relaxed);
        let seconds = elapsed.as_secs_f64();
        let mut c = self.lock();
        *c.requests
            .entry((route, method.to_owned(), status))
            .or_default() += 1;
        let h = c.latency.entry(route).or_default();
        h.count += 1;
        h.sum += seconds;
        for (bound, n) in BUCKETS.iter().zip(h.counts.iter_mut()) {
            if seconds <= *bound {
                *n += 1;
            }
        }
    }

    /// Findings an answer carried.
    pub fn findings<'a>(&self, codes: impl Iterator<Item = &'static str> + 'a) {
        let mut c = self.lock();
        for code in codes {
            *c.findings.entry(code).or_default() += 1;
        }
    }

    /// A connection closed at once: too many open.
    pub fn connection_refused(&self) {
        self.refused_connections.fetch_add(1, Ordering::Relaxed);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Counters> {
        // A poisoned lock only means a panic elsewhere; the counts stay usable.
        self.counters
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The Prometheus text exposition.
    pub fn render(&self) -> String {
        let c = self.lock();
        let mut out = String::with_capacity(4096);
        out.push_str("# HELP kz_http_requests_total Requests answered, by route, method and status.\n# TYPE kz_http_requests_total counter\n");
        for ((route, method, status), n) in &c.requests {
            let _ = writeln!(
                out,
                "kz_http_requests_total{{route=\"{route}\",method=\"{method}\",status=\"{status}\"}} {n}"
            );
        }
        out.push_str("# HELP kz_http_request_duration_seconds Time from the request head to the response head.\n# TYPE kz_http_request_duration_seconds histogram\n");
        for (route, h) in &c.latency {
            for (bound, n) in BUCKETS.iter().zip(h.counts.iter()) {
                let _ = writeln!(
                    out,
                    "kz_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"{bound}\"}} {n}"
                );
            }
            let _ = writeln!(
                out,
                "kz_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"+Inf\"}} {}\nkz_http_request_duration_seconds_sum{{route=\"{route}\"}} {}\nkz_http_request_duration_seconds_count{{route=\"{route}\"}} {}",
                h.count, h.sum, h.count
            );
        }
        let _ = writeln!(
            out,
            "# HELP kz_http_in_flight Requests being worked on.\n# TYPE kz_http_in_flight gauge\nkz_http_in_flight {}",
            self.in_flight.load(Ordering::Relaxed)
        );
        let _ = writeln!(
            out,
            "# HELP kz_http_refused_connections_total Connections closed at once: too many open.\n# TYPE kz_http_refused_connections_total counter\nkz_http_refused_connections_total {}",
            self.refused_connections.load(Ordering::Relaxed)
        );
        let _ = writeln!(
            out,
            "# HELP kz_log_lines_dropped_total Log lines dropped: standard error was slower than the requests.\n# TYPE kz_log_lines_dropped_total counter\nkz_log_lines_dropped_total {}",
            super::log::dropped()
        );
        out.push_str("# HELP kz_findings_total Findings in the answers, by code.\n# TYPE kz_findings_total counter\n");
        for (code, n) in &c.findings {
            let _ = writeln!(out, "kz_findings_total{{code=\"{code}\"}} {n}");
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_buckets_and_findings_are_written() {
        let m = Metrics::default();
        m.started();
        m.finished("/healthz", "GET", 200, Duration::from_micros(700));
        m.findings(["ident.checksum_mismatch", "ident.checksum_mismatch"].into_iter());
        let text = m.render();
        assert!(text.contains(
            "kz_http_requests_total{route=\"/healthz\",method=\"GET\",status=\"200\"} 1"
        ));
        assert!(text.contains(
            "kz_http_request_duration_seconds_bucket{route=\"/healthz\",le=\"0.0005\"} 0"
        ));
        assert!(text.contains(
            "kz_http_request_duration_seconds_bucket{route=\"/healthz\",le=\"0.001\"} 1"
        ));
        assert!(text.contains("kz_findings_total{code=\"ident.checksum_mismatch\"} 2"));
        assert!(text.contains("kz_http_in_flight 0"));
    }
}
