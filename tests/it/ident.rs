//! ИИН/БИН: the vectors of `tests/vectors/ident.jsonl` (peers' test numbers, 270
//! real БИН, hand-made edge cases; expected answers from the independent reference
//! in `scripts/gen-ident-vectors.py`), natively and in wasm (Node and Chromium);
//! property tests natively.

use kz_eco_rules::findings::catalog;
use kz_eco_rules::ident::{
    is_valid_identifier, parse_bin, parse_identifier, parse_iin, Reason, Verdict, CODES,
};
use kz_eco_rules::input::{Limits, Value};
use wasm_bindgen_test::wasm_bindgen_test;

const VECTORS: &str = include_str!("../vectors/ident.jsonl");

/// The declared parameter names of `reason`'s catalog entry equal the finding's.
fn assert_params_declared(reason: &Reason) {
    let f = reason.to_finding("/x");
    let entry = catalog::entry(f.code).unwrap_or_else(|| panic!("no catalog entry {}", f.code));
    let names: Vec<&str> = f.params.0.iter().map(|(n, _)| *n).collect();
    assert_eq!(names, entry.params, "{}", f.code);
    assert!(CODES.contains(&f.code), "{} not in CODES", f.code);
}

#[wasm_bindgen_test(unsupported = test)]
fn vectors_give_the_expected_answers() {
    let mut counts = [0usize; 3];
    for line in VECTORS.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let (value, expect) = (&v["value"], &v["expect"]);
        let source = v["source"].as_str().unwrap_or("");
        match v["as"].as_str().unwrap() {
            "auto" => {
                let text = value.to_string();
                let tree = Value::from_json_str(&text, &Limits::default()).unwrap();
                let got = serde_json::to_value(Verdict::of_value(&tree)).unwrap();
                assert_eq!(&got, expect, "{value} ({source})");
                if let Some(text) = value.as_str() {
                    let by_text = serde_json::to_value(Verdict::of_text(text)).unwrap();
                    assert_eq!(by_text, got);
                    let parsed = parse_identifier(text);
                    assert_eq!(is_valid_identifier(text), parsed.is_ok(), "{text:?}");
                    if let Err(reason) = parsed {
                        assert_params_declared(&reason);
                    }
                }
                counts[0] += 1;
            }
            mode @ ("iin" | "bin") => {
                let text = value.as_str().unwrap();
                let got = if mode == "iin" {
                    parse_iin(text).map(|_| ())
                } else {
                    parse_bin(text).map(|_| ())
                };
                assert_eq!(
                    got.is_ok(),
                    expect["valid"],
                    "{text:?} as {mode} ({source})"
                );
                if let Err(reason) = got {
                    assert_eq!(
                        reason.code(),
                        expect["code"],
                        "{text:?} as {mode} ({source})"
                    );
                    assert_params_declared(&reason);
                }
                counts[if mode == "iin" { 1 } else { 2 }] += 1;
            }
            other => panic!("unknown mode {other}"),
        }
    }
    assert!(
        counts[0] > 600 && counts[1] > 50 && counts[2] > 250,
        "{counts:?}"
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn real_bins_are_accepted() {
    let real: Vec<&str> = VECTORS
        .lines()
        .filter(|l| l.contains("python-stdnum PR 322 real BIN\""))
        .collect();
    assert_eq!(real.len(), 270);
    for line in real {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = v["value"].as_str().unwrap();
        assert!(parse_bin(text).is_ok(), "{text}");
        assert!(parse_iin(text).is_err(), "{text}");
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn kazakh_messages_say_zhsn_and_bsn() {
    for code in CODES {
        let entry = catalog::entry(code).unwrap_or_else(|| panic!("{code}"));
        assert!(
            !entry.text.get(kz_eco_rules::Lang::Kk).contains("ИИН")
                && !entry.text.get(kz_eco_rules::Lang::Kk).contains("БИН"),
            "{code}: kk uses ЖСН/БСН"
        );
        assert!(
            !entry.text.get(kz_eco_rules::Lang::Kk).contains("ЖИН")
                && !entry.text.get(kz_eco_rules::Lang::Kk).contains("БЖН"),
            "{code}: kk uses ЖСН/БСН"
        );
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn reasons_render_their_parameters() {
    use kz_eco_rules::findings::{Findings, SeverityOverrides};
    use kz_eco_rules::Lang;
    use kz_eco_rules::Report;
    let mut findings = Findings::default();
    for text in [
        "871008401420",
        "٨٧١٠٠٨٤٠١٤٢٧",
        "8710 0840 1427",
        "871308401427",
    ] {
        findings.push(parse_identifier(text).unwrap_err().to_finding("/x"));
    }
    let ru = Report::build(findings.clone(), Lang::Ru, &SeverityOverrides::default());
    let msgs: Vec<&str> = ru.findings.iter().map(|f| f.message.as_str()).collect();
    assert!(msgs[0].contains("должна быть 7, указана 0"), "{}", msgs[0]);
    assert!(msgs[1].contains("«٨» (позиция 1)"), "{}", msgs[1]);
    assert!(msgs[2].contains("позиции 5"), "{}", msgs[2]);
    assert!(msgs[3].contains("08.13.1987"), "{}", msgs[3]);
    let kk = Report::build(findings, Lang::Kk, &SeverityOverrides::default());
    assert!(
        kk.findings[0].message.contains("7 болуы тиіс"),
        "{}",
        kk.findings[0].message
    );
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use kz_eco_rules::calendar::Date;
    use kz_eco_rules::ident::{
        check_digit, is_valid_identifier, parse_identifier, Attribute, Bin, EntityType, Identifier,
        Iin, Reason, Sex, YearMonth,
    };
    use proptest::prelude::*;

    fn text(digits: &[u8]) -> String {
        digits.iter().map(|d| char::from(b'0' + d)).collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 2000,
            failure_persistence: None,
            ..ProptestConfig::default()
        })]

        /// For any 11 digits at most one 12th digit makes a valid number — the one
        /// `check_digit` computes — and none when it is `None`.
        #[test]
        fn at_most_one_check_digit_is_valid(first in prop::array::uniform11(0u8..10)) {
            let valid: Vec<u8> = (0..10u8)
                .filter(|&c| {
                    let mut d = first.to_vec();
                    d.push(c);
                    parse_identifier(&text(&d)).is_ok()
                })
                .collect();
            prop_assert!(valid.len() <= 1);
            if let Some(&c) = valid.first() {
                prop_assert_eq!(check_digit(&first), Some(c));
            }
            if check_digit(&first).is_none() {
                prop_assert!(valid.is_empty());
            }
        }

        /// A generated valid ИИН reads back as the same birth date, sex and serial.
        #[test]
        fn iin_round_trips(days in 0i32..109_572, male: bool, serial in 0u16..10_000) {
            let birth = Date::new(1800, 1, 1).unwrap().add_days(days).unwrap();
            let sex = if male { Sex::Male } else { Sex::Female };
            match Iin::from_parts(birth, sex, serial) {
                Ok(iin) => {
                    let Ok(Identifier::Iin(back)) = parse_identifier(iin.as_str()) else {
                        return Err(TestCaseError::fail(format!("{} did not read back", iin.as_str())));
                    };
                    prop_assert_eq!(back, iin);
                    prop_assert_eq!(back.birth_date(), birth);
                    prop_assert_eq!(back.sex(), sex);
                    prop_assert_eq!(back.serial(), serial);
                    prop_assert_eq!(i32::from(back.century()), birth.year() / 100 + 1);
                }
                Err(e) => prop_assert_eq!(e, Reason::Uncheckable),
            }
        }

        /// A generated valid БИН reads back as the same month, type, attribute, serial.
        #[test]
        fn bin_round_trips(
            months in 0u16..1200,
            t in 0usize..EntityType::ALL.len(),
            a in 0usize..Attribute::ALL.len(),
            serial in 0u32..100_000,
        ) {
            let ym = YearMonth::new(1990 + months / 12, (months % 12) as u8 + 1).unwrap();
            let (entity_type, attribute) = (EntityType::ALL[t], Attribute::ALL[a]);
            match Bin::from_parts(ym, entity_type, attribute, serial) {
                Ok(bin) => {
                    let Ok(Identifier::Bin(back)) = parse_identifier(bin.as_str()) else {
                        return Err(TestCaseError::fail(format!("{} did not read back", bin.as_str())));
                    };
                    prop_assert_eq!(back.registered(), ym);
                    prop_assert_eq!(back.entity_type(), entity_type);
                    prop_assert_eq!(back.attribute(), attribute);
                    prop_assert_eq!(back.serial(), serial);
                }
                Err(e) => prop_assert_eq!(e, Reason::Uncheckable),
            }
        }

        /// Any text gives an answer, never a panic; valid answers are 12 ASCII digits.
        #[test]
        fn any_text_is_answered(s in "\\PC{0,20}") {
            prop_assert_eq!(is_valid_identifier(&s), parse_identifier(&s).is_ok());
            if let Ok(id) = parse_identifier(&s) {
                prop_assert_eq!(id.as_str(), s.trim());
            }
        }
    }
}
