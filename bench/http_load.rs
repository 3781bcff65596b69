//! A small HTTP load generator for `kz-eco-rules serve` (bench/http.sh runs it):
//! `C` clients, each with one keep-alive connection, send the same POST until
//! `N` requests in all are answered or `T` seconds have passed; prints one JSON
//! line with the counts, requests/s, latency percentiles of the answered (200)
//! requests and of the `503`s apart, the share of `503`s and the client's own
//! CPU time.
//!
//! ```text
//! cargo run --release --example http-load -- --addr 127.0.0.1:8088 \
//!     --path '/v1/applications:validate' --body examples/permit_II.json \
//!     --concurrency 64 --requests 20000 --seconds 20 [--retry-after]
//! ```
//!
//! `--retry-after`: a client that gets `503` waits the seconds its `Retry-After`
//! says (1 if it says none it can read; never past the run's time limit) before
//! it sends again, as a well-behaved client or a load balancer would; the line
//! then also gives the latency of the answered requests counted from their first
//! try (`p50_with_waits_ms`, `p99_with_waits_ms`) and the time the clients spent
//! waiting (`waited_s`). Without it a client sends again at once.
//!
//! All clients run as tasks on one thread (tokio's current-thread runtime): the
//! service under test gets the other core, where 64 client threads competed with
//! it for both. Each client writes a request, then reads one answer (the status
//! line, `Content-Length` and the body, which it skips) before the next.
//! Loopback only: the address must be 127.0.0.1 or ::1.

// Native only: tokio is not a dependency of the wasm build (which still
// compiles every example).
#[cfg(not(target_arch = "wasm32"))]
mod load {
    use std::cell::RefCell;
    use std::net::SocketAddr;
    use std::rc::Rc;
    use std::time::{Duration, Instant};

    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::TcpStream;

    struct Args {
        addr: SocketAddr,
        path: String,
        body: Vec<u8>,
        concurrency: usize,
        requests: usize,
        seconds: u64,
        /// Wait as `Retry-After` says after a 503.
        retry_after: bool,
    }

    fn args() -> Result<Args, String> {
        let mut a = Args {
            addr: SocketAddr::from(([127, 0, 0, 1], 8088)),
            path: "/v1/applications:validate".into(),
            body: Vec::new(),
            concurrency: 1,
            requests: 10_000,
            seconds: 20,
            retry_after: false,
        };
        let mut it = std::env::args().skip(1);
        while let Some(flag) = it.next() {
            if flag == "--retry-after" {
                a.retry_after = true;
                continue;
            }
            let value = it.next().ok_or(format!("{flag} takes a value"))?;
            match flag.as_str() {
                "--addr" => a.addr = value.parse().map_err(|_| "bad --addr")?,
                "--path" => a.path = value,
                "--body" => a.body = std::fs::read(&value).map_err(|e| format!("{value}: {e}"))?,
                "--concurrency" => {
                    a.concurrency = value.parse().map_err(|_| "bad --concurrency")?
                }
                "--requests" => a.requests = value.parse().map_err(|_| "bad --requests")?,
                "--seconds" => a.seconds = value.parse().map_err(|_| "bad --seconds")?,
                other => return Err(format!("unknown option {other}")),
            }
        }
        if !a.addr.ip().is_loopback() {
            return Err("loopback addresses only".into());
        }
        if a.concurrency == 0 {
            return Err("--concurrency must be at least 1".into());
        }
        Ok(a)
    }

    /// What the clients saw.
    #[derive(Default)]
    struct Tally {
        /// Latencies of the 200 answers, in microseconds.
        ok: Vec<u32>,
        /// Latencies of the 200 answers from the first try of the request,
        /// 503s and waits included, in microseconds.
        ok_with_waits: Vec<u32>,
        /// Latencies of the 503 answers, in microseconds.
        overloaded: Vec<u32>,
        other: usize,
        io_errors: usize,
        /// Time spent waiting as `Retry-After` said.
        waited: Duration,
    }

    /// What one exchange read: the status, whether the service closes the
    /// connection, and the whole seconds of `Retry-After`, if given.
    struct Answer {
        status: u16,
        close: bool,
        retry_after: Option<u64>,
    }

    /// One keep-alive connection and what it has read but not yet consumed.
    struct Conn {
        stream: TcpStream,
        buf: Vec<u8>,
    }

    fn invalid() -> std::io::Error {
        std::io::ErrorKind::InvalidData.into()
    }

    impl Conn {
        async fn open(addr: SocketAddr) -> std::io::Result<Conn> {
            let stream = TcpStream::connect(addr).await?;
            stream.set_nodelay(true)?;
            Ok(Conn {
                stream,
                buf: Vec::with_capacity(64 << 10),
            })
        }

        /// Reads more bytes into the buffer (into its spare capacity, which is
        /// not zeroed first); an end of stream is an error.
        async fn fill(&mut self) -> std::io::Result<()> {
            self.buf.reserve(32 << 10);
            match self.stream.read_buf(&mut self.buf).await? {
                0 => Err(std::io::ErrorKind::UnexpectedEof.into()),
                _ => Ok(()),
            }
        }

        /// Sends one request and reads its answer.
        async fn exchange(&mut self, request: &[u8]) -> std::io::Result<Answer> {
            self.stream.write_all(request).await?;
            let head_end = loop {
                if let Some(i) = self.buf.windows(4).position(|w| w == b"\r\n\r\n") {
                    break i + 4;
                }
                if self.buf.len() > 64 << 10 {
                    return Err(invalid());
                }
                self.fill().await?;
            };
            let head = std::str::from_utf8(&self.buf[..head_end]).map_err(|_| invalid())?;
            let mut lines = head.split("\r\n");
            let status: u16 = lines
                .next()
                .and_then(|l| l.split(' ').nth(1))
                .and_then(|s| s.parse().ok())
                .ok_or_else(invalid)?;
            let mut length = 0usize;
            let mut close = false;
            let mut retry_after = None;
            for h in lines {
                let Some((name, value)) = h.split_once(':') else {
                    continue;
                };
                let value = value.trim();
                if name.eq_ignore_ascii_case("content-length") {
                    length = value.parse().map_err(|_| invalid())?;
                } else if name.eq_ignore_ascii_case("retry-after") {
                    // Seconds; an HTTP date is not read (the service sends seconds).
                    retry_after = value.parse().ok();
                } else if name.eq_ignore_ascii_case("connection") {
                    close = value.eq_ignore_ascii_case("close");
                }
            }
            while self.buf.len() < head_end + length {
                self.fill().await?;
            }
            self.buf.drain(..head_end + length);
            Ok(Answer {
                status,
                close,
                retry_after,
            })
        }
    }

    /// The requests still to send, shared by the clients of the one thread.
    struct Left(RefCell<usize>);

    impl Left {
        fn take(&self) -> bool {
            let mut n = self.0.borrow_mut();
            if *n == 0 {
                return false;
            }
            *n -= 1;
            true
        }
    }

    /// `d` in whole microseconds (at most `u32::MAX`).
    fn micros(d: Duration) -> u32 {
        d.as_micros().min(u128::from(u32::MAX)) as u32
    }

    async fn client(
        addr: SocketAddr,
        request: Rc<Vec<u8>>,
        left: Rc<Left>,
        until: Instant,
        retry_after: bool,
        tally: Rc<RefCell<Tally>>,
    ) {
        let mut conn: Option<Conn> = None;
        // When the request being retried was first sent.
        let mut first_try: Option<Instant> = None;
        while Instant::now() < until && left.take() {
            let c = match conn.as_mut() {
                Some(c) => c,
                None => match Conn::open(addr).await {
                    Ok(c) => conn.insert(c),
                    Err(_) => {
                        tally.borrow_mut().io_errors += 1;
                        tokio::time::sleep(Duration::from_millis(10)).await;
                        continue;
                    }
                },
            };
            let start = Instant::now();
            let answer = tokio::time::timeout(Duration::from_secs(30), c.exchange(&request)).await;
            let us = micros(start.elapsed());
            let mut wait = None;
            {
                let mut t = tally.borrow_mut();
                match answer {
                    Ok(Ok(a)) => {
                        match a.status {
                            200 => {
                                t.ok.push(us);
                                let first = first_try.take().unwrap_or(start);
                                t.ok_with_waits.push(micros(first.elapsed()));
                            }
                            503 => {
                                t.overloaded.push(us);
                                if retry_after {
                                    first_try.get_or_insert(start);
                                    wait = Some(Duration::from_secs(a.retry_after.unwrap_or(1)));
                                }
                            }
                            _ => {
                                t.other += 1;
                                first_try = None;
                            }
                        }
                        if a.close {
                            conn = None;
                        }
                    }
                    Ok(Err(_)) | Err(_) => {
                        t.io_errors += 1;
                        conn = None;
                    }
                }
            }
            if let Some(wait) = wait {
                // Not past the run's end: a wait cut short ends the client.
                let wait = wait.min(until.saturating_duration_since(Instant::now()));
                tokio::time::sleep(wait).await;
                tally.borrow_mut().waited += wait;
            }
        }
    }

    /// The `p` quantile of `sorted` microseconds, as milliseconds in JSON
    /// (`null` when there is none).
    fn percentile(sorted: &[u32], p: f64) -> String {
        if sorted.is_empty() {
            return "null".into();
        }
        let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
        format!("{:.3}", f64::from(sorted[i.min(sorted.len() - 1)]) / 1000.0)
    }

    /// This process's CPU time (user + system), in seconds, from `/proc/self/stat`
    /// (clock ticks of 1/100 s); `NaN` where there is no `/proc`.
    fn cpu_seconds() -> f64 {
        let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
            return f64::NAN;
        };
        // The fields after the command name, which is in parentheses.
        let rest = stat.rsplit(')').next().unwrap_or("");
        let f: Vec<&str> = rest.split_whitespace().collect();
        let ticks = |i: usize| {
            f.get(i)
                .and_then(|v| v.parse::<f64>().ok())
                .unwrap_or(f64::NAN)
        };
        // utime and stime are fields 14 and 15 of stat(5); `rest` starts at field 3.
        (ticks(11) + ticks(12)) / 100.0
    }

    pub fn main() {
        let a = match args() {
            Ok(a) => a,
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
        let runtime = match tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
        {
            Ok(rt) => rt,
            Err(e) => {
                eprintln!("http-load: {e}");
                std::process::exit(2);
            }
        };
        let request = Rc::new(request);
        let left = Rc::new(Left(RefCell::new(a.requests)));
        let tally = Rc::new(RefCell::new(Tally::default()));
        let cpu_before = cpu_seconds();
        let start = Instant::now();
        let until = start + Duration::from_secs(a.seconds);
        let local = tokio::task::LocalSet::new();
        local.block_on(&runtime, async {
            let clients: Vec<_> = (0..a.concurrency)
                .map(|_| {
                    tokio::task::spawn_local(client(
                        a.addr,
                        request.clone(),
                        left.clone(),
                        until,
                        a.retry_after,
                        tally.clone(),
                    ))
                })
                .collect();
            for c in clients {
                let _ = c.await;
            }
        });
        let elapsed = start.elapsed().as_secs_f64();
        let cpu = cpu_seconds() - cpu_before;
        let mut all = tally.take();
        all.ok.sort_unstable();
        all.ok_with_waits.sort_unstable();
        all.overloaded.sort_unstable();
        let answered = all.ok.len() + all.overloaded.len() + all.other;
        println!(
            "{{\"concurrency\":{},\"retry_after\":{},\"answered\":{answered},\"ok\":{},\"status_503\":{},\"share_503\":{:.3},\"other_status\":{},\"io_errors\":{},\"seconds\":{elapsed:.2},\"rps\":{:.0},\"ok_rps\":{:.0},\"p50_ms\":{},\"p99_ms\":{},\"max_ms\":{},\"p50_503_ms\":{},\"p99_503_ms\":{},\"p50_with_waits_ms\":{},\"p99_with_waits_ms\":{},\"waited_s\":{:.2},\"client_cpu_s\":{cpu:.2},\"client_cores\":{:.2}}}",
            a.concurrency,
            a.retry_after,
            all.ok.len(),
            all.overloaded.len(),
            all.overloaded.len() as f64 / answered.max(1) as f64,
            all.other,
            all.io_errors,
            answered as f64 / elapsed,
            all.ok.len() as f64 / elapsed,
            percentile(&all.ok, 0.50),
            percentile(&all.ok, 0.99),
            percentile(&all.ok, 1.0),
            percentile(&all.overloaded, 0.50),
            percentile(&all.overloaded, 0.99),
            percentile(&all.ok_with_waits, 0.50),
            percentile(&all.ok_with_waits, 0.99),
            all.waited.as_secs_f64(),
            cpu / elapsed,
        );
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    load::main();
}
