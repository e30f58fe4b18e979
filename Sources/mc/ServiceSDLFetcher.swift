import Engine
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Reads a running subgraph's SDL the way a federation gateway does: `{ _service { sdl } }`.
enum ServiceSDLFetcher {
    static func fetch(_ url: String, token: String?) async throws -> String {
        guard let endpoint = URL(string: url) else { throw StartupError("\(url) is not a URL.") }
        var request = URLRequest(url: endpoint)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("application/graphql-response+json, application/json", forHTTPHeaderField: "Accept")
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        request.httpBody = Data(#"{"query": "{ _service { sdl } }"}"#.utf8)
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await URLSession.shared.data(for: request)
        } catch {
            throw StartupError("Cannot reach \(url): \(error.localizedDescription)")
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        let body = try? JSONValue.parse(data)
        guard let sdl = body?["data"]?["_service"]?["sdl"]?.stringValue else {
            let message = body?["errors"]?[0]?["message"]?.stringValue ?? String(decoding: data.prefix(300), as: UTF8.self)
            throw StartupError("\(url) did not return its SDL (status \(status)): \(message)")
        }
        return sdl
    }
}
