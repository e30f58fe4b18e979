import Engine
import Foundation
import Postgres
import Testing
import TestSupport

@Suite("Publishing and starting executions")
struct PublishAndStartTests {
    let tenant = "acme"
    let definition = """
        {"name": "greet", "version": "1.2.0",
         "inputSchema": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string", "minLength": 1}}, "additionalProperties": false},
         "steps": [{"id": "hello", "type": "transform", "with": {"output": {"greeting": "Hello, {{input.name}}!"}}}],
         "output": {"greeting": "{{steps.hello.output.greeting}}"}}
        """

    @Test func publishStoresAnImmutableVersion() async throws {
        let db = try await migratedDatabase("publish")
        let engine = EngineRuntime(postgres: db)
        let published = try await engine.publisher.publish(tenantID: tenant, document: try JSONValue.parse(definition))
        #expect(published.name == "greet" && published.version == "1.2.0")
        do {
            _ = try await engine.publisher.publish(tenantID: tenant, document: try JSONValue.parse(definition))
            Issue.record("publishing the same version twice must conflict")
        } catch let error as EngineError {
            #expect(error.code == .versionConflict)
            #expect(error.message.contains("1.2.0"))
        }
        // Another tenant has its own namespace.
        _ = try await engine.publisher.publish(tenantID: "other", document: try JSONValue.parse(definition))
        #expect(try await engine.publisher.versions(tenantID: tenant, name: "greet").map(\.version) == ["1.2.0"])
        await db.shutdown()
    }

    @Test func anInvalidDefinitionIsRejectedWithPointersAndStoresNothing() async throws {
        let db = try await migratedDatabase("publishbad")
        let engine = EngineRuntime(postgres: db)
        let bad = """
            {"name": "bad", "version": "1.0.0", "inputSchema": {"type": "object"},
             "steps": [{"id": "a", "type": "http", "needs": ["ghost"], "with": {"method": "FETCH", "url": "http://x"}}]}
            """
        do {
            _ = try await engine.publisher.publish(tenantID: tenant, document: try JSONValue.parse(bad))
            Issue.record("an invalid definition must be rejected")
        } catch let error as EngineError {
            #expect(error.code == .invalidDefinition)
            #expect(error.details.contains { $0.hasPrefix("/steps/0/with/method") })
        }
        #expect(try await db.queryFirst("SELECT count(*) AS n FROM workflows")?.decode("n", as: Int.self) == 0)
        await db.shutdown()
    }

    @Test func invalidInputIsRejectedBeforeAnythingIsStored() async throws {
        let db = try await migratedDatabase("startbad")
        let engine = EngineRuntime(postgres: db)
        _ = try await engine.publisher.publish(tenantID: tenant, document: try JSONValue.parse(definition))
        do {
            _ = try await engine.executions.start(tenantID: tenant, workflow: "greet", version: "1.2.0", input: ["name": 42, "extra": true])
            Issue.record("invalid input must be rejected")
        } catch let error as EngineError {
            #expect(error.code == .invalidInput)
            #expect(error.details.contains { $0.contains("/name") })
            #expect(error.details.contains { $0.contains("extra") })
        }
        #expect(try await db.queryFirst("SELECT count(*) AS n FROM executions")?.decode("n", as: Int.self) == 0)
        #expect(try await db.queryFirst("SELECT count(*) AS n FROM tasks")?.decode("n", as: Int.self) == 0)
        await db.shutdown()
    }

    @Test func theSameIdempotencyKeyGivesTheSameExecution() async throws {
        let db = try await migratedDatabase("idempotent")
        let engine = EngineRuntime(postgres: db)
        _ = try await engine.publisher.publish(tenantID: tenant, document: try JSONValue.parse(definition))
        let results = try await withThrowingTaskGroup(of: UUID.self) { group in
            for _ in 0..<5 {
                group.addTask {
                    try await engine.executions.start(tenantID: tenant, workflow: "greet", version: "1.2.0", input: ["name": "Ada"], idempotencyKey: "order-77").id
                }
            }
            return try await group.reduce(into: Set<UUID>()) { $0.insert($1) }
        }
        #expect(results.count == 1)
        #expect(try await db.queryFirst("SELECT count(*) AS n FROM executions")?.decode("n", as: Int.self) == 1)
        await db.shutdown()
    }

    @Test func otherTenantsCannotSeeAnExecution() async throws {
        let db = try await migratedDatabase("isolation")
        let engine = EngineRuntime(postgres: db)
        _ = try await engine.publisher.publish(tenantID: tenant, document: try JSONValue.parse(definition))
        let execution = try await engine.executions.start(tenantID: tenant, workflow: "greet", version: "1.2.0", input: ["name": "Ada"])
        #expect(try await engine.executions.get(tenantID: "intruder", id: execution.id) == nil)
        await #expect(throws: EngineError.self) { try await engine.executions.cancel(tenantID: "intruder", id: execution.id) }
        await db.shutdown()
    }

    @Test func tamperingWithTheEventLogIsDetected() async throws {
        let db = try await migratedDatabase("tamper")
        let engine = EngineRuntime(postgres: db)
        _ = try await engine.publisher.publish(tenantID: tenant, document: try JSONValue.parse(definition))
        let execution = try await engine.executions.start(tenantID: tenant, workflow: "greet", version: "1.2.0", input: ["name": "Ada"])
        #expect(try await engine.executions.verifyEvents(tenantID: tenant, id: execution.id).isEmpty)
        try await db.execute("UPDATE execution_events SET payload = '{\"version\": \"9.9.9\"}' WHERE execution_id = $1 AND sequence = 1", [execution.id])
        #expect(try await engine.executions.verifyEvents(tenantID: tenant, id: execution.id) == [1])
        await db.shutdown()
    }
}
