//! Native ИИН/БИН validations per second, one core (criterion).
//!
//! Inputs: the 10⁶ lines of `target/bench/ident-inputs.txt`, written by
//! `node bench/ident-inputs.mjs` — the same inputs the Node (wasm and npm peer) and
//! Python (PyPI peers) benchmarks read. `bash bench/ident.sh` runs them all.
//! Neither [`is_valid_identifier`] (the hot path) nor [`parse_identifier`] allocates.

// criterion is a native-only dev-dependency: on wasm32 this is an empty program.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;

    use criterion::{criterion_group, Criterion, SamplingMode, Throughput};
    use kz_eco_rules::ident::{is_valid_identifier, parse_identifier, Verdict};

    const INPUTS: &str = "target/bench/ident-inputs.txt";

    pub fn bench(c: &mut Criterion) {
        // The inputs stay in the one buffer they were read into (as when
        // validating a file or a request body); `lines` are slices of it.
        let text = std::fs::read_to_string(INPUTS)
            .unwrap_or_else(|e| panic!("{INPUTS}: {e}; run `node bench/ident-inputs.mjs` first"));
        let inputs: Vec<&str> = text.lines().collect();
        let mut g = c.benchmark_group("ident");
        g.throughput(Throughput::Elements(inputs.len() as u64));
        g.sample_size(20);
        // A pass over 10⁶ inputs is long enough to time on its own: the same
        // number of passes per sample, not criterion's growing 1, 2, … 20.
        g.sampling_mode(SamplingMode::Flat);
        g.bench_function("parse_identifier", |b| {
            b.iter(|| {
                inputs
                    .iter()
                    .filter(|s| parse_identifier(black_box(s)).is_ok())
                    .count()
            })
        });
        // The boolean check (the same answer, no fields or reason).
        g.bench_function("is_valid_identifier", |b| {
            b.iter(|| {
                inputs
                    .iter()
                    .filter(|s| is_valid_identifier(black_box(s)))
                    .count()
            })
        });
        // What `id --jsonl` does per line after reading it: verdict + JSON text.
        let mut buf = Vec::with_capacity(256);
        g.bench_function("verdict_to_json", |b| {
            b.iter(|| {
                let mut bytes = 0;
                for s in &inputs {
                    buf.clear();
                    let _ = serde_json::to_writer(&mut buf, &Verdict::of_text(black_box(*s)));
                    bytes += buf.len();
                }
                bytes
            })
        });
        g.finish();
    }

    criterion_group!(benches, bench);
}
