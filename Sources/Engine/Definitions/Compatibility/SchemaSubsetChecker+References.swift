// Local references (`#`, `#/json/pointer`, `#anchor`) and identity of subschemas whose
// references may point at different definitions in the two documents.

extension SchemaSubsetChecker {
    /// The target of a fragment-only reference, resolved in `schema`'s resource; nil for anything else.
    func resolve(_ reference: String, from schema: Located) -> Located? {
        guard reference.first == "#", let fragment = Self.percentDecoded(reference.dropFirst()) else { return nil }
        let resource = schema.resource
        if fragment.isEmpty { return Located(schema: resource, resource: resource, side: schema.side) }
        guard fragment.first == "/" else { return Self.anchor(fragment, in: resource, side: schema.side) }
        guard let pointer = JSONPointer(fragment) else { return nil }
        var current = resource
        var currentResource = resource
        for token in pointer.tokens {
            switch current {
            case .object(let object):
                guard let next = object[token] else { return nil }
                current = next
            case .array(let elements):
                guard let index = Int(token), elements.indices.contains(index) else { return nil }
                current = elements[index]
            default:
                return nil
            }
            if current["$id"]?.stringValue != nil { currentResource = current }
        }
        return Located(schema: current, resource: currentResource, side: schema.side)
    }

    /// The subschema declaring `$anchor` (or `$dynamicAnchor`) `name` within `resource`.
    private static func anchor(_ name: String, in resource: JSONValue, side: SchemaCompatibility.Side) -> Located? {
        func search(_ value: JSONValue, isRoot: Bool) -> JSONValue? {
            switch value {
            case .object(let object):
                if !isRoot && object["$id"] != nil { return nil }
                if object["$anchor"]?.stringValue == name || object["$dynamicAnchor"]?.stringValue == name { return value }
                for member in object.values { if let found = search(member, isRoot: false) { return found } }
            case .array(let elements):
                for element in elements { if let found = search(element, isRoot: false) { return found } }
            default:
                break
            }
            return nil
        }
        return search(resource, isRoot: true).map { Located(schema: $0, resource: resource, side: side) }
    }

    /// `%XX` escapes decoded as UTF-8; nil when malformed.
    static func percentDecoded(_ text: Substring) -> String? {
        guard text.contains("%") else { return String(text) }
        var bytes: [UInt8] = []
        var utf8 = text.utf8.makeIterator()
        while let byte = utf8.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = utf8.next().flatMap(hexValue), let low = utf8.next().flatMap(hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// Equal subschemas whose every reference resolves to equal subschemas in both documents.
    func identical(_ a: Located, _ b: Located) -> Bool {
        identicalValues(a.schema, within: a, b.schema, within: b)
    }

    /// Equal values `x` (found in `a`'s resource) and `y` (in `b`'s), references resolving alike.
    func identicalValues(_ x: JSONValue, within a: Located, _ y: JSONValue, within b: Located) -> Bool {
        guard x == y else { return false }
        var visited: Set<String> = []
        return referencesAgree(x, Located(schema: x, resource: a.resource, side: a.side),
                               Located(schema: y, resource: b.resource, side: b.side), &visited)
    }

    /// Walks `value` (equal on both sides) and checks that its references lead to equal subschemas.
    private func referencesAgree(_ value: JSONValue, _ a: Located, _ b: Located, _ visited: inout Set<String>) -> Bool {
        switch value {
        case .object(let object):
            var a = a, b = b
            if object["$id"]?.stringValue != nil {
                a = Located(schema: value, resource: value, side: a.side)
                b = Located(schema: value, resource: value, side: b.side)
            }
            if object["$dynamicRef"] != nil { return false }
            if let reference = object["$ref"]?.stringValue {
                let key = a.resourceKey + "|" + b.resourceKey + "|" + reference
                if visited.insert(key).inserted {
                    guard let x = resolve(reference, from: a), let y = resolve(reference, from: b), x.schema == y.schema,
                          referencesAgree(x.schema, x, y, &visited) else { return false }
                }
            }
            return object.values.allSatisfy { referencesAgree($0, a, b, &visited) }
        case .array(let elements):
            return elements.allSatisfy { referencesAgree($0, a, b, &visited) }
        default:
            return true
        }
    }
}
