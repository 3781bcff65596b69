//! Text → `parse_identifier`, `parse_iin`, `parse_bin` and the `Verdict` the CLI
//! and JavaScript give: all agree, a valid number's fields are its digits, and
//! re-reading a valid number gives the same answer.
#![no_main]

use kz_eco_rules::findings::{Findings, SeverityOverrides};
use kz_eco_rules::Report;
use kz_eco_rules::ident::{
    check_digit, parse_bin, parse_identifier, parse_iin, Bin, Fields, Identifier, Iin, Kind,
    Reason, Sex, Verdict,
};
use kz_eco_rules::Lang;
use kz_eco_rules_fuzz::{check_counts, check_findings};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let parsed = parse_identifier(text);
    let verdict = Verdict::of_text(text);
    assert_eq!(verdict.input, text);
    assert_eq!(verdict.valid, parsed.is_ok());
    match &parsed {
        Ok(id) => {
            assert_eq!(verdict.code, None);
            assert_eq!(verdict.kind, Some(id.kind()));
            valid(text, id, &verdict.fields);
        }
        Err(reason) => {
            assert_eq!(verdict.code, Some(reason.code()));
            assert!(matches!(verdict.fields, Fields::None(_)));
            assert!(!matches!(reason, Reason::BinNotIin | Reason::IinNotBin));
            // The reason as a finding renders in every language.
            for lang in Lang::ALL {
                let mut findings = Findings::default();
                findings.push(reason.to_finding("/applicant/bin"));
                let r = Report::build(findings, lang, &SeverityOverrides::default());
                check_counts(r.ok, Some(&r.counts), &r.findings);
                check_findings(&r.findings, lang);
                assert!(!r.ok, "{reason:?} is not an error");
            }
        }
    }
    // The specific readers agree with the general one.
    match (&parsed, parse_iin(text), parse_bin(text)) {
        (Ok(Identifier::Iin(a)), Ok(b), Err(Reason::IinNotBin)) => assert_eq!(*a, b),
        (Ok(Identifier::Bin(a)), Err(Reason::BinNotIin), Ok(b)) => assert_eq!(*a, b),
        (Err(_), Err(e1), Err(e2)) => {
            assert!(!matches!(e1, Reason::BinNotIin) && !matches!(e2, Reason::IinNotBin))
        }
        other => panic!("readers disagree on {text:?}: {other:?}"),
    }
});

fn valid(text: &str, id: &Identifier, fields: &Fields) {
    let digits = id.as_str();
    assert_eq!(digits, text.trim(), "a valid number is the trimmed input");
    let d: Vec<u8> = digits.bytes().map(|b| b - b'0').collect();
    assert_eq!(d.len(), 12);
    let first11: [u8; 11] = d[..11].try_into().unwrap();
    assert_eq!(check_digit(&first11), Some(d[11]));
    assert_eq!(parse_identifier(digits).as_ref(), Ok(id), "re-reading");
    let two = |i: usize| u32::from(d[i]) * 10 + u32::from(d[i + 1]);
    match (id, fields) {
        (Identifier::Iin(iin), Fields::Iin(f)) => {
            assert_eq!(id.kind(), Kind::Iin);
            assert_eq!(
                (f.birth_date, f.sex, f.century),
                (iin.birth_date(), iin.sex(), iin.century())
            );
            let date = iin.birth_date().to_string();
            assert_eq!(&date[2..4], &digits[0..2], "year in {digits}");
            assert_eq!(&date[5..7], &digits[2..4], "month in {digits}");
            assert_eq!(&date[8..10], &digits[4..6], "day in {digits}");
            // 7th digit: 1–2 born in the 1800s, 3–4 the 1900s, 5–6 the 2000s;
            // odd male, even female.
            let hundreds = 18 + u32::from(d[6] - 1) / 2;
            assert_eq!(date[..2].parse::<u32>().unwrap(), hundreds, "{digits}");
            assert_eq!(u32::from(iin.century()), hundreds + 1);
            let male = d[6] % 2 == 1;
            assert_eq!(iin.sex() == Sex::Male, male, "{digits}");
            assert_eq!(u32::from(iin.serial()), two(7) * 100 + two(9));
            let rebuilt = Iin::from_parts(iin.birth_date(), iin.sex(), iin.serial());
            assert_eq!(rebuilt.as_ref(), Ok(iin), "from_parts");
        }
        (Identifier::Bin(bin), Fields::Bin(f)) => {
            assert_eq!(id.kind(), Kind::Bin);
            assert_eq!(
                (f.registered, f.entity_type, f.attribute),
                (bin.registered(), bin.entity_type(), bin.attribute())
            );
            assert_eq!(u32::from(bin.registered().year() % 100), two(0));
            assert_eq!(u32::from(bin.registered().month()), two(2));
            assert_eq!(bin.entity_type().digit(), d[4]);
            assert_eq!(bin.attribute().digit(), d[5]);
            assert_eq!(
                bin.serial(),
                u32::from(d[6]) * 10_000 + two(7) * 100 + two(9)
            );
            let rebuilt = Bin::from_parts(
                bin.registered(),
                bin.entity_type(),
                bin.attribute(),
                bin.serial(),
            );
            assert_eq!(rebuilt.as_ref(), Ok(bin), "from_parts");
        }
        other => panic!("fields of another kind: {other:?}"),
    }
}
