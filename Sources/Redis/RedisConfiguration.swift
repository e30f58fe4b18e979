/// How to reach Redis and how to size the pool.
public struct RedisConfiguration: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var password: String?
    public var username: String?
    public var database: Int
    public var maxConnections: Int
    /// Seconds a caller waits for a free connection.
    public var acquireTimeout: Double
    /// Seconds to wait for the server to accept a connection.
    public var connectTimeout: Double
    /// Seconds to wait for a reply; a command that takes longer fails with ``RedisError/Code/timeout``.
    public var commandTimeout: Double

    public init(
        host: String = "127.0.0.1", port: Int = 6379, password: String? = nil, username: String? = nil,
        database: Int = 0, maxConnections: Int = 10, acquireTimeout: Double = 5,
        connectTimeout: Double = 2, commandTimeout: Double = 2
    ) {
        self.host = host
        self.port = port
        self.password = password
        self.username = username
        self.database = database
        self.maxConnections = maxConnections
        self.acquireTimeout = acquireTimeout
        self.connectTimeout = connectTimeout
        self.commandTimeout = commandTimeout
    }

    /// Parses `redis://[[user]:password@]host[:port][/db]`.
    public init(url: String) throws {
        self.init()
        guard url.hasPrefix("redis://") else {
            throw RedisError(.configuration, "Invalid Redis URL \"\(url)\": it must start with redis://.")
        }
        var rest = Substring(url.dropFirst("redis://".count))
        if let at = rest.lastIndex(of: "@") {
            let credentials = rest[..<at]
            rest = rest[rest.index(after: at)...]
            if let colon = credentials.firstIndex(of: ":") {
                let user = credentials[..<colon]
                username = user.isEmpty ? nil : String(user)
                password = String(credentials[credentials.index(after: colon)...]).removingPercentEncodingIfPossible
            } else {
                password = String(credentials).removingPercentEncodingIfPossible
            }
        }
        if let slash = rest.firstIndex(of: "/") {
            let db = rest[rest.index(after: slash)...]
            rest = rest[..<slash]
            if !db.isEmpty {
                guard let number = Int(db), number >= 0 else {
                    throw RedisError(.configuration, "Invalid Redis URL \"\(url)\": database \"\(db)\" is not a number.")
                }
                database = number
            }
        }
        if let colon = rest.lastIndex(of: ":") {
            guard let number = Int(rest[rest.index(after: colon)...]), (1...65535).contains(number) else {
                throw RedisError(.configuration, "Invalid Redis URL \"\(url)\": the port is not a number from 1 to 65535.")
            }
            port = number
            rest = rest[..<colon]
        }
        guard !rest.isEmpty else { throw RedisError(.configuration, "Invalid Redis URL \"\(url)\": the host is missing.") }
        host = String(rest)
    }
}

extension String {
    fileprivate var removingPercentEncodingIfPossible: String {
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
                let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
