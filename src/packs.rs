//! Per-language text packs: every localized text of one language, as the wasm
//! loads it at run time.
//!
//! The build writes one pack per language from the same text tables the native
//! build embeds (`build/gen.rs`): `{"texts_id": "<this build>", "lang": "kk",
//! "texts": ["…", …]}`, row `n` at index `n`. The npm package ships them as
//! `kz_eco_rules.<lang>.json`; the wasm renders a language once its pack is loaded
//! (in JavaScript `init({ lang })`, `loadLanguage(lang)`), natively all three are
//! embedded. [`load`] checks a pack natively and installs it in wasm, so the same
//! files are tested against the embedded tables.
//!
//! ```
//! # #[cfg(not(target_arch = "wasm32"))] {
//! use kz_eco_rules::{packs, Lang};
//! assert!(packs::load(r#"{"texts_id": "other", "lang": "kk", "texts": []}"#).is_err());
//! assert!(packs::is_loaded(Lang::Kk)); // natively every language is embedded
//! # }
//! ```

use crate::input::{Limits, Value};
use crate::lang::store;
use crate::text::concat;
use crate::Lang;

/// Whether messages and names in `lang` can be rendered: always natively; in
/// wasm once its pack is loaded.
pub fn is_loaded(lang: Lang) -> bool {
    store::loaded(lang)
}

/// Reads a pack (its JSON text) and, in wasm, installs it; natively it checks the
/// pack against the embedded tables. Returns its language, or why it was refused:
/// not a pack, another build's pack (`texts_id`), a wrong number of texts, or
/// (natively) a text that differs from the embedded one.
pub fn load(pack: &str) -> Result<Lang, String> {
    let (count, id) = store::shape();
    let limits = Limits {
        max_depth: 3,
        max_values: count + 16,
        ..Limits::default()
    };
    // A pack holds no numbers: no float parser is linked for it.
    let value = Value::from_json_str_with(pack, &limits, |_| None)
        .map_err(|e| concat(&["not a text pack: ", &e.message()]))?;
    let Value::Object(entries) = value else {
        return Err("not a text pack: not an object".into());
    };
    let (mut lang, mut pack_id, mut texts) = (None, None, None);
    for (key, v) in entries {
        match (key.as_ref(), v) {
            ("lang", Value::String(tag)) => lang = Lang::parse(&tag),
            ("texts_id", Value::String(s)) => pack_id = Some(s),
            ("texts", Value::Array(items)) => texts = Some(items),
            _ => {}
        }
    }
    let (Some(lang), Some(pack_id), Some(items)) = (lang, pack_id, texts) else {
        return Err("not a text pack: lang, texts_id and texts are required".into());
    };
    if pack_id != id {
        return Err(concat(&[
            "the ",
            lang.as_str(),
            " pack is of another build (",
            &pack_id,
            "; this module needs ",
            id,
            ")",
        ]));
    }
    if items.len() != count {
        return Err(concat(&[
            "the ",
            lang.as_str(),
            " pack has ",
            &crate::text::uint(items.len() as u64),
            " texts, not ",
            &crate::text::uint(count as u64),
        ]));
    }
    let mut rows = Vec::with_capacity(count);
    for item in items {
        match item {
            Value::String(s) => rows.push(s.into_owned()),
            _ => {
                return Err(concat(&[
                    "the ",
                    lang.as_str(),
                    " pack has a text that is not a string",
                ]))
            }
        }
    }
    install(lang, rows)?;
    Ok(lang)
}

#[cfg(target_arch = "wasm32")]
fn install(lang: Lang, rows: Vec<String>) -> Result<(), String> {
    store::install(lang, rows);
    Ok(())
}

#[cfg(not(target_arch = "wasm32"))]
fn install(lang: Lang, rows: Vec<String>) -> Result<(), String> {
    let embedded = store::rows(lang);
    match rows.iter().zip(embedded).position(|(a, b)| a != b) {
        None => Ok(()),
        Some(row) => Err(format!(
            "the {} pack differs from the embedded text at row {row}",
            lang.as_str()
        )),
    }
}
