/// A transaction in progress on one connection. Only valid inside the closure given to
/// ``PostgresClient/transaction(_:)``; nested transactions (savepoints) are deliberately absent.
public struct PostgresTransaction: PostgresExecutor {
    let connection: PostgresConnection

    public func query(_ sql: String, _ parameters: [any PostgresEncodable]) async throws -> [PostgresRow] {
        try await connection.query(sql, parameters)
    }

    @discardableResult
    public func execute(_ sql: String, _ parameters: [any PostgresEncodable]) async throws -> Int {
        try await connection.execute(sql, parameters)
    }
}
