// graphql-bench: the GraphQL workloads of issue 3 for GraphQLCore and GraphQLSwift 4.3, in one
// process. Run through Benchmarks/graphql-bench.sh, which adds graphql-js and prints the table.
//
//   graphql-bench [--seconds S] [--warmup S] [--inputs DIR] [--only WORKLOAD[,WORKLOAD...]]
//                 [--engine GraphQLCore|GraphQLSwift]
import Foundation

var arguments = CommandLine.arguments.dropFirst()
var seconds = 1.5
var warmup = 0.3
var inputsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Inputs").path
var only: Set<String> = []
var engines: Set<String> = []
while let argument = arguments.popFirst() {
    guard let value = arguments.popFirst() else {
        FileHandle.standardError.write(Data("missing value after \(argument)\n".utf8))
        exit(2)
    }
    switch argument {
    case "--seconds": seconds = Double(value) ?? seconds
    case "--warmup": warmup = Double(value) ?? warmup
    case "--inputs": inputsDirectory = value
    case "--only": only = Set(value.split(separator: ",").map(String.init))
    case "--engine": engines.insert(value)
    default:
        FileHandle.standardError.write(Data("unknown option \(argument)\n".utf8))
        exit(2)
    }
}

#if DEBUG
FileHandle.standardError.write(Data("warning: a debug build; measure with -c release\n".utf8))
#endif

/// Runs the selected engines off the main actor (see `Harness`); returns the result sink.
nonisolated func runAll(
    inputs: Inputs, seconds: Double, warmup: Double, only: Set<String>, engines: Set<String>
) async throws -> Int {
    let harness = Harness(seconds: seconds, warmupSeconds: warmup, only: only)
    if engines.isEmpty || engines.contains(OursBenchmarks.engine) {
        try await OursBenchmarks.run(inputs, harness)
    }
    if engines.isEmpty || engines.contains(GraphQLSwiftBenchmarks.engine) {
        try await GraphQLSwiftBenchmarks.run(inputs, harness)
    }
    return harness.sink
}

let inputs = try Inputs(directory: inputsDirectory)
let sink = try await runAll(inputs: inputs, seconds: seconds, warmup: warmup, only: only, engines: engines)
print("sink\t\(sink)")
