import Foundation
import Postgres

/// A `subworkflow` step's range resolved to one published child version at publish.
struct PinnedSubworkflow: Sendable {
    let stepID: String
    let childWorkflowID: UUID
    let childVersionID: UUID
    let childVersion: String
    let range: String
    let mapping: JSONValue

    func edge(parentVersionID: UUID) -> SubworkflowEdge {
        SubworkflowEdge(
            parentVersionID: parentVersionID, stepID: stepID, childWorkflowID: childWorkflowID, childVersionID: childVersionID,
            range: range, mapping: mapping)
    }
}

/// The publish-time rules for sub-workflows, run inside the publish transaction (DESIGN.md §4):
/// every range resolves to the highest published version inside it, recursion and nesting beyond
/// the depth limit are rejected, and a new version that falls inside a range some published
/// parent depends on must be backward compatible with the version that range resolved to.
struct SubworkflowPinning: Sendable {
    var settings: SubworkflowSettings

    /// Pins every `subworkflow` step of `definition`; throws `INVALID_DEFINITION` listing each
    /// step that cannot be pinned (bad range, nothing published inside it, a cycle, too deep).
    func pin(_ definition: WorkflowDefinition, tenantID: String, on tx: PostgresTransaction) async throws -> [PinnedSubworkflow] {
        var problems: [String] = []
        var pinned: [PinnedSubworkflow] = []
        var pointers: [UUID: [String]] = [:]
        for (index, step) in definition.steps.enumerated() {
            guard case .subworkflow(let config) = step.type else { continue }
            let pointer = "/steps/\(index)/with"
            if config.workflow == definition.name {
                problems.append("\(pointer)/workflow: a workflow cannot invoke itself (\(definition.name) → \(definition.name))")
                continue
            }
            let range: VersionRange
            do { range = try VersionRange(parsing: config.versionRange) } catch {
                problems.append("\(pointer)/version: \(error.message)")
                continue
            }
            let published = try await WorkflowQueries.versions(tenantID: tenantID, name: config.workflow, on: tx)
            let candidates = published.compactMap { stored in (try? SemanticVersion(parsing: stored.version)).map { ($0, stored) } }
            guard let best = range.highest(in: candidates.map(\.0)), let chosen = candidates.first(where: { $0.0 == best })?.1 else {
                let list = published.prefix(10).map(\.version).joined(separator: ", ")
                problems.append(published.isEmpty
                    ? "\(pointer)/workflow: workflow \"\(config.workflow)\" has no published version"
                    : "\(pointer)/version: no published version of \(config.workflow) satisfies \"\(range)\" (published: \(list))")
                continue
            }
            let mapping = JSONPointer(tokens: ["steps", String(index), "with", "input"]).evaluate(in: definition.source) ?? .object(JSONObject())
            pinned.append(PinnedSubworkflow(
                stepID: step.id, childWorkflowID: chosen.workflowID, childVersionID: chosen.id, childVersion: chosen.version,
                range: range.description, mapping: mapping))
            pointers[chosen.id, default: []].append(pointer)
        }
        if !pinned.isEmpty {
            problems += try await nestingProblems(of: definition, pinned: pinned, pointers: pointers, tenantID: tenantID, on: tx)
        }
        guard problems.isEmpty else {
            throw EngineError(.invalidDefinition, "The workflow definition's sub-workflows cannot be pinned.", details: problems)
        }
        return pinned
    }

    /// Cycles back to this workflow and nesting deeper than `settings.maxDepth`, over the pinned
    /// edges of the chosen children.
    private func nestingProblems(
        of definition: WorkflowDefinition, pinned: [PinnedSubworkflow], pointers: [UUID: [String]], tenantID: String, on tx: PostgresTransaction
    ) async throws -> [String] {
        let reachable = try await SubworkflowEdgeQueries.descendants(tenantID: tenantID, of: Array(Set(pinned.map(\.childVersionID))), on: tx)
        let names = Dictionary(reachable.map { ($0.versionID, "\($0.name)@\($0.version)") }, uniquingKeysWith: { first, _ in first })
        var problems: [String] = []
        for cycle in reachable where cycle.name == definition.name {
            let chain = ["\(definition.name)@\(definition.version)"] + cycle.path.map { names[$0] ?? $0.uuidString }
            let at = cycle.path.first.flatMap { pointers[$0]?.first } ?? "/steps"
            problems.append("\(at)/workflow: invoking it would create a cycle: \(chain.joined(separator: " → "))")
        }
        if let deepest = reachable.max(by: { $0.depth < $1.depth }), deepest.depth > settings.maxDepth {
            let chain = ["\(definition.name)@\(definition.version)"] + deepest.path.map { names[$0] ?? $0.uuidString }
            problems.append("/steps: sub-workflows would nest \(deepest.depth) levels deep (\(chain.joined(separator: " → "))); the limit is \(settings.maxDepth)")
        }
        return problems
    }

    /// Rejects `definition` (a new version of the workflow `workflowID`) when it falls inside a
    /// range that a published parent pinned to an older version and breaks that version's contract:
    /// its input may not get stricter and its output may not get looser.
    func checkCompatibility(_ definition: WorkflowDefinition, workflowID: UUID, tenantID: String, on tx: PostgresTransaction) async throws {
        let dependents = try await SubworkflowEdgeQueries.dependents(tenantID: tenantID, childWorkflowID: workflowID, on: tx)
        // One comparison per pinned version; each lists the parents that would break.
        var byPinnedVersion: [(version: String, definition: JSONValue, parents: [String])] = []
        for dependent in dependents {
            guard let range = try? VersionRange(parsing: dependent.edge.range), range.contains(definition.version) else { continue }
            let parent = "\(dependent.parentName)@\(dependent.parentVersion) (step \(dependent.edge.stepID), range \(range))"
            if let index = byPinnedVersion.firstIndex(where: { $0.version == dependent.childVersion }) {
                byPinnedVersion[index].parents.append(parent)
            } else {
                byPinnedVersion.append((dependent.childVersion, dependent.childDefinition, [parent]))
            }
        }
        var details: [String] = []
        for pinned in byPinnedVersion {
            let changes =
                SchemaCompatibility.inputBreakingChanges(old: pinned.definition["inputSchema"] ?? true, new: definition.inputSchema.source)
                    .map { "inputSchema \($0)" }
                + SchemaCompatibility.outputBreakingChanges(old: pinned.definition["outputSchema"], new: definition.outputSchema?.source)
                    .map { "outputSchema \($0)" }
            guard !changes.isEmpty else { continue }
            details.append("against \(definition.name)@\(pinned.version), which \(pinned.parents.joined(separator: ", ")) depend on:")
            details += changes.map { "  \($0)" }
        }
        guard !details.isEmpty else { return }
        throw EngineError(
            .incompatibleVersion,
            "\(definition.name)@\(definition.version) is not backward compatible with the versions published parents depend on. Make the change compatible, or publish it as a new major version outside their ranges.",
            details: details)
    }
}
