import GraphQLCore

/// A REST route declared on a root field with `@rest(method:, path:)`.
///
/// The REST shim is generated from these at start-up, for any schema: path parameters
/// (`{id}`) and the JSON body map to the field's arguments, and the result is the field's value.
public struct RestRoute: Sendable, Equatable {
    public enum Method: String, Sendable, CaseIterable {
        case get = "GET", post = "POST", put = "PUT", delete = "DELETE"
    }

    public let method: Method
    /// The path template, e.g. `/api/executions/{id}/cancel`.
    public let path: String
    /// `query` or `mutation`.
    public let operation: String
    /// The root field the route calls.
    public let field: String
    /// Names of the `{...}` segments, in order.
    public let pathParameters: [String]
    /// The argument that takes the whole JSON body, if the route declares one; otherwise the
    /// body's keys are arguments.
    public let bodyArgument: String?
    /// The status of a successful response.
    public let successStatus: Int

    /// A problem in a schema's `@rest` declarations.
    public struct DeclarationError: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// Reads every `@rest` route of the schema's query and mutation fields, checking that each
    /// path parameter is an argument of its field, that reads use GET and mutations do not, and
    /// that no two fields claim the same method and path.
    public static func routes(in schema: GraphQLSchema) throws(DeclarationError) -> [RestRoute] {
        var routes: [RestRoute] = []
        for (operation, typeName) in [("query", schema.queryType), ("mutation", schema.mutationType)] {
            guard let typeName, let type = schema.types[typeName] else { continue }
            for field in type.fields {
                guard let directive = field.appliedDirectives.first(where: { $0.name.value == "rest" }) else { continue }
                routes.append(try route(directive, operation: operation, field: field, on: typeName))
            }
        }
        var seen: [String: String] = [:]
        for route in routes {
            let key = "\(route.method.rawValue) \(route.normalisedPath)"
            if let other = seen[key] {
                throw DeclarationError(description: "\(route.method.rawValue) \(route.path) is declared on both \(other) and \(route.operation).\(route.field).")
            }
            seen[key] = "\(route.operation).\(route.field)"
        }
        return routes
    }

    private static func route(_ directive: DirectiveNode, operation: String, field: GraphQLField, on typeName: String) throws(DeclarationError) -> RestRoute {
        let place = "\(typeName).\(field.name)"
        var methodText: String?
        var path: String?
        var body: String?
        var status = 200
        for argument in directive.arguments {
            switch (argument.name.value, argument.value) {
            case ("method", .enumValue(let value)): methodText = value.value
            case ("path", .string(let value)): path = value.value
            case ("body", .string(let value)): body = value.value
            case ("status", .int(let value)): status = Int(value.value) ?? 0
            default: break
            }
        }
        guard let methodText, let method = Method(rawValue: methodText) else {
            throw DeclarationError(description: "@rest on \(place) needs a method (GET, POST, PUT or DELETE).")
        }
        guard let path, path.hasPrefix("/") else {
            throw DeclarationError(description: "@rest on \(place) needs a path that starts with \"/\".")
        }
        if operation == "query" && method != .get {
            throw DeclarationError(description: "@rest on \(place) uses \(method.rawValue), but query fields are read with GET.")
        }
        if operation == "mutation" && method == .get {
            throw DeclarationError(description: "@rest on \(place) uses GET, but mutations must not be reachable with GET.")
        }
        let parameters = path.split(separator: "/").compactMap { segment -> String? in
            guard segment.hasPrefix("{"), segment.hasSuffix("}") else { return nil }
            return String(segment.dropFirst().dropLast())
        }
        let arguments = Set(field.arguments.map(\.name))
        for parameter in parameters where !arguments.contains(parameter) {
            throw DeclarationError(description: "@rest path \(path) on \(place) has {\(parameter)}, which is not an argument of the field.")
        }
        if let body {
            guard arguments.contains(body), !parameters.contains(body) else {
                throw DeclarationError(description: "@rest on \(place) takes its body as \"\(body)\", which is not a non-path argument of the field.")
            }
            guard method != .get else {
                throw DeclarationError(description: "@rest on \(place) is a GET route, which has no body.")
            }
        }
        guard (200...299).contains(status) else {
            throw DeclarationError(description: "@rest on \(place) declares status \(status); a success status is 200 to 299.")
        }
        return RestRoute(
            method: method, path: path, operation: operation, field: field.name, pathParameters: parameters, bodyArgument: body,
            successStatus: status)
    }

    /// The path with parameter names erased, so `/a/{id}` and `/a/{name}` count as the same route.
    var normalisedPath: String {
        path.split(separator: "/").map { $0.hasPrefix("{") ? "{}" : String($0) }.joined(separator: "/")
    }
}
