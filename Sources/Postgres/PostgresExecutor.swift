/// Something that runs SQL: the pooled ``PostgresClient`` or an open ``PostgresTransaction``.
///
/// Store code takes `some PostgresExecutor`, so every query can run on its own or inside a
/// caller's transaction (a step's result, its events and its successors' tasks commit together).
public protocol PostgresExecutor: Sendable {
    /// Runs one statement with bound parameters and returns its rows.
    func query(_ sql: String, _ parameters: [any PostgresEncodable]) async throws -> [PostgresRow]
    /// Runs one statement with bound parameters; returns the number of rows it affected.
    @discardableResult
    func execute(_ sql: String, _ parameters: [any PostgresEncodable]) async throws -> Int
}

extension PostgresExecutor {
    /// The first row, or nil when the statement returned none.
    public func queryFirst(_ sql: String, _ parameters: [any PostgresEncodable] = []) async throws -> PostgresRow? {
        try await query(sql, parameters).first
    }

    /// Runs a statement without parameters.
    public func query(_ sql: String) async throws -> [PostgresRow] { try await query(sql, []) }
}
