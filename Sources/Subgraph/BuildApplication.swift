import Hummingbird
import Logging
import NIOCore

/// Builds the whole HTTP application. `mc serve` runs it; tests build the same thing and drive it
/// with `app.test(.router)` without a socket. Throws if the embedded API schema does not build
/// (a defect caught by the tests, never by users).
///
/// - Parameter onServerRunning: called with the bound port once the server listens (the port
///   differs from the configured one when that is 0).
public func buildApplication(
    configuration: ServerConfiguration,
    dependencies: ServiceDependencies,
    logger: Logger = Logger(label: "maestro.http"),
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) throws -> some ApplicationProtocol {
    let router = Router()
    router.add(middleware: MetricsMiddleware())
    HealthRoutes.add(to: router, dependencies: dependencies)
    try APIEndpoint.register(on: router, dependencies: dependencies)
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: configuration.serverName),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger)
}
