//! Differential testing with a seeded generator of hostile inputs: applications,
//! checklist and deadline queries, identifiers — built from the examples and the
//! corpus's queries by random edits (odd numbers, lone surrogates, strings and keys
//! at and beyond the limits, deep nesting, repeated keys, array-index keys, wrong
//! types, JSON-only roots). Every case is JSON text; each is answered
//!
//! - natively by the Rust API on the text, which is what the command line prints
//!   (`check --jsonl`, `id --jsonl` and `deadlines --jsonl` are run on every case
//!   to show it), and its answers' hashes are compared with
//!   `tests/vectors/differential.txt`, the native answers recorded for the default
//!   seed (`KZ_BLESS=1` rewrites the file);
//! - in wasm (Node and Chromium) by the same Rust API, compared with the same
//!   recorded hashes, and by the JavaScript API with the text and with the object
//!   `JSON.parse` makes of it, which must give the same bytes — except that the
//!   text's repeated keys add their `input.duplicate_key` warnings (the object has
//!   none to warn about).
//!
//! The seed and the number of cases per kind come from `KZ_DIFF_SEED` (hex or
//! decimal) and `KZ_DIFF_CASES` (natively when the test runs, in wasm when it is
//! compiled); the test prints both. With other values than the defaults the
//! recorded hashes are not compared. A failure names the seed, the case and both
//! answers; the case's text is printed in full to `target/differential-case.json`
//! natively.
//!
//! What the generator leaves out, because the text and `JSON.parse` of it are not
//! the same input there (DESIGN.md, "Which limit applies first"): an input beyond
//! two different limits at once, and a value beyond a limit that a repeated key
//! later replaces.

use kz_eco_rules::documents::checklist_json;
use kz_eco_rules::ident::Verdict;
use kz_eco_rules::input::{Limits, Value};
use kz_eco_rules::sla::deadlines_json;
use kz_eco_rules::{validate_json, Lang, Options};
use wasm_bindgen_test::wasm_bindgen_test;

use crate::common;

const DEFAULT_SEED: u64 = 0x6B7A_2026_0021;
const DEFAULT_CASES: usize = 120;

/// SplitMix64: small, fast and the same on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

fn parse_number(text: &str) -> Option<u64> {
    match text.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(&hex.replace('_', ""), 16).ok(),
        None => text.parse().ok(),
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn setting(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

#[cfg(target_arch = "wasm32")]
fn setting(name: &str) -> Option<String> {
    match name {
        "KZ_DIFF_SEED" => option_env!("KZ_DIFF_SEED").map(str::to_owned),
        "KZ_DIFF_CASES" => option_env!("KZ_DIFF_CASES").map(str::to_owned),
        _ => None,
    }
}

/// The seed and the number of cases per kind in force.
fn settings() -> (u64, usize) {
    let seed = setting("KZ_DIFF_SEED").and_then(|s| parse_number(&s));
    let cases = setting("KZ_DIFF_CASES").and_then(|s| s.parse().ok());
    (seed.unwrap_or(DEFAULT_SEED), cases.unwrap_or(DEFAULT_CASES))
}

// ---- Generated JSON --------------------------------------------------------

/// A JSON value as text is written: strings and keys hold their escaped text (so
/// a lone surrogate escape can be written), objects may repeat keys.
#[derive(Clone)]
enum J {
    Lit(String),
    Str(String),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

fn escape(s: &str) -> String {
    let quoted = serde_json::to_string(s).unwrap();
    quoted[1..quoted.len() - 1].to_owned()
}

fn from_value(v: &Value) -> J {
    match v {
        Value::Null => J::Lit("null".into()),
        Value::Bool(b) => J::Lit(b.to_string()),
        Value::Number(n) => J::Lit(kz_eco_rules::input::number_text(*n).unwrap()),
        Value::String(s) => J::Str(escape(s)),
        Value::Array(items) => J::Arr(items.iter().map(from_value).collect()),
        Value::Object(entries) => J::Obj(
            entries
                .iter()
                .map(|(k, v)| (escape(k), from_value(v)))
                .collect(),
        ),
        other => panic!("not JSON: {other:?}"),
    }
}

fn write(j: &J, out: &mut String) {
    match j {
        J::Lit(l) => out.push_str(l),
        J::Str(s) => {
            out.push('"');
            out.push_str(s);
            out.push('"');
        }
        J::Arr(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(item, out);
            }
            out.push(']');
        }
        J::Obj(entries) => {
            out.push('{');
            for (i, (k, v)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push('"');
                out.push_str(k);
                out.push_str("\":");
                write(v, out);
            }
            out.push('}');
        }
    }
}

fn text(j: &J) -> String {
    let mut out = String::new();
    write(j, &mut out);
    out
}

/// The limit a case is allowed to pass (one at most, see the module docs).
#[derive(Clone, Copy, PartialEq)]
enum Limit {
    None,
    Depth,
    Key,
}

const NUMBERS: &[&str] = &[
    "0",
    "-0",
    "-0.0",
    "1",
    "12.5",
    "0.1",
    "1.5e-7",
    "1E400",
    "-1e400",
    "1e-400",
    "5e-324",
    "9007199254740993",
    "123456789.123456789",
    "871008401427",
    "2014",
    "1e21",
];

const STRINGS: &[&str] = &[
    "",
    " ",
    "\\ud800",
    "x\\udc00y",
    "\\ud83d\\ude00",
    "\\u0000",
    "\\u2028",
    "１２",
    "0,019",
    "1 234,5",
    "1\\u00a0234,5",
    "-0",
    "NaN",
    "1,9E-02",
    "2019-12-06T18:10:00+06:00",
    "2013-02-29",
    "Қарағанды",
    "871008401427",
    "940140000385",
    "8710 0840 1427",
    "8710084\\ud80001427",
    "issue",
    "II",
    "portal",
    "almaty_city",
];

fn hostile_string(rng: &mut Rng) -> String {
    match rng.below(10) {
        0 => "1".repeat(65_536 + rng.below(3) - 1),
        1 => format!("{}\\ud800", "1".repeat(65_533 + rng.below(3))),
        2 => (0..rng.below(14) + 1)
            .map(|_| char::from(b'0' + rng.below(10) as u8))
            .collect(),
        _ => (*rng.pick(STRINGS)).to_owned(),
    }
}

fn nested(depth: usize, object: bool) -> J {
    let mut j = J::Lit("null".into());
    for _ in 0..depth {
        j = if object {
            J::Obj(vec![("a".into(), j)])
        } else {
            J::Arr(vec![j])
        };
    }
    j
}

/// A hostile value; deep nesting only when `limit` allows it.
fn hostile(rng: &mut Rng, limit: Limit) -> J {
    match rng.below(12) {
        0..=3 => J::Str(hostile_string(rng)),
        4..=6 => J::Lit((*rng.pick(NUMBERS)).to_owned()),
        7 => J::Lit((*rng.pick(&["null", "true", "false"])).to_owned()),
        8 => J::Arr(vec![]),
        9 => J::Obj(vec![]),
        10 if limit == Limit::Depth => nested(28 + rng.below(10), rng.chance(50)),
        _ => J::Arr(vec![J::Str(hostile_string(rng)), J::Lit("1".into())]),
    }
}

fn hostile_key(rng: &mut Rng, limit: Limit, known: &[String]) -> String {
    match rng.below(10) {
        0 | 1 if !known.is_empty() => rng.pick(known).clone(),
        2 => (*rng.pick(&["0", "7", "4294967294", "01"])).to_owned(),
        3 => "\\ud800".to_owned(),
        4 => "__proto__".to_owned(),
        5 if limit == Limit::Key => "k".repeat(65_537),
        6 => "k".repeat(65_536),
        _ => "x_unknown".to_owned(),
    }
}

/// Applies one random edit somewhere in `j`: a value replaced, a member added, a
/// key repeated with another value, a member removed. `dup_ok`: repeated keys are
/// allowed (not in a case beyond a limit).
fn mutate(j: &mut J, rng: &mut Rng, limit: Limit, dup_ok: bool) {
    // Walk down a random path, stopping at a random depth.
    let mut node = j;
    loop {
        let go_down = rng.chance(70);
        let next = match &*node {
            J::Arr(items) if go_down && !items.is_empty() => {
                let i = rng.below(items.len());
                Some(i)
            }
            J::Obj(entries) if go_down && !entries.is_empty() => {
                let i = rng.below(entries.len());
                Some(i)
            }
            _ => None,
        };
        let Some(i) = next else { break };
        let descend = match &*node {
            J::Arr(items) => matches!(items[i], J::Arr(_) | J::Obj(_)),
            J::Obj(entries) => matches!(entries[i].1, J::Arr(_) | J::Obj(_)),
            _ => false,
        };
        if !descend {
            break;
        }
        node = match node {
            J::Arr(items) => &mut items[i],
            J::Obj(entries) => &mut entries[i].1,
            _ => unreachable!(),
        };
    }
    match node {
        J::Obj(entries) => {
            let known: Vec<String> = entries.iter().map(|(k, _)| k.clone()).collect();
            match rng.below(4) {
                0 if !entries.is_empty() => {
                    let i = rng.below(entries.len());
                    entries[i].1 = hostile(rng, limit);
                }
                1 if dup_ok && !entries.is_empty() => {
                    let key = rng.pick(&known).clone();
                    entries.push((key, hostile(rng, Limit::None)));
                }
                2 if !entries.is_empty() => {
                    let i = rng.below(entries.len());
                    entries.remove(i);
                }
                _ => {
                    let key = hostile_key(rng, limit, &[]);
                    if !known.contains(&key) {
                        entries.push((key, hostile(rng, limit)));
                    }
                }
            }
        }
        J::Arr(items) => {
            if items.is_empty() || rng.chance(30) {
                items.push(hostile(rng, limit));
            } else {
                let i = rng.below(items.len());
                items[i] = hostile(rng, limit);
            }
        }
        other => *other = hostile(rng, limit),
    }
}

/// A variant of `base`: one to four edits, within one limit at most.
fn variant(base: &J, rng: &mut Rng) -> String {
    let limit = *rng.pick(&[
        Limit::None,
        Limit::None,
        Limit::None,
        Limit::Depth,
        Limit::Key,
    ]);
    let mut j = base.clone();
    for _ in 0..=rng.below(4) {
        mutate(&mut j, rng, limit, limit == Limit::None);
    }
    if let (J::Obj(entries), true) = (&mut j, limit == Limit::Key) {
        // Make sure the case is beyond the key limit.
        entries.push(("k".repeat(65_537 + rng.below(3)), J::Lit("1".into())));
    }
    if limit == Limit::None && rng.chance(15) {
        // A repeated fact, as in the form's "facts" object.
        if let J::Obj(entries) = &mut j {
            if let Some((_, J::Obj(facts))) = entries.iter_mut().find(|(k, _)| k == "facts") {
                let fact = facts
                    .first()
                    .map_or("planned_activity".to_owned(), |f| f.0.clone());
                facts.insert(0, (fact, hostile(rng, Limit::None)));
            }
        }
    }
    text(&j)
}

/// A root that is no query at all.
fn odd_root(rng: &mut Rng) -> String {
    match rng.below(4) {
        0 => "null".to_owned(),
        1 => text(&nested(33 + rng.below(3), rng.chance(50))),
        _ => text(&hostile(rng, Limit::None)),
    }
}

fn tree(text: &str) -> J {
    from_value(&Value::from_json_str(text, &Limits::default()).unwrap())
}

/// The generated cases of one kind.
fn generate(kind: &str, seed: u64, n: usize) -> Vec<String> {
    let mut rng = Rng(seed ^ crc(kind));
    match kind {
        "applications" => {
            let bases: Vec<J> = common::EXAMPLES.iter().map(|(_, t)| tree(t)).collect();
            (0..n)
                .map(|_| {
                    if rng.chance(3) {
                        odd_root(&mut rng)
                    } else {
                        let base = rng.pick(&bases).clone();
                        variant(&base, &mut rng)
                    }
                })
                .collect()
        }
        "documents" | "deadlines" => {
            let corpus = if kind == "documents" {
                include_str!("../vectors/parity/documents.jsonl")
            } else {
                include_str!("../vectors/parity/deadlines.jsonl")
            };
            let limits = Limits {
                max_string_len: usize::MAX,
                ..Limits::default()
            };
            let bases: Vec<J> = corpus
                .lines()
                .filter_map(|l| Value::from_json_str(l, &limits).ok())
                .filter_map(|v| match v.get("input") {
                    Some(q @ Value::Object(_)) if v.get("js").is_none() => Some(from_value(q)),
                    _ => None,
                })
                .filter(|j| text(j).len() < 4096)
                .collect();
            (0..n)
                .map(|_| {
                    if rng.chance(5) {
                        odd_root(&mut rng)
                    } else {
                        let base = rng.pick(&bases).clone();
                        variant(&base, &mut rng)
                    }
                })
                .collect()
        }
        "identifiers" => (0..n * 10)
            .map(|_| match rng.below(10) {
                0 => odd_root(&mut rng),
                1 if rng.chance(30) => {
                    text(&J::Obj(vec![("k".repeat(65_537), J::Lit("1".into()))]))
                }
                1..=2 => text(&hostile(&mut rng, Limit::None)),
                _ => text(&J::Str(hostile_string(&mut rng))),
            })
            .collect(),
        other => panic!("no kind {other}"),
    }
}

fn crc(kind: &str) -> u64 {
    kind.bytes().fold(0xCBF2_9CE4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01B3)
    })
}

const KINDS: [&str; 4] = ["applications", "documents", "deadlines", "identifiers"];

/// The options of case `i` (every language in turn).
fn options(i: usize) -> Options {
    Options::with_lang([Lang::Kk, Lang::Ru, Lang::En][i % 3])
}

/// The Rust API's answer to a case: what the command line prints for it.
fn rust_answer(kind: &str, i: usize, text: &str) -> String {
    let o = options(i);
    match kind {
        "applications" => serde_json::to_string(&validate_json(text, &o)).unwrap(),
        "documents" => serde_json::to_string(&checklist_json(text, &o)).unwrap(),
        "deadlines" => serde_json::to_string(&deadlines_json(text, &o)).unwrap(),
        "identifiers" => {
            let verdict = Verdict::of_json(text, &Limits::default()).expect("generated JSON");
            serde_json::to_string(&verdict).unwrap()
        }
        _ => unreachable!(),
    }
}

/// FNV-1a, 64 bits.
fn hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xCBF2_9CE4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01B3)
    })
}

const RECORDED: &str = include_str!("../vectors/differential.txt");

/// The recorded lines `kind index hash`, for the default settings.
fn recorded_lines(answers: &[(&str, Vec<String>)]) -> String {
    let mut out = format!(
        "# Hashes (FNV-1a 64) of the native answers to tests/it/differential.rs's cases, seed {DEFAULT_SEED:#x}, {DEFAULT_CASES} cases per kind (identifiers x10).\n"
    );
    for (kind, list) in answers {
        for (i, a) in list.iter().enumerate() {
            out.push_str(&format!("{kind} {i} {:016x}\n", hash(a.as_bytes())));
        }
    }
    out
}

fn short(s: &str) -> String {
    if s.len() <= 600 {
        s.to_owned()
    } else {
        let mut end = 600;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        format!("{}… ({} bytes)", &s[..end], s.len())
    }
}

/// Compares the answers with the recorded hashes (default settings only).
fn compare_with_recorded(
    seed: u64,
    n: usize,
    answers: &[(&str, Vec<String>)],
    cases: &[(&str, Vec<String>)],
) {
    if (seed, n) != (DEFAULT_SEED, DEFAULT_CASES) {
        return;
    }
    let want = RECORDED;
    let got = recorded_lines(answers);
    #[cfg(not(target_arch = "wasm32"))]
    if std::env::var_os("KZ_BLESS").is_some() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/vectors/differential.txt"
        );
        std::fs::write(path, &got).unwrap();
        return;
    }
    if got == want {
        return;
    }
    let mut lines_got = got.lines().skip(1);
    for (kind, list) in answers {
        let inputs = &cases.iter().find(|(k, _)| k == kind).unwrap().1;
        for (i, a) in list.iter().enumerate() {
            let line = lines_got.next().unwrap_or("");
            if !want.lines().any(|w| w == line) {
                panic!(
                    "seed {seed:#x}: {kind} case {i} answers differently from the recorded native answer \
                     (KZ_BLESS=1 natively rewrites tests/vectors/differential.txt when intended)\n  input:  {}\n  answer: {}",
                    short(&inputs[i]),
                    short(a)
                );
            }
        }
    }
    panic!("seed {seed:#x}: the recorded hashes differ in number (KZ_BLESS=1 to rewrite)");
}

fn all_cases(seed: u64, n: usize) -> Vec<(&'static str, Vec<String>)> {
    KINDS.iter().map(|k| (*k, generate(k, seed, n))).collect()
}

fn rust_answers(cases: &[(&'static str, Vec<String>)]) -> Vec<(&'static str, Vec<String>)> {
    cases
        .iter()
        .map(|(kind, list)| {
            let answers = list
                .iter()
                .enumerate()
                .map(|(i, t)| rust_answer(kind, i, t))
                .collect();
            (*kind, answers)
        })
        .collect()
}

#[wasm_bindgen_test(unsupported = test)]
fn the_rust_api_gives_the_recorded_native_answers() {
    let (seed, n) = settings();
    say(&format!(
        "differential: seed {seed:#x} (KZ_DIFF_SEED), {n} cases per kind (KZ_DIFF_CASES), {} in all",
        n * 3 + n * 10
    ));
    let cases = all_cases(seed, n);
    let answers = rust_answers(&cases);
    compare_with_recorded(seed, n, &answers, &cases);
}

/// Prints a line past the test harness's capture (natively) or to the console.
fn say(line: &str) {
    #[cfg(not(target_arch = "wasm32"))]
    {
        use std::io::Write;
        let _ = writeln!(std::io::stderr().lock(), "{line}");
    }
    #[cfg(target_arch = "wasm32")]
    wasm_bindgen_test::console_log!("{line}");
}

/// The command line prints the Rust API's answers, line for line.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn the_command_line_prints_the_rust_api_answers() {
    use crate::common::cli::{run, stdout};
    let (seed, n) = settings();
    let cases = all_cases(seed, n);
    for (kind, args) in [
        ("applications", &["check", "--jsonl"][..]),
        ("deadlines", &["deadlines", "--jsonl"]),
        ("identifiers", &["id", "--jsonl"]),
    ] {
        let list = &cases.iter().find(|(k, _)| *k == kind).unwrap().1;
        // One language for the whole run: the CLI's default (ru), or --lang.
        let lang = ["kk", "ru", "en"];
        for (l, lang_name) in lang.iter().enumerate() {
            let picked: Vec<(usize, &String)> = list
                .iter()
                .enumerate()
                .filter(|(i, _)| i % 3 == l)
                .collect();
            let input: String = picked.iter().map(|(_, t)| format!("{t}\n")).collect();
            let mut full_args = args.to_vec();
            if kind != "identifiers" {
                full_args.extend(["--lang", lang_name]);
            }
            let o = run(&full_args, input);
            assert!(matches!(o.status.code(), Some(0 | 1)), "{kind}: {o:?}");
            let out = stdout(&o);
            let lines: Vec<&str> = out.lines().collect();
            assert_eq!(lines.len(), picked.len(), "{kind}");
            for ((i, t), line) in picked.iter().zip(lines) {
                let want = rust_answer(kind, *i, t);
                if line != want {
                    let path =
                        concat!(env!("CARGO_MANIFEST_DIR"), "/target/differential-case.json");
                    let _ = std::fs::write(path, t);
                    panic!(
                        "seed {seed:#x}: `{}` differs from the Rust API on {kind} case {i} (in {path})\n  cli:  {}\n  rust: {}",
                        full_args.join(" "),
                        short(line),
                        short(&want)
                    );
                }
            }
        }
    }
}

/// The text's report without its `input.duplicate_key` warnings: what the
/// object `JSON.parse` makes of the text must give (compared as JSON values: key
/// order is the serializer's on both sides).
#[cfg(target_arch = "wasm32")]
fn without_duplicate_warnings(answer: &str) -> serde_json::Value {
    let mut v: serde_json::Value = serde_json::from_str(answer).unwrap();
    let Some(findings) = v.get_mut("findings").and_then(|f| f.as_array_mut()) else {
        return v;
    };
    let before = findings.len();
    findings.retain(|f| f["code"] != "input.duplicate_key");
    let removed = (before - findings.len()) as u64;
    if let Some(w) = v.pointer_mut("/counts/warning") {
        *w = serde_json::Value::from(w.as_u64().unwrap() - removed);
    }
    v
}

#[cfg(target_arch = "wasm32")]
mod js {
    use super::*;
    use crate::common::js::{parse, stringify};
    use kz_eco_rules::wasm;
    use wasm_bindgen::JsValue;

    fn js_options(i: usize) -> JsValue {
        parse(&format!(r#"{{"lang":"{}"}}"#, ["kk", "ru", "en"][i % 3]))
    }

    fn call(kind: &str, i: usize, arg: JsValue) -> Result<String, String> {
        let result = match kind {
            "applications" => wasm::validate_application(arg, js_options(i)),
            "documents" => wasm::required_documents(arg, js_options(i)),
            "deadlines" => wasm::deadlines(arg, js_options(i)),
            "identifiers" => wasm::validate_identifier(arg),
            _ => unreachable!(),
        };
        result
            .map(|v| stringify(&v))
            .map_err(|e| format!("threw {}", stringify(&e)))
    }

    #[wasm_bindgen_test]
    fn the_javascript_api_gives_the_rust_answers_for_objects_and_text() {
        let (seed, n) = settings();
        let cases = all_cases(seed, n);
        let answers = rust_answers(&cases);
        for ((kind, list), (_, want)) in cases.iter().zip(&answers) {
            let mut objects = Vec::new();
            for (i, t) in list.iter().enumerate() {
                let fail = |path: &str, got: &str| {
                    panic!(
                        "seed {seed:#x}: {kind} case {i}: the JavaScript API ({path}) differs from the Rust API\n  input: {}\n  js:    {}\n  rust:  {}",
                        short(t),
                        short(got),
                        short(&want[i])
                    )
                };
                if *kind != "identifiers" {
                    let got = call(kind, i, JsValue::from_str(t)).unwrap_or_else(|e| e);
                    if got != want[i] {
                        fail("JSON text", &got);
                    }
                }
                let object = parse(t);
                objects.push(object.clone());
                // A JavaScript string given for an application, query or checklist
                // is its JSON text (as documented), so an object that is a string
                // is the text case again, not a value to compare.
                if *kind != "identifiers" && object.is_string() {
                    continue;
                }
                let got = call(kind, i, object).unwrap_or_else(|e| e);
                let same = if *kind == "identifiers" {
                    got == want[i]
                } else {
                    serde_json::from_str::<serde_json::Value>(&got).ok()
                        == Some(without_duplicate_warnings(&want[i]))
                };
                if !same {
                    fail("the object JSON.parse makes of the text", &got);
                }
            }
            if *kind == "identifiers" {
                let array = js_sys::Array::new();
                for o in &objects {
                    array.push(o);
                }
                let batch = stringify(&wasm::validate_identifiers(array.into()).unwrap());
                assert_eq!(
                    batch,
                    format!("[{}]", want.join(",")),
                    "seed {seed:#x}: batch"
                );
            }
        }
    }
}
