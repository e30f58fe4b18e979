import Foundation
import GraphQLCore
import Hummingbird

/// GraphQL over HTTP (the GraphQL-over-HTTP specification), for any schema.
///
/// `POST` with a JSON body and `GET` with query parameters; responses in
/// `application/graphql-response+json` or `application/json` as the `Accept` header asks. Status
/// codes: 400 for malformed requests (and, with graphql-response+json, for documents that fail
/// parsing, validation or the operation limits), 405 for mutations over GET, 406 for an
/// unacceptable `Accept`, 413 for an oversized body, 415 for a POST that is not JSON, 504 when
/// the operation runs past its timeout; 200 otherwise, with field errors in the body.
public struct GraphQLEndpoint: Sendable {
    /// Thrown by ``ExecutionInputs`` to refuse a request before any work, e.g. 401 without a
    /// valid token.
    public struct Rejection: Error, Sendable {
        public let status: HTTPResponse.Status
        public let message: String
        public let headers: HTTPFields
        public init(status: HTTPResponse.Status, message: String, headers: HTTPFields = [:]) {
            self.status = status
            self.message = message
            self.headers = headers
        }
    }

    /// What an executed operation sees: the root value and a context value (e.g. the caller's
    /// identity), derived from the request.
    public typealias ExecutionInputs = @Sendable (Request) async throws -> (root: ResolvedValue, context: (any Sendable)?)

    /// When an executed operation ran: wall-clock start and end, and the monotonic duration.
    public struct ExecutionTiming: Sendable {
        /// When execution started (wall clock).
        public let start: Date
        /// When execution ended (wall clock).
        public let end: Date
        /// How long execution took (monotonic clock).
        public let durationNanoseconds: UInt64
    }

    /// Entries to add to the `extensions` of an executed operation's response, from the request,
    /// the result and its timing (e.g. Apollo federated tracing's `ftv1`); empty for none.
    public typealias ResponseExtensions = @Sendable (_ request: Request, _ result: GraphQLResult, _ timing: ExecutionTiming) -> GraphQLObject

    public let schema: GraphQLSchema
    public var limits: OperationLimits
    /// Largest request body accepted.
    public var maxBodyBytes: Int
    /// Seconds an operation may run.
    public var timeout: Double
    let inputs: ExecutionInputs
    /// Adds response `extensions` to executed operations; `nil` adds none.
    public var responseExtensions: ResponseExtensions?

    public init(schema: GraphQLSchema, limits: OperationLimits = OperationLimits(), maxBodyBytes: Int = 1 << 20, timeout: Double = 30,
                inputs: @escaping ExecutionInputs = { _ in (.null, nil) }) {
        self.schema = schema
        self.limits = limits
        self.maxBodyBytes = maxBodyBytes
        self.timeout = timeout
        self.inputs = inputs
    }

    /// Serves the endpoint at `path` (GET and POST; other methods get 405 from the router).
    public func register<Context: RequestContext>(on router: Router<Context>, at path: RouterPath = "/graphql") {
        router.get(path) { request, _ in await self.respond(to: request) }
        router.post(path) { request, _ in await self.respond(to: request) }
    }

    /// Answers one request.
    public func respond(to request: Request) async -> Response {
        guard let media = ResponseMediaType.negotiate(accept: request.headers[.accept]) else {
            return Self.errors(.notAcceptable, .json, "Accept application/graphql-response+json or application/json.")
        }
        // Who is asking comes first: an unauthenticated request gets no further.
        let inputs: (root: ResolvedValue, context: (any Sendable)?)
        do {
            inputs = try await self.inputs(request)
        } catch let rejection as Rejection {
            var response = Self.errors(rejection.status, media, rejection.message)
            for field in rejection.headers { response.headers.append(field) }
            return response
        } catch {
            return Self.errors(.internalServerError, media, "The request could not be prepared: \(error)")
        }
        let parameters: GraphQLRequestParameters
        do {
            parameters = try await readParameters(request)
        } catch let failure as HTTPFailure {
            return Self.errors(failure.status, media, failure.message)
        } catch {
            return Self.errors(.badRequest, media, "\(error)")
        }
        return await execute(parameters, request: request, inputs: inputs, media: media)
    }

    private struct HTTPFailure: Error {
        let status: HTTPResponse.Status
        let message: String
    }

    private func readParameters(_ request: Request) async throws -> GraphQLRequestParameters {
        do {
            switch request.method {
            case .get:
                var items: [String: String] = [:]
                for (key, value) in request.uri.queryParameters { items[String(key)] = String(value) }
                return try GraphQLRequestParameters.fromQueryItems(items)
            case .post:
                let contentType = request.headers[.contentType]?.lowercased() ?? ""
                guard contentType.hasPrefix("application/json") else {
                    throw HTTPFailure(status: .unsupportedMediaType, message: "POST requests must send Content-Type: application/json.")
                }
                let body: ByteBuffer
                do {
                    body = try await request.body.collect(upTo: maxBodyBytes)
                } catch {
                    throw HTTPFailure(status: .contentTooLarge, message: "The request body is larger than the limit of \(maxBodyBytes) bytes.")
                }
                return try GraphQLRequestParameters.fromJSONBody(String(buffer: body))
            default:
                throw HTTPFailure(status: .methodNotAllowed, message: "Use GET or POST.")
            }
        } catch let malformed as GraphQLRequestParameters.Malformed {
            throw HTTPFailure(status: .badRequest, message: malformed.message)
        }
    }

    private func execute(
        _ parameters: GraphQLRequestParameters, request: Request, inputs: (root: ResolvedValue, context: (any Sendable)?),
        media: ResponseMediaType
    ) async -> Response {
        let method = request.method
        // Rejected before execution: 400 with graphql-response+json, 200 with legacy json.
        let rejected: HTTPResponse.Status = media == .graphQLResponse ? .badRequest : .ok
        let source = Source(parameters.query)
        let document: DocumentNode
        do throws(GraphQLError) {
            document = try parse(source)
        } catch {
            return Self.result(GraphQLResult(data: nil, errors: [error]), rejected, media)
        }
        if method == .get, let operation = Self.operation(in: document, named: parameters.operationName), operation.operation != .query {
            var response = Self.errors(.methodNotAllowed, media, "\(operation.operation.rawValue.capitalized) operations must be sent with POST.")
            response.headers[.allow] = "POST"
            return response
        }
        let problems = validate(schema: schema, document: document, source: source)
        if !problems.isEmpty { return Self.result(GraphQLResult(data: nil, errors: problems), rejected, media) }
        let overLimits = limits.check(document, operationName: parameters.operationName)
        if !overLimits.isEmpty { return Self.result(GraphQLResult(data: nil, errors: overLimits), rejected, media) }

        let schema = self.schema
        let timeout = self.timeout
        let startDate = Date()
        let started = ContinuousClock.now
        let outcome = await executeWithTimeout(
            schema: schema, document: document, source: source, root: inputs.root, context: inputs.context,
            variables: parameters.variables, operationName: parameters.operationName, timeout: timeout)
        guard let outcome else {
            return Self.errors(.gatewayTimeout, media, "The operation did not finish within \(timeout) s.", code: "TIMEOUT")
        }
        guard let responseExtensions else { return Self.result(outcome, .ok, media) }
        let elapsed = started.duration(to: .now).components
        let nanoseconds = UInt64(max(0, elapsed.seconds)) * 1_000_000_000 + UInt64(max(0, elapsed.attoseconds / 1_000_000_000))
        let timing = ExecutionTiming(start: startDate, end: Date(), durationNanoseconds: nanoseconds)
        return Self.result(outcome, .ok, media, extensions: responseExtensions(request, outcome, timing))
    }

    /// The operation a request runs: the named one, or the only one.
    static func operation(in document: DocumentNode, named name: String?) -> OperationDefinitionNode? {
        let operations = document.definitions.compactMap { definition -> OperationDefinitionNode? in
            if case .operation(let operation) = definition { return operation }
            return nil
        }
        if let name { return operations.first { $0.name?.value == name } }
        return operations.count == 1 ? operations.first : nil
    }

    static func result(_ result: GraphQLResult, _ status: HTTPResponse.Status, _ media: ResponseMediaType, extensions: GraphQLObject = GraphQLObject()) -> Response {
        var body = result.asValue
        if extensions.count > 0, case .object(var object) = body {
            object["extensions"] = .object(extensions)
            body = .object(object)
        }
        return Response(
            status: status, headers: [.contentType: media.contentType],
            body: ResponseBody(byteBuffer: ByteBuffer(string: body.jsonString)))
    }

    static func errors(_ status: HTTPResponse.Status, _ media: ResponseMediaType, _ message: String, code: String? = nil) -> Response {
        let extensions: [GraphQLError.Extension] = code.map { [.init("code", .string($0))] } ?? []
        return result(GraphQLResult(data: nil, errors: [GraphQLError(message: message, extensions: extensions)]), status, media)
    }
}
