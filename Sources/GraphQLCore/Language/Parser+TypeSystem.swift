extension Parser {
    /// ```
    /// Description : StringValue
    /// ```
    func peekDescription() -> Bool {
        peek(.string) || peek(.blockString)
    }

    mutating func parseDescription() throws(GraphQLError) -> StringValueNode? {
        peekDescription() ? try parseStringLiteral() : nil
    }

    /// ```
    /// SchemaDefinition : Description? schema Directives[Const]? { RootOperationTypeDefinition+ }
    /// ```
    mutating func parseSchemaDefinition() throws(GraphQLError) -> SchemaDefinitionNode {
        let start = lexer.current
        let description = try parseDescription()
        try expectKeyword("schema")
        let directives = try parseDirectives(isConst: true)
        let operationTypes = try many(.braceLeft, .braceRight) { parser throws(GraphQLError) in
            try parser.parseOperationTypeDefinition()
        }
        return SchemaDefinitionNode(
            description: description, directives: directives, operationTypes: operationTypes,
            loc: loc(from: start))
    }

    /// ```
    /// RootOperationTypeDefinition : OperationType : NamedType
    /// ```
    mutating func parseOperationTypeDefinition() throws(GraphQLError) -> OperationTypeDefinitionNode {
        let start = lexer.current
        let operation = try parseOperationType()
        try expectToken(.colon)
        let type = try parseNamedType()
        return OperationTypeDefinitionNode(operation: operation, type: type, loc: loc(from: start))
    }

    /// ```
    /// ScalarTypeDefinition : Description? scalar Name Directives[Const]?
    /// ```
    mutating func parseScalarTypeDefinition() throws(GraphQLError) -> ScalarTypeDefinitionNode {
        let start = lexer.current
        let description = try parseDescription()
        try expectKeyword("scalar")
        let name = try parseName()
        let directives = try parseDirectives(isConst: true)
        return ScalarTypeDefinitionNode(
            description: description, name: name, directives: directives, loc: loc(from: start))
    }

    /// ```
    /// ObjectTypeDefinition :
    ///   Description? type Name ImplementsInterfaces? Directives[Const]? FieldsDefinition?
    /// ```
    mutating func parseObjectTypeDefinition() throws(GraphQLError) -> ObjectTypeDefinitionNode {
        let start = lexer.current
        let description = try parseDescription()
        try expectKeyword("type")
        let name = try parseName()
        let interfaces = try parseImplementsInterfaces()
        let directives = try parseDirectives(isConst: true)
        let fields = try parseFieldsDefinition()
        return ObjectTypeDefinitionNode(
            description: description, name: name, interfaces: interfaces, directives: directives,
            fields: fields, loc: loc(from: start))
    }

    /// ```
    /// ImplementsInterfaces :
    ///   - implements `&`? NamedType
    ///   - ImplementsInterfaces & NamedType
    /// ```
    mutating func parseImplementsInterfaces() throws(GraphQLError) -> [NamedTypeNode] {
        guard try expectOptionalKeyword("implements") else { return [] }
        return try delimitedMany(.ampersand) { parser throws(GraphQLError) in try parser.parseNamedType() }
    }

    /// ```
    /// FieldsDefinition : { FieldDefinition+ }
    /// ```
    mutating func parseFieldsDefinition() throws(GraphQLError) -> [FieldDefinitionNode] {
        try optionalMany(.braceLeft, .braceRight) { parser throws(GraphQLError) in
            try parser.parseFieldDefinition()
        }
    }

    /// ```
    /// FieldDefinition : Description? Name ArgumentsDefinition? : Type Directives[Const]?
    /// ```
    mutating func parseFieldDefinition() throws(GraphQLError) -> FieldDefinitionNode {
        let start = lexer.current
        let description = try parseDescription()
        let name = try parseName()
        let arguments = try parseArgumentDefinitions()
        try expectToken(.colon)
        let type = try parseTypeReference()
        let directives = try parseDirectives(isConst: true)
        return FieldDefinitionNode(
            description: description, name: name, arguments: arguments, type: type,
            directives: directives, loc: loc(from: start))
    }

    /// ```
    /// ArgumentsDefinition : ( InputValueDefinition+ )
    /// ```
    mutating func parseArgumentDefinitions() throws(GraphQLError) -> [InputValueDefinitionNode] {
        try optionalMany(.parenLeft, .parenRight) { parser throws(GraphQLError) in
            try parser.parseInputValueDefinition()
        }
    }

    /// ```
    /// InputValueDefinition : Description? Name : Type DefaultValue? Directives[Const]?
    /// ```
    mutating func parseInputValueDefinition() throws(GraphQLError) -> InputValueDefinitionNode {
        let start = lexer.current
        let description = try parseDescription()
        let name = try parseName()
        try expectToken(.colon)
        let type = try parseTypeReference()
        let defaultValue = try expectOptionalToken(.equals) ? try parseValueLiteral(isConst: true) : nil
        let directives = try parseDirectives(isConst: true)
        return InputValueDefinitionNode(
            description: description, name: name, type: type, defaultValue: defaultValue,
            directives: directives, loc: loc(from: start))
    }

    /// ```
    /// InterfaceTypeDefinition :
    ///   Description? interface Name ImplementsInterfaces? Directives[Const]? FieldsDefinition?
    /// ```
    mutating func parseInterfaceTypeDefinition() throws(GraphQLError) -> InterfaceTypeDefinitionNode {
        let start = lexer.current
        let description = try parseDescription()
        try expectKeyword("interface")
        let name = try parseName()
        let interfaces = try parseImplementsInterfaces()
        let directives = try parseDirectives(isConst: true)
        let fields = try parseFieldsDefinition()
        return InterfaceTypeDefinitionNode(
            description: description, name: name, interfaces: interfaces, directives: directives,
            fields: fields, loc: loc(from: start))
    }

    /// ```
    /// UnionTypeDefinition : Description? union Name Directives[Const]? UnionMemberTypes?
    /// ```
    mutating func parseUnionTypeDefinition() throws(GraphQLError) -> UnionTypeDefinitionNode {
        let start = lexer.current
        let description = try parseDescription()
        try expectKeyword("union")
        let name = try parseName()
        let directives = try parseDirectives(isConst: true)
        let types = try parseUnionMemberTypes()
        return UnionTypeDefinitionNode(
            description: description, name: name, directives: directives, types: types, loc: loc(from: start))
    }

    /// ```
    /// UnionMemberTypes :
    ///   - = `|`? NamedType
    ///   - UnionMemberTypes | NamedType
    /// ```
    mutating func parseUnionMemberTypes() throws(GraphQLError) -> [NamedTypeNode] {
        guard try expectOptionalToken(.equals) else { return [] }
        return try delimitedMany(.pipe) { parser throws(GraphQLError) in try parser.parseNamedType() }
    }

    /// ```
    /// EnumTypeDefinition : Description? enum Name Directives[Const]? EnumValuesDefinition?
    /// ```
    mutating func parseEnumTypeDefinition() throws(GraphQLError) -> EnumTypeDefinitionNode {
        let start = lexer.current
        let description = try parseDescription()
        try expectKeyword("enum")
        let name = try parseName()
        let directives = try parseDirectives(isConst: true)
        let values = try parseEnumValuesDefinition()
        return EnumTypeDefinitionNode(
            description: description, name: name, directives: directives, values: values, loc: loc(from: start))
    }

    /// ```
    /// EnumValuesDefinition : { EnumValueDefinition+ }
    /// ```
    mutating func parseEnumValuesDefinition() throws(GraphQLError) -> [EnumValueDefinitionNode] {
        try optionalMany(.braceLeft, .braceRight) { parser throws(GraphQLError) in
            try parser.parseEnumValueDefinition()
        }
    }

    /// ```
    /// EnumValueDefinition : Description? EnumValue Directives[Const]?
    /// ```
    mutating func parseEnumValueDefinition() throws(GraphQLError) -> EnumValueDefinitionNode {
        let start = lexer.current
        let description = try parseDescription()
        let name = try parseEnumValueName()
        let directives = try parseDirectives(isConst: true)
        return EnumValueDefinitionNode(
            description: description, name: name, directives: directives, loc: loc(from: start))
    }

    /// ```
    /// EnumValue : Name but not `true`, `false` or `null`
    /// ```
    mutating func parseEnumValueName() throws(GraphQLError) -> NameNode {
        let token = lexer.current
        if hasValue(token, "true") || hasValue(token, "false") || hasValue(token, "null") {
            throw syntaxError(
                "\(describe(token)) is reserved and cannot be used for an enum value.", at: token.start)
        }
        return try parseName()
    }

    /// ```
    /// InputObjectTypeDefinition : Description? input Name Directives[Const]? InputFieldsDefinition?
    /// ```
    mutating func parseInputObjectTypeDefinition() throws(GraphQLError) -> InputObjectTypeDefinitionNode {
        let start = lexer.current
        let description = try parseDescription()
        try expectKeyword("input")
        let name = try parseName()
        let directives = try parseDirectives(isConst: true)
        let fields = try parseInputFieldsDefinition()
        return InputObjectTypeDefinitionNode(
            description: description, name: name, directives: directives, fields: fields, loc: loc(from: start))
    }

    /// ```
    /// InputFieldsDefinition : { InputValueDefinition+ }
    /// ```
    mutating func parseInputFieldsDefinition() throws(GraphQLError) -> [InputValueDefinitionNode] {
        try optionalMany(.braceLeft, .braceRight) { parser throws(GraphQLError) in
            try parser.parseInputValueDefinition()
        }
    }

    /// ```
    /// DirectiveDefinition :
    ///   Description? directive @ Name ArgumentsDefinition? `repeatable`? on DirectiveLocations
    /// ```
    mutating func parseDirectiveDefinition() throws(GraphQLError) -> DirectiveDefinitionNode {
        let start = lexer.current
        let description = try parseDescription()
        try expectKeyword("directive")
        try expectToken(.at)
        let name = try parseName()
        let arguments = try parseArgumentDefinitions()
        let repeatable = try expectOptionalKeyword("repeatable")
        try expectKeyword("on")
        let locations = try parseDirectiveLocations()
        return DirectiveDefinitionNode(
            description: description, name: name, arguments: arguments, repeatable: repeatable,
            locations: locations, loc: loc(from: start))
    }

    /// ```
    /// DirectiveLocations :
    ///   - `|`? DirectiveLocation
    ///   - DirectiveLocations | DirectiveLocation
    /// ```
    mutating func parseDirectiveLocations() throws(GraphQLError) -> [NameNode] {
        try delimitedMany(.pipe) { parser throws(GraphQLError) in try parser.parseDirectiveLocation() }
    }

    /// ```
    /// DirectiveLocation :
    ///   - ExecutableDirectiveLocation
    ///   - TypeSystemDirectiveLocation
    /// ```
    mutating func parseDirectiveLocation() throws(GraphQLError) -> NameNode {
        let start = lexer.current
        let name = try parseName()
        guard DirectiveLocation(rawValue: name.value) != nil else {
            throw unexpected(start)
        }
        return name
    }
}
