import Foundation
import Testing

@testable import GraphQLCore

/// `SchemaDiff`: classification and the reports `mc schema diff` prints.
@Suite struct SchemaDiffTests {
    static let old = """
        enum Role { ADMIN USER }
        type User { id: ID! name: String role: Role }
        type Query { user(id: ID!): User users(limit: Int = 10): [User] }
        """
    static let new = """
        enum Role { ADMIN USER GUEST }
        type User { id: ID! name: String! email: String }
        type Query { user(id: ID!): User users(limit: Int = 20): [User] @deprecated }
        """

    @Test func classifiesEveryChange() throws {
        let diff = SchemaDiff(old: try buildSchema(Self.old), new: try buildSchema(Self.new))
        #expect(diff.breaking.map(\.description) == ["User.role was removed."])
        #expect(
            diff.dangerous.map(\.description) == [
                "GUEST was added to enum type Role.", "Query.users arg limit has changed defaultValue from 10 to 20.",
            ])
        #expect(
            diff.safe.map(\.description) == [
                "User.name changed type from String to String!.", "User.email was added.", "Query.users was deprecated.",
            ])
        #expect(diff.hasBreakingChanges)
        let reference = try findBreakingChanges(buildSchema(Self.old), buildSchema(Self.new))
        #expect(diff.breaking.map(\.description) == reference.map(\.description))
    }

    @Test func jsonReportListsBreakingThenDangerousThenSafe() throws {
        let diff = SchemaDiff(old: try buildSchema(Self.old), new: try buildSchema(Self.new))
        let data = Data(diff.jsonReport.utf8)
        let objects = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: String]])
        #expect(objects.map { $0["kind"] ?? "" } == ["breaking", "dangerous", "dangerous", "safe", "safe", "safe"])
        #expect(objects.first == ["kind": "breaking", "type": "FIELD_REMOVED", "description": "User.role was removed."])
        #expect(diff.jsonReport.hasPrefix(#"[\#n  {"kind":"breaking","type":"FIELD_REMOVED","description":"#))
    }

    @Test func textReportGroupsByKind() throws {
        let diff = SchemaDiff(old: try buildSchema(Self.old), new: try buildSchema(Self.new))
        #expect(
            diff.textReport == """
                Breaking changes (1):
                  FIELD_REMOVED  User.role was removed.

                Dangerous changes (2):
                  VALUE_ADDED_TO_ENUM       GUEST was added to enum type Role.
                  ARG_DEFAULT_VALUE_CHANGE  Query.users arg limit has changed defaultValue from 10 to 20.

                Safe changes (3):
                  FIELD_CHANGED_KIND_SAFELY  User.name changed type from String to String!.
                  FIELD_ADDED                User.email was added.
                  DEPRECATION_ADDED          Query.users was deprecated.

                """)
    }

    @Test func noChanges() throws {
        let schema = try buildSchema(Self.old)
        let diff = SchemaDiff(old: schema, new: schema)
        #expect(diff.changes.isEmpty)
        #expect(!diff.hasBreakingChanges)
        #expect(diff.textReport == "No changes.\n")
        #expect(diff.jsonReport == "[]\n")
    }

    @Test func jsonReportEscapesDescriptions() {
        let diff = SchemaDiff(changes: [SchemaChange(.safe(.descriptionChanged), "Quote \" and \\ and\nnewline")])
        #expect(diff.jsonReport == "[\n  {\"kind\":\"safe\",\"type\":\"DESCRIPTION_CHANGED\",\"description\":\"Quote \\\" and \\\\ and\\nnewline\"}\n]\n")
    }
}
