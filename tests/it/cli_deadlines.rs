//! The `deadlines --jsonl` and `calendar YEAR` subcommands (native only).

use crate::common::cli::{assert_success, run, stdout};

use kz_eco_rules::sla::deadlines_json;
use kz_eco_rules::Options;

#[test]
fn deadlines_jsonl_answers_every_vector_line_by_line() {
    let vectors = include_str!("../vectors/deadlines.jsonl");
    let queries: Vec<String> = vectors
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["query"].to_string())
        .collect();
    let o = run(&["deadlines", "--jsonl"], &(queries.join("\n") + "\n"));
    assert_success(&o);
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), queries.len());
    for ((line, query), vector) in lines.iter().zip(&queries).zip(vectors.lines()) {
        let got: serde_json::Value = serde_json::from_str(line).unwrap();
        let lib = serde_json::to_value(deadlines_json(query, &Options::default())).unwrap();
        assert_eq!(got, lib, "{query}");
        let expect = &serde_json::from_str::<serde_json::Value>(vector).unwrap()["expect"];
        for key in [
            "registered_on",
            "completeness_due",
            "decision_due",
            "remarks_due",
            "fixes_due",
        ] {
            assert_eq!(got[key], expect[key], "{key}: {query}");
            assert_eq!(
                got[key].is_null(),
                got["basis"][key].is_null(),
                "{key}: {query}"
            );
        }
    }
}

/// JSON beyond the input limits is a query with the limit's finding, as
/// `deadlines(text)` answers it in JavaScript; only a line that is not JSON is an
/// `error` line.
#[test]
fn deadlines_jsonl_answers_json_beyond_the_limits_with_a_finding() {
    let deep = format!("{}{}", "[".repeat(34), "]".repeat(34));
    let long_key = format!("{{\"{}\":1}}", "k".repeat(65_537));
    for (line, code) in [(&deep, "input.too_deep"), (&long_key, "input.key_too_long")] {
        let o = run(&["deadlines", "--jsonl"], format!("{line}\n"));
        assert_eq!(o.status.code(), Some(1));
        let got: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
        let lib = serde_json::to_value(deadlines_json(line, &Options::default())).unwrap();
        assert_eq!(got, lib);
        assert_eq!(got["findings"][0]["code"], code);
    }
}

#[test]
fn deadlines_jsonl_marks_bad_lines_and_exits_one() {
    let input = "{\"edition\": \"almaty_city_2019\", \"service\": \"emission_permit\", \"action\": \"issue\", \"category\": \"II\", \"submitted_at\": \"2019-10-04T17:30:00+06:00\"}\nnot json\n\n{\"edition\": \"almaty_city_2019\"}\n";
    let o = run(&["deadlines", "--jsonl", "--lang", "kk"], input);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["decision_due"], "2019-10-18");
    assert!(lines[1]["error"].is_string());
    assert!(lines[2]["error"].is_string());
    assert_eq!(lines[3]["ok"], false);
    let missing = &lines[3]["findings"][0];
    assert_eq!(missing["params"]["field"], "service", "{missing}");
    assert!(missing["message"]
        .as_str()
        .unwrap()
        .contains("Мемлекеттік қызмет"));
}

#[test]
fn deadlines_takes_the_options_object() {
    let q = "{\"edition\": \"almaty_city_2019\", \"service\": \"emission_permit\", \"action\": \"issue\", \"category\": \"II\", \"submitted_at\": \"2019-10-04T18:10:00+06:00\"}\n";
    let o = run(&["deadlines", "--jsonl"], q);
    assert!(stdout(&o).contains("\"registered_on\":\"2019-10-07\""));
    let o = run(
        &[
            "deadlines",
            "--jsonl",
            "--options",
            r#"{"sla": {"reception_close": "18:30"}}"#,
        ],
        q,
    );
    assert!(stdout(&o).contains("\"registered_on\":\"2019-10-04\""));
    for bad in [
        vec!["deadlines"],
        vec!["deadlines", "--jsonl", "--options", "{\"sla\": 1}"],
        vec!["deadlines", "--jsonl", "--lang", "de"],
    ] {
        assert_eq!(run(&bad, "").status.code(), Some(2), "{bad:?}");
    }
}

#[test]
fn deadlines_jsonl_answers_the_2021_code_with_acceptance_and_remarks_dates() {
    let input = concat!(
        r#"{"edition":"eco_code_2021","service":"environmental_permit","action":"issue","category":"II","submitted_at":"2025-11-04T10:00:00+05:00","accepted_on":"2025-11-05","remarks_sent_on":"2025-11-20"}"#,
        "\n",
        r#"{"edition":"eco_code_2021","service":"ecological_expertise","action":"first","category":"III","submitted_at":"2026-04-07T09:00:00+05:00","accepted_on":"2026-04-08","remarks_sent_on":"2026-04-15"}"#,
        "\n",
        r#"{"region":"almaty_city","service":"environmental_permit","action":"issue","category":"II","submitted_at":"2026-05-12T11:00:00+05:00"}"#,
        "\n",
    );
    let o = run(&["deadlines", "--jsonl"], input);
    assert_success(&o);
    let out = stdout(&o);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    let permit = &lines[0];
    assert_eq!(permit["remarks_due"], "2025-11-26");
    assert_eq!(permit["fixes_due"], "2025-11-27");
    assert_eq!(
        permit["basis"]["remarks_due"],
        "eco_code_2021 art. 123 p. 3"
    );
    assert_eq!(
        permit["basis"]["fixes_due"],
        "eco_code_2021 art. 123 p. 3, 4"
    );
    assert_eq!(permit["findings"], serde_json::json!([]));
    let expertise = &lines[1];
    assert_eq!(expertise["decision_due"], "2026-04-28");
    assert_eq!(expertise["fixes_due"], "2026-04-20");
    assert_eq!(
        expertise["basis"]["fixes_due"],
        "eco_code_2021 art. 89 p. 6 parts 3, 4"
    );
    let by_region = &lines[2];
    assert_eq!(by_region["edition"], "eco_code_2021");
    let assumed: Vec<&str> = by_region["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        assumed,
        ["sla.accepted_on_assumed", "sla.remarks_sent_on_assumed"]
    );
}

#[test]
fn calendar_lists_the_years_days_off_with_reasons() {
    let o = run(&["calendar", "2025"], "");
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.contains("на 2025 год (окончательный)"), "{out}");
    assert!(
        out.contains("24.03.2025 пн  Перенесённый выходной: Наурыз мейрамы (22.03.2025)"),
        "{out}"
    );
    assert!(
        out.contains("06.06.2025 пт  Первый день Курбан айта"),
        "{out}"
    );
    // Each basis cited as a Russian reader cites it, no English left.
    assert!(
        out.contains(
            "ст. 5 Закона РК от 13.12.2001 № 267-II «О праздниках в Республике Казахстан»"
        ),
        "{out}"
    );
    assert!(out.contains("п. 5 ст. 84 Трудового кодекса РК"), "{out}");
    assert!(!out.contains("Law") && !out.contains("Code"), "{out}");
    assert!(out.contains("Рабочих дней: 246"), "{out}");
    let o = run(&["calendar", "2020", "--lang", "en", "--json"], "");
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["status"], "final");
    assert_eq!(v["working_days"], 246);
    let may11 = v["days"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["date"] == "2020-05-11")
        .unwrap();
    assert_eq!(may11["kind"], "transfer_working");
    assert_eq!(may11["day_off"], false);
    assert!(may11["basis"].as_str().unwrap().contains("P1900000820"));
    assert_eq!(may11["basis_text"], "Government Decree No. 820 of 2019");
    let o = run(&["calendar", "2028", "--lang", "kk"], "");
    assert!(stdout(&o).contains("алдын ала"));
    // Kurban Ait's date of a year not announced yet is said to be an estimate.
    assert!(stdout(&o).contains("күні болжамды"), "{}", stdout(&o));
    assert_eq!(run(&["calendar"], "").status.code(), Some(2));
    assert_eq!(run(&["calendar", "MMXXV"], "").status.code(), Some(2));
}
