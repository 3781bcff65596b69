//! Emission tables: every check with a passing and a failing case, run natively and
//! in wasm (Node and Chromium) with the same inputs and answers.

use crate::common::{self, assert_params_match, count, edited, example, param, EXAMPLES};
use kz_eco_rules::emissions::{self, CODES};
use kz_eco_rules::findings::Param;
use kz_eco_rules::model::Amount;
use kz_eco_rules::{
    validate_application, validate_json, Application, Lang, Options, Report, Severity,
};
use serde_json::{json, Value};
use wasm_bindgen_test::wasm_bindgen_test;

/// `(code, path)` of the `emissions.*` findings.
fn found(r: &Report) -> Vec<(&'static str, String)> {
    common::found(r, "emissions.")
}

/// The report in English.
fn check(text: &str) -> Report {
    common::check(text, Lang::En)
}

fn has(r: &Report, code: &str, path: &str) -> bool {
    found(r).iter().any(|(c, p)| *c == code && p == path)
}

/// Error-severity `emissions.*` findings (other domains may add their own).
fn emission_errors(r: &Report) -> usize {
    r.findings
        .iter()
        .filter(|f| f.code.starts_with("emissions.") && f.severity == Severity::Error)
        .count()
}

fn dec(s: &str) -> Param {
    Param::Decimal(s.to_owned())
}

/// A category II permit application (Almaty city 2019) with `tables` merged in.
fn app(tables: Value) -> String {
    let mut v = json!({
        "applicant": {"name": "ТОО «Тест»", "kind": "legal_entity", "iin_bin": "081240001238"},
        "service": "emission_permit", "action": "issue", "category": "II", "channel": "portal",
        "region": "almaty_city", "submitted_at": "2019-11-04T10:15:00+06:00",
        "industrial_sites": [site(1), site(2)]
    });
    for (k, val) in tables.as_object().unwrap() {
        v[k] = val.clone();
    }
    v.to_string()
}

fn site(n: u32) -> Value {
    json!({"number": n, "name": "Площадка", "oblast": "город Алматы",
           "latitude": {"deg": "43", "min": "21", "sec": "35.2"},
           "longitude": {"deg": "76", "min": "57", "sec": "48.9"}, "area_ha": "42.5"})
}

/// Normative and requested g/s, t/yr.
fn air(n: [&str; 4]) -> Value {
    json!({"normative": {"g_per_s": n[0], "t_per_year": n[1]},
           "requested": {"g_per_s": n[2], "t_per_year": n[3]}})
}

fn substance(code: &str, name: &str, cols: [&str; 4]) -> Value {
    let mut s = air(cols);
    s["code"] = json!(code);
    s["name"] = json!(name);
    s
}

/// Table 2, one year, one site with two substances; totals exact.
fn air_table(year: i32) -> Value {
    json!({"years": [{
        "year": year,
        "total": air(["1.5", "30.5", "1.4", "28.5"]),
        "sites": [{"site": 1, "subtotal": air(["1.5", "30.5", "1.4", "28.5"]),
            "substances": [
                substance("0301", "Азота диоксид", ["1.0", "20.0", "1.0", "20.0"]),
                substance("0337", "Углерод оксид", ["0.5", "10.5", "0.4", "8.5"])
            ]}]
    }]})
}

#[wasm_bindgen_test(unsupported = test)]
fn every_emitted_finding_has_its_declared_params() {
    // Broken variants of the examples emit many codes; check their params.
    let mut texts: Vec<String> = EXAMPLES.iter().map(|(_, t)| (*t).to_owned()).collect();
    texts.push(edited("permit_II", |v| {
        v["air_emissions"]["years"][0]["total"]["normative"]["t_per_year"] = json!("1,5e3");
        v["air_emissions"]["years"][1]["year"] = json!(2030);
        v["discharges"]["years"][0]["outlets"][0]["substances"][0]["requested"]["mg_per_l"] =
            json!("13");
        v["industrial_sites"][1]["latitude"]["min"] = json!("61");
    }));
    let mut seen = 0;
    for text in &texts {
        let r = check(text);
        seen += assert_params_match(&r, "emissions.");
        for (code, _) in found(&r) {
            assert!(CODES.contains(&code), "{code} not in CODES");
        }
    }
    assert!(seen >= 4);
}

#[wasm_bindgen_test(unsupported = test)]
fn the_examples_pass_without_emission_findings_and_have_summaries() {
    for (name, text) in EXAMPLES {
        let r = check(text);
        assert_eq!(found(&r), [], "{name}");
        let has_tables = name.starts_with("permit") || name.starts_with("environmental_permit");
        assert_eq!(r.summary.is_some(), has_tables, "{name}");
    }
    let r = check(example("permit_II"));
    let s = r.summary.unwrap();
    let total = s
        .get("/air_emissions/years/0/total/normative/t_per_year")
        .unwrap();
    assert_eq!((total.value.as_str(), total.complete), ("188.077", true));
    // mg/l is never summed: no total entry for it.
    assert!(s
        .get("/discharges/years/0/total/normative/mg_per_l")
        .is_none());
    assert_eq!(
        s.get("/discharges/years/0/outlets/0/subtotal/actual/g_per_h")
            .unwrap()
            .value,
        "1590.75"
    );
    // Summary is in the JSON report; absent when there are no tables.
    let json = serde_json::to_value(check(example("permit_IV"))).unwrap();
    assert!(json["summary"]["totals"].is_array());
    let json = serde_json::to_value(check(example("expertise_II"))).unwrap();
    assert!(json.get("summary").is_none());
}

#[wasm_bindgen_test(unsupported = test)]
fn one_wrong_total_cell_is_exactly_one_error_at_its_path_in_three_languages() {
    let path = "/air_emissions/years/0/total/normative/t_per_year";
    let text = edited("permit_II", |v| {
        v["air_emissions"]["years"][0]["total"]["normative"]["t_per_year"] = json!("188.177");
    });
    let want = [
        (
            Lang::Kk,
            "Жиынтық мән (188,177) жолдардың қосындысына тең емес: 188,077 болуы тиіс.",
        ),
        (
            Lang::Ru,
            "Итоговое значение 188,177 не равно сумме строк: должно быть 188,077.",
        ),
        (
            Lang::En,
            "The total 188.177 does not equal the sum of its rows: expected 188.077.",
        ),
    ];
    for (lang, message) in want {
        let r = validate_json(&text, &Options::with_lang(lang));
        let errors: Vec<_> = r
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .collect();
        assert_eq!(errors.len(), 1, "{:#?}", r.findings);
        let f = errors[0];
        assert_eq!((f.code, f.path.as_str()), (emissions::SUM_MISMATCH, path));
        assert_eq!(f.params.get("expected"), Some(&dec("188.077")));
        assert_eq!(f.message, message);
        // Almaty city 2019 has no blank of its own: the Code's refusal ground.
        assert_eq!(
            f.basis.as_ref().unwrap().to_string(),
            "eco_code_2007 art. 77 p. 1 subp. 1"
        );
        assert!(!r.ok);
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn a_wrong_site_row_or_substance_is_reported_once_at_the_site_row() {
    // Wrong site row: reported there, not again at the total.
    let text = edited("permit_II", |v| {
        v["air_emissions"]["years"][1]["sites"][1]["subtotal"]["actual"]["g_per_s"] =
            json!("0.6490");
    });
    let r = check(&text);
    assert_eq!(
        found(&r),
        [(
            emissions::SUM_MISMATCH,
            "/air_emissions/years/1/sites/1/subtotal/actual/g_per_s".to_owned()
        )]
    );
    assert_eq!(
        param(&r, emissions::SUM_MISMATCH, "expected"),
        &dec("0.648")
    );
    // Wrong substance: the site row disagrees with it; the total still agrees
    // with the declared site rows, so it is not reported.
    let text = edited("permit_II", |v| {
        v["air_emissions"]["years"][0]["sites"][0]["substances"][4]["actual"]["t_per_year"] =
            json!("70.2150");
    });
    let r = check(&text);
    assert_eq!(
        found(&r),
        [(
            emissions::SUM_MISMATCH,
            "/air_emissions/years/0/sites/0/subtotal/actual/t_per_year".to_owned()
        )]
    );
    assert_eq!(
        param(&r, emissions::SUM_MISMATCH, "expected"),
        &dec("160.469")
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn rounded_entries_pass_within_the_tolerance_and_fail_beyond_it() {
    let table = |total: &str| {
        json!({"waste": {"years": [{"year": 2020,
            "total": {"normative": total, "requested": total},
            "items": [
                {"name": "А", "code": "1", "normative": "0.3333", "requested": "0.3333"},
                {"name": "Б", "code": "2", "normative": "0.3333", "requested": "0.3333"},
                {"name": "В", "code": "3", "normative": "0.3334", "requested": "0.3334"}]}]}})
    };
    // |T − Σ| ≤ ½·10⁻⁴ (total) + 3 × ½·10⁻⁴ (rows) = 0.0002.
    for ok in ["1", "1.0", "1.0000", "1.0002", "0.9998"] {
        assert_eq!(found(&check(&app(table(ok)))), [], "{ok}");
    }
    for bad in ["1.0003", "0.9997", "1.01"] {
        let r = check(&app(table(bad)));
        assert_eq!(count(&r, emissions::SUM_MISMATCH), 2, "{bad}");
        assert!(has(
            &r,
            emissions::SUM_MISMATCH,
            "/waste/years/0/total/normative"
        ));
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn requested_above_normative_is_a_warning_with_configurable_severity() {
    let ok = check(&app(json!({"air_emissions": air_table(2020)})));
    assert_eq!(found(&ok), []);
    let mut t = air_table(2020);
    t["years"][0]["sites"][0]["substances"][1]["requested"]["t_per_year"] = json!("10.6");
    t["years"][0]["sites"][0]["subtotal"]["requested"]["t_per_year"] = json!("30.6");
    t["years"][0]["total"]["requested"]["t_per_year"] = json!("30.6");
    let text = app(json!({"air_emissions": t}));
    let r = check(&text);
    let path = "/air_emissions/years/0/sites/0/substances/1/requested/t_per_year";
    // Per substance; the site and total rows follow from it and are not repeated.
    assert_eq!(
        found(&r),
        [(emissions::REQUESTED_ABOVE_NORMATIVE, path.to_owned())]
    );
    let f = &r.findings.iter().find(|f| f.path == path).unwrap();
    // No refusal ground names it (art. 77 p. 1 subp. 2 refers to art. 73): a
    // warning citing what the permit contains.
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(
        f.basis.as_ref().unwrap().to_string(),
        "eco_code_2007 art. 70 p. 1 subp. 3"
    );
    assert_eq!(f.params.get("requested"), Some(&dec("10.6")));
    assert_eq!(f.params.get("normative"), Some(&dec("10.5")));
    // The severity is the caller's choice.
    let mut options = Options::with_lang(Lang::En);
    options.severity.0.push((
        emissions::REQUESTED_ABOVE_NORMATIVE.to_owned(),
        Severity::Error,
    ));
    let r = validate_json(&text, &options);
    assert_eq!(
        r.findings.iter().find(|f| f.path == path).unwrap().severity,
        Severity::Error
    );
    // Under the Almaty-oblast regulation too (its PR §16.2 repeats art. 77).
    let mut v: Value = serde_json::from_str(&text).unwrap();
    v["region"] = json!("almaty_oblast");
    v["submitted_at"] = json!("2013-04-15T11:40:00+06:00");
    v["air_emissions"]["years"][0]["year"] = json!(2013);
    let r = check(&v.to_string());
    let f = r.findings.iter().find(|f| f.path == path).unwrap();
    assert_eq!(
        f.basis.as_ref().unwrap().to_string(),
        "eco_code_2007 art. 70 p. 1 subp. 3"
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn site_and_total_rows_are_compared_when_no_substance_rows_cover_them() {
    let t = json!({"years": [{"year": 2020,
        "total": air(["1.0", "20", "1.2", "20"]),
        "sites": [{"site": 1, "subtotal": air(["1.0", "20", "1.1", "20"]), "substances": []}]}]});
    let r = check(&app(json!({"air_emissions": t})));
    assert!(has(
        &r,
        emissions::EMPTY_GROUP,
        "/air_emissions/years/0/sites/0"
    ));
    assert!(has(
        &r,
        emissions::REQUESTED_ABOVE_NORMATIVE,
        "/air_emissions/years/0/sites/0/subtotal/requested/g_per_s"
    ));
    assert!(has(
        &r,
        emissions::REQUESTED_ABOVE_NORMATIVE,
        "/air_emissions/years/0/total/requested/g_per_s"
    ));
}

#[wasm_bindgen_test(unsupported = test)]
fn actual_above_requested_is_a_warning() {
    let text = edited("permit_II", |v| {
        let s = &mut v["air_emissions"]["years"][0]["sites"][1]["substances"][2];
        s["actual"]["g_per_s"] = json!("0.5010");
        v["air_emissions"]["years"][0]["sites"][1]["subtotal"]["actual"]["g_per_s"] =
            json!("0.7020");
        v["air_emissions"]["years"][0]["total"]["actual"]["g_per_s"] = json!("7.7985");
    });
    let r = check(&text);
    let path = "/air_emissions/years/0/sites/1/substances/2/actual/g_per_s";
    assert_eq!(
        found(&r),
        [(emissions::ACTUAL_ABOVE_REQUESTED, path.to_owned())]
    );
    assert_eq!(emission_errors(&r), 0);
}

#[wasm_bindgen_test(unsupported = test)]
fn annual_tonnes_cannot_exceed_a_full_year_at_the_rate_leap_years_included() {
    // 1.2500 g/s all year: 39.42 t (365 d), 39.528 t (366 d).
    let with = |year: i32, t: &str| {
        let mut table = air_table(year);
        let s = &mut table["years"][0]["sites"][0]["substances"][0];
        s["normative"] = json!({"g_per_s": "1.2500", "t_per_year": t});
        s["requested"] = json!({"g_per_s": "1.2500", "t_per_year": t});
        table["years"][0]["sites"][0]
            .as_object_mut()
            .unwrap()
            .remove("subtotal");
        table["years"][0].as_object_mut().unwrap().remove("total");
        check(&app(json!({"air_emissions": table})))
    };
    let path = "/air_emissions/years/0/sites/0/substances/0/normative/t_per_year";
    assert_eq!(found(&with(2021, "39.42")), []);
    let r = with(2021, "39.50");
    assert!(has(&r, emissions::ANNUAL_ABOVE_RATE, path));
    assert_eq!(
        param(&r, emissions::ANNUAL_ABOVE_RATE, "max"),
        &dec("39.42")
    );
    // 2020 is a leap year: 39.50 t is possible.
    assert_eq!(found(&with(2020, "39.50")), []);
    assert!(has(
        &with(2020, "39.54"),
        emissions::ANNUAL_ABOVE_RATE,
        path
    ));
}

fn water(n: [&str; 6]) -> Value {
    json!({"normative": {"mg_per_l": n[0], "g_per_h": n[1], "t_per_year": n[2]},
           "requested": {"mg_per_l": n[3], "g_per_h": n[4], "t_per_year": n[5]}})
}

fn discharge_app(rows: &[(&str, [&str; 6])], region: &str) -> String {
    let substances: Vec<Value> = rows
        .iter()
        .enumerate()
        .map(|(i, (name, cols))| {
            let mut s = water(*cols);
            s["code"] = json!(format!("00{i}"));
            s["name"] = json!(name);
            s
        })
        .collect();
    let mut v: Value = serde_json::from_str(&app(json!({"discharges": {"years": [{"year": 2020,
        "outlets": [{"outlet": 1, "substances": substances}]}]}})))
    .unwrap();
    if region == "almaty_oblast" {
        v["region"] = json!("almaty_oblast");
        v["submitted_at"] = json!("2013-04-15T11:40:00+06:00");
        v["discharges"]["years"][0]["year"] = json!(2013);
    }
    v.to_string()
}

#[wasm_bindgen_test(unsupported = test)]
fn discharges_tonnes_within_a_full_year_at_the_hourly_rate() {
    // 1500 g/h all year: 13.14 t (8 760 h); 13.176 t in 2020 (8 784 h).
    let ok = discharge_app(
        &[("Сульфаты", ["100", "1500", "13.14", "100", "1500", "13.14"])],
        "",
    );
    assert_eq!(found(&check(&ok)), []);
    let bad = discharge_app(
        &[("Сульфаты", ["100", "1500", "13.25", "100", "1500", "13.14"])],
        "",
    );
    let r = check(&bad);
    assert_eq!(
        found(&r),
        [(
            emissions::ANNUAL_ABOVE_RATE,
            "/discharges/years/0/outlets/0/substances/0/normative/t_per_year".to_owned()
        )]
    );
    assert_eq!(
        param(&r, emissions::ANNUAL_ABOVE_RATE, "max"),
        &dec("13.176")
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn water_flows_of_one_outlet_must_agree() {
    // 15 m³/h for both substances (annual volume 131 400 m³).
    let rows = [
        (
            "Взвешенные вещества",
            ["12.5", "187.5", "1.6425", "12.5", "187.5", "1.6425"],
        ),
        (
            "Нефтепродукты",
            ["0.3", "4.5", "0.0394", "0.3", "4.5", "0.0394"],
        ),
    ];
    assert_eq!(found(&check(&discharge_app(&rows, ""))), []);
    // Second substance at 20 m³/h.
    let mut skewed = rows;
    skewed[1].1 = ["0.3", "6.0", "0.0394", "0.3", "4.5", "0.0394"];
    let r = check(&discharge_app(&skewed, ""));
    let path = "/discharges/years/0/outlets/0/substances/1/normative/g_per_h";
    assert_eq!(
        found(&r),
        [(emissions::FLOW_SPREAD_HOURLY, path.to_owned())]
    );
    assert_eq!(param(&r, emissions::FLOW_SPREAD_HOURLY, "flow"), &dec("20"));
    assert_eq!(
        param(&r, emissions::FLOW_SPREAD_HOURLY, "other_flow"),
        &dec("15")
    );
    // Annual tonnes of the second substance halved: reported at the row with the
    // highest implied volume, naming the other.
    let mut skewed = rows;
    skewed[1].1 = ["0.3", "4.5", "0.0394", "0.3", "4.5", "0.0197"];
    let r = check(&discharge_app(&skewed, ""));
    assert_eq!(
        found(&r),
        [(
            emissions::FLOW_SPREAD_ANNUAL,
            "/discharges/years/0/outlets/0/substances/0/requested/t_per_year".to_owned()
        )]
    );
    assert_eq!(
        param(&r, emissions::FLOW_SPREAD_ANNUAL, "flow"),
        &dec("131400")
    );
    assert_eq!(
        param(&r, emissions::FLOW_SPREAD_ANNUAL, "other"),
        &Param::Text("Нефтепродукты".into())
    );
    assert_eq!(
        param(&r, emissions::FLOW_SPREAD_ANNUAL, "other_flow"),
        &dec("65667")
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn a_zero_next_to_a_positive_value_is_a_warning() {
    let rows = [("Сульфаты", ["100", "0", "13.14", "100", "0", "13.14"])];
    let r = check(&discharge_app(&rows, ""));
    let at = |column: &str| format!("/discharges/years/0/outlets/0/substances/0/{column}/g_per_h");
    assert_eq!(
        found(&r),
        [
            (emissions::ZERO_WITH_POSITIVE, at("normative")),
            (emissions::ZERO_WITH_POSITIVE, at("requested")),
        ]
    );
    assert_eq!(emission_errors(&r), 0);
    let rows = [("Сульфаты", ["0", "0", "0", "100", "1500", "13.14"])];
    assert_eq!(
        count(
            &check(&discharge_app(&rows, "")),
            emissions::ZERO_WITH_POSITIVE
        ),
        0
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn grams_per_hour_are_required_only_under_the_almaty_oblast_form() {
    let rows = [("Сульфаты", ["100", "", "13.14", "100", "", "13.14"])];
    assert_eq!(found(&check(&discharge_app(&rows, ""))), []);
    let r = check(&discharge_app(&rows, "almaty_oblast"));
    assert_eq!(
        found(&r),
        [
            (
                emissions::MISSING_VALUE,
                "/discharges/years/0/outlets/0/substances/0/normative/g_per_h".to_owned()
            ),
            (
                emissions::MISSING_VALUE,
                "/discharges/years/0/outlets/0/substances/0/requested/g_per_h".to_owned()
            ),
        ]
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn numbers_as_typed_and_what_is_rejected() {
    let set = |value: Value| {
        let mut t = air_table(2020);
        t["years"][0]["sites"][0]["substances"][1]["normative"]["t_per_year"] = value;
        check(&app(json!({"air_emissions": t})))
    };
    let path = "/air_emissions/years/0/sites/0/substances/1/normative/t_per_year";
    // Accepted spellings of 10.5, also as a JSON number.
    for ok in [
        json!("10,5"),
        json!(" 10.50 "),
        json!(10.5),
        json!("10,500"),
    ] {
        assert_eq!(found(&set(ok.clone())), [], "{ok}");
    }
    for (value, code) in [
        (json!("10,5 т"), emissions::INVALID_NUMBER),
        (json!("1,0,5"), emissions::INVALID_NUMBER),
        (json!("-10.5"), emissions::NEGATIVE_VALUE),
        (json!("1.05e1"), emissions::EXPONENT_NOTATION),
        (json!("10.5000000001"), emissions::TOO_MANY_DECIMALS),
        (json!(0.1 + 0.2), emissions::TOO_MANY_DECIMALS),
        (json!("2 000 000 000"), emissions::TOO_LARGE),
        (json!(""), emissions::MISSING_VALUE),
    ] {
        let r = set(value.clone());
        // One finding for the cell; its site row is then not compared.
        assert_eq!(found(&r), [(code, path.to_owned())], "{value}");
    }
    let r = set(json!("1.05e1"));
    assert_eq!(
        param(&r, emissions::EXPONENT_NOTATION, "plain"),
        &dec("10.5")
    );
    let r = validate_json(
        &app(
            json!({"air_emissions": {"years": [{"year": 2020, "sites": [{"site": 1,
        "substances": [substance("0301", "NO2", ["1.0", "1,5e3", "1", "1"])]}]}]}}),
        ),
        &Options::with_lang(Lang::Ru),
    );
    let f = r
        .findings
        .iter()
        .find(|f| f.code == emissions::EXPONENT_NOTATION)
        .unwrap();
    assert_eq!(
        f.message,
        "Число «1,5e3» записано в экспоненциальной форме. Запишите его полностью: 1500."
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn nan_and_infinity_from_javascript_are_not_numbers() {
    let text = app(json!({"air_emissions": air_table(2020)}));
    for word in ["NaN", "Infinity"] {
        let mut a: Application = serde_json::from_str(&text).unwrap();
        let years = a.air_emissions.as_mut().unwrap().years.as_mut().unwrap();
        let s = &mut years[0].sites.as_mut().unwrap()[0]
            .substances
            .as_mut()
            .unwrap()[0];
        s.requested.as_mut().unwrap().g_per_s = Some(Amount::from(word));
        let r = validate_application(&a, &Options::with_lang(Lang::En));
        assert_eq!(
            found(&r),
            [(
                emissions::INVALID_NUMBER,
                "/air_emissions/years/0/sites/0/substances/0/requested/g_per_s".to_owned()
            )]
        );
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn duplicates_unknown_sites_and_empty_groups() {
    let mut t = air_table(2020);
    assert!(found(&check(&app(json!({"air_emissions": t.clone()})))).is_empty());
    // Same name, different case and spacing: the same substance.
    t["years"][0]["sites"][0]["substances"][1]["name"] = json!("азота  ДИОКСИД");
    t["years"][0]["sites"][0]["substances"][1]["code"] = json!("0301a");
    let r = check(&app(json!({"air_emissions": t.clone()})));
    assert_eq!(
        found(&r),
        [(
            emissions::DUPLICATE_SUBSTANCE,
            "/air_emissions/years/0/sites/0/substances/1".to_owned()
        )]
    );
    assert_eq!(
        param(&r, emissions::DUPLICATE_SUBSTANCE, "first"),
        &Param::Int(1)
    );
    // Same code.
    t["years"][0]["sites"][0]["substances"][1]["name"] = json!("Другое");
    t["years"][0]["sites"][0]["substances"][1]["code"] = json!("0301");
    assert_eq!(
        count(
            &check(&app(json!({"air_emissions": t}))),
            emissions::DUPLICATE_SUBSTANCE
        ),
        1
    );

    let mut t = air_table(2020);
    t["years"][0]["sites"][0]["site"] = json!(7);
    let r = check(&app(json!({"air_emissions": t.clone()})));
    assert_eq!(
        found(&r),
        [(
            emissions::UNKNOWN_SITE,
            "/air_emissions/years/0/sites/0/site".to_owned()
        )]
    );
    assert_eq!(emission_errors(&r), 0);
    let site = t["years"][0]["sites"][0].clone();
    t["years"][0]["sites"] = json!([site.clone(), site]);
    t["years"][0]["sites"][1]["substances"] = json!([]);
    let r = check(&app(json!({"air_emissions": t})));
    assert!(has(
        &r,
        emissions::DUPLICATE_GROUP,
        "/air_emissions/years/0/sites/1/site"
    ));
    assert!(has(
        &r,
        emissions::EMPTY_GROUP,
        "/air_emissions/years/0/sites/1"
    ));

    let text = edited("permit_II", |v| {
        v["industrial_sites"][1]["number"] = json!(1)
    });
    let r = check(&text);
    assert!(has(
        &r,
        emissions::DUPLICATE_SITE,
        "/industrial_sites/1/number"
    ));
}

#[wasm_bindgen_test(unsupported = test)]
fn year_blocks() {
    let years = |ys: &[Value]| {
        let blocks: Vec<Value> = ys
            .iter()
            .map(|y| {
                let mut b = air_table(2020)["years"][0].clone();
                b["year"] = y.clone();
                b
            })
            .collect();
        check(&app(json!({"air_emissions": {"years": blocks}})))
    };
    assert_eq!(
        found(&years(&[
            json!(2020),
            json!(2021),
            json!(2022),
            json!(2023),
            json!(2024)
        ])),
        []
    );
    let r = years(&[json!(2020), json!(2021), json!(2021)]);
    assert_eq!(
        found(&r),
        [(
            emissions::DUPLICATE_YEAR,
            "/air_emissions/years/2/year".to_owned()
        )]
    );
    let r = years(&[json!(2020), json!(2022)]);
    assert_eq!(
        found(&r),
        [(
            emissions::YEARS_NOT_CONSECUTIVE,
            "/air_emissions/years/1/year".to_owned()
        )]
    );
    let r = years(&[json!(1999)]);
    assert_eq!(
        found(&r),
        [(
            emissions::YEAR_OUT_OF_RANGE,
            "/air_emissions/years/0/year".to_owned()
        )]
    );
    let r = years(&[json!(2018), json!(2019)]);
    assert_eq!(
        found(&r),
        [(
            emissions::YEAR_BEFORE_SUBMISSION,
            "/air_emissions/years/0/year".to_owned()
        )]
    );
    let six: Vec<Value> = (2020..2026).map(|y| json!(y)).collect();
    let r = years(&six);
    assert_eq!(
        found(&r),
        [(emissions::TOO_MANY_YEARS, "/air_emissions/years".to_owned())]
    );
    assert_eq!(
        r.findings
            .iter()
            .find(|f| f.code == emissions::TOO_MANY_YEARS)
            .unwrap()
            .basis
            .as_ref()
            .unwrap()
            .to_string(),
        "eco_code_2007 art. 76"
    );
    // Category IV permits have no time limit from 28.04.2016.
    let mut v: Value = serde_json::from_str(&app(json!({}))).unwrap();
    v["category"] = json!("IV");
    let blocks: Vec<Value> = six
        .iter()
        .map(|y| {
            let mut b = air_table(2020)["years"][0].clone();
            b["year"] = y.clone();
            b
        })
        .collect();
    v["air_emissions"] = json!({"years": blocks});
    assert_eq!(found(&check(&v.to_string())), []);
}

#[wasm_bindgen_test(unsupported = test)]
fn coordinates_and_area() {
    let with = |field: &str, part: &str, value: &str| {
        edited("permit_II", |v| {
            if part.is_empty() {
                v["industrial_sites"][0][field] = json!(value);
            } else {
                v["industrial_sites"][0][field][part] = json!(value);
            }
        })
    };
    assert_eq!(found(&check(&with("latitude", "sec", "59.999"))), []);
    for (field, part, value, code) in [
        ("latitude", "min", "60", emissions::COORDINATE_OUT_OF_RANGE),
        ("latitude", "sec", "60", emissions::COORDINATE_OUT_OF_RANGE),
        (
            "longitude",
            "deg",
            "180",
            emissions::COORDINATE_OUT_OF_RANGE,
        ),
        ("latitude", "deg", "43.5", emissions::NOT_WHOLE),
        ("longitude", "min", "1,5", emissions::NOT_WHOLE),
        ("latitude", "deg", "-43", emissions::NEGATIVE_VALUE),
        ("area_ha", "", "0", emissions::AREA_NOT_POSITIVE),
        ("area_ha", "", "", emissions::MISSING_VALUE),
    ] {
        let r = check(&with(field, part, value));
        let path = if part.is_empty() {
            format!("/industrial_sites/0/{field}")
        } else {
            format!("/industrial_sites/0/{field}/{part}")
        };
        assert_eq!(found(&r), [(code, path)], "{field} {part} {value}");
    }
    let r = check(&with("latitude", "deg", "38"));
    assert_eq!(
        found(&r),
        [(
            emissions::OUTSIDE_KAZAKHSTAN,
            "/industrial_sites/0/latitude".to_owned()
        )]
    );
    assert_eq!(
        param(&r, emissions::OUTSIDE_KAZAKHSTAN, "value"),
        &dec("38.3598")
    );
    assert_eq!(emission_errors(&r), 0);
}

#[wasm_bindgen_test(unsupported = test)]
fn which_tables_are_required_depends_on_the_category() {
    let base = |category: &str, tables: Value| {
        let mut v: Value = serde_json::from_str(&app(tables)).unwrap();
        v["category"] = json!(category);
        v.as_object_mut().unwrap().remove("industrial_sites");
        check(&v.to_string())
    };
    assert_eq!(
        found(&base("II", json!({}))),
        [(emissions::NO_LIMITS_REQUESTED, String::new())]
    );
    assert_eq!(
        found(&base("III", json!({}))),
        [(emissions::NO_LIMITS_REQUESTED, String::new())]
    );
    // Category IV: the seeds ask only for the application and the justified standards.
    assert_eq!(found(&base("IV", json!({}))), []);
    // Table 2 without table 1.
    let r = base("II", json!({"air_emissions": air_table(2020)}));
    assert_eq!(
        found(&r),
        [(emissions::MISSING_VALUE, "/industrial_sites".to_owned())]
    );
    assert_eq!(
        found(&base("IV", json!({"air_emissions": air_table(2020)}))),
        []
    );
    // Waste rows carry a code.
    let r = base(
        "II",
        json!({"sulfur": {"years": [{"year": 2020, "items": [{"name": "Сера", "normative": "1", "requested": "1"}]}]},
        "waste": {"years": [{"year": 2020, "items": [{"name": "Зола", "normative": "1", "requested": "1"}]}]}}),
    );
    assert_eq!(
        found(&r),
        [(
            emissions::MISSING_VALUE,
            "/waste/years/0/items/0/code".to_owned()
        )]
    );
}

fn permit(p: Value) -> Report {
    let mut v: Value =
        serde_json::from_str(&app(json!({"air_emissions": air_table(2020)}))).unwrap();
    v["permit"] = p;
    check(&v.to_string())
}

fn air_limits(year: i32, total: &str) -> Value {
    json!({"year": year, "total": {"g_per_s": "1.5", "t_per_year": total},
        "sites": [{"site": 1, "subtotal": {"g_per_s": "1.5", "t_per_year": "30.5"}, "substances": [
            {"code": "0301", "name": "Азота диоксид", "limit": {"g_per_s": "1.0", "t_per_year": "20.0"}},
            {"code": "0337", "name": "Углерод оксид", "limit": {"g_per_s": "0.5", "t_per_year": "10.5"}}]}]})
}

#[wasm_bindgen_test(unsupported = test)]
fn permit_conditions_restate_their_appendix_totals() {
    let good = json!({"valid_from_year": 2020, "valid_to_year": 2021,
        "conditions": {"air": [{"year": 2020, "tonnes": "30.5"}, {"year": 2021, "tonnes": "30,5"}]},
        "air_limits": {"years": [air_limits(2020, "30.5"), air_limits(2021, "30.5")]}});
    let r = permit(good.clone());
    assert_eq!(found(&r), []);
    let s = r.summary.unwrap();
    assert_eq!(
        s.get("/permit/conditions/air/1/tonnes").unwrap().value,
        "30.5"
    );
    assert_eq!(
        s.get("/permit/air_limits/years/0/total/t_per_year")
            .unwrap()
            .value,
        "30.5"
    );

    let mut p = good.clone();
    // "31" may be 30.5 rounded; "30.7" cannot.
    p["conditions"]["air"][1]["tonnes"] = json!("31");
    assert_eq!(found(&permit(p.clone())), []);
    p["conditions"]["air"][1]["tonnes"] = json!("30.7");
    let r = permit(p);
    assert_eq!(
        found(&r),
        [(
            emissions::CONDITION_MISMATCH,
            "/permit/conditions/air/1/tonnes".to_owned()
        )]
    );
    assert_eq!(
        param(&r, emissions::CONDITION_MISMATCH, "expected"),
        &dec("30.5")
    );
    // A wrong appendix total is reported there, not again at the condition.
    let mut p = good.clone();
    p["air_limits"]["years"][1]["total"]["t_per_year"] = json!("30.9");
    assert_eq!(
        found(&permit(p)),
        [(
            emissions::SUM_MISMATCH,
            "/permit/air_limits/years/1/total/t_per_year".to_owned()
        )]
    );

    let mut p = good.clone();
    p["conditions"]["air"][1]["year"] = json!(2022);
    p["valid_to_year"] = json!(2022);
    let r = permit(p);
    assert!(has(
        &r,
        emissions::CONDITION_WITHOUT_APPENDIX,
        "/permit/conditions/air/1/year"
    ));
    assert!(has(
        &r,
        emissions::YEARS_NOT_CONSECUTIVE,
        "/permit/conditions/air/1/year"
    ));
}

#[wasm_bindgen_test(unsupported = test)]
fn permit_validity() {
    let base = json!({"valid_from_year": 2020, "valid_to_year": 2024});
    assert_eq!(found(&permit(base.clone())), []);
    let mut p = base.clone();
    p["valid_to_year"] = json!(2025);
    assert_eq!(
        found(&permit(p)),
        [(
            emissions::PERMIT_TOO_LONG,
            "/permit/valid_to_year".to_owned()
        )]
    );
    let mut p = base.clone();
    p["valid_to_year"] = json!(2019);
    assert_eq!(
        found(&permit(p)),
        [(
            emissions::VALIDITY_REVERSED,
            "/permit/valid_to_year".to_owned()
        )]
    );
    let mut p = base.clone();
    p["air_limits"] = json!({"years": [air_limits(2025, "30.5")]});
    assert_eq!(
        found(&permit(p)),
        [(
            emissions::YEAR_OUTSIDE_VALIDITY,
            "/permit/air_limits/years/0/year".to_owned()
        )]
    );
    let mut p = base;
    let six: Vec<Value> = (2020..2026).map(|y| air_limits(y, "30.5")).collect();
    p["air_limits"] = json!({"years": six});
    p["valid_to_year"] = json!(2025);
    let r = permit(p);
    assert!(has(
        &r,
        emissions::PERMIT_TOO_LONG,
        "/permit/air_limits/years"
    ));
    assert!(has(&r, emissions::PERMIT_TOO_LONG, "/permit/valid_to_year"));
}

#[wasm_bindgen_test(unsupported = test)]
fn input_limits_give_findings() {
    // 100 000 rows are checked; 100 001 give one finding and the table is skipped.
    let mut a: Application =
        serde_json::from_str(&app(json!({"air_emissions": air_table(2020)}))).unwrap();
    let years = a.air_emissions.as_mut().unwrap().years.as_mut().unwrap();
    let subs = years[0].sites.as_mut().unwrap()[0]
        .substances
        .as_mut()
        .unwrap();
    let row = subs[0].clone();
    subs.resize(emissions::MAX_TABLE_ROWS, row.clone());
    let r = validate_application(&a, &Options::with_lang(Lang::En));
    assert_eq!(count(&r, emissions::TOO_MANY_ROWS), 0);
    let years = a.air_emissions.as_mut().unwrap().years.as_mut().unwrap();
    years[0].sites.as_mut().unwrap()[0]
        .substances
        .as_mut()
        .unwrap()
        .push(row);
    let r = validate_application(&a, &Options::with_lang(Lang::En));
    assert_eq!(
        found(&r),
        [(emissions::TOO_MANY_ROWS, "/air_emissions".to_owned())]
    );
    // A substance name beyond the limit.
    let mut t = air_table(2020);
    // Characters, not bytes: 500 Cyrillic letters (1 000 bytes) are within it.
    t["years"][0]["sites"][0]["substances"][0]["name"] = json!("я".repeat(emissions::MAX_NAME_LEN));
    assert!(found(&check(&app(json!({"air_emissions": t.clone()})))).is_empty());
    t["years"][0]["sites"][0]["substances"][0]["name"] =
        json!("я".repeat(emissions::MAX_NAME_LEN + 1));
    let r = check(&app(json!({"air_emissions": t})));
    assert_eq!(
        found(&r),
        [(
            emissions::TEXT_TOO_LONG,
            "/air_emissions/years/0/sites/0/substances/0/name".to_owned()
        )]
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn hostile_tables_give_findings_not_panics() {
    let r = check(&app(
        json!({"air_emissions": {"years": [{"year": 2020, "total": {"normative": {"t_per_year": "1000000000"}},
        "sites": [{"site": 1, "substances": [
            substance("1", "a", ["1000000000", "1000000000", "1000000000", "1000000000"]),
            substance("2", "b", ["1000000000", "1000000000", "1000000000", "1000000000"]),
            substance("3", "c", ["0.000000001", "1000000000", "0.000000001", "1000000000"])]}]}]}}),
    ));
    assert!(has(
        &r,
        emissions::SUM_MISMATCH,
        "/air_emissions/years/0/total/normative/t_per_year"
    ));
    assert!(has(
        &r,
        emissions::ANNUAL_ABOVE_RATE,
        "/air_emissions/years/0/sites/0/substances/2/normative/t_per_year"
    ));
    assert_eq!(
        param(&r, emissions::SUM_MISMATCH, "expected"),
        &dec("3000000000")
    );
    // Wrong shapes inside tables are input findings, not missing values.
    let r = check(&app(
        json!({"air_emissions": {"years": [{"year": 2020, "sites": [{"site": 1,
        "substances": ["x", {"name": "b", "normative": true, "requested": {"g_per_s": [], "t_per_year": "1"}}]}]}]}}),
    ));
    assert!(
        found(&r)
            .iter()
            .all(|(c, _)| *c != emissions::MISSING_VALUE),
        "{:?}",
        found(&r)
    );
}
