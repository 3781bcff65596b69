//! The layers point one way: the bottom of the crate — findings, input and the
//! leaves they use — names no module above it. Checked on the source: every
//! `crate::` path in code (comments aside) of a bottom module must start with a
//! module it may use, and no file climbs out of its module with `super::super`.
//!
//! | module     | may use                    |
//! |------------|----------------------------|
//! | `lang`     | —                          |
//! | `keys`     | —                          |
//! | `text`     | —                          |
//! | `terms`    | `lang`                     |
//! | `citations`| `lang`, `text`             |
//! | `findings` | `lang`, `terms`, `citations`, `input` |
//! | `input`    | `lang`, `keys`, `findings` |

use std::path::{Path, PathBuf};

/// Each bottom module and the crate modules it may use (besides itself).
const BOTTOM: &[(&str, &[&str])] = &[
    ("lang", &["text"]),
    ("keys", &[]),
    ("text", &[]),
    ("terms", &["lang"]),
    ("citations", &["lang", "text"]),
    ("findings", &["lang", "text", "terms", "citations", "input"]),
    ("input", &["lang", "keys", "text", "findings"]),
];

/// The files of module `name`: `src/name.rs` or everything under `src/name/`.
fn files(name: &str) -> Vec<PathBuf> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let file = src.join(format!("{name}.rs"));
    if file.is_file() {
        return vec![file];
    }
    let mut out = Vec::new();
    let mut dirs = vec![src.join(name)];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{dir:?}: {e}")) {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    assert!(!out.is_empty(), "module {name} has no files");
    out
}

/// The first segment of every `crate::` path in `code` (comments skipped):
/// `crate::a::b` and `crate::{a::b, c}` give `a` and `c`; `super::super` gives
/// `super::super`.
fn crate_uses(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in code.lines() {
        let line = line.split("//").next().unwrap_or("");
        if line.contains("super::super") {
            out.push("super::super".to_owned());
        }
        let mut rest = line;
        while let Some(at) = rest.find("crate::") {
            let before = rest[..at].chars().next_back();
            rest = &rest[at + "crate::".len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue; // e.g. `my_crate::`
            }
            match rest.strip_prefix('{') {
                Some(group) => {
                    // Top-level items of the group (a group may span lines: the
                    // rest of this line is read; the next lines are checked
                    // through `group_lines` below).
                    out.extend(group_heads(group));
                }
                None => out.push(ident(rest).to_owned()),
            }
        }
    }
    out.extend(group_lines(code));
    out.sort();
    out.dedup();
    out
}

/// The identifier at the start of `s`.
fn ident(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    &s[..end]
}

/// The first segments of the items of a `{…}` group, at brace depth 0, up to its
/// closing brace.
fn group_heads(group: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0;
    let mut start = true;
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => break,
            '}' => depth -= 1,
            ',' if depth == 0 => start = true,
            c if start && (c.is_alphanumeric() || c == '_') => {
                out.push(ident(&group[i..]).to_owned());
                start = false;
            }
            _ => {}
        }
    }
    out
}

/// Groups `crate::{` that span lines: their items on the following lines.
fn group_lines(code: &str) -> Vec<String> {
    let code: String = code
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join(" ");
    let mut out = Vec::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("crate::{") {
        rest = &rest[at + "crate::{".len()..];
        out.extend(group_heads(rest));
    }
    out
}

#[test]
fn the_bottom_layer_names_nothing_above_it() {
    let mut wrong = Vec::new();
    for (module, may_use) in BOTTOM {
        for file in files(module) {
            let code = std::fs::read_to_string(&file).unwrap();
            for used in crate_uses(&code) {
                if used != *module && !may_use.contains(&used.as_str()) {
                    wrong.push(format!("{}: crate::{used}", file.display()));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "the bottom layer reaches up:\n  {}",
        wrong.join("\n  ")
    );
}

#[test]
fn the_scanner_finds_every_form_of_path() {
    let code = "use crate::documents::x;\n\
                use crate::{lang::Lang, emissions,\n    sla::{a, b}};\n\
                let n = crate::editions::edition_name(id);\n\
                // crate::validate in a comment\n\
                use my_crate::ident;\n\
                use super::super::calendar;\n";
    assert_eq!(
        crate_uses(code),
        [
            "documents",
            "editions",
            "emissions",
            "lang",
            "sla",
            "super::super"
        ]
    );
}
