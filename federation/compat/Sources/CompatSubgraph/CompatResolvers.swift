import GraphQLCore
import Subgraph

/// The resolvers of the compatibility subgraph: root fields, entity references and the one
/// computed field (`User.averageProductsCreatedPerYear`, from its `@requires` fields).
enum CompatResolvers {
    /// Builds the executable schema: the federation layer over `CompatSchema.sdl`, with every
    /// resolver installed.
    static func makeSchema() throws -> GraphQLSchema {
        var builder = try FederatedSchemaBuilder(sdl: CompatSchema.sdl)
        builder.setEntityResolver(typeName: "Product") { representations, _ in representations.map(product(for:)) }
        builder.setEntityResolver(typeName: "DeprecatedProduct") { representations, _ in
            representations.map { deprecatedProduct(sku: $0["sku"]?.stringValue, package: $0["package"]?.stringValue) }
        }
        builder.setEntityResolver(typeName: "ProductResearch") { representations, _ in
            representations.map { representation in
                let caseNumber = representation["study"]?["caseNumber"]?.stringValue
                return .value(CompatData.research.first { $0["study"]?["caseNumber"]?.stringValue == caseNumber } ?? .null)
            }
        }
        builder.setEntityResolver(typeName: "User") { representations, _ in representations.map(user(for:)) }
        builder.setEntityResolver(typeName: "Inventory") { representations, _ in
            representations.map { representation in
                .value(CompatData.inventories.first { $0["id"] == representation["id"] } ?? .null)
            }
        }
        var schema = try builder.build()
        schema.setResolver(typeName: "Query", fieldName: "product") { _, arguments, _ in
            .value(CompatData.products.first { $0["id"] == arguments["id"] } ?? .null)
        }
        schema.setResolver(typeName: "Query", fieldName: "deprecatedProduct") { _, arguments, _ in
            deprecatedProduct(sku: arguments["sku"]?.stringValue, package: arguments["package"]?.stringValue)
        }
        schema.setResolver(typeName: "User", fieldName: "averageProductsCreatedPerYear", averageProductsCreatedPerYear)
        return schema
    }

    /// A product by any of its three keys: `id`, `sku package`, `sku variation { id }`.
    static func product(for representation: GraphQLObject) -> ResolvedValue {
        let found: GraphQLValue?
        if let id = representation["id"] {
            found = CompatData.products.first { $0["id"] == id }
        } else if let sku = representation["sku"], let package = representation["package"] {
            found = CompatData.products.first { $0["sku"] == sku && $0["package"] == package }
        } else if let sku = representation["sku"], let variation = representation["variation"]?["id"] {
            found = CompatData.products.first { $0["sku"] == sku && $0["variation"]?["id"] == variation }
        } else {
            found = nil
        }
        return .value(found ?? .null)
    }

    static func deprecatedProduct(sku: String?, package: String?) -> ResolvedValue {
        let known = CompatData.deprecatedProduct
        guard sku != nil, sku == known["sku"]?.stringValue, package == known["package"]?.stringValue else { return .null }
        return .value(known)
    }

    /// The user of a representation: this subgraph knows any user by email, and keeps the
    /// `@requires` fields (`totalProductsCreated`, `yearsOfEmployment`) the router sends.
    static func user(for representation: GraphQLObject) -> ResolvedValue {
        guard let email = representation["email"], !email.isNull else { return .null }
        var user = GraphQLObject([("email", email), ("name", "Jane Smith"), ("totalProductsCreated", 1337)])
        if let total = representation["totalProductsCreated"], !total.isNull { user["totalProductsCreated"] = total }
        if let years = representation["yearsOfEmployment"], !years.isNull { user["yearsOfEmployment"] = years }
        return .value(.object(user))
    }

    /// `totalProductsCreated / yearsOfEmployment`, rounded, from the `@requires` fields.
    static let averageProductsCreatedPerYear: FieldResolver = { source, _, _ in
        guard case .value(let user) = source else { return .null }
        guard user["email"]?.stringValue == CompatData.supportEmail else {
            throw GraphQLError(message: "user.email was not '\(CompatData.supportEmail)'")
        }
        guard let total = user["totalProductsCreated"]?.numberValue, let years = user["yearsOfEmployment"]?.numberValue, years != 0 else {
            return .null
        }
        return .value(.int(Int((total / years).rounded())))
    }
}

extension GraphQLValue {
    /// The string of a `.string` value.
    var stringValue: String? {
        if case .string(let string) = self { return string }
        return nil
    }

    /// The number of an `.int` or `.double` value.
    var numberValue: Double? {
        switch self {
        case .int(let int): Double(int)
        case .double(let double): double
        default: nil
        }
    }
}
