/// Resolves vault references (`{{secret:payments/api-key}}`) to their current values at run time.
///
/// Contract: `path` has already been checked by the template parser (segments of letters,
/// digits, `_`, `.`, `-` separated by `/`, never `.` or `..`); implementations re-check it if
/// they touch the file system. Errors must never include the secret value. Implementations are
/// called concurrently from many executions.
public protocol SecretProvider: Sendable {
    /// The value of the secret at `path`.
    /// - Throws: `SecretResolutionError` when the secret does not exist or cannot be read.
    func secret(at path: String) async throws(SecretResolutionError) -> String
}

/// Why a secret could not be resolved; never contains the value.
/// `description` reads like `secret "payments/api-key" could not be resolved: MAESTRO_SECRET_PAYMENTS_API_KEY is not set`.
public struct SecretResolutionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The vault path.
    public let path: String
    /// Why it failed.
    public let reason: String

    /// Creates an error.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// A sentence naming the path and the reason.
    public var description: String { "secret \"\(path)\" could not be resolved: \(reason)" }
}

/// Secret values fetched for one rendering, keyed by path. Printing it shows only the paths,
/// so it is safe in logs and test failures.
public struct ResolvedSecrets: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private let values: [String: String]

    /// No secrets.
    public static let none = ResolvedSecrets([:])

    /// Secrets from path → value pairs (tests, or callers that fetched them already).
    public init(_ values: [String: String]) {
        self.values = values
    }

    /// Fetches each distinct path once through `provider`.
    /// - Throws: the first `SecretResolutionError`.
    public static func resolving(
        _ paths: some Sequence<String>, with provider: any SecretProvider
    ) async throws(SecretResolutionError) -> ResolvedSecrets {
        var values: [String: String] = [:]
        for path in paths where values[path] == nil {
            values[path] = try await provider.secret(at: path)
        }
        return ResolvedSecrets(values)
    }

    /// The value at `path`, or nil if it was not resolved.
    public func value(at path: String) -> String? { values[path] }

    /// The resolved paths, sorted.
    public var paths: [String] { values.keys.sorted() }

    /// `ResolvedSecrets(paths: [...])`, without values.
    public var description: String { "ResolvedSecrets(paths: \(paths))" }

    /// Same as `description`.
    public var debugDescription: String { description }

    /// Mirrors only the paths, so `dump` and test output cannot show values.
    public var customMirror: Mirror { Mirror(self, children: ["paths": paths]) }
}

extension TemplatedValue {
    /// The distinct secret paths referenced by this value, in order of first appearance.
    public var secretPaths: [String] {
        var seen: Set<String> = []
        return references.compactMap { reference in
            guard case .secret(let path) = reference.root, seen.insert(path).inserted else { return nil }
            return path
        }
    }
}
