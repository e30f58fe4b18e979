extension Parser {
    /// ```
    /// Name :: NameStart NameContinue* [lookahead != NameContinue]
    /// ```
    mutating func parseName() throws(GraphQLError) -> NameNode {
        let token = try expectToken(.name)
        return NameNode(lexer.text(of: token), loc: loc(from: token))
    }

    /// ```
    /// Document : Definition+
    /// ```
    mutating func parseDocument() throws(GraphQLError) -> DocumentNode {
        let start = lexer.current
        let definitions = try many(.startOfFile, .endOfFile) { parser throws(GraphQLError) in
            try parser.parseDefinition()
        }
        return DocumentNode(definitions: definitions, loc: loc(from: start))
    }

    /// ```
    /// Definition :
    ///   - ExecutableDefinition
    ///   - TypeSystemDefinition
    ///   - TypeSystemExtension
    ///
    /// ExecutableDefinition :
    ///   - OperationDefinition
    ///   - FragmentDefinition
    ///
    /// TypeSystemDefinition :
    ///   - SchemaDefinition
    ///   - TypeDefinition
    ///   - DirectiveDefinition
    /// ```
    mutating func parseDefinition() throws(GraphQLError) -> DefinitionNode {
        if peek(.braceLeft) {
            return .operation(try parseOperationDefinition())
        }
        // Only type system definitions may have a description, so it decides by the keyword
        // after it.
        let hasDescription = peekDescription()
        let keywordToken = hasDescription ? try lexer.lookaheadRaw() : lexer.current
        if keywordToken.kind == .name {
            switch lexer.text(of: keywordToken) {
            case "schema": return .schema(try parseSchemaDefinition())
            case "scalar": return .scalarType(try parseScalarTypeDefinition())
            case "type": return .objectType(try parseObjectTypeDefinition())
            case "interface": return .interfaceType(try parseInterfaceTypeDefinition())
            case "union": return .unionType(try parseUnionTypeDefinition())
            case "enum": return .enumType(try parseEnumTypeDefinition())
            case "input": return .inputObjectType(try parseInputObjectTypeDefinition())
            case "directive": return .directive(try parseDirectiveDefinition())
            default: break
            }
            if hasDescription {
                throw syntaxError(
                    "Unexpected description, descriptions are supported only on type definitions.",
                    at: lexer.current.start)
            }
            switch lexer.text(of: keywordToken) {
            case "query", "mutation", "subscription": return .operation(try parseOperationDefinition())
            case "fragment": return .fragment(try parseFragmentDefinition())
            case "extend": return try parseTypeSystemExtension()
            default: break
            }
        }
        throw unexpected(keywordToken)
    }

    /// ```
    /// OperationDefinition :
    ///   - SelectionSet
    ///   - OperationType Name? VariableDefinitions? Directives? SelectionSet
    /// ```
    mutating func parseOperationDefinition() throws(GraphQLError) -> OperationDefinitionNode {
        let start = lexer.current
        if peek(.braceLeft) {
            let selectionSet = try parseSelectionSet()
            return OperationDefinitionNode(operation: .query, selectionSet: selectionSet, loc: loc(from: start))
        }
        let operation = try parseOperationType()
        let name = peek(.name) ? try parseName() : nil
        let variableDefinitions = try parseVariableDefinitions()
        let directives = try parseDirectives(isConst: false)
        let selectionSet = try parseSelectionSet()
        return OperationDefinitionNode(
            operation: operation, name: name, variableDefinitions: variableDefinitions,
            directives: directives, selectionSet: selectionSet, loc: loc(from: start))
    }

    /// ```
    /// OperationType : one of query mutation subscription
    /// ```
    mutating func parseOperationType() throws(GraphQLError) -> OperationType {
        let token = try expectToken(.name)
        switch lexer.text(of: token) {
        case "query": return .query
        case "mutation": return .mutation
        case "subscription": return .subscription
        default: throw unexpected(token)
        }
    }

    /// ```
    /// VariableDefinitions : ( VariableDefinition+ )
    /// ```
    mutating func parseVariableDefinitions() throws(GraphQLError) -> [VariableDefinitionNode] {
        try optionalMany(.parenLeft, .parenRight) { parser throws(GraphQLError) in
            try parser.parseVariableDefinition()
        }
    }

    /// ```
    /// VariableDefinition : Variable : Type DefaultValue? Directives[Const]?
    /// DefaultValue : = Value[Const]
    /// ```
    mutating func parseVariableDefinition() throws(GraphQLError) -> VariableDefinitionNode {
        let start = lexer.current
        let variable = try parseVariable()
        try expectToken(.colon)
        let type = try parseTypeReference()
        let defaultValue = try expectOptionalToken(.equals) ? try parseValueLiteral(isConst: true) : nil
        let directives = try parseDirectives(isConst: true)
        return VariableDefinitionNode(
            variable: variable, type: type, defaultValue: defaultValue, directives: directives,
            loc: loc(from: start))
    }

    /// ```
    /// Variable : $ Name
    /// ```
    mutating func parseVariable() throws(GraphQLError) -> VariableNode {
        let start = lexer.current
        try expectToken(.dollar)
        let name = try parseName()
        return VariableNode(name: name, loc: loc(from: start))
    }

    /// ```
    /// SelectionSet : { Selection+ }
    /// ```
    mutating func parseSelectionSet() throws(GraphQLError) -> SelectionSetNode {
        let start = lexer.current
        let selections = try nested { parser throws(GraphQLError) in
            try parser.many(.braceLeft, .braceRight) { parser throws(GraphQLError) in
                try parser.parseSelection()
            }
        }
        return SelectionSetNode(selections: selections, loc: loc(from: start))
    }

    /// ```
    /// Selection :
    ///   - Field
    ///   - FragmentSpread
    ///   - InlineFragment
    /// ```
    mutating func parseSelection() throws(GraphQLError) -> SelectionNode {
        peek(.spread) ? try parseFragment() : .field(try parseField())
    }

    /// ```
    /// Field : Alias? Name Arguments? Directives? SelectionSet?
    /// Alias : Name :
    /// ```
    mutating func parseField() throws(GraphQLError) -> FieldNode {
        let start = lexer.current
        let nameOrAlias = try parseName()
        let alias: NameNode?
        let name: NameNode
        if try expectOptionalToken(.colon) {
            alias = nameOrAlias
            name = try parseName()
        } else {
            alias = nil
            name = nameOrAlias
        }
        let arguments = try parseArguments(isConst: false)
        let directives = try parseDirectives(isConst: false)
        let selectionSet = peek(.braceLeft) ? try parseSelectionSet() : nil
        return FieldNode(
            alias: alias, name: name, arguments: arguments, directives: directives,
            selectionSet: selectionSet, loc: loc(from: start))
    }

    /// ```
    /// Arguments[Const] : ( Argument[?Const]+ )
    /// ```
    mutating func parseArguments(isConst: Bool) throws(GraphQLError) -> [ArgumentNode] {
        try optionalMany(.parenLeft, .parenRight) { parser throws(GraphQLError) in
            try parser.parseArgument(isConst: isConst)
        }
    }

    /// ```
    /// Argument[Const] : Name : Value[?Const]
    /// ```
    mutating func parseArgument(isConst: Bool) throws(GraphQLError) -> ArgumentNode {
        let start = lexer.current
        let name = try parseName()
        try expectToken(.colon)
        let value = try parseValueLiteral(isConst: isConst)
        return ArgumentNode(name: name, value: value, loc: loc(from: start))
    }
}
