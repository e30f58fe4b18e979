/// A subgraph SDL that the federation layer cannot work with: a malformed `@link`, a federation
/// version it does not know, an SDL that does not parse or build.
public struct FederationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, as a sentence.
    public let message: String

    /// Creates an error with a message.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
