#!/usr/bin/env bash
# Every ИИН/БИН benchmark in one run, on the same 10⁶ inputs (BENCHMARKS.md,
# section "Identifiers (ИИН/БИН)"): the CLI (id --jsonl), criterion (native),
# the wasm package in Node against the npm peer, the PyPI peers.
# Installs the peers into bench/node_modules and target/bench/venv (git-ignored).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

step() { printf '\n### %s\n\n' "$*"; }
step "machine"
echo "$(nproc) cores, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$(rustc --version); node $(node --version); $(python3 --version)"

step "inputs"
node bench/ident-inputs.mjs

step "kz-eco-rules id --jsonl (release build), 10⁶ lines"
cargo build --release --locked --quiet
TIMEFORMAT='%R s wall, %U s user, %S s sys'
for run in 1 2 3; do
  time target/release/kz-eco-rules id --jsonl < target/bench/ident-inputs.jsonl > target/bench/ident-verdicts.jsonl
done
wc -l < target/bench/ident-verdicts.jsonl

step "criterion: native, one core"
cargo bench --locked --quiet --bench ident -- --noplot 2>&1 | grep -E 'ident/|time:|thrpt:'

step "Node: wasm package vs npm"
[ -f pkg/node.cjs ] || bash scripts/build-pkg.sh
npm install --prefix bench --no-audit --no-fund --silent
node bench/ident.mjs 5

step "Python: PyPI peers"
[ -x target/bench/venv/bin/python ] || python3 -m venv target/bench/venv
target/bench/venv/bin/pip install --quiet -r bench/requirements.txt
target/bench/venv/bin/python bench/ident_peers.py 3

echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
