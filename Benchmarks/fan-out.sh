#!/usr/bin/env bash
# Sub-workflow fan-out (issue 6): one execution whose `subworkflow` step runs a one-step child per
# element of a forEach over N elements, at most CONCURRENCY at once, on the release build with
# `mc worker` (100 workers). Prints the time from the start request to the parent's end and the
# children that ran. Results go into docs/benchmarks.md.
#
#   Benchmarks/fan-out.sh [N] [CONCURRENCY]     (defaults: 1000 elements, 50 at once)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
count="${1:-1000}"
concurrency="${2:-50}"
source Benchmarks/bench-server.sh
bench_start bench_fanout "${WORKERS:-100}"
bench_create_workflow square '{"name": "square", "version": "1.0.0", "inputSchema": {"type": "object", "required": ["i"], "properties": {"i": {"type": "integer"}}}, "steps": [{"id": "t", "type": "transform", "with": {"output": {"i": "{{input.i}}"}}}], "output": {"i": "{{steps.t.output.i}}"}}' >/dev/null
fan="$(bench_create_workflow fan "{\"name\": \"fan\", \"version\": \"1.0.0\", \"inputSchema\": {\"type\": \"object\"}, \"steps\": [{\"id\": \"each\", \"type\": \"subworkflow\", \"forEach\": \"{{input.items}}\", \"concurrency\": $concurrency, \"with\": {\"workflow\": \"square\", \"version\": \"^1\", \"input\": {\"i\": \"{{item}}\"}}}], \"output\": {\"results\": \"{{steps.each.output}}\"}}")"
items="$(seq -s, 0 $((count - 1)))"
begin="$(date +%s.%N)"
answer="$(curl -s -X POST "$url/api/workflows/$fan/versions/1.0.0/execute" -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' -d "{\"input\": {\"items\": [$items]}}")"
execution="$(printf '%s' "$answer" | sed -n 's/^{"id":"\([0-9a-f-]\{36\}\)".*/\1/p')"
[ -n "$execution" ] || { echo "the fan-out did not start: $answer" >&2; exit 1; }
status=""
for _ in $(seq 1 6000); do
  status="$(psql "$database" -Atc "SELECT status FROM executions WHERE id = '$execution'")"
  case "$status" in SUCCEEDED|FAILED|CANCELLED|COMPENSATION_FAILED) break ;; esac
  sleep 0.05
done
end="$(date +%s.%N)"
echo "fan-out over $count elements, $concurrency at once: $status in $(awk -v a="$begin" -v b="$end" 'BEGIN {printf "%.1f", b - a}') s"
psql "$database" -Atc "SELECT 'children: ' || count(*) || ' started, ' || count(*) FILTER (WHERE status = 'SUCCEEDED') || ' succeeded' FROM executions WHERE parent_execution_id = '$execution'"
