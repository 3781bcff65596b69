//! Text → the table-cell number parser (`emissions::number::parse`) → if it is
//! a number: within the documented bounds, and its canonical text and its
//! rendering in kk, ru and en (decimal comma, no-break-space thousands) read
//! back to the same value.
#![no_main]

use kz_eco_rules::emissions::number::{parse, NumberError, MAX_DECIMALS, MAX_VALUE};
use kz_eco_rules::findings::{catalog, Param};
use kz_eco_rules::Lang;
use libfuzzer_sys::fuzz_target;

const SCALE: i128 = 1_000_000_000_000;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match parse(text) {
        Ok(q) => {
            assert!(q.units >= 0 && q.units <= i128::from(MAX_VALUE) * SCALE, "{q:?}");
            assert!(q.decimals <= MAX_DECIMALS);
            // Only the written places can be non-zero.
            let step = 10i128.pow(u32::from(MAX_DECIMALS - q.decimals));
            assert_eq!(q.units % step, 0, "{text:?} → {q:?}");
            let canonical = q.canonical();
            let again = parse(&canonical).unwrap_or_else(|e| panic!("{canonical:?}: {e:?}"));
            assert_eq!(again.units, q.units, "{text:?} → {canonical:?}");
            assert_eq!(again.canonical(), canonical);
            assert!(!canonical.contains('.') || !canonical.ends_with(['0', '.']));
            for lang in Lang::ALL {
                let shown = catalog::render_param(&Param::Decimal(canonical.clone()), lang);
                if lang == Lang::En && shown.contains(',') {
                    // English groups thousands with commas, which the parser
                    // reads as a decimal separator: not a form people type
                    // into the Kazakh forms.
                    continue;
                }
                let back = parse(&shown).unwrap_or_else(|e| panic!("{shown:?} ({lang:?}): {e:?}"));
                assert_eq!(back.units, q.units, "{shown:?} ({lang:?})");
            }
        }
        Err(NumberError::Exponent { plain: Some(plain) }) => {
            // The suggested plain form is a plain number (maybe negative, too
            // long or too precise), never another exponent.
            assert!(!plain.contains(['e', 'E']), "{text:?} → {plain:?}");
            assert!(!matches!(parse(&plain), Err(NumberError::Exponent { .. })));
        }
        Err(_) => {}
    }
});
