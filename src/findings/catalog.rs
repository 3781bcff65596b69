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

use super::template::{self, Arg};
use super::{plural, Param, Params, TermKind};

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
    let machine = basis.machine();
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

/// Renders a caller's own `template` (with `{name}` placeholders) with `params`
/// in `lang`, as the catalog's templates are rendered.
pub fn render_template(template: &str, params: &Params, lang: Lang) -> String {
    fill(template, params, lang)
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

/// Fills a template: `{name}` → the rendered parameter; `{name, plural, one {…}
/// few {…} many {…} other {…}}` (ICU MessageFormat) → the form of the parameter's
/// CLDR plural category ([`plural::category`]), with `#` in it → the number. An
/// unknown name is left in place (tests catch it).
fn fill(template: &str, params: &Params, lang: Lang) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    fill_into(&mut out, template, params, lang, None);
    out
}

/// [`fill`] into `out`; `number` is what `#` stands for inside a plural form.
fn fill_into(out: &mut String, template: &str, params: &Params, lang: Lang, number: Option<&str>) {
    let mut rest = template;
    // `get`, not indexing: the offsets are on character boundaries, and a slice
    // that panics would link core's formatting of the bad index.
    let marks: &[u8] = if number.is_some() { b"{#" } else { b"{" };
    while let Some(at) = crate::text::find_any(rest, marks) {
        let (before, from) = rest.split_at_checked(at).unwrap_or((rest, ""));
        out.push_str(before);
        let after = from.get(1..).unwrap_or("");
        if from.starts_with('#') {
            out.push_str(number.unwrap_or("#"));
            rest = after;
            continue;
        }
        let Some(close) = template::closing(after) else {
            out.push('{');
            rest = after;
            continue;
        };
        let inner = after.get(..close).unwrap_or("");
        rest = after.get(close + 1..).unwrap_or("");
        match template::arg(inner) {
            Arg::Simple(name) => match params.get(name) {
                Some(value) => out.push_str(&render_param(value, lang)),
                None => unfilled(out, inner),
            },
            Arg::Plural { name, forms } => match params.get(name) {
                Some(value) => {
                    let digits = match value {
                        Param::Int(n) => crate::text::int(*n),
                        Param::Decimal(d) | Param::Text(d) => d.clone(),
                        _ => String::new(),
                    };
                    let category = plural::category(lang, &digits);
                    let form = plural_form(forms, category.as_str())
                        .or_else(|| plural_form(forms, "other"))
                        .unwrap_or("");
                    fill_into(out, form, params, lang, Some(&render_param(value, lang)));
                }
                None => unfilled(out, inner),
            },
            Arg::Other { .. } => unfilled(out, inner),
        }
    }
    out.push_str(rest);
}

/// Leaves `{inner}` in place: an unknown name (tests catch it).
fn unfilled(out: &mut String, inner: &str) {
    out.push('{');
    out.push_str(inner);
    out.push('}');
}

/// The form `key` of a plural's forms `one {…} few {…} …`.
fn plural_form<'a>(forms: &'a str, key: &str) -> Option<&'a str> {
    template::forms(forms)
        .map_while(Result::ok)
        .find(|(k, _)| *k == key)
        .map(|(_, body)| body)
}

/// Renders one parameter value for `lang`.
pub fn render_param(value: &Param, lang: Lang) -> String {
    match value {
        Param::Text(s) => s.clone(),
        Param::Int(n) => group_digits(&crate::text::int(*n), lang),
        Param::Decimal(d) => render_decimal(d, lang),
        Param::Date(d) => render_date(d, lang),
        Param::Term(kind, id) => term_name(*kind, id, lang).unwrap_or(id).to_owned(),
        Param::List(items) => {
            let mut names = Vec::with_capacity(items.len());
            for item in items {
                names.push(item.as_str());
            }
            join(&names, lang)
        }
        Param::Terms(kind, ids) => {
            let mut names = Vec::with_capacity(ids.len());
            for id in ids {
                names.push(term_name(*kind, id, lang).unwrap_or(id));
            }
            join(&names, lang)
        }
        Param::Cite(basis) => crate::citations::text(basis, lang).unwrap_or_else(|| basis.clone()),
    }
}

/// `items` joined as a list in `lang`: `a`, `a и b`, `a, b и c` — with `; `
/// between items when one has a comma of its own (`Алматинская область, 2012 г.;
/// город Алматы, 2019 г. и …`). The conjunction is the term `conjunction`/`and`.
fn join(items: &[&str], lang: Lang) -> String {
    let last = items.len().saturating_sub(1);
    let and = term("conjunction", "and", lang).unwrap_or(",");
    let sep = if items.iter().any(|i| crate::text::contains(i, ",")) {
        "; "
    } else {
        ", "
    };
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 && i == last {
            out.push(' ');
            out.push_str(and);
            out.push(' ');
        } else if i > 0 {
            out.push_str(sep);
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
        TermKind::ApplicantKind => term("applicant_kind", id, lang),
        TermKind::Field => {
            // `Struct.field`: the struct's own label, else the key's.
            let key = crate::text::after_last(id, b'.');
            term("field", id, lang).or_else(|| term("field", key, lang))
        }
    }
}

/// `12345.678` → `12 345,678` (kk/ru, NBSP) or `12,345.678` (en).
fn render_decimal(canonical: &str, lang: Lang) -> String {
    let (int_part, frac) = match crate::text::split_once(canonical, ".") {
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
    let parts = crate::text::split_once(iso, "-")
        .and_then(|(y, rest)| crate::text::split_once(rest, "-").map(|(m, d)| (y, m, d)));
    match parts {
        Some((y, m, d)) if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
            crate::text::concat(&[d, ".", m, ".", y])
        }
        _ => iso.to_owned(),
    }
}

/// The entries only the native build has, sorted by code: the HTTP service's
/// `http.*` problems ([`crate::findings::http_codes`]), which the rules never
/// emit. Neither the wasm nor the language packs carry them, so [`entry`],
/// [`render`] and [`messages`] do not know them; render one with
/// [`render_template`] (the service passes it as its wording of the code).
#[cfg(not(target_arch = "wasm32"))]
pub fn native_entries() -> &'static [Entry] {
    NATIVE_ENTRIES
}

/// The entry of `code` among [`native_entries`].
#[cfg(not(target_arch = "wasm32"))]
pub fn native_entry(code: &str) -> Option<&'static Entry> {
    NATIVE_ENTRIES
        .binary_search_by(|e| e.code.cmp(code))
        .ok()
        .and_then(|i| NATIVE_ENTRIES.get(i))
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
    fn lists_are_joined_with_the_conjunction_and_named() {
        let list = |v: &[&str]| Param::List(v.iter().map(|x| (*x).to_owned()).collect());
        assert_eq!(render_param(&list(&[]), Lang::Ru), "");
        assert_eq!(render_param(&list(&["II"]), Lang::Ru), "II");
        assert_eq!(render_param(&list(&["II", "III"]), Lang::Kk), "II және III");
        assert_eq!(
            render_param(&list(&["I", "II", "III"]), Lang::En),
            "I, II and III"
        );
        let actions = Param::Terms(TermKind::Action, vec!["issue".into(), "reissue".into()]);
        assert_eq!(render_param(&actions, Lang::Ru), "выдача и переоформление");
        let editions = Param::Terms(
            TermKind::Edition,
            vec![
                "almaty_oblast_2012".into(),
                "eco_code_2021".into(),
                "nope".into(),
            ],
        );
        assert_eq!(
            render_param(&editions, Lang::Ru),
            "Алматинская область, 2012 г.; Экологический кодекс Республики Казахстан 2021 г. и nope"
        );
        let json = serde_json::to_string(&editions).unwrap_or_default();
        assert_eq!(json, r#"["almaty_oblast_2012","eco_code_2021","nope"]"#);
        let field = Param::field("Applicant", "iin_bin");
        assert_eq!(render_param(&field, Lang::Kk), "ЖСН/БСН");
        assert_eq!(
            serde_json::to_string(&field).unwrap_or_default(),
            r#""iin_bin""#
        );
        // A struct's own label first, else the key's.
        assert_eq!(
            render_param(&Param::field("Applicant", "name"), Lang::En),
            "Name of the nature user"
        );
        assert_eq!(
            render_param(&Param::field("WasteYear", "year"), Lang::Ru),
            "Год"
        );
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn plurals_take_the_form_of_the_number() {
        let t =
            "ещё {n, plural, one {# строка} few {# строки} many {# строк} other {# строки}}, {a}";
        let got: Vec<String> = [1, 2, 5, 11, 21, 22, 25, 101, 12345]
            .into_iter()
            .map(|n| {
                let p = Params(vec![("n", Param::Int(n)), ("a", Param::Text("x".into()))]);
                fill(t, &p, Lang::Ru)
            })
            .collect();
        assert_eq!(
            got,
            [
                "ещё 1 строка, x",
                "ещё 2 строки, x",
                "ещё 5 строк, x",
                "ещё 11 строк, x",
                "ещё 21 строка, x",
                "ещё 22 строки, x",
                "ещё 25 строк, x",
                "ещё 101 строка, x",
                "ещё 12\u{a0}345 строк, x",
            ]
        );
        let p = Params(vec![("n", Param::Decimal("1.5".into()))]);
        assert_eq!(fill(t, &p, Lang::Ru), "ещё 1,5 строки, {a}");
        let en = "{n, plural, one {# row} other {# rows}} ({n})";
        let p = Params(vec![("n", Param::Int(1))]);
        assert_eq!(fill(en, &p, Lang::En), "1 row (1)");
        let p = Params(vec![("n", Param::Decimal("1.5".into()))]);
        assert_eq!(fill(en, &p, Lang::En), "1.5 rows (1.5)");
        // `#` is the number only inside a form; a missing parameter stays visible.
        assert_eq!(
            fill("# {m, plural, one {#} other {#}}", &p, Lang::En),
            "# {m, plural, one {#} other {#}}"
        );
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn unknown_code_falls_back_to_code_and_params() {
        let p = Params(vec![("n", Param::Int(3))]);
        assert_eq!(render("no.such_code", &p, Lang::En), "no.such_code: n=3");
    }
}
