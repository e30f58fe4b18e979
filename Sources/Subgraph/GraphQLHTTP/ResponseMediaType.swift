import Foundation

/// The media type of a GraphQL response, chosen from the request's `Accept` header.
///
/// With `application/graphql-response+json` the status code tells whether the operation was
/// executed (200) or rejected before execution (400). With `application/json`, kept for older
/// clients, every well-formed request gets 200.
enum ResponseMediaType: String, Sendable {
    case graphQLResponse = "application/graphql-response+json"
    case json = "application/json"

    /// The preferred acceptable type, or nil when the client accepts neither (406). A missing
    /// header, `*/*` and `application/*` mean `application/json`, as the spec says.
    static func negotiate(accept: String?) -> ResponseMediaType? {
        guard let accept, !accept.trimmingCharacters(in: .whitespaces).isEmpty else { return .json }
        var best: (type: ResponseMediaType, quality: Double)?
        for entry in accept.split(separator: ",") {
            let parts = entry.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let range = parts.first else { continue }
            var quality = 1.0
            for parameter in parts.dropFirst() where parameter.hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 0
            }
            let type: ResponseMediaType?
            switch range {
            case "application/graphql-response+json": type = .graphQLResponse
            case "application/json", "*/*", "application/*": type = .json
            default: type = nil
            }
            guard let type, quality > 0 else { continue }
            if best == nil || quality > best?.quality ?? 0 { best = (type, quality) }
        }
        return best?.type
    }

    var contentType: String { rawValue + "; charset=utf-8" }
}
