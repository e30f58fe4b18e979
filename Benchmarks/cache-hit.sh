#!/usr/bin/env bash
# What the step-result cache adds to a step: hit-path and miss-path latency against the local
# Redis and Postgres, one call at a time (release build). Results go into docs/benchmarks.md.
#
#   Benchmarks/cache-hit.sh [LOOKUPS]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
lookups="${1:-5000}"
ops/dev/install-packages
export MAESTRO_DATA_DIR="$repo/.data/bench" MAESTRO_PG_PORT=54349 MAESTRO_REDIS_PORT=63819
ops/dev/stack up
trap 'ops/dev/stack down' EXIT
eval "$(ops/dev/stack env)"
swift build -c release --product mc
"$(swift build -c release --show-bin-path)/mc" bench cache --lookups "$lookups"
