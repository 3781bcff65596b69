//! JSON text → `validate_json` in kk, ru and en → report invariants; the three
//! reports differ only in their messages.
#![no_main]

use kz_eco_rules::{validate_json, Lang, Options, Report};
use kz_eco_rules_fuzz::{check_counts, check_findings, language_free};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let reports: Vec<Report> = Lang::ALL
        .iter()
        .map(|&lang| validate_json(&text, &Options::with_lang(lang)))
        .collect();
    for (r, lang) in reports.iter().zip(Lang::ALL) {
        assert_eq!(r.lang, lang);
        check_counts(r.ok, Some(&r.counts), &r.findings);
        check_findings(&r.findings, lang);
    }
    let [first, rest @ ..] = reports.as_slice() else {
        return;
    };
    for r in rest {
        assert_eq!(
            (r.ok, &r.edition, r.counts, &r.summary),
            (first.ok, &first.edition, first.counts, &first.summary)
        );
        assert_eq!(language_free(&r.findings), language_free(&first.findings));
    }
});
