#!/usr/bin/env bash
# What each part of the JS API costs in the package's wasm (BENCHMARKS.md, "Package size
# and start-up", the 80 KB budget): the crate at HEAD built with only some exports kept
# (the others lose their #[wasm_bindgen] attribute, so LTO drops the code and data only
# they reach), through the package's own pipeline (wasm-bindgen --target web, wasm-opt
# -Oz from the npm package binaryen). Prints raw and gzip -9 sizes per variant.
#   bash bench/size-by-export.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
read -ra WASM_OPT < scripts/wasm-opt.flags
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

TARGET=wasm32-unknown-unknown
OUT=$PWD/target/size-by-export
ALL="validateApplication requiredDocuments messages deadlines isWorkingDay validateIdentifier validateIdentifiers version"
# name | exports kept
VARIANTS=(
  "the whole API|$ALL"
  "all but validateApplication|requiredDocuments messages deadlines isWorkingDay validateIdentifier validateIdentifiers version"
  "validateApplication (+ messages, version)|validateApplication messages version"
  "deadlines, isWorkingDay, identifiers|deadlines isWorkingDay validateIdentifier validateIdentifiers version"
  "identifiers only|validateIdentifier validateIdentifiers version"
)
gz() { gzip -9c "$1" | wc -c; }

rm -rf "$OUT/src-tree"
mkdir -p "$OUT/src-tree"
git archive HEAD | tar -x -C "$OUT/src-tree"
cp "$OUT/src-tree/src/wasm/exports.rs" "$OUT/exports.rs.orig"

printf '| exports kept | wasm after wasm-opt | gzip -9 | web.js gzip |\n'
printf '|---|---:|---:|---:|\n'
for variant in "${VARIANTS[@]}"; do
  name=${variant%%|*}
  keep=" ${variant#*|} "
  cp "$OUT/exports.rs.orig" "$OUT/src-tree/src/wasm/exports.rs"
  for f in $ALL; do
    if [[ $keep != *" $f "* ]]; then
      sed -i "s/^#\[wasm_bindgen(js_name = $f)\]/#[allow(dead_code)]/" "$OUT/src-tree/src/wasm/exports.rs"
    fi
  done
  (cd "$OUT/src-tree" && cargo build --quiet --profile wasm-release --lib --target "$TARGET" \
    --target-dir "$OUT/cargo" 2>/dev/null)
  rm -rf "$OUT/web"
  wasm-bindgen --target web --out-dir "$OUT/web" "$OUT/cargo/$TARGET/wasm-release/kz_eco_rules.wasm"
  node_modules/.bin/wasm-opt "${WASM_OPT[@]}" --strip-debug --strip-producers \
    "$OUT/web/kz_eco_rules_bg.wasm" -o "$OUT/opt.wasm"
  printf '| %s | %s B | **%s B** | %s B |\n' "$name" "$(wc -c <"$OUT/opt.wasm")" \
    "$(gz "$OUT/opt.wasm")" "$(gz "$OUT/web/kz_eco_rules.js")"
done
