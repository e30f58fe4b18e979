import GraphQLCore

/// The parameters of a GraphQL-over-HTTP request: from the query string of a GET, or the JSON
/// body of a POST.
struct GraphQLRequestParameters: Sendable {
    var query: String
    var operationName: String?
    var variables: GraphQLObject

    /// A request that is not a well-formed GraphQL-over-HTTP request (answered with 400 in every
    /// media type).
    struct Malformed: Error {
        let message: String
    }

    /// Reads `query`, `operationName` and `variables` (JSON text) from URL query items.
    static func fromQueryItems(_ items: [String: String]) throws(Malformed) -> GraphQLRequestParameters {
        guard let query = items["query"], !query.isEmpty else { throw Malformed(message: "The query parameter \"query\" is missing.") }
        var variables = GraphQLObject()
        if let text = items["variables"], !text.isEmpty {
            guard case .object(let object)? = try? parseJSON(text) else {
                throw Malformed(message: "The query parameter \"variables\" must be a JSON object.")
            }
            variables = object
        }
        let operationName = items["operationName"].flatMap { $0.isEmpty ? nil : $0 }
        return GraphQLRequestParameters(query: query, operationName: operationName, variables: variables)
    }

    /// Reads a JSON body `{"query": ..., "operationName": ..., "variables": {...}}`.
    static func fromJSONBody(_ text: String) throws(Malformed) -> GraphQLRequestParameters {
        let body: GraphQLValue
        do { body = try parseJSON(text) } catch { throw Malformed(message: "The request body is not valid JSON: \(error.message)") }
        guard case .object = body else { throw Malformed(message: "The request body must be a JSON object.") }
        guard case .string(let query)? = body["query"] else {
            throw Malformed(message: "The request body needs a \"query\" string.")
        }
        var operationName: String?
        switch body["operationName"] {
        case nil, .null?: break
        case .string(let name)?: operationName = name
        default: throw Malformed(message: "\"operationName\" must be a string or null.")
        }
        var variables = GraphQLObject()
        switch body["variables"] {
        case nil, .null?: break
        case .object(let object)?: variables = object
        default: throw Malformed(message: "\"variables\" must be an object or null.")
        }
        return GraphQLRequestParameters(query: query, operationName: operationName, variables: variables)
    }
}
