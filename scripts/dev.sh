#!/usr/bin/env bash
# The one way in for developers: every task is a verb of this script.
#
#   bash scripts/dev.sh demo                 set up, build the package, check an example on
#                                            the command line, serve the demo form on
#                                            http://127.0.0.1:8080 (PORT to change)
#   bash scripts/dev.sh test                 every test, as CI runs it (.ci/run)
#   bash scripts/dev.sh generate             rewrite every generated file (below)
#   bash scripts/dev.sh generate --check     fail, listing them, if generated files are stale
#   bash scripts/dev.sh generate --vectors   also rewrite the parity corpus's expected
#                                            outputs from the native answers; review the diff
#   bash scripts/dev.sh generate --references  also rerun the independent references of the
#                                            ИИН/БИН and deadline vectors (see DEVELOPING.md)
#   bash scripts/dev.sh package              build the npm package into pkg/ (and www/pkg/)
#   bash scripts/dev.sh bench                the benchmark of record (minutes; BENCHMARKS.md)
#   bash scripts/dev.sh bench-http           `kz-eco-rules serve` under load (three minutes or so)
#   bash scripts/dev.sh serve [--addr …]     the HTTP service for back ends (README)
#   bash scripts/dev.sh fuzz [TARGET…]       cargo-fuzz smoke, FUZZ_SECONDS (30) per target
#   bash scripts/dev.sh setup [--no-browser] install the tools (the verbs above do it)
#
# Generated files (`generate`): npm/application.schema.json and npm/index.d.ts (from
# the Rust types), tests/vectors/numbers.jsonl (JavaScript's own number text) and the
# parity corpus's inputs tests/vectors/parity/<kind>.jsonl. The other scripts in
# scripts/ and bench/ are this script's pieces, not entry points.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
WASM=wasm32-unknown-unknown

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2
  exit 2
}

T0=$SECONDS
step() { printf '\n=== [%4ds] %s\n' "$((SECONDS - T0))" "$*"; }

# ---- generate ---------------------------------------------------------------------

# Writes every generated file under the directory $1 (the repository root, or a
# scratch directory that --check compares with the repository). A new generated
# file: write it here and list it in generated_files.
write_generated() {
  local root=$1
  mkdir -p "$root/npm" "$root/tests/vectors/parity"
  cargo build --locked --quiet --bin kz-eco-rules
  local cli=target/debug/kz-eco-rules
  "$cli" schema >"$root/npm/application.schema.json"
  "$cli" schema --typescript >"$root/npm/index.d.ts"
  node scripts/gen-number-vectors.mjs "$root/tests/vectors/numbers.jsonl" >/dev/null
  python3 scripts/gen-parity-vectors.py "$root/tests/vectors/parity" >/dev/null
}

# The files write_generated writes, relative to the root.
generated_files() {
  echo npm/application.schema.json npm/index.d.ts tests/vectors/numbers.jsonl
  for f in tests/vectors/parity/*.jsonl; do
    [[ $f == *.expected.jsonl ]] || echo "$f"
  done
}

# The same wasm tests in headless Chromium. A page runs its tests without yielding, and
# chromedriver gives up on a renderer busy for 30 s, so the integration binary runs on
# three pages: the modules that take seconds each on a page of their own (ALONE: the
# parity corpus ≈ 12 s, the hostile inputs ≈ 17 s — 10 MB strings, a million rows), all
# the others together (≈ 9 s). The runs must add up to the binary's tests. The runner's
# 20 s default for reading the page's output is too short on a busy machine: 900 s.
ALONE=(parity js_hostile)
browser_tests() {
  export WASM_BINDGEN_USE_BROWSER=1 WASM_BINDGEN_TEST_TIMEOUT=900
  timeout 1200 cargo test --locked --target "$WASM" --lib
  timeout 1200 cargo test --locked --target "$WASM" --doc
  local rest=() m total=0 n all=0 out
  for m in "${ALONE[@]}"; do rest+=(--skip "$m::"); done
  for args in "${rest[*]}" "${ALONE[@]/%/::}"; do
    # shellcheck disable=SC2086 # $args is a filter, or --skip words
    out=$(timeout 900 cargo test --locked --target "$WASM" --test it -- $args 2>&1) \
      || { printf '%s\n' "$out"; return 1; }
    printf '%s\n' "$out" | grep -E '^test result:'
    n=$(printf '%s\n' "$out" | sed -nE 's/^test result: ok\. ([0-9]+) passed.*/\1/p')
    all=$(printf '%s\n' "$out" | sed -nE 's/^test result: ok\. ([0-9]+) passed.* ([0-9]+) filtered out.*/\1 + \2/p')
    [[ ${n:-0} -gt 0 ]] || { echo "no test ran in Chromium for: $args" >&2; return 1; }
    total=$((total + n))
  done
  echo "integration tests in Chromium: $total passed on $((${#ALONE[@]} + 1)) pages, of $((all))"
  ((total == all)) || { echo "the pages' runs do not add up to the binary's tests" >&2; return 1; }
}

generate_check() {
  local scratch=target/generate-check stale=()
  rm -rf "$scratch"
  write_generated "$scratch"
  for f in $(generated_files); do
    cmp -s "$f" "$scratch/$f" || stale+=("$f")
  done
  # A kind of parity input the generator writes but the repository lacks.
  for f in "$scratch"/tests/vectors/parity/*.jsonl; do
    f=${f#"$scratch/"}
    [[ $f == *.expected.jsonl || -e $f ]] || stale+=("$f (missing)")
  done
  if ((${#stale[@]})); then
    printf 'generated files are stale (run: bash scripts/dev.sh generate):\n' >&2
    printf '  %s\n' "${stale[@]}" >&2
    return 1
  fi
  echo "generated files are up to date: $(generated_files | wc -w) files"
}

# Rewrites the parity corpus's expected outputs from the native answers and shows
# what changed, for review before committing.
generate_expected() {
  local dir=tests/vectors/parity
  cargo test --quiet --locked --test it -- --ignored --exact parity::regenerate_expected_outputs
  # The differential test's recorded answers (hashes) follow the same answers.
  KZ_BLESS=1 cargo test --quiet --locked --test it differential:: >/dev/null
  git add --intent-to-add "$dir" 2>/dev/null || true
  echo
  echo "=== changes to review (git diff --stat -- $dir)"
  git --no-pager diff --stat -- "$dir" tests/vectors/differential.txt
  echo
  echo "=== changed cases (each changed stretch with context)"
  python3 scripts/vectors-diff.py 20
  echo
  echo "Review the whole diff with: git diff --word-diff -- $dir"
}

# Reruns the independent references of the ИИН/БИН and deadline vectors. Each needs
# its reference, which is not in the repository: python-holidays importable (e.g.
# PYTHONPATH=<a holidays checkout>) for the deadlines, IDENT_PEERS_DIR (the peers'
# verdicts) for ИИН/БИН; without it the vector file is left as it is.
generate_references() {
  if python3 -c 'import holidays' 2>/dev/null; then
    python3 scripts/gen-deadline-vectors.py
  else
    echo "tests/vectors/deadlines.jsonl left as is: python-holidays is not importable" >&2
  fi
  if [[ -n "${IDENT_PEERS_DIR:-}" ]]; then
    python3 scripts/gen-ident-vectors.py "$IDENT_PEERS_DIR"
  else
    echo "tests/vectors/ident.jsonl left as is: IDENT_PEERS_DIR is not set" >&2
  fi
  git --no-pager diff --stat -- tests/vectors/deadlines.jsonl tests/vectors/ident.jsonl
}

generate() {
  local check=0 vectors=0 references=0
  for a in "$@"; do
    case $a in
      --check) check=1 ;;
      --vectors) vectors=1 ;;
      --references) references=1 ;;
      *) usage ;;
    esac
  done
  if ((check)); then
    ((vectors + references == 0)) || usage
    generate_check
    return
  fi
  ((references)) && generate_references
  write_generated .
  for f in $(generated_files); do echo "wrote $f"; done
  ((vectors)) && generate_expected
  return 0
}

# ---- test -------------------------------------------------------------------------

run_tests() {
  export CARGO_INCREMENTAL=0
  export CHROMEDRIVER=/usr/bin/chromedriver   # wasm-bindgen-test-runner uses Debian's driver
  export CHROMIUM_PATH=/usr/bin/chromium

  step "setup (skips what is installed)"
  bash scripts/setup.sh

  step "cargo fmt --check"
  cargo fmt --all -- --check --color never

  step "clippy, native and wasm32 (-D warnings)"
  cargo clippy --locked --all-targets -- -D warnings
  cargo clippy --locked --all-targets --target "$WASM" -- -D warnings
  # The package's form entry: the wasm without the `full-api` feature.
  cargo clippy --locked --lib --target "$WASM" --no-default-features -- -D warnings

  step "generated files are up to date (generate --check)"
  generate_check

  step "native tests"
  cargo test --locked

  step "wasm tests in Node"
  WASM_BINDGEN_TEST_ONLY_NODE=1 timeout 1200 cargo test --locked --target "$WASM"

  step "wasm tests in headless Chromium"
  browser_tests

  step "npm package build"
  bash scripts/build-pkg.sh

  step "JavaScript tests: the package in Node, the demo form in Chromium"
  mkdir -p test-output
  timeout 600 node --test --test-concurrency=1 tests/js/

  step "fuzz smoke: every cargo-fuzz target for 30 s (skipped, and says so, without nightly)"
  bash scripts/fuzz-smoke.sh

  step "all green in $((SECONDS - T0)) s"
}

# ---- the verbs --------------------------------------------------------------------

verb=${1:-}
(($#)) && shift
case $verb in
  demo)
    (($# == 0)) || usage
    bash scripts/setup.sh --no-browser
    bash scripts/build-pkg.sh
    cargo run --locked --quiet --release -- check --example permit_II --lang ru || true
    exec node scripts/serve.mjs
    ;;
  test)
    (($# == 0)) || usage
    run_tests
    ;;
  generate) generate "$@" ;;
  package)
    (($# == 0)) || usage
    bash scripts/setup.sh --no-browser
    bash scripts/build-pkg.sh
    ;;
  bench)
    (($# == 0)) || usage
    bash scripts/setup.sh
    exec bash bench/record.sh
    ;;
  bench-http)
    (($# == 0)) || usage
    exec bash bench/http.sh
    ;;
  serve) exec cargo run --locked --quiet --release -- serve "$@" ;;
  fuzz) exec bash scripts/fuzz-smoke.sh "$@" ;;
  setup) exec bash scripts/setup.sh "$@" ;;
  *) usage ;;
esac
