import Engine
import Foundation
import GraphQLCore
import Hummingbird
import Postgres
import Resolvers

/// `GET /api/executions/{id}/events`: an execution's events as Server-Sent Events, from the
/// start or after the `Last-Event-ID` the browser (or `mc executions events`) sends when it
/// reconnects (`?after=N` does the same for clients that cannot set headers).
///
/// The database is the source of truth: the stream reads events in order after the last one
/// sent. `NOTIFY maestro_events` (sent in the transaction that appends an event) only wakes the
/// stream early; without it the stream polls, so a lost notification delays an event, never
/// drops it. The stream ends with an `end` event once the execution has ended, its compensation
/// (if one is requested) has ended too, and every event has been sent; a comment line every
/// `heartbeat` keeps proxies from closing an idle stream.
struct ExecutionEventStream: Sendable {
    let dependencies: ServiceDependencies
    var pollInterval: Duration = .seconds(2)
    var heartbeat: Duration = .seconds(15)
    /// Events read per query while catching up.
    var pageSize = 500

    static let path = "/api/executions/{id}/events"

    func register<Context: RequestContext>(on router: Router<Context>) {
        router.get("/api/executions/:id/events") { request, context in
            await respond(to: request, id: context.parameters.get("id") ?? "")
        }
    }

    func respond(to request: Request, id text: String) async -> Response {
        let identity: Identity
        do throws(Authenticator.AuthFailure) {
            identity = try await dependencies.authenticator.identity(of: request)
        } catch {
            return ProblemDetails(status: .unauthorized, code: "UNAUTHENTICATED", detail: error.reason)
                .response(extraHeaders: [.wwwAuthenticate: "Bearer realm=\"maestro\""])
        }
        guard let id = UUID(uuidString: text) else {
            return ProblemDetails(status: .badRequest, code: "BAD_USER_INPUT", detail: "\"\(text)\" is not an execution id (a UUID).").response()
        }
        // HTTPTypes names no Last-Event-ID field, and only HTTPFields is re-exported: match by name.
        let lastEventID = request.headers.first { $0.name.canonicalName == "last-event-id" }?.value
        let resumeText = lastEventID ?? request.uri.queryParameters["after"].map(String.init)
        var after = 0
        if let resumeText {
            guard let value = Int(resumeText), value >= 0 else {
                return ProblemDetails(status: .badRequest, code: "BAD_USER_INPUT", detail: "Last-Event-ID (or after) must be an event sequence number.").response()
            }
            after = value
        }
        let executions = dependencies.engine.executions
        do {
            guard try await executions.get(tenantID: identity.tenantID, id: id) != nil else {
                return ProblemDetails(status: .notFound, code: "NOT_FOUND", detail: "Execution \(id.uuidString.lowercased()) does not exist.").response()
            }
        } catch {
            return ProblemDetails(status: .serviceUnavailable, code: "UNAVAILABLE", detail: "The execution could not be read: \(error)").response()
        }
        let headers: HTTPFields = [.contentType: "text/event-stream", .cacheControl: "no-cache"]
        let (stream, start) = (self, after)
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            try await stream.run(tenantID: identity.tenantID, id: id, after: start, writer: &writer)
        })
    }

    private func run(tenantID: String, id: UUID, after start: Int, writer: inout any ResponseBodyWriter) async throws {
        let wake = WakeSignal()
        // Subscribe before the first read, so an event appended in between still wakes us.
        let target = id.uuidString.lowercased()
        let notifications = await dependencies.listener?.notifications(channel: "maestro_events")
        let forwarder = Task {
            guard let notifications else { return }
            for await notification in notifications where notification.payload == target { wake.signal() }
        }
        defer { forwarder.cancel() }

        let executions = dependencies.engine.executions
        var after = start
        var idle = Duration.zero
        try await writer.write(ByteBuffer(string: "retry: 2000\n\n"))
        while !Task.isCancelled {
            // Read the progress first: an execution's last events commit with its final status (and
            // a compensation's with its final state), so events read after seeing "settled" are
            // complete.
            let progress = try await executions.logProgress(tenantID: tenantID, id: id)
            let ended = progress?.settled ?? true
            var sent = 0
            while true {
                let events = try await executions.events(tenantID: tenantID, id: id, after: after, limit: pageSize)
                for event in events {
                    try await writer.write(ByteBuffer(string: Self.frame(event)))
                    after = event.sequence
                }
                sent += events.count
                if events.count < pageSize { break }
            }
            if ended {
                let status = progress?.status.rawValue ?? "UNKNOWN"
                let compensation = progress?.compensationState ?? "NONE"
                try await writer.write(ByteBuffer(
                    string: "event: end\ndata: {\"status\":\"\(status)\",\"compensationState\":\"\(compensation)\",\"lastSequence\":\(after)}\n\n"))
                break
            }
            if sent > 0 { idle = .zero }
            if idle >= heartbeat {
                try await writer.write(ByteBuffer(string: ": keepalive\n\n"))
                idle = .zero
            }
            let before = ContinuousClock.now
            await wake.wait(timeout: pollInterval)
            idle += before.duration(to: .now)
        }
        try await writer.finish(nil)
    }

    /// One SSE frame: `id` is the sequence (what `Last-Event-ID` resumes after), `event` the
    /// event type, `data` the event as the API shows it, on one line.
    static func frame(_ event: ExecutionEvent) -> String {
        "id: \(event.sequence)\nevent: \(event.type)\ndata: \(ExecutionResolvers.event(event).jsonString)\n\n"
    }
}
