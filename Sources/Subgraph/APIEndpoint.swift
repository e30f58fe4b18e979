import GraphQLCore
import Hummingbird
import Resolvers

/// Maestro Composer's own API, in all its forms: `/graphql` (schema.graphql with its
/// resolvers), the REST shim generated from its `@rest` routes, the SSE event stream, and the
/// OpenAPI document describing the REST side. Every request is authenticated by its bearer token
/// (the tenant comes from the token only).
public enum APIEndpoint {
    /// The executable API schema: schema.graphql as a federation subgraph (`_service`, batched
    /// `_entities`) with every resolver installed.
    public static func schema() throws -> GraphQLSchema {
        var schema = try federation().build()
        APIResolvers.install(on: &schema)
        return schema
    }

    /// schema.graphql read as a federation subgraph, with the entity resolvers installed.
    public static func federation() throws -> FederatedSchemaBuilder {
        var builder = try FederatedSchemaBuilder(sdl: APISchema.sdl, hiddenDirectives: APISchema.privateDirectives)
        for (typeName, resolver) in EntityResolvers.all { builder.setEntityResolver(typeName: typeName, resolver) }
        return builder
    }

    /// The OpenAPI 3.1 document of the REST shim (what `/openapi.json` serves and
    /// `docs/openapi.json` holds).
    public static func openAPIDocument(schema: GraphQLSchema) throws -> OpenAPIDocument {
        OpenAPIDocument(
            shim: try RestShim(schema: schema),
            info: .init(
                title: "Maestro Composer REST API", version: "1.0.0",
                description: """
                    Generated from schema.graphql: every route is a GraphQL field declared with @rest. \
                    Errors are RFC 9457 problem details. The GraphQL API is at /graphql.
                    """),
            extraPaths: [eventStreamPath])
    }

    /// Registers `/graphql`, the REST routes, the event stream and `/openapi.json`.
    static func register<Context: RequestContext>(on router: Router<Context>, dependencies: ServiceDependencies) throws {
        let schema = try schema()
        let inputs = inputs(dependencies: dependencies)
        var graphQL = GraphQLEndpoint(schema: schema, inputs: inputs)
        // A gateway asks for Apollo's federated trace with `apollo-federation-include-trace: ftv1`.
        graphQL.responseExtensions = GraphQLEndpoint.federatedTracing
        graphQL.register(on: router)
        try RestShim(schema: schema, inputs: inputs).register(on: router)
        ExecutionEventStream(dependencies: dependencies).register(on: router)
        let document = Array(try openAPIDocument(schema: schema).text.utf8)
        router.get("/openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: document)))
        }
    }

    /// Who is asking: the verified token's identity as the resolvers' context, or 401. A valid
    /// `traceparent` header puts the executions the request starts into the caller's trace.
    static func inputs(dependencies: ServiceDependencies) -> GraphQLEndpoint.ExecutionInputs {
        let authenticator = dependencies.authenticator
        let engine = dependencies.engine
        return { request in
            let identity: Identity
            do throws(Authenticator.AuthFailure) {
                identity = try await authenticator.identity(of: request)
            } catch {
                throw GraphQLEndpoint.Rejection(
                    status: .unauthorized, message: error.reason,
                    headers: [.wwwAuthenticate: "Bearer realm=\"maestro\""])
            }
            let traceID = request.headers.first { $0.name.canonicalName == "traceparent" }.flatMap { TraceParent.traceID(in: $0.value) }
            let context = APIContext(tenantID: identity.tenantID, subject: identity.subject, roles: identity.roles, engine: engine, traceID: traceID)
            return (.null, context)
        }
    }

    /// The hand-written description of the SSE route (it is not a GraphQL field).
    static let eventStreamPath = OpenAPIDocument.ExtraPath(
        path: ExecutionEventStream.path, method: "get",
        operation: [
            "operationId": "streamExecutionEvents",
            "summary": "An execution's events as Server-Sent Events.",
            "description": """
                Streams the events of an execution as they happen (text/event-stream). Each event has `id` \
                (its sequence number), `event` (its type) and `data` (the event as JSON, like GraphQL's \
                ExecutionEvent). Reconnect with Last-Event-ID (or ?after=N) to resume after an event. The stream \
                ends with an `end` event (status, compensationState, lastSequence) once the execution has ended \
                and so has its compensation, if one was requested.
                """,
            "tags": ["executions"],
            "parameters": [
                ["name": "id", "in": "path", "required": true, "schema": ["type": "string"]],
                ["name": "after", "in": "query", "required": false, "description": "Resume after this sequence number.", "schema": ["type": "integer"]],
                ["name": "Last-Event-ID", "in": "header", "required": false, "description": "Resume after this sequence number.", "schema": ["type": "string"]],
            ],
            "responses": [
                "200": ["description": "The event stream.", "content": ["text/event-stream": ["schema": ["type": "string"]]]],
                "400": ["$ref": "#/components/responses/Problem400"],
                "401": ["$ref": "#/components/responses/Problem401"],
                "404": ["$ref": "#/components/responses/Problem404"],
            ],
        ])
}
