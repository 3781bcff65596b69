//! `data/messages/*.json` → the message catalog (`messages.rs`): entries sorted by
//! code (the names in `terms.json` go to the terms table, `build/terms.rs`).
//!
//! Checked: each file holds only codes of its own domain (`<file>.<name>`, dotted
//! snake_case), no code twice, three non-empty languages, every placeholder
//! declared in `params`, every declared param used in every language.

use std::fmt::Write as _;

use crate::gen::{self, lit, Problems};

pub fn generate(p: &mut Problems) -> String {
    let mut files: Vec<String> = std::fs::read_dir("data/messages")
        .expect("data/messages exists")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json") && n != "terms.json")
        .collect();
    files.sort();
    let mut entries: Vec<(String, String)> = Vec::new();
    for file in &files {
        let domain = file.trim_end_matches(".json");
        let path = format!("data/messages/{file}");
        let json = gen::read_json(&path);
        let Some(map) = gen::object(&json, &path, p) else {
            continue;
        };
        for (code, entry) in map {
            let place = format!("{path}: {code}");
            let valid_code = code.starts_with(&format!("{domain}."))
                && code.split('.').all(|part| {
                    !part.is_empty()
                        && part
                            .bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
                });
            if !valid_code {
                p.add(
                    &place,
                    format!("code must be dotted snake_case starting with \"{domain}.\""),
                );
            }
            let Some(o) = gen::object(entry, &place, p) else {
                continue;
            };
            gen::known_keys(o, &["params", "kk", "ru", "en"], &place, p);
            let params: Vec<&str> = match o.get("params") {
                None => Vec::new(),
                Some(v) => match v.as_array() {
                    Some(a) => a.iter().filter_map(|x| x.as_str()).collect(),
                    None => {
                        p.add(&place, "params must be an array of names");
                        Vec::new()
                    }
                },
            };
            let mut texts = Vec::new();
            for lang in ["kk", "ru", "en"] {
                let t = gen::string(o, lang, &place, p);
                let used = gen::placeholders(t);
                for name in &used {
                    if !params.contains(name) {
                        p.add(
                            &place,
                            format!("{lang}: placeholder {{{name}}} is not declared in params"),
                        );
                    }
                }
                for name in &params {
                    if !used.contains(name) {
                        p.add(&place, format!("{lang}: declared param {name} is not used"));
                    }
                }
                texts.push(lit(t));
            }
            let code_lit = format!(
                "Entry {{ code: {}, params: {}, text: Localized {{ kk: {}, ru: {}, en: {} }} }}",
                lit(code),
                gen::str_slice(params.iter().copied()),
                texts[0],
                texts[1],
                texts[2]
            );
            if entries.iter().any(|(c, _)| c == code) {
                p.add(&place, "code defined twice");
            }
            entries.push((code.clone(), code_lit));
        }
    }
    entries.sort();

    let mut out = String::from(
        "/// Catalog entries, sorted by code.\npub(crate) static ENTRIES: &[Entry] = &[\n",
    );
    for (_, e) in &entries {
        let _ = writeln!(out, "    {e},");
    }
    out.push_str("];\n");
    out
}
