import Crypto
import Foundation

extension CacheKey {
    /// The key of one run of `step`, from everything that can change its output:
    /// - its rendered inputs, with `{{secret:...}}` kept as reference text (the renderer's
    ///   redacted twin), never the secret values;
    /// - the values of the `{{env.NAME}}` variables it reads;
    /// - a version of each secret it reads: a SHA-256 fingerprint of the value, so rotating a
    ///   secret misses while the key material never contains (or stores) the secret itself;
    /// - external identities: the `sql` data source's name.
    static func forStep(
        _ step: StepDefinition, tenantID: String, workflowVersionID: UUID, renderer: TemplateRenderer, secrets: ResolvedSecrets
    ) throws -> CacheKey {
        var inputs = JSONObject()
        var environment: [String: String] = [:]
        var secretVersions: [String: String] = [:]
        for (pointer, template) in step.type.templates(at: .root) {
            inputs[pointer.description] = try renderer.render(template).redacted
            for reference in template.references {
                switch reference.root {
                case .env(let name): environment[name] = renderer.context.env[name] ?? ""
                case .secret(let path): secretVersions[path] = secrets.value(at: path).map(Self.secretVersion) ?? "unresolved"
                default: break
                }
            }
        }
        inputs["type"] = .string(step.type.kind.rawValue)
        var external: [String: String] = [:]
        if case .sql(let config) = step.type { external["dataSource"] = config.dataSource }
        return try CacheKey(
            tenantID: tenantID, workflowVersionID: workflowVersionID, stepID: step.id, inputs: .object(inputs),
            environment: environment, secretVersions: secretVersions, externalIDs: external)
    }

    /// A secret's version as a one-way fingerprint of its value (domain-separated).
    static func secretVersion(_ value: String) -> String {
        let digest = SHA256.hash(data: Data(("maestro-secret-version\u{0}" + value).utf8))
        return Hex.encode(digest.prefix(12))
    }
}
