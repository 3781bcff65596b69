//! Differential test of our JSON parser (`Value::from_json_str`) against
//! serde_json on generated documents and on mutations of them: both accept the
//! same texts and build the same trees. Intended differences, excluded here: a
//! lone surrogate escape (we read U+FFFD like JavaScript; serde_json rejects it)
//! and numbers beyond the double range (we read ±Infinity like `JSON.parse`;
//! serde_json rejects them).

use kz_eco_rules::input::{Limits, Value};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn gen_string(r: &mut Rng, out: &mut String) {
    const PIECES: &[&str] = &[
        "a",
        "Ж",
        "ә",
        "€",
        "😀",
        "\\n",
        "\\\"",
        "\\\\",
        "\\/",
        "\\u0041",
        "\\u0416",
        "\\ud83d\\ude00",
        " ",
        "x y",
        "«»",
        "\\t",
    ];
    out.push('"');
    for _ in 0..r.below(6) {
        out.push_str(PIECES[r.below(PIECES.len() as u64) as usize]);
    }
    out.push('"');
}

fn gen_number(r: &mut Rng, out: &mut String) {
    const NUMS: &[&str] = &[
        "0",
        "-0",
        "1",
        "-12",
        "12.5",
        "0.000123",
        "1e5",
        "2.5E-3",
        "1234567890123456789",
        "9007199254740993",
        "0.1",
        "31.536",
        "1e308",
        "-1.7976931348623157e308",
        "5e-324",
        "123.456e+7",
    ];
    out.push_str(NUMS[r.below(NUMS.len() as u64) as usize]);
}

fn gen_value(r: &mut Rng, depth: u32, out: &mut String) {
    let ws = |r: &mut Rng, out: &mut String| {
        for _ in 0..r.below(3) {
            out.push([' ', '\n', '\t', '\r'][r.below(4) as usize]);
        }
    };
    ws(r, out);
    match if depth > 4 { r.below(5) } else { r.below(7) } {
        0 => out.push_str("null"),
        1 => out.push_str(if r.below(2) == 0 { "true" } else { "false" }),
        2 | 3 => gen_number(r, out),
        4 => gen_string(r, out),
        5 => {
            out.push('[');
            for i in 0..r.below(4) {
                if i > 0 {
                    out.push(',');
                }
                gen_value(r, depth + 1, out);
            }
            out.push(']');
        }
        _ => {
            out.push('{');
            for i in 0..r.below(4) {
                if i > 0 {
                    out.push(',');
                }
                ws(r, out);
                gen_string(r, out);
                ws(r, out);
                out.push(':');
                gen_value(r, depth + 1, out);
            }
            out.push('}');
        }
    }
    ws(r, out);
}

/// JSON.parse semantics, as serde_json's map gives them: the last duplicate key
/// wins; key order is not compared (serde_json sorts keys).
fn normalize(v: Value) -> Value {
    match v {
        Value::Array(items) => Value::Array(items.into_iter().map(normalize).collect()),
        Value::Object(entries) => {
            let mut out: Vec<kz_eco_rules::input::Entry> = Vec::new();
            for (k, v) in entries {
                out.retain(|(existing, _)| *existing != k);
                out.push((k, normalize(v)));
            }
            out.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(out)
        }
        other => other,
    }
}

fn ours(text: &str) -> Option<Value<'_>> {
    Value::from_json_str(text, &Limits::default())
        .ok()
        .map(normalize)
}

fn theirs(text: &str) -> Option<Value<'_>> {
    let v: serde_json::Value = serde_json::from_str(text).ok()?;
    Some(normalize(Value::from_serialize(&v).unwrap()))
}

/// True when `v` or anything inside it satisfies `pred` (keys included).
fn has(v: &Value, pred: &dyn Fn(&Value) -> bool) -> bool {
    pred(v)
        || match v {
            Value::Array(items) => items.iter().any(|x| has(x, pred)),
            Value::Object(entries) => entries
                .iter()
                .any(|(k, x)| k.contains('\u{fffd}') || has(x, pred)),
            _ => false,
        }
}

#[test]
fn same_trees_as_serde_json_on_generated_documents() {
    let mut r = Rng(0x5DEE_CE66_D1CE_4E5B);
    for _ in 0..20_000 {
        let mut text = String::new();
        gen_value(&mut r, 0, &mut text);
        let (a, b) = (ours(&text), theirs(&text));
        assert!(a.is_some(), "we reject valid JSON: {text}");
        assert_eq!(a, b, "{text}");
    }
}

#[test]
fn same_verdicts_as_serde_json_on_mutated_documents() {
    const INSERTS: &[&str] = &[
        "", ",", ":", "\"", "}", "]", "{", "[", "\\", "x", "-", ".", "e", "0", "\n", "\u{1}",
        "tru", "nul",
    ];
    let mut r = Rng(0x1234_5678_9ABC_DEF1);
    let mut disagreements = Vec::new();
    for _ in 0..20_000 {
        let mut text = String::new();
        gen_value(&mut r, 0, &mut text);
        let chars: Vec<char> = text.chars().collect();
        let at = r.below(chars.len() as u64 + 1) as usize;
        let cut = r.below(3) as usize;
        let mut mutated: String = chars[..at].iter().collect();
        mutated.push_str(INSERTS[r.below(INSERTS.len() as u64) as usize]);
        mutated.extend(chars.iter().skip(at + cut));
        let (a, b) = (ours(&mutated), theirs(&mutated));
        let intended = b.is_none()
            && a.as_ref().is_some_and(|v| {
                has(v, &|x| match x {
                    Value::Number(n) => n.is_infinite(),
                    Value::String(s) => s.contains('\u{fffd}'),
                    _ => false,
                })
            });
        if a != b && !intended {
            disagreements.push(mutated);
        }
    }
    if let Some(first) = disagreements.first() {
        panic!(
            "{} disagreements, e.g. {first:?}: ours {:?} / serde_json {:?}",
            disagreements.len(),
            ours(first),
            theirs(first)
        );
    }
}
