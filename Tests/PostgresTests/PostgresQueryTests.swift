import Foundation
import Postgres
import Testing
import TestSupport

@Suite("Postgres queries, parameters and transactions")
struct PostgresQueryTests {
    let client: PostgresClient

    init() async throws {
        client = try PostgresClient(configuration: .init(connectionString: try await TestDatabase.create("queries"), maxConnections: 4))
        try await client.execute("CREATE TABLE items (id serial PRIMARY KEY, name text NOT NULL UNIQUE, qty integer, seen timestamptz, blob bytea, doc jsonb)", [])
    }

    @Test func parametersAreBoundNeverSpliced() async throws {
        let hostile = "x'); DROP TABLE items; --"
        try await client.execute("INSERT INTO items (name) VALUES ($1)", [hostile])
        let rows = try await client.query("SELECT name FROM items WHERE name = $1", [hostile])
        #expect(try rows.map { try $0.decode("name", as: String.self) } == [hostile])
        #expect(try await client.query("SELECT count(*) AS n FROM items", []).first?.decode("n", as: Int.self) == 1)
    }

    @Test func typedDecodingRoundTrips() async throws {
        let seen = Date(timeIntervalSince1970: 1_790_000_000.123456)
        let blob = Data([0, 1, 2, 0xFE, 0xFF])
        try await client.execute(
            "INSERT INTO items (name, qty, seen, blob, doc) VALUES ($1, $2, $3, $4, $5::jsonb)",
            ["widget", 42, seen, blob, #"{"a": [1, 2]}"#])
        let row = try #require(try await client.queryFirst("SELECT * FROM items WHERE name = $1", ["widget"]))
        #expect(try row.decode("qty", as: Int.self) == 42)
        #expect(try row.decode("blob", as: Data.self) == blob)
        let decoded = try row.decode("seen", as: Date.self)
        #expect(abs(decoded.timeIntervalSince1970 - seen.timeIntervalSince1970) < 0.000_01)
        #expect(try row.decode("doc", as: String.self) == #"{"a": [1, 2]}"#)
        #expect(try row.decodeIfPresent("qty", as: Int.self) == 42)
    }

    @Test func arraysBindAsOneParameter() async throws {
        let names = ["plain", "with,comma", "with \"quote\"", "back\\slash", "NULL", "{braces}"]
        for name in names { try await client.execute("INSERT INTO items (name) VALUES ($1)", [name]) }
        let rows = try await client.query("SELECT name FROM items WHERE name = ANY($1::text[]) ORDER BY name", [names + ["absent"]])
        #expect(try rows.map { try $0.decode("name", as: String.self) } == names.sorted())
        let ids = [UUID(), UUID()]
        let row = try #require(try await client.queryFirst("SELECT cardinality($1::uuid[]) AS n, ($1::uuid[])[2]::text AS second", [ids]))
        #expect(try row.decode("n", as: Int.self) == 2)
        #expect(try row.decode("second", as: String.self) == ids[1].uuidString.lowercased())
        let empty: [UUID] = []
        #expect(try await client.queryFirst("SELECT cardinality($1::uuid[]) AS n", [empty])?.decode("n", as: Int.self) == 0)
    }

    @Test func nullsBindAndDecode() async throws {
        let missing: Int? = nil
        try await client.execute("INSERT INTO items (name, qty) VALUES ($1, $2)", ["nothing", missing])
        let row = try #require(try await client.queryFirst("SELECT qty FROM items WHERE name = 'nothing'"))
        #expect(try row.decodeIfPresent("qty", as: Int.self) == nil)
        #expect(throws: PostgresError.self) { try row.decode("qty", as: Int.self) }
    }

    @Test func decodingErrorsNameTheColumn() async throws {
        let row = try #require(try await client.queryFirst("SELECT 'abc' AS label", []))
        do {
            _ = try row.decode("label", as: Int.self)
            Issue.record("decoding text as Int should fail")
        } catch let error as PostgresError {
            #expect(error.code == .decoding)
            #expect(error.message.contains("\"label\""))
        }
        #expect(throws: PostgresError.self) { try row.decode("nope", as: String.self) }
    }

    @Test func serverErrorsCarrySQLState() async throws {
        try await client.execute("INSERT INTO items (name) VALUES ($1)", ["dup"])
        do {
            try await client.execute("INSERT INTO items (name) VALUES ($1)", ["dup"])
            Issue.record("duplicate insert should fail")
        } catch let error as PostgresError {
            #expect(error.code == .server)
            #expect(error.sqlState == SQLState.uniqueViolation)
        }
        // The connection that saw the error is still good for the next statement.
        #expect(try await client.query("SELECT 1 AS one").count == 1)
    }

    @Test func transactionCommitsOnReturn() async throws {
        let id: Int = try await client.transaction { tx in
            let row = try #require(try await tx.queryFirst("INSERT INTO items (name) VALUES ('committed') RETURNING id"))
            return try row.decode("id")
        }
        #expect(try await client.query("SELECT 1 FROM items WHERE id = $1", [id]).count == 1)
    }

    @Test func transactionRollsBackOnThrow() async throws {
        struct Boom: Error {}
        await #expect(throws: Boom.self) {
            try await client.transaction { tx in
                try await tx.execute("INSERT INTO items (name) VALUES ('rolled-back')", [])
                throw Boom()
            }
        }
        #expect(try await client.query("SELECT 1 FROM items WHERE name = 'rolled-back'").isEmpty)
        // The pooled connection is back in a clean state, not stuck inside the aborted transaction.
        #expect(try await client.query("SELECT 1 AS one").count == 1)
    }

    /// The first statement of a transaction carries its `BEGIN` in one pipeline once it is prepared
    /// on the connection. One connection, so every call below reuses the same prepared statements.
    @Test func pipelinedBeginCommitsRollsBackAndSurvivesFailures() async throws {
        let single = try PostgresClient(configuration: .init(connectionString: client.configuration.connectionString, maxConnections: 1))
        defer { Task { await single.shutdown() } }
        let insert = "INSERT INTO items (name, qty) VALUES ($1, $2) RETURNING id"
        for round in 0..<3 {
            // The row the first statement wrote belongs to the transaction the second runs in:
            // the first statement carried the BEGIN (without it, it would have committed alone).
            let sameTransaction: Bool = try await single.transaction { tx in
                _ = try await tx.query(insert, ["pipelined-\(round)", round])
                return try #require(try await tx.queryFirst(
                    "SELECT xmin::text = (pg_current_xact_id()::text::bigint % 4294967296)::text AS same FROM items WHERE name = $1", ["pipelined-\(round)"])).decode("same")
            }
            #expect(sameTransaction)
        }
        #expect(try await single.query("SELECT count(*) AS n FROM items WHERE name LIKE 'pipelined-%'").first?.decode("n", as: Int.self) == 3)

        // A failing pipelined first statement (unique violation) rolls back; the connection stays good.
        await #expect(throws: PostgresError.self) {
            try await single.transaction { tx in _ = try await tx.query(insert, ["pipelined-0", 9]) }
        }
        #expect(try await single.query("SELECT qty FROM items WHERE name = 'pipelined-0'").first?.decode("qty", as: Int.self) == 0)
        #expect(try await single.query("SELECT 1 AS one").count == 1)

        // The server forgets every prepared statement: the transaction starts again and prepares afresh.
        try await single.execute("DEALLOCATE ALL", [])
        let id: Int = try await single.transaction { tx in try #require(try await tx.queryFirst(insert, ["after-deallocate", 1])).decode("id") }
        #expect(try await single.query("SELECT 1 FROM items WHERE id = $1", [id]).count == 1)

        // A transaction that runs nothing sends nothing and succeeds.
        let nothing: Int = try await single.transaction { _ in 7 }
        #expect(nothing == 7)
        #expect(try await single.query("SELECT 1 AS one").count == 1)
    }

    @Test func statementTimeoutCancelsLongQueries() async throws {
        let url = client.configuration.connectionString
        let strict = try PostgresClient(configuration: .init(connectionString: url, maxConnections: 1, statementTimeout: 0.2))
        do {
            _ = try await strict.query("SELECT pg_sleep(3)")
            Issue.record("pg_sleep(3) should hit the 0.2 s statement timeout")
        } catch let error as PostgresError {
            #expect(error.sqlState == SQLState.queryCanceled)
        }
        #expect(try await strict.query("SELECT 1 AS one").count == 1)
        await strict.shutdown()
    }

    @Test func malformedConnectionStringsAreRejectedUpFront() {
        #expect(throws: PostgresError.self) {
            _ = try PostgresClient(configuration: .init(connectionString: "postgresql://[broken"))
        }
    }
}
