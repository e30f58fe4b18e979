/// Column names of a result, shared by all its rows.
public final class PostgresColumns: Sendable {
    public let names: [String]
    private let indexByName: [String: Int]

    init(names: [String]) {
        self.names = names
        var index: [String: Int] = [:]
        for (i, name) in names.enumerated() where index[name] == nil { index[name] = i }
        self.indexByName = index
    }

    func index(of name: String) -> Int? { indexByName[name] }
}

/// One row of a query result, with values in text format.
public struct PostgresRow: Sendable {
    public let columns: PostgresColumns
    /// Raw values; nil is SQL NULL.
    public let values: [String?]

    /// Decodes a non-null column by name.
    public func decode<T: PostgresDecodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        guard let index = columns.index(of: name) else {
            throw PostgresError(.decoding, "The result has no column \"\(name)\"; it has \(columns.names.joined(separator: ", ")).")
        }
        return try decode(at: index, as: type)
    }

    /// Decodes a non-null column by position.
    public func decode<T: PostgresDecodable>(at index: Int, as type: T.Type = T.self) throws -> T {
        guard let value = try optional(at: index, as: type) else {
            throw PostgresError(.decoding, "Column \"\(columns.names[index])\" is NULL but \(T.self) was expected.")
        }
        return value
    }

    /// Decodes a nullable column by name.
    public func decodeIfPresent<T: PostgresDecodable>(_ name: String, as type: T.Type = T.self) throws -> T? {
        guard let index = columns.index(of: name) else {
            throw PostgresError(.decoding, "The result has no column \"\(name)\"; it has \(columns.names.joined(separator: ", ")).")
        }
        return try optional(at: index, as: type)
    }

    private func optional<T: PostgresDecodable>(at index: Int, as type: T.Type) throws -> T? {
        guard index >= 0, index < values.count else {
            throw PostgresError(.decoding, "Column index \(index) is out of range (\(values.count) columns).")
        }
        guard let text = values[index] else { return nil }
        guard let value = T(postgresText: text) else {
            throw PostgresError(.decoding, "Column \"\(columns.names[index])\" holds \"\(text.prefix(64))\", which is not a valid \(T.self).")
        }
        return value
    }
}
