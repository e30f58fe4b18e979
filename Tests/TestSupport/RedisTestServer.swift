import Foundation
import Glibc

/// A throwaway redis-server on a free port, for tests that stop and restart it.
public final class RedisTestServer: @unchecked Sendable {
    public let port: Int
    private let directory: String

    public init() throws {
        port = FreePort.next()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("maestro-redis-\(port)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try start()
    }

    public var url: String { "redis://127.0.0.1:\(port)/0" }

    /// Starts the server (daemonised) and waits until it answers PING.
    public func start() throws {
        guard let server = Shell.which("redis-server") else {
            throw Shell.Failure(description: "redis-server is not installed (apt-get install redis-server).")
        }
        try Shell.run(server, [
            "--port", "\(port)", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
            "--daemonize", "yes", "--dir", directory, "--pidfile", "\(directory)/redis.pid", "--logfile", "\(directory)/redis.log",
        ])
        for _ in 0..<100 {
            if ping() { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Shell.Failure(description: "redis-server on port \(port) did not answer PING")
    }

    /// Stops the server without saving and waits until the port is closed.
    public func stop() {
        _ = try? Shell.run(Shell.which("redis-cli") ?? "/usr/bin/redis-cli", ["-p", "\(port)", "shutdown", "nosave"])
        for _ in 0..<100 where ping() { Thread.sleep(forTimeInterval: 0.05) }
    }

    private func ping() -> Bool {
        ((try? Shell.run(Shell.which("redis-cli") ?? "/usr/bin/redis-cli", ["-p", "\(port)", "ping"])) ?? "").contains("PONG")
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(atPath: directory)
    }
}
