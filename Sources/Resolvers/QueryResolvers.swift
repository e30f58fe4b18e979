import Engine
import Foundation
import GraphQLCore

/// `Query` fields. Reads are open to every role (viewer and up).
enum QueryResolvers {
    static func install(on schema: inout GraphQLSchema) {
        _ = schema.setResolver(typeName: "Query", fieldName: "workflow") { _, arguments, info in
            let (context, id) = (try info.apiContext(), try ValueBridge.uuid(arguments, "id"))
            return ValueBridge.async {
                try await context.engine.publisher.workflow(tenantID: context.tenantID, id: id).map { .source($0) } ?? .null
            }
        }
        _ = schema.setResolver(typeName: "Query", fieldName: "workflows") { _, arguments, info in
            let context = try info.apiContext()
            let limit = try pageSize(arguments)
            let cursor = try ValueBridge.string(arguments, "after").map(Cursor.decode)
            return ValueBridge.async {
                let rows = try await context.engine.publisher.workflows(tenantID: context.tenantID, first: limit + 1, after: cursor)
                return page(rows, limit: limit, cursor: { Cursor.encode($0.createdAt, $0.id) })
            }
        }
        _ = schema.setResolver(typeName: "Query", fieldName: "execution") { _, arguments, info in
            let (context, id) = (try info.apiContext(), try ValueBridge.uuid(arguments, "id"))
            return ValueBridge.async {
                try await context.engine.executions.get(tenantID: context.tenantID, id: id).map { .source($0) } ?? .null
            }
        }
        _ = schema.setResolver(typeName: "Query", fieldName: "executions") { _, arguments, info in
            let context = try info.apiContext()
            let limit = try pageSize(arguments)
            let cursor = try ValueBridge.string(arguments, "after").map(Cursor.decode)
            let workflowID = try arguments["workflowId"].flatMap { $0.isNull ? nil : try ValueBridge.uuid(arguments, "workflowId") }
            let statusName = ValueBridge.string(arguments, "status")
            let status = statusName.flatMap(ExecutionStatus.init(rawValue:))
            return ValueBridge.async {
                // A status the engine never stores yet (COMPENSATION_FAILED before issue 7) matches nothing.
                if statusName != nil && status == nil { return page([ExecutionRecord](), limit: limit, cursor: { Cursor.encode($0.createdAt, $0.id) }) }
                let rows = try await context.engine.executions.list(
                    tenantID: context.tenantID, workflowID: workflowID, status: status, first: limit + 1, after: cursor)
                return page(rows, limit: limit, cursor: { Cursor.encode($0.createdAt, $0.id) })
            }
        }
        _ = schema.setResolver(typeName: "Query", fieldName: "job") { _, _, _ in throw ValueBridge.notAvailable("Bulk jobs") }
        for type in ["WorkflowConnection", "ExecutionConnection"] {
            _ = schema.setResolver(typeName: type, fieldName: "edges") { source, _, _ in
                guard case .source(let value) = source, let connection = value as? Connection else { return .null }
                return .list(connection.edges)
            }
            _ = schema.setResolver(typeName: type, fieldName: "pageInfo") { source, _, _ in
                guard case .source(let value) = source, let connection = value as? Connection else { return .null }
                return connection.pageInfo
            }
        }
        for type in ["WorkflowEdge", "ExecutionEdge"] {
            _ = schema.setResolver(typeName: type, fieldName: "cursor") { source, _, _ in
                guard case .source(let value) = source, let edge = value as? Edge else { return .null }
                return .value(.string(edge.cursor))
            }
            _ = schema.setResolver(typeName: type, fieldName: "node") { source, _, _ in
                guard case .source(let value) = source, let edge = value as? Edge else { return .null }
                return .source(edge.node)
            }
        }
    }

    /// `first`, checked: 1 to 100 (20 when absent).
    static func pageSize(_ arguments: GraphQLObject) throws -> Int {
        var first = 20
        if case .int(let value)? = arguments["first"] { first = value }
        guard (1...100).contains(first) else {
            throw GraphQLError(message: "\"first\" must be between 1 and 100.", extensions: [.init("code", .string("BAD_USER_INPUT"))])
        }
        return first
    }

    /// A connection over `rows`, fetched with one row more than `limit` to tell whether there is
    /// a next page.
    static func page<Row: Sendable>(_ rows: [Row], limit: Int, cursor: (Row) -> String) -> ResolvedValue {
        let nodes = Array(rows.prefix(limit))
        var pageInfo = GraphQLObject()
        pageInfo["hasNextPage"] = .bool(rows.count > limit)
        pageInfo["endCursor"] = nodes.last.map { .string(cursor($0)) } ?? .null
        let edges: [ResolvedValue] = nodes.map { .source(Edge(cursor: cursor($0), node: $0)) }
        return .source(Connection(edges: edges, pageInfo: .value(.object(pageInfo))))
    }

    struct Connection: Sendable {
        let edges: [ResolvedValue]
        let pageInfo: ResolvedValue
    }

    struct Edge: Sendable {
        let cursor: String
        let node: any Sendable
    }
}

/// Opaque keyset cursors: base64 of "createdAt-seconds|id".
enum Cursor {
    static func encode(_ createdAt: Date, _ id: UUID) -> String {
        Data("\(createdAt.timeIntervalSince1970)|\(id.uuidString)".utf8).base64EncodedString()
    }

    static func decode(_ text: String) throws -> (Date, UUID) {
        guard let data = Data(base64Encoded: text), let plain = String(data: data, encoding: .utf8),
            let bar = plain.firstIndex(of: "|"), let seconds = Double(plain[..<bar]),
            let id = UUID(uuidString: String(plain[plain.index(after: bar)...]))
        else {
            throw GraphQLError(message: "\"after\" is not a cursor this API returned.", extensions: [.init("code", .string("BAD_USER_INPUT"))])
        }
        return (Date(timeIntervalSince1970: seconds), id)
    }
}
