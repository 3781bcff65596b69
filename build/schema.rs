//! `npm/application.schema.json` → `application.schema.json` in `OUT_DIR`, the same
//! JSON without the whitespace between tokens. The npm package ships it as
//! `application.schema.json` (23 KB instead of 41 KB; `JSON.parse` gives the same
//! object, keys in the same order), Node's `applicationSchema()` reads it; the
//! readable file stays the one in `npm/`.

/// The generated schema file (written by `bash scripts/dev.sh generate`).
pub const SOURCE: &str = "npm/application.schema.json";

/// The schema file without insignificant whitespace.
pub fn minified() -> String {
    let text = std::fs::read_to_string(SOURCE).unwrap_or_else(|e| panic!("{SOURCE}: {e}"));
    let min = minify(&text);
    let parse = |t: &str| {
        serde_json::from_str::<serde_json::Value>(t).unwrap_or_else(|e| panic!("{SOURCE}: {e}"))
    };
    assert!(
        parse(&min) == parse(&text),
        "{SOURCE}: minified JSON differs"
    );
    min
}

/// Drops the whitespace outside strings.
fn minify(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if !matches!(c, ' ' | '\n' | '\r' | '\t') {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}
