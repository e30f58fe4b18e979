import Foundation
import Glibc

/// A long-running `mc` child process with its output captured to files.
public final class ServerProcess: @unchecked Sendable {
    public let pid: pid_t
    private let stdoutPath: String
    private let stderrPath: String
    private var exitStatus: Int32?

    private init(pid: pid_t, stdoutPath: String, stderrPath: String) {
        self.pid = pid
        self.stdoutPath = stdoutPath
        self.stderrPath = stderrPath
    }

    /// Starts `mc` with the given arguments.
    public static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> ServerProcess {
        let executable = try TestEnvironment.mcBinary()
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("mc-\(UUID().uuidString)").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, base + ".out", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, base + ".err", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        // Settings must come from the arguments under test, not from the developer's shell.
        env["MAESTRO_DATABASE_URL"] = nil
        env["MAESTRO_REDIS_URL"] = nil
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard result == 0 else { throw Shell.Failure(description: "could not start mc: \(String(cString: strerror(result)))") }
        return ServerProcess(pid: pid, stdoutPath: base + ".out", stderrPath: base + ".err")
    }

    public func standardOutput() -> String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
    public func standardError() -> String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    /// Waits for "listening on http://..." and returns the base URL.
    public func waitForListeningURL(seconds: Double = 30) async throws -> String {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if let line = standardOutput().split(separator: "\n").first(where: { $0.contains("listening on http://") }),
                let start = line.range(of: "http://")
            {
                return String(line[start.lowerBound...])
            }
            if try pollExit() != nil {
                throw Shell.Failure(description: "mc exited before listening: \(standardError())")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw Shell.Failure(description: "mc did not report a listening address within \(seconds) s: \(standardError())")
    }

    public func signal(_ signal: Int32) { Glibc.kill(pid, signal) }

    /// Waits for the process to end and returns its exit status.
    public func waitForExit(seconds: Double) async throws -> Int32 {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if let status = try pollExit() { return status }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw Shell.Failure(description: "mc did not exit within \(seconds) s")
    }

    /// Kills the process if it still runs; safe to call more than once.
    public func kill() {
        if exitStatus == nil, (try? pollExit()) == nil {
            Glibc.kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            exitStatus = -1
        }
        try? FileManager.default.removeItem(atPath: stdoutPath)
        try? FileManager.default.removeItem(atPath: stderrPath)
    }

    private func pollExit() throws -> Int32? {
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        guard result == pid else { return nil }
        let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        exitStatus = code
        return code
    }
}

/// HTTP calls from tests, through curl (installed by ops/dev/install-packages).
public enum HTTP {
    /// POSTs a JSON body and returns the status code and body.
    public static func post(_ url: String, json: String, headers: [String: String] = [:]) async throws -> (status: Int, body: String) {
        try await request("POST", url, body: json, headers: headers.merging(["Content-Type": "application/json"]) { mine, _ in mine })
    }

    /// GETs a URL and returns the status code and body.
    public static func get(_ url: String, headers: [String: String] = [:]) async throws -> (status: Int, body: String) {
        try await request("GET", url, headers: headers)
    }

    /// Sends a request with curl and returns the status code and the body (a streamed body is
    /// read until the server ends it).
    public static func request(_ method: String, _ url: String, body: String? = nil, headers: [String: String] = [:]) async throws -> (status: Int, body: String) {
        guard let curl = Shell.which("curl") else { throw Shell.Failure(description: "curl is not installed") }
        var arguments = ["-s", "-N", "-o", "-", "-w", "\n%{http_code}", "-X", method, "--max-time", "60"]
        if let body { arguments += ["--data-binary", body] }
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { arguments += ["-H", "\(name): \(value)"] }
        let output = try Shell.run(curl, arguments + [url])
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        return (Int(lines.last ?? "") ?? 0, lines.dropLast().joined(separator: "\n"))
    }
}
