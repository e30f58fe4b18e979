import GraphQLCore

/// The data set every implementation of the compatibility suite's `products` subgraph serves,
/// as JSON values the default field resolver reads.
enum CompatData {
    static let supportEmail = "support@apollographql.com"

    /// The user every product was created by, as this subgraph knows it (`name` is overridden
    /// from the users subgraph; `totalProductsCreated` is provided on `Product.createdBy`).
    static let user: GraphQLValue = [
        "email": .string(supportEmail), "name": "Jane Smith", "totalProductsCreated": 1337,
    ]

    static let dimensions: GraphQLValue = ["size": "small", "weight": 1.0, "unit": "kg"]

    static let research: [GraphQLValue] = [
        ["study": ["caseNumber": "1234", "description": "Federation Study"], "outcome": nil],
        ["study": ["caseNumber": "1235", "description": "Studio Study"], "outcome": nil],
    ]

    static let products: [GraphQLValue] = [
        product(id: "apollo-federation", sku: "federation", package: "@apollo/federation", variation: "OSS", research: research[0]),
        product(id: "apollo-studio", sku: "studio", package: "", variation: "platform", research: research[1]),
    ]

    static let deprecatedProduct: GraphQLValue = [
        "sku": "apollo-federation-v1", "package": "@apollo/federation-v1", "reason": "Migrate to Federation V2", "createdBy": user,
    ]

    static let inventories: [GraphQLValue] = [
        ["id": "apollo-oss", "deprecatedProducts": [deprecatedProduct]]
    ]

    private static func product(id: String, sku: String, package: String, variation: String, research: GraphQLValue) -> GraphQLValue {
        [
            "id": .string(id), "sku": .string(sku), "package": .string(package), "variation": ["id": .string(variation)],
            "dimensions": dimensions, "createdBy": user, "notes": nil, "research": [research],
        ]
    }
}
