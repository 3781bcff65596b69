//! `kz-eco-rules`: the native command line of the library.
//!
//! ```text
//! kz-eco-rules check [FILE | - | --example NAME] [--lang kk|ru|en] [--json]
//! kz-eco-rules check --jsonl [--lang kk|ru|en]
//! kz-eco-rules id VALUE… [--lang kk|ru|en] | id --jsonl
//! kz-eco-rules deadlines --jsonl [--lang kk|ru|en] [--options JSON]
//! kz-eco-rules calendar YEAR [--lang kk|ru|en] [--json]
//! kz-eco-rules examples
//! kz-eco-rules documents --jsonl | (--edition ID | --region ID --date DATE) --service … --action … --category … --channel … [--venue …] [--fact NAME=yes|no]… [--lang kk|ru|en] [--json]
//! kz-eco-rules help | --version
//! ```
//!
//! Exit status: 0 when no error was found, 1 when errors were found (for
//! `--jsonl`: some line has errors), 2 for bad usage or unreadable input (with
//! `--json`, reported as `{"error": …}` on standard output).

#[cfg(not(target_arch = "wasm32"))]
mod allocator;
mod calendar;
mod check;
mod deadlines;
mod documents;
mod examples;
mod id;
#[cfg(schema)]
mod schema;
#[cfg(schema)]
mod serve;
// Shared by the batch subcommands (`check`, `id`, `documents`, `deadlines`).
mod jsonl;

use std::io::{self, Write};
use std::process;
use std::sync::atomic::{AtomicBool, Ordering};

pub use examples::EXAMPLES;

/// mimalloc, not the C library's allocator ([`allocator`]).
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: allocator::MiMalloc = allocator::MiMalloc;

/// Process exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitCode {
    /// No error found.
    Ok = 0,
    /// Errors found.
    Findings = 1,
    /// Bad usage or unreadable input.
    Usage = 2,
}

/// Remaining command-line arguments.
pub type Args = std::vec::IntoIter<String>;

const USAGE: &str = "\
kz-eco-rules — domain rules of Kazakhstan's emission-permit and ecological-expertise e-services

USAGE:
    kz-eco-rules check [FILE | - | --example NAME] [--lang kk|ru|en] [--json]
        Validate an application (JSON). Without FILE, checks the embedded
        example permit_II. Exit 0: no errors; 1: errors found; 2: bad usage
        or unreadable input (with --json: {\"error\": …} on standard output).
    kz-eco-rules check --jsonl [--lang kk|ru|en]
        Validate one application per line of standard input; print one report
        per line (as --json, on one line), {\"error\": …} for a line that is
        not JSON.
    kz-eco-rules id VALUE… [--lang kk|ru|en]
        Check ИИН/БИН numbers: a readable line per value (exit 1 if any is
        invalid).
    kz-eco-rules id --jsonl
        Check ИИН/БИН numbers given as JSON strings, one per line on standard
        input; print one JSON object per line: {\"input\", \"valid\", \"kind\",
        \"code\", \"fields\"}.
        Every --jsonl command exits 0 when every line is fine, 1 when some
        line has errors (an error line, an error finding, an invalid
        number), 2 when standard input cannot be read. A UTF-8 byte order
        mark at the start of any input is skipped.
    kz-eco-rules deadlines --jsonl [--lang kk|ru|en] [--options JSON]
        Read deadline queries as JSON Lines on standard input ({\"edition\",
        \"service\", \"action\", \"category\", \"submitted_at\", \"accepted_on\"?,
        \"remarks_sent_on\"?})
        and write one answer per line: registration and due dates with the
        clause behind each. --options takes the JS options object (calendar
        overrides, sla counting options). Exit 1 when a line has errors.
    kz-eco-rules calendar YEAR [--lang kk|ru|en] [--json]
        Print the year's days off and holidays in Kazakhstan with the reason
        and legal basis of each, and the number of working days.
    kz-eco-rules examples
        List the embedded example applications.
    kz-eco-rules schema [--typescript]
        Print the JSON Schema of the application (or the TypeScript declarations
        of the npm package).
    kz-eco-rules documents --jsonl [--lang kk|ru|en]
        Required documents, one case per input line:
        {edition?, region?, date?, service, action, category, channel,
         venue?, facts?} → {edition, required, conditional, basis}.
    kz-eco-rules documents (--edition ID | --region ID --date YYYY-MM-DD)
            --service S --action A --category C --channel CH
            [--venue provider_office|con] [--fact NAME=yes|no]...
            [--lang kk|ru|en] [--json]
        Print the checklist of one case; in person, --venue is checked
        against the venues the edition names.
    kz-eco-rules serve [--addr 127.0.0.1:8088] [OPTIONS]
        The same rules as an HTTP service for back ends (JSON in and out);
        serve --help lists its endpoints and limits.
    kz-eco-rules help | --help | --version
";

/// Whether errors are written as JSON on standard output (`--json` anywhere on
/// the command line), for scripts that read only standard output.
static JSON_ERRORS: AtomicBool = AtomicBool::new(false);

/// Prints a usage error and returns the usage exit code.
pub fn usage_error(message: &str) -> ExitCode {
    if JSON_ERRORS.load(Ordering::Relaxed) {
        return fail(message);
    }
    eprintln!("kz-eco-rules: {message}\n\n{USAGE}");
    ExitCode::Usage
}

/// Reports input that cannot be read (or, with `--json`, any error): on standard
/// error, or with `--json` as `{"error": "…"}` on standard output; exit status 2.
pub fn fail(message: &str) -> ExitCode {
    if JSON_ERRORS.load(Ordering::Relaxed) {
        let mut line = Vec::new();
        jsonl::error_line(&mut line, message);
        line.push(b'\n');
        // Nothing more can be reported if standard output is closed.
        let _ = io::stdout().write_all(&line);
    } else {
        eprintln!("kz-eco-rules: {message}");
    }
    ExitCode::Usage
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    JSON_ERRORS.store(args.iter().any(|a| a == "--json"), Ordering::Relaxed);
    let mut args: Args = args.into_iter();
    let code = match args.next().as_deref() {
        Some("check") => check::run(args),
        Some("id") => id::run(args),
        #[cfg(schema)]
        Some("schema") => schema::run(args),
        #[cfg(schema)]
        Some("serve") => serve::run(args),
        Some("documents") => documents::run(args),
        Some("deadlines") => deadlines::run(args),
        Some("calendar") => calendar::run(args),
        Some("examples") => {
            for (name, _) in EXAMPLES {
                println!("{name}");
            }
            ExitCode::Ok
        }
        Some("help" | "--help" | "-h") => {
            print!("{USAGE}");
            ExitCode::Ok
        }
        Some("--version" | "-V") => {
            println!("kz-eco-rules {}", env!("CARGO_PKG_VERSION"));
            ExitCode::Ok
        }
        Some(other) => usage_error(&format!("unknown command {other}")),
        None => usage_error("no command given"),
    };
    process::exit(code as i32);
}
