import Foundation

/// A throwaway PostgreSQL server for tests that restart, promote or stop servers, which they
/// must not do to the shared test stack. Trust authentication on loopback, data under /var/tmp
/// (reachable by the `postgres` user when the tests run as root).
public final class PostgresTestCluster: @unchecked Sendable {
    public let port: Int
    public let dataDirectory: String
    private let root: String
    private let bin: String

    /// Initialises and starts a fresh primary.
    public static func start() throws -> PostgresTestCluster {
        let cluster = try PostgresTestCluster()
        try cluster.initdb()
        try cluster.startServer()
        return cluster
    }

    private init() throws {
        guard let bin = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql"))?
            .sorted(by: { $0.compare($1, options: .numeric) == .orderedAscending }).last
            .map({ "/usr/lib/postgresql/\($0)/bin" }),
            FileManager.default.isExecutableFile(atPath: "\(bin)/pg_ctl")
        else { throw Shell.Failure(description: "PostgreSQL server binaries are not installed (apt-get install postgresql).") }
        self.bin = bin
        self.port = FreePort.next()
        self.root = "/var/tmp/maestro-tests/pg-\(UUID().uuidString.prefix(8))-\(port)"
        self.dataDirectory = root + "/data"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        try Shell.run("/bin/chmod", ["755", "/var/tmp/maestro-tests"])
        if Shell.isRoot { try Shell.run("/bin/chown", ["postgres:postgres", root]) }
    }

    /// A libpq key/value connection string for this server.
    public var connectionString: String { "host=127.0.0.1 port=\(port) user=postgres dbname=postgres" }

    /// Starts a streaming replica of this server (`pg_basebackup -R`), on its own port.
    public func startReplica() throws -> PostgresTestCluster {
        let replica = try PostgresTestCluster()
        try asPostgres("\(bin)/pg_basebackup", ["-h", "127.0.0.1", "-p", "\(port)", "-U", "postgres", "-D", replica.dataDirectory, "-R", "-X", "stream", "-c", "fast"])
        try replica.startServer()
        return replica
    }

    public func restart() throws {
        try asPostgres("\(bin)/pg_ctl", ["-D", dataDirectory, "-m", "fast", "-w", "-o", serverOptions, "-l", root + "/log", "restart"])
    }

    public func promote() throws {
        try asPostgres("\(bin)/pg_ctl", ["-D", dataDirectory, "-w", "promote"])
    }

    public func stop() throws {
        try asPostgres("\(bin)/pg_ctl", ["-D", dataDirectory, "-m", "fast", "-w", "stop"])
    }

    /// Stops the server if it runs and deletes its files.
    public func destroy() {
        _ = try? asPostgres("\(bin)/pg_ctl", ["-D", dataDirectory, "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(atPath: root)
    }

    private var serverOptions: String { "-p \(port) -k \(root) -c listen_addresses=127.0.0.1 -c fsync=off" }

    private func initdb() throws {
        try asPostgres("\(bin)/initdb", ["-D", dataDirectory, "-A", "trust", "-U", "postgres", "--no-sync"])
        let extra = "wal_level = replica\nmax_wal_senders = 5\nhot_standby = on\n"
        let conf = dataDirectory + "/postgresql.conf"
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: conf))
        handle.seekToEndOfFile()
        handle.write(Data(extra.utf8))
        try handle.close()
    }

    private func startServer() throws {
        try asPostgres("\(bin)/pg_ctl", ["-D", dataDirectory, "-w", "-t", "60", "-o", serverOptions, "-l", root + "/log", "start"])
    }

    @discardableResult
    private func asPostgres(_ program: String, _ arguments: [String]) throws -> String {
        if Shell.isRoot { return try Shell.run("/usr/sbin/runuser", ["-u", "postgres", "--", program] + arguments) }
        return try Shell.run(program, arguments)
    }
}
