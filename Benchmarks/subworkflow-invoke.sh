#!/usr/bin/env bash
# Sub-workflow enqueue latency (issue 6): POST /api/workflows/{id}/versions/^1.0/invoke at a paced
# rate with wrk while 100 workers run the children (WORKERS=0: the API alone). Prints wrk's figures (p50/p95/p99, errors,
# achieved rate) and how many children ran to completion. Results go into docs/benchmarks.md.
#
#   Benchmarks/subworkflow-invoke.sh [RATE] [SECONDS]     (defaults: 1000 requests/s for 60 s)
#
# Starts a private stack on its own ports (.data/bench), builds mc in release mode, runs
# `mc serve --no-workers` (the API) and `mc worker --worker-concurrency 100` on a fresh database.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
rate="${1:-1000}"
seconds="${2:-60}"
connections="${CONNECTIONS:-50}"
workers="${WORKERS:-100}"

ops/dev/install-packages
if ! command -v wrk >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" != 0 ] && sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk >/dev/null
fi
export MAESTRO_DATA_DIR="$repo/.data/bench" MAESTRO_PG_PORT=54349 MAESTRO_REDIS_PORT=63819
ops/dev/stack up
work="$(mktemp -d)"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; ops/dev/stack down; rm -rf "$work"; }
trap cleanup EXIT
eval "$(ops/dev/stack env)"

swift build -c release --product mc
mc="$(swift build -c release --show-bin-path)/mc"
database="${MAESTRO_DATABASE_URL%/*}/bench_invoke"
psql "$MAESTRO_DATABASE_URL" -qc "DROP DATABASE IF EXISTS bench_invoke" -c "CREATE DATABASE bench_invoke" >/dev/null
secret="bench-$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')"
export MAESTRO_JWT_SECRET="$secret" LOG_LEVEL=warning

"$mc" serve --port 0 --no-workers --database-url "$database" --database-pool-size 20 >"$work/serve.log" 2>&1 &
pids+=($!)
url=""
for _ in $(seq 1 150); do
  url="$(sed -n 's/^Maestro Composer listening on \(http[^ ]*\)$/\1/p' "$work/serve.log")"
  [ -n "$url" ] && break
  sleep 0.2
done
[ -n "$url" ] || { cat "$work/serve.log" >&2; exit 1; }
if [ "$workers" -gt 0 ]; then
  "$mc" worker --database-url "$database" --worker-concurrency "$workers" --database-pool-size 30 >"$work/worker.log" 2>&1 &
  pids+=($!)
fi

token="$("$mc" token --tenant bench --roles designer,operator)"
definition='{"name": "child", "version": "1.0.0", "inputSchema": {"type": "object", "required": ["n"], "properties": {"n": {"type": "integer"}}}, "outputSchema": {"type": "object", "required": ["n"]}, "steps": [{"id": "t", "type": "transform", "with": {"output": {"n": "{{input.n}}"}}}], "output": {"n": "{{steps.t.output.n}}"}}'
created="$(curl -sf -X POST "$url/api/workflows" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d "{\"name\": \"child\", \"definition\": $definition}")"
id="$(printf '%s' "$created" | sed -n 's/.*"id":"\([0-9a-f-]\{36\}\)".*/\1/p' | head -1)"

# Each connection pauses so that all of them together send about RATE requests per second.
delay=$(( connections * 1000 / rate - 1 ))
[ "$delay" -lt 0 ] && delay=0
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; Postgres, Redis, the server, $workers workers and wrk share it"
echo "wrk: $connections connections, ${delay} ms pause per request, ${seconds} s, target ${rate}/s"
if [ -n "${PERF_RECORD:-}" ]; then
  perf record -F 499 -g -p "${pids[0]}" -o "$PERF_RECORD" -- sleep "$((seconds - 2))" >/dev/null 2>&1 &
fi
BENCH_PATH="/api/workflows/$id/versions/%5E1.0/invoke" BENCH_TOKEN="$token" BENCH_DELAY_MS="$delay" \
  wrk -t2 -c"$connections" -d"${seconds}s" -s Benchmarks/subworkflow-invoke.lua "$url"

if [ -n "${CPU_REPORT:-}" ]; then
  echo "cpu seconds: server $(ps -o cputime= -p "${pids[0]}"), postgres $(ps -C postgres -o cputime= | awk -F: '{s += $1*3600 + $2*60 + $3} END {print s}') s"
fi
# The children the workers finished meanwhile, and after a short drain.
sleep 10
psql "$database" -Atc "SELECT 'children: ' || count(*) || ' enqueued, ' || count(*) FILTER (WHERE status = 'SUCCEEDED') || ' succeeded, ' || count(*) FILTER (WHERE status = 'FAILED') || ' failed' FROM executions"
