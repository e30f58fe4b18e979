import GraphQLCore

/// Indented JSON that keeps object keys in insertion order, for documents people read and diff
/// (the committed `docs/openapi.json`).
enum PrettyJSON {
    static func text(_ value: GraphQLValue) -> String {
        var output = ""
        write(value, indent: "", into: &output)
        return output + "\n"
    }

    private static func write(_ value: GraphQLValue, indent: String, into output: inout String) {
        let inner = indent + "  "
        switch value {
        case .list(let items) where !items.isEmpty:
            output += "[\n"
            for (index, item) in items.enumerated() {
                output += inner
                write(item, indent: inner, into: &output)
                output += index == items.count - 1 ? "\n" : ",\n"
            }
            output += indent + "]"
        case .object(let object) where object.count > 0:
            output += "{\n"
            for (index, (key, item)) in object.entries.enumerated() {
                output += inner + GraphQLValue.string(key).jsonString + ": "
                write(item, indent: inner, into: &output)
                output += index == object.count - 1 ? "\n" : ",\n"
            }
            output += indent + "}"
        default:
            output += value.jsonString
        }
    }
}
