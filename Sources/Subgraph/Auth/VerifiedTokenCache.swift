import Foundation
import Synchronization

/// Tokens this process has already verified, with the identity each one carries.
///
/// A client sends the same bearer token on every request until it expires; verifying its signature
/// and decoding its claims each time costs more than the rest of a small request's
/// authentication. The key is the whole token text, so a hit is exactly a token whose signature
/// was checked before; its expiry is checked again on every hit. Bounded: when full, expired
/// entries go first, then everything (a cache miss only costs one verification).
final class VerifiedTokenCache: Sendable {
    private struct Entry {
        let identity: Identity
        let expires: Date
    }

    private let entries = Mutex<[String: Entry]>([:])
    let capacity: Int

    init(capacity: Int = 4096) {
        self.capacity = capacity
    }

    /// The identity of `token` if it was verified before and has not expired since.
    func identity(of token: String, now: Date = Date()) -> Identity? {
        entries.withLock { entries in
            guard let entry = entries[token] else { return nil }
            guard entry.expires > now else {
                entries[token] = nil
                return nil
            }
            return entry.identity
        }
    }

    /// Remembers a verified token until it expires.
    func remember(_ token: String, identity: Identity, expires: Date, now: Date = Date()) {
        entries.withLock { entries in
            if entries.count >= capacity {
                entries = entries.filter { $0.value.expires > now }
                if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            }
            entries[token] = Entry(identity: identity, expires: expires)
        }
    }
}
