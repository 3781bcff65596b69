//! The native command line: exit codes, languages, JSON output.

use crate::common::cli::{assert_success, run, stdout};

#[test]
fn check_prints_a_localized_report_and_exits_zero_on_a_good_example() {
    for (lang, ok_line) in [
        ("kk", "Қателер табылған жоқ."),
        ("ru", "Ошибок не обнаружено."),
        ("en", "No errors found."),
    ] {
        let o = run(&["check", "examples/permit_III.json", "--lang", lang], "");
        assert_success(&o);
        assert!(stdout(&o).contains(ok_line), "{lang}: {}", stdout(&o));
    }
}

#[test]
fn check_exits_one_with_errors_and_json_is_valid() {
    let bad = r#"{"service": "emission_permit", "category": "V"}"#;
    let o = run(&["check", "-", "--json", "--lang", "en"], bad);
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
    let o = run(&["check", "-", "--lang", "ru"], bad);
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
    let o = run(&["check", "-"], "{\"service\": ");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("JSON"));
    assert_eq!(
        run(&["check", "no/such/file.json"], "").status.code(),
        Some(2)
    );
    assert_eq!(run(&["check", "--lang", "de"], "").status.code(), Some(2));
    assert_eq!(run(&["frobnicate"], "").status.code(), Some(2));
    assert_eq!(run(&[], "").status.code(), Some(2));
}

#[test]
fn check_without_a_file_uses_the_embedded_example() {
    let o = run(&["check", "--lang", "en"], "");
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("example permit_II"));
    let o = run(&["check", "--example", "expertise_III", "--json"], "");
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["edition"], "almaty_oblast_2012");
}

#[test]
fn documents_jsonl_answers_every_line_in_order() {
    let input = concat!(
        r#"{"region": "almaty_city", "date": "2019-11-04", "service": "emission_permit", "action": "reissue", "category": "III", "channel": "portal"}"#,
        "\n",
        "not json\n",
        r#"{"edition": "almaty_oblast_2012", "service": "ecological_expertise", "action": "first", "category": "IV", "channel": "portal", "facts": {"object_is_project_documentation": true}}"#,
        "\n"
    );
    let o = run(&["documents", "--jsonl", "--lang", "en"], input);
    assert_eq!(o.status.code(), Some(1), "one line could not be answered");
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["edition"], "almaty_city_2019");
    assert_eq!(
        lines[0]["required"],
        serde_json::json!([
            "permit_reissue_application",
            "legal_entity_registration_certificate",
            "taxpayer_certificate"
        ])
    );
    assert_eq!(lines[0]["conditional"], serde_json::json!([]));
    assert_eq!(
        lines[0]["basis"]["taxpayer_certificate"],
        "almaty_city_2019 PR §4, §9.5 → almaty_oblast_2012 PR §11.2.4"
    );
    assert!(lines[1]["error"]
        .as_str()
        .unwrap()
        .contains("not valid JSON"));
    assert_eq!(lines[2]["required"][0], "gee_e_application");
    assert_eq!(
        lines[2]["conditional"][0],
        serde_json::json!({"id": "approval_basin_water_inspection", "fact": "in_water_protection_zone"})
    );
}

#[test]
fn documents_prints_a_localized_checklist() {
    let args = [
        "documents",
        "--edition",
        "almaty_oblast_2012",
        "--service",
        "emission_permit",
        "--action",
        "issue",
        "--category",
        "II",
        "--channel",
        "in_person",
        "--lang",
        "kk",
    ];
    let o = run(&args, "");
    assert_success(&o);
    let out = stdout(&o);
    assert!(
        out.contains("Қажетті құжаттар тізбесі — Алматы облысы, 2012 ж."),
        "{out}"
    );
    assert!(out.contains("II санат"), "{out}");
    assert!(
        out.contains(" 4. [міндетті] Қоғамдық тыңдаулар хаттамасы"),
        "{out}"
    );
    assert!(
        out.contains("негіздеме: almaty_oblast_2012 PR §11.1.1"),
        "{out}"
    );
    assert!(
        out.contains("салыстыру үшін түпнұсқасы ұсынылмаса, нотариат куәландырған көшірме"),
        "{out}"
    );

    let o = run(
        &[
            "documents",
            "--region",
            "almaty_city",
            "--date",
            "2019-12-09",
            "--service",
            "ecological_expertise",
            "--action",
            "first",
            "--category",
            "III",
            "--channel",
            "portal",
            "--fact",
            "object_is_project_documentation=yes",
            "--lang",
            "en",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(
        out.contains(
            "Source of the list: Almaty Region, 2012 (not verified against Order No. 301)"
        ),
        "{out}"
    );
    assert!(out.contains("question: Is the object sited, or the activity carried out, in a water-protection zone?"), "{out}");

    let o = run(
        &[
            "documents",
            "--edition",
            "almaty_city_2019",
            "--service",
            "emission_permit",
            "--action",
            "issue",
            "--category",
            "II",
            "--channel",
            "in_person",
        ],
        "",
    );
    assert_eq!(
        o.status.code(),
        Some(2),
        "no list for a channel the edition lacks"
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("(/channel)"));
    let o = run(&["documents", "--fact", "x"], "");
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn documents_checks_the_venue() {
    let args = |venue: &'static str| {
        [
            "documents",
            "--edition",
            "aktobe_2013",
            "--service",
            "ecological_expertise",
            "--action",
            "first",
            "--category",
            "III",
            "--channel",
            "in_person",
            "--venue",
            venue,
        ]
    };
    // The Aktobe expertise is filed at the provider's office only: a ЦОН is an
    // error (exit 1), the checklist is still printed.
    let o = run(&args("con"), "");
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("(/venue)"), "{err}");
    assert!(stdout(&o).contains("aktobe_2013 GR §7.8"));
    assert_success(&run(&args("provider_office"), ""));
    // In JSON Lines too.
    let o = run(
        &["documents", "--jsonl"],
        r#"{"edition": "aktobe_2013", "service": "ecological_expertise", "action": "first", "category": "III", "channel": "in_person", "venue": "con"}"#,
    );
    assert_eq!(o.status.code(), Some(1));
    let line: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(line["findings"][0]["code"], "documents.venue_not_offered");
}

#[test]
fn a_byte_order_mark_is_accepted_on_every_input() {
    let app = format!("\u{feff}{}", crate::common::example("permit_III"));
    let o = run(&["check", "-"], &app);
    assert_success(&o);
    let path = std::env::temp_dir().join(format!("kz-eco-rules-bom-{}.json", std::process::id()));
    std::fs::write(&path, &app).unwrap();
    let o = run(&["check", path.to_str().unwrap()], "");
    std::fs::remove_file(&path).unwrap();
    assert_success(&o);
    let line = crate::common::example("permit_III").replace('\n', " ");
    let o = run(&["check", "--jsonl"], format!("\u{feff}{line}\n"));
    assert_success(&o);
    let query = r#"{"edition": "aktobe_2013", "service": "emission_permit", "action": "issue", "category": "IV", "channel": "portal"}"#;
    let o = run(&["documents", "--jsonl"], format!("\u{feff}{query}\n"));
    assert_success(&o);
}

#[test]
fn with_json_errors_are_json_on_stdout_with_exit_two() {
    for (args, input) in [
        (&["check", "-", "--json"][..], "{\"service\": "),
        (&["check", "no/such/file.json", "--json"], ""),
        (&["check", "--json", "--lang", "de"], ""),
        (&["check", "--json", "--frobnicate"], ""),
        (&["calendar", "MMXXV", "--json"], ""),
        (
            &[
                "documents",
                "--edition",
                "nope",
                "--service",
                "emission_permit",
                "--json",
            ],
            "",
        ),
    ] {
        let o = run(args, input);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let v: serde_json::Value = serde_json::from_str(stdout(&o).trim())
            .unwrap_or_else(|e| panic!("{args:?}: {e}: {}", stdout(&o)));
        assert!(
            v["error"].as_str().is_some_and(|e| !e.is_empty()),
            "{args:?}: {v}"
        );
    }
}

#[test]
fn check_jsonl_validates_one_application_per_line() {
    let good = crate::common::example("permit_III").replace('\n', " ");
    let bad = r#"{"service": "emission_permit", "category": "V"}"#;
    let deep = format!("{}{}", "[".repeat(34), "]".repeat(34));
    let input = format!("{good}\n{bad}\nnot json\n{deep}\n");
    let o = run(&["check", "--jsonl", "--lang", "en"], &input);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    let options = kz_eco_rules::Options::with_lang(kz_eco_rules::Lang::En);
    for (i, text) in [(0, good.as_str()), (1, bad), (3, deep.as_str())] {
        let lib = serde_json::to_value(kz_eco_rules::validate_json(text, &options)).unwrap();
        assert_eq!(lines[i], lib, "line {i}");
    }
    assert_eq!(lines[0]["ok"], true);
    assert_eq!(lines[1]["ok"], false);
    assert!(lines[2]["error"].is_string());
    assert_eq!(lines[3]["findings"][0]["code"], "input.too_deep");
    let o = run(&["check", "--jsonl"], format!("{good}\n"));
    assert_success(&o);
    assert_eq!(run(&["check", "--jsonl", "-"], "").status.code(), Some(2));
}
