import Foundation

/// Reads a running subgraph's SDL the way a federation gateway does: `{ _service { sdl } }`.
enum ServiceSDLFetcher {
    static func fetch(_ url: String, token: String?) async throws -> String {
        guard let endpoint = URL(string: url), endpoint.scheme != nil else { throw StartupError("\(url) is not a URL.") }
        let data = try await APIClient(endpoint: endpoint, token: token).run("{ _service { sdl } }")
        guard let sdl = data["_service"]?["sdl"]?.stringValue else {
            throw StartupError("\(url) answered without _service.sdl: is it a federation subgraph?")
        }
        return sdl
    }
}
