/// Settings of the HTTP server. Parsed from flags and environment by `mc serve`.
public struct ServerConfiguration: Sendable {
    /// Address to bind; loopback by default so a dev server is not exposed by accident.
    public var host: String
    /// Port to bind; 0 picks a free one (the chosen port is reported once listening).
    public var port: Int
    /// The `server` response header.
    public var serverName: String

    public init(host: String = "127.0.0.1", port: Int = 8080, serverName: String = "maestro-composer") {
        self.host = host
        self.port = port
        self.serverName = serverName
    }
}
