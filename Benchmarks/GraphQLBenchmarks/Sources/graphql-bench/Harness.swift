// The timing harness: warm-up, then timed single operations until both a minimum time and a
// minimum count are reached; median, p90 and throughput per workload and engine.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Monotonic nanoseconds.
@inline(__always)
func nowNanoseconds() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
}

/// Thrown when an engine's first result is wrong: the benchmark must never time a failure.
struct BenchmarkFailure: Error, CustomStringConvertible {
    let description: String
}

/// Runs and reports the measurements. Output lines are tab-separated so that
/// `Benchmarks/graphql-bench.sh` can merge them with graphql-js's:
///   `check <workload> <engine> <text>` and
///   `result <workload> <engine> <median ns> <p90 ns> <ops/s> <iterations>`.
///
/// Not main-actor isolated on purpose: it runs on the global concurrent executor, like a server's
/// request handler, so awaiting the engines' (nonisolated) async entry points never hops threads.
final class Harness {
    let seconds: Double
    let warmupSeconds: Double
    let only: Set<String>
    /// Keeps every operation's result alive in a value we print, so nothing is optimised away.
    private(set) var sink = 0

    init(seconds: Double, warmupSeconds: Double, only: Set<String>) {
        self.seconds = seconds
        self.warmupSeconds = warmupSeconds
        self.only = only
    }

    func wants(_ workload: String) -> Bool { only.isEmpty || only.contains(workload) }

    func check(_ workload: String, _ engine: String, _ text: String) {
        print("check\t\(workload)\t\(engine)\t\(text)")
    }

    /// Writes a response to `$GRAPHQL_BENCH_DUMP/<workload>.<engine>.json` when that is set,
    /// to compare the engines' responses byte for byte.
    func dump(_ workload: String, _ engine: String, _ json: String) {
        guard let directory = getenv("GRAPHQL_BENCH_DUMP").map({ String(cString: $0) }) else { return }
        guard let file = fopen("\(directory)/\(workload).\(engine).json", "w") else { return }
        fputs(json, file)
        fclose(file)
    }

    /// Times `body` (one operation per call; it returns a number derived from its result).
    func measure(_ workload: String, _ engine: String, _ body: () async throws -> Int) async throws {
        let warmupEnd = nowNanoseconds() + UInt64(warmupSeconds * 1e9)
        var warmups = 0
        while warmups < 10 || nowNanoseconds() < warmupEnd {
            sink &+= try await body()
            warmups += 1
        }
        var samples: [UInt64] = []
        samples.reserveCapacity(1 << 16)
        let start = nowNanoseconds()
        let end = start + UInt64(seconds * 1e9)
        var last = start
        while samples.count < 50 || last < end {
            sink &+= try await body()
            let now = nowNanoseconds()
            samples.append(now - last)
            last = now
        }
        let total = Double(last - start) / 1e9
        samples.sort()
        let median = samples[samples.count / 2]
        let p90 = samples[min(samples.count - 1, samples.count * 9 / 10)]
        let opsPerSecond = Double(samples.count) / total
        print("result\t\(workload)\t\(engine)\t\(median)\t\(p90)\t\(Int(opsPerSecond.rounded()))\t\(samples.count)")
    }
}
