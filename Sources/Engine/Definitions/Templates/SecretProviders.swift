import Foundation

/// Reads secrets from environment variables named `MAESTRO_SECRET_<PATH>`, where the path is
/// upper-cased and every character other than a letter or digit becomes `_`:
/// `payments/api-key` → `MAESTRO_SECRET_PAYMENTS_API_KEY`. Meant for development and CI;
/// note that `a/b` and `a-b` map to the same variable.
public struct EnvironmentSecretProvider: SecretProvider {
    /// The variables to read (a snapshot, so tests can pass their own).
    public let environment: [String: String]

    /// A provider over `environment` (defaults to this process's environment).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// The variable name for `path`.
    public static func variableName(for path: String) -> String {
        let mapped = path.uppercased().unicodeScalars.map { scalar -> Character in
            let isAlphanumeric = (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9")
            return isAlphanumeric ? Character(scalar) : "_"
        }
        return "MAESTRO_SECRET_" + String(mapped)
    }

    /// The value of `MAESTRO_SECRET_<PATH>`.
    public func secret(at path: String) async throws(SecretResolutionError) -> String {
        let name = EnvironmentSecretProvider.variableName(for: path)
        guard let value = environment[name] else {
            throw SecretResolutionError(path: path, reason: "\(name) is not set")
        }
        return value
    }
}

/// Reads each secret from a file under a directory: `payments/api-key` → `<directory>/payments/api-key`
/// (the layout of mounted Kubernetes or Docker secrets). One trailing newline is removed, since
/// editors and `echo` add one.
public struct FileSecretProvider: SecretProvider {
    /// The directory holding the secret files.
    public let directory: URL

    /// A provider over `directory`.
    public init(directory: URL) {
        self.directory = directory
    }

    /// The content of the file at `path` below `directory`.
    public func secret(at path: String) async throws(SecretResolutionError) -> String {
        // Re-checked here because this type is public: "..", "." and empty segments could
        // otherwise escape the directory.
        if let problem = TemplateParser.secretPathProblem(path) {
            throw SecretResolutionError(path: path, reason: problem)
        }
        let file = directory.appendingPathComponent(path, isDirectory: false)
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw SecretResolutionError(path: path, reason: "no readable file at \(file.path)")
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw SecretResolutionError(path: path, reason: "the file \(file.path) is not UTF-8 text")
        }
        // "\r\n" is a single Character in Swift, so one removeLast drops either ending.
        if let last = text.last, last == "\n" || last == "\r\n" { text.removeLast() }
        return text
    }
}
