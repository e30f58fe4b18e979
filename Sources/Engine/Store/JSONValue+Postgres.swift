import Postgres

// JSON documents travel to and from jsonb columns as text. Bind with a `::jsonb` cast.
extension JSONValue: PostgresEncodable {
    public var postgresText: String? { serialized() }
}

extension JSONValue: PostgresDecodable {
    public init?(postgresText: String) {
        guard let value = try? JSONValue.parse(postgresText) else { return nil }
        self = value
    }
}
