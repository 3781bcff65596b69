//! `kz-eco-rules check`: validates one application and prints the report.

use std::io::{self, Read, Write};

use kz_eco_rules::findings::{catalog, Param, Params};
use kz_eco_rules::{validate_json, Lang, Options, Report, Severity};

use crate::{Args, ExitCode, EXAMPLES};

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
    let mut source: Option<String> = None;
    let mut example: Option<String> = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => json = true,
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
    let (name, text) = match (source.as_deref(), example.as_deref()) {
        (Some(_), Some(_)) => return crate::usage_error("give a file or --example, not both"),
        (Some("-"), None) => {
            let mut text = String::new();
            if let Err(e) = io::stdin().read_to_string(&mut text) {
                eprintln!("kz-eco-rules: cannot read standard input: {e}");
                return ExitCode::Usage;
            }
            ("-".to_owned(), text)
        }
        (Some(path), None) => match std::fs::read_to_string(path) {
            Ok(text) => (path.to_owned(), text),
            Err(e) => {
                eprintln!("kz-eco-rules: cannot read {path}: {e}");
                return ExitCode::Usage;
            }
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
        eprintln!("kz-eco-rules: {name}: {}", f.message);
        return ExitCode::Usage;
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
