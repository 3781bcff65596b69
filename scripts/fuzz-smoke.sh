#!/usr/bin/env bash
# Fuzz smoke for CI: runs every cargo-fuzz target (fuzz/fuzz_targets/) for
# FUZZ_SECONDS (default 30) on the committed corpus (fuzz/corpus/<target>/ and
# the inputs of fixed bugs, fuzz/regressions/<target>/), with AddressSanitizer,
# debug assertions and overflow checks; fails on any crash, panic, overflow or
# timeout (>10 s for one input). New inputs go to a scratch directory, so the
# committed corpus is left as it is; a crashing input is kept in
# fuzz/artifacts/<target>/ (reproduce with `cargo +nightly fuzz run <target> <file>`).
#
# libFuzzer's sanitizers need a nightly toolchain: without one this prints
# "fuzz smoke SKIPPED: no nightly toolchain" and exits 0. cargo-fuzz is
# installed (`cargo install cargo-fuzz --locked`) only when nightly exists and
# it is missing.
#
# Run through the developer entry point:
#   bash scripts/dev.sh fuzz                          # all targets, 30 s each
#   FUZZ_SECONDS=5 bash scripts/dev.sh fuzz decimal   # some targets
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

SECONDS_PER_TARGET="${FUZZ_SECONDS:-30}"
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
    TARGETS=(application_json identifier decimal deadlines)
fi

if ! command -v rustup >/dev/null 2>&1 || ! rustup run nightly rustc --version >/dev/null 2>&1; then
    echo "fuzz smoke SKIPPED: no nightly toolchain"
    exit 0
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "installing cargo-fuzz"
    if ! cargo install cargo-fuzz --locked; then
        echo "fuzz smoke SKIPPED: cargo-fuzz could not be installed"
        exit 0
    fi
fi

echo "fuzz smoke: $(rustup run nightly rustc --version), $(cargo fuzz --version), ${SECONDS_PER_TARGET} s per target"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
if ! cargo +nightly fuzz build >"$scratch/build.log" 2>&1; then
    tail -n 40 "$scratch/build.log"
    echo "fuzz smoke FAILED: the fuzz targets do not build"
    exit 1
fi
failed=()
for t in "${TARGETS[@]}"; do
    mkdir -p "$scratch/$t"
    echo "--- $t"
    corpora=("$scratch/$t" "fuzz/corpus/$t")
    if [ -d "fuzz/regressions/$t" ]; then corpora+=("fuzz/regressions/$t"); fi
    if cargo +nightly fuzz run "$t" "${corpora[@]}" -- \
        -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -print_final_stats=1 \
        >"$scratch/$t.log" 2>&1; then
        grep -E '^(Done|stat::(number_of_executed_units|average_exec_per_sec))' "$scratch/$t.log" || true
    else
        failed+=("$t")
        grep -v '^INFO:' "$scratch/$t.log" | tail -n 60
    fi
done
if [ ${#failed[@]} -ne 0 ]; then
    echo "fuzz smoke FAILED: ${failed[*]} (inputs in fuzz/artifacts/)"
    exit 1
fi
echo "fuzz smoke passed: ${TARGETS[*]}, ${SECONDS_PER_TARGET} s each"
