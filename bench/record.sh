#!/usr/bin/env bash
# The benchmark of record (BENCHMARKS.md, "Benchmark of record"): one
# run on one machine of native (criterion) vs wasm in Node vs wasm in Chromium for
# whole-application validation, identifiers and deadlines, the identifier peers
# (npm, PyPI), package start-up and size. Prints a Markdown table and writes it to
# target/bench/record.md; logs go to target/bench/record/.
#
#   bash scripts/dev.sh bench
#
# Not part of CI (minutes long, and figures on a shared machine are noisy); its
# pieces are: the criterion benches (compiled by `cargo clippy --all-targets`),
# scripts/package-bench.mjs (same harness), bench/ident.sh.
# Timed runs: RECORD_RUNS (wasm, default 5), IDENT_NODE_RUNS (3), IDENT_PY_RUNS (1).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export CARGO_TERM_COLOR=never PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
RUNS="${RECORD_RUNS:-5}"
export IDENT_NODE_RUNS="${IDENT_NODE_RUNS:-3}" IDENT_PY_RUNS="${IDENT_PY_RUNS:-1}"
OUT=target/bench/record
BENCHES=(--bench application --bench ident --bench deadlines)
rm -rf "$OUT"
mkdir -p "$OUT"

T0=$SECONDS
say() { printf '[%4ds] %s\n' "$((SECONDS - T0))" "$*" >&2; }
load() { echo "load average (1/5/15 min) $1: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/facts.txt"; }

dirty=$(git status --porcelain --untracked-files=no | grep -q . && echo ' + uncommitted changes' || true)
{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD)$dirty, command: bash scripts/dev.sh bench"
  echo "machine: $(nproc) cores, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/^Mem:/ {print $2 " GB RAM"}')"
  echo "$(rustc --version); node $(node --version); $(python3 --version); $(/usr/bin/chromium --version 2>/dev/null)"
} > "$OUT/facts.txt"
load "before (start)"

say "build: npm package (bash scripts/build-pkg.sh), release CLI, criterion benches"
[ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund --silent
bash scripts/build-pkg.sh > "$OUT/build-pkg.log" 2>&1
cargo build --release --locked --quiet
cargo bench --locked --quiet --no-run "${BENCHES[@]}" 2> "$OUT/bench-build.log"

say "inputs"
node bench/ident-inputs.mjs >&2
node bench/write-inputs.mjs >&2
load "before measuring"

say "native: cargo bench ${BENCHES[*]} -- --noplot"
cargo bench --locked --quiet "${BENCHES[@]}" -- --noplot > "$OUT/criterion.log" 2>&1
load "after criterion"

say "wasm in Node, in Chromium, start-up (RUNS=$RUNS)"
node bench/record.mjs node "$RUNS"
node bench/record.mjs chromium "$RUNS"
node bench/record.mjs startup "$RUNS"
load "after wasm"

say "identifier peers: bash bench/ident.sh cli node python"
bash bench/ident.sh cli node python > "$OUT/ident.log" 2>&1
load "after (end)"

node scripts/browser-size.mjs > "$OUT/package-size.txt" || true
say "done"
node bench/record.mjs table
