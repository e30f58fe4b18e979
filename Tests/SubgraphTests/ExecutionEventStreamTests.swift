import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import Subgraph
import Testing

/// `GET /api/executions/{id}/events`: Server-Sent Events, resumable with Last-Event-ID.
@Suite("Execution event stream (SSE)", .timeLimit(.minutes(1)))
struct ExecutionEventStreamTests {
    // A delay keeps the execution running while the stream is already open.
    let definition = #"{"name": "slow", "version": "1.0.0", "inputSchema": {"type": "object"}, "steps": [{"id": "wait", "type": "delay", "with": {"duration": "PT0.3S"}}, {"id": "done", "type": "transform", "needs": ["wait"], "with": {"output": {"ok": true}}}], "output": {"ok": "{{steps.done.output.ok}}"}}"#

    struct Frame {
        var id: Int?
        var event: String?
        var data: String?
    }

    func frames(_ text: String) -> [Frame] {
        text.components(separatedBy: "\n\n").compactMap { block in
            var frame = Frame()
            for line in block.split(separator: "\n") {
                if line.hasPrefix("id: ") { frame.id = Int(line.dropFirst(4)) }
                if line.hasPrefix("event: ") { frame.event = String(line.dropFirst(7)) }
                if line.hasPrefix("data: ") { frame.data = String(line.dropFirst(6)) }
            }
            return frame.event == nil ? nil : frame
        }
    }

    @Test func streamsEveryEventAsItHappensThenEnds() async throws {
        let world = try await APITestApp("sse", withWorker: true)
        _ = try await world.engine.publisher.publish(tenantID: "acme", document: try JSONValue.parse(definition))
        let execution = try await world.engine.executions.start(tenantID: "acme", workflow: "slow", version: "1.0.0", input: .object([:]))
        let path = "/api/executions/\(execution.id.uuidString.lowercased())/events"
        let acme = try await APITestApp.headers("acme")
        try await world.application().test(.router) { client in
            var all: [Frame] = []
            try await client.execute(uri: path, method: .get, headers: acme) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/event-stream")
                let body = String(buffer: response.body)
                #expect(body.hasPrefix("retry: "))
                all = frames(body)
            }
            let events = all.filter { $0.event != "end" }
            #expect(events.map(\.id) == Array(1...events.count).map(Optional.some), "ids are the sequence, in order, without gaps")
            #expect(events.count >= 4, "\(events.map(\.event))")
            #expect(all.last?.event == "end")
            #expect(all.last?.data?.contains(#""status":"SUCCEEDED""#) == true)
            #expect(events.first?.data?.contains(#""sequence":1"#) == true)
            // The stream was opened before the execution ended: it saw the final status.
            let stored = try await world.engine.executions.events(tenantID: "acme", id: execution.id)
            #expect(stored.map(\.sequence) == events.compactMap(\.id))

            // Resuming after the second-to-last event sends only the last one.
            var resumeHeaders = acme
            resumeHeaders[.init("Last-Event-ID")!] = String(events.count - 1)
            try await client.execute(uri: path, method: .get, headers: resumeHeaders) { response in
                let resumed = frames(String(buffer: response.body))
                #expect(resumed.compactMap(\.id) == [events.count])
                #expect(resumed.last?.event == "end")
            }
            try await client.execute(uri: path + "?after=\(events.count)", method: .get, headers: acme) { response in
                #expect(frames(String(buffer: response.body)).map(\.event) == ["end"])
            }
        }
        await world.shutdown()
    }

    @Test func unknownForeignAndMalformedRequestsAreProblems() async throws {
        let world = try await APITestApp("sseerrors")
        _ = try await world.engine.publisher.publish(tenantID: "acme", document: try JSONValue.parse(definition))
        let execution = try await world.engine.executions.start(tenantID: "acme", workflow: "slow", version: "1.0.0", input: .object([:]))
        let path = "/api/executions/\(execution.id.uuidString.lowercased())/events"
        try await world.application().test(.router) { client in
            let cases: [(String, HTTPFields, HTTPResponse.Status)] = [
                (path, [:], .unauthorized),
                (path, try await APITestApp.headers("globex"), .notFound),
                ("/api/executions/\(UUID().uuidString)/events", try await APITestApp.headers("acme"), .notFound),
                ("/api/executions/nope/events", try await APITestApp.headers("acme"), .badRequest),
                (path + "?after=-3", try await APITestApp.headers("acme"), .badRequest),
            ]
            for (uri, headers, status) in cases {
                try await client.execute(uri: uri, method: .get, headers: headers) { response in
                    #expect(response.status == status, "\(uri)")
                    #expect(response.headers[.contentType] == "application/problem+json")
                }
            }
        }
        await world.shutdown()
    }
}
