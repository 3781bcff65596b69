#!/usr/bin/env bash
# Builds the npm package into pkg/ from the crate: one release wasm build,
# wasm-bindgen for each target, wasm-opt -Oz (npm binaryen), package.json.
# Assumes scripts/setup.sh has run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

TARGET=wasm32-unknown-unknown
LIB=kz_eco_rules
cargo build --locked --profile wasm-release --lib --target "$TARGET"
IN="target/$TARGET/wasm-release/$LIB.wasm"
WASM_OPT=node_modules/.bin/wasm-opt

rm -rf pkg
for tgt in web nodejs; do
  wasm-bindgen --target "$tgt" --out-dir "pkg/$tgt" "$IN"
  "$WASM_OPT" -Oz --strip-debug --strip-producers \
    "pkg/$tgt/${LIB}_bg.wasm" -o "pkg/$tgt/${LIB}_bg.wasm"
done
node scripts/write-package-json.mjs
for tgt in web nodejs; do
  f="pkg/$tgt/${LIB}_bg.wasm"
  printf '%-7s %s: %s bytes, gzip -9 %s bytes\n' "$tgt" "$f" "$(stat -c %s "$f")" "$(gzip -9c "$f" | wc -c)"
done

# The demo form imports the web build and loads the example applications.
rm -rf www/pkg www/examples
cp -r pkg/web www/pkg
cp -r examples www/examples
