#!/usr/bin/env bash
# Sub-workflow enqueue latency (issue 6): POST /api/workflows/{id}/versions/^1.0/invoke at a paced
# rate with wrk while 100 workers run the children (WORKERS=0: the API alone). Prints wrk's
# figures (p50/p95/p99, errors, achieved rate) and how many children ran to completion.
# Results go into docs/benchmarks.md.
#
#   Benchmarks/subworkflow-invoke.sh [RATE] [SECONDS]     (defaults: 1000 requests/s for 60 s)
#
# CPU_REPORT=1 prints the CPU seconds of the server, the workers, Postgres and Redis; PERF_RECORD=FILE records a
# perf profile of the server.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
rate="${1:-1000}"
seconds="${2:-60}"
source Benchmarks/bench-server.sh
bench_start bench_invoke "${WORKERS:-100}"
id="$(bench_create_workflow child '{"name": "child", "version": "1.0.0", "inputSchema": {"type": "object", "required": ["n"], "properties": {"n": {"type": "integer"}}}, "outputSchema": {"type": "object", "required": ["n"]}, "steps": [{"id": "t", "type": "transform", "with": {"output": {"n": "{{input.n}}"}}}], "output": {"n": "{{steps.t.output.n}}"}}')"

if [ -n "${PERF_RECORD:-}" ]; then
  perf record -F 499 -g -p "${bench_pids[0]}" -o "$PERF_RECORD" -- sleep "$((seconds - 2))" >/dev/null 2>&1 &
fi
bench_wrk "/api/workflows/$id/versions/%5E1.0/invoke" "$rate" "$seconds" "${CONNECTIONS:-100}"
if [ -n "${CPU_REPORT:-}" ]; then
  # utime + stime in clock ticks from /proc (ps rounds each backend down to whole seconds).
  # This stack's Postgres and Redis only (the dev stack may run beside them): the postmaster on
  # this port with its children, and the Redis server on this port.
  postmaster="$(pgrep -o -f -- "postgres -D .* -p $MAESTRO_PG_PORT\$")"
  cpu() { for pid in "$@"; do cat "/proc/$pid/stat" 2>/dev/null; done | awk -v hz="$(getconf CLK_TCK)" '{s += $14 + $15} END {printf "%.1f", s / hz}'; }
  echo "cpu seconds: server $(cpu "${bench_pids[0]}"), workers $(cpu "${bench_pids[@]:1}"), postgres $(cpu "$postmaster" $(pgrep -P "$postmaster")), redis $(cpu $(pgrep -f -- "redis-server .*:$MAESTRO_REDIS_PORT"))"
fi
# The children the workers finished meanwhile, and after a short drain.
sleep 10
psql "$database" -Atc "SELECT 'children: ' || count(*) || ' enqueued, ' || count(*) FILTER (WHERE status = 'SUCCEEDED') || ' succeeded, ' || count(*) FILTER (WHERE status = 'FAILED') || ' failed' FROM executions"
