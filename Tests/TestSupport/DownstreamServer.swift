import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization

/// A local HTTP server playing the downstream services that workflow steps call. It counts
/// requests per path and `Idempotency-Key`, so tests can prove a step ran once (or N times).
///
/// Routes: `/echo` (any method; answers the request back as JSON), `/flaky/{n}` (503 for the first
/// n requests of each idempotency key, then 200), `/fail-first/{n}/{name}` (503 for the first n
/// requests to that path whatever their keys, then 200), `/status/{code}`, `/slow/{ms}`,
/// `/slow-status/{ms}/{code}` (answers `code` after `ms`), `/slow-once/{ms}/{code}/{name}` (the
/// first request to the path answers 200 after `ms`, later ones `code` at once), `/json/{name}` (answers the JSON
/// registered under that name).
public final class DownstreamServer: Sendable {
    private let counts = Mutex<[String: Int]>([:])
    private let responses = Mutex<[String: String]>([:])
    private let group: Mutex<ServiceGroup?> = Mutex(nil)
    private let boundPort = Mutex(0)

    public init() {}

    /// The base URL, e.g. `http://127.0.0.1:41234`.
    public var baseURL: String { "http://127.0.0.1:\(boundPort.withLock { $0 })" }

    /// Requests seen for `path` (e.g. `/flaky/2`), optionally only those with `idempotencyKey`.
    public func count(_ path: String, idempotencyKey: String? = nil) -> Int {
        counts.withLock { counts in
            if let idempotencyKey { return counts["\(path)|\(idempotencyKey)"] ?? 0 }
            return counts.filter { $0.key.hasPrefix(path + "|") }.values.reduce(0, +)
        }
    }

    /// Distinct idempotency keys seen for `path`, with their request counts.
    public func keys(_ path: String) -> [String: Int] {
        counts.withLock { counts in
            var keys: [String: Int] = [:]
            for (key, count) in counts where key.hasPrefix(path + "|") { keys[String(key.dropFirst(path.count + 1))] = count }
            return keys
        }
    }

    /// Registers the body `/json/{name}` answers with.
    public func setJSON(_ name: String, _ body: String) { responses.withLock { $0[name] = body } }

    public func start() async throws {
        let router = Router()
        router.on("/echo", method: .get) { request, context in try await self.echo(request, context) }
        router.on("/echo", method: .post) { request, context in try await self.echo(request, context) }
        router.on("/echo", method: .put) { request, context in try await self.echo(request, context) }
        router.on("/echo", method: .delete) { request, context in try await self.echo(request, context) }
        router.get("/flaky/{n}") { request, context in
            let n = try context.parameters.require("n", as: Int.self)
            let seen = self.record(request)
            if seen <= n { return Self.json(.serviceUnavailable, #"{"error":"try again"}"#) }
            return Self.json(.ok, #"{"ok":true,"attempts":\#(seen)}"#)
        }
        router.get("/fail-first/{n}/{name}") { request, context in
            let n = try context.parameters.require("n", as: Int.self)
            _ = self.record(request)
            let seen = self.count(request.uri.path)
            if seen <= n { return Self.json(.serviceUnavailable, #"{"error":"try again"}"#) }
            return Self.json(.ok, #"{"ok":true,"requests":\#(seen)}"#)
        }
        router.get("/status/{code}") { request, context in
            let code = try context.parameters.require("code", as: Int.self)
            _ = self.record(request)
            return Self.json(.init(code: code), #"{"status":\#(code)}"#)
        }
        router.get("/slow/{ms}") { request, context in
            let ms = try context.parameters.require("ms", as: Int.self)
            _ = self.record(request)
            try await Task.sleep(for: .milliseconds(ms))
            return Self.json(.ok, #"{"sleptMs":\#(ms)}"#)
        }
        router.get("/slow-status/{ms}/{code}") { request, context in
            let ms = try context.parameters.require("ms", as: Int.self)
            let code = try context.parameters.require("code", as: Int.self)
            _ = self.record(request)
            try await Task.sleep(for: .milliseconds(ms))
            return Self.json(.init(code: code), #"{"status":\#(code)}"#)
        }
        router.get("/slow-once/{ms}/{code}/{name}") { request, context in
            let ms = try context.parameters.require("ms", as: Int.self)
            let code = try context.parameters.require("code", as: Int.self)
            guard self.record(request) == 1 else { return Self.json(.init(code: code), #"{"status":\#(code)}"#) }
            try await Task.sleep(for: .milliseconds(ms))
            return Self.json(.ok, #"{"sleptMs":\#(ms)}"#)
        }
        router.get("/json/{name}") { request, context in
            let name = try context.parameters.require("name")
            _ = self.record(request)
            return Self.json(.ok, self.responses.withLock { $0[name] } ?? "null")
        }
        let ready = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "downstream")
        logger.logLevel = .warning
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in ready.continuation.yield(channel.localAddress?.port ?? 0) }, logger: logger)
        let serviceGroup = ServiceGroup(configuration: .init(services: [app], logger: logger))
        group.withLock { $0 = serviceGroup }
        Task { try await serviceGroup.run() }
        for await port in ready.stream {
            boundPort.withLock { $0 = port }
            break
        }
    }

    public func stop() async {
        await group.withLock { $0 }?.triggerGracefulShutdown()
    }

    private func record(_ request: Request) -> Int {
        let key = "\(request.uri.path)|\(request.headers[.init("Idempotency-Key")!] ?? "")"
        return counts.withLock { counts in
            counts[key, default: 0] += 1
            return counts[key] ?? 0
        }
    }

    private func echo(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        _ = record(request)
        let body = try await request.body.collect(upTo: 1 << 20)
        let text = String(buffer: body)
        var echoed: [String: Any] = [
            "method": request.method.rawValue,
            "query": request.uri.query ?? "",
            "idempotencyKey": request.headers[.init("Idempotency-Key")!] ?? "",
            "traceparent": request.headers[.init("traceparent")!] ?? "",
        ]
        if let data = text.data(using: .utf8), !data.isEmpty, let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) {
            echoed["body"] = json
        }
        let data = try JSONSerialization.data(withJSONObject: echoed, options: [.sortedKeys])
        return Self.json(.ok, String(decoding: data, as: UTF8.self))
    }

    private static func json(_ status: HTTPResponse.Status, _ body: String) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
