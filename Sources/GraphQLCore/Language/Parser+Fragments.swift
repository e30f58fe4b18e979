extension Parser {
    /// Corresponds to both FragmentSpread and InlineFragment in the spec.
    ///
    /// ```
    /// FragmentSpread : ... FragmentName Directives?
    /// InlineFragment : ... TypeCondition? Directives? SelectionSet
    /// ```
    mutating func parseFragment() throws(GraphQLError) -> SelectionNode {
        let start = lexer.current
        try expectToken(.spread)
        let hasTypeCondition = try expectOptionalKeyword("on")
        if !hasTypeCondition && peek(.name) {
            let name = try parseFragmentName()
            let directives = try parseDirectives(isConst: false)
            return .fragmentSpread(FragmentSpreadNode(name: name, directives: directives, loc: loc(from: start)))
        }
        let typeCondition = hasTypeCondition ? try parseNamedType() : nil
        let directives = try parseDirectives(isConst: false)
        let selectionSet = try parseSelectionSet()
        return .inlineFragment(
            InlineFragmentNode(
                typeCondition: typeCondition, directives: directives, selectionSet: selectionSet,
                loc: loc(from: start)))
    }

    /// ```
    /// FragmentDefinition : fragment FragmentName TypeCondition Directives? SelectionSet
    /// TypeCondition : on NamedType
    /// ```
    mutating func parseFragmentDefinition() throws(GraphQLError) -> FragmentDefinitionNode {
        let start = lexer.current
        try expectKeyword("fragment")
        let name = try parseFragmentName()
        try expectKeyword("on")
        let typeCondition = try parseNamedType()
        let directives = try parseDirectives(isConst: false)
        let selectionSet = try parseSelectionSet()
        return FragmentDefinitionNode(
            name: name, typeCondition: typeCondition, directives: directives, selectionSet: selectionSet,
            loc: loc(from: start))
    }

    /// ```
    /// FragmentName : Name but not `on`
    /// ```
    mutating func parseFragmentName() throws(GraphQLError) -> NameNode {
        if hasValue(lexer.current, "on") {
            throw unexpected()
        }
        return try parseName()
    }
}
