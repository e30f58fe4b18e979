import Foundation
import Hummingbird

/// `/healthz`, `/readyz` and `/metrics`: the endpoints load balancers, orchestrators and
/// Prometheus poll.
enum HealthRoutes {
    static func add<Context: RequestContext>(to router: Router<Context>, dependencies: ServiceDependencies) {
        // Liveness: the process answers. Deliberately touches nothing else, so a database outage
        // does not get the process restarted in a loop.
        router.get("/healthz") { _, _ in
            JSONBody.response(.ok, ["status": "ok"])
        }

        // Readiness: only while Postgres is writable and migrations are applied, so a blue/green
        // switch or a load balancer sends traffic only to processes that can serve it.
        router.get("/readyz") { _, _ in
            let report = await dependencies.readiness.check()
            var body: [String: any Sendable] = [
                "status": report.ready ? "ready" : "unavailable",
                "schemaVersion": report.schemaVersion,
                "expectedSchemaVersion": report.expectedSchemaVersion,
            ]
            if let reason = report.reason { body["reason"] = reason }
            return JSONBody.response(report.ready ? .ok : .serviceUnavailable, body)
        }

        router.get("/metrics") { _, _ in
            var buffer: [UInt8] = []
            dependencies.metrics.emit(into: &buffer)
            return Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: buffer)))
        }
    }
}

/// Small JSON responses for the operational endpoints (the API proper speaks GraphQL).
enum JSONBody {
    static func response(_ status: HTTPResponse.Status, _ object: [String: any Sendable]) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return Response(
            status: status,
            headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
