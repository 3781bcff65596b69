//! `kz-eco-rules serve`: the rules as a stateless HTTP service for back ends that
//! cannot link the crate (JVM, .NET, PHP…), giving byte for byte the answers of
//! the command line and of the npm package.
//!
//! ```text
//! kz-eco-rules serve [--addr 127.0.0.1:8088] [--max-body BYTES] [--max-batch BYTES]
//!                    [--concurrency N] [--timeout-ms MS] [--max-connections N]
//!                    [--grace-ms MS] [--threads N] [--io-threads N]
//! ```
//!
//! - [`api`]: the routes and what each answers (the library's own functions);
//! - [`checkers`]: the threads that check, apart from the connections' tasks;
//! - [`guard`]: concurrency limit (503 + `Retry-After`), per-request timeout,
//!   access log and metrics around every request;
//! - [`problem`]: the `http.*` findings of requests the rules never see;
//! - [`metrics`], [`log`], [`openapi`].
//!
//! The connection loop is hyper's, not `axum::serve`, for the header read
//! timeout (slow clients), a bound on open connections and a graceful shutdown
//! that lets in-flight requests finish (DESIGN.md, "HTTP service").

mod api;
mod checkers;
mod guard;
mod log;
mod metrics;
mod openapi;
mod problem;

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

use crate::{Args, ExitCode};

const USAGE: &str = "\
kz-eco-rules serve — the rules as an HTTP service (JSON in and out)

USAGE:
    kz-eco-rules serve [--addr 127.0.0.1:8088] [OPTIONS]

OPTIONS:
    --addr HOST:PORT       where to listen (default 127.0.0.1:8088; port 0 picks a free one)
    --max-body BYTES       largest request body, and largest batch line (default 2097152)
    --max-batch BYTES      largest validate-batch body (default 67108864)
    --concurrency N        requests admitted at once (being read, waiting for a checking
                           thread or being checked); more get 503 at once (default 64)
    --threads N            checking threads (default: one per core)
    --io-threads N         threads reading requests and writing answers (default: one
                           per three cores, at least one)
    --timeout-ms MS        per-request time limit, reading the body included (default 10000)
    --max-connections N    open connections; more are closed at once (default 1024)
    --header-timeout-ms MS how long a client may take to send the request head (default 10000)
    --grace-ms MS          on SIGTERM, how long in-flight requests may finish (default 20000)

Logs are JSON lines on standard error (the first says where it listens);
ИИН/БИН-like digit runs are masked. The OpenAPI document is at /v1/openapi.json.
";

/// The service's limits (command-line options).
#[derive(Debug, Clone)]
pub struct Config {
    /// Listening address.
    pub addr: SocketAddr,
    /// Largest body of a single request, and of one batch line.
    pub max_body: usize,
    /// Largest body of a batch request.
    pub max_batch: usize,
    /// Requests admitted at once: from their head read to their answer given
    /// (reading the body, waiting for a checking thread, being checked).
    pub concurrency: usize,
    /// Checking threads.
    pub threads: usize,
    /// The runtime's threads, which read requests and write answers: a
    /// request's reading and writing take about a third of its checking.
    pub io_threads: usize,
    /// Per-request time limit (for a batch: the longest wait for the next chunk).
    pub timeout: Duration,
    /// Open connections at most.
    pub max_connections: usize,
    /// How long a client may take to send the request head.
    pub header_timeout: Duration,
    /// How long in-flight requests may finish after SIGTERM.
    pub grace: Duration,
}

impl Default for Config {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        Config {
            addr: SocketAddr::from(([127, 0, 0, 1], 8088)),
            max_body: 2 << 20,
            max_batch: 64 << 20,
            concurrency: 64,
            threads: cores,
            io_threads: cores.div_ceil(3),
            timeout: Duration::from_secs(10),
            max_connections: 1024,
            header_timeout: Duration::from_secs(10),
            grace: Duration::from_secs(20),
        }
    }
}

/// What every request shares: the limits, the permits, the counters and the
/// documents built once at start.
pub struct Shared {
    config: Config,
    permits: Arc<Semaphore>,
    checkers: Arc<checkers::Checkers>,
    metrics: metrics::Metrics,
    /// False once shutdown began (`/readyz` then answers 503).
    ready: AtomicBool,
    /// `/v1/openapi.json`, `/v1/schema`, `/v1/version`: built once.
    openapi: String,
    schema: String,
    version: String,
}

/// Runs `serve`.
pub fn run(mut args: Args) -> ExitCode {
    let mut config = Config::default();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} takes a value"));
        let parsed: Result<(), String> = match arg.as_str() {
            "--help" | "-h" => {
                print!("{USAGE}");
                return ExitCode::Ok;
            }
            "--addr" => value("--addr").and_then(|v| {
                v.parse()
                    .map(|a| config.addr = a)
                    .map_err(|_| format!("--addr takes HOST:PORT, got {v}"))
            }),
            "--max-body" => number(value("--max-body")).map(|n| config.max_body = n),
            "--max-batch" => number(value("--max-batch")).map(|n| config.max_batch = n),
            "--concurrency" => number(value("--concurrency")).map(|n| config.concurrency = n),
            "--threads" => number(value("--threads")).map(|n| config.threads = n),
            "--io-threads" => number(value("--io-threads")).map(|n| config.io_threads = n),
            "--max-connections" => {
                number(value("--max-connections")).map(|n| config.max_connections = n)
            }
            "--timeout-ms" => number(value("--timeout-ms"))
                .map(|n| config.timeout = Duration::from_millis(n as u64)),
            "--header-timeout-ms" => number(value("--header-timeout-ms"))
                .map(|n| config.header_timeout = Duration::from_millis(n as u64)),
            "--grace-ms" => {
                number(value("--grace-ms")).map(|n| config.grace = Duration::from_millis(n as u64))
            }
            other => Err(format!("serve: unknown argument {other}")),
        };
        if let Err(e) = parsed {
            return crate::usage_error(&e);
        }
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(config.io_threads)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            log::event(
                "error",
                "runtime",
                &[("error", log::Field::Str(&e.to_string()))],
            );
            log::flush();
            return ExitCode::Usage;
        }
    };
    let code = match runtime.block_on(serve(config)) {
        Ok(()) => ExitCode::Ok,
        Err(e) => {
            log::event(
                "error",
                "stopped",
                &[("error", log::Field::Str(&e.to_string()))],
            );
            ExitCode::Usage
        }
    };
    log::flush();
    code
}

/// A positive whole number of an option.
fn number(value: Result<String, String>) -> Result<usize, String> {
    let v = value?;
    match v.parse::<usize>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(format!("expected a positive whole number, got {v}")),
    }
}

/// Listens until SIGTERM (or Ctrl-C), then stops accepting, lets in-flight
/// requests finish within the grace period and returns.
async fn serve(config: Config) -> std::io::Result<()> {
    let listener = TcpListener::bind(config.addr).await?;
    let local = listener.local_addr()?;
    let shared = Arc::new(Shared {
        permits: Arc::new(Semaphore::new(config.concurrency)),
        checkers: checkers::Checkers::start(config.threads)?,
        metrics: metrics::Metrics::default(),
        ready: AtomicBool::new(true),
        openapi: openapi::document(),
        schema: api::schema_text(),
        version: api::version_text(),
        config,
    });
    let router = api::router(shared.clone());
    let connections = Arc::new(Semaphore::new(shared.config.max_connections));
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(shared.config.header_timeout);
    log::event(
        "info",
        "listening",
        &[
            ("addr", log::Field::Str(&local.to_string())),
            ("version", log::Field::Str(env!("CARGO_PKG_VERSION"))),
        ],
    );
    let stop = shutdown_signal();
    tokio::pin!(stop);
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let stream = match accepted {
                    Ok((stream, _)) => stream,
                    Err(e) => {
                        // Out of file descriptors and the like: wait a little, go on.
                        log::event("warn", "accept", &[("error", log::Field::Str(&e.to_string()))]);
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue;
                    }
                };
                let Ok(permit) = connections.clone().try_acquire_owned() else {
                    shared.metrics.connection_refused();
                    drop(stream);
                    continue;
                };
                let _ = stream.set_nodelay(true);
                let service = TowerToHyperService::new(router.clone());
                let conn = graceful.watch(builder.serve_connection(TokioIo::new(stream), service));
                tokio::spawn(async move {
                    // A client going away mid-request is its business, not an error.
                    let _ = conn.await;
                    drop(permit);
                });
            }
            () = &mut stop => break,
        }
    }
    shared.ready.store(false, Ordering::SeqCst);
    drop(listener);
    let in_flight = shared.config.concurrency - shared.permits.available_permits();
    log::event(
        "info",
        "shutting down",
        &[("in_flight", log::Field::Int(in_flight as u64))],
    );
    tokio::select! {
        () = graceful.shutdown() => log::event("info", "stopped", &[]),
        () = tokio::time::sleep(shared.config.grace) => {
            log::event("warn", "stopped after the grace period", &[]);
        }
    }
    Ok(())
}

/// Resolves on SIGTERM or SIGINT (Ctrl-C).
async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = term.recv() => {}
                    _ = tokio::signal::ctrl_c() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}
