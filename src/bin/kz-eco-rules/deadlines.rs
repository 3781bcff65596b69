//! `kz-eco-rules deadlines --jsonl`: one deadlines query per input line, one
//! answer per output line.
//!
//! Input line: `{"edition": …, "service": …, "action": …, "category": …,
//! "submitted_at": "2019-10-04T17:30:00+06:00", "accepted_on"?: "YYYY-MM-DD",
//! "remarks_sent_on"?: "YYYY-MM-DD"}` (or `region` instead of `edition`; without
//! `accepted_on` / `remarks_sent_on` the remarks and fixes periods of the 2021
//! Code run from the latest permissible day, and findings say which). Output line: `{"edition", "registered_on",
//! "completeness_due", "decision_due", "remarks_due", "fixes_due", "basis": {…},
//! "ok", "findings"}` with dates as `YYYY-MM-DD` or `null`; a line that is not
//! JSON gives `{"error": …}` (JSON beyond the input limits gets the answer with
//! the limit's finding, as `deadlines(text)` in JavaScript).

use std::io;

use kz_eco_rules::input::{InputError, Limits, Value};
use kz_eco_rules::sla::deadlines_input;
use kz_eco_rules::{Lang, Options};

use crate::{jsonl, Args, ExitCode};

/// Runs `deadlines`.
pub fn run(mut args: Args) -> ExitCode {
    let mut jsonl_mode = false;
    let mut options = Options::default();
    let mut lang = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--jsonl" => jsonl_mode = true,
            "--lang" => match args.next().as_deref().and_then(Lang::parse) {
                Some(l) => lang = Some(l),
                None => return crate::usage_error("--lang takes kk, ru or en"),
            },
            "--options" => {
                let parsed = args
                    .next()
                    .ok_or_else(|| "--options takes a JSON object".to_owned())
                    .and_then(|t| {
                        let v = Value::from_json_str(&t, &Limits::default())
                            .map_err(|e| e.to_string())?;
                        Options::from_value(&v)
                    });
                match parsed {
                    Ok(o) => options = o,
                    Err(e) => return crate::usage_error(&format!("--options: {e}")),
                }
            }
            other => return crate::usage_error(&format!("deadlines: unknown argument {other}")),
        }
    }
    if !jsonl_mode {
        return crate::usage_error("deadlines reads JSON Lines from standard input: pass --jsonl");
    }
    if let Some(l) = lang {
        options.lang = l;
    }
    let result = jsonl::run(io::stdin().lock(), io::stdout().lock(), |line, buf| {
        match Value::from_json_str(line, &options.limits) {
            Err(e @ InputError::Json { .. }) => {
                jsonl::error_line(buf, &e.to_string());
                false
            }
            read => {
                // JSON beyond the limits is answered with the limit's finding.
                let report = deadlines_input(read.as_ref(), &options);
                // Serializing plain data into a Vec cannot fail.
                let _ = serde_json::to_writer(&mut *buf, &report);
                report.ok
            }
        }
    });
    jsonl::exit(result)
}
