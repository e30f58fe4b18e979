// The Swift peer, GraphQLSwift/GraphQL 4.3: default resolvers over Swift dictionaries.
import Foundation
import GraphQL

enum GraphQLSwiftBenchmarks {
    static let engine = "GraphQLSwift"

    static func run(_ inputs: Inputs, _ harness: Harness) async throws {
        let schema = try buildSchema(source: inputs.schema)
        let schemaErrors = validateSchema(schema: schema)
        guard schemaErrors.isEmpty else { throw BenchmarkFailure(description: "\(schemaErrors)") }

        if harness.wants(Workload.parseKitchenSink) {
            let text = inputs.kitchenSink
            harness.check(Workload.parseKitchenSink, engine, "\(try parse(source: text).definitions.count) definitions")
            try await harness.measure(Workload.parseKitchenSink, engine) { try parse(source: text).definitions.count }
        }
        if harness.wants(Workload.parseLarge) {
            let text = inputs.largeQuery
            harness.check(Workload.parseLarge, engine, "\(try parse(source: text).definitions.count) definitions")
            try await harness.measure(Workload.parseLarge, engine) { try parse(source: text).definitions.count }
        }
        if harness.wants(Workload.validateMedium) {
            let document = try parse(source: inputs.mediumQuery)
            let errors = validate(schema: schema, ast: document)
            guard errors.isEmpty else { throw BenchmarkFailure(description: "validate: \(errors)") }
            harness.check(Workload.validateMedium, engine, "0 errors")
            try await harness.measure(Workload.validateMedium, engine) {
                validate(schema: schema, ast: document).count + 1
            }
        }
        if harness.wants(Workload.executeList) {
            let document = try parse(source: inputs.itemsQuery)
            let root = try swiftData(fromJSON: inputs.itemsJSON)
            let result = try await execute(schema: schema, documentAST: document, rootValue: root, context: ())
            try verify(Workload.executeList, result, harness)
            try await harness.measure(Workload.executeList, engine) {
                let result = try await execute(schema: schema, documentAST: document, rootValue: root, context: ())
                return result.errors.count + (result.data == nil ? 0 : 1)
            }
        }
        if harness.wants(Workload.introspection) {
            let document = try parse(source: inputs.introspectionQuery)
            let result = try await execute(schema: schema, documentAST: document, rootValue: (), context: ())
            try verify(Workload.introspection, result, harness)
            try await harness.measure(Workload.introspection, engine) {
                let result = try await execute(schema: schema, documentAST: document, rootValue: (), context: ())
                return result.errors.count + (result.data == nil ? 0 : 1)
            }
        }
        if harness.wants(Workload.smallEndToEnd) {
            let request = inputs.smallQuery
            let root = try swiftData(fromJSON: inputs.smallRootJSON)
            let result = try await graphql(schema: schema, request: request, rootValue: root)
            try verify(Workload.smallEndToEnd, result, harness)
            try await harness.measure(Workload.smallEndToEnd, engine) {
                let result = try await graphql(schema: schema, request: request, rootValue: root)
                return result.errors.count + (result.data == nil ? 0 : 1)
            }
        }
    }

    /// Fails on errors or missing data; reports the size of the JSON response for comparison.
    static func verify(_ workload: String, _ result: GraphQLResult, _ harness: Harness) throws {
        let json = String(decoding: try GraphQLJSONEncoder().encode(result), as: UTF8.self)
        guard result.errors.isEmpty, let data = result.data, case .dictionary(let object) = data, !object.isEmpty else {
            throw BenchmarkFailure(description: "\(engine) \(workload): \(json.prefix(500))")
        }
        harness.dump(workload, engine, json)
        harness.check(workload, engine, "response \(json.utf8.count) bytes of JSON, no errors")
    }
}
