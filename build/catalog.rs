//! One entry of the message catalog (`data/messages/<domain>.json`) as a typed
//! value, and the checks of an entry.
//!
//! Shared by the build script (`build/messages.rs`, which fails the build on any
//! problem) and the test `tests/it/codes.rs` (which includes this file with
//! `#[path]` and proves that each check catches what it should).
//!
//! An entry is either a **finding code** — `severity`, `what` and `basis` say what
//! the finding reports (the reference `docs/checks.md` and the code constant's doc
//! comment are generated from them) — or a **label** (`"label": true`), a text
//! of the command line or a part of another message, which is no finding:
//!
//! ```json
//! "documents.not_in_list": {
//!   "severity": "info",
//!   "what": "An attached document is not in the list for the case.",
//!   "basis": "`data/documents/`",
//!   "params": ["document"],
//!   "kk": "«{document}» …", "ru": "Документ «{document}» …", "en": "“{document}” is not …"
//! }
//! ```

use std::fmt;

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::Deserialize;

/// The template syntax, shared with the renderer.
#[path = "../src/findings/template.rs"]
mod template;
use template::{Arg, FormError};

/// The languages every entry has a template in.
pub const LANGS: [&str; 3] = ["kk", "ru", "en"];

/// Domains whose texts only the native build carries: the HTTP service's
/// `http.*` problems (a body too large, the service busy…), which the rules never
/// emit. Their templates are literals of the native catalog, in no language pack
/// and not in the wasm; `messages(lang)` does not list them.
pub const NATIVE_DOMAINS: &[&str] = &["http"];

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    /// The name used in reports: `error`, `warning`, `info`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// One catalog entry, as written in the data file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// A text that is not a finding (no `severity`, `what`, `basis`).
    #[serde(default)]
    pub label: bool,
    /// The finding's severity (before `Options.severity` overrides).
    pub severity: Option<Severity>,
    /// What the finding reports: one or two English sentences (Markdown).
    pub what: Option<String>,
    /// The rule it rests on: clauses, data files, "form", "—".
    pub basis: Option<String>,
    /// Names of the `{placeholders}` every template uses.
    #[serde(default)]
    pub params: Vec<String>,
    /// Kazakh template.
    pub kk: String,
    /// Russian template.
    pub ru: String,
    /// English template.
    pub en: String,
}

impl Entry {
    /// The template in `lang` (one of [`LANGS`]).
    pub fn text(&self, lang: &str) -> &str {
        match lang {
            "kk" => &self.kk,
            "ru" => &self.ru,
            _ => &self.en,
        }
    }

    /// `(severity, what, basis)` of a finding code; `None` for a label or an
    /// incomplete entry (which [`check`] reports).
    pub fn finding(&self) -> Option<(Severity, &str, &str)> {
        match (&self.severity, &self.what, &self.basis) {
            (Some(s), Some(w), Some(b)) if !self.label => Some((*s, w, b)),
            _ => None,
        }
    }
}

/// The entries of one data file, in the file's order (duplicates kept, so that
/// [`check_file`] can report them).
#[derive(Debug)]
pub struct Entries(pub Vec<(String, Entry)>);

impl<'de> Deserialize<'de> for Entries {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct EntriesVisitor;
        impl<'de> Visitor<'de> for EntriesVisitor {
            type Value = Entries;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of finding code → entry")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entries, A::Error> {
                let mut entries = Vec::new();
                while let Some(item) = map.next_entry::<String, Entry>()? {
                    entries.push(item);
                }
                Ok(Entries(entries))
            }
        }
        d.deserialize_map(EntriesVisitor)
    }
}

/// Something wrong in a data file: the JSON Pointer of the bad value (within the
/// file) and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub pointer: String,
    pub what: String,
}

/// A JSON Pointer from reference tokens (`~` → `~0`, `/` → `~1`).
pub fn pointer<'a>(tokens: impl IntoIterator<Item = &'a str>) -> String {
    tokens
        .into_iter()
        .map(|t| format!("/{}", t.replace('~', "~0").replace('/', "~1")))
        .collect()
}

/// The CLDR plural categories each language distinguishes: the forms a
/// `{name, plural, …}` in its template must give, no more, no fewer.
pub fn plural_categories(lang: &str) -> &'static [&'static str] {
    match lang {
        "ru" => &["one", "few", "many", "other"],
        _ => &["one", "other"],
    }
}

/// What a template says: its placeholder names (`{name}`, the argument of
/// `{name, plural, …}` and those inside its forms), each plural argument with the
/// categories of its forms, and what is not well formed.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Template<'a> {
    pub names: Vec<&'a str>,
    pub plurals: Vec<(&'a str, Vec<&'a str>)>,
    pub errors: Vec<String>,
}

/// Reads a template: text with `{name}` placeholders and ICU MessageFormat
/// plurals `{name, plural, one {# строка} few {# строки} many {# строк} other {# строки}}`
/// (`#` is the number), one level deep.
pub fn parse(t: &str) -> Template<'_> {
    let mut out = Template::default();
    parse_into(t, &mut out, false);
    out
}

fn parse_into<'a>(t: &'a str, out: &mut Template<'a>, in_form: bool) {
    let mut rest = t;
    while let Some(open) = rest.find(['{', '}']) {
        if rest[open..].starts_with('}') {
            out.errors.push("a \"}\" closes nothing".into());
            rest = &rest[open + 1..];
            continue;
        }
        let after = &rest[open + 1..];
        let Some(close) = template::closing(after) else {
            out.errors.push("a \"{\" is not closed".into());
            return;
        };
        let inner = &after[..close];
        rest = &after[close + 1..];
        let (name, forms) = match template::arg(inner) {
            Arg::Simple(name) => {
                if name.is_empty()
                    || !name
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
                {
                    out.errors
                        .push(format!("{{{name}}} is not a placeholder name"));
                }
                out.names.push(name);
                continue;
            }
            Arg::Other { name } => {
                out.names.push(name);
                out.errors
                    .push(format!("{{{name}, …}}: only `plural` is known"));
                continue;
            }
            Arg::Plural { name, forms } => (name, forms),
        };
        out.names.push(name);
        if in_form {
            out.errors
                .push(format!("plural of {name} inside a plural form"));
        }
        let mut categories = Vec::new();
        for form in template::forms(forms) {
            let (key, body) = match form {
                Ok(form) => form,
                Err(FormError::NoForm(text)) => {
                    out.errors
                        .push(format!("plural of {name}: {text:?} has no form"));
                    break;
                }
                Err(FormError::NotClosed(key)) => {
                    out.errors
                        .push(format!("plural of {name}: form {key} is not closed"));
                    break;
                }
            };
            if categories.contains(&key) {
                out.errors
                    .push(format!("plural of {name}: form {key} given twice"));
            }
            categories.push(key);
            parse_into(body, out, true);
        }
        out.plurals.push((name, categories));
    }
}

/// The Rust constant naming `code` within its domain: `documents.not_in_list` →
/// `NOT_IN_LIST`, `ident.sex.male` → `SEX_MALE`.
pub fn const_name(code: &str) -> String {
    let rest = code.split_once('.').map_or(code, |(_, r)| r);
    rest.replace('.', "_").to_ascii_uppercase()
}

/// The problems of the entries of `data/messages/<domain>.json`: codes outside
/// the domain or not dotted snake_case, a code twice, and each entry's problems
/// ([`check`]).
pub fn check_file(domain: &str, entries: &[(String, Entry)]) -> Vec<Problem> {
    let mut out = Vec::new();
    for (i, (code, entry)) in entries.iter().enumerate() {
        if entries[..i].iter().any(|(c, _)| c == code) {
            out.push(Problem {
                pointer: pointer([code.as_str()]),
                what: "code defined twice".into(),
            });
        }
        out.extend(check(domain, code, entry));
    }
    out
}

/// The problems of one entry: a code outside `domain` or not dotted snake_case
/// (each part starting with a letter), an empty template, a placeholder not
/// declared in `params`, a declared param a template does not use, a param
/// declared twice, and a finding without `severity`, `what` or `basis` (or a
/// label with them).
pub fn check(domain: &str, code: &str, e: &Entry) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut add = |tokens: &[&str], what: String| {
        out.push(Problem {
            pointer: pointer(tokens.iter().copied()),
            what,
        })
    };
    let valid_code = code
        .strip_prefix(domain)
        .is_some_and(|r| r.starts_with('.'))
        && code.split('.').all(|part| {
            part.starts_with(|c: char| c.is_ascii_lowercase())
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        });
    if !valid_code {
        add(
            &[code],
            format!("code must be dotted snake_case starting with \"{domain}.\""),
        );
    }
    for (i, name) in e.params.iter().enumerate() {
        if e.params[..i].contains(name) {
            add(
                &[code, "params", &i.to_string()],
                format!("param {name} declared twice"),
            );
        }
    }
    for lang in LANGS {
        let text = e.text(lang);
        if text.trim().is_empty() {
            add(&[code, lang], "empty template".into());
        }
        let template = parse(text);
        for error in &template.errors {
            add(&[code, lang], error.clone());
        }
        let wanted = plural_categories(lang);
        for (name, forms) in &template.plurals {
            let ok = forms.len() == wanted.len() && wanted.iter().all(|c| forms.contains(c));
            if !ok {
                add(
                    &[code, lang],
                    format!(
                        "plural of {name} gives the forms {forms:?}; {lang} needs exactly {wanted:?}"
                    ),
                );
            }
        }
        let used = template.names;
        for name in &used {
            if !e.params.iter().any(|p| p == name) {
                add(
                    &[code, lang],
                    format!("placeholder {{{name}}} is not declared in params"),
                );
            }
        }
        for (i, name) in e.params.iter().enumerate() {
            if !used.contains(&name.as_str()) {
                add(
                    &[code, "params", &i.to_string()],
                    format!("declared param {name} is not used in {lang}"),
                );
            }
        }
    }
    let described = [
        ("severity", e.severity.is_some()),
        (
            "what",
            e.what.as_deref().is_some_and(|t| !t.trim().is_empty()),
        ),
        (
            "basis",
            e.basis.as_deref().is_some_and(|t| !t.trim().is_empty()),
        ),
    ];
    if e.label {
        for (field, given) in described {
            if given {
                add(
                    &[code, field],
                    "a label has no severity, what or basis".into(),
                );
            }
        }
    } else {
        for (field, given) in described {
            if !given {
                add(
                    &[code],
                    format!(
                        "a finding code needs a non-empty \"{field}\" (or \"label\": true for a text that is no finding)"
                    ),
                );
            }
        }
    }
    out
}
