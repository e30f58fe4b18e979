/// A failure that ends a command with one readable line instead of a stack trace.
struct StartupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
