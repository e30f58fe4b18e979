extension Parser {
    /// ```
    /// Value[Const] :
    ///   - [~Const] Variable
    ///   - IntValue
    ///   - FloatValue
    ///   - StringValue
    ///   - BooleanValue
    ///   - NullValue
    ///   - EnumValue
    ///   - ListValue[?Const]
    ///   - ObjectValue[?Const]
    ///
    /// BooleanValue : one of `true` `false`
    /// NullValue : `null`
    /// EnumValue : Name but not `true`, `false` or `null`
    /// ```
    mutating func parseValueLiteral(isConst: Bool) throws(GraphQLError) -> ValueNode {
        let token = lexer.current
        switch token.kind {
        case .bracketLeft:
            return .list(try parseList(isConst: isConst))
        case .braceLeft:
            return .object(try parseObject(isConst: isConst))
        case .int:
            try advance()
            return .int(IntValueNode(value: lexer.text(of: token), loc: loc(from: token)))
        case .float:
            try advance()
            return .float(FloatValueNode(value: lexer.text(of: token), loc: loc(from: token)))
        case .string, .blockString:
            return .string(try parseStringLiteral())
        case .name:
            try advance()
            if lexer.isText(of: token, "true") {
                return .boolean(BooleanValueNode(value: true, loc: loc(from: token)))
            }
            if lexer.isText(of: token, "false") {
                return .boolean(BooleanValueNode(value: false, loc: loc(from: token)))
            }
            if lexer.isText(of: token, "null") {
                return .null(NullValueNode(loc: loc(from: token)))
            }
            return .enumValue(EnumValueNode(value: lexer.text(of: token), loc: loc(from: token)))
        case .dollar:
            if isConst {
                try expectToken(.dollar)
                guard lexer.current.kind == .name else {
                    throw unexpected(token)
                }
                throw syntaxError(
                    "Unexpected variable \"$\(lexer.text(of: lexer.current))\" in constant value.", at: token.start)
            }
            return .variable(try parseVariable())
        default:
            throw unexpected()
        }
    }

    /// ```
    /// StringValue ::
    ///   - `""` [lookahead != `"`]
    ///   - `"` StringCharacter+ `"`
    ///   - `"""` BlockStringCharacter* `"""`
    /// ```
    mutating func parseStringLiteral() throws(GraphQLError) -> StringValueNode {
        let token = lexer.current
        let value = try lexer.value(of: token) ?? ""
        try advance()
        return StringValueNode(value: value, block: token.kind == .blockString, loc: loc(from: token))
    }

    /// ```
    /// ListValue[Const] :
    ///   - [ ]
    ///   - [ Value[?Const]+ ]
    /// ```
    mutating func parseList(isConst: Bool) throws(GraphQLError) -> ListValueNode {
        let start = lexer.current
        let values = try nested { parser throws(GraphQLError) in
            try parser.zeroOrMore(.bracketLeft, .bracketRight) { parser throws(GraphQLError) in
                try parser.parseValueLiteral(isConst: isConst)
            }
        }
        return ListValueNode(values: values, loc: loc(from: start))
    }

    /// ```
    /// ObjectValue[Const] :
    ///   - { }
    ///   - { ObjectField[?Const]+ }
    /// ```
    mutating func parseObject(isConst: Bool) throws(GraphQLError) -> ObjectValueNode {
        let start = lexer.current
        let fields = try nested { parser throws(GraphQLError) in
            try parser.zeroOrMore(.braceLeft, .braceRight) { parser throws(GraphQLError) in
                try parser.parseObjectField(isConst: isConst)
            }
        }
        return ObjectValueNode(fields: fields, loc: loc(from: start))
    }

    /// ```
    /// ObjectField[Const] : Name : Value[?Const]
    /// ```
    mutating func parseObjectField(isConst: Bool) throws(GraphQLError) -> ObjectFieldNode {
        let start = lexer.current
        let name = try parseName()
        try expectToken(.colon)
        let value = try parseValueLiteral(isConst: isConst)
        return ObjectFieldNode(name: name, value: value, loc: loc(from: start))
    }

    /// ```
    /// Directives[Const] : Directive[?Const]+
    /// ```
    mutating func parseDirectives(isConst: Bool) throws(GraphQLError) -> [DirectiveNode] {
        var directives: [DirectiveNode] = []
        while peek(.at) {
            directives.append(try parseDirective(isConst: isConst))
        }
        return directives
    }

    /// ```
    /// Directive[Const] : @ Name Arguments[?Const]?
    /// ```
    mutating func parseDirective(isConst: Bool) throws(GraphQLError) -> DirectiveNode {
        let start = lexer.current
        try expectToken(.at)
        let name = try parseName()
        let arguments = try parseArguments(isConst: isConst)
        return DirectiveNode(name: name, arguments: arguments, loc: loc(from: start))
    }

    /// ```
    /// Type :
    ///   - NamedType
    ///   - ListType
    ///   - NonNullType
    /// ListType : [ Type ]
    /// NonNullType :
    ///   - NamedType !
    ///   - ListType !
    /// ```
    mutating func parseTypeReference() throws(GraphQLError) -> TypeNode {
        let start = lexer.current
        let type: TypeNode
        if try expectOptionalToken(.bracketLeft) {
            let itemType = try nested { parser throws(GraphQLError) in try parser.parseTypeReference() }
            try expectToken(.bracketRight)
            type = .list(ListTypeNode(type: itemType, loc: loc(from: start)))
        } else {
            type = .named(try parseNamedType())
        }
        if try expectOptionalToken(.bang) {
            return .nonNull(NonNullTypeNode(type: type, loc: loc(from: start)))
        }
        return type
    }

    /// ```
    /// NamedType : Name
    /// ```
    mutating func parseNamedType() throws(GraphQLError) -> NamedTypeNode {
        let start = lexer.current
        let name = try parseName()
        return NamedTypeNode(name: name, loc: loc(from: start))
    }
}
