#!/usr/bin/env bash
# GraphQL engine benchmarks (issue 3): our GraphQLCore against GraphQLSwift 4.3 and graphql-js 16
# on the same workloads and inputs (Benchmarks/GraphQLBenchmarks/Inputs). Results go into
# docs/benchmarks.md.
#
#   Benchmarks/graphql-bench.sh [SECONDS_PER_WORKLOAD] [--only WORKLOAD,...] [--warmup SECONDS]
#
# The options after the seconds go to both benchmark programs. Workloads: parse-kitchen-sink,
# parse-50kb, validate-medium, execute-1000-items, introspection, small-parse-validate-execute.
# GRAPHQL_BENCH_DUMP=DIR makes both write each engine's responses there, for comparison.
#
# Builds Benchmarks/GraphQLBenchmarks in release mode (its own .build; the root package is a path
# dependency), runs the Swift engines in one process, then graphql-js under node, one after the
# other so they never share the CPU, and prints one table: median and p90 per operation, ops/s.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
seconds="${1:-1.5}"
shift || true
package=Benchmarks/GraphQLBenchmarks

ops/dev/install-packages --tests
swift build -c release --package-path "$package" --product graphql-bench
bench="$(swift build -c release --package-path "$package" --show-bin-path)/graphql-bench"

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(swift --version 2>/dev/null | head -1); node $(node --version)"
echo "running graphql-bench (GraphQLCore, GraphQLSwift), ${seconds}s per workload and engine..."
"$bench" --seconds "$seconds" "$@" | tee "$out/swift.tsv" | grep '^check' || true
echo "running graphql-js-bench.js..."
node "$package/graphql-js-bench.js" --seconds "$seconds" "$@" | tee "$out/js.tsv" | grep '^check' || true
echo

python3 - "$out/swift.tsv" "$out/js.tsv" <<'PY'
import sys

workloads, engines, rows = [], [], {}
for path in sys.argv[1:]:
    for line in open(path):
        fields = line.rstrip("\n").split("\t")
        if fields[0] != "result":
            continue
        workload, engine = fields[1], fields[2]
        median, p90, ops, iterations = (int(value) for value in fields[3:7])
        if workload not in workloads:
            workloads.append(workload)
        if engine not in engines:
            engines.append(engine)
        rows[(workload, engine)] = (median, p90, ops, iterations)

def duration(ns):
    if ns < 1_000_000:
        return f"{ns / 1000:.1f} µs"
    return f"{ns / 1_000_000:.2f} ms"

ours = "GraphQLCore"
print("| workload | engine | median | p90 | ops/s | iterations | median vs GraphQLCore |")
print("|---|---|---|---|---|---|---|")
for workload in workloads:
    present = [engine for engine in engines if (workload, engine) in rows]
    winner = min(present, key=lambda engine: rows[(workload, engine)][0])
    for engine in present:
        median, p90, ops, iterations = rows[(workload, engine)]
        base = rows.get((workload, ours))
        ratio = f"{median / base[0]:.2f}×" if base else "—"
        name = f"**{engine}**" if engine == winner else engine
        print(f"| {workload} | {name} | {duration(median)} | {duration(p90)} | {ops:,} | {iterations:,} | {ratio} |")
print()
print("Fastest median in bold. 'median vs GraphQLCore' > 1 means slower than ours.")
PY
