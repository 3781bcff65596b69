//! One application checked `N` times, as `POST /v1/applications:validate` checks
//! it: `validate_json` with the default options (messages in Russian), then the
//! report written by the crate's JSON writer (`json_out`, as the service writes
//! it), with the service's allocator (mimalloc). For instruction counts of the
//! library's work per answer (BENCHMARKS.md, "HTTP service"), where wall time on
//! a shared machine says little:
//!
//! ```text
//! cargo build --release --example validate-loop
//! valgrind --tool=callgrind --callgrind-out-file=target/cg.out \
//!     target/release/examples/validate-loop examples/permit_II.json 20
//! callgrind_annotate target/cg.out | head -40
//! ```
//!
//! It prints the report's length and an FNV-1a hash of its bytes, so a change
//! that alters the answer shows.

#[cfg(not(target_arch = "wasm32"))]
#[path = "../src/bin/kz-eco-rules/allocator.rs"]
mod allocator;

#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: allocator::MiMalloc = allocator::MiMalloc;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .unwrap_or_else(|| "examples/permit_II.json".into());
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(20);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let options = kz_eco_rules::Options::default();
    let mut out = String::new();
    for _ in 0..n {
        let report = kz_eco_rules::validate_json(std::hint::black_box(&text), &options);
        out = std::hint::black_box(kz_eco_rules::json_out::to_string(&report).unwrap_or_default());
    }
    let hash = out.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    println!("{n} answers of {} bytes, FNV-1a {hash:016x}", out.len());
}
