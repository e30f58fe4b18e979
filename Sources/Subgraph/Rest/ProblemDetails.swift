import Foundation
import GraphQLCore
import Hummingbird

/// An RFC 9457 problem details response (`application/problem+json`): how every REST error is
/// answered. `code` is the same machine-readable code GraphQL puts in `extensions.code`.
public struct ProblemDetails: Sendable, Equatable {
    public var status: HTTPResponse.Status
    public var code: String
    /// One human sentence: what went wrong.
    public var detail: String
    /// One line per individual problem (each definition or schema error), if any.
    public var errors: [String] = []
    /// Seconds to wait before retrying (429 and 503), sent as `Retry-After` too.
    public var retryAfterSeconds: Int?

    public init(status: HTTPResponse.Status, code: String, detail: String, errors: [String] = [], retryAfterSeconds: Int? = nil) {
        self.status = status
        self.code = code
        self.detail = detail
        self.errors = errors
        self.retryAfterSeconds = retryAfterSeconds
    }

    /// The HTTP status for a GraphQL error code (`extensions.code`): the one mapping shared by the
    /// REST shim and its OpenAPI document.
    public static func status(forCode code: String) -> HTTPResponse.Status {
        switch code {
        case "BAD_USER_INPUT", "BAD_REQUEST", "GRAPHQL_VALIDATION_FAILED", "GRAPHQL_PARSE_FAILED": .badRequest
        case "UNAUTHENTICATED": .unauthorized
        case "FORBIDDEN": .forbidden
        case "NOT_FOUND": .notFound
        case "VERSION_CONFLICT", "CONFLICT", "INVALID_STATE", "INCOMPATIBLE_VERSION": .conflict
        case "PAYLOAD_TOO_LARGE": .contentTooLarge
        case "INVALID_DEFINITION", "INVALID_INPUT", "LIMIT_EXCEEDED": .unprocessableContent
        case "RATE_LIMITED", "TOO_MANY_REQUESTS", "BUDGET_EXHAUSTED": .tooManyRequests
        case "NOT_AVAILABLE": .notImplemented
        case "TIMEOUT": .gatewayTimeout
        case "UNAVAILABLE", "OVERLOADED", "CIRCUIT_OPEN": .serviceUnavailable
        default: .internalServerError
        }
    }

    /// The problem a GraphQL error stands for. Engine errors carry their individual problems as
    /// extra message lines; they become `errors`.
    public init(_ error: GraphQLError) {
        var code = "INTERNAL"
        var retryAfter: Int?
        for entry in error.extensions {
            switch (entry.key, entry.value) {
            case ("code", .string(let value)): code = value
            case ("retryAfterSeconds", .int(let value)): retryAfter = value
            default: break
            }
        }
        let lines = error.message.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        self.init(
            status: Self.status(forCode: code), code: code, detail: lines.first ?? error.message,
            errors: Array(lines.dropFirst()), retryAfterSeconds: retryAfter)
    }

    /// The response: problem+json, with `Retry-After` when known.
    public func response(extraHeaders: HTTPFields = [:]) -> Response {
        var object = GraphQLObject()
        object["type"] = .string("urn:maestro-composer:problem:\(code.lowercased().replacingOccurrences(of: "_", with: "-"))")
        object["title"] = .string(status.reasonPhrase)
        object["status"] = .int(status.code)
        object["detail"] = .string(detail)
        object["code"] = .string(code)
        if !errors.isEmpty { object["errors"] = .list(errors.map { .string($0) }) }
        if let retryAfterSeconds { object["retryAfterSeconds"] = .int(retryAfterSeconds) }
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        if let retryAfterSeconds { headers[.retryAfter] = String(retryAfterSeconds) }
        for field in extraHeaders { headers.append(field) }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: GraphQLValue.object(object).jsonString)))
    }
}
