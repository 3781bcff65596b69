#!/usr/bin/env bash
# Runs every test, as CI does: formatting and clippy (native + wasm32), native
# tests, the same wasm tests in Node and in headless Chromium, the npm package
# build, the Node tests of the package and the browser end-to-end test of the demo.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

T0=$SECONDS
step() { printf '\n=== [%4ds] %s\n' "$((SECONDS - T0))" "$*"; }
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export CARGO_TERM_COLOR=never
export CARGO_INCREMENTAL=0
export CHROMEDRIVER=/usr/bin/chromedriver   # wasm-bindgen-test-runner uses Debian's driver
export CHROMIUM_PATH=/usr/bin/chromium
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
WASM=wasm32-unknown-unknown

step "setup (skips what is installed)"
bash scripts/setup.sh

step "cargo fmt --check"
cargo fmt --all -- --check --color never

step "clippy, native and wasm32 (-D warnings)"
cargo clippy --locked --all-targets -- -D warnings
cargo clippy --locked --all-targets --target "$WASM" -- -D warnings

step "native tests"
cargo test --locked

step "wasm tests in Node"
WASM_BINDGEN_TEST_ONLY_NODE=1 timeout 900 cargo test --locked --target "$WASM"

step "wasm tests in headless Chromium"
# All integration tests are one binary, run on one page; the runner's 20 s default
# for reading the page's output is far too short for them (the hostile-input test
# alone: 10 MB strings, a million rows) on a busy 2-core machine.
WASM_BINDGEN_USE_BROWSER=1 WASM_BINDGEN_TEST_TIMEOUT=900 timeout 1200 cargo test --locked --target "$WASM"

step "npm package build"
bash scripts/build-pkg.sh

step "JavaScript tests: the package in Node, the demo form in Chromium"
mkdir -p test-output
timeout 600 node --test --test-concurrency=1 tests/js/

step "fuzz smoke: every cargo-fuzz target for 30 s (skipped, and says so, without nightly)"
bash scripts/fuzz-smoke.sh

step "all green in $((SECONDS - T0)) s"
