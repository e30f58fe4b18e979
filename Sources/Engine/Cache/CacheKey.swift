import Crypto
import Foundation

/// The key under which the deterministic step-result cache stores one step's result:
/// `{tenant}:{workflowVersionID}:{stepID}:{sha256-hex}`.
///
/// The readable prefix scopes entries so they can be dropped wholesale with ``prefix(tenantID:)``,
/// ``prefix(tenantID:workflowVersionID:)`` or ``prefix(tenantID:workflowVersionID:stepID:)``
/// (e.g. when a tenant is deleted or a version is republished). The hash is SHA-256 over the
/// RFC 8785 canonical JSON of everything else a deterministic step's result depends on:
///
/// ```
/// {"env": {name: value}, "external": {name: id}, "inputs": <resolved inputs>, "secrets": {reference: version}}
/// ```
///
/// Canonical JSON makes the key independent of incidental differences (member order, `1` vs
/// `1.0`, how a string was escaped in the source) while every real difference changes it.
///
/// `:` and `%` inside the tenant and step IDs are percent-encoded (`%3A`, `%25`), so a key text
/// (and every prefix) names exactly one (tenant, version, step): without that, tenant `a:b`
/// could read as tenant `a` and share or invalidate another tenant's entries. IDs without those
/// characters appear unchanged. The UUID is written lowercase, as elsewhere in the engine.
public struct CacheKey: Sendable, Hashable, CustomStringConvertible {
    /// The full key text: `{tenant}:{workflowVersionID}:{stepID}:{sha256-hex}`.
    public let text: String
    /// The lowercase hex SHA-256 of the canonical ingredients object (the last key component).
    public let digest: String
    /// The scope the key belongs to, as given (unescaped).
    public let tenantID: String
    public let workflowVersionID: UUID
    public let stepID: String

    /// Derives the key for one execution of a step.
    ///
    /// - Parameters:
    ///   - tenantID: The owning tenant. Part of the key so tenants never share results, even
    ///     for byte-identical workflows and inputs.
    ///   - workflowVersionID: The published workflow version. A new version may change the
    ///     step's definition (its action, its options), which the inputs alone do not show.
    ///   - stepID: The step within that version; two steps with equal inputs can do different work.
    ///   - inputs: The step's inputs *after* expression resolution: what the step actually sees,
    ///     not the templates that produced it.
    ///   - environment: The environment values the step reads (name → value), and only those, so
    ///     that changing an unrelated variable does not needlessly miss the cache, while changing
    ///     one the step reads (an endpoint, a region) does.
    ///   - secretVersions: Secret reference → version for the secrets the step uses. Rotating a
    ///     secret can change what a step produces (other credentials, other account), so its
    ///     version is part of the key; its *value* never is: this API takes no values, so a
    ///     secret cannot leak into a key, a log line or the cache store, nor be guessed by
    ///     hashing candidates against a stored key.
    ///   - externalIDs: Name → identifier of external state the step depends on (e.g. a dataset
    ///     snapshot or model revision), so the result is recomputed when that state moves on.
    /// - Throws: ``CanonicalJSONError`` when `inputs` contains NaN/Infinity or an integer outside
    ///   ±2^53, which have no canonical JSON form (see ``JSONValue/canonicalIntegerLimit``).
    public init(
        tenantID: String,
        workflowVersionID: UUID,
        stepID: String,
        inputs: JSONValue,
        environment: [String: String],
        secretVersions: [String: String],
        externalIDs: [String: String]
    ) throws(CanonicalJSONError) {
        let ingredients = CacheKey.ingredients(
            inputs: inputs, environment: environment, secretVersions: secretVersions, externalIDs: externalIDs
        )
        self.tenantID = tenantID
        self.workflowVersionID = workflowVersionID
        self.stepID = stepID
        let canonical = try ingredients.canonicalJSONBytes()
        digest = Hex.encode(SHA256.hash(data: canonical))
        text = CacheKey.prefix(tenantID: tenantID, workflowVersionID: workflowVersionID, stepID: stepID) + digest
    }

    /// The key text.
    public var description: String { text }

    /// The prefix shared by all keys of one step of one workflow version, ending in `:` so that
    /// step `a` does not also match step `ab`.
    public static func prefix(tenantID: String, workflowVersionID: UUID, stepID: String) -> String {
        prefix(tenantID: tenantID, workflowVersionID: workflowVersionID) + escape(stepID) + ":"
    }

    /// The prefix shared by all keys of one workflow version, ending in `:`.
    public static func prefix(tenantID: String, workflowVersionID: UUID) -> String {
        prefix(tenantID: tenantID) + workflowVersionID.uuidString.lowercased() + ":"
    }

    /// The prefix shared by all keys of one tenant, ending in `:`.
    public static func prefix(tenantID: String) -> String {
        escape(tenantID) + ":"
    }

    /// The object whose canonical JSON is hashed. Each map becomes a JSON object of strings;
    /// canonicalization sorts the members, so dictionary iteration order cannot leak into the key.
    static func ingredients(
        inputs: JSONValue,
        environment: [String: String],
        secretVersions: [String: String],
        externalIDs: [String: String]
    ) -> JSONValue {
        func object(_ strings: [String: String]) -> JSONValue {
            .object(JSONObject(strings.map { ($0.key, JSONValue.string($0.value)) }))
        }
        return [
            "inputs": inputs,
            "env": object(environment),
            "secrets": object(secretVersions),
            "external": object(externalIDs),
        ]
    }

    /// Percent-encodes the separator `:` and the escape character `%` so components stay unambiguous.
    static func escape(_ component: String) -> String {
        guard component.unicodeScalars.contains(where: { $0 == ":" || $0 == "%" }) else { return component }
        var escaped = String.UnicodeScalarView()
        for scalar in component.unicodeScalars {
            switch scalar {
            case ":": escaped.append(contentsOf: "%3A".unicodeScalars)
            case "%": escaped.append(contentsOf: "%25".unicodeScalars)
            default: escaped.append(scalar)
            }
        }
        return String(escaped)
    }
}
