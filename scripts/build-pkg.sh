#!/usr/bin/env bash
# Builds the npm package into pkg/ from the crate: two size-optimised wasm builds —
# the whole API (web.js, bundler.js, node.cjs, node.mjs) and the form entry
# (form.js: only what validating needs, the crate without its `full-api` feature) —
# wasm-bindgen for the web and nodejs targets (0.2.130 emits the same .wasm for
# both, so the package ships it once), wasm-opt from the npm package binaryen
# (WASM_OPT below),
# package.json from npm/package.json with the crate's version. The bundler entry
# (npm/bundler.js) is the web build initialised at import, not wasm-bindgen's
# bundler glue: one glue file less in the package.
# Run through `bash scripts/dev.sh package` (which runs the setup first).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

TARGET=wasm32-unknown-unknown
LIB=kz_eco_rules
FORM=${LIB}_form
TMP=target/pkg-build
rm -rf "$TMP" pkg
mkdir -p "$TMP" pkg
# LLVM inlines only where the inlined body costs nothing more than the call (and every
# function with a single caller): at opt-level "z" it still copies small functions into
# their callers, ≈ 1.1 KB gzip more in the form wasm (BENCHMARKS.md,
# "The browser's download, one language at a time", "Fifth pass").
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Cllvm-args=-inline-threshold=0"
# Builds the wasm with the cargo arguments given, copies it to $TMP/$1.wasm and prints
# the build script's OUT_DIR, which holds the language packs it wrote (texts.<lang>.pack).
build_wasm() {
  local name=$1
  shift
  cargo build --locked --profile wasm-release --lib --target "$TARGET" "$@" \
    --message-format=json-render-diagnostics \
    | node -e 'let o; for (const l of require("fs").readFileSync(0, "utf8").split("\n")) {
        if (!l) continue; const m = JSON.parse(l);
        if (m.reason === "build-script-executed" && m.package_id.includes("kz-eco-rules")) o = m.out_dir; }
      if (!o) throw new Error("no OUT_DIR of kz-eco-rules in cargo output"); console.log(o)'
  cp "target/$TARGET/wasm-release/$LIB.wasm" "$TMP/$name.wasm"
}
OUT_DIR=$(build_wasm "$LIB")
# The form entry: without `full-api` and without `repealed-editions` (only the rules
# of the law in force), so its packs hold fewer texts: they are its own files.
FORM_OUT_DIR=$(build_wasm "$FORM" --no-default-features)
for tgt in web nodejs; do
  wasm-bindgen --target "$tgt" --out-dir "$TMP/$tgt" "$TMP/$LIB.wasm"
done
for tgt in nodejs; do
  cmp -s "$TMP/web/${LIB}_bg.wasm" "$TMP/$tgt/${LIB}_bg.wasm" \
    || { echo "wasm-bindgen emitted a different .wasm for $tgt; the package needs one per target" >&2; exit 1; }
done
wasm-bindgen --target web --out-dir "$TMP/form" "$TMP/$FORM.wasm"
# Panics trap at once (std's handlers stubbed; what only they reach goes in wasm-opt).
node scripts/panic-abort.mjs "$TMP/form/${FORM}_bg.wasm"
node scripts/panic-abort.mjs "$TMP/web/${LIB}_bg.wasm"
# -O2 without wasm-opt's inlining: its inlining (in -Oz too) makes the code ≈ 4 KB
# gzip larger, though a little smaller raw (every flag set measured: BENCHMARKS.md,
# "The browser's download, one language at a time"). The flags are in
# scripts/wasm-opt.flags, which the size scripts under bench/ read too.
read -ra WASM_OPT < scripts/wasm-opt.flags
# The form's import and export names shortened too (the mapping printed goes to its
# glue: scripts/minify-wasm-names.mjs below), and its target_features section, which
# only tools read, dropped.
node_modules/.bin/wasm-opt "${WASM_OPT[@]}" --strip-debug --strip-producers \
  --minify-imports-and-exports-and-modules --strip-target-features \
  "$TMP/form/${FORM}_bg.wasm" -o "pkg/${FORM}_bg.wasm" >"$TMP/form-names.json"
node_modules/.bin/wasm-opt "${WASM_OPT[@]}" --strip-debug --strip-producers \
  "$TMP/web/${LIB}_bg.wasm" -o "pkg/${LIB}_bg.wasm"
cp "$TMP/web/$LIB.js" pkg/web.js
# The languages: one pack per language; the web glue's init loads them on demand
# (npm/languages.js replaces wasm-bindgen's default export), Node's at require.
for lang in kk ru en; do
  cp "$OUT_DIR/texts.$lang.pack" "pkg/${LIB}.$lang.pack"
  cp "$FORM_OUT_DIR/texts.$lang.pack" "pkg/${FORM}.$lang.pack"
done
grep -q '^export { initSync, __wbg_init as default };$' pkg/web.js \
  || { echo "wasm-bindgen's web glue no longer ends with its init export; adapt npm/languages.js" >&2; exit 1; }
sed -i '/^export { initSync, __wbg_init as default };$/d' pkg/web.js
cat npm/languages.js >>pkg/web.js
# The form entry: the same languages code on the smaller module; the short import
# and export names wasm-opt gave its wasm, in its glue too.
cp "$TMP/form/$FORM.js" pkg/form.js
node scripts/minify-wasm-names.mjs "$TMP/form-names.json" pkg/form.js "pkg/${FORM}_bg.wasm"
grep -q '^export { initSync, __wbg_init as default };$' pkg/form.js \
  || { echo "wasm-bindgen's form glue no longer ends with its init export; adapt npm/languages.js" >&2; exit 1; }
sed -i '/^export { initSync, __wbg_init as default };$/d' pkg/form.js
grep -q "new URL('${LIB}.kk.pack'" npm/languages.js \
  || { echo "npm/languages.js no longer names its packs as the form entry's copy expects" >&2; exit 1; }
sed "s/'${LIB}\.\(kk\|ru\|en\)\.pack'/'${FORM}.\1.pack'/" npm/languages.js >>pkg/form.js
cat npm/form-entry.js >>pkg/form.js
cp npm/bundler.js pkg/bundler.js
cp "$TMP/nodejs/$LIB.js" pkg/node.cjs
cat npm/languages.cjs npm/schema.cjs >>pkg/node.cjs
# The JSON Schema of the payload: a file of the package (the build's copy without the
# whitespace, build/schema.rs), read by Node's applicationSchema(), imported by browsers.
cp "$OUT_DIR/application.schema.json" pkg/application.schema.json
# JavaScript snippets (inline_js): the same for every target; CommonJS copies for node.cjs.
cp -r "$TMP/web/snippets" pkg/snippets
if [[ -d "$TMP/form/snippets" ]]; then cp -r "$TMP/form/snippets/." pkg/snippets/; fi
node scripts/snippets-cjs.mjs
node scripts/write-node-mjs.mjs
cp npm/index.d.ts pkg/index.d.ts
sed -i "s|/\* @ts-self-types=\"./$LIB.d.ts\" \*/|/* @ts-self-types=\"./index.d.ts\" */|" pkg/node.cjs
sed -i "s|/\* @ts-self-types=\"./$LIB.d.ts\" \*/|/* @ts-self-types=\"./web.d.ts\" */|" pkg/web.js
sed -i "s|/\* @ts-self-types=\"./$FORM.d.ts\" \*/|/* @ts-self-types=\"./form.d.ts\" */|" pkg/form.js
# The browser entries' types: index.d.ts with only the functions each module exports.
node scripts/entry-types.mjs pkg/web.js pkg/web.d.ts
node scripts/entry-types.mjs pkg/form.js pkg/form.d.ts npm/form-entry.d.ts
node scripts/strip-jsdoc.mjs pkg/web.js pkg/form.js pkg/node.cjs
# The form entry is what a browser downloads to validate: minified (esbuild; its exports
# keep their names), the types header put back. web.js and node.cjs stay readable.
node_modules/.bin/esbuild pkg/form.js --minify --format=esm --log-level=warning \
  --outfile="$TMP/form.min.js"
{ echo '/* @ts-self-types="./form.d.ts" */'; cat "$TMP/form.min.js"; } >pkg/form.js
cp npm/README.md pkg/README.md
cp LICENSE pkg/LICENSE
node scripts/write-package-json.mjs

# The demo form validates with the form entry, imports the web build when its checklist
# and deadlines panels need it, and loads the example applications.
rm -rf www/pkg www/examples
mkdir -p www/pkg
cp pkg/web.js pkg/web.d.ts "pkg/${LIB}_bg.wasm" pkg/form.js pkg/form.d.ts "pkg/${FORM}_bg.wasm" \
  pkg/${LIB}.{kk,ru,en}.pack pkg/${FORM}.{kk,ru,en}.pack www/pkg/
cp -r pkg/snippets www/pkg/snippets
mkdir -p www/examples && cp examples/*.json www/examples/
node scripts/browser-size.mjs || echo "(pkg/ is built, but over the size budget of record: tests/js/size.test.mjs fails)"
