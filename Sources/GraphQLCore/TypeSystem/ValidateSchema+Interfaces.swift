// Interface implementation rules (spec §3.6 "IsValidImplementation"), graphql-js messages.

extension SchemaValidator {
    mutating func validateInterfaces(_ type: GraphQLNamedType) {
        var seen: Set<String> = []
        for interfaceName in type.interfaces {
            guard let interface = schema.type(named: interfaceName), interface.kind == .interface else {
                report("Type \(type.name) must only implement Interface types, it cannot implement \(interfaceName).")
                continue
            }
            if interfaceName == type.name {
                report("Type \(type.name) cannot implement itself because it would create a circular reference.")
                continue
            }
            guard seen.insert(interfaceName).inserted else {
                report("Type \(type.name) can only implement \(interfaceName) once.")
                continue
            }
            validateImplementsAncestors(type, interface)
            validateImplementsInterface(type, interface)
        }
    }

    private mutating func validateImplementsAncestors(_ type: GraphQLNamedType, _ interface: GraphQLNamedType) {
        for transitive in interface.interfaces where !type.interfaces.contains(transitive) {
            if transitive == type.name {
                report("Type \(type.name) cannot implement \(interface.name) because it would create a circular reference.")
            } else {
                report("Type \(type.name) must implement \(transitive) because it is implemented by \(interface.name).")
            }
        }
    }

    private mutating func validateImplementsInterface(_ type: GraphQLNamedType, _ interface: GraphQLNamedType) {
        for interfaceField in interface.fields {
            let fieldName = interfaceField.name
            guard let typeField = type.field(named: fieldName) else {
                report("Interface field \(interface.name).\(fieldName) expected but \(type.name) does not provide it.")
                continue
            }
            if !isTypeSubType(typeField.type, of: interfaceField.type) {
                report(
                    "Interface field \(interface.name).\(fieldName) expects type \(interfaceField.type) but \(type.name).\(fieldName) is type \(typeField.type).")
            }
            for interfaceArgument in interfaceField.arguments {
                let argumentName = interfaceArgument.name
                guard let typeArgument = typeField.arguments.first(where: { $0.name == argumentName }) else {
                    report(
                        "Interface field argument \(interface.name).\(fieldName)(\(argumentName):) expected but \(type.name).\(fieldName) does not provide it.")
                    continue
                }
                if interfaceArgument.type != typeArgument.type {
                    report(
                        "Interface field argument \(interface.name).\(fieldName)(\(argumentName):) expects type \(interfaceArgument.type) but \(type.name).\(fieldName)(\(argumentName):) is type \(typeArgument.type).")
                }
            }
            for typeArgument in typeField.arguments
            where isRequired(typeArgument) && !interfaceField.arguments.contains(where: { $0.name == typeArgument.name }) {
                report(
                    "Object field \(type.name).\(fieldName) includes required argument \(typeArgument.name) that is missing from the Interface field \(interface.name).\(fieldName).")
            }
        }
    }

    /// graphql-js `isTypeSubTypeOf`: covariance of field types for interface implementations.
    func isTypeSubType(_ maybeSubType: GraphQLTypeReference, of superType: GraphQLTypeReference) -> Bool {
        if maybeSubType == superType { return true }
        switch (maybeSubType, superType) {
        case (.nonNull(let sub), .nonNull(let sup)): return isTypeSubType(sub, of: sup)
        case (_, .nonNull): return false
        case (.nonNull(let sub), _): return isTypeSubType(sub, of: superType)
        case (.list(let sub), .list(let sup)): return isTypeSubType(sub, of: sup)
        case (_, .list), (.list, _): return false
        case (.named(let sub), .named(let sup)):
            guard let superKind = schema.type(named: sup)?.kind, superKind.isAbstract,
                let subKind = schema.type(named: sub)?.kind, subKind == .object || subKind == .interface
            else { return false }
            return schema.isSubType(sub, of: sup)
        }
    }
}
