//! Runs the built `kz-eco-rules` command for the CLI tests (native only).
#![allow(dead_code)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `kz-eco-rules ARGS` in the crate root with `stdin` piped in (then closed).
pub fn run(args: &[&str], stdin: impl AsRef<[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kz-eco-rules"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the kz-eco-rules binary runs");
    let mut pipe = child.stdin.take().expect("stdin is piped");
    // Written from another thread: a command that answers line by line fills its
    // output pipe before a large input is all written.
    let input = stdin.as_ref().to_vec();
    let writer = std::thread::spawn(move || {
        // A command that exits before reading all of stdin closes the pipe: not an error here.
        let _ = pipe.write_all(&input);
    });
    let output = child.wait_with_output().expect("the command finishes");
    writer.join().expect("the input is written");
    output
}

/// The command's standard output as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

/// Asserts that the command exited with 0, showing its stderr if not.
pub fn assert_success(o: &Output) {
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}
