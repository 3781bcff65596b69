//! The native command line: exit codes, languages, JSON output.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kz-eco-rules"));
    cmd.args(args).current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let mut pipe = child.stdin.take().unwrap();
    if let Some(text) = stdin {
        pipe.write_all(text.as_bytes()).unwrap();
    }
    drop(pipe);
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn check_prints_a_localized_report_and_exits_zero_on_a_good_example() {
    for (lang, ok_line) in [
        ("kk", "Қателер табылған жоқ."),
        ("ru", "Ошибок не обнаружено."),
        ("en", "No errors found."),
    ] {
        let o = run(&["check", "examples/permit_III.json", "--lang", lang], None);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(stdout(&o).contains(ok_line), "{lang}: {}", stdout(&o));
    }
}

#[test]
fn check_exits_one_with_errors_and_json_is_valid() {
    let bad = r#"{"service": "emission_permit", "category": "V"}"#;
    let o = run(&["check", "-", "--json", "--lang", "en"], Some(bad));
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["ok"], false);
    assert!(v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["path"] == "/category"));
}

#[test]
fn text_report_shows_severity_path_code_and_message() {
    let bad = r#"{"service": "emission_permit", "category": "V"}"#;
    let o = run(&["check", "-", "--lang", "ru"], Some(bad));
    let text = stdout(&o);
    assert!(
        text.contains("ОШИБКА  /category  [input.unknown_value]"),
        "{text}"
    );
    assert!(text.contains("Недопустимое значение «V»"), "{text}");
    assert!(text.contains("Ошибок: "), "{text}");
}

#[test]
fn malformed_or_missing_input_and_bad_usage_exit_two() {
    let o = run(&["check", "-"], Some("{\"service\": "));
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("JSON"));
    assert_eq!(
        run(&["check", "no/such/file.json"], None).status.code(),
        Some(2)
    );
    assert_eq!(run(&["check", "--lang", "de"], None).status.code(), Some(2));
    assert_eq!(run(&["frobnicate"], None).status.code(), Some(2));
    assert_eq!(run(&[], None).status.code(), Some(2));
}

#[test]
fn check_without_a_file_uses_the_embedded_example() {
    let o = run(&["check", "--lang", "en"], None);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("example permit_II"));
    let o = run(&["check", "--example", "expertise_III", "--json"], None);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["edition"], "almaty_oblast_2012");
}
