//! The `id` command: JSON Lines in and out (the same vectors as the library
//! tests), readable lines, exit codes.

use crate::common::cli::{assert_success, run, stdout};

#[test]
fn jsonl_answers_every_vector_line_in_order() {
    let vectors: Vec<serde_json::Value> = include_str!("../vectors/ident.jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .filter(|v: &serde_json::Value| v["as"] == "auto")
        .collect();
    let input: String = vectors
        .iter()
        .map(|v| format!("{}\n", v["value"]))
        .collect();
    let o = run(&["id", "--jsonl"], input.as_bytes());
    assert_success(&o);
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), vectors.len());
    for (line, v) in lines.iter().zip(&vectors) {
        let got: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(got, v["expect"], "{}", v["value"]);
    }
    // Keys in the documented order.
    assert!(lines[0].starts_with(r#"{"input":"#) && lines[0].contains(r#","valid":"#));
}

#[test]
fn jsonl_keeps_going_past_lines_that_are_not_json_or_not_utf8() {
    let o = run(
        &["id", "--jsonl"],
        b"\"871008401427\"\n871008401427x\n\xff\xfe\n\n\"940140000385\"",
    );
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5);
    assert_eq!(lines[0]["kind"], "iin");
    assert!(
        lines[1]["error"].is_string()
            && lines[2]["error"].is_string()
            && lines[3]["error"].is_string()
    );
    assert_eq!(lines[4]["fields"]["registered"], "1994-01");
}

#[test]
fn readable_lines_and_exit_codes() {
    let o = run(&["id", "871008401427", "950341000052", "--lang", "en"], b"");
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert_eq!(
        out,
        "871008401427  valid IIN: born 1987-10-08, female, century XX.\n\
         950341000052  valid BIN: registered 1995-03; resident legal entity; branch.\n"
    );
    let o = run(&["id", "871008401427", "８７１００８４０１４２７"], b"");
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.lines()
            .nth(1)
            .unwrap()
            .contains("неверный: «８» (позиция 1)"),
        "{out}"
    );
    for args in [
        &["id"][..],
        &["id", "--jsonl", "871008401427"],
        &["id", "--lang", "de", "1"],
    ] {
        assert_eq!(run(args, b"").status.code(), Some(2), "{args:?}");
    }
}
