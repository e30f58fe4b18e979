import Foundation
import Testing
import TestSupport

/// `mc schema diff` as CI jobs use it: the exit status decides whether a change may land.
@Suite("mc schema")
struct SchemaCommandTests {
    func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("schema-\(UUID().uuidString.prefix(8)).graphql").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func breakingChangesExitOneAndAreNamed() throws {
        let old = try write("type Query { a: String, b(x: Int): Int }")
        let new = try write("type Query { a: Int, b(x: Int, y: Int!): Int, c: String }")
        do {
            _ = try Shell.run(try TestEnvironment.mcBinary(), ["schema", "diff", old, new])
            Issue.record("a breaking change must exit non-zero")
        } catch let failure as Shell.Failure {
            #expect(failure.description.contains("exited with 1"))
            #expect(failure.description.contains("FIELD_CHANGED_KIND  Query.a changed type from String to Int."))
            #expect(failure.description.contains("REQUIRED_ARG_ADDED  A required arg y on Query.b was added."))
            #expect(failure.description.contains("FIELD_ADDED  Query.c was added."))
        }
    }

    @Test func safeAndDangerousChangesExitZeroWithJSON() throws {
        let old = try write("type Query { a: String } enum E { A }")
        let new = try write("type Query { a: String, b: Int } enum E { A B }")
        let output = try Shell.run(try TestEnvironment.mcBinary(), ["schema", "diff", "--json", old, new])
        #expect(output.contains(#""kind":"dangerous""#) && output.contains(#""type":"VALUE_ADDED_TO_ENUM""#))
        #expect(output.contains(#""kind":"safe""#))
        #expect(!output.contains(#""kind":"breaking""#))
    }

    @Test func printNormalisesTheSchema() throws {
        let file = try write("type Query{a:String @deprecated(reason: \"No longer supported\") b:Int}")
        let output = try Shell.run(try TestEnvironment.mcBinary(), ["schema", "print", file])
        #expect(output == "type Query {\n  a: String @deprecated\n  b: Int\n}\n")
    }
}
