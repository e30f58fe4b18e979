import Foundation

/// The workloads' input files (Benchmarks/GraphQLBenchmarks/Inputs), read once.
struct Inputs: Sendable {
    let schema: String
    let kitchenSink: String
    let largeQuery: String
    let mediumQuery: String
    let itemsQuery: String
    let itemsJSON: String
    let introspectionQuery: String
    let smallQuery: String
    let smallRootJSON: String

    init(directory: String) throws {
        func read(_ name: String) throws -> String {
            try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
        }
        schema = try read("schema.graphql")
        kitchenSink = try read("kitchen-sink.graphql")
        largeQuery = try read("large-query.graphql")
        mediumQuery = try read("medium-query.graphql")
        itemsQuery = try read("items-query.graphql")
        itemsJSON = try read("items.json")
        introspectionQuery = try read("introspection.graphql")
        smallQuery = try read("small-query.graphql")
        smallRootJSON = try read("small-root.json")
    }
}

/// The workload names, shared with graphql-js-bench.js.
enum Workload {
    static let parseKitchenSink = "parse-kitchen-sink"
    static let parseLarge = "parse-50kb"
    static let validateMedium = "validate-medium"
    static let executeList = "execute-1000-items"
    static let introspection = "introspection"
    static let smallEndToEnd = "small-parse-validate-execute"
}
