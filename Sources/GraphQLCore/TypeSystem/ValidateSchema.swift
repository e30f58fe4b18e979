// Type-system validation (spec §3 "Type Validation" sub-sections; graphql-js `validateSchema`
// with the same messages, in the same order: root types, directives, then each named type).
// Errors carry messages only: a schema keeps no source text to compute locations from.

/// The type-system rule violations of `schema`; empty when it is valid.
public func validateSchema(_ schema: GraphQLSchema) -> [GraphQLError] {
    var validator = SchemaValidator(schema: schema)
    validator.validateRootTypes()
    validator.validateDirectives()
    validator.validateTypes()
    return validator.errors
}

struct SchemaValidator {
    let schema: GraphQLSchema
    var errors: [GraphQLError] = []

    init(schema: GraphQLSchema) {
        self.schema = schema
    }

    mutating func report(_ message: String) {
        errors.append(GraphQLError(message: message))
    }

    mutating func validateRootTypes() {
        if let query = schema.queryType {
            if schema.type(named: query)?.kind != .object {
                report("Query root type must be Object type, it cannot be \(query).")
            }
        } else {
            report("Query root type must be provided.")
        }
        if let mutation = schema.mutationType, schema.type(named: mutation)?.kind != .object {
            report("Mutation root type must be Object type if provided, it cannot be \(mutation).")
        }
        if let subscription = schema.subscriptionType, schema.type(named: subscription)?.kind != .object {
            report("Subscription root type must be Object type if provided, it cannot be \(subscription).")
        }
    }

    mutating func validateDirectives() {
        for directive in schema.directives {
            validateName(directive.name)
            for argument in directive.arguments {
                validateName(argument.name)
                if !isInputType(argument.type) {
                    report("The type of @\(directive.name)(\(argument.name):) must be Input Type but got: \(argument.type).")
                }
                if isRequired(argument), argument.deprecationReason != nil {
                    report("Required argument @\(directive.name)(\(argument.name):) cannot be deprecated.")
                }
            }
        }
    }

    mutating func validateName(_ name: String) {
        if name.hasPrefix("__") {
            report("Name \"\(name)\" must not begin with \"__\", which is reserved by GraphQL introspection.")
        }
    }

    mutating func validateTypes() {
        var cycles = InputObjectCycleDetector()
        for name in schema.typeNames {
            guard let type = schema.type(named: name) else { continue }
            if !IntrospectionResolvers.introspectionTypeNames.contains(name) { validateName(name) }
            switch type.kind {
            case .object, .interface:
                validateFields(type)
                validateInterfaces(type)
            case .union:
                validateUnionMembers(type)
            case .enum:
                if type.enumValues.isEmpty { report("Enum type \(name) must define one or more values.") }
                for value in type.enumValues { validateName(value.name) }
            case .inputObject:
                validateInputFields(type)
                for message in cycles.detect(type, in: schema) { report(message) }
            case .scalar:
                break
            }
        }
    }

    private mutating func validateFields(_ type: GraphQLNamedType) {
        if type.fields.isEmpty { report("Type \(type.name) must define one or more fields.") }
        for field in type.fields {
            validateName(field.name)
            if !isOutputType(field.type) {
                report("The type of \(type.name).\(field.name) must be Output Type but got: \(field.type).")
            }
            for argument in field.arguments {
                validateName(argument.name)
                if !isInputType(argument.type) {
                    report("The type of \(type.name).\(field.name)(\(argument.name):) must be Input Type but got: \(argument.type).")
                }
                if isRequired(argument), argument.deprecationReason != nil {
                    report("Required argument \(type.name).\(field.name)(\(argument.name):) cannot be deprecated.")
                }
            }
        }
    }

    private mutating func validateUnionMembers(_ union: GraphQLNamedType) {
        if union.unionMembers.isEmpty { report("Union type \(union.name) must define one or more member types.") }
        var seen: Set<String> = []
        for member in union.unionMembers {
            guard seen.insert(member).inserted else {
                report("Union type \(union.name) can only include type \(member) once.")
                continue
            }
            if schema.type(named: member)?.kind != .object {
                report("Union type \(union.name) can only include Object types, it cannot include \(member).")
            }
        }
    }

    private mutating func validateInputFields(_ input: GraphQLNamedType) {
        if input.inputFields.isEmpty { report("Input Object type \(input.name) must define one or more fields.") }
        for field in input.inputFields {
            validateName(field.name)
            if !isInputType(field.type) {
                report("The type of \(input.name).\(field.name) must be Input Type but got: \(field.type).")
            }
            if isRequired(field), field.deprecationReason != nil {
                report("Required input field \(input.name).\(field.name) cannot be deprecated.")
            }
            if input.isOneOf {
                if field.type.isNonNull { report("OneOf input field \(input.name).\(field.name) must be nullable.") }
                if field.defaultValueNode != nil {
                    report("OneOf input field \(input.name).\(field.name) cannot have a default value.")
                }
            }
        }
    }

    func isInputType(_ type: GraphQLTypeReference) -> Bool {
        schema.type(named: type.namedType)?.kind.isInput ?? false
    }

    func isOutputType(_ type: GraphQLTypeReference) -> Bool {
        schema.type(named: type.namedType)?.kind.isOutput ?? false
    }

    /// graphql-js `isRequiredArgument` / `isRequiredInputField`: non-null without a default.
    func isRequired(_ value: GraphQLInputValue) -> Bool {
        value.type.isNonNull && value.defaultValueNode == nil
    }
}

/// Finds input objects that contain themselves through non-null fields (spec: "Input Objects
/// ... must not contain ... a reference to itself through non-null fields").
struct InputObjectCycleDetector {
    private var visited: Set<String> = []
    private var fieldPath: [String] = []
    private var pathIndexByType: [String: Int] = [:]

    mutating func detect(_ type: GraphQLNamedType, in schema: GraphQLSchema) -> [String] {
        var messages: [String] = []
        detect(type, in: schema, messages: &messages)
        return messages
    }

    private mutating func detect(_ type: GraphQLNamedType, in schema: GraphQLSchema, messages: inout [String]) {
        guard visited.insert(type.name).inserted else { return }
        pathIndexByType[type.name] = fieldPath.count
        for field in type.inputFields {
            guard case .nonNull(.named(let fieldTypeName)) = field.type,
                let fieldType = schema.type(named: fieldTypeName), fieldType.kind == .inputObject
            else { continue }
            fieldPath.append(field.name)
            if let cycleIndex = pathIndexByType[fieldTypeName] {
                let path = fieldPath[cycleIndex...].joined(separator: ".")
                messages.append(
                    "Cannot reference Input Object \"\(fieldTypeName)\" within itself through a series of non-null fields: \"\(path)\".")
            } else {
                detect(fieldType, in: schema, messages: &messages)
            }
            fieldPath.removeLast()
        }
        pathIndexByType[type.name] = nil
    }
}
