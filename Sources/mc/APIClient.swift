import ArgumentParser
import Engine
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Where the client commands send requests: `--server`/`MAESTRO_SERVER` and `--token`/`MAESTRO_TOKEN`.
struct ClientOptions: ParsableArguments {
    @Option(help: "Base URL of a running server (env MAESTRO_SERVER, default http://127.0.0.1:8080).")
    var server: String?

    @Option(help: "Bearer token (env MAESTRO_TOKEN; `mc token` mints one for development).")
    var token: String?

    func client() throws -> APIClient {
        let base = server ?? Environment.value("MAESTRO_SERVER") ?? "http://127.0.0.1:8080"
        guard let url = URL(string: base.hasSuffix("/") ? base + "graphql" : base + "/graphql"), url.scheme != nil else {
            throw ValidationError("--server / MAESTRO_SERVER \"\(base)\" is not a URL.")
        }
        guard let token = token ?? Environment.value("MAESTRO_TOKEN") else {
            throw ValidationError("No token: pass --token or set MAESTRO_TOKEN (mint one with `mc token --tenant T`).")
        }
        return APIClient(endpoint: url, token: token)
    }
}

/// A small GraphQL client for the `mc` commands that talk to a server.
struct APIClient {
    let endpoint: URL
    /// The bearer token; nil sends none (e.g. a public subgraph's `_service`).
    let token: String?

    /// The server's base URL without a trailing slash (the endpoint without `/graphql`), for
    /// the REST and SSE routes.
    var baseURL: String {
        var base = endpoint.absoluteString
        if base.hasSuffix("/graphql") { base.removeLast("/graphql".count) }
        while base.hasSuffix("/") { base.removeLast() }
        return base
    }

    /// Runs a document; returns `data`, or throws with the server's error messages.
    func run(_ query: String, variables: JSONObject = JSONObject()) async throws -> JSONValue {
        var request = URLRequest(url: endpoint)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("application/graphql-response+json, application/json;q=0.9", forHTTPHeaderField: "Accept")
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        request.httpBody = Data(JSONValue.object(["query": .string(query), "variables": .object(variables)]).serialized().utf8)
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await URLSession.shared.data(for: request)
        } catch {
            throw StartupError("Cannot reach \(endpoint.absoluteString): \(error.localizedDescription)")
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard let body = try? JSONValue.parse(data) else {
            throw StartupError("\(endpoint.absoluteString) answered \(status) with a body that is not JSON.")
        }
        if case .array(let errors)? = body["errors"], !errors.isEmpty {
            let messages = errors.compactMap { error -> String? in
                guard case .string(let message)? = error["message"] else { return nil }
                if case .string(let code)? = error["extensions"]?["code"] { return "\(message) [\(code)]" }
                return message
            }
            throw StartupError(messages.joined(separator: "\n"))
        }
        guard let data = body["data"] else { throw StartupError("\(endpoint.absoluteString) answered \(status) without data.") }
        return data
    }
}
