//! `kz-eco-rules schema`: the JSON Schema of the application payload and the
//! TypeScript declarations of the npm package, generated from the Rust types.

use crate::ExitCode;

/// Runs `schema [--typescript]`.
pub fn run(args: crate::Args) -> ExitCode {
    let args: Vec<String> = args.collect();
    let schema = match serde_json::to_string_pretty(&kz_eco_rules::schema::application_schema()) {
        Ok(s) => s + "\n",
        Err(e) => {
            eprintln!("kz-eco-rules: {e}");
            return ExitCode::Usage;
        }
    };
    let ts = kz_eco_rules::schema::typescript();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [] => print!("{schema}"),
        ["--typescript"] => print!("{ts}"),
        _ => return crate::usage_error("schema takes only --typescript"),
    }
    ExitCode::Ok
}
