//! JSON Lines plumbing shared by the batch subcommands (`id`, `documents`,
//! `deadlines`): one output line per input line, in order, buffered.

use std::io::{self, BufRead, BufWriter, Write};

/// Reads `input` line by line and writes, for every line (blank ones included, so
/// line numbers match), what `answer` appends to the line buffer, then `\n`.
/// Returns the number of lines processed. A closed output pipe ends the run quietly.
pub fn run<R, W, F>(input: R, output: W, mut answer: F) -> io::Result<usize>
where
    R: BufRead,
    W: Write,
    F: FnMut(&str, &mut Vec<u8>),
{
    let mut out = BufWriter::with_capacity(1 << 16, output);
    let mut line = Vec::new();
    let mut buf = Vec::with_capacity(256);
    let mut input = input;
    let mut count = 0;
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        let bytes = line.strip_suffix(b"\n").unwrap_or(&line);
        let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
        buf.clear();
        // A line that is not UTF-8 gets an error line of its own, not the end of the run.
        match std::str::from_utf8(bytes) {
            Ok(text) => answer(text, &mut buf),
            Err(e) => error_line(&mut buf, &format!("line is not UTF-8: {e}")),
        }
        buf.push(b'\n');
        if let Err(e) = out.write_all(&buf) {
            return quiet_on_broken_pipe(e, count);
        }
        count += 1;
    }
    match out.flush() {
        Ok(()) => Ok(count),
        Err(e) => quiet_on_broken_pipe(e, count),
    }
}

fn quiet_on_broken_pipe(e: io::Error, count: usize) -> io::Result<usize> {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Ok(count)
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
        let n = run(input, &mut out, |line, buf| {
            buf.extend_from_slice(line.len().to_string().as_bytes())
        })
        .unwrap();
        assert_eq!(n, 4);
        assert_eq!(String::from_utf8(out).unwrap(), "1\n0\n2\n3\n");
    }

    #[test]
    fn a_line_that_is_not_utf8_gets_an_error_line() {
        let input = b"a\n\xff\nb\n" as &[u8];
        let mut out = Vec::new();
        let n = run(input, &mut out, |line, buf| {
            buf.extend_from_slice(line.as_bytes())
        })
        .unwrap();
        assert_eq!(n, 3);
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
