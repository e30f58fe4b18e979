import ArgumentParser
import Engine
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension ExecutionsCommand {
    /// `mc executions events ID`: follows an execution's event stream (SSE) until it ends,
    /// reconnecting with Last-Event-ID when the connection drops, so no event is missed or
    /// printed twice.
    struct Events: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Follow an execution's events as they happen (until it ends), one line each.")
        @OptionGroup var client: ClientOptions
        @Argument(help: "The execution id.") var id: String
        @Option(help: "Start after this event sequence number.") var after = 0
        @Flag(help: "Print each event as one JSON object per line.") var json = false
        @Option(help: "Give up after this many consecutive failed reconnects.") var maxRetries = 10

        func run() async throws {
            let api = try client.client()
            guard let url = URL(string: api.baseURL + "/api/executions/\(id)/events") else {
                throw ValidationError("\"\(id)\" cannot be part of a URL.")
            }
            var lastID = after
            var failures = 0
            while true {
                var request = URLRequest(url: url)
                request.setValue("text/event-stream", forHTTPHeaderField: "Accept")
                if let token = api.token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
                request.setValue(String(lastID), forHTTPHeaderField: "Last-Event-ID")
                request.timeoutInterval = 60  // the server sends a keepalive comment every 15 s
                var parser = ServerSentEventParser()
                var problem = Data()
                var status = 0
                do {
                    for try await chunk in StreamingRequest(request).chunks {
                        switch chunk {
                        case .response(let code, _):
                            status = code
                        case .bytes(let data) where status != 200:
                            problem.append(data)
                        case .bytes(let data):
                            for event in parser.feed(data) {
                                if event.event == "end" { return }
                                if let id = event.id.flatMap(Int.init) { lastID = id }
                                print(line(for: event))
                                failures = 0
                            }
                        }
                    }
                } catch {
                    failures += 1
                    if failures > maxRetries { throw StartupError("Lost the event stream of \(id): \(error.localizedDescription)") }
                    try await Task.sleep(for: .seconds(min(failures, 5)))
                    continue
                }
                if status != 200 {
                    let detail = (try? JSONValue.parse(problem))?["detail"]?.stringValue ?? String(decoding: problem, as: UTF8.self)
                    throw StartupError("\(url.absoluteString) answered \(status): \(detail)")
                }
                // The server closed the stream without `end` (a restart): resume after the last event.
                try await Task.sleep(for: .milliseconds(500))
            }
        }

        private func line(for event: ServerSentEvent) -> String {
            if json { return event.data }
            guard let value = try? JSONValue.parse(event.data) else { return "\(event.id ?? "-") \(event.event) \(event.data)" }
            let step = value["stepId"]?.stringValue.map { " [\($0)]" } ?? ""
            let payload = value["payload"].map { $0 == .object([:]) ? "" : " " + $0.serialized() } ?? ""
            return "\(event.id ?? "-") \(event.event)\(step)\(payload)"
        }
    }
}
