#!/usr/bin/env bash
# The main job: set up, build the wasm package, check an example application from
# the command line, and serve the demo portal form on http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh --no-browser
bash scripts/build-pkg.sh
cargo run --locked --quiet --release -- check --example permit_II --lang ru || true
exec node scripts/serve.mjs
