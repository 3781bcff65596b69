//! The finding codes and their data (`data/messages/*.json`): the checks the build
//! script runs on every entry catch what they should, the reference
//! `docs/checks.md` is what the data gives, and the findings the rules emit have
//! their code's documented severity and declared params.
//!
//! Rewrite `docs/checks.md` after editing the data with
//! `KZ_BLESS=1 cargo test --test it codes::`.

#[allow(dead_code)]
#[path = "../../build/catalog.rs"]
mod catalog;

use std::collections::BTreeMap;

use catalog::{check_file, Entries, Entry, Problem};

/// The checker's problems for one data file `{code: entry, …}` of `domain`.
fn problems(domain: &str, json: &str) -> Vec<Problem> {
    let Entries(entries) = serde_json::from_str(json).expect("a well-formed fixture");
    check_file(domain, &entries)
}

fn pointers(problems: &[Problem]) -> Vec<&str> {
    problems.iter().map(|p| p.pointer.as_str()).collect()
}

const GOOD: &str = r#"{
  "documents.not_in_list": {
    "severity": "info", "what": "Not in the list.", "basis": "`data/documents/`",
    "params": ["document"],
    "kk": "«{document}» тізбеге кірмейді.", "ru": "«{document}» не входит в перечень.",
    "en": "“{document}” is not in the list."
  },
  "documents.ok": { "label": true, "kk": "Жарайды", "ru": "Хорошо", "en": "Fine" }
}"#;

#[test]
fn a_good_file_has_no_problems() {
    assert_eq!(problems("documents", GOOD), []);
}

#[test]
fn a_missing_language_or_an_unknown_key_does_not_parse() {
    let no_kk = r#"{"severity": "info", "what": "w", "basis": "b", "ru": "р", "en": "e"}"#;
    let e = serde_json::from_str::<Entry>(no_kk).unwrap_err();
    assert!(e.to_string().contains("missing field `kk`"), "{e}");
    let typo = r#"{"severity": "info", "what": "w", "basis": "b", "kk": "к", "ru": "р", "en": "e", "param": []}"#;
    let e = serde_json::from_str::<Entry>(typo).unwrap_err();
    assert!(e.to_string().contains("unknown field `param`"), "{e}");
    let severity =
        r#"{"severity": "fatal", "what": "w", "basis": "b", "kk": "к", "ru": "р", "en": "e"}"#;
    assert!(serde_json::from_str::<Entry>(severity).is_err());
}

#[test]
fn placeholders_must_match_the_declared_params_in_every_language() {
    let undeclared = GOOD.replace("«{document}» не входит", "«{doc}» не входит");
    let p = problems("documents", &undeclared);
    assert_eq!(
        pointers(&p),
        [
            "/documents.not_in_list/ru",
            "/documents.not_in_list/params/0"
        ],
        "{p:?}"
    );
    assert!(p[0].what.contains("{doc}"), "{p:?}");
    assert!(p[1].what.contains("not used in ru"), "{p:?}");

    let omitted = GOOD.replace("“{document}” is not", "It is not");
    let p = problems("documents", &omitted);
    assert_eq!(pointers(&p), ["/documents.not_in_list/params/0"], "{p:?}");
    assert!(p[0].what.contains("en"), "{p:?}");

    let empty = GOOD.replace("\"kk\": \"Жарайды\"", "\"kk\": \" \"");
    assert_eq!(
        pointers(&problems("documents", &empty)),
        ["/documents.ok/kk"]
    );

    let twice = GOOD.replace(
        "\"params\": [\"document\"]",
        "\"params\": [\"document\", \"document\"]",
    );
    assert_eq!(
        pointers(&problems("documents", &twice)),
        ["/documents.not_in_list/params/1"]
    );
}

#[test]
fn a_finding_code_is_described_and_a_label_is_not() {
    let no_basis = GOOD.replace(", \"basis\": \"`data/documents/`\"", "");
    let p = problems("documents", &no_basis);
    assert_eq!(pointers(&p), ["/documents.not_in_list"], "{p:?}");
    assert!(p[0].what.contains("basis"), "{p:?}");

    let described_label = GOOD.replace(
        "\"label\": true,",
        "\"label\": true, \"severity\": \"info\",",
    );
    assert_eq!(
        pointers(&problems("documents", &described_label)),
        ["/documents.ok/severity"]
    );
}

#[test]
fn codes_belong_to_their_domain_once() {
    let p = problems("emissions", GOOD);
    assert_eq!(
        pointers(&p),
        ["/documents.not_in_list", "/documents.ok"],
        "{p:?}"
    );
    let bad = GOOD.replace("documents.ok", "documents.Ok.2x");
    assert_eq!(pointers(&problems("documents", &bad)), ["/documents.Ok.2x"]);
    let twice = r#"{
      "documents.ok": { "label": true, "kk": "a", "ru": "b", "en": "c" },
      "documents.ok": { "label": true, "kk": "a", "ru": "b", "en": "c" }
    }"#;
    assert_eq!(pointers(&problems("documents", twice)), ["/documents.ok"]);
    assert_eq!(catalog::pointer(["a/b", "c~d"]), "/a~1b/c~0d");
}

/// Every data file of the catalog, `(domain, entries)`.
fn data() -> Vec<(String, Vec<(String, Entry)>)> {
    let mut out = Vec::new();
    for file in std::fs::read_dir("data/messages").unwrap() {
        let path = file.unwrap().path();
        let domain = path.file_stem().unwrap().to_string_lossy().into_owned();
        if domain == "terms" {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let Entries(entries) = serde_json::from_str(&text).unwrap();
        out.push((domain, entries));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

#[test]
fn the_data_passes_the_checks_and_every_code_is_public() {
    use kz_eco_rules::{
        application_codes, calendar, category, declaration, documents, editions, emissions,
        findings, form, ident, input, signature, sla, transition,
    };
    let mut finding_codes = Vec::new();
    for (domain, entries) in data() {
        assert_eq!(check_file(&domain, &entries), [], "{domain}");
        finding_codes.extend(
            entries
                .iter()
                .filter(|(_, e)| e.finding().is_some())
                .map(|(c, _)| c.clone()),
        );
    }
    let public: Vec<&str> = [
        application_codes::CODES,
        calendar::CODES,
        category::CODES,
        declaration::CODES,
        documents::CODES,
        editions::CODES,
        emissions::CODES,
        ident::CODES,
        input::INPUT_CODES,
        findings::report_codes::CODES,
        form::CODES,
        signature::CODES,
        sla::CODES,
        transition::CODES,
        findings::http_codes::CODES,
    ]
    .concat();
    let mut public: Vec<String> = public.into_iter().map(str::to_owned).collect();
    public.sort();
    finding_codes.sort();
    assert_eq!(public, finding_codes, "a domain's CODES is not included");
}

/// The native-only domains (the HTTP service's `http.*`) are in the native
/// catalog and nowhere the wasm reads: not in `entries()` (so not in
/// `messages(lang)`), not in the language packs; every other entry is.
#[test]
fn native_only_texts_stay_out_of_the_shared_catalog_and_the_packs() {
    use kz_eco_rules::findings::catalog as lib;
    let packs = [
        include_bytes!(concat!(env!("OUT_DIR"), "/texts.kk.pack")).as_slice(),
        include_bytes!(concat!(env!("OUT_DIR"), "/texts.ru.pack")),
        include_bytes!(concat!(env!("OUT_DIR"), "/texts.en.pack")),
    ];
    let packs: Vec<Vec<String>> = packs
        .iter()
        .map(|p| kz_eco_rules::packs::read(p).unwrap().1)
        .collect();
    let in_shared = |code: &str| lib::entries().iter().any(|e| e.code == code);
    let in_native = |code: &str| lib::native_entries().iter().any(|e| e.code == code);
    let mut native = 0;
    for (domain, entries) in data() {
        let native_only = catalog::NATIVE_DOMAINS.contains(&domain.as_str());
        for (code, e) in entries {
            assert_eq!(
                (in_shared(&code), in_native(&code)),
                (!native_only, native_only),
                "{code}"
            );
            assert_eq!(lib::native_entry(&code).is_some(), native_only, "{code}");
            if native_only {
                native += 1;
                for (pack, lang) in packs.iter().zip(catalog::LANGS) {
                    assert!(!pack.iter().any(|t| t == e.text(lang)), "{code} in {lang}");
                }
            }
        }
    }
    assert_eq!(native, lib::native_entries().len());
    assert!(native > 0);
    assert!(lib::messages(kz_eco_rules::Lang::En).all(|(code, _)| !code.starts_with("http.")));
}

#[test]
fn docs_checks_md_is_what_the_data_gives() {
    let generated = include_str!(concat!(env!("OUT_DIR"), "/checks.md"));
    let path = "docs/checks.md";
    if std::env::var_os("KZ_BLESS").is_some_and(|v| v == "1") {
        std::fs::write(path, generated).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == generated,
        "{path} differs from data/messages/*.json: run `KZ_BLESS=1 cargo test --test it codes::`"
    );
}

/// Every finding of the parity corpus (`tests/vectors/parity/`) has its code's
/// documented severity (unless the case overrides severities) and exactly its
/// declared params, in their order.
/// The generated builders (`<domain>::finding::<code>`) give the code, the
/// data's severity and the declared params in declared order (`type`, a Rust
/// keyword, included).
#[test]
fn typed_builders_follow_their_data() {
    use kz_eco_rules::{documents, editions, emissions, ident, transition};
    let built = [
        documents::finding::missing("/documents", "d", "r"),
        documents::finding::not_in_list("/documents/0/id", "d"),
        editions::finding::not_selected("/region"),
        emissions::finding::flow_spread_hourly("/x", "1", "y", "2"),
        ident::finding::not_a_string("", "number"),
        transition::finding::old_permit_expired("/old_permit", "2020-01-01", "2021-01-01"),
    ];
    let declared: BTreeMap<String, Entry> = data().into_iter().flat_map(|(_, e)| e).collect();
    for f in built {
        let e = &declared[f.code];
        let (severity, _, _) = e.finding().expect("a finding code");
        assert_eq!(f.severity.as_str(), severity.as_str(), "{}", f.code);
        let names: Vec<&str> = f.params.0.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, e.params, "{}", f.code);
        assert!(f.basis.is_none() && f.message.is_empty());
    }
}

#[test]
fn emitted_findings_match_their_data() {
    let mut declared = BTreeMap::new();
    for (_, entries) in data() {
        for (code, e) in entries {
            if let Some((s, _, _)) = e.finding() {
                declared.insert(code, (s.as_str(), e.params));
            }
        }
    }
    let mut seen = BTreeMap::<String, usize>::new();
    for kind in ["applications", "deadlines", "documents", "days"] {
        let dir = "tests/vectors/parity";
        let inputs = std::fs::read_to_string(format!("{dir}/{kind}.jsonl")).unwrap();
        let expected = std::fs::read_to_string(format!("{dir}/{kind}.expected.jsonl")).unwrap();
        let overridden: Vec<String> = inputs
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter(|v| {
                v["options"]["severity"]
                    .as_object()
                    .is_some_and(|o| !o.is_empty())
            })
            .filter_map(|v| v["name"].as_str().map(str::to_owned))
            .collect();
        for line in expected.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let findings = v["output"]["findings"].as_array().into_iter().flatten();
            for f in findings {
                let code = f["code"].as_str().unwrap();
                let (severity, params) = declared.get(code).expect("a documented code");
                let names: Vec<&String> = f["params"].as_object().unwrap().keys().collect();
                assert!(names.into_iter().eq(params), "{code} in {}", v["name"]);
                if !overridden.iter().any(|n| v["name"] == n.as_str()) {
                    assert_eq!(f["severity"], *severity, "{code} in {}", v["name"]);
                }
                *seen.entry(code.to_owned()).or_default() += 1;
            }
        }
    }
    assert!(seen.len() >= 40, "{seen:?}");
}
