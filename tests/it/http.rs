//! `kz-eco-rules serve` (native only): the service started on an ephemeral
//! loopback port, as a back end would call it.
//!
//! - the parity corpus through HTTP gives, byte for byte, the expected answers
//!   (the Rust API's, which `parity.rs` checks against wasm) and the command
//!   line's `check`, `deadlines` and `id --jsonl` answers;
//! - hostile requests (malformed JSON, wrong content type, huge and deeply nested
//!   bodies, bodies that are not UTF-8, slow clients, more requests than the
//!   concurrency limit) get a 4xx/503 with findings and the service keeps serving;
//! - SIGTERM lets the request in flight finish;
//! - every answer conforms to the OpenAPI document the service publishes.
//!
//! The client is a few lines of HTTP/1.1 over `TcpStream`, so every byte sent
//! (and every byte not sent) is under the test's control.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::Value as Json;

use crate::common::cli;
use crate::parity::{cases, to_json, Case, Input, CORPORA};

// ---- The service and a minimal client -----------------------------------------

/// A running `kz-eco-rules serve`; killed when dropped.
struct Server {
    child: Child,
    addr: String,
    log: Arc<Mutex<Vec<String>>>,
}

impl Server {
    fn start(extra: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_kz-eco-rules"))
            .args(["serve", "--addr", "127.0.0.1:0"])
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("kz-eco-rules serve starts");
        let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
        let first = lines.next().expect("a first log line").unwrap();
        let log: Json = serde_json::from_str(&first).expect("JSON logs");
        assert_eq!(log["msg"], "listening", "{first}");
        let addr = log["addr"].as_str().unwrap().to_owned();
        let kept = Arc::new(Mutex::new(vec![first]));
        let sink = kept.clone();
        std::thread::spawn(move || {
            for line in lines.map_while(Result::ok) {
                sink.lock().unwrap().push(line);
            }
        });
        Server {
            child,
            addr,
            log: kept,
        }
    }

    fn connect(&self) -> Conn {
        let stream = TcpStream::connect(&self.addr).expect("connects");
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        Conn {
            reader: BufReader::new(stream.try_clone().unwrap()),
            stream,
            closed: false,
        }
    }

    /// One request on a new connection.
    fn call(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Resp {
        self.connect().request(method, path, headers, body)
    }

    fn post_json(&self, path: &str, body: &str) -> Resp {
        self.call(
            "POST",
            path,
            &[("content-type", "application/json")],
            body.as_bytes(),
        )
    }

    /// Waits until `n` requests are being worked on (besides the asking one).
    fn wait_in_flight(&self, n: usize) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let metrics = self.call("GET", "/metrics", &[], b"").text();
            let now: usize = metrics
                .lines()
                .find_map(|l| l.strip_prefix("kz_http_in_flight "))
                .and_then(|v| v.parse().ok())
                .unwrap();
            if now > n {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "{now} in flight, waiting for {n}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn logs(&self) -> Vec<String> {
        self.log.lock().unwrap().clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Conn {
    stream: TcpStream,
    reader: BufReader<TcpStream>,
    /// The last answer said `connection: close`.
    closed: bool,
}

#[derive(Debug)]
struct Resp {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Resp {
    fn text(&self) -> String {
        String::from_utf8(self.body.clone()).expect("UTF-8 body")
    }

    fn json(&self) -> Json {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The codes of the findings of a report body.
    fn codes(&self) -> Vec<String> {
        self.json()["findings"]
            .as_array()
            .map(|f| {
                f.iter()
                    .map(|f| f["code"].as_str().unwrap().to_owned())
                    .collect()
            })
            .unwrap_or_default()
    }
}

impl Conn {
    fn send_head(
        &mut self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        len: Option<usize>,
    ) {
        let mut head = format!("{method} {path} HTTP/1.1\r\nhost: test\r\n");
        for (n, v) in headers {
            head.push_str(&format!("{n}: {v}\r\n"));
        }
        if let Some(len) = len {
            head.push_str(&format!("content-length: {len}\r\n"));
        }
        head.push_str("\r\n");
        self.stream.write_all(head.as_bytes()).unwrap();
    }

    fn request(&mut self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Resp {
        self.try_request(method, path, headers, body)
            .expect("a response")
    }

    fn try_request(
        &mut self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> std::io::Result<Resp> {
        let mut head = format!("{method} {path} HTTP/1.1\r\nhost: test\r\n");
        for (n, v) in headers {
            head.push_str(&format!("{n}: {v}\r\n"));
        }
        head.push_str(&format!("content-length: {}\r\n\r\n", body.len()));
        self.stream.write_all(head.as_bytes())?;
        self.stream.write_all(body)?;
        self.read()
    }

    fn read(&mut self) -> std::io::Result<Resp> {
        let mut line = String::new();
        if self.reader.read_line(&mut line)? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        let status = line
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("bad status line {line:?}"));
        let mut headers = Vec::new();
        loop {
            let mut h = String::new();
            self.reader.read_line(&mut h)?;
            let h = h.trim_end();
            if h.is_empty() {
                break;
            }
            let (n, v) = h.split_once(':').unwrap();
            headers.push((n.trim().to_owned(), v.trim().to_owned()));
        }
        let get = |name: &str| {
            headers
                .iter()
                .find(|(n, _): &&(String, String)| n.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.clone())
        };
        self.closed = get("connection").is_some_and(|c| c.eq_ignore_ascii_case("close"));
        let mut body = Vec::new();
        if let Some(len) = get("content-length") {
            body.resize(len.parse().unwrap(), 0);
            self.reader.read_exact(&mut body)?;
        } else if get("transfer-encoding").is_some_and(|t| t.eq_ignore_ascii_case("chunked")) {
            loop {
                let mut size = String::new();
                self.reader.read_line(&mut size)?;
                let size = usize::from_str_radix(size.trim(), 16).unwrap();
                let mut chunk = vec![0; size + 2];
                self.reader.read_exact(&mut chunk)?;
                if size == 0 {
                    break;
                }
                body.extend_from_slice(&chunk[..size]);
            }
        } else {
            self.reader.read_to_end(&mut body)?;
        }
        Ok(Resp {
            status,
            headers,
            body,
        })
    }
}

/// `s` percent-encoded for a query value or a path segment.
fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

// ---- The parity corpus ------------------------------------------------------------

/// The answer part of an expected line `{"name":…,"output":<answer>}` or the
/// message of `{"name":…,"type_error":"…"}`.
fn expected_answer(case: &Case, line: &str) -> Result<String, String> {
    let name = serde_json::to_string(&case.name).unwrap();
    let head = format!(r#"{{"name":{name},"output":"#);
    match line.strip_prefix(&head) {
        Some(rest) => Ok(rest.strip_suffix('}').unwrap().to_owned()),
        None => {
            let v: Json = serde_json::from_str(line).unwrap();
            Err(v["type_error"].as_str().unwrap().to_owned())
        }
    }
}

/// The request of a parity case: `(method, path, body)`; `None` for what HTTP
/// cannot carry (JavaScript-only values, a day that is not a string).
fn request_of(kind: &str, case: &Case) -> Option<(&'static str, String, String)> {
    if !case.js.is_empty() {
        return None;
    }
    let query = match &case.options {
        None => String::new(),
        Some(o) => format!("?options={}", encode(&to_json(o))),
    };
    let body = match &case.input {
        Input::Text(t) => t.clone(),
        Input::Tree(t) => to_json(t),
    };
    // A body that starts with a byte order mark is read as `check` reads a file,
    // the mark skipped (`a_byte_order_mark_is_skipped_…`), not as the package's
    // `validateApplication(text)` reads a string.
    if body.starts_with('\u{feff}') && kind != "identifiers" {
        return None;
    }
    Some(match kind {
        "applications" => ("POST", format!("/v1/applications:validate{query}"), body),
        "documents" => ("POST", format!("/v1/documents{query}"), body),
        "deadlines" => ("POST", format!("/v1/deadlines{query}"), body),
        "identifiers" => (
            "POST",
            format!("/v1/identifiers{query}"),
            format!("[{body}]"),
        ),
        "days" => match &case.input {
            Input::Tree(kz_eco_rules::input::Value::String(day)) if !day.is_empty() => (
                "GET",
                format!("/v1/working-days/{}{query}", encode(day)),
                String::new(),
            ),
            _ => return None,
        },
        _ => unreachable!(),
    })
}

#[test]
fn the_parity_corpus_through_http_gives_the_expected_bytes() {
    let server = Server::start(&[]);
    let mut conn = server.connect();
    let mut total = 0;
    for (kind, inputs, expected) in CORPORA {
        let cases = cases(kind, inputs);
        let mut differ = Vec::new();
        for (case, line) in cases.iter().zip(expected.lines()) {
            let Some((method, path, body)) = request_of(kind, case) else {
                continue;
            };
            let headers: &[(&str, &str)] = if method == "POST" {
                &[("content-type", "application/json")]
            } else {
                &[]
            };
            // An answer given before the body was read (bad options) closes the
            // connection: then a new one, as any client would.
            let resp = match conn.try_request(method, &path, headers, body.as_bytes()) {
                Ok(r) if !conn.closed => r,
                _ => {
                    conn = server.connect();
                    conn.request(method, &path, headers, body.as_bytes())
                }
            };
            total += 1;
            let got = match expected_answer(case, line) {
                // In a list (the identifiers endpoint takes one) a value past a
                // reader limit (depth, key length) refuses the list whole.
                Ok(_) if *kind == "identifiers" && resp.status == 400 => {
                    let codes = resp.codes();
                    assert!(
                        codes.len() == 1 && codes[0].starts_with("input."),
                        "{}",
                        case.name
                    );
                    continue;
                }
                Ok(want) => {
                    let got = resp.text();
                    // The identifiers endpoint answers a list: one item here.
                    let got = if *kind == "identifiers" {
                        got.strip_prefix('[')
                            .and_then(|g| g.strip_suffix(']'))
                            .unwrap()
                            .to_owned()
                    } else {
                        got
                    };
                    let unreadable = resp.status == 400;
                    assert!(
                        resp.status == 200 || unreadable,
                        "{}: status {}",
                        case.name,
                        resp.status
                    );
                    (got == want).then_some(()).ok_or((got, want))
                }
                Err(message) => {
                    // The JavaScript API's TypeError: a 400 whose finding carries it.
                    let v = resp.json();
                    let reason = v["findings"][0]["params"]["reason"].as_str().unwrap_or("");
                    assert_eq!(resp.status, 400, "{}", case.name);
                    let code = v["findings"][0]["code"].as_str().unwrap_or("");
                    assert!(
                        ["http.bad_options", "http.bad_date"].contains(&code),
                        "{}: {code}",
                        case.name
                    );
                    (reason == message)
                        .then_some(())
                        .ok_or((reason.to_owned(), message))
                }
            };
            if let Err((got, want)) = got {
                differ.push(format!(
                    "{}:\n  got:  {got:.400}\n  want: {want:.400}",
                    case.name
                ));
            }
        }
        assert!(
            differ.is_empty(),
            "{kind}: {} answers differ through HTTP:\n{}",
            differ.len(),
            differ
                .iter()
                .take(3)
                .cloned()
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
    assert!(total >= 3500, "{total} cases through HTTP");
}

#[test]
fn http_answers_equal_the_command_lines_jsonl_answers() {
    let server = Server::start(&[]);
    let mut conn = server.connect();
    // (`documents --jsonl` prints a shorter summary of its own, not the report.)
    for (kind, command) in [
        ("applications", "check"),
        ("deadlines", "deadlines"),
        ("identifiers", "id"),
    ] {
        let (_, inputs, _) = CORPORA.iter().find(|(k, _, _)| *k == kind).unwrap();
        // One command-line run per options object (the command takes them once).
        let mut groups: BTreeMap<String, Vec<&Case>> = BTreeMap::new();
        let all = cases(kind, inputs);
        for c in &all {
            if c.js.is_empty() && matches!(c.input, Input::Tree(_)) {
                let key = c.options.as_ref().map_or("null".to_owned(), to_json);
                groups.entry(key).or_default().push(c);
            }
        }
        let mut compared = 0;
        for (options, group) in &groups {
            let o: Json = serde_json::from_str(options).unwrap();
            let mut args = vec![command, "--jsonl"];
            let text;
            match (kind, &o) {
                (_, Json::Null) => {}
                ("applications", Json::Object(m))
                    if m.len() == 1 && m.get("lang").is_some_and(Json::is_string) =>
                {
                    args.extend(["--lang", m["lang"].as_str().unwrap()]);
                }
                ("deadlines", Json::Object(_)) => {
                    text = options.clone();
                    args.extend(["--options", &text]);
                }
                _ => continue,
            }
            let stdin: String = group
                .iter()
                .map(|c| match &c.input {
                    Input::Tree(t) => to_json(t) + "\n",
                    Input::Text(_) => unreachable!(),
                })
                .collect();
            let out = cli::run(&args, stdin);
            let lines = cli::stdout(&out);
            for (case, cli_line) in group.iter().zip(lines.lines()) {
                // The command line answers a line that is not an object with
                // `{"error": …}`; the service, like the library and the package,
                // with the report of the input finding (compared in the test above).
                if cli_line.starts_with(r#"{"error":"#) {
                    continue;
                }
                let (method, path, body) = request_of(kind, case).unwrap();
                let resp = conn.request(
                    method,
                    &path,
                    &[("content-type", "application/json")],
                    body.as_bytes(),
                );
                let got = resp.text();
                let got = if kind == "identifiers" {
                    got[1..got.len() - 1].to_owned()
                } else {
                    got
                };
                assert_eq!(got, cli_line, "{kind}: {}", case.name);
                compared += 1;
            }
        }
        assert!(compared >= 300, "{kind}: {compared} compared");
    }
}

#[test]
fn a_batch_streams_one_report_per_line_equal_to_the_single_answers() {
    let server = Server::start(&[]);
    let (_, inputs, _) = CORPORA[0];
    let all = cases("applications", inputs);
    let mut lines = Vec::new();
    for c in all.iter().filter(|c| c.js.is_empty()).take(200) {
        let text = match &c.input {
            Input::Text(t) if !t.contains(['\n', '\r']) => t.clone(),
            Input::Text(_) => continue,
            Input::Tree(t) => to_json(t),
        };
        lines.push(text);
    }
    let mut body = lines.join("\n");
    body.push_str("\n\n\u{0}x"); // a blank line and a last line without its newline
    lines.push(String::new());
    lines.push("\u{0}x".to_owned());
    let resp = server.call(
        "POST",
        "/v1/applications:validate-batch?lang=en",
        &[("content-type", "application/jsonl")],
        body.as_bytes(),
    );
    assert_eq!(resp.status, 200);
    assert_eq!(resp.header("content-type"), Some("application/jsonl"));
    let got = resp.text();
    let got: Vec<&str> = got.lines().collect();
    assert_eq!(got.len(), lines.len());
    let mut conn = server.connect();
    for (line, answer) in lines.iter().zip(&got) {
        let single = conn.request(
            "POST",
            "/v1/applications:validate?lang=en",
            &[("content-type", "application/json")],
            line.as_bytes(),
        );
        assert_eq!(single.text(), *answer, "{line:.200}");
    }
}

#[test]
fn a_byte_order_mark_is_skipped_as_the_command_line_skips_it() {
    let server = Server::start(&[]);
    let example = crate::common::example("permit_II");
    let v = "/v1/applications:validate?lang=kk";
    let plain = server.post_json(v, example);
    assert_eq!(plain.status, 200);
    let marked = server.post_json(v, &format!("\u{feff}{example}"));
    assert_eq!((marked.status, marked.text()), (200, plain.text()));
    // `check --jsonl` reads its first line the same way.
    let line = example.replace(['\n', '\r'], "");
    let out = cli::run(
        &["check", "--jsonl", "--lang", "kk"],
        format!("\u{feff}{line}\n"),
    );
    assert_eq!(cli::stdout(&out).trim_end(), plain.text());
    // In a batch, on the first line only (as `check --jsonl`).
    let batch = server.call(
        "POST",
        "/v1/applications:validate-batch?lang=kk",
        &[("content-type", "application/jsonl")],
        format!("\u{feff}{line}\n\u{feff}{line}\n").as_bytes(),
    );
    let answers = batch.text();
    let answers: Vec<&str> = answers.lines().collect();
    assert_eq!(answers.len(), 2);
    assert_eq!(answers[0], plain.text());
    let second: Json = serde_json::from_str(answers[1]).unwrap();
    assert_eq!(second["findings"][0]["code"], "input.malformed_json");
}

// ---- Hostile requests -------------------------------------------------------------

#[test]
fn hostile_requests_get_a_4xx_with_findings_and_the_service_keeps_serving() {
    let server = Server::start(&["--max-body", "65536", "--timeout-ms", "1500"]);
    let v = "/v1/applications:validate?lang=en";
    let json = [("content-type", "application/json")];
    let example = crate::common::example("permit_II");

    // Malformed JSON: the library's own report, with a 400.
    let r = server.post_json(v, "{\"service\": ");
    assert_eq!(
        (r.status, r.codes()),
        (400, vec!["input.malformed_json".to_owned()])
    );
    assert_eq!(r.json()["lang"], "en");

    // Wrong or missing content type.
    for ct in [
        Some("text/plain"),
        Some("application/json; charset=latin1"),
        None,
    ] {
        let headers: Vec<(&str, &str)> = ct.map(|c| ("content-type", c)).into_iter().collect();
        let r = server.call("POST", v, &headers, example.as_bytes());
        assert_eq!(
            (r.status, r.codes()),
            (415, vec!["http.unsupported_media_type".to_owned()]),
            "{ct:?}"
        );
    }

    // A huge body, announced and chunked.
    let huge = format!("[{}0]", "0,".repeat(40_000));
    let r = server.post_json(v, &huge);
    assert_eq!(
        (r.status, r.codes()),
        (413, vec!["http.body_too_large".to_owned()])
    );
    let mut conn = server.connect();
    conn.send_head(
        "POST",
        v,
        &[
            ("content-type", "application/json"),
            ("transfer-encoding", "chunked"),
        ],
        None,
    );
    let mut chunked = String::new();
    for _ in 0..9 {
        chunked.push_str(&format!("2000\r\n{}\r\n", "x".repeat(8192)));
    }
    chunked.push_str("0\r\n\r\n");
    conn.stream.write_all(chunked.as_bytes()).unwrap();
    let r = conn.read().expect("an answer to a chunked body");
    assert_eq!(
        (r.status, r.codes()),
        (413, vec!["http.body_too_large".to_owned()])
    );

    // Deep nesting and a body that is not UTF-8.
    let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    let r = server.post_json(v, &deep);
    assert_eq!(
        (r.status, r.codes()),
        (400, vec!["input.too_deep".to_owned()])
    );
    let r = server.call("POST", v, &json, b"{\"a\": \"\xff\"}");
    assert_eq!(
        (r.status, r.codes()),
        (400, vec!["http.not_utf8".to_owned()])
    );

    // Bad options and a day that is not a date.
    let r = server.post_json(
        "/v1/applications:validate?options=%7B%22colour%22%3A1%7D",
        example,
    );
    assert_eq!(
        (r.status, r.codes()),
        (400, vec!["http.bad_options".to_owned()])
    );
    let r = server.post_json("/v1/applications:validate?lang=de", example);
    assert_eq!(
        (r.status, r.codes()),
        (400, vec!["http.bad_options".to_owned()])
    );
    let r = server.call("GET", "/v1/working-days/%FF", &[], b"");
    assert_eq!(
        (r.status, r.codes()),
        (400, vec!["http.bad_date".to_owned()])
    );
    let r = server.post_json("/v1/identifiers", "{\"a\": 1}");
    assert_eq!(
        (r.status, r.codes()),
        (400, vec!["http.not_a_list".to_owned()])
    );

    // A slow client: the body never completes within the time limit.
    let mut slow = server.connect();
    slow.send_head("POST", v, &json, Some(100));
    slow.stream.write_all(b"{\"service\":").unwrap();
    let started = Instant::now();
    let r = slow.read().expect("an answer to a slow body");
    assert_eq!(
        (r.status, r.codes()),
        (408, vec!["http.timeout".to_owned()])
    );
    assert!(started.elapsed() < Duration::from_secs(10));

    // Unknown route and method, in the language asked for.
    let r = server.call(
        "GET",
        "/v2/nothing",
        &[("accept-language", "kk-KZ, ru;q=0.5")],
        b"",
    );
    assert_eq!(
        (r.status, r.codes()),
        (404, vec!["http.not_found".to_owned()])
    );
    assert_eq!(r.json()["lang"], "kk");
    let r = server.call("GET", v, &[], b"");
    assert_eq!(
        (r.status, r.codes()),
        (405, vec!["http.method_not_allowed".to_owned()])
    );

    // Still serving.
    let r = server.post_json(v, example);
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["ok"], true);
    assert_eq!(server.call("GET", "/healthz", &[], b"").status, 200);
}

#[test]
fn a_client_that_never_finishes_its_head_is_cut_off() {
    let server = Server::start(&["--header-timeout-ms", "500"]);
    let mut conn = server.connect();
    conn.stream
        .write_all(b"POST /v1/identifiers HTTP/1.1\r\nhost: x\r\n")
        .unwrap();
    let started = Instant::now();
    let mut rest = Vec::new();
    // The server closes the connection (possibly after a 408 head).
    let _ = conn.reader.read_to_end(&mut rest);
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(server.call("GET", "/healthz", &[], b"").status, 200);
}

#[test]
fn past_the_concurrency_limit_the_answer_is_503_with_retry_after() {
    let server = Server::start(&["--concurrency", "2", "--timeout-ms", "5000"]);
    let json = [("content-type", "application/json")];
    let example = crate::common::example("permit_II");
    // Two requests hold the permits: their bodies are not complete yet.
    let mut held: Vec<Conn> = (0..2)
        .map(|_| {
            let mut c = server.connect();
            c.send_head(
                "POST",
                "/v1/applications:validate",
                &json,
                Some(example.len()),
            );
            c.stream.write_all(&example.as_bytes()[..10]).unwrap();
            c
        })
        .collect();
    server.wait_in_flight(2);
    let r = server.post_json("/v1/applications:validate?lang=ru", example);
    assert_eq!(r.status, 503);
    assert_eq!(r.header("retry-after"), Some("1"));
    assert_eq!(r.codes(), vec!["http.overloaded".to_owned()]);
    // Probes take no permit.
    assert_eq!(server.call("GET", "/readyz", &[], b"").status, 200);
    // The held requests finish normally, and the permits come back.
    for c in &mut held {
        c.stream.write_all(&example.as_bytes()[10..]).unwrap();
        let r = c.read().unwrap();
        assert_eq!(r.status, 200);
    }
    assert_eq!(
        server
            .post_json("/v1/applications:validate", example)
            .status,
        200
    );
    let metrics = server.call("GET", "/metrics", &[], b"").text();
    assert!(
        metrics.contains(r#"kz_http_requests_total{route="/v1/applications:validate",method="POST",status="503"} 1"#),
        "{metrics}"
    );
}

#[cfg(unix)]
#[test]
fn sigterm_lets_the_request_in_flight_finish_then_stops() {
    let mut server = Server::start(&["--timeout-ms", "10000"]);
    let json = [("content-type", "application/json")];
    let example = crate::common::example("permit_II");
    let mut conn = server.connect();
    conn.send_head(
        "POST",
        "/v1/applications:validate",
        &json,
        Some(example.len()),
    );
    conn.stream.write_all(&example.as_bytes()[..10]).unwrap();
    server.wait_in_flight(1);
    let kill = Command::new("kill")
        .args(["-TERM", &server.child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    // No new connections once shutdown began…
    let deadline = Instant::now() + Duration::from_secs(10);
    while TcpStream::connect(&server.addr).is_ok() {
        assert!(Instant::now() < deadline, "still accepting after SIGTERM");
        std::thread::sleep(Duration::from_millis(20));
    }
    // …but the request in flight gets its answer.
    conn.stream.write_all(&example.as_bytes()[10..]).unwrap();
    let r = conn.read().unwrap();
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["ok"], true);
    drop(conn);
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(s) = server.child.try_wait().unwrap() {
            break s;
        }
        assert!(Instant::now() < deadline, "still running after SIGTERM");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status:?}");
    let logs = server.logs();
    assert!(
        logs.iter().any(|l| l.contains("\"shutting down\"")),
        "{logs:?}"
    );
}

#[test]
fn logs_are_json_lines_with_identifiers_masked() {
    let server = Server::start(&[]);
    server.call("GET", "/v1/working-days/871008401427", &[], b"");
    server.post_json("/v1/identifiers", "[\"871008401427\"]");
    server.call("GET", "/healthz", &[], b"");
    // The log lines arrive through a pipe and a reader thread: wait for them.
    let deadline = Instant::now() + Duration::from_secs(10);
    while server.logs().len() < 4 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    let logs = server.logs();
    assert!(logs.len() >= 4, "{logs:?}");
    for line in &logs {
        let v: Json = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        assert!(v["ts"].is_string() && v["level"].is_string() && v["msg"].is_string());
        assert!(!line.contains("871008401427"), "unmasked: {line}");
    }
    assert!(logs
        .iter()
        .any(|l| l.contains("/v1/working-days/8710********")));
    // One line per request, written by the log thread, none dropped.
    let request = logs
        .iter()
        .map(|l| serde_json::from_str::<Json>(l).unwrap())
        .find(|v| v["msg"] == "request" && v["path"] == "/v1/identifiers")
        .expect("the request's line");
    assert_eq!(
        (&request["method"], &request["status"]),
        (&"POST".into(), &200.into())
    );
    assert!(request["ms"].is_number());
    let metrics = server.call("GET", "/metrics", &[], b"").text();
    assert!(
        metrics.contains("\nkz_log_lines_dropped_total 0\n"),
        "{metrics}"
    );
}

// ---- OpenAPI conformance ------------------------------------------------------------

/// Validates `value` against a JSON Schema (2020-12) of the OpenAPI document
/// `doc`: the keywords the generated schemas use; any other keyword is an error,
/// so a schema this validator does not understand cannot pass.
fn validate(doc: &Json, schema: &Json, value: &Json, at: &str, errors: &mut Vec<String>) {
    let schema = match schema {
        Json::Bool(true) => return,
        Json::Bool(false) => return errors.push(format!("{at}: schema false")),
        Json::Object(m) => m,
        _ => return errors.push(format!("{at}: bad schema")),
    };
    for (key, sub) in schema {
        match key.as_str() {
            "$ref" => {
                let pointer = sub.as_str().unwrap().strip_prefix('#').unwrap();
                let target = doc
                    .pointer(pointer)
                    .unwrap_or_else(|| panic!("no {pointer}"));
                validate(doc, target, value, at, errors);
            }
            "type" => {
                let types: Vec<&str> = match sub {
                    Json::String(t) => vec![t],
                    Json::Array(ts) => ts.iter().map(|t| t.as_str().unwrap()).collect(),
                    _ => panic!("bad type"),
                };
                let fits = types.iter().any(|t| match *t {
                    "null" => value.is_null(),
                    "boolean" => value.is_boolean(),
                    "object" => value.is_object(),
                    "array" => value.is_array(),
                    "string" => value.is_string(),
                    "number" => value.is_number(),
                    "integer" => value.is_i64() || value.is_u64(),
                    other => panic!("type {other}"),
                });
                if !fits {
                    errors.push(format!("{at}: {value:.80} is not {types:?}"));
                }
            }
            "properties" => {
                if let Json::Object(v) = value {
                    for (name, s) in sub.as_object().unwrap() {
                        if let Some(item) = v.get(name) {
                            validate(doc, s, item, &format!("{at}/{name}"), errors);
                        }
                    }
                }
            }
            "required" => {
                if let Json::Object(v) = value {
                    for name in sub.as_array().unwrap() {
                        if !v.contains_key(name.as_str().unwrap()) {
                            errors.push(format!("{at}: missing {name}"));
                        }
                    }
                }
            }
            "additionalProperties" => {
                if let Json::Object(v) = value {
                    let known = schema.get("properties").and_then(Json::as_object);
                    for (name, item) in v {
                        if !known.is_some_and(|k| k.contains_key(name)) {
                            validate(doc, sub, item, &format!("{at}/{name}"), errors);
                        }
                    }
                }
            }
            "items" => {
                if let Json::Array(items) = value {
                    for (i, item) in items.iter().enumerate() {
                        validate(doc, sub, item, &format!("{at}/{i}"), errors);
                    }
                }
            }
            "enum" => {
                if !sub.as_array().unwrap().contains(value) {
                    errors.push(format!("{at}: {value} not in {sub}"));
                }
            }
            "const" => {
                if sub != value {
                    errors.push(format!("{at}: {value} is not {sub}"));
                }
            }
            "anyOf" | "oneOf" => {
                let mut why = Vec::new();
                let fitting = sub
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|s| {
                        let mut e = Vec::new();
                        validate(doc, s, value, at, &mut e);
                        why.extend(e.iter().take(3).cloned());
                        e.is_empty()
                    })
                    .count();
                if fitting == 0 || (key == "oneOf" && fitting > 1) {
                    errors.push(format!(
                        "{at}: {fitting} of {key} fit {value:.120} ({})",
                        why.join("; ")
                    ));
                }
            }
            "allOf" => {
                for s in sub.as_array().unwrap() {
                    validate(doc, s, value, at, errors);
                }
            }
            "minimum" => {
                if value.as_f64().is_some_and(|n| n < sub.as_f64().unwrap()) {
                    errors.push(format!("{at}: {value} < {sub}"));
                }
            }
            "maximum" => {
                if value.as_f64().is_some_and(|n| n > sub.as_f64().unwrap()) {
                    errors.push(format!("{at}: {value} > {sub}"));
                }
            }
            // Annotations.
            "description" | "title" | "format" | "default" | "examples" | "deprecated"
            | "readOnly" | "writeOnly" | "$schema" => {}
            other => panic!("{at}: the test's validator does not know keyword {other}"),
        }
    }
}

#[test]
fn every_answer_conforms_to_the_openapi_document() {
    let server = Server::start(&["--concurrency", "1", "--timeout-ms", "3000"]);
    let doc = server.call("GET", "/v1/openapi.json", &[], b"").json();
    assert_eq!(doc["openapi"], "3.1.0");
    // The documents query names the venue (office or ЦОН) with its values.
    let schemas = &doc["components"]["schemas"];
    let venue = schemas["ChecklistQuery"]["properties"]["venue"].to_string();
    assert!(venue.contains("#/components/schemas/Venue"), "{venue}");
    let values: Vec<&serde_json::Value> = (schemas["Venue"]["oneOf"].as_array().unwrap().iter())
        .map(|v| &v["const"])
        .collect();
    assert_eq!(values, ["provider_office", "con"], "{}", schemas["Venue"]);
    // The citations besides findings' are described: a checklist's source and
    // items, each deadline's clause, a day's basis.
    let text = doc["components"]["schemas"].to_string();
    for field in ["derived_from_text", "basis_text"] {
        assert!(text.contains(&format!("\"{field}\"")), "{field}");
    }
    for schema in ["Checklist", "Item", "DeadlinesReport", "DayReport"] {
        let props = &doc["components"]["schemas"][schema]["properties"];
        assert!(
            props.get("basis_text").is_some() || props.get("derived_from_text").is_some(),
            "{schema}: {props}"
        );
    }
    let example = crate::common::example("permit_II");
    let calls: Vec<(&str, &str, &str, String, u16)> = vec![
        ("POST", "/v1/applications:validate", "/v1/applications:validate?lang=kk", example.to_owned(), 200),
        ("POST", "/v1/applications:validate", "/v1/applications:validate", crate::common::example("permit_III").replace("\"II", "\"V"), 200),
        ("POST", "/v1/applications:validate", "/v1/applications:validate", "{".to_owned(), 400),
        ("POST", "/v1/applications:validate", "/v1/applications:validate?lang=xx", example.to_owned(), 400),
        ("POST", "/v1/documents", "/v1/documents?lang=en", r#"{"region": "almaty_city", "date": "2020-01-10", "service": "emission_permit", "action": "issue", "category": "II", "channel": "portal"}"#.to_owned(), 200),
        ("POST", "/v1/documents", "/v1/documents", r#"{"service": 1}"#.to_owned(), 200),
        ("POST", "/v1/documents", "/v1/documents", r#"{"edition": "aktobe_2013", "service": "ecological_expertise", "action": "first", "category": "III", "channel": "in_person", "venue": "con"}"#.to_owned(), 200),
        ("POST", "/v1/deadlines", "/v1/deadlines", r#"{"edition": "almaty_oblast_2012", "service": "emission_permit", "action": "issue", "category": "II", "submitted_at": "2013-04-16T10:00:00+06:00"}"#.to_owned(), 200),
        ("POST", "/v1/deadlines", "/v1/deadlines", "[]".to_owned(), 200),
        ("POST", "/v1/identifiers", "/v1/identifiers", r#"["871008401427", "950341000052", "940140000380", 7, null]"#.to_owned(), 200),
        ("POST", "/v1/identifiers", "/v1/identifiers", "{}".to_owned(), 400),
        ("GET", "/v1/working-days/{date}", "/v1/working-days/2024-03-08?lang=ru", String::new(), 200),
        ("GET", "/v1/working-days/{date}", "/v1/working-days/2031-05-04", String::new(), 200),
        ("GET", "/v1/working-days/{date}", "/v1/working-days/2024-02-30", String::new(), 200),
        ("GET", "/v1/working-days/{date}", "/v1/working-days/%FF", String::new(), 400),
        ("GET", "/v1/schema", "/v1/schema", String::new(), 200),
        ("GET", "/v1/messages/{lang}", "/v1/messages/kk", String::new(), 200),
        ("GET", "/v1/messages/{lang}", "/v1/messages/de", String::new(), 404),
        ("GET", "/v1/version", "/v1/version", String::new(), 200),
        ("GET", "/healthz", "/healthz", String::new(), 200),
        ("GET", "/readyz", "/readyz", String::new(), 200),
    ];
    let mut errors = Vec::new();
    for (method, route, path, body, status) in &calls {
        let headers: &[(&str, &str)] = if *method == "POST" {
            &[("content-type", "application/json")]
        } else {
            &[]
        };
        let r = server.call(method, path, headers, body.as_bytes());
        assert_eq!(r.status, *status, "{path}: {}", r.text());
        let op = &doc["paths"][route][method.to_ascii_lowercase()];
        let response = &op["responses"][status.to_string()];
        let schema = &response["content"]["application/json"]["schema"];
        assert!(
            schema.is_object(),
            "{method} {route} {status}: not documented"
        );
        validate(&doc, schema, &r.json(), path, &mut errors);
    }
    // The problem answers: 413, 415, 503 (with a request holding the one permit).
    let v = "/v1/applications:validate";
    let op = &doc["paths"][v]["post"]["responses"];
    let r = server.call("POST", v, &[("content-type", "text/plain")], b"{}");
    validate(
        &doc,
        &op["415"]["content"]["application/json"]["schema"],
        &r.json(),
        "415",
        &mut errors,
    );
    let mut hold = server.connect();
    hold.send_head(
        "POST",
        v,
        &[("content-type", "application/json")],
        Some(100),
    );
    server.wait_in_flight(1);
    let r = server.post_json(v, "{}");
    assert_eq!(r.status, 503);
    validate(
        &doc,
        &op["503"]["content"]["application/json"]["schema"],
        &r.json(),
        "503",
        &mut errors,
    );
    let r = hold.read().unwrap();
    assert_eq!(r.status, 408);
    validate(
        &doc,
        &op["408"]["content"]["application/json"]["schema"],
        &r.json(),
        "408",
        &mut errors,
    );
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    // Every path the document names answers.
    for route in doc["paths"].as_object().unwrap().keys() {
        assert!(
            route.starts_with("/v1/")
                || ["/healthz", "/readyz", "/metrics"].contains(&route.as_str())
        );
    }
    let metrics = server.call("GET", "/metrics", &[], b"");
    assert!(
        metrics.text().contains("kz_findings_total{code=\"ident."),
        "{}",
        metrics.text()
    );
}
