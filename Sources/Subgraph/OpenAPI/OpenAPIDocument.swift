import GraphQLCore

/// The OpenAPI 3.1 document of a ``RestShim``, generated from the same schema and the same
/// ``RestOperation``s the shim runs, so the document cannot drift from the routes. Served at
/// `/openapi.json` and committed as `docs/openapi.json` (a test compares the two).
public struct OpenAPIDocument: Sendable {
    /// The document's `info`.
    public struct Info: Sendable {
        public var title: String
        public var version: String
        public var description: String?
        public init(title: String, version: String, description: String? = nil) {
            self.title = title
            self.version = version
            self.description = description
        }
    }

    /// A route served beside the generated ones (e.g. an SSE stream), described by hand.
    public struct ExtraPath: Sendable {
        public let path: String
        public let method: String
        public let operation: GraphQLValue
        public init(path: String, method: String, operation: GraphQLValue) {
            self.path = path
            self.method = method
            self.operation = operation
        }
    }

    /// The document as a JSON value (keys in a stable, readable order).
    public let json: GraphQLValue

    /// The document as indented JSON text, ending with a newline.
    public var text: String { PrettyJSON.text(json) }

    public init(shim: RestShim, info: Info, extraPaths: [ExtraPath] = []) {
        var schemas = OpenAPISchemas(schema: shim.schema)
        var paths = GraphQLObject()
        var pathOrder: [String] = []
        var methods: [String: GraphQLObject] = [:]
        func add(_ path: String, _ method: String, _ operation: GraphQLValue) {
            if methods[path] == nil { pathOrder.append(path) }
            methods[path, default: GraphQLObject()][method] = operation
        }
        for operation in shim.operations {
            add(operation.route.path, operation.route.method.rawValue.lowercased(), Self.operation(operation, schema: shim.schema, schemas: &schemas))
        }
        for extra in extraPaths { add(extra.path, extra.method, extra.operation) }
        for path in pathOrder.sorted() { paths[path] = .object(methods[path] ?? GraphQLObject()) }

        var componentSchemas = schemas.components()
        componentSchemas["ProblemDetails"] = Self.problemSchema
        var document = GraphQLObject()
        document["openapi"] = "3.1.0"
        var infoObject: GraphQLObject = ["title": .string(info.title), "version": .string(info.version)]
        if let description = info.description { infoObject["description"] = .string(description) }
        document["info"] = .object(infoObject)
        document["security"] = [["bearerAuth": []]]
        document["paths"] = .object(paths)
        document["components"] = [
            "securitySchemes": [
                "bearerAuth": [
                    "type": "http", "scheme": "bearer", "bearerFormat": "JWT",
                    "description": "A JWT with the claims sub, tenant and roles (viewer, designer, operator, admin).",
                ]
            ],
            "schemas": .object(componentSchemas),
            "responses": .object(Self.problemResponses),
        ]
        json = .object(document)
    }

    private static func operation(_ operation: RestOperation, schema: GraphQLSchema, schemas: inout OpenAPISchemas) -> GraphQLValue {
        let route = operation.route
        let rootType = route.operation == "query" ? schema.queryType : schema.mutationType
        let field = rootType.flatMap { schema.fieldDefinition(typeName: $0, fieldName: route.field) }
        var object = GraphQLObject()
        object["operationId"] = .string(route.field)
        if let description = field?.description {
            object["summary"] = .string(String(description.split(separator: "\n").first ?? ""))
            object["description"] = .string(description + "\n\nGraphQL: `\(route.operation) { \(route.field) }`.")
        }
        object["tags"] = [.string(tag(of: route.path))]
        let ordered = field?.arguments ?? []
        var parameters: [GraphQLValue] = ordered.filter { route.pathParameters.contains($0.name) }.map { argument in
            parameter(argument, in: "path", required: true, schemas: &schemas)
        }
        if route.method == .get {
            for argument in ordered where !route.pathParameters.contains(argument.name) {
                parameters.append(parameter(argument, in: "query", required: isRequired(argument), schemas: &schemas))
            }
        } else if let body = requestBody(route, ordered, schemas: &schemas) {
            object["requestBody"] = body
        }
        if route.method != .get, ordered.contains(where: { $0.name == RestArguments.idempotencyArgument }) {
            parameters.append([
                "name": "Idempotency-Key", "in": "header", "required": false,
                "description": "Sending the same key again returns the first result instead of doing the work twice (same as the idempotencyKey property).",
                "schema": ["type": "string"],
            ])
        }
        if !parameters.isEmpty { object["parameters"] = .list(parameters) }

        var responses = GraphQLObject()
        var success: GraphQLObject = ["description": .string(reason(route.successStatus))]
        success["content"] = ["application/json": ["schema": schemas.output(operation.returnType.nonNullVersion, operation.selection)]]
        responses[String(route.successStatus)] = .object(success)
        var problems = ["400", "401", "403"]
        if !route.pathParameters.isEmpty || !operation.returnType.isNonNull { problems.append("404") }
        if route.method != .get { problems += ["409", "413", "415", "422"] }
        problems += ["429", "501", "504"]
        for status in problems { responses[status] = ["$ref": .string("#/components/responses/Problem\(status)")] }
        responses["default"] = ["$ref": "#/components/responses/ProblemDefault"]
        object["responses"] = .object(responses)
        return .object(object)
    }

    private static func parameter(_ argument: GraphQLInputValue, in location: String, required: Bool, schemas: inout OpenAPISchemas) -> GraphQLValue {
        var object: GraphQLObject = ["name": .string(argument.name), "in": .string(location), "required": .bool(required)]
        if let description = argument.description { object["description"] = .string(description) }
        var schema = schemas.input(argument.type.nonNullVersion)
        if let value = argument.defaultValue, case .object(var inner) = schema {
            inner["default"] = value
            schema = .object(inner)
        }
        object["schema"] = schema
        if argument.type.nullable.listItem != nil { object["explode"] = true }
        return .object(object)
    }

    private static func requestBody(_ route: RestRoute, _ arguments: [GraphQLInputValue], schemas: inout OpenAPISchemas) -> GraphQLValue? {
        let bodyArguments = arguments.filter { !route.pathParameters.contains($0.name) }
        if let name = route.bodyArgument, let argument = bodyArguments.first(where: { $0.name == name }) {
            return [
                "required": .bool(argument.type.isNonNull),
                "content": ["application/json": ["schema": schemas.input(argument.type).described(argument.description)]],
            ]
        }
        guard !bodyArguments.isEmpty else { return nil }
        var properties = GraphQLObject()
        var required: [GraphQLValue] = []
        for argument in bodyArguments {
            properties[argument.name] = schemas.input(argument.type).described(argument.description)
            if isRequired(argument) { required.append(.string(argument.name)) }
        }
        var schema: GraphQLObject = ["type": "object", "properties": .object(properties), "additionalProperties": false]
        if !required.isEmpty { schema["required"] = .list(required) }
        return ["required": .bool(!required.isEmpty), "content": ["application/json": ["schema": .object(schema)]]]
    }

    private static func isRequired(_ argument: GraphQLInputValue) -> Bool {
        argument.type.isNonNull && argument.defaultValue == nil
    }

    /// The route's group: the first path segment after `/api`.
    private static func tag(of path: String) -> String {
        let segments = path.split(separator: "/").filter { !$0.hasPrefix("{") }
        return String(segments.first == "api" ? segments.dropFirst().first ?? "api" : segments.first ?? "api")
    }

    /// The reason phrase of a status (HTTPTypes only knows those of its named constants).
    static func reason(_ code: Int) -> String {
        let known: [Int: String] = [
            200: "OK", 201: "Created", 202: "Accepted", 204: "No Content", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden",
            404: "Not Found", 409: "Conflict", 413: "Content Too Large", 415: "Unsupported Media Type", 422: "Unprocessable Content",
            429: "Too Many Requests", 501: "Not Implemented", 504: "Gateway Timeout",
        ]
        return known[code] ?? "Status \(code)"
    }

    static let problemSchema: GraphQLValue = [
        "type": "object",
        "description": "An RFC 9457 problem details object.",
        "properties": [
            "type": ["type": "string", "format": "uri"],
            "title": ["type": "string"],
            "status": ["type": "integer"],
            "detail": ["type": "string"],
            "code": ["type": "string", "description": "The machine-readable code, as GraphQL's extensions.code."],
            "errors": ["type": "array", "items": ["type": "string"], "description": "One line per individual problem."],
            "retryAfterSeconds": ["type": "integer"],
        ],
        "required": ["type", "title", "status", "detail", "code"],
    ]

    static var problemResponses: GraphQLObject {
        var responses = GraphQLObject()
        let statuses = ["400", "401", "403", "404", "409", "413", "415", "422", "429", "501", "504", "Default"]
        for status in statuses {
            var response: GraphQLObject = [
                "description": .string(Int(status).map(reason) ?? "Unexpected error"),
                "content": ["application/problem+json": ["schema": ["$ref": "#/components/schemas/ProblemDetails"]]],
            ]
            if status == "429" {
                response["headers"] = ["Retry-After": ["description": "Seconds to wait before retrying.", "schema": ["type": "integer"]]]
            }
            responses["Problem\(status)"] = .object(response)
        }
        return responses
    }
}

extension GraphQLTypeReference {
    /// The type made non-null (a REST success response is never null: null is a 404).
    var nonNullVersion: GraphQLTypeReference {
        isNonNull ? self : .nonNull(self)
    }
}
