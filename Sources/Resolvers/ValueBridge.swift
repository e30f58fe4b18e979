import Engine
import Foundation
import GraphQLCore

/// Conversions between the engine's JSON values and GraphQL values, and engine errors as
/// GraphQL errors with a machine-readable code.
enum ValueBridge {
    static func graphQL(_ json: JSONValue) -> GraphQLValue {
        switch json {
        case .null: return .null
        case .bool(let value): return .bool(value)
        case .int(let value): return .int(Int(value))
        case .double(let value): return .double(value)
        case .string(let value): return .string(value)
        case .array(let values): return .list(values.map(graphQL))
        case .object(let object):
            var result = GraphQLObject()
            for (key, value) in object { result[key] = graphQL(value) }
            return .object(result)
        }
    }

    static func json(_ value: GraphQLValue) -> JSONValue {
        switch value {
        case .null: return .null
        case .bool(let value): return .bool(value)
        case .int(let value): return .int(Int64(value))
        case .double(let value): return .double(value)
        case .string(let value): return .string(value)
        case .list(let values): return .array(values.map(json))
        case .object(let object):
            var result = JSONObject()
            for key in object.keys { result[key] = json(object[key] ?? .null) }
            return .object(result)
        }
    }

    /// The engine value a parent resolver passed down as `.source`.
    static func source<T: Sendable>(_ value: ResolvedValue, as type: T.Type) throws -> T {
        guard case .source(let source) = value, let typed = source as? T else {
            throw GraphQLError(message: "Internal error: expected a \(T.self) as the parent value.", extensions: [.init("code", .string("INTERNAL"))])
        }
        return typed
    }

    static func optional(_ json: JSONValue?) -> ResolvedValue {
        json.map { .value(graphQL($0)) } ?? .null
    }

    static func dateTime(_ date: Date) -> ResolvedValue { .value(.string(dateTimeText(date))) }

    /// RFC 3339 in UTC with milliseconds, the `DateTime` scalar's form.
    static func dateTimeText(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
    }

    static func id(_ uuid: UUID) -> ResolvedValue { .value(.string(uuid.uuidString.lowercased())) }

    /// Reads an `ID!` argument that must be a UUID.
    static func uuid(_ arguments: GraphQLObject, _ name: String) throws -> UUID {
        guard case .string(let text)? = arguments[name], let id = UUID(uuidString: text) else {
            throw GraphQLError(message: "\"\(name)\" must be an id (a UUID).", extensions: [.init("code", .string("BAD_USER_INPUT"))])
        }
        return id
    }

    /// Reads a `Priority` argument (STANDARD when absent).
    static func priority(_ arguments: GraphQLObject) -> TaskPriority {
        switch string(arguments, "priority") {
        case "CRITICAL": return .critical
        case "BATCH": return .batch
        default: return .standard
        }
    }

    static func string(_ arguments: GraphQLObject, _ name: String) -> String? {
        if case .string(let text)? = arguments[name] { return text }
        return nil
    }

    /// An engine error as a GraphQL error: its code in `extensions.code`, its details appended
    /// to the message one per line.
    static func graphQLError(_ error: any Error) -> any Error {
        guard let engine = error as? EngineError else { return error }
        let message = engine.details.isEmpty ? engine.message : engine.message + "\n" + engine.details.joined(separator: "\n")
        var extensions: [GraphQLError.Extension] = [.init("code", .string(engine.code.name))]
        if let retryAfter = engine.retryAfterSeconds { extensions.append(.init("retryAfterSeconds", .int(retryAfter))) }
        return GraphQLError(message: message, extensions: extensions)
    }

    /// Runs engine work as an async resolver value, translating its errors.
    static func async(_ work: @escaping @Sendable () async throws -> ResolvedValue) -> ResolvedValue {
        .async {
            do { return try await work() } catch { throw graphQLError(error) }
        }
    }

    /// The error a field answers with until its capability lands (with issue `issue`, when one
    /// is filed).
    static func notAvailable(_ what: String, issue: Int? = nil) -> GraphQLError {
        let when = issue.map { " (it lands with issue \($0))" } ?? ""
        return GraphQLError(
            message: "\(what) is not available yet in this version of Maestro Composer\(when).",
            extensions: [.init("code", .string("NOT_AVAILABLE"))])
    }

    /// Loads through a batch loader: registers the key now, awaits the batch later.
    static func load<Key, Value>(
        _ loader: BatchLoader<Key, Value>, _ key: Key, _ transform: @escaping @Sendable (Value?) -> ResolvedValue
    ) -> ResolvedValue {
        let work = loader.load(key)
        return async { transform(try await work()) }
    }
}
