import Engine
import Foundation
import Glibc
import Postgres
import Testing
import TestSupport

/// `sql` steps in an `mc worker` process, against a data source named in MAESTRO_DATA_SOURCES.
@Suite("SQL data sources", .serialized)
struct DataSourceTests {
    @Test func aWorkerProcessQueriesTheConfiguredDataSource() async throws {
        let url = try await TestDatabase.create("engine")
        let catalogURL = try await TestDatabase.create("catalog")
        let db = try PostgresClient(configuration: .init(connectionString: url, maxConnections: 4))
        try await DatabaseMigrations.runner().apply(using: db)
        let catalog = try PostgresClient(configuration: .init(connectionString: catalogURL, maxConnections: 1))
        try await catalog.execute("CREATE TABLE prices (sku text, price numeric)", [])
        try await catalog.execute("INSERT INTO prices VALUES ('A-1', 9.5)", [])
        await catalog.shutdown()

        let engine = EngineRuntime(postgres: db)
        _ = try await engine.publisher.publish(tenantID: "t", document: try JSONValue.parse("""
            {"name": "price", "version": "1.0.0", "inputSchema": {"type": "object"},
             "steps": [{"id": "q", "type": "sql", "with": {"dataSource": "catalog", "query": "SELECT price FROM prices WHERE sku = $1", "parameters": ["{{input.sku}}"]}}],
             "output": {"price": "{{steps.q.output[0].price}}"}}
            """))
        let worker = try ServerProcess.start(
            ["worker", "--database-url", url], environment: ["MAESTRO_DATA_SOURCES": #"{"catalog": "\#(catalogURL)"}"#, "LOG_LEVEL": "warning"])
        defer { worker.kill() }
        let started = try await engine.executions.start(tenantID: "t", workflow: "price", version: "1.0.0", input: ["sku": "A-1"])
        var record = try await engine.executions.get(tenantID: "t", id: started.id)
        for _ in 0..<200 where record?.status.isTerminal != true {
            try await Task.sleep(for: .milliseconds(50))
            record = try await engine.executions.get(tenantID: "t", id: started.id)
        }
        #expect(record?.status == .succeeded, "\(String(describing: record?.error)) \(worker.standardError())")
        #expect(record?.output?["price"] == .double(9.5))
        worker.signal(SIGTERM)
        _ = try await worker.waitForExit(seconds: 15)
        await db.shutdown()
    }

    @Test func aMalformedSettingStopsTheWorkerWithOneLine() async throws {
        let worker = try ServerProcess.start(
            ["worker", "--database-url", try TestEnvironment.databaseURL()], environment: ["MAESTRO_DATA_SOURCES": "catalog=postgres://x"])
        defer { worker.kill() }
        #expect(try await worker.waitForExit(seconds: 15) == 1)
        #expect(worker.standardError().contains("MAESTRO_DATA_SOURCES must be a JSON object"))
    }
}
