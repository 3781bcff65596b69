#!/usr/bin/env bash
# Builds the npm package into pkg/ from the crate: one size-optimised wasm build,
# wasm-bindgen for the web and nodejs targets (0.2.130 emits the same .wasm for
# both, so the package ships it once), wasm-opt -Oz from the npm package binaryen,
# package.json from npm/package.json with the crate's version. The bundler entry
# (npm/bundler.js) is the web build initialised at import, not wasm-bindgen's
# bundler glue: one glue file less in the package.
# Run through `bash scripts/dev.sh package` (which runs the setup first).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

TARGET=wasm32-unknown-unknown
LIB=kz_eco_rules
cargo build --locked --profile wasm-release --lib --target "$TARGET"
IN="target/$TARGET/wasm-release/$LIB.wasm"
TMP=target/pkg-build
rm -rf "$TMP" pkg
mkdir -p "$TMP" pkg
for tgt in web nodejs; do
  wasm-bindgen --target "$tgt" --out-dir "$TMP/$tgt" "$IN"
done
for tgt in nodejs; do
  cmp -s "$TMP/web/${LIB}_bg.wasm" "$TMP/$tgt/${LIB}_bg.wasm" \
    || { echo "wasm-bindgen emitted a different .wasm for $tgt; the package needs one per target" >&2; exit 1; }
done
node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers \
  "$TMP/web/${LIB}_bg.wasm" -o "pkg/${LIB}_bg.wasm"
cp "$TMP/web/$LIB.js" pkg/web.js
cp npm/bundler.js pkg/bundler.js
cp "$TMP/nodejs/$LIB.js" pkg/node.cjs
# JavaScript snippets (inline_js): the same for every target; CommonJS copies for node.cjs.
cp -r "$TMP/web/snippets" pkg/snippets
node scripts/snippets-cjs.mjs
node scripts/write-node-mjs.mjs
cp npm/index.d.ts pkg/index.d.ts
sed -i "s|/\* @ts-self-types=\"./$LIB.d.ts\" \*/|/* @ts-self-types=\"./index.d.ts\" */|" pkg/web.js pkg/node.cjs
node scripts/strip-jsdoc.mjs pkg/web.js pkg/node.cjs
cp npm/README.md pkg/README.md
cp LICENSE pkg/LICENSE
node scripts/write-package-json.mjs

# The demo form imports the web build and loads the example applications.
rm -rf www/pkg www/examples
mkdir -p www/pkg
cp pkg/web.js pkg/index.d.ts "pkg/${LIB}_bg.wasm" www/pkg/
cp -r pkg/snippets www/pkg/snippets
cp -r examples www/examples
node scripts/package-size.mjs
