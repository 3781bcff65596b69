//! `kz-eco-rules id`: checks ИИН/БИН numbers.
//!
//! `id --jsonl` reads one JSON string per line and writes one JSON object per line
//! (the [`Verdict`] of the library, the same object JavaScript's
//! `validateIdentifier` returns); `id VALUE…` prints a readable line per value.

use std::io::{self, Write};

use kz_eco_rules::findings::{catalog, Param, Params};
use kz_eco_rules::ident::{parse_identifier, Identifier, Verdict, YearMonth};
use kz_eco_rules::input::Limits;
use kz_eco_rules::Lang;

use crate::{jsonl, Args, ExitCode};

/// Runs `id`.
pub fn run(mut args: Args) -> ExitCode {
    let mut lang = Lang::Ru;
    let mut lines = false;
    let mut values = Vec::new();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--jsonl" => lines = true,
            "--lang" => match args.next().as_deref().and_then(Lang::parse) {
                Some(l) => lang = l,
                None => return crate::usage_error("--lang takes kk, ru or en"),
            },
            "--" => values.extend(args.by_ref()),
            a if a.starts_with("--") => return crate::usage_error(&format!("unknown option {a}")),
            _ => values.push(arg),
        }
    }
    if lines {
        if !values.is_empty() {
            return crate::usage_error("id --jsonl reads standard input; give no values");
        }
        return jsonl::exit(jsonl::run(io::stdin().lock(), io::stdout().lock(), answer));
    }
    if values.is_empty() {
        return crate::usage_error("id takes ИИН/БИН values, or --jsonl");
    }
    let mut out = io::stdout().lock();
    let mut all_valid = true;
    for value in &values {
        let (valid, text) = describe(value, lang);
        all_valid &= valid;
        if let Err(e) = writeln!(out, "{value}  {text}") {
            if e.kind() == io::ErrorKind::BrokenPipe {
                break;
            }
            eprintln!("kz-eco-rules: {e}");
            return ExitCode::Usage;
        }
    }
    if all_valid {
        ExitCode::Ok
    } else {
        ExitCode::Findings
    }
}

/// The JSON answer to one input line ([`Verdict::of_json`]): a JSON string is
/// checked, any other JSON value is `ident.not_a_string`, a line that is not JSON
/// gets `{"error": …}`. Returns whether the number is valid.
pub fn answer(line: &str, buf: &mut Vec<u8>) -> bool {
    match Verdict::of_json(line, &Limits::default()) {
        Ok(verdict) => {
            // Serializing into a Vec cannot fail.
            let _ = serde_json::to_writer(&mut *buf, &verdict);
            verdict.valid
        }
        Err(e) => {
            jsonl::error_line(buf, &e.to_string());
            false
        }
    }
}

/// A readable verdict in `lang`, and whether the value is valid.
fn describe(value: &str, lang: Lang) -> (bool, String) {
    let label = |code: &str| catalog::render(code, &Params::default(), lang);
    let render = |code: &str, params: Vec<(&'static str, Param)>| {
        catalog::render(code, &Params(params), lang)
    };
    match parse_identifier(value) {
        Ok(Identifier::Iin(iin)) => (
            true,
            render(
                "ident.valid_iin",
                vec![
                    ("birth_date", Param::Date(iin.birth_date().to_string())),
                    (
                        "sex",
                        Param::Text(label(&format!("ident.sex.{}", iin.sex().as_str()))),
                    ),
                    ("century", Param::Text(roman(iin.century()).to_owned())),
                ],
            ),
        ),
        Ok(Identifier::Bin(bin)) => (
            true,
            render(
                "ident.valid_bin",
                vec![
                    ("registered", Param::Text(month(bin.registered(), lang))),
                    (
                        "entity_type",
                        Param::Text(label(&format!(
                            "ident.entity_type.{}",
                            bin.entity_type().as_str()
                        ))),
                    ),
                    (
                        "attribute",
                        Param::Text(label(&format!(
                            "ident.attribute.{}",
                            bin.attribute().as_str()
                        ))),
                    ),
                ],
            ),
        ),
        Err(reason) => {
            let f = reason.to_finding("");
            let why = after_colon(catalog::render(f.code, &f.params, lang), lang);
            (
                false,
                render("ident.invalid", vec![("reason", Param::Text(why))]),
            )
        }
    }
}

/// A month as each language writes it in a line: `03.1995` (kk, ru, as dates are
/// `dd.mm.yyyy`), `1995-03` (en, as its dates are ISO).
fn month(m: YearMonth, lang: Lang) -> String {
    match lang {
        Lang::Kk | Lang::Ru => format!("{:02}.{:04}", m.month(), m.year()),
        Lang::En => m.to_string(),
    }
}

/// A sentence put after a colon: kk and ru go on in lower case («неверный:
/// контрольная цифра…»), unless the first word is an abbreviation («ИИН/БИН»);
/// English keeps the capital of a full sentence.
fn after_colon(sentence: String, lang: Lang) -> String {
    if lang == Lang::En {
        return sentence;
    }
    let mut chars = sentence.chars();
    let (Some(first), second) = (chars.next(), chars.next()) else {
        return sentence;
    };
    if !first.is_uppercase() || second.is_some_and(char::is_uppercase) {
        return sentence;
    }
    let mut out: String = first.to_lowercase().collect();
    out.push_str(&sentence[first.len_utf8()..]);
    out
}

/// A century as a Roman numeral, as centuries are written in kk/ru.
fn roman(century: u8) -> &'static str {
    match century {
        19 => "XIX",
        20 => "XX",
        21 => "XXI",
        _ => "?",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(input: &str) -> serde_json::Value {
        let mut buf = Vec::new();
        answer(input, &mut buf);
        serde_json::from_slice(&buf).unwrap()
    }

    #[test]
    fn strings_escaped_strings_other_values_and_non_json() {
        assert_eq!(
            line(r#""871008401427""#)["fields"]["birth_date"],
            "1987-10-08"
        );
        assert_eq!(line(r#""\u0038\u0037\u0031008401427""#)["valid"], true);
        let number = line("871008401427");
        assert_eq!(number["code"], "ident.not_a_string");
        assert_eq!(number["input"], "871008401427");
        assert!(line("87100840142x")["error"].is_string());
        assert!(line("")["error"].is_string());
    }

    #[test]
    fn readable_lines_in_three_languages() {
        let (ok, text) = describe("871008401427", Lang::Ru);
        assert!(ok);
        assert_eq!(
            text,
            "верный ИИН: дата рождения 08.10.1987, пол женский, XX век."
        );
        let (ok, text) = describe("950341000052", Lang::Kk);
        assert!(ok);
        assert_eq!(
            text,
            "дұрыс БСН: тіркелген айы 03.1995; резидент заңды тұлға; филиал."
        );
        let (ok, text) = describe("940140000380", Lang::En);
        assert!(!ok);
        assert!(
            text.starts_with("invalid: The check digit does not match"),
            "{text}"
        );
        // After a colon kk and ru go on in lower case, but an abbreviation keeps
        // its capitals.
        let (_, text) = describe("940140000380", Lang::Ru);
        assert!(text.starts_with("неверный: контрольная цифра"), "{text}");
        let (_, text) = describe("87100840142X", Lang::Ru);
        assert!(text.starts_with("неверный: ИИН/БИН состоит"), "{text}");
        let (_, text) = describe("940140000380", Lang::Kk);
        assert!(text.starts_with("дұрыс емес: бақылау цифры"), "{text}");
    }
}
