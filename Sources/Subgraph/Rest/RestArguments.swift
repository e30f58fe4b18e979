import GraphQLCore
import Hummingbird

/// Turns a REST request into the variables of its operation: path parameters, then query
/// parameters (GET) or the JSON body (other methods). Values are converted by the argument's
/// type; the executor's variable coercion then checks them like any GraphQL request's.
enum RestArguments {
    /// A request the shim refuses before running anything.
    struct Problem: Error {
        let details: ProblemDetails
        init(_ status: HTTPResponse.Status, _ code: String, _ detail: String) {
            details = ProblemDetails(status: status, code: code, detail: detail)
        }
    }

    /// The argument an `Idempotency-Key` request header fills (the usual REST spelling of it).
    static let idempotencyArgument = "idempotencyKey"

    static func variables(
        for operation: RestOperation, request: Request, pathParameters: [String: String], maxBodyBytes: Int
    ) async throws(Problem) -> GraphQLObject {
        var variables = try await explicitVariables(for: operation, request: request, pathParameters: pathParameters, maxBodyBytes: maxBodyBytes)
        if operation.arguments[idempotencyArgument] != nil, variables[idempotencyArgument] == nil,
            let key = request.headers.first(where: { $0.name.canonicalName == "idempotency-key" })?.value
        {
            variables[idempotencyArgument] = .string(key)
        }
        return variables
    }

    private static func explicitVariables(
        for operation: RestOperation, request: Request, pathParameters: [String: String], maxBodyBytes: Int
    ) async throws(Problem) -> GraphQLObject {
        var variables = GraphQLObject()
        for (name, text) in pathParameters {
            if let argument = operation.arguments[name] { variables[name] = value(text, as: argument.type) }
        }
        if operation.route.method == .get {
            var lists: [String: [GraphQLValue]] = [:]
            for (key, rawValue) in request.uri.queryParameters {
                let name = String(key)
                guard let argument = operation.arguments[name], pathParameters[name] == nil else {
                    throw Problem(.badRequest, "BAD_USER_INPUT", "Unknown query parameter \"\(name)\"; this route takes \(takes(operation, pathParameters)).")
                }
                let converted = value(String(rawValue), as: argument.type.nullable.listItem ?? argument.type)
                if argument.type.nullable.listItem != nil {
                    lists[name, default: []].append(converted)
                } else {
                    variables[name] = converted
                }
            }
            for (name, items) in lists { variables[name] = .list(items) }
            return variables
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: maxBodyBytes)
        } catch {
            throw Problem(.contentTooLarge, "PAYLOAD_TOO_LARGE", "The request body is larger than the limit of \(maxBodyBytes) bytes.")
        }
        guard body.readableBytes > 0 else {
            if let name = operation.route.bodyArgument {
                throw Problem(.badRequest, "BAD_USER_INPUT", "This route takes a JSON body (its \"\(name)\").")
            }
            return variables
        }
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/json") || contentType.contains("+json") else {
            throw Problem(.unsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", "Send the body as JSON with Content-Type: application/json.")
        }
        let json: GraphQLValue
        do {
            json = try parseJSON(String(buffer: body))
        } catch {
            throw Problem(.badRequest, "BAD_REQUEST", "The body is not valid JSON: \(error.message)")
        }
        if let name = operation.route.bodyArgument {
            variables[name] = json
            return variables
        }
        guard case .object(let object) = json else {
            throw Problem(.badRequest, "BAD_USER_INPUT", "The body must be a JSON object whose keys are \(takes(operation, pathParameters)).")
        }
        for (key, item) in object.entries {
            guard operation.arguments[key] != nil, pathParameters[key] == nil else {
                throw Problem(.badRequest, "BAD_USER_INPUT", "Unknown body property \"\(key)\"; this route takes \(takes(operation, pathParameters)).")
            }
            variables[key] = item
        }
        return variables
    }

    /// A query-string value as the argument's type expects it; text that does not fit is passed
    /// on as a string so coercion reports it precisely.
    static func value(_ text: String, as type: GraphQLTypeReference) -> GraphQLValue {
        switch type.nullable {
        case .named("Int"): if let number = Int(text) { return .int(number) }
        case .named("Float"): if let number = Double(text) { return .double(number) }
        case .named("Boolean"): if text == "true" || text == "false" { return .bool(text == "true") }
        default: break
        }
        return .string(text)
    }

    private static func takes(_ operation: RestOperation, _ pathParameters: [String: String]) -> String {
        let names = operation.arguments.keys.filter { pathParameters[$0] == nil }.sorted()
        return names.isEmpty ? "none" : names.map { "\"\($0)\"" }.joined(separator: ", ")
    }
}

extension GraphQLTypeReference {
    /// The item type of a list type (after removing an outer non-null), or nil.
    var listItem: GraphQLTypeReference? {
        if case .list(let item) = nullable { return item }
        return nil
    }
}
