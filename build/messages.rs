//! `data/messages/*.json` → the message catalog and everything derived from the
//! finding codes in it:
//!
//! - `messages.rs`: the catalog's entries sorted by code (templates and params,
//!   what the renderer needs at run time; the names in `terms.json` go to the
//!   terms table, `build/terms.rs`), those of [`catalog::NATIVE_DOMAINS`] apart,
//!   for the native build only;
//! - `codes_<domain>.rs`, included by the domain's module: a `pub const` per
//!   finding code (doc comment from the data), the domain's `CODES`, and in
//!   `pub mod finding` a typed builder per code (its params in declared order,
//!   its severity from the data);
//! - `checks.md`: the reference table of every finding code, which the test
//!   `tests/it/codes.rs` compares with the committed `docs/checks.md`.
//!
//! Each file is read into typed entries ([`catalog::Entry`]) by the shared loader
//! ([`gen::load`]); a value of the wrong shape or an unknown key fails the build
//! naming the file and the JSON Pointer of the value, and so does every problem
//! [`catalog::check_file`] finds.

use std::fmt::Write as _;
use std::path::Path;

use crate::catalog::{self, Entries, Entry};
use crate::gen::{self, lit, Problems};

/// One domain's data file, checked.
struct Domain {
    name: String,
    entries: Vec<(String, Entry)>,
}

/// Writes the generated files into `out`.
pub fn generate(out: &Path, p: &mut Problems) {
    let mut files: Vec<String> = std::fs::read_dir("data/messages")
        .expect("data/messages exists")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json") && n != "terms.json")
        .collect();
    files.sort();
    let mut domains = Vec::new();
    for file in &files {
        let name = file.trim_end_matches(".json").to_owned();
        let path = format!("data/messages/{file}");
        let Some(Entries(entries)) = gen::load(&path, p) else {
            continue;
        };
        for problem in catalog::check_file(&name, &entries) {
            p.add(&format!("{path}: {}", problem.pointer), problem.what);
        }
        domains.push(Domain { name, entries });
    }

    gen::write(out, "messages.rs", &catalog_code(&domains));
    for d in &domains {
        gen::write(out, &format!("codes_{}.rs", d.name), &codes_code(d));
    }
    std::fs::write(out.join("checks.md"), checks_md(&domains)).expect("OUT_DIR is writable");
}

/// `ENTRIES` (sorted by code, their texts rows of the text tables) and, for the
/// native build only, `NATIVE_ENTRIES`: the entries of [`catalog::NATIVE_DOMAINS`],
/// their texts literals, so that neither the wasm nor a language pack carries them.
fn catalog_code(domains: &[Domain]) -> String {
    let mut shared: Vec<(&str, String)> = Vec::new();
    let mut native: Vec<(&str, String)> = Vec::new();
    for d in domains {
        let native_only = catalog::NATIVE_DOMAINS.contains(&d.name.as_str());
        for (code, e) in &d.entries {
            let text = if native_only {
                format!(
                    "crate::lang::Localized::new({}, {}, {})",
                    lit(&e.kk),
                    lit(&e.ru),
                    lit(&e.en)
                )
            } else {
                gen::localized(&e.kk, &e.ru, &e.en)
            };
            let entry = format!(
                "Entry {{ code: {}, params: {}, text: {text} }}",
                lit(code),
                gen::str_slice(e.params.iter().map(String::as_str)),
            );
            if native_only {
                &mut native
            } else {
                &mut shared
            }
            .push((code, entry));
        }
    }
    shared.sort();
    native.sort();
    let mut out = String::from(
        "/// Catalog entries, sorted by code.\npub(crate) static ENTRIES: &[Entry] = &[\n",
    );
    for (_, e) in &shared {
        let _ = writeln!(out, "    {e},");
    }
    out.push_str(
        "];\n\n/// Entries only the native build has (the HTTP service's), sorted by code.\n\
         #[cfg(not(target_arch = \"wasm32\"))]\n\
         pub(crate) static NATIVE_ENTRIES: &[Entry] = &[\n",
    );
    for (_, e) in &native {
        let _ = writeln!(out, "    {e},");
    }
    out.push_str("];\n");
    out
}

/// Markdown made safe for a doc comment: brackets escaped (no intra-doc links).
fn doc(text: &str) -> String {
    text.replace('[', "\\[").replace(']', "\\]")
}

/// A domain's code constants and `CODES`.
fn codes_code(d: &Domain) -> String {
    let mut out = String::new();
    let mut names = Vec::new();
    for (code, e) in &d.entries {
        let Some((severity, what, basis)) = e.finding() else {
            continue;
        };
        let name = catalog::const_name(code);
        let _ = writeln!(out, "/// {}\n///", doc(what));
        let _ = write!(
            out,
            "/// Severity `{}`; basis: {}.",
            severity.as_str(),
            doc(basis)
        );
        if !e.params.is_empty() {
            let params: Vec<String> = e.params.iter().map(|p| format!("`{p}`")).collect();
            let _ = write!(out, " Params: {}.", params.join(", "));
        }
        let _ = writeln!(out, "\n///\n/// English message: {}", doc(&e.en));
        let _ = writeln!(out, "pub const {name}: &str = {};", lit(code));
        names.push(name);
    }
    let _ = writeln!(
        out,
        "\n/// Every finding code of the `{0}` domain, in the order of\n/// `data/messages/{0}.json`.\npub const CODES: &[&str] = &[{1}];",
        d.name,
        names.join(", ")
    );
    out.push_str(&builders_code(d));
    out
}

/// Rust's keywords that may name a declared param (`type`): written as raw
/// identifiers.
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "box", "break", "const", "continue", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "pub", "ref", "return", "static", "struct", "trait", "true", "try", "type", "unsafe", "use",
    "where", "while", "yield",
];

/// `name` as a Rust identifier (`type` → `r#type`).
fn ident(name: &str) -> String {
    if KEYWORDS.contains(&name) {
        format!("r#{name}")
    } else {
        name.to_owned()
    }
}

/// A domain's `pub mod finding`: per finding code a function taking the path and
/// exactly the declared params, in declared order, that builds the finding with
/// the data's severity:
///
/// ```ignore
/// documents::finding::missing(path, document, clause, refusal) // == Finding::error(MISSING, path)
///     .basis(…)                                                //      .with("document", document)…
/// ```
fn builders_code(d: &Domain) -> String {
    let mut out = format!(
        "\n/// A typed builder per finding code of the `{0}` domain: the finding at\n\
         /// `path` with the data's severity and exactly the declared params, in\n\
         /// declared order (add the basis with [`Finding::basis`]).\n\
         ///\n\
         /// [`Finding::basis`]: crate::findings::Finding::basis\n\
         #[allow(dead_code)] // a code chosen at run time is emitted through its constant\n\
         pub mod finding {{\n    use crate::findings::{{Finding, {1}Severity}};\n",
        d.name,
        if d.entries
            .iter()
            .any(|(_, e)| e.finding().is_some() && !e.params.is_empty())
        {
            "Param, "
        } else {
            ""
        }
    );
    if !d.entries.iter().any(|(_, e)| e.finding().is_some()) {
        return String::new();
    }
    for (code, e) in &d.entries {
        let Some((severity, _, _)) = e.finding() else {
            continue;
        };
        let name = catalog::const_name(code);
        let severity = match severity {
            catalog::Severity::Error => "Error",
            catalog::Severity::Warning => "Warning",
            catalog::Severity::Info => "Info",
        };
        let args: String = e
            .params
            .iter()
            .map(|p| format!(", {}: impl Into<Param>", ident(p)))
            .collect();
        let with: String = e
            .params
            .iter()
            .map(|p| format!("\n            .with({}, {})", lit(p), ident(p)))
            .collect();
        let _ = write!(
            out,
            "\n    /// [`{name}`](super::{name}) (`{code}`) at `path`.\n    \
             #[inline]\n    \
             pub fn {fname}(path: impl Into<String>{args}) -> Finding {{\n        \
             Finding::new(Severity::{severity}, super::{name}, path){with}\n    }}\n",
            fname = name.to_ascii_lowercase(),
        );
    }
    out.push_str("}\n");
    out
}

/// A Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

/// The reference table of every finding code (`docs/checks.md`).
fn checks_md(domains: &[Domain]) -> String {
    let mut out = String::from(
        "<!-- Generated from data/messages/*.json by build/messages.rs; do not edit.\n     \
         Rewrite it with: KZ_BLESS=1 cargo test --test it codes:: -->\n\n\
         # Checks\n\n\
         Every finding code, per domain (`data/messages/<domain>.json`, where its kk/ru/en\n\
         message is): its severity, what it reports and the rule it rests on. Callers may\n\
         change the severity of any code with `Options.severity`.\n\n\
         Citations are `<edition> <clause>` (PR: the permit regulation, GR: the expertise\n\
         regulation, App.: appendix, T: table). \"Form\" means the blank's own structure (a\n\
         row labelled \"Total, including by sites\" is by definition the sum of the site\n\
         rows; a column headed \"20__\" holds a year of this century): `almaty_oblast_2012\n\
         PR App.1 T<n>` under that edition, `karaganda_2013 App.3 T<n>` otherwise.\n\
         `eco_code_2007` is the Ecological Code of 09.01.2007. [rec] marks a check the\n\
         seeds do not state (a warning unless noted); \"—\" a check of the input itself.\n",
    );
    for d in domains {
        let rows: Vec<_> = d
            .entries
            .iter()
            .filter_map(|(c, e)| Some((c, e.finding()?)))
            .collect();
        if rows.is_empty() {
            continue;
        }
        let native = if catalog::NATIVE_DOMAINS.contains(&d.name.as_str()) {
            " (native only: the HTTP service's)"
        } else {
            ""
        };
        let _ = write!(
            out,
            "\n## {0}{native}\n\n| code | severity | what | basis |\n|---|---|---|---|\n",
            d.name
        );
        for (code, (severity, what, basis)) in rows {
            let _ = writeln!(
                out,
                "| `{code}` | {} | {} | {} |",
                severity.as_str(),
                cell(what),
                cell(basis)
            );
        }
    }
    out
}
