//! A small HTTP load generator for `kz-eco-rules serve` (bench/http.sh runs it):
//! `C` threads, each with one keep-alive connection, send the same POST until
//! `N` requests in all are answered or `T` seconds have passed; prints one JSON
//! line with the counts, requests/s and latency percentiles.
//!
//! ```text
//! cargo run --release --example http-load -- --addr 127.0.0.1:8088 \
//!     --path '/v1/applications:validate' --body examples/permit_II.json \
//!     --concurrency 64 --requests 20000 --seconds 20
//! ```
//!
//! Blocking sockets and threads, no async runtime: the client is simple enough
//! to trust, and its own cost is one thread per connection. Loopback only: the
//! address must be 127.0.0.1 or ::1.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

struct Args {
    addr: SocketAddr,
    path: String,
    body: Vec<u8>,
    concurrency: usize,
    requests: usize,
    seconds: u64,
}

fn args() -> Result<Args, String> {
    let mut a = Args {
        addr: SocketAddr::from(([127, 0, 0, 1], 8088)),
        path: "/v1/applications:validate".into(),
        body: Vec::new(),
        concurrency: 1,
        requests: 10_000,
        seconds: 20,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().ok_or(format!("{flag} takes a value"))?;
        match flag.as_str() {
            "--addr" => a.addr = value.parse().map_err(|_| "bad --addr")?,
            "--path" => a.path = value,
            "--body" => a.body = std::fs::read(&value).map_err(|e| format!("{value}: {e}"))?,
            "--concurrency" => a.concurrency = value.parse().map_err(|_| "bad --concurrency")?,
            "--requests" => a.requests = value.parse().map_err(|_| "bad --requests")?,
            "--seconds" => a.seconds = value.parse().map_err(|_| "bad --seconds")?,
            other => return Err(format!("unknown option {other}")),
        }
    }
    if !a.addr.ip().is_loopback() {
        return Err("loopback addresses only".into());
    }
    Ok(a)
}

/// What one connection saw.
#[derive(Default)]
struct Tally {
    /// Latencies of the 200 answers, in microseconds.
    ok: Vec<u32>,
    overloaded: usize,
    other: usize,
    io_errors: usize,
}

/// Sends one request and reads the answer's status (and skips its body).
fn exchange(
    stream: &mut TcpStream,
    reader: &mut BufReader<TcpStream>,
    request: &[u8],
) -> std::io::Result<(u16, bool)> {
    stream.write_all(request)?;
    let mut line = String::new();
    if reader.read_line(&mut line)? == 0 {
        return Err(std::io::ErrorKind::UnexpectedEof.into());
    }
    let status: u16 = line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or(std::io::ErrorKind::InvalidData)?;
    let mut length = 0usize;
    let mut close = false;
    loop {
        line.clear();
        reader.read_line(&mut line)?;
        let h = line.trim_end();
        if h.is_empty() {
            break;
        }
        let lower = h.to_ascii_lowercase();
        if let Some(v) = lower.strip_prefix("content-length:") {
            length = v
                .trim()
                .parse()
                .map_err(|_| std::io::ErrorKind::InvalidData)?;
        } else if lower.starts_with("connection:") && lower.contains("close") {
            close = true;
        }
    }
    let mut sink = vec![0; length];
    reader.read_exact(&mut sink)?;
    Ok((status, close))
}

fn connect(addr: SocketAddr) -> std::io::Result<(TcpStream, BufReader<TcpStream>)> {
    let stream = TcpStream::connect(addr)?;
    stream.set_nodelay(true)?;
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    let reader = BufReader::new(stream.try_clone()?);
    Ok((stream, reader))
}

fn worker(a: &Args, request: &[u8], left: &AtomicUsize, until: Instant) -> Tally {
    let mut t = Tally::default();
    let mut conn = None;
    while Instant::now() < until
        && left
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| n.checked_sub(1))
            .is_ok()
    {
        let (stream, reader) = match conn.as_mut() {
            Some(c) => c,
            None => match connect(a.addr) {
                Ok(c) => conn.insert(c),
                Err(_) => {
                    t.io_errors += 1;
                    std::thread::sleep(Duration::from_millis(10));
                    continue;
                }
            },
        };
        let start = Instant::now();
        match exchange(stream, reader, request) {
            Ok((status, close)) => {
                let us = start.elapsed().as_micros().min(u128::from(u32::MAX)) as u32;
                match status {
                    200 => t.ok.push(us),
                    503 => t.overloaded += 1,
                    _ => t.other += 1,
                }
                if close {
                    conn = None;
                }
            }
            Err(_) => {
                t.io_errors += 1;
                conn = None;
            }
        }
    }
    t
}

fn percentile(sorted: &[u32], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    f64::from(sorted[i.min(sorted.len() - 1)]) / 1000.0
}

fn main() {
    let a = match args() {
        Ok(a) => Arc::new(a),
        Err(e) => {
            eprintln!("http-load: {e}");
            std::process::exit(2);
        }
    };
    let mut request = format!(
        "POST {} HTTP/1.1\r\nhost: {}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
        a.path,
        a.addr,
        a.body.len()
    )
    .into_bytes();
    request.extend_from_slice(&a.body);
    let request = Arc::new(request);
    let left = Arc::new(AtomicUsize::new(a.requests));
    let start = Instant::now();
    let until = start + Duration::from_secs(a.seconds);
    let threads: Vec<_> = (0..a.concurrency)
        .map(|_| {
            let (a, request, left) = (a.clone(), request.clone(), left.clone());
            std::thread::spawn(move || worker(&a, &request, &left, until))
        })
        .collect();
    let mut all = Tally::default();
    for t in threads {
        let t = t.join().unwrap_or_default();
        all.ok.extend(t.ok);
        all.overloaded += t.overloaded;
        all.other += t.other;
        all.io_errors += t.io_errors;
    }
    let elapsed = start.elapsed().as_secs_f64();
    all.ok.sort_unstable();
    let answered = all.ok.len() + all.overloaded + all.other;
    println!(
        "{{\"concurrency\":{},\"answered\":{answered},\"ok\":{},\"status_503\":{},\"other_status\":{},\"io_errors\":{},\"seconds\":{elapsed:.2},\"rps\":{:.0},\"p50_ms\":{:.3},\"p99_ms\":{:.3},\"max_ms\":{:.3}}}",
        a.concurrency,
        all.ok.len(),
        all.overloaded,
        all.other,
        all.io_errors,
        answered as f64 / elapsed,
        percentile(&all.ok, 0.50),
        percentile(&all.ok, 0.99),
        percentile(&all.ok, 1.0),
    );
}
