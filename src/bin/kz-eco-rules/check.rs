//! `kz-eco-rules check`: validates one application and prints the report, or
//! (`--jsonl`) one application per input line, one report per output line.

use std::io::{self, Read, Write};

use kz_eco_rules::findings::{catalog, Param, Params};
use kz_eco_rules::input::{InputError, Value};
use kz_eco_rules::{validate_json, validate_value, Lang, Options, Report, Severity};

use crate::{jsonl, Args, ExitCode, EXAMPLES};

/// Codes meaning the input could not be read at all (→ exit 2, not a report).
pub(crate) const UNREADABLE: &[&str] = &[
    "input.malformed_json",
    "input.too_deep",
    "input.too_large",
    "input.key_too_long",
    "input.unreadable",
];

/// Runs `check`.
pub fn run(mut args: Args) -> ExitCode {
    let mut lang = Lang::Ru;
    let mut json = false;
    let mut lines = false;
    let mut source: Option<String> = None;
    let mut example: Option<String> = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--jsonl" => lines = true,
            "--lang" => match args.next().as_deref().and_then(Lang::parse) {
                Some(l) => lang = l,
                None => return crate::usage_error("--lang takes kk, ru or en"),
            },
            "--example" => match args.next() {
                Some(name) => example = Some(name),
                None => return crate::usage_error("--example takes an example name"),
            },
            a if a.starts_with("--") => return crate::usage_error(&format!("unknown option {a}")),
            _ if source.is_some() => return crate::usage_error("check takes one file"),
            _ => source = Some(arg),
        }
    }
    if lines {
        if source.is_some() || example.is_some() || json {
            return crate::usage_error(
                "check --jsonl reads the applications from standard input; give no file, --example or --json",
            );
        }
        return run_jsonl(&Options::with_lang(lang));
    }
    let (name, text) = match (source.as_deref(), example.as_deref()) {
        (Some(_), Some(_)) => return crate::usage_error("give a file or --example, not both"),
        (Some("-"), None) => {
            let mut bytes = Vec::new();
            match io::stdin().read_to_end(&mut bytes).map(|_| text_of(bytes)) {
                Ok(Ok(text)) => ("-".to_owned(), text),
                Ok(Err(e)) | Err(e) => {
                    return crate::fail(&format!("cannot read standard input: {e}"))
                }
            }
        }
        (Some(path), None) => match std::fs::read(path).map(text_of) {
            Ok(Ok(text)) => (path.to_owned(), text),
            Ok(Err(e)) | Err(e) => return crate::fail(&format!("cannot read {path}: {e}")),
        },
        (None, wanted) => {
            let wanted = wanted.unwrap_or(EXAMPLES[0].0);
            match EXAMPLES.iter().find(|(n, _)| *n == wanted) {
                Some((n, text)) => (format!("example {n}"), (*text).to_owned()),
                None => {
                    let names: Vec<&str> = EXAMPLES.iter().map(|(n, _)| *n).collect();
                    return crate::usage_error(&format!(
                        "no example {wanted}; examples: {}",
                        names.join(", ")
                    ));
                }
            }
        }
    };

    let report = validate_json(&text, &Options::with_lang(lang));
    if let Some(f) = report
        .findings
        .iter()
        .find(|f| UNREADABLE.contains(&f.code))
    {
        return crate::fail(&format!("{name}: {}", f.message));
    }
    let printed = if json {
        serde_json::to_string_pretty(&report)
            .map_err(io::Error::other)
            .and_then(|s| writeln!(io::stdout(), "{s}"))
    } else {
        print_text(&mut io::stdout().lock(), &name, &report)
    };
    if let Err(e) = printed {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("kz-eco-rules: {e}");
            return ExitCode::Usage;
        }
    }
    if report.ok {
        ExitCode::Ok
    } else {
        ExitCode::Findings
    }
}

/// The text of a file: UTF-8, a byte order mark at its start skipped.
fn text_of(bytes: Vec<u8>) -> io::Result<String> {
    let bytes = match bytes.strip_prefix(jsonl::BOM) {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    String::from_utf8(bytes).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

/// `--jsonl`: one application per input line, its report (as `--json` prints it,
/// on one line) per output line; a line that is not JSON gets `{"error": …}`.
/// JSON beyond the input limits gets the report with the limit's finding, as
/// `validateApplication(text)` gives it.
fn run_jsonl(options: &Options) -> ExitCode {
    let result = jsonl::run(io::stdin().lock(), io::stdout().lock(), |line, buf| {
        let report = match Value::from_json_str(line, &options.limits) {
            Ok(value) => validate_value(&value, options),
            Err(e @ InputError::Json { .. }) => {
                jsonl::error_line(buf, &e.to_string());
                return false;
            }
            Err(_) => validate_json(line, options),
        };
        // Serializing plain data into a Vec cannot fail.
        let _ = serde_json::to_writer(&mut *buf, &report);
        report.ok
    });
    jsonl::exit(result)
}

fn label(code: &str, lang: Lang) -> String {
    catalog::render(code, &Params::default(), lang)
}

fn line(code: &str, name: &'static str, value: Param, lang: Lang) -> String {
    catalog::render(code, &Params(vec![(name, value)]), lang)
}

/// Prints the report for people: one block per finding, then the counts.
fn print_text(out: &mut impl Write, name: &str, report: &Report) -> io::Result<()> {
    let lang = report.lang;
    writeln!(out, "{name}")?;
    if let Some(ed) = &report.edition {
        let value = Param::Term(kz_eco_rules::findings::TermKind::Edition, ed.clone());
        writeln!(out, "{}", line("report.edition", "edition", value, lang))?;
    }
    writeln!(out)?;
    for f in &report.findings {
        let severity = match f.severity {
            Severity::Error => label("report.severity_error", lang),
            Severity::Warning => label("report.severity_warning", lang),
            Severity::Info => label("report.severity_info", lang),
        };
        let path = if f.path.is_empty() { "/" } else { &f.path };
        writeln!(out, "{severity}  {path}  [{}]", f.code)?;
        writeln!(out, "    {}", f.message)?;
        if let Some(basis) = &f.basis_text {
            let text = line("report.basis", "basis", Param::Text(basis.clone()), lang);
            writeln!(out, "    {text}")?;
        }
    }
    if report.ok {
        writeln!(out, "{}", label("report.ok", lang))?;
    }
    let counts = Params(vec![
        ("errors", Param::Int(report.counts.error as i64)),
        ("warnings", Param::Int(report.counts.warning as i64)),
        ("infos", Param::Int(report.counts.info as i64)),
    ]);
    writeln!(out, "{}", catalog::render("report.summary", &counts, lang))
}
