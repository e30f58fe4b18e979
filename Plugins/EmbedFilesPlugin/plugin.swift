import Foundation
import PackagePlugin

/// Embeds text files into a target as Swift string constants.
///
/// A target opts in with an `embed.list` file in its directory: one pattern per line, relative to
/// the package root, either a file path or `dir/*.ext`. Blank lines and `#` comments are ignored.
/// The generated `EmbeddedFiles.swift` declares `enum EmbeddedFiles { static let all: [String: String] }`
/// keyed by each file's path relative to the package root.
///
/// Why a plugin: SwiftPM bundles resources only from inside a target and finds them next to the
/// executable at run time; embedding keeps `mc` self-contained and runnable from any directory,
/// and the files keep living where humans and linters (squawk, schema diff) expect them.
@main
struct EmbedFilesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let listURL = target.directoryURL.appending(path: "embed.list")
        guard let list = try? String(contentsOf: listURL, encoding: .utf8) else { return [] }
        let root = context.package.directoryURL
        var inputs: [URL] = []
        for rawLine in list.split(separator: "\n") {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if let star = line.range(of: "/*.") {
                let dir = root.appending(path: String(line[..<star.lowerBound]))
                let ext = String(line[star.upperBound...])
                let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
                    .filter { $0.hasSuffix("." + ext) }
                    .sorted()
                inputs += names.map { dir.appending(path: $0) }
            } else {
                inputs.append(root.appending(path: line))
            }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        var arguments = [root.path, output.path]
        arguments += inputs.map(\.path)
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) file(s) into \(target.name)",
                executable: try context.tool(named: "EmbedFiles").url,
                arguments: arguments,
                inputFiles: inputs + [listURL],
                outputFiles: [output]
            )
        ]
    }
}
