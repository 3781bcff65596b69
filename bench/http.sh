#!/usr/bin/env bash
# The HTTP service under load (BENCHMARKS.md, "HTTP service"): `kz-eco-rules serve`
# (release build) on a free loopback port, bench/http_load.rs as the client, the
# category II example (`--example permit_II`) POSTed to /v1/applications:validate
# at 1, 16 and 64 concurrent clients against the default concurrency limit, then 64
# clients that honour Retry-After (a client that gets 503 waits the seconds it says
# before it sends again); then 64 clients against a service limited to 16 requests
# at once (sending again at once, and honouring Retry-After) and to 4 (what happens
# past the limit: 503 + Retry-After at once). Memory is the service's VmRSS (/proc/PID/status) at rest and VmHWM (peak)
# after each run; CPU is the service's user + system time per answer
# (/proc/PID/stat) and the client's share of a core (it runs on one thread). The
# host's speed before and after: the library alone on one thread (validate-loop, µs
# per answer of the same example), since a shared host's speed moves the figures.
# Bounded: HTTP_REQUESTS (20000) requests or HTTP_SECONDS (20) per run.
#
#   bash scripts/dev.sh bench-http
#
# Prints a Markdown table and writes it to target/bench/http/http.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
N="${HTTP_REQUESTS:-20000}"
T="${HTTP_SECONDS:-20}"
OUT=target/bench/http
BODY=examples/permit_II.json
mkdir -p "$OUT"
cargo build --locked --release --quiet --bin kz-eco-rules --example http-load --example validate-loop
BIN=target/release/kz-eco-rules
LOAD=target/release/examples/http-load
speed() { # µs per answer of the library alone, one thread
  local t0 t1
  t0=$(date +%s%N)
  target/release/examples/validate-loop "$BODY" 2000 > /dev/null
  t1=$(date +%s%N)
  echo $(( (t1 - t0) / 2000000 ))
}

PID=
# The service's default concurrency limit, as its --help says it.
DEFAULT=$("$BIN" serve --help | sed -n 's/.*more get 503 at once (default \([0-9]*\)).*/\1/p')
[[ -n $DEFAULT ]] || { echo "no default concurrency in serve --help" >&2; exit 1; }
start() { # start LIMIT|default: the service with that concurrency limit; sets PID and ADDR
  local limit=()
  [[ $1 == default ]] || limit=(--concurrency "$1")
  "$BIN" serve --addr 127.0.0.1:0 "${limit[@]}" 2> "$OUT/serve-$1.log" &
  PID=$!
  for _ in $(seq 100); do
    ADDR=$(sed -n '1s/.*"addr":"\([^"]*\)".*/\1/p' "$OUT/serve-$1.log")
    [[ -n $ADDR ]] && return
    sleep 0.1
  done
  echo "the service did not start" >&2
  exit 1
}
stop() { kill -TERM "$PID" && wait "$PID" || true; }
trap '[[ -n $PID ]] && kill "$PID" 2>/dev/null || true' EXIT
mem() { awk -v k="$1:" '$1 == k { printf "%.1f MB", $2 / 1024 }' "/proc/$PID/status"; }
ticks() { awk '{ print $14 + $15 }' "/proc/$PID/stat"; } # user + system, 1/100 s
run() { # run CLIENTS [--retry-after]
  "$LOAD" --addr "$ADDR" --path /v1/applications:validate --body "$BODY" \
    --concurrency "$1" --requests "$N" --seconds "$T" "${@:2}"; }
field() { sed -n "s/.*\"$1\":\([^,}]*\).*/\1/p" <<< "$2"; }
cell() { local v; v=$(field "$1" "$2"); echo "${v/null/—}"; } # a latency cell: — when none

{
  echo "HTTP service, category II example (permit_II, $(wc -c < "$BODY") bytes), $(nproc) cores"
  echo "load average before (1/5/15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "host speed before: the library alone, one thread: $(speed) µs per answer (validate-loop)"
  echo
  echo "p50/p99/max: the answered (200) requests; 503 p50/p99: the refused ones; p99 from first try: an answered request from its first 503, the waits included (clients honouring Retry-After)"
  echo
  echo "| clients | limit | Retry-After honoured | requests | req/s | p50 ms | p99 ms | max ms | 503 | 503 share | 503 p50 ms | 503 p99 ms | p99 from first try ms | other errors | service CPU µs/answer | client cores | VmHWM after |"
  echo "|---:|---:|:-:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} | tee "$OUT/http.md"
start default
run 4 > /dev/null # warm-up
REST=$(mem VmRSS)
row() { # row CLIENTS LIMIT-LABEL [--retry-after]: one run and its table row
  local before r
  before=$(ticks)
  r=$(run "$1" "${@:3}")
  echo "$r" >> "$OUT/runs.jsonl"
  local cpu=$(( $(ticks) - before )) answered honoured=— waits=—
  answered=$(field answered "$r")
  if [[ $(field retry_after "$r") == true ]]; then
    honoured=yes
    waits=$(cell p99_with_waits_ms "$r")
  fi
  echo "| $1 | $2 | $honoured | $answered | $(field rps "$r") | $(cell p50_ms "$r") | $(cell p99_ms "$r") | $(cell max_ms "$r") | $(field status_503 "$r") | $(field share_503 "$r") | $(cell p50_503_ms "$r") | $(cell p99_503_ms "$r") | $waits | $(( $(field other_status "$r") + $(field io_errors "$r") )) | $(( cpu * 10000 / (answered > 0 ? answered : 1) )) | $(field client_cores "$r") | $(mem VmHWM) |" | tee -a "$OUT/http.md"
}
for c in 1 16 64; do
  row "$c" "$DEFAULT (default)"
done
row 64 "$DEFAULT (default)" --retry-after
stop
start 16
row 64 16
row 64 16 --retry-after
stop
start 4
row 64 4
stop
{
  echo
  echo "memory at rest (after a warm-up): VmRSS $REST"
  echo "load average after (1/5/15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "host speed after: the library alone, one thread: $(speed) µs per answer (validate-loop)"
} | tee -a "$OUT/http.md"
