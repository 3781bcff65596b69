//! Structured logs: one JSON object per line on standard error, e.g.
//! `{"ts":"2026-12-07T10:00:00.123Z","level":"info","msg":"request","method":"POST",
//! "path":"/v1/applications:validate","status":200,"ms":0.41}`.
//!
//! Bodies are never logged; every text field goes through [`mask`], so an
//! ИИН/БИН in a path (`/v1/working-days/871008401427`) is written as
//! `8710********`: identifiers are personal data.

use std::io::Write;
use std::time::{SystemTime, UNIX_EPOCH};

use kz_eco_rules::calendar::Date;

/// A field value.
pub enum Field<'a> {
    /// Text (masked).
    Str(&'a str),
    /// A whole number.
    Int(u64),
    /// Milliseconds with three decimals.
    Ms(f64),
}

/// Writes one log line.
pub fn event(level: &str, msg: &str, fields: &[(&str, Field<'_>)]) {
    let mut line = String::with_capacity(160);
    line.push_str("{\"ts\":");
    push_str(&mut line, &timestamp());
    line.push_str(",\"level\":");
    push_str(&mut line, level);
    line.push_str(",\"msg\":");
    push_str(&mut line, &mask(msg));
    for (name, value) in fields {
        line.push(',');
        push_str(&mut line, name);
        line.push(':');
        match value {
            Field::Str(s) => push_str(&mut line, &mask(s)),
            Field::Int(n) => line.push_str(&n.to_string()),
            Field::Ms(ms) => line.push_str(&format!("{ms:.3}")),
        }
    }
    line.push_str("}\n");
    // A closed standard error must not stop the service.
    let _ = std::io::stderr().lock().write_all(line.as_bytes());
}

fn push_str(out: &mut String, s: &str) {
    // Serializing a &str cannot fail.
    out.push_str(&serde_json::to_string(s).unwrap_or_default());
}

/// `s` with the last eight digits of every run of 12 or more digits replaced by
/// `*` — the shape of an ИИН/БИН (`871008401427` → `8710********`).
///
/// ```text
/// mask("/v1/working-days/871008401427") == "/v1/working-days/8710********"
/// ```
pub fn mask(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < bytes.len() {
        let run = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        if run >= 12 {
            out.push_str(&s[i..i + 4]);
            out.extend(std::iter::repeat_n('*', run - 4));
            i += run;
        } else if run > 0 {
            out.push_str(&s[i..i + run]);
            i += run;
        } else {
            let c = s[i..].chars().next().unwrap_or(' ');
            out.push(c);
            i += c.len_utf8().max(1);
        }
    }
    out
}

/// The current UTC time as `YYYY-MM-DDTHH:MM:SS.mmmZ`.
fn timestamp() -> String {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    let secs = now.as_secs();
    let day = Date::from_days((secs / 86_400) as i32)
        .map(|d| d.to_string())
        .unwrap_or_default();
    let t = secs % 86_400;
    format!(
        "{day}T{:02}:{:02}:{:02}.{:03}Z",
        t / 3600,
        t / 60 % 60,
        t % 60,
        now.subsec_millis()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_are_masked_and_short_numbers_kept() {
        assert_eq!(
            mask("/v1/working-days/871008401427"),
            "/v1/working-days/8710********"
        );
        assert_eq!(mask("2024-03-01 and 12345"), "2024-03-01 and 12345");
        assert_eq!(mask("ИИН 9501234567890x"), "ИИН 9501*********x");
    }

    #[test]
    fn timestamps_are_utc_iso() {
        let ts = timestamp();
        assert_eq!(ts.len(), 24, "{ts}");
        assert!(ts.ends_with('Z') && ts.as_bytes()[10] == b'T', "{ts}");
    }
}
