#!/usr/bin/env bash
# Size of the package's wasm under different Cargo profile settings (BENCHMARKS.md,
# "Package size and start-up"): opt-level 3 / s / z with LTO and one codegen unit,
# and z without LTO or with 16 codegen units. Each build goes through the same
# pipeline as scripts/build-pkg.sh (wasm-bindgen --target web, then wasm-opt with
# scripts/wasm-opt.flags, from the npm package binaryen) and prints raw and gzip -9 sizes.
#   bash bench/size-profiles.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
read -ra WASM_OPT < scripts/wasm-opt.flags
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

TARGET=wasm32-unknown-unknown
OUT=target/size-profiles
gz() { gzip -9c "$1" | wc -c; }
printf '| opt-level | lto | codegen-units | wasm (wasm-bindgen) | after wasm-opt | gzip -9 | web.js gzip |\n'
printf '|---|---|---:|---:|---:|---:|---:|\n'
for combo in "3 fat 1" "s fat 1" "z fat 1" "z off 1" "z fat 16"; do
  read -r opt lto cgu <<<"$combo"
  dir="$OUT/$opt-$lto-$cgu"
  CARGO_PROFILE_WASM_RELEASE_OPT_LEVEL="$opt" CARGO_PROFILE_WASM_RELEASE_LTO="$lto" \
    CARGO_PROFILE_WASM_RELEASE_CODEGEN_UNITS="$cgu" \
    cargo build --quiet --locked --profile wasm-release --lib --target "$TARGET" --target-dir "$dir/cargo"
  wasm-bindgen --target web --out-dir "$dir/web" "$dir/cargo/$TARGET/wasm-release/kz_eco_rules.wasm"
  node_modules/.bin/wasm-opt "${WASM_OPT[@]}" --strip-debug --strip-producers \
    "$dir/web/kz_eco_rules_bg.wasm" -o "$dir/opt.wasm"
  printf '| %s | %s | %s | %s B | %s B | **%s B** | %s B |\n' "$opt" "$lto" "$cgu" \
    "$(wc -c <"$dir/web/kz_eco_rules_bg.wasm")" "$(wc -c <"$dir/opt.wasm")" "$(gz "$dir/opt.wasm")" \
    "$(gz "$dir/web/kz_eco_rules.js")"
done
