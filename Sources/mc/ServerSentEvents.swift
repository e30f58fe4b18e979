import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One Server-Sent Event.
struct ServerSentEvent: Sendable, Equatable {
    var id: String?
    var event = "message"
    var data = ""
}

/// Splits a text/event-stream into events as bytes arrive (the WHATWG "event stream
/// interpretation": lines ending in LF, CRLF or CR; `field: value`; a blank line dispatches;
/// comment lines start with `:`).
struct ServerSentEventParser {
    private var buffer: [UInt8] = []
    private var pending = ServerSentEvent()
    private var hasData = false
    private var lastWasCR = false

    /// Feeds bytes; returns the events they complete.
    mutating func feed(_ bytes: some Sequence<UInt8>) -> [ServerSentEvent] {
        var events: [ServerSentEvent] = []
        for byte in bytes {
            if lastWasCR && byte == 0x0A {
                lastWasCR = false
                continue
            }
            lastWasCR = byte == 0x0D
            if byte == 0x0A || byte == 0x0D {
                if let event = line(String(decoding: buffer, as: UTF8.self)) { events.append(event) }
                buffer.removeAll(keepingCapacity: true)
            } else {
                buffer.append(byte)
            }
        }
        return events
    }

    private mutating func line(_ text: String) -> ServerSentEvent? {
        if text.isEmpty {
            defer {
                pending = ServerSentEvent(id: pending.id)
                hasData = false
            }
            return hasData ? pending : nil
        }
        if text.hasPrefix(":") { return nil }
        let (field, value): (Substring, Substring)
        if let colon = text.firstIndex(of: ":") {
            field = text[..<colon]
            var rest = text[text.index(after: colon)...]
            if rest.first == " " { rest = rest.dropFirst() }
            value = rest
        } else {
            (field, value) = (text[...], "")
        }
        switch field {
        case "event": pending.event = String(value)
        case "data":
            pending.data += hasData ? "\n" + value : String(value)
            hasData = true
        case "id": pending.id = String(value)
        default: break
        }
        return nil
    }
}

/// Streams a GET response's body chunk by chunk (URLSession's data delegate; the async
/// `bytes(for:)` API is not available on Linux).
final class StreamingRequest: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    enum Chunk: Sendable {
        case response(Int, String)
        case bytes(Data)
    }

    // Only touched from the session's serial delegate queue.
    private let continuation: AsyncThrowingStream<Chunk, any Error>.Continuation
    let chunks: AsyncThrowingStream<Chunk, any Error>
    private var session: URLSession?

    init(_ request: URLRequest) {
        (chunks, continuation) = AsyncThrowingStream.makeStream()
        super.init()
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        let session = URLSession(configuration: .default, delegate: self, delegateQueue: queue)
        self.session = session
        let task = session.dataTask(with: request)
        continuation.onTermination = { _ in task.cancel() }
        task.resume()
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        let http = response as? HTTPURLResponse
        continuation.yield(.response(http?.statusCode ?? 0, http?.value(forHTTPHeaderField: "Content-Type") ?? ""))
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        continuation.yield(.bytes(data))
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        if let error { continuation.finish(throwing: error) } else { continuation.finish() }
        session.finishTasksAndInvalidate()
    }
}
