// graphql-js's `inspect`: how values are quoted inside error messages, e.g.
// `Int cannot represent non-integer value: "abc"` or `... value: { a: 1 }`.

extension GraphQLValue {
    /// The value as graphql-js `inspect` prints it: strings JSON-quoted, objects as `{ a: 1 }`,
    /// nesting beyond two levels as `[Array]` / `[Object]`, lists cut after ten items.
    public var inspected: String { inspect(depth: 0) }

    private func inspect(depth: Int) -> String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .int(let value): return String(value)
        case .double(let value): return JSNumber.format(value)
        case .string(let value):
            var bytes: [UInt8] = []
            Self.writeJSONString(value, into: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        case .list(let items):
            if items.isEmpty { return "[]" }
            if depth >= 2 { return "[Array]" }
            var parts = items.prefix(10).map { $0.inspect(depth: depth + 1) }
            let remaining = items.count - 10
            if remaining == 1 {
                parts.append("... 1 more item")
            } else if remaining > 1 {
                parts.append("... \(remaining) more items")
            }
            return "[" + parts.joined(separator: ", ") + "]"
        case .object(let object):
            if object.count == 0 { return "{}" }
            if depth >= 2 { return "[Object]" }
            let parts = object.entries.map { key, value in key + ": " + value.inspect(depth: depth + 1) }
            return "{ " + parts.joined(separator: ", ") + " }"
        }
    }
}
