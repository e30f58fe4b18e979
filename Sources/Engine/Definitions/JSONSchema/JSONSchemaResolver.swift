import Foundation

/// Supplies schema documents for absolute URIs that a schema references but does not embed
/// (remote `$ref`s and custom `$schema` metaschemas).
///
/// Contract: return the document for `uri` (no fragment), nil if this resolver does not know
/// it, or throw if it should know it but cannot read it. Called only while compiling.
package protocol JSONSchemaResolver: Sendable {
    func schemaDocument(for uri: String) throws -> JSONValue?
}

/// Serves schema documents from a directory for URIs under a fixed prefix, e.g.
/// `http://localhost:1234/` → `/…/json-schema-test-suite/remotes/`. Never touches the network.
package struct DirectorySchemaResolver: JSONSchemaResolver {
    package let uriPrefix: String
    package let directory: URL

    package init(uriPrefix: String, directory: URL) {
        self.uriPrefix = uriPrefix
        self.directory = directory
    }

    package func schemaDocument(for uri: String) throws -> JSONValue? {
        guard uri.hasPrefix(uriPrefix) else { return nil }
        let relative = String(uri.dropFirst(uriPrefix.count))
        // Refuse to leave the directory: the suffix comes from schema text.
        guard !relative.split(separator: "/").contains("..") else { return nil }
        let file = directory.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        let data = try Data(contentsOf: file)
        return try JSONValue.parse(data)
    }
}

/// Serves a fixed set of documents keyed by URI (handy for tests and for schemas the engine
/// stores itself).
package struct InMemorySchemaResolver: JSONSchemaResolver {
    package let documents: [String: JSONValue]

    package init(_ documents: [String: JSONValue]) {
        self.documents = documents
    }

    package func schemaDocument(for uri: String) throws -> JSONValue? {
        documents[uri]
    }
}
