import Foundation

/// One numbered schema change.
public struct Migration: Sendable, Equatable {
    /// The number that orders migrations (`0003` in `0003_add_jobs.sql`).
    public let version: Int
    /// The file name, for messages.
    public let name: String
    public let sql: String

    /// Whether the migration must run outside a transaction (e.g. `CREATE INDEX CONCURRENTLY`):
    /// declared by a first line `-- maestro:no-transaction`.
    public var runsInTransaction: Bool { !sql.hasPrefix("-- maestro:no-transaction") }

    /// The statements of a migration that runs outside a transaction, one per element, because
    /// Postgres runs a multi-statement query string as one implicit transaction, where
    /// `CREATE INDEX CONCURRENTLY` is refused. Such migrations hold plain statements only: a
    /// statement ends with a line that ends with `;` (comment lines are dropped).
    public var statements: [String] {
        var statements: [String] = []
        var current: [Substring] = []
        for line in sql.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("--") { continue }
            current.append(line)
            if trimmed.hasSuffix(";") {
                statements.append(current.joined(separator: "\n"))
                current.removeAll()
            }
        }
        if !current.isEmpty { statements.append(current.joined(separator: "\n")) }
        return statements
    }

    /// A fingerprint of the SQL, recorded when applied, so a migration edited afterwards is
    /// caught instead of silently diverging between databases. FNV-1a is enough for drift
    /// detection and keeps this module free of crypto dependencies.
    public var checksum: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in sql.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }

    /// Builds migrations from files named `NNNN_description.sql`, ordered by number.
    /// Throws on a malformed name or a duplicate number.
    public static func fromFiles(_ files: [String: String]) throws -> [Migration] {
        var migrations: [Migration] = []
        for (path, sql) in files {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            guard name.hasSuffix(".sql"), let underscore = name.firstIndex(of: "_"),
                let version = Int(name[..<underscore]), version > 0
            else {
                throw PostgresError(.configuration, "Migration file \"\(name)\" must be named NNNN_description.sql.")
            }
            migrations.append(Migration(version: version, name: name, sql: sql))
        }
        migrations.sort { $0.version < $1.version }
        for (a, b) in zip(migrations, migrations.dropFirst()) where a.version == b.version {
            throw PostgresError(.configuration, "Migrations \"\(a.name)\" and \"\(b.name)\" share the number \(a.version).")
        }
        return migrations
    }
}
