#!/usr/bin/env bash
# The HTTP service under load (BENCHMARKS.md, "HTTP service"): `kz-eco-rules serve`
# (release build) on a free loopback port, bench/http_load.rs as the client, the
# category II example (`--example permit_II`) POSTed to /v1/applications:validate
# at 1, 16 and 64 concurrent clients; then 64 clients against a service limited to
# 16 and to 4 requests at once (what happens past the limit: 503 + Retry-After at
# once). Memory is the service's VmRSS (/proc/PID/status) at rest and VmHWM (peak)
# after each run; CPU is the service's user + system time per answer
# (/proc/PID/stat) and the client's share of a core (it runs on one thread).
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
cargo build --locked --release --quiet --bin kz-eco-rules --example http-load
BIN=target/release/kz-eco-rules
LOAD=target/release/examples/http-load

PID=
start() { # start LIMIT: the service with that concurrency limit; sets PID and ADDR
  "$BIN" serve --addr 127.0.0.1:0 --concurrency "$1" 2> "$OUT/serve-$1.log" &
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
run() { "$LOAD" --addr "$ADDR" --path /v1/applications:validate --body "$BODY" \
  --concurrency "$1" --requests "$N" --seconds "$T"; }
field() { sed -n "s/.*\"$1\":\([^,}]*\).*/\1/p" <<< "$2"; }

{
  echo "HTTP service, category II example (permit_II, $(wc -c < "$BODY") bytes), $(nproc) cores"
  echo "load average before (1/5/15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| clients | limit | requests | req/s | p50 ms | p99 ms | max ms | 503 | 503 p99 ms | other errors | service CPU µs/answer | client cores | VmHWM after |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} | tee "$OUT/http.md"
start 64
run 4 > /dev/null # warm-up
REST=$(mem VmRSS)
row() { # row CLIENTS LIMIT: one run and its table row
  local before r
  before=$(ticks)
  r=$(run "$1")
  echo "$r" >> "$OUT/runs.jsonl"
  local cpu=$(( $(ticks) - before )) answered
  answered=$(field answered "$r")
  echo "| $1 | $2 | $answered | $(field rps "$r") | $(field p50_ms "$r") | $(field p99_ms "$r") | $(field max_ms "$r") | $(field status_503 "$r") | $(field p99_503_ms "$r") | $(( $(field other_status "$r") + $(field io_errors "$r") )) | $(( cpu * 10000 / (answered > 0 ? answered : 1) )) | $(field client_cores "$r") | $(mem VmHWM) |" | tee -a "$OUT/http.md"
}
for c in 1 16 64; do
  row "$c" 64
done
stop
for limit in 16 4; do
  start "$limit"
  row 64 "$limit"
  stop
done
{
  echo
  echo "memory at rest (after a warm-up): VmRSS $REST"
  echo "load average after (1/5/15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee -a "$OUT/http.md"
