import GraphQLCore

/// JSON Schemas (the OpenAPI 3.1 dialect) for GraphQL types: leaves and input types by
/// reference to `components/schemas`, output objects inline from a ``RestSelection``.
struct OpenAPISchemas {
    let schema: GraphQLSchema
    /// Named types referenced so far; they become `components/schemas`.
    private(set) var referenced: Set<String> = []

    init(schema: GraphQLSchema) {
        self.schema = schema
    }

    /// The schema of a value of `type` (an input type, or a leaf output).
    mutating func input(_ type: GraphQLTypeReference) -> GraphQLValue {
        switch type {
        case .nonNull(let inner): return input(inner).droppingNull
        case .list(let item): return nullable(["type": "array", "items": input(item)])
        case .named(let name): return nullable(named(name))
        }
    }

    /// The schema of an output value selected with `selection` (nil for leaves).
    mutating func output(_ type: GraphQLTypeReference, _ selection: RestSelection?, description: String? = nil) -> GraphQLValue {
        outputSchema(type, selection).described(description)
    }

    private mutating func outputSchema(_ type: GraphQLTypeReference, _ selection: RestSelection?) -> GraphQLValue {
        switch type {
        case .nonNull(let inner): return outputSchema(inner, selection).droppingNull
        case .list(let item): return nullable(["type": "array", "items": outputSchema(item, selection)])
        case .named(let name):
            guard let selection else { return nullable(named(name)) }
            var properties = GraphQLObject()
            var required: [GraphQLValue] = []
            for field in selection.fields {
                properties[field.name] = output(field.type, field.selection, description: field.description)
                if field.type.isNonNull || field.name == "__typename" { required.append(.string(field.name)) }
            }
            var object: GraphQLObject = ["type": "object"]
            if let text = schema.type(named: name)?.description { object["description"] = .string(text) }
            object["properties"] = .object(properties)
            if !required.isEmpty { object["required"] = .list(required) }
            return nullable(.object(object))
        }
    }

    /// A named leaf or input type: built-in scalars inline, everything else by reference.
    private mutating func named(_ name: String) -> GraphQLValue {
        switch name {
        case "ID", "String": return ["type": "string"]
        case "Int": return ["type": "integer", "format": "int32"]
        case "Float": return ["type": "number", "format": "double"]
        case "Boolean": return ["type": "boolean"]
        default:
            referenced.insert(name)
            return ["$ref": .string("#/components/schemas/\(name)")]
        }
    }

    /// `components/schemas`: every referenced named type (and those they reference), by name.
    mutating func components() -> GraphQLObject {
        var done: [String: GraphQLValue] = [:]
        while let name = referenced.subtracting(done.keys).sorted().first {
            done[name] = definition(of: name)
        }
        var result = GraphQLObject()
        for name in done.keys.sorted() { result[name] = done[name] }
        return result
    }

    private mutating func definition(of name: String) -> GraphQLValue {
        guard let type = schema.type(named: name) else { return [:] }
        var object = GraphQLObject()
        switch type.kind {
        case .enum:
            object["type"] = "string"
            object["enum"] = .list(type.enumValues.map { .string($0.name) })
        case .inputObject:
            object["type"] = "object"
            var properties = GraphQLObject()
            var required: [GraphQLValue] = []
            for field in type.inputFields {
                properties[field.name] = input(field.type).described(field.description)
                if field.type.isNonNull && field.defaultValue == nil { required.append(.string(field.name)) }
            }
            object["properties"] = .object(properties)
            if !required.isEmpty { object["required"] = .list(required) }
            object["additionalProperties"] = false
        case .scalar where name == "JSON":
            break  // any JSON value: the empty schema
        case .scalar:
            object["type"] = "string"
            if name == "DateTime" { object["format"] = "date-time" }
            if let url = type.specifiedByURL { object["externalDocs"] = ["url": .string(url)] }
        default:
            object["type"] = "object"
        }
        if let description = type.description { object["description"] = .string(description) }
        return .object(object)
    }

    /// `schema` or null.
    private func nullable(_ schema: GraphQLValue) -> GraphQLValue {
        ["anyOf": [schema, ["type": "null"]]]
    }
}

extension GraphQLValue {
    /// The schema without the `anyOf [.., null]` wrapper `nullable` adds.
    var droppingNull: GraphQLValue {
        if case .object(let object) = self, object.count == 1, case .list(let options)? = object["anyOf"], options.count == 2,
            options[1] == ["type": "null"]
        {
            return options[0]
        }
        return self
    }

    /// The schema with a `description` (when there is one to add).
    func described(_ description: String?) -> GraphQLValue {
        guard let description, case .object(var object) = self else { return self }
        object["description"] = .string(description)
        return .object(object)
    }
}
