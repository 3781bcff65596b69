#!/usr/bin/env bash
# The parity corpus (tests/vectors/parity/, checked by tests/it/parity.rs).
#   bash scripts/vectors.sh                # check: native, then wasm in Node and in Chromium
#   bash scripts/vectors.sh --regenerate   # rewrite inputs and expected outputs, show the diff
# --regenerate writes the inputs (scripts/gen-parity-vectors.py), then the native
# answers as the expected outputs, and prints what changed for review: commit the
# files only when every change in the diff is intended.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
DIR=tests/vectors/parity

case "${1:-}" in
  --regenerate)
    python3 scripts/gen-parity-vectors.py
    cargo test --quiet --locked --test it -- --ignored --exact parity::regenerate_expected_outputs
    git add --intent-to-add "$DIR" 2>/dev/null || true
    echo
    echo "=== changes to review (git diff --stat -- $DIR)"
    git --no-pager diff --stat -- "$DIR"
    echo
    echo "=== changed cases (each changed stretch with context)"
    python3 scripts/vectors-diff.py 20
    echo
    echo "Review the whole diff with: git diff --word-diff -- $DIR"
    ;;
  "")
    cargo test --quiet --locked --test it parity::
    WASM_BINDGEN_TEST_ONLY_NODE=1 cargo test --quiet --locked --target wasm32-unknown-unknown --test it parity::
    WASM_BINDGEN_USE_BROWSER=1 cargo test --quiet --locked --target wasm32-unknown-unknown --test it parity::
    ;;
  *)
    echo "usage: bash scripts/vectors.sh [--regenerate]" >&2
    exit 2
    ;;
esac
