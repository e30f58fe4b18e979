import Foundation

/// Runs the local development stack (`ops/dev/stack`, embedded into this binary) so that
/// `mc serve --dev` works from any directory with nothing configured.
enum DevStack {
    static let scriptKey = "ops/dev/stack"

    /// Starts Postgres and Redis (idempotent) and returns their URLs.
    static func up(dataDirectory: String) throws -> (database: String, redis: String) {
        _ = try run("up", dataDirectory: dataDirectory)
        let exports = try run("env", dataDirectory: dataDirectory)
        var urls: [String: String] = [:]
        for line in exports.split(separator: "\n") {
            // export NAME='value'
            guard let equals = line.firstIndex(of: "=") else { continue }
            let name = line[..<equals].replacingOccurrences(of: "export ", with: "")
            urls[name] = line[line.index(after: equals)...].trimmingCharacters(in: CharacterSet(charactersIn: "'"))
        }
        guard let database = urls["MAESTRO_DATABASE_URL"], let redis = urls["MAESTRO_REDIS_URL"] else {
            throw StartupError("The local stack script did not report its URLs.")
        }
        return (database, redis)
    }

    private static func run(_ command: String, dataDirectory: String) throws -> String {
        guard let script = EmbeddedFiles.all[scriptKey] else {
            throw StartupError("This build of mc does not carry the local stack script.")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script, "stack", command]
        var environment = ProcessInfo.processInfo.environment
        environment["MAESTRO_DATA_DIR"] = dataDirectory
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        do {
            try process.run()
        } catch {
            throw StartupError("Could not run the local stack script: \(error.localizedDescription)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw StartupError("The local stack did not start (ops/dev/stack \(command) exited with \(process.terminationStatus)); see the lines above.")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
