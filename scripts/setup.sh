#!/usr/bin/env bash
# Installs what building and testing need, skipping whatever is already present:
# the wasm32 target, rustfmt/clippy, wasm-bindgen-cli of exactly the version in
# Cargo.lock, Debian's chromium + chromium-driver (browser tests only), and the npm
# dev tools (wasm-opt from the npm package `binaryen`, playwright-core).
# The verbs of scripts/dev.sh run it; on its own:
#   bash scripts/dev.sh setup               # everything
#   bash scripts/dev.sh setup --no-browser  # skip chromium (enough for the demo)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1   # never let an npm package fetch a browser
export PUPPETEER_SKIP_DOWNLOAD=1
browser=1
[[ "${1:-}" == "--no-browser" ]] && browser=0
say() { printf '[setup] %s\n' "$*"; }

if ((browser)); then
  # Not Debian's binaryen: its wasm-opt 108 breaks wasm-bindgen output at init.
  missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
  if ((${#missing[@]})); then
    say "installing ${missing[*]} (Debian)"
    export DEBIAN_FRONTEND=noninteractive
    sudo_cmd=""; [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

rustup target list --installed | grep -qx wasm32-unknown-unknown \
  || { say "adding the wasm32-unknown-unknown target"; rustup target add wasm32-unknown-unknown; }
for c in rustfmt clippy; do
  rustup component list --installed | grep -q "^$c" || rustup component add "$c"
done

# The CLI must equal the wasm-bindgen crate in Cargo.lock. `--locked` fails on this
# registry mirror (a locked dependency of the CLI is missing), so install without it.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[[ -n "$want" ]] || { echo "wasm-bindgen not found in Cargo.lock" >&2; exit 1; }
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [[ "$have" != "$want" ]]; then
  say "installing wasm-bindgen-cli $want (a few minutes, once)"
  cargo install wasm-bindgen-cli --version "$want" --force
fi

if [[ ! -d node_modules ]] || ! npm ls --depth=0 >/dev/null 2>&1; then
  say "installing npm dev tools"
  npm ci --no-audit --no-fund --loglevel=error
fi
say "ready: $(rustc --version), wasm-bindgen $want, $(node_modules/.bin/wasm-opt --version)"
