// Our engine, GraphQLCore: default JSON-root resolvers over `GraphQLValue` data.
import GraphQLCore

enum OursBenchmarks {
    static let engine = "GraphQLCore"

    static func run(_ inputs: Inputs, _ harness: Harness) async throws {
        let schema = try buildSchema(inputs.schema)
        guard schema.validationErrors.isEmpty else { throw BenchmarkFailure(description: "\(schema.validationErrors)") }

        if harness.wants(Workload.parseKitchenSink) {
            let text = inputs.kitchenSink
            harness.check(Workload.parseKitchenSink, engine, "\(try parse(text).definitions.count) definitions")
            try await harness.measure(Workload.parseKitchenSink, engine) { try parse(text).definitions.count }
        }
        if harness.wants(Workload.parseLarge) {
            let text = inputs.largeQuery
            harness.check(Workload.parseLarge, engine, "\(try parse(text).definitions.count) definitions")
            try await harness.measure(Workload.parseLarge, engine) { try parse(text).definitions.count }
        }
        if harness.wants(Workload.validateMedium) {
            let document = try parse(inputs.mediumQuery)
            let errors = validate(schema: schema, document: document)
            guard errors.isEmpty else { throw BenchmarkFailure(description: "validate: \(errors)") }
            harness.check(Workload.validateMedium, engine, "0 errors")
            try await harness.measure(Workload.validateMedium, engine) {
                validate(schema: schema, document: document).count + 1
            }
        }
        if harness.wants(Workload.executeList) {
            let document = try parse(inputs.itemsQuery)
            let root = ResolvedValue.value(try parseJSON(inputs.itemsJSON))
            let result = await execute(schema: schema, document: document, rootValue: root)
            try verify(Workload.executeList, result, harness)
            try await harness.measure(Workload.executeList, engine) {
                let result = await execute(schema: schema, document: document, rootValue: root)
                return result.errors.count + (result.data == nil ? 0 : 1)
            }
        }
        if harness.wants(Workload.introspection) {
            let document = try parse(inputs.introspectionQuery)
            let result = await execute(schema: schema, document: document)
            try verify(Workload.introspection, result, harness)
            try await harness.measure(Workload.introspection, engine) {
                let result = await execute(schema: schema, document: document)
                return result.errors.count + (result.data == nil ? 0 : 1)
            }
        }
        if harness.wants(Workload.smallEndToEnd) {
            let request = inputs.smallQuery
            let root = ResolvedValue.value(try parseJSON(inputs.smallRootJSON))
            let result = await graphql(schema: schema, request: request, rootValue: root)
            try verify(Workload.smallEndToEnd, result, harness)
            try await harness.measure(Workload.smallEndToEnd, engine) {
                let result = await graphql(schema: schema, request: request, rootValue: root)
                return result.errors.count + (result.data == nil ? 0 : 1)
            }
        }
    }

    /// Fails on errors or missing data; reports the size of the JSON response for comparison.
    static func verify(_ workload: String, _ result: GraphQLResult, _ harness: Harness) throws {
        guard result.errors.isEmpty, let data = result.data, case .object(let object) = data, object.count > 0 else {
            throw BenchmarkFailure(description: "\(engine) \(workload): \(result.jsonString.prefix(500))")
        }
        harness.dump(workload, engine, result.jsonString)
        harness.check(workload, engine, "response \(result.jsonString.utf8.count) bytes of JSON, no errors")
    }
}

/// Converts JSON data to plain Swift values (dictionaries, arrays, strings, numbers, booleans;
/// nulls left out) for GraphQLSwift's default resolvers.
func swiftData(fromJSON text: String) throws -> [String: any Sendable] {
    func convert(_ value: GraphQLValue) -> (any Sendable)? {
        switch value {
        case .null: return nil
        case .bool(let bool): return bool
        case .int(let int): return int
        case .double(let double): return double
        case .string(let string): return string
        case .list(let list): return list.map { convert($0) }
        case .object(let object):
            var dictionary: [String: any Sendable] = [:]
            for (key, value) in object.entries {
                if let converted = convert(value) { dictionary[key] = converted }
            }
            return dictionary
        }
    }
    guard let dictionary = convert(try parseJSON(text)) as? [String: any Sendable] else {
        throw BenchmarkFailure(description: "the root JSON is not an object")
    }
    return dictionary
}
