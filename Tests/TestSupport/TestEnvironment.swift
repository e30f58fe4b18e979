import Foundation

/// Where the test stack is. `ops/dev/test` starts it and exports these; a missing variable is an
/// error, never a skip, so a misconfigured CI cannot pass by running nothing.
public enum TestEnvironment {
    public struct Missing: Error, CustomStringConvertible {
        public let description: String
    }

    /// Connection string of the test stack's database (a role allowed to create databases).
    public static func databaseURL() throws -> String {
        try value("MAESTRO_TEST_DATABASE_URL", fallback: "MAESTRO_DATABASE_URL")
    }

    /// URL of the test stack's Redis.
    public static func redisURL() throws -> String {
        try value("MAESTRO_TEST_REDIS_URL", fallback: "MAESTRO_REDIS_URL")
    }

    /// The package root, for finding built products and repository files.
    public static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The `mc` executable built by `swift build` (or MAESTRO_MC_BIN).
    public static func mcBinary() throws -> String {
        if let path = ProcessInfo.processInfo.environment["MAESTRO_MC_BIN"] { return path }
        let candidate = packageRoot.appendingPathComponent(".build/debug/mc").path
        guard FileManager.default.isExecutableFile(atPath: candidate) else {
            throw Missing(description: "mc is not built at \(candidate); run `swift build` first or set MAESTRO_MC_BIN (ops/dev/test does both).")
        }
        return candidate
    }

    private static func value(_ name: String, fallback: String) throws -> String {
        let environment = ProcessInfo.processInfo.environment
        if let value = environment[name] ?? environment[fallback], !value.isEmpty { return value }
        throw Missing(description: "\(name) is not set: run the tests with ops/dev/test, or start ops/dev/stack and export it.")
    }
}
