//! Message catalog: every finding code's message in Kazakh, Russian and English.
//!
//! The catalog lives in `data/messages/*.json` (one file per domain); the build
//! script (`build/messages.rs`) checks it — codes in their domain, three non-empty
//! languages, every placeholder declared and every declared parameter used — and
//! embeds it as a sorted static table. Each entry names its parameters and gives
//! one template per language; `{name}` in a template is replaced by the rendered
//! parameter:
//!
//! ```json
//! "ident.checksum_mismatch": {
//!   "params": ["expected"],
//!   "kk": "...", "ru": "... {expected} ...", "en": "..."
//! }
//! ```
//!
//! Parameters are rendered for the language: decimals with a decimal comma and
//! non-breaking-space thousands in kk/ru, dates as `dd.mm.yyyy` in kk/ru, and
//! [`TermKind`] ids as the localized name of the document, fact, edition, region or
//! closed-set value. Tests check that every code the rules emit has an entry.

use super::{Param, Params, TermKind};

pub use crate::lang::{Lang, Localized};
use crate::terms;

/// One catalog entry: a code, its declared parameters and a template per language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// The finding code.
    pub code: &'static str,
    /// Names of the parameters the templates use.
    pub params: &'static [&'static str],
    /// The templates.
    pub text: Localized,
}

include!(concat!(env!("OUT_DIR"), "/messages.rs"));

/// Every catalog entry, sorted by code (validated when the crate is built).
pub fn entries() -> &'static [Entry] {
    ENTRIES
}

/// The entry of `code`.
pub fn entry(code: &str) -> Option<&'static Entry> {
    ENTRIES
        .binary_search_by(|e| e.code.cmp(code))
        .ok()
        .and_then(|i| ENTRIES.get(i))
}

/// The citation of a basis in `lang` («п. 16.1 Регламента …»), or `None` when
/// the basis is not in `data/citations.json`. See [`crate::findings::Finding::basis_text`].
pub fn citation(basis: &str, lang: Lang) -> Option<String> {
    crate::citations::text(basis, lang)
}

/// True when every part of `basis` is in `data/citations.json`.
pub fn is_cited(basis: &str) -> bool {
    crate::citations::is_known(basis)
}

/// The `basis_text` of a finding: the citation of `basis`, or the machine form
/// when the basis is not in the table (an edition registered at run time).
pub(crate) fn basis_text(basis: &super::Basis, lang: Lang) -> String {
    let machine = basis.to_string();
    citation(&machine, lang).unwrap_or(machine)
}

/// All `(code, template)` pairs for `lang`, sorted by code — what `messages(lang)`
/// gives a UI that renders codes itself.
pub fn messages(lang: Lang) -> impl Iterator<Item = (&'static str, &'static str)> {
    ENTRIES.iter().map(move |e| (e.code, e.text.get(lang)))
}

/// The localized name of `id` of `kind` in the terms table: `document`, `fact`
/// (its question), `edition`, `region`, or a closed set of `data/messages/terms.json`
/// (`json_type`, `json_error`, `service`, `action`, `channel`).
pub fn term(kind: &str, id: &str, lang: Lang) -> Option<&'static str> {
    terms::name(kind, id, lang)
}

/// Renders the message of `code` with `params` in `lang`.
///
/// ```
/// use kz_eco_rules::findings::{catalog, Params, Param};
/// use kz_eco_rules::Lang;
/// let p = Params(vec![("field", Param::Text("service".into()))]);
/// let msg = catalog::render("input.missing_field", &p, Lang::En);
/// assert!(msg.contains("service"));
/// ```
pub fn render(code: &str, params: &Params, lang: Lang) -> String {
    match entry(code) {
        Some(entry) => fill(entry.text.get(lang), params, lang),
        None => fallback(code, params, lang),
    }
}

/// A message for a code missing from the catalog: the code and its parameters.
fn fallback(code: &str, params: &Params, lang: Lang) -> String {
    let mut out = code.to_owned();
    for (i, (name, value)) in params.0.iter().enumerate() {
        out.push_str(if i == 0 { ": " } else { ", " });
        out.push_str(name);
        out.push('=');
        out.push_str(&render_param(value, lang));
    }
    out
}

/// Replaces `{name}` placeholders; unknown names are left in place (tests catch them).
fn fill(template: &str, params: &Params, lang: Lang) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some((before, after_open)) = rest.split_once('{') {
        out.push_str(before);
        match after_open.split_once('}') {
            Some((name, after)) => {
                match params.get(name) {
                    Some(value) => out.push_str(&render_param(value, lang)),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = after;
            }
            None => {
                out.push('{');
                rest = after_open;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Renders one parameter value for `lang`.
pub fn render_param(value: &Param, lang: Lang) -> String {
    match value {
        Param::Text(s) => s.clone(),
        Param::Int(n) => group_digits(&n.to_string(), lang),
        Param::Decimal(d) => render_decimal(d, lang),
        Param::Date(d) => render_date(d, lang),
        Param::Term(kind, id) => term_name(*kind, id, lang).unwrap_or(id).to_owned(),
        Param::List(items) => join(items),
        Param::Cite(basis) => crate::citations::text(basis, lang).unwrap_or_else(|| basis.clone()),
    }
}

/// `items` separated by `", "` (a loop: `[String]::join` is ~1 KB of wasm).
fn join(items: &[String]) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(item);
    }
    out
}

/// The localized name of the thing a [`Param::Term`] refers to.
pub fn term_name(kind: TermKind, id: &str, lang: Lang) -> Option<&'static str> {
    match kind {
        TermKind::Document => term(terms::DOCUMENT, id, lang),
        TermKind::Fact => term(terms::FACT, id, lang),
        TermKind::Edition => term(terms::EDITION, id, lang),
        TermKind::Region => term(terms::REGION, id, lang),
        TermKind::JsonType => term("json_type", id, lang),
        TermKind::JsonError => term("json_error", id, lang),
        TermKind::Service => term("service", id, lang),
        TermKind::Action => term("action", id, lang),
        TermKind::Channel => term("channel", id, lang),
    }
}

/// `12345.678` → `12 345,678` (kk/ru, NBSP) or `12,345.678` (en).
fn render_decimal(canonical: &str, lang: Lang) -> String {
    let (int_part, frac) = match canonical.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (canonical, None),
    };
    let mut out = group_digits(int_part, lang);
    if let Some(f) = frac {
        out.push(if lang == Lang::En { '.' } else { ',' });
        out.push_str(f);
    }
    out
}

/// Groups the digits of an integer text by thousands: from five digits in kk/ru
/// (Russian typography leaves `1234` alone), from four in en.
fn group_digits(int_text: &str, lang: Lang) -> String {
    let (sign, digits) = match int_text.strip_prefix('-') {
        Some(d) => ("-", d),
        None => ("", int_text),
    };
    let (sep, min_len) = match lang {
        Lang::En => (',', 4),
        Lang::Kk | Lang::Ru => ('\u{a0}', 5),
    };
    if digits.len() < min_len || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return int_text.to_owned();
    }
    let mut out = String::with_capacity(int_text.len() + digits.len() / 3 * 2);
    out.push_str(sign);
    let first = digits.len() % 3;
    for (i, c) in digits.chars().enumerate() {
        if i != 0 && (i + 3 - first) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// `2019-10-21` → `21.10.2019` in kk/ru; ISO in en.
fn render_date(iso: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return iso.to_owned();
    }
    let mut parts = iso.splitn(3, '-');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(y), Some(m), Some(d)) if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
            format!("{d}.{m}.{y}")
        }
        _ => iso.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test(unsupported = test)]
    fn entries_are_sorted_unique_and_complete() {
        assert!(ENTRIES.windows(2).all(|w| w[0].code < w[1].code));
        for e in ENTRIES {
            for lang in Lang::ALL {
                assert!(!e.text.get(lang).trim().is_empty(), "{}", e.code);
            }
        }
        assert_eq!(
            entry("input.missing_field").map(|e| e.params),
            Some(&["field"][..])
        );
        assert!(entry("no.such").is_none());
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn decimals_dates_and_ints_render_per_language() {
        assert_eq!(render_decimal("12345.678", Lang::Ru), "12\u{a0}345,678");
        assert_eq!(render_decimal("12345.678", Lang::En), "12,345.678");
        assert_eq!(render_decimal("1234.5", Lang::Kk), "1234,5");
        assert_eq!(render_decimal("-1234567", Lang::En), "-1,234,567");
        assert_eq!(render_decimal("0.5", Lang::Ru), "0,5");
        assert_eq!(render_date("2019-10-21", Lang::Kk), "21.10.2019");
        assert_eq!(render_date("2019-10-21", Lang::En), "2019-10-21");
        assert_eq!(render_param(&Param::Int(100000), Lang::Ru), "100\u{a0}000");
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn fill_leaves_unknown_placeholders_and_lone_braces() {
        let p = Params(vec![("a", Param::Text("x".into()))]);
        assert_eq!(fill("{a}-{b}-{", &p, Lang::En), "x-{b}-{");
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn unknown_code_falls_back_to_code_and_params() {
        let p = Params(vec![("n", Param::Int(3))]);
        assert_eq!(render("no.such_code", &p, Lang::En), "no.such_code: n=3");
    }
}
