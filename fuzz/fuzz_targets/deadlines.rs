//! A deadlines query as JSON text → `deadlines_json` (the CLI's path) and
//! `deadlines_value` (the wasm path). The text is either the query itself or
//! `{"query": …, "options": …}` (what `deadlines(query, options)` takes in
//! JavaScript; options that JavaScript would reject with a TypeError are skipped).
//! Invariants: the two paths agree, `ok` means no error finding, an answered
//! query has well-formed dates (none before registration under the
//! default options), a failed one has none.
#![no_main]

use kz_eco_rules::input::{Limits, Value};
use kz_eco_rules::sla::{deadlines_json, deadlines_value, DeadlinesReport};
use kz_eco_rules::{Lang, Options};
use kz_eco_rules_fuzz::{check_counts, check_findings};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let parsed = Value::from_json_str(&text, &Limits::default());
    let wrapped = parsed
        .as_ref()
        .ok()
        .and_then(|v| v.get("query").map(|query| (query, v.get("options"))));
    match wrapped {
        Some((query, options)) => {
            let mut options = match options.map(Options::from_value) {
                None => Options::default(),
                Some(Ok(o)) => o,
                Some(Err(_)) => return,
            };
            for lang in Lang::ALL {
                options.lang = lang;
                let report = deadlines_value(query, &options);
                check(&report, lang);
            }
        }
        None => {
            for lang in Lang::ALL {
                let options = Options::with_lang(lang);
                let report = deadlines_json(&text, &options);
                check(&report, lang);
                // Counted from registration (the default), no deadline falls
                // before the registration day; the fixes, counted from the
                // remarks, only with a finding saying the remarks came first;
                // the remarks and fixes, counted from the acceptance, only with
                // a finding saying the acceptance came first.
                let has = |code: &str| report.findings.iter().any(|f| f.code == code);
                let early_remarks = has("sla.remarks_before_registration");
                let early_acceptance = has("sla.accepted_before_registration");
                if let Some(reg) = &report.registered_on {
                    for due in [
                        &report.completeness_due,
                        &report.decision_due,
                        if early_acceptance {
                            &None
                        } else {
                            &report.remarks_due
                        },
                        if early_remarks || early_acceptance {
                            &None
                        } else {
                            &report.fixes_due
                        },
                    ]
                    .into_iter()
                    .flatten()
                    {
                        assert!(due >= reg, "{due} before registration {reg}: {report:?}");
                    }
                }
                if let Ok(v) = &parsed {
                    assert_eq!(deadlines_value(v, &options), report, "JSON and value paths");
                }
            }
        }
    }
});

fn check(r: &DeadlinesReport, lang: Lang) {
    check_counts(r.ok, None, &r.findings);
    check_findings(&r.findings, lang);
    let dates = [
        &r.registered_on,
        &r.completeness_due,
        &r.decision_due,
        &r.remarks_due,
        &r.fixes_due,
    ];
    let bases = [
        &r.basis.registered_on,
        &r.basis.completeness_due,
        &r.basis.decision_due,
        &r.basis.remarks_due,
        &r.basis.fixes_due,
    ];
    for (date, basis) in dates.iter().zip(bases) {
        assert_eq!(
            date.is_some(),
            basis.is_some(),
            "a date without basis: {r:?}"
        );
        if let Some(d) = date {
            assert!(is_iso_date(d), "{d:?}");
        }
    }
    if !r.ok {
        assert!(
            dates.iter().all(|d| d.is_none()),
            "dates despite errors: {r:?}"
        );
    }
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}
