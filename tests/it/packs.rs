//! The per-language text packs (`kz_eco_rules::packs`): the packs the build wrote
//! hold, row by row, the texts the native build embeds (so the wasm, which renders
//! from the packs, gives the same answers in every language: `tests/js/parity.test.mjs`
//! runs the parity corpus on the package in Chromium with the packs fetched, and
//! this binary in wasm fills its packs from the same rows, feature `test-packs`),
//! and a caller's own wording of a code (`options.messages`) is rendered alike
//! natively and in wasm.

use kz_eco_rules::findings::catalog;
use kz_eco_rules::input::{Limits, Value};
use kz_eco_rules::{packs, validate_json, Lang, Options};
use wasm_bindgen_test::wasm_bindgen_test;

use crate::common::edited;

const PACKS: [(Lang, &[u8]); 3] = [
    (
        Lang::Kk,
        include_bytes!(concat!(env!("OUT_DIR"), "/texts.kk.pack")),
    ),
    (
        Lang::Ru,
        include_bytes!(concat!(env!("OUT_DIR"), "/texts.ru.pack")),
    ),
    (
        Lang::En,
        include_bytes!(concat!(env!("OUT_DIR"), "/texts.en.pack")),
    ),
];

#[wasm_bindgen_test(unsupported = test)]
fn every_language_has_its_pack_and_it_holds_every_text() {
    for (lang, pack) in PACKS {
        // Natively: equal, text by text, to the embedded tables; in wasm: loaded.
        assert_eq!(packs::load(pack), Ok(lang));
        assert!(packs::is_loaded(lang));
        for entry in catalog::entries() {
            assert!(
                !entry.text.get(lang).trim().is_empty(),
                "{} {lang:?}",
                entry.code
            );
        }
    }
    assert_eq!(
        catalog::term("region", "almaty_city", Lang::Kk),
        Some("Алматы қаласы")
    );
    assert_eq!(
        catalog::term("region", "almaty_city", Lang::En),
        Some("City of Almaty")
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn a_pack_of_another_build_or_not_a_pack_is_refused() {
    let (_, ru) = PACKS[1];
    // In wasm: Russian is loaded first, so no pack below could replace it.
    assert!(packs::is_loaded(Lang::Ru));
    let mut other = ru.to_vec();
    other[7] = b'g'; // not a hexadecimal digit: no build has this id
    assert!(packs::load(&other).unwrap_err().contains("another build"));
    let mut more = ru.to_vec();
    more[23] = more[23].wrapping_add(1);
    assert!(packs::load(&more).unwrap_err().contains("texts, not"));
    // A pack cut short is refused, with a reason, never a panic: anywhere in its
    // head and table, in its texts, at its end.
    let end = ru.len();
    for cut in (0..128).chain((128..end).step_by(211)).chain(end - 64..end) {
        assert!(packs::load(&ru[..cut]).is_err(), "{cut}");
    }
    // A byte its table does not code: the table of the Russian pack is shorter
    // than 128 characters.
    assert!(ru[27] < 128);
    let rows = 28 + 2 * usize::from(ru[27]); // the head, the table
    let text = rows + ru[rows..].iter().position(|&b| b != 0).unwrap();
    let mut uncoded = ru.to_vec();
    uncoded[text] = 0xff;
    assert!(packs::load(&uncoded).unwrap_err().contains("does not code"));
    assert!(packs::load(b"[]").is_err());
    assert!(packs::load(br#"{"lang": "kk"}"#).is_err());
    assert!(packs::load(b"").is_err());
}

/// `options` with a portal's own wording of `emissions.sum_mismatch` in `lang`.
fn worded(lang: &str, template: &str) -> Options {
    let text = format!(
        r#"{{"lang": "{lang}", "messages": {{"emissions.sum_mismatch": {}}}}}"#,
        serde_json::to_string(template).unwrap()
    );
    Options::from_value(&Value::from_json_str(&text, &Limits::default()).unwrap()).unwrap()
}

#[wasm_bindgen_test(unsupported = test)]
fn a_portal_words_a_code_its_own_way_in_every_language() {
    // One wrong total in table 2 of the category II example.
    let app = edited("permit_II", |v| {
        v["air_emissions"]["years"][0]["total"]["requested"]["t_per_year"] = "999".into();
    });
    for (lang, template, expected) in [
        (
            "kk",
            "Жиыны сәйкес емес: {declared} ≠ {expected}",
            "Жиыны сәйкес емес: 999 ≠ ",
        ),
        (
            "ru",
            "Итог не сходится: {declared} ≠ {expected} ({unknown})",
            "Итог не сходится: 999 ≠ ",
        ),
        (
            "en",
            "Total {declared}, rows add up to {expected}",
            "Total 999, rows add up to ",
        ),
    ] {
        let plain = validate_json(&app, &Options::with_lang(Lang::parse(lang).unwrap()));
        let ours = validate_json(&app, &worded(lang, template));
        let before: Vec<_> = plain.with_code("emissions.sum_mismatch").collect();
        let after: Vec<_> = ours.with_code("emissions.sum_mismatch").collect();
        assert_eq!(before.len(), 1, "{lang}: {:?}", plain.findings);
        assert_eq!(after.len(), 1);
        let (b, a) = (before[0], after[0]);
        assert!(a.message.starts_with(expected), "{lang}: {}", a.message);
        assert_ne!(a.message, b.message);
        // The params are rendered as in the catalog's own template (the decimal
        // comma in kk/ru), an unknown placeholder is kept, and nothing else changes.
        let sum = catalog::render_param(&b.params.get("expected").unwrap().clone(), plain.lang);
        assert!(a.message.contains(&sum), "{lang}: {} / {sum}", a.message);
        assert_eq!(a.message.contains("{unknown}"), lang == "ru");
        assert_eq!(
            (a.code, &a.path, &a.params, a.severity),
            (b.code, &b.path, &b.params, b.severity)
        );
        let others = |r: &kz_eco_rules::Report| {
            r.findings
                .iter()
                .filter(|f| f.code != "emissions.sum_mismatch")
                .map(|f| f.message.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(others(&ours), others(&plain));
    }
    // A wording that is not a string is a caller mistake.
    let bad = Value::from_json_str(r#"{"messages": {"x.y": 1}}"#, &Limits::default()).unwrap();
    assert!(Options::from_value(&bad)
        .unwrap_err()
        .contains("options.messages"));
}
