import Foundation
import Postgres

/// A fresh database on the test stack for one suite, so suites never see each other's rows and
/// can run in parallel.
public enum TestDatabase {
    /// Creates an empty database and returns its connection string.
    public static func create(_ label: String) async throws -> String {
        let adminURL = try TestEnvironment.databaseURL()
        let name = "t_\(label.lowercased().filter { $0.isLetter || $0.isNumber })_\(UUID().uuidString.prefix(8).lowercased())"
        let admin = try PostgresClient(configuration: .init(connectionString: adminURL, maxConnections: 1))
        try await admin.execute("CREATE DATABASE \(name)", [])
        await admin.shutdown()
        return replacingDatabase(in: adminURL, with: name)
    }

    /// Swaps the database name in a `postgresql://.../db?params` URL.
    static func replacingDatabase(in url: String, with name: String) -> String {
        guard let scheme = url.range(of: "://") else { return url + " dbname=\(name)" }
        let afterScheme = url[scheme.upperBound...]
        let query = afterScheme.firstIndex(of: "?")
        let hostPart = afterScheme[..<(query ?? afterScheme.endIndex)]
        let params = query.map { String(afterScheme[$0...]) } ?? ""
        let hosts = hostPart.split(separator: "/", maxSplits: 1).first.map(String.init) ?? String(hostPart)
        return String(url[..<scheme.upperBound]) + hosts + "/" + name + params
    }
}
