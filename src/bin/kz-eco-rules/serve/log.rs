//! Structured logs: one JSON object per line on standard error, e.g.
//! `{"ts":"2026-12-07T10:00:00.123Z","level":"info","msg":"request","method":"POST",
//! "path":"/v1/applications:validate","status":200,"ms":0.41}`.
//!
//! Bodies are never logged; every text field is masked as it is written, so an
//! ИИН/БИН in a path (`/v1/working-days/871008401427`) is written as
//! `8710********`: identifiers are personal data.
//!
//! A line is formatted where the event happens (into one buffer) and handed to
//! the log thread through a bounded queue; that thread writes through a buffer
//! and flushes when the queue is empty — under load one `write` carries many
//! lines, and none is made on a request's task. When the queue is full (standard
//! error slower than the requests) the line is dropped and counted
//! (`kz_log_lines_dropped_total` in `/metrics`; the log thread also writes how
//! many when it catches up) rather than slowing the answers down.

use std::fmt::Write as _;
use std::io::{BufWriter, Write};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, SyncSender, TrySendError};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use kz_eco_rules::calendar::Date;

/// Lines waiting for the log thread at most (about 2 MB of request lines).
const QUEUE: usize = 8192;

/// A field value.
pub enum Field<'a> {
    /// Text (masked).
    Str(&'a str),
    /// A whole number.
    Int(u64),
    /// Milliseconds with three decimals.
    Ms(f64),
}

/// Writes one log line to standard error (through the log thread).
pub fn event(level: &str, msg: &str, fields: &[(&str, Field<'_>)]) {
    global().event(level, msg, fields);
}

/// Waits (a second at most) until every line logged so far is written: before
/// the process exits.
pub fn flush() {
    global().flush(Duration::from_secs(1));
}

/// Lines dropped so far because the queue was full.
pub fn dropped() -> u64 {
    global().dropped()
}

fn global() -> &'static Log {
    static LOG: OnceLock<Log> = OnceLock::new();
    LOG.get_or_init(|| Log::start(std::io::stderr(), QUEUE))
}

enum Message {
    Line(String),
    /// Write everything queued before, then answer.
    Flush(SyncSender<()>),
}

/// A log writing to a sink on its own thread.
pub struct Log {
    queue: SyncSender<Message>,
    dropped: Arc<AtomicU64>,
}

impl Log {
    /// Starts the log thread writing to `sink`, with room for `capacity` lines
    /// waiting. Should the thread not start, every line is counted as dropped.
    pub fn start(sink: impl Write + Send + 'static, capacity: usize) -> Log {
        let (queue, lines) = mpsc::sync_channel(capacity);
        let dropped = Arc::new(AtomicU64::new(0));
        let counted = dropped.clone();
        let _ = std::thread::Builder::new()
            .name("kz-log".into())
            .spawn(move || write_lines(&lines, sink, &counted));
        Log { queue, dropped }
    }

    /// Queues one line; drops it (and counts it) if the queue is full.
    pub fn event(&self, level: &str, msg: &str, fields: &[(&str, Field<'_>)]) {
        let line = format_line(level, msg, fields);
        if let Err(TrySendError::Full(_) | TrySendError::Disconnected(_)) =
            self.queue.try_send(Message::Line(line))
        {
            self.dropped.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// Waits up to `limit` until the lines queued so far are written.
    pub fn flush(&self, limit: Duration) {
        let deadline = Instant::now() + limit;
        let (done, written) = mpsc::sync_channel(1);
        let mut message = Message::Flush(done);
        loop {
            match self.queue.try_send(message) {
                Ok(()) => break,
                Err(TrySendError::Full(m)) if Instant::now() < deadline => {
                    message = m;
                    std::thread::sleep(Duration::from_millis(1));
                }
                Err(_) => return,
            }
        }
        let _ = written.recv_timeout(deadline.saturating_duration_since(Instant::now()));
    }

    /// Lines dropped so far.
    pub fn dropped(&self) -> u64 {
        self.dropped.load(Ordering::Relaxed)
    }
}

/// The log thread: writes the lines as they come, and when the queue is empty
/// (or asked to flush) says how many were dropped since it last said so, then
/// flushes and pauses. A sink that fails (a closed standard error) does not
/// stop it.
fn write_lines(lines: &Receiver<Message>, sink: impl Write, dropped: &AtomicU64) {
    let mut out = BufWriter::with_capacity(64 << 10, sink);
    let mut reported = 0;
    let mut catch_up = |out: &mut BufWriter<_>| {
        let lost = dropped.load(Ordering::Relaxed);
        if lost > reported {
            let count = Field::Int(lost - reported);
            let line = format_line("warn", "log lines dropped", &[("count", count)]);
            let _ = out.write_all(line.as_bytes());
            reported = lost;
        }
        let _ = out.flush();
    };
    while let Ok(first) = lines.recv() {
        let mut next = Some(first);
        while let Some(message) = next {
            match message {
                Message::Line(line) => {
                    let _ = out.write_all(line.as_bytes());
                }
                Message::Flush(done) => {
                    catch_up(&mut out);
                    let _ = done.send(());
                }
            }
            next = lines.try_recv().ok();
        }
        catch_up(&mut out);
        // Lines gather meanwhile: under load the thread wakes once a pause,
        // not once a line.
        std::thread::sleep(PAUSE);
    }
}

/// How long the log thread lets lines gather after a flush.
const PAUSE: Duration = Duration::from_millis(10);

/// One log line, `\n` included: the time, the level, the message and the
/// fields, texts masked ([`masked`]) and escaped as JSON strings.
fn format_line(level: &str, msg: &str, fields: &[(&str, Field<'_>)]) -> String {
    let mut line = String::with_capacity(192);
    line.push_str("{\"ts\":\"");
    push_timestamp(&mut line);
    line.push_str("\",\"level\":");
    push_text(&mut line, level);
    line.push_str(",\"msg\":");
    push_text(&mut line, msg);
    for (name, value) in fields {
        line.push(',');
        push_text(&mut line, name);
        line.push(':');
        match value {
            Field::Str(s) => push_text(&mut line, s),
            Field::Int(n) => {
                let _ = write!(line, "{n}");
            }
            Field::Ms(ms) => {
                let _ = write!(line, "{ms:.3}");
            }
        }
    }
    line.push_str("}\n");
    line
}

/// `s` masked, as a JSON string (the escapes `serde_json` writes).
fn push_text(out: &mut String, s: &str) {
    out.push('"');
    masked(s, |piece| {
        if piece.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\') {
            out.push_str(piece);
            return;
        }
        for c in piece.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                '\u{8}' => out.push_str("\\b"),
                '\u{c}' => out.push_str("\\f"),
                c if u32::from(c) < 0x20 => {
                    let _ = write!(out, "\\u{:04x}", u32::from(c));
                }
                c => out.push(c),
            }
        }
    });
    out.push('"');
}

/// `s` with the last digits of every run of 12 or more digits replaced by `*`
/// (all but the first four) — the shape of an ИИН/БИН (`871008401427` →
/// `8710********`).
///
/// ```text
/// mask("/v1/working-days/871008401427") == "/v1/working-days/8710********"
/// ```
#[cfg(test)]
pub fn mask(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    masked(s, |piece| out.push_str(piece));
    out
}

/// Calls `piece` with the pieces of `s` masked, in order: runs of non-digits and
/// of fewer than 12 digits as they are, a longer run as its first four digits
/// and a `*` per other digit.
fn masked(s: &str, mut piece: impl FnMut(&str)) {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let digits = bytes[i].is_ascii_digit();
        // An ASCII digit is never part of a longer UTF-8 character, so these
        // are character boundaries.
        while i < bytes.len() && bytes[i].is_ascii_digit() == digits {
            i += 1;
        }
        if digits && i - start >= 12 {
            piece(&s[start..start + 4]);
            for _ in start + 4..i {
                piece("*");
            }
        } else {
            piece(&s[start..i]);
        }
    }
}

/// The current UTC time as `YYYY-MM-DDTHH:MM:SS.mmmZ`.
fn push_timestamp(out: &mut String) {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    let secs = now.as_secs();
    if let Some(day) = Date::from_days((secs / 86_400) as i32) {
        let _ = write!(out, "{day}");
    }
    let t = secs % 86_400;
    let _ = write!(
        out,
        "T{:02}:{:02}:{:02}.{:03}Z",
        t / 3600,
        t / 60 % 60,
        t % 60,
        now.subsec_millis()
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[test]
    fn identifiers_are_masked_and_short_numbers_kept() {
        assert_eq!(
            mask("/v1/working-days/871008401427"),
            "/v1/working-days/8710********"
        );
        assert_eq!(mask("2024-03-01 and 12345"), "2024-03-01 and 12345");
        assert_eq!(mask("ИИН 9501234567890x"), "ИИН 9501*********x");
    }

    #[test]
    fn a_line_is_json_its_texts_masked_and_escaped_as_serde_json_escapes() {
        let odd = "a\"b\\c\n\t\u{1}\u{7f} ЖСН «x» /v1/working-days/871008401427";
        let line = format_line(
            "info",
            "request",
            &[
                ("path", Field::Str(odd)),
                ("status", Field::Int(200)),
                ("ms", Field::Ms(0.41)),
            ],
        );
        assert!(line.ends_with("}\n") && line.matches('\n').count() == 1);
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(v["path"], mask(odd));
        assert!(line.contains(&serde_json::to_string(&mask(odd)).unwrap()));
        assert_eq!(
            (v["level"].as_str(), v["msg"].as_str()),
            (Some("info"), Some("request"))
        );
        assert_eq!(
            (v["status"].as_u64(), v["ms"].as_f64()),
            (Some(200), Some(0.41))
        );
        let ts = v["ts"].as_str().unwrap();
        assert_eq!(ts.len(), 24, "{ts}");
        assert!(ts.ends_with('Z') && ts.as_bytes()[10] == b'T', "{ts}");
    }

    /// A sink whose first write waits until the test opens it.
    struct Gated {
        entered: SyncSender<()>,
        open: Receiver<()>,
        first: bool,
        written: Arc<Mutex<Vec<u8>>>,
    }

    impl Write for Gated {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            if std::mem::take(&mut self.first) {
                let _ = self.entered.send(());
                let _ = self.open.recv();
            }
            self.written.lock().unwrap().extend_from_slice(bytes);
            Ok(bytes.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn lines_come_out_in_order_and_a_full_queue_drops_them_instead_of_waiting() {
        let (entered, entered_rx) = mpsc::sync_channel(1);
        let (open, open_rx) = mpsc::sync_channel(1);
        let written = Arc::new(Mutex::new(Vec::new()));
        let sink = Gated {
            entered,
            open: open_rx,
            first: true,
            written: written.clone(),
        };
        let log = Log::start(sink, 4);
        log.event("info", "first", &[]);
        // The log thread is now stuck writing the first line.
        entered_rx.recv().unwrap();
        let started = Instant::now();
        for i in 0..20 {
            log.event("info", "next", &[("i", Field::Int(i))]);
        }
        assert!(started.elapsed() < Duration::from_secs(1));
        assert_eq!(log.dropped(), 16);
        open.send(()).unwrap();
        log.flush(Duration::from_secs(10));
        let text = String::from_utf8(written.lock().unwrap().clone()).unwrap();
        let lines: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        let msgs: Vec<&str> = lines.iter().map(|l| l["msg"].as_str().unwrap()).collect();
        assert_eq!(
            msgs,
            ["first", "next", "next", "next", "next", "log lines dropped"]
        );
        let kept: Vec<u64> = lines[1..5]
            .iter()
            .map(|l| l["i"].as_u64().unwrap())
            .collect();
        assert_eq!(kept, [0, 1, 2, 3]);
        assert_eq!(lines[5]["count"], 16);
        // Said once: a later flush adds nothing.
        log.flush(Duration::from_secs(10));
        assert_eq!(written.lock().unwrap().len(), text.len());
    }
}
