import Synchronization

/// Wakes one waiting task early, or lets it sleep out its timeout: how an event stream waits
/// for "a notification arrived or it is time to poll anyway". A signal sent while nobody waits
/// is kept, so the next wait returns at once (at worst one extra poll, never a missed event).
final class WakeSignal: Sendable {
    private struct State {
        var pending = false
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let state = Mutex(State())

    func signal() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard let waiter = state.waiter else {
                state.pending = true
                return nil
            }
            state.waiter = nil
            return waiter
        }
        waiter?.resume()
    }

    /// Returns when signalled, or after `timeout`.
    func wait(timeout: Duration) async {
        let timer = Task { [self] in
            // Cancelled (woken early): no signal, or the next wait would return at once.
            do { try await Task.sleep(for: timeout) } catch { return }
            signal()
        }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = state.withLock { state -> Bool in
                if state.pending {
                    state.pending = false
                    return true
                }
                state.waiter = continuation
                return false
            }
            if ready { continuation.resume() }
        }
        timer.cancel()
    }
}
