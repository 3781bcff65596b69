//! Whole-application validation, native (criterion): JSON text → report → JSON
//! text, the work `validateApplication(text)` does in wasm (where the report
//! leaves as JSON text for one `JSON.parse`).
//!
//! - `application/permit_II`: `examples/permit_II.json`;
//! - `application/large_II`: `target/bench/app-large-II.json`, written by
//!   `node bench/write-inputs.mjs` — the same file bench/workloads.mjs validates
//!   in Node and Chromium (`bash scripts/dev.sh bench` runs them all).
//!
//! Messages in Russian, as in the wasm runs.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;
    use std::time::Duration;

    use criterion::{criterion_group, Criterion};
    use kz_eco_rules::{validate_json, Options};

    const PERMIT: &str = include_str!("../examples/permit_II.json");
    const LARGE: &str = "target/bench/app-large-II.json";

    /// Validates `text` and writes the report as JSON into `buf`; its length.
    fn validate(text: &str, buf: &mut Vec<u8>) -> usize {
        buf.clear();
        let report = validate_json(black_box(text), &Options::default());
        let _ = serde_json::to_writer(&mut *buf, &report);
        buf.len()
    }

    pub fn bench(c: &mut Criterion) {
        let large = std::fs::read_to_string(LARGE)
            .unwrap_or_else(|e| panic!("{LARGE}: {e}; run `node bench/write-inputs.mjs` first"));
        let mut buf = Vec::with_capacity(1 << 16);
        let mut g = c.benchmark_group("application");
        g.sample_size(20).measurement_time(Duration::from_secs(3));
        g.bench_function("permit_II", |b| b.iter(|| validate(PERMIT, &mut buf)));
        g.bench_function("large_II", |b| b.iter(|| validate(&large, &mut buf)));
        g.finish();
    }

    criterion_group!(benches, bench);
}
