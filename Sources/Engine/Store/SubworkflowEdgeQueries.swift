import Foundation
import Postgres

/// A parent version's `subworkflow` step pinned to one child version at publish.
public struct SubworkflowEdge: Sendable, Hashable {
    public let parentVersionID: UUID
    public let stepID: String
    public let childWorkflowID: UUID
    public let childVersionID: UUID
    /// The range as written in the step (`^2.1`).
    public let range: String
    /// The step's input mapping as published.
    public let mapping: JSONValue
}

/// An edge seen from its child: which published parent depends on which version of a workflow.
struct SubworkflowDependent: Sendable {
    let edge: SubworkflowEdge
    let parentName: String
    let parentVersion: String
    let childVersion: String
    let childDefinition: JSONValue
}

/// A version reachable from a set of versions through pinned edges.
struct SubworkflowDescendant: Sendable {
    let versionID: UUID
    let workflowID: UUID
    let name: String
    let version: String
    /// 1 for the starting versions themselves.
    let depth: Int
    /// Version ids from a starting version down to this one.
    let path: [UUID]
}

/// Statements on `subworkflow_edges`.
enum SubworkflowEdgeQueries {
    static func insert(tenantID: String, edges: [SubworkflowEdge], on db: some PostgresExecutor) async throws {
        guard !edges.isEmpty else { return }
        try await db.execute("""
            INSERT INTO subworkflow_edges (tenant_id, parent_version_id, step_id, child_workflow_id, child_version_id, range, mapping_json)
            SELECT $1, e.parent_version_id, e.step_id, e.child_workflow_id, e.child_version_id, e.range, e.mapping
            FROM unnest($2::uuid[], $3::text[], $4::uuid[], $5::uuid[], $6::text[], $7::jsonb[])
                 AS e(parent_version_id, step_id, child_workflow_id, child_version_id, range, mapping)
            """, [tenantID, edges.map(\.parentVersionID), edges.map(\.stepID), edges.map(\.childWorkflowID), edges.map(\.childVersionID),
                  edges.map(\.range), edges.map(\.mapping)])
    }

    /// The edges of each parent version in `parentVersionIDs`.
    static func edges(tenantID: String, parentVersionIDs: [UUID], on db: some PostgresExecutor) async throws -> [SubworkflowEdge] {
        try await db.query("""
            SELECT parent_version_id, step_id, child_workflow_id, child_version_id, range, mapping_json::text AS mapping_json
            FROM subworkflow_edges WHERE tenant_id = $1 AND parent_version_id = ANY($2::uuid[]) ORDER BY parent_version_id, step_id
            """, [tenantID, parentVersionIDs]).map(decode)
    }

    /// Every edge whose child is a version of `childWorkflowID`, with names for messages.
    static func dependents(tenantID: String, childWorkflowID: UUID, on db: some PostgresExecutor) async throws -> [SubworkflowDependent] {
        try await db.query("""
            SELECT e.parent_version_id, e.step_id, e.child_workflow_id, e.child_version_id, e.range, e.mapping_json::text AS mapping_json,
                   pw.name AS parent_name, pv.version AS parent_version, cv.version AS child_version, cv.definition::text AS child_definition
            FROM subworkflow_edges e
            JOIN workflow_versions pv ON pv.id = e.parent_version_id
            JOIN workflows pw ON pw.id = pv.workflow_id
            JOIN workflow_versions cv ON cv.id = e.child_version_id
            WHERE e.tenant_id = $1 AND e.child_workflow_id = $2
            ORDER BY pw.name, pv.major, pv.minor, pv.patch, e.step_id
            """, [tenantID, childWorkflowID]).map { row in
            SubworkflowDependent(
                edge: try decode(row), parentName: try row.decode("parent_name"), parentVersion: try row.decode("parent_version"),
                childVersion: try row.decode("child_version"), childDefinition: try row.decode("child_definition"))
        }
    }

    /// The versions reachable from `versionIDs` (included, at depth 1) through pinned edges.
    static func descendants(tenantID: String, of versionIDs: [UUID], on db: some PostgresExecutor) async throws -> [SubworkflowDescendant] {
        try await db.query("""
            WITH RECURSIVE walk (version_id, depth, path) AS (
                SELECT v, 1::bigint, ARRAY[v] FROM unnest($2::uuid[]) AS v
                UNION ALL
                SELECT e.child_version_id, w.depth + 1, w.path || e.child_version_id
                FROM walk w JOIN subworkflow_edges e ON e.tenant_id = $1 AND e.parent_version_id = w.version_id
                WHERE w.depth < 100 AND NOT e.child_version_id = ANY(w.path)
            )
            SELECT w.version_id, w.depth, array_to_string(w.path, ',') AS path, v.workflow_id, f.name, v.version
            FROM walk w JOIN workflow_versions v ON v.id = w.version_id JOIN workflows f ON f.id = v.workflow_id
            ORDER BY w.depth, f.name
            """, [tenantID, versionIDs]).map { row in
            SubworkflowDescendant(
                versionID: try row.decode("version_id"), workflowID: try row.decode("workflow_id"), name: try row.decode("name"),
                version: try row.decode("version"), depth: try row.decode("depth"),
                path: (try row.decode("path") as String).split(separator: ",").compactMap { UUID(uuidString: String($0)) })
        }
    }

    private static func decode(_ row: PostgresRow) throws -> SubworkflowEdge {
        SubworkflowEdge(
            parentVersionID: try row.decode("parent_version_id"), stepID: try row.decode("step_id"),
            childWorkflowID: try row.decode("child_workflow_id"), childVersionID: try row.decode("child_version_id"),
            range: try row.decode("range"), mapping: try row.decode("mapping_json"))
    }
}
