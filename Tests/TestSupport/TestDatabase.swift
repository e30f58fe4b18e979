import Foundation
import Postgres
import Synchronization

/// A fresh database on the test stack for one suite, so suites never see each other's rows and
/// can run in parallel.
///
/// Databases are named `t_<label>_<unix time>_<random>`. Nothing drops them when a suite ends
/// (a failing suite's rows are worth a look), so the first database a test process creates also
/// sweeps away test databases more than `sweepAfterSeconds` old: on a developer's long-lived
/// stack they would otherwise pile up run after run, until the disk is full.
public enum TestDatabase {
    /// Test databases older than this are dropped by the next test run (a run leaves about 1 GB of
    /// them; half an hour is long enough to look at a failing suite's rows).
    static let sweepAfterSeconds = 30 * 60

    /// Creates an empty database and returns its connection string.
    public static func create(_ label: String) async throws -> String {
        let adminURL = try TestEnvironment.databaseURL()
        let admin = try PostgresClient(configuration: .init(connectionString: adminURL, maxConnections: 1))
        if sweep.withLock({ pending in defer { pending = false }; return pending }) {
            await dropStale(on: admin)
        }
        let now = Int(Date().timeIntervalSince1970)
        let name = "t_\(label.lowercased().filter { $0.isLetter || $0.isNumber })_\(now)_\(UUID().uuidString.prefix(8).lowercased())"
        do {
            try await admin.execute("CREATE DATABASE \(name)", [])
        } catch {
            await admin.shutdown()
            throw error
        }
        await admin.shutdown()
        return replacingDatabase(in: adminURL, with: name)
    }

    /// Whether this process has still to sweep.
    private static let sweep = Mutex(true)

    /// Drops test databases created more than `sweepAfterSeconds` ago, and those named before
    /// names carried a time. One in use cannot be dropped and is left for a later run.
    static func dropStale(on admin: PostgresClient) async {
        let cutoff = Int(Date().timeIntervalSince1970) - sweepAfterSeconds
        guard let rows = try? await admin.query("SELECT datname FROM pg_database WHERE datname ~ '^t_[a-z0-9]*_([0-9]+_)?[0-9a-f]{8}$'", []) else { return }
        for row in rows {
            guard let name: String = try? row.decode("datname") else { continue }
            if let created = createdAt(name), created > cutoff { continue }
            _ = try? await admin.execute("DROP DATABASE IF EXISTS \(name)", [])
        }
    }

    /// The creation time in a test database's name (nil for names without one).
    static func createdAt(_ name: String) -> Int? {
        let parts = name.split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count >= 4 else { return nil }
        return Int(parts[parts.count - 2])
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
