import Foundation
import Testing
@testable import Engine

@Suite("Step-result cache key")
struct CacheKeyTests {
    static let versionID = UUID(uuidString: "6F1C3A52-9B0E-4F7A-8D21-0C4E5B6A7D89") ?? UUID()

    /// One full set of ingredients; each test varies one of them.
    struct Ingredients {
        var tenantID = "acme"
        var workflowVersionID = CacheKeyTests.versionID
        var stepID = "fetch-orders"
        var inputs: JSONValue = ["a": "x", "b": 1]
        var environment = ["REGION": "eu-west-1"]
        var secretVersions = ["db/password": "v3"]
        var externalIDs = ["dataSource": "main"]

        func key() throws -> CacheKey {
            try CacheKey(
                tenantID: tenantID, workflowVersionID: workflowVersionID, stepID: stepID, inputs: inputs,
                environment: environment, secretVersions: secretVersions, externalIDs: externalIDs)
        }
    }

    @Test("text is {tenant}:{version}:{step}:{sha256 of the canonical ingredients}")
    func format() throws {
        let key = try Ingredients().key()
        // Pinned: SHA-256 (computed with sha256sum) of
        // {"env":{"REGION":"eu-west-1"},"external":{"dataSource":"main"},"inputs":{"a":"x","b":1},"secrets":{"db/password":"v3"}}
        let digest = "8c4b29af39ca65e277fe2eee5bdeb229fe2dd419f5aae435962916641bc2322b"
        #expect(key.digest == digest)
        #expect(key.text == "acme:6f1c3a52-9b0e-4f7a-8d21-0c4e5b6a7d89:fetch-orders:" + digest)
        #expect(key.description == key.text)
        let ingredients = CacheKey.ingredients(
            inputs: ["b": 1, "a": "x"], environment: ["REGION": "eu-west-1"], secretVersions: ["db/password": "v3"],
            externalIDs: ["dataSource": "main"])
        #expect(try ingredients.canonicalJSON()
            == #"{"env":{"REGION":"eu-west-1"},"external":{"dataSource":"main"},"inputs":{"a":"x","b":1},"secrets":{"db/password":"v3"}}"#)
    }

    @Test("prefixes are prefixes of the key and end at a component boundary")
    func prefixes() throws {
        let key = try Ingredients().key()
        let stepPrefix = CacheKey.prefix(tenantID: "acme", workflowVersionID: Self.versionID, stepID: "fetch-orders")
        #expect(stepPrefix == "acme:6f1c3a52-9b0e-4f7a-8d21-0c4e5b6a7d89:fetch-orders:")
        #expect(key.text.hasPrefix(stepPrefix))
        #expect(key.text.hasPrefix(CacheKey.prefix(tenantID: "acme", workflowVersionID: Self.versionID)))
        #expect(key.text.hasPrefix(CacheKey.prefix(tenantID: "acme")))
        // Step "fetch" must not invalidate step "fetch-orders", nor tenant "ac" tenant "acme".
        #expect(!key.text.hasPrefix(CacheKey.prefix(tenantID: "acme", workflowVersionID: Self.versionID, stepID: "fetch")))
        #expect(!key.text.hasPrefix(CacheKey.prefix(tenantID: "ac")))
    }

    @Test("same ingredients give the same key, whatever the input member order")
    func deterministic() throws {
        var reordered = Ingredients()
        reordered.inputs = ["b": 1.0, "a": "x"]  // other order, and 1.0 is the same JSON number as 1
        #expect(try Ingredients().key() == Ingredients().key())
        #expect(try reordered.key() == Ingredients().key())
        // Many-member maps, whose Dictionary iteration order varies between instances.
        var big = Ingredients()
        big.environment = Dictionary(uniqueKeysWithValues: (0..<50).map { ("VAR_\($0)", "value \($0)") })
        var rebuilt = big
        rebuilt.environment = Dictionary(uniqueKeysWithValues: (0..<50).reversed().map { ("VAR_\($0)", "value \($0)") })
        #expect(try big.key() == rebuilt.key())
    }

    @Test("changing any single ingredient changes the key")
    func everyIngredientMatters() throws {
        let variations: [(String, (inout Ingredients) -> Void)] = [
            ("tenant", { $0.tenantID = "globex" }),
            ("version", { $0.workflowVersionID = UUID(uuidString: "00000000-0000-4000-8000-000000000001") ?? UUID() }),
            ("step", { $0.stepID = "fetch-invoices" }),
            ("input value", { $0.inputs = ["a": "y", "b": 1] }),
            ("input number", { $0.inputs = ["a": "x", "b": 2] }),
            ("input type", { $0.inputs = ["a": "x", "b": "1"] }),
            ("input added", { $0.inputs = ["a": "x", "b": 1, "c": nil] }),
            ("env value", { $0.environment["REGION"] = "us-east-1" }),
            ("env added", { $0.environment["DEBUG"] = "1" }),
            ("env removed", { $0.environment = [:] }),
            ("secret version", { $0.secretVersions["db/password"] = "v4" }),
            ("secret reference", { $0.secretVersions = ["db/readonly-password": "v3"] }),
            ("external id", { $0.externalIDs["dataSource"] = "replica" }),
            ("external added", { $0.externalIDs["model"] = "rev-7" }),
            // The same name/value moved to another section must not collide.
            ("moved to env", { $0.externalIDs = [:]; $0.environment["dataSource"] = "main" }),
        ]
        let base = try Ingredients().key()
        var seen: [String: String] = ["base": base.text]
        for (name, change) in variations {
            var ingredients = Ingredients()
            change(&ingredients)
            let key = try ingredients.key()
            #expect(key != base, "changing \(name) kept the key")
            if let clash = seen.first(where: { $0.value == key.text }) {
                Issue.record("\(name) collides with \(clash.key)")
            }
            seen[name] = key.text
        }
    }

    @Test("':' and '%' in tenant and step IDs are escaped so keys and prefixes stay unambiguous")
    func separatorsEscaped() throws {
        var colonTenant = Ingredients()
        colonTenant.tenantID = "a:b"
        #expect(try colonTenant.key().text.hasPrefix("a%3Ab:6f1c3a52-"))
        // Tenant "a" must not be able to address (or invalidate) tenant "a:b"'s entries.
        #expect(try !colonTenant.key().text.hasPrefix(CacheKey.prefix(tenantID: "a")))
        #expect(CacheKey.prefix(tenantID: "a%3Ab") != CacheKey.prefix(tenantID: "a:b"))
        var step = Ingredients()
        step.stepID = "load:50%"
        #expect(try step.key().text.contains(":load%3A50%25:"))
    }

    @Test("the key reveals no ingredient: secrets contribute only their versions, and only hashed")
    func noSecretMaterial() throws {
        // The API has no parameter for secret values at all; versions go into the hash only.
        var ingredients = Ingredients()
        ingredients.secretVersions = ["payments/api-key": "version-7f3a"]
        ingredients.environment = ["TOKEN_HINT": "visible-env-value"]
        let key = try ingredients.key()
        for fragment in ["payments", "version-7f3a", "visible-env-value", "REGION", "main"] {
            #expect(!key.text.contains(fragment))
        }
        let hashed = try CacheKey.ingredients(
            inputs: ingredients.inputs, environment: ingredients.environment,
            secretVersions: ingredients.secretVersions, externalIDs: ingredients.externalIDs
        ).canonicalJSON()
        #expect(hashed.contains(#""secrets":{"payments/api-key":"version-7f3a"}"#))
    }

    @Test("inputs without a canonical form are rejected, not silently rounded")
    func invalidInputs() {
        var nan = Ingredients()
        nan.inputs = ["ratio": .double(.nan)]
        #expect(throws: CanonicalJSONError.self) { try nan.key() }
        var big = Ingredients()
        big.inputs = ["id": .int(9_007_199_254_740_993)]
        #expect(throws: CanonicalJSONError.integerOutOfRange(9_007_199_254_740_993, at: JSONPointer(tokens: ["inputs", "id"]))) {
            try big.key()
        }
    }
}
