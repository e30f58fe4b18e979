import Engine
import Foundation
import GraphQLCore

/// `Mutation.compensateExecution` and `CompensationPlan` (issue 7). Operators only; every call,
/// refused ones included, is recorded in `audit_log`.
enum CompensationResolvers {
    static func install(on schema: inout GraphQLSchema) {
        _ = schema.setResolver(typeName: "Mutation", fieldName: "compensateExecution") { _, arguments, info in
            let (context, id) = (try info.apiContext(), try ValueBridge.uuid(arguments, "id"))
            let fromStepID = ValueBridge.string(arguments, "fromStepId")
            let dryRun: Bool
            if case .bool(let value)? = arguments["dryRun"] { dryRun = value } else { dryRun = false }
            do {
                try context.require(.operator_, to: "compensating executions")
            } catch {
                return ValueBridge.async {
                    try await context.engine.compensations.auditDenied(
                        tenantID: context.tenantID, actor: context.subject, executionID: id, reason: "missing the operator role")
                    throw error
                }
            }
            return ValueBridge.async {
                .source(try await context.engine.compensations.compensate(
                    tenantID: context.tenantID, executionID: id, fromStepID: fromStepID, dryRun: dryRun, actor: context.subject))
            }
        }
        @Sendable func plan(_ source: ResolvedValue) throws -> CompensationPlanResult { try ValueBridge.source(source, as: CompensationPlanResult.self) }
        _ = schema.setResolver(typeName: "CompensationPlan", fieldName: "execution") { source, _, _ in .source(try plan(source).execution) }
        _ = schema.setResolver(typeName: "CompensationPlan", fieldName: "dryRun") { source, _, _ in .value(.bool(try plan(source).dryRun)) }
        _ = schema.setResolver(typeName: "CompensationPlan", fieldName: "steps") { source, _, _ in .value(.list(try plan(source).steps.map { .string($0) })) }
        _ = schema.setResolver(typeName: "CompensationPlan", fieldName: "decision") { source, _, _ in .value(.string(try plan(source).decision)) }
    }
}
