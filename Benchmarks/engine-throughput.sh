#!/usr/bin/env bash
# Step throughput and enqueue→completion latency of the engine, end to end through the real
# queue, workers and Postgres (trivial transform steps). Results go into docs/benchmarks.md.
#
#   Benchmarks/engine-throughput.sh [EXECUTIONS]
#
# Starts a private stack on its own ports (.data/bench), builds mc in release mode, and runs
# `mc bench engine` for 1-step and 5-step workflows at increasing worker concurrency, each on a
# fresh database.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
executions="${1:-2000}"

ops/dev/install-packages
export MAESTRO_DATA_DIR="$repo/.data/bench" MAESTRO_PG_PORT=54349 MAESTRO_REDIS_PORT=63819
ops/dev/stack up
trap 'ops/dev/stack down' EXIT
eval "$(ops/dev/stack env)"

swift build -c release --product mc
mc="$(swift build -c release --show-bin-path)/mc"
base="${MAESTRO_DATABASE_URL%/*}"

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; Postgres and the benchmark share it"
for steps in 1 5; do
  for concurrency in 10 50 100; do
    psql "$MAESTRO_DATABASE_URL" -qc "DROP DATABASE IF EXISTS bench" -c "CREATE DATABASE bench" >/dev/null 2>&1
    "$mc" bench engine --database-url "$base/bench" --executions "$executions" --steps "$steps" \
      --concurrency "$concurrency" --database-pool-size 40
    echo
  done
done
