#!/usr/bin/env bash
# Compensation dispatch latency (issue 7): how long from a step's failure being committed to the
# first compensation starting, under load. wrk starts executions of a saga at a paced rate while
# 100 workers run them. In each execution, `reserve` succeeds and `charge` fails, so `reserve` is
# compensated. Percentiles come from the event log:
# COMPENSATE_STARTED.created_at - EXECUTION_FAILED.created_at. Both are transaction start times,
# so the figure also includes the failing transaction's own duration, which makes it conservative.
#
#   Benchmarks/compensation-dispatch.sh [RATE] [SECONDS]     (defaults: 100 executions/s for 30 s)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
rate="${1:-100}"
seconds="${2:-30}"
source Benchmarks/bench-server.sh
bench_start bench_saga "${WORKERS:-100}"
id="$(bench_create_workflow saga '{"name": "saga", "version": "1.0.0", "inputSchema": {"type": "object"}, "steps": [{"id": "reserve", "type": "transform", "transaction": "order", "with": {"output": {"id": "{{input.n}}"}}, "compensate": {"type": "transform", "with": {"output": {"released": "{{steps.reserve.output.id}}"}}}}, {"id": "charge", "type": "transform", "needs": ["reserve"], "transaction": "order", "with": {"output": "{{input.card}}"}}]}')"

bench_wrk "/api/workflows/$id/versions/1.0.0/execute" "$rate" "$seconds" "${CONNECTIONS:-20}"
sleep 10
psql "$database" -At <<'SQL'
SELECT 'executions: ' || count(*) || ', compensated: ' || count(*) FILTER (WHERE compensation_state = 'COMPLETED') FROM executions;
SELECT format('dispatch latency (failure -> first compensation started): p50 %s ms, p95 %s ms, p99 %s ms, max %s ms (n = %s)',
              round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 1),
              round(percentile_cont(0.95) WITHIN GROUP (ORDER BY ms)::numeric, 1),
              round(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms)::numeric, 1),
              round(max(ms)::numeric, 1), count(*))
FROM (SELECT EXTRACT(EPOCH FROM (s.created_at - f.created_at)) * 1000 AS ms
      FROM execution_events f
      JOIN LATERAL (SELECT min(created_at) AS created_at FROM execution_events
                    WHERE execution_id = f.execution_id AND event_type = 'COMPENSATE_STARTED') s ON s.created_at IS NOT NULL
      WHERE f.event_type = 'EXECUTION_FAILED') latencies;
SQL
