/// A Lua script run with `EVALSHA`.
///
/// The client loads it with `SCRIPT LOAD` on first use and again whenever the server answers
/// `NOSCRIPT` (after a restart or `SCRIPT FLUSH`), so callers never send the script body per call.
public struct RedisScript: Sendable, Hashable {
    public let source: String
    public init(_ source: String) { self.source = source }
}
