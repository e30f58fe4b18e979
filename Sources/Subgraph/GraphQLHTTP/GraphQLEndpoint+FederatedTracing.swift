import Foundation
import GraphQLCore
import Hummingbird

extension GraphQLEndpoint {
    /// Response extensions for Apollo federated tracing: `extensions.ftv1` (a base64 protobuf
    /// trace) when the request carries `apollo-federation-include-trace: ftv1`, nothing otherwise.
    public static let federatedTracing: ResponseExtensions = { request, result, timing in
        let asked = request.headers.contains { field in
            field.name.canonicalName == FederatedTrace.requestHeader && field.value == FederatedTrace.requestHeaderValue
        }
        guard asked else { return GraphQLObject() }
        let trace = FederatedTrace(
            result: result, start: wallClock(timing.start), end: wallClock(timing.end), durationNanoseconds: timing.durationNanoseconds)
        return GraphQLObject([(FederatedTrace.extensionKey, .string(trace.base64))])
    }

    private static func wallClock(_ date: Date) -> (seconds: Int64, nanos: Int32) {
        let interval = date.timeIntervalSince1970
        let seconds = interval.rounded(.down)
        return (Int64(seconds), Int32(((interval - seconds) * 1_000_000_000).rounded(.down)))
    }
}
