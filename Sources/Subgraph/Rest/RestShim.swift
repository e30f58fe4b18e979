import Foundation
import GraphQLCore
import Hummingbird

/// The REST shim: one HTTP route per `@rest` declaration of the schema, generated at start-up,
/// each running its ``RestOperation`` with arguments taken from the path, the query string
/// (GET) and the JSON body (other methods). Results are the field's value as JSON; errors are
/// problem+json (``ProblemDetails``). Works for any schema.
public struct RestShim: Sendable {
    public let schema: GraphQLSchema
    public let operations: [RestOperation]
    /// Largest request body accepted (413 beyond).
    public var maxBodyBytes: Int
    /// Seconds an operation may run (504 beyond).
    public var timeout: Double
    let inputs: GraphQLEndpoint.ExecutionInputs

    /// Reads the schema's routes and prepares their operations; throws on a bad declaration.
    public init(
        schema: GraphQLSchema, maxBodyBytes: Int = 1 << 20, timeout: Double = 30,
        inputs: @escaping GraphQLEndpoint.ExecutionInputs = { _ in (.null, nil) }
    ) throws {
        self.schema = schema
        self.operations = try RestRoute.routes(in: schema).map { try RestOperation(route: $0, schema: schema) }
        self.maxBodyBytes = maxBodyBytes
        self.timeout = timeout
        self.inputs = inputs
    }

    /// Adds every route to `router`.
    public func register<Context: RequestContext>(on router: Router<Context>) {
        for operation in operations {
            let path = RouterPath(operation.route.path.replacingOccurrences(of: "{", with: ":").replacingOccurrences(of: "}", with: ""))
            let method: HTTPRequest.Method =
                switch operation.route.method {
                case .get: .get
                case .post: .post
                case .put: .put
                case .delete: .delete
                }
            router.on(path, method: method) { request, context in
                var parameters: [String: String] = [:]
                for name in operation.route.pathParameters {
                    let raw = context.parameters.get(name) ?? ""
                    parameters[name] = raw.removingPercentEncoding ?? raw
                }
                return await self.respond(to: request, operation: operation, pathParameters: parameters)
            }
        }
    }

    /// Answers one request for `operation`.
    public func respond(to request: Request, operation: RestOperation, pathParameters: [String: String]) async -> Response {
        let inputs: (root: ResolvedValue, context: (any Sendable)?)
        do {
            inputs = try await self.inputs(request)
        } catch let rejection as GraphQLEndpoint.Rejection {
            let code = rejection.status == .unauthorized ? "UNAUTHENTICATED" : rejection.status == .forbidden ? "FORBIDDEN" : "REJECTED"
            return ProblemDetails(status: rejection.status, code: code, detail: rejection.message).response(extraHeaders: rejection.headers)
        } catch {
            return ProblemDetails(status: .internalServerError, code: "INTERNAL", detail: "The request could not be prepared: \(error)").response()
        }
        let variables: GraphQLObject
        do throws(RestArguments.Problem) {
            variables = try await RestArguments.variables(
                for: operation, request: request, pathParameters: pathParameters, maxBodyBytes: maxBodyBytes)
        } catch {
            return error.details.response()
        }
        guard
            let result = await executeWithTimeout(
                schema: schema, document: operation.document, source: nil, root: inputs.root, context: inputs.context,
                variables: variables, operationName: nil, timeout: timeout)
        else {
            return ProblemDetails(status: .gatewayTimeout, code: "TIMEOUT", detail: "The operation did not finish within \(timeout) s.").response()
        }
        if let error = result.errors.first {
            var problem = ProblemDetails(error)
            // Errors raised before execution (variable coercion) carry no code: the caller's input is wrong.
            if result.data == nil && problem.code == "INTERNAL" {
                problem = ProblemDetails(status: .badRequest, code: "BAD_USER_INPUT", detail: error.message)
            }
            return problem.response()
        }
        let value = result.data?[operation.route.field] ?? .null
        if value.isNull {
            return ProblemDetails(status: .notFound, code: "NOT_FOUND", detail: "\(request.uri.path) does not exist.").response()
        }
        return Response(
            status: HTTPResponse.Status(code: operation.route.successStatus), headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: value.jsonString)))
    }
}
