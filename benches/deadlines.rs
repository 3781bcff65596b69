//! Deadline queries, native (criterion): query JSON text → deadlines report →
//! JSON text, the work `deadlines(text)` does in wasm.
//!
//! `deadlines/queries`: the 10 000 lines of `target/bench/deadline-queries.jsonl`
//! (the queries of `tests/vectors/deadlines.jsonl` in turn), written by
//! `node bench/write-inputs.mjs` — the same file bench/workloads.mjs answers in
//! Node and Chromium (`bash scripts/dev.sh bench` runs them all).

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;
    use std::time::Duration;

    use criterion::{criterion_group, Criterion, SamplingMode, Throughput};
    use kz_eco_rules::sla::deadlines_json;
    use kz_eco_rules::Options;

    const QUERIES: &str = "target/bench/deadline-queries.jsonl";

    pub fn bench(c: &mut Criterion) {
        let text = std::fs::read_to_string(QUERIES)
            .unwrap_or_else(|e| panic!("{QUERIES}: {e}; run `node bench/write-inputs.mjs` first"));
        let queries: Vec<&str> = text.lines().collect();
        let options = Options::default();
        let mut buf = Vec::with_capacity(1024);
        let mut g = c.benchmark_group("deadlines");
        g.throughput(Throughput::Elements(queries.len() as u64));
        g.sample_size(20).measurement_time(Duration::from_secs(3));
        g.sampling_mode(SamplingMode::Flat);
        g.bench_function("queries", |b| {
            b.iter(|| {
                let mut ok = 0;
                for q in &queries {
                    let report = deadlines_json(black_box(q), &options);
                    ok += usize::from(report.ok);
                    buf.clear();
                    let _ = serde_json::to_writer(&mut buf, &report);
                }
                ok
            })
        });
        g.finish();
    }

    criterion_group!(benches, bench);
}
