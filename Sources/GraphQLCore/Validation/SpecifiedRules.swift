// The rules of spec §5, in graphql-js 16's `specifiedRules` order.

/// Every validation rule of the GraphQL specification (October 2021), in the order
/// graphql-js 16 runs them, which is the order their errors are reported in.
public let specifiedRules: [ValidationRule] = [
    ValidationRule(name: "ExecutableDefinitionsRule") { ExecutableDefinitionsRule(context: $0) },
    ValidationRule(name: "UniqueOperationNamesRule") { UniqueOperationNamesRule(context: $0) },
    ValidationRule(name: "LoneAnonymousOperationRule") { LoneAnonymousOperationRule(context: $0) },
    ValidationRule(name: "SingleFieldSubscriptionsRule") { SingleFieldSubscriptionsRule(context: $0) },
    ValidationRule(name: "KnownTypeNamesRule") { KnownTypeNamesRule(context: $0) },
    ValidationRule(name: "FragmentsOnCompositeTypesRule") { FragmentsOnCompositeTypesRule(context: $0) },
    ValidationRule(name: "VariablesAreInputTypesRule") { VariablesAreInputTypesRule(context: $0) },
    ValidationRule(name: "ScalarLeafsRule") { ScalarLeafsRule(context: $0) },
    ValidationRule(name: "FieldsOnCorrectTypeRule") { FieldsOnCorrectTypeRule(context: $0) },
    ValidationRule(name: "UniqueFragmentNamesRule") { UniqueFragmentNamesRule(context: $0) },
    ValidationRule(name: "KnownFragmentNamesRule") { KnownFragmentNamesRule(context: $0) },
    ValidationRule(name: "NoUnusedFragmentsRule") { NoUnusedFragmentsRule(context: $0) },
    ValidationRule(name: "PossibleFragmentSpreadsRule") { PossibleFragmentSpreadsRule(context: $0) },
    ValidationRule(name: "NoFragmentCyclesRule") { NoFragmentCyclesRule(context: $0) },
    ValidationRule(name: "UniqueVariableNamesRule") { UniqueVariableNamesRule(context: $0) },
    ValidationRule(name: "NoUndefinedVariablesRule") { NoUndefinedVariablesRule(context: $0) },
    ValidationRule(name: "NoUnusedVariablesRule") { NoUnusedVariablesRule(context: $0) },
    ValidationRule(name: "KnownDirectivesRule") { KnownDirectivesRule(context: $0) },
    ValidationRule(name: "UniqueDirectivesPerLocationRule") { UniqueDirectivesPerLocationRule(context: $0) },
    ValidationRule(name: "KnownArgumentNamesRule") { KnownArgumentNamesRule(context: $0) },
    ValidationRule(name: "UniqueArgumentNamesRule") { UniqueArgumentNamesRule(context: $0) },
    ValidationRule(name: "ValuesOfCorrectTypeRule") { ValuesOfCorrectTypeRule(context: $0) },
    ValidationRule(name: "ProvidedRequiredArgumentsRule") { ProvidedRequiredArgumentsRule(context: $0) },
    ValidationRule(name: "VariablesInAllowedPositionRule") { VariablesInAllowedPositionRule(context: $0) },
    ValidationRule(name: "OverlappingFieldsCanBeMergedRule") { OverlappingFieldsCanBeMergedRule(context: $0) },
    ValidationRule(name: "UniqueInputFieldNamesRule") { UniqueInputFieldNamesRule(context: $0) },
]
