import Foundation
import Postgres

/// One attempt of a step or compensate handler: runs the executor under the invocation's timeout
/// while heartbeating the task's lease, and stops if the lease is lost.
enum StepAttempt {
    /// Seconds to wait before the attempt after `attempt` under `retry` (1 s without a policy),
    /// with its jitter: the same for steps and compensate handlers.
    static func retryDelay(_ retry: RetryPolicy?, afterAttempt attempt: Int) -> Double {
        guard let retry else { return 1 }
        let base = retry.backoff.delay(afterAttempt: attempt)
        return retry.jitter ? base * Double.random(in: 0.5...1.0) : base
    }

    static func run(
        _ executor: any StepExecutor, _ type: StepType, what: String, renderer: TemplateRenderer, invocation: StepInvocation,
        task: ClaimedTask, postgres: PostgresClient, leaseSeconds lease: Double
    ) async throws(StepFailure) -> StepResult {
        let outcome: Result<StepResult, StepFailure> = await withTaskGroup(of: Result<StepResult, StepFailure>?.self) { group in
            group.addTask {
                do throws(StepFailure) { return .success(try await executor.run(type, renderer: renderer, invocation: invocation)) }
                catch { return .failure(error) }
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(invocation.timeout))
                return Task.isCancelled ? nil : .failure(StepFailure(message: "\(what) timed out after \(invocation.timeout) s.", retryable: true, timedOut: true))
            }
            group.addTask {
                // Heartbeat: keep the lease while a long step runs. If another worker has taken
                // the task over (our lease expired), stop: two copies must not run at once.
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(max(lease / 3, 0.1)))
                    if Task.isCancelled { break }
                    if (try? await TaskQueries.extendLease(task, bySeconds: lease, on: postgres)) == false {
                        return .failure(StepFailure(message: "The lease on this step was lost to another worker.", retryable: false, leaseLost: true))
                    }
                }
                return nil
            }
            var first: Result<StepResult, StepFailure>?
            while first == nil, let next = await group.next() { first = next }
            group.cancelAll()
            return first ?? .failure(StepFailure(message: "The step ended without a result.", retryable: true))
        }
        return try outcome.get()
    }
}
