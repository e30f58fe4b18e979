/// A connection that a ``ConnectionPool`` can hand out.
///
/// The contract: `isUsable()` answers cheaply and without blocking whether an idle connection can
/// still carry a request (the server may have closed it while it sat in the pool); `close()` releases
/// its resources and may be called once, from any task.
package protocol PooledConnection: AnyObject, Sendable {
    /// Whether the connection can be reused. Called when an idle connection is handed out (and by
    /// clients deciding whether one that failed may go back); a connection that answers `false` is
    /// closed and replaced. Never called while the connection is in use.
    func isUsable() async -> Bool
    /// Closes the connection. Never throws: a connection that fails to close is gone anyway.
    func close() async
}

/// Why a pool could not hand out a connection.
package enum ConnectionPoolFailure: Error, Sendable, Equatable {
    /// Every connection was in use for longer than the acquire timeout.
    case timedOut(seconds: Double, maxConnections: Int)
    /// The pool was shut down.
    case closed
}
