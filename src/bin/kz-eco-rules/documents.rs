//! `kz-eco-rules documents`: the required documents of a case, as JSON Lines or
//! as a readable checklist.

use std::io::{self, Write};

use kz_eco_rules::documents::{self, label, Checklist, ChecklistReport, Status};
use kz_eco_rules::findings::{catalog, Finding, Severity};
use kz_eco_rules::input::Value;
use kz_eco_rules::{editions, Lang, Options};
use serde::Serialize;

use crate::{jsonl, Args, ExitCode};

/// Runs `documents`.
pub fn run(mut args: Args) -> ExitCode {
    let mut lang = Lang::Ru;
    let mut batch = false;
    let mut json = false;
    let mut query: Vec<kz_eco_rules::input::Entry> = Vec::new();
    let mut facts: Vec<kz_eco_rules::input::Entry> = Vec::new();
    while let Some(arg) = args.next() {
        let field = match arg.as_str() {
            "--jsonl" => {
                batch = true;
                continue;
            }
            "--json" => {
                json = true;
                continue;
            }
            "--lang" => match args.next().as_deref().and_then(Lang::parse) {
                Some(l) => {
                    lang = l;
                    continue;
                }
                None => return crate::usage_error("--lang takes kk, ru or en"),
            },
            "--fact" => {
                let answer = args.next().unwrap_or_default();
                let parsed = answer.split_once('=').and_then(|(name, v)| match v {
                    "yes" | "true" => Some((name, true)),
                    "no" | "false" => Some((name, false)),
                    _ => None,
                });
                match parsed {
                    Some((name, v)) => facts.push((name.to_owned().into(), Value::Bool(v))),
                    None => return crate::usage_error("--fact takes NAME=yes or NAME=no"),
                }
                continue;
            }
            "--edition" => "edition",
            "--region" => "region",
            "--date" => "date",
            "--service" => "service",
            "--action" => "action",
            "--category" => "category",
            "--channel" => "channel",
            "--venue" => "venue",
            other => return crate::usage_error(&format!("documents: unknown option {other}")),
        };
        match args.next() {
            Some(v) => query.push((field.to_owned().into(), Value::String(v.into()))),
            None => return crate::usage_error(&format!("{arg} takes a value")),
        }
    }
    let options = Options::with_lang(lang);
    if batch {
        if !query.is_empty() || !facts.is_empty() || json {
            return crate::usage_error(
                "--jsonl reads the cases from standard input; give no other options but --lang",
            );
        }
        return run_jsonl(&options);
    }
    if !facts.is_empty() {
        query.push(("facts".into(), Value::Object(facts)));
    }
    let report = documents::checklist_value(&Value::Object(query), &options);
    for f in report.findings.iter().filter(|f| shown(f)) {
        let severity = match f.severity {
            Severity::Error => "report.severity_error",
            Severity::Warning => "report.severity_warning",
            Severity::Info => "report.severity_info",
        };
        let severity = catalog::render(severity, &Default::default(), lang);
        eprintln!("{severity}: {} ({})", f.message, option(&f.path));
    }
    let Some(checklist) = &report.checklist else {
        if json {
            let errors: Vec<&str> = (report.findings.iter())
                .filter(|f| f.severity == Severity::Error)
                .map(|f| f.message.as_str())
                .collect();
            return crate::fail(&errors.join(" "));
        }
        return ExitCode::Usage;
    };
    let mut out = io::stdout().lock();
    let written = if json {
        serde_json::to_writer_pretty(&mut out, &report)
            .map_err(io::Error::from)
            .and_then(|()| writeln!(out))
    } else {
        print_checklist(&mut out, checklist, lang)
    };
    match written {
        Ok(()) if report.ok => ExitCode::Ok,
        Ok(()) => ExitCode::Findings,
        Err(e) => {
            eprintln!("kz-eco-rules: {e}");
            ExitCode::Usage
        }
    }
}

/// The command-line option a query path stands for: `/channel` → `--channel`,
/// `/facts/uses_groundwater` → `--fact uses_groundwater`.
fn option(path: &str) -> String {
    match path.strip_prefix("/facts/") {
        Some(fact) => format!("--fact {fact}"),
        None => format!("--{}", path.trim_start_matches('/')),
    }
}

/// Findings worth printing next to a checklist (the open questions are in it).
fn shown(f: &Finding) -> bool {
    f.code != documents::FACT_UNANSWERED
}

/// One output line of `--jsonl`.
#[derive(Serialize)]
struct Line<'a> {
    edition: &'a str,
    required: Vec<&'a str>,
    conditional: Vec<Conditional<'a>>,
    basis: serde_json::Map<String, serde_json::Value>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    findings: Vec<&'a Finding>,
}

#[derive(Serialize)]
struct Conditional<'a> {
    id: &'a str,
    fact: &'a str,
}

fn line<'a>(report: &'a ChecklistReport, checklist: &'a Checklist) -> Line<'a> {
    let mut basis = serde_json::Map::new();
    let mut conditional = Vec::new();
    for item in &checklist.items {
        match (item.status, item.fact) {
            (Status::Conditional, Some(fact)) => {
                conditional.push(Conditional { id: item.id, fact })
            }
            (Status::Required, _) => {}
            _ => continue,
        }
        basis.insert(item.id.to_owned(), item.basis.clone().into());
    }
    Line {
        edition: checklist.edition,
        required: checklist.required().collect(),
        conditional,
        basis,
        findings: report.findings.iter().filter(|f| shown(f)).collect(),
    }
}

/// `--jsonl`: one case per input line, one answer per output line. A line that
/// is not JSON, or whose case has no checklist, gets `{"error": …}` (the error
/// findings' messages).
fn run_jsonl(options: &Options) -> ExitCode {
    let stdin = io::stdin();
    let result = jsonl::run(stdin.lock(), io::stdout().lock(), |text, buf| {
        let report = documents::checklist_json(text, options);
        match &report.checklist {
            Some(checklist) => {
                // Serializing plain data into a Vec cannot fail.
                let _ = serde_json::to_writer(&mut *buf, &line(&report, checklist));
            }
            None => {
                let messages: Vec<&str> = report
                    .findings
                    .iter()
                    .filter(|f| f.severity == Severity::Error)
                    .map(|f| f.message.as_str())
                    .collect();
                jsonl::error_line(buf, &messages.join(" "));
            }
        }
        report.ok
    });
    jsonl::exit(result)
}

fn text(key: &str, lang: Lang) -> &'static str {
    label(key, lang).unwrap_or("")
}

/// Prints the checklist as numbered lines with status, attributes and basis.
fn print_checklist(out: &mut impl Write, c: &Checklist, lang: Lang) -> io::Result<()> {
    let edition = editions::edition_name(c.edition, lang).unwrap_or(c.edition);
    let term = |kind, id| catalog::term(kind, id, lang).unwrap_or(id);
    writeln!(out, "{} — {edition}", text("heading", lang))?;
    writeln!(
        out,
        "{} · {} · {} · {}",
        term("service", c.service.as_str()),
        term("action", c.action.as_str()),
        text("category", lang).replace("{category}", c.category.as_str()),
        term("channel", c.channel.as_str()),
    )?;
    if let Some(source) = &c.derived_from {
        let unverified = if c.unverified {
            format!(" ({})", text("unverified", lang))
        } else {
            String::new()
        };
        let from = c.derived_from_text.as_deref().unwrap_or(source);
        writeln!(out, "{}: {from}{unverified}", text("derived_from", lang))?;
    } else if c.unverified {
        writeln!(out, "({})", text("unverified_law", lang))?;
    }
    if !c.venues.is_empty() {
        let venues: Vec<&str> = c.venues.iter().map(|v| text(v, lang)).collect();
        writeln!(out, "{}: {}", text("venues", lang), venues.join(", "))?;
    }
    if !c.at_least_one_of.is_empty() {
        writeln!(out, "{}.", text("at_least_one_object", lang))?;
    }
    writeln!(out)?;
    for (n, item) in c.items.iter().enumerate() {
        let status = match item.status {
            Status::Required => "required",
            Status::Conditional => "conditional",
            Status::NotApplicable => "not_applicable",
        };
        writeln!(
            out,
            "{:>2}. [{}] {}",
            n + 1,
            text(status, lang),
            item.names.get(lang)
        )?;
        let attributes: Vec<&str> = item.attributes.names().map(|a| text(a, lang)).collect();
        if !attributes.is_empty() {
            writeln!(out, "    {}", attributes.join("; "))?;
        }
        if let Some(question) = item.fact.and_then(|f| documents::fact_question(f, lang)) {
            writeln!(out, "    {}: {question}", text("question", lang))?;
        }
        let basis = item.basis_text.as_deref().unwrap_or(&item.basis);
        writeln!(out, "    {}: {basis}", text("basis", lang))?;
    }
    Ok(())
}
