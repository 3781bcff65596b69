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
    // Some vectors are invalid numbers: exit 1, as `id VALUE…`.
    assert_eq!(o.status.code(), Some(1));
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
    assert_eq!(o.status.code(), Some(1));
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
fn jsonl_exits_zero_only_when_every_line_is_a_valid_number() {
    // A byte order mark at the start of the input is skipped.
    let o = run(
        &["id", "--jsonl"],
        "\u{feff}\"871008401427\"\n\"940140000385\"\n",
    );
    assert_success(&o);
    assert_eq!(stdout(&o).lines().count(), 2);
    let o = run(&["id", "--jsonl"], "\"871008401427\"\n\"871008401428\"\n");
    assert_eq!(o.status.code(), Some(1));
}

/// The answers of `validateIdentifier` for what the five classes of sameness
/// holes were about: a lone surrogate is U+FFFD, a string beyond the limits is
/// `""` (checked before the characters), JSON beyond the limits is a value that
/// is not a string (not an error line).
#[test]
fn jsonl_lines_beyond_the_limits_are_answers_not_errors() {
    let long_with_surrogate = format!("\"{}\\ud800\"", "1".repeat(65_535));
    let long = format!("\"{}\"", "1".repeat(65_537));
    let deep = format!("{}{}", "[".repeat(34), "]".repeat(34));
    let long_key = format!("{{\"{}\":1}}", "k".repeat(65_537));
    let input = [
        r#""\ud800""#,
        &long_with_surrogate,
        &long,
        &deep,
        &long_key,
        "[[[",
    ]
    .join("\n");
    let o = run(&["id", "--jsonl"], input);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let got: Vec<(&str, &str)> = lines
        .iter()
        .map(|l| {
            (
                l["input"].as_str().unwrap_or("-"),
                l["code"].as_str().unwrap_or("-"),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("\u{fffd}", "ident.non_digit"),
            ("", "ident.wrong_length"),
            ("", "ident.wrong_length"),
            ("array", "ident.not_a_string"),
            ("object", "ident.not_a_string"),
            ("-", "-"),
        ]
    );
    assert!(lines[5]["error"].is_string());
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
