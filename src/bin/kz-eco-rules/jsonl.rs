//! JSON Lines plumbing shared by the batch subcommands (`check`, `id`,
//! `documents`, `deadlines`): one output line per input line, in order, buffered,
//! and one rule for their exit status.
//!
//! A line is answered with `{"error": …}` only when it is not JSON text (or not
//! UTF-8); JSON beyond the input limits gets the answer with the limit's finding,
//! as the library and the JavaScript package give it.

use std::io::{self, BufRead, BufWriter, Write};

use crate::ExitCode;

/// Reads `input` line by line and writes, for every line (blank ones included, so
/// line numbers match), what `answer` appends to the line buffer, then `\n`.
/// `answer` returns whether the line was fine (no error). A UTF-8 byte order mark
/// at the start of the input is skipped. Returns whether every line was fine. A
/// closed output pipe ends the run quietly.
pub fn run<R, W, F>(input: R, output: W, mut answer: F) -> io::Result<bool>
where
    R: BufRead,
    W: Write,
    F: FnMut(&str, &mut Vec<u8>) -> bool,
{
    let mut out = BufWriter::with_capacity(1 << 16, output);
    let mut line = Vec::new();
    let mut buf = Vec::with_capacity(256);
    let mut input = input;
    let mut first = true;
    let mut all_fine = true;
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        let mut bytes = line.strip_suffix(b"\n").unwrap_or(&line);
        bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
        if std::mem::take(&mut first) {
            bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
        }
        buf.clear();
        // A line that is not UTF-8 gets an error line of its own, not the end of the run.
        all_fine &= match std::str::from_utf8(bytes) {
            Ok(text) => answer(text, &mut buf),
            Err(e) => {
                error_line(&mut buf, &format!("line is not UTF-8: {e}"));
                false
            }
        };
        buf.push(b'\n');
        if let Err(e) = out.write_all(&buf) {
            return quiet_on_broken_pipe(e, all_fine);
        }
    }
    match out.flush() {
        Ok(()) => Ok(all_fine),
        Err(e) => quiet_on_broken_pipe(e, all_fine),
    }
}

/// The UTF-8 byte order mark, which some editors put at the start of a file.
pub const BOM: &[u8] = "\u{feff}".as_bytes();

/// The exit status of a batch run: 0 when every line was fine, 1 when some line
/// has errors (an `error` line, or an answer with an error finding or an invalid
/// number), 2 when the input could not be read.
pub fn exit(result: io::Result<bool>) -> ExitCode {
    match result {
        Ok(true) => ExitCode::Ok,
        Ok(false) => ExitCode::Findings,
        Err(e) => {
            eprintln!("kz-eco-rules: cannot read standard input: {e}");
            ExitCode::Usage
        }
    }
}

fn quiet_on_broken_pipe(e: io::Error, all_fine: bool) -> io::Result<bool> {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Ok(all_fine)
    } else {
        Err(e)
    }
}

/// Appends `{"error": "<message>"}` — the answer to a line that could not be read.
pub fn error_line(buf: &mut Vec<u8>, message: &str) {
    buf.extend_from_slice(br#"{"error":"#);
    // Serializing a &str into a Vec cannot fail.
    let _ = serde_json::to_writer(&mut *buf, message);
    buf.push(b'}');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_answer_per_line_including_blank_ones() {
        let input = b"a\n\nbb\r\nccc" as &[u8];
        let mut out = Vec::new();
        let mut n = 0;
        let fine = run(input, &mut out, |line, buf| {
            n += 1;
            buf.extend_from_slice(line.len().to_string().as_bytes());
            true
        })
        .unwrap();
        assert_eq!((n, fine), (4, true));
        assert_eq!(String::from_utf8(out).unwrap(), "1\n0\n2\n3\n");
    }

    #[test]
    fn a_byte_order_mark_is_skipped_at_the_start_only() {
        let input = b"\xef\xbb\xbfab\n\xef\xbb\xbfab\n" as &[u8];
        let mut out = Vec::new();
        let fine = run(input, &mut out, |line, buf| {
            buf.extend_from_slice(line.len().to_string().as_bytes());
            line == "ab"
        })
        .unwrap();
        assert!(!fine);
        assert_eq!(String::from_utf8(out).unwrap(), "2\n5\n");
    }

    #[test]
    fn a_line_that_is_not_utf8_gets_an_error_line() {
        let input = b"a\n\xff\nb\n" as &[u8];
        let mut out = Vec::new();
        let fine = run(input, &mut out, |line, buf| {
            buf.extend_from_slice(line.as_bytes());
            true
        })
        .unwrap();
        assert!(!fine);
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!((lines[0], lines[2]), ("a", "b"));
        assert!(
            lines[1].starts_with(r#"{"error":"line is not UTF-8"#),
            "{}",
            lines[1]
        );
    }

    #[test]
    fn error_lines_are_json() {
        let mut buf = Vec::new();
        error_line(&mut buf, "bad \"line\"");
        let v: serde_json::Value = serde_json::from_slice(&buf).unwrap();
        assert_eq!(v["error"], "bad \"line\"");
    }
}
