#!/usr/bin/env bash
# Every ИИН/БИН benchmark in one run, on the same 10⁶ inputs (BENCHMARKS.md,
# section "Identifiers (ИИН/БИН)"): the CLI (id --jsonl), criterion (native),
# the wasm package in Node against the npm peer, the PyPI peers.
# Installs the peers into bench/node_modules and target/bench/venv (git-ignored).
#
#   bash bench/ident.sh [SECTION...]     # default: all sections, in this order
#
# Sections: machine inputs cli criterion node python. `python` compares with the
# CLI's answers, so it needs `cli` once. bench/record.sh runs `inputs cli node
# python` for the peers. Timed runs per figure: IDENT_NODE_RUNS (default 5),
# IDENT_PY_RUNS (default 3). `node` and `python` also write their figures as JSON
# to target/bench/ident-node.json and target/bench/ident-python.json.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

step() { printf '\n### %s\n\n' "$*"; }

machine() {
  step "machine"
  echo "$(nproc) cores, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "$(rustc --version); node $(node --version); $(python3 --version)"
}

inputs() {
  step "inputs"
  node bench/ident-inputs.mjs
}

cli() {
  step "kz-eco-rules id --jsonl (release build), 10⁶ lines"
  cargo build --release --locked --quiet
  TIMEFORMAT='%R s wall, %U s user, %S s sys'
  for run in 1 2 3; do
    time target/release/kz-eco-rules id --jsonl < target/bench/ident-inputs.jsonl > target/bench/ident-verdicts.jsonl
  done
  wc -l < target/bench/ident-verdicts.jsonl
}

criterion() {
  step "criterion: native, one core"
  cargo bench --locked --quiet --bench ident -- --noplot 2>&1 | grep -E 'ident/|time:|thrpt:'
}

node_peers() {
  step "Node: wasm package vs npm"
  [ -f pkg/node.cjs ] || bash scripts/build-pkg.sh
  npm install --prefix bench --no-audit --no-fund --silent
  node bench/ident.mjs "${IDENT_NODE_RUNS:-5}"
}

python_peers() {
  step "Python: PyPI peers"
  [ -x target/bench/venv/bin/python ] || python3 -m venv target/bench/venv
  target/bench/venv/bin/pip install --quiet -r bench/requirements.txt
  target/bench/venv/bin/python bench/ident_peers.py "${IDENT_PY_RUNS:-3}"
}

[ $# -gt 0 ] || set -- machine inputs cli criterion node python
for section in "$@"; do
  case "$section" in
    machine | inputs | cli | criterion) "$section" ;;
    node) node_peers ;;
    python) python_peers ;;
    *) echo "unknown section: $section (machine inputs cli criterion node python)" >&2; exit 2 ;;
  esac
done
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
