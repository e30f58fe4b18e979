// The products subgraph schema of Apollo's subgraph compatibility suite, as a Swift literal so the
// binary runs from any directory. Keep it identical to `federation/compat/products.graphql`
// (CompatSchemaTests compares them).

/// The SDL the compatibility example serves: the suite's `products` schema (Federation v2.3).
public enum CompatSchema {
    /// `federation/compat/products.graphql`, verbatim.
    public static let sdl = """
    extend schema
      @link(
        url: "https://specs.apollo.dev/federation/v2.3"
        import: [
          "@composeDirective"
          "@extends"
          "@external"
          "@inaccessible"
          "@interfaceObject"
          "@key"
          "@override"
          "@provides"
          "@requires"
          "@shareable"
          "@tag"
        ]
      )
      @link(url: "https://myspecs.dev/myCustomDirective/v1.0", import: ["@custom"])
      @composeDirective(name: "@custom")

    directive @custom on OBJECT

    type Product
      @custom
      @key(fields: "id")
      @key(fields: "sku package")
      @key(fields: "sku variation { id }") {
      id: ID!
      sku: String
      package: String
      variation: ProductVariation
      dimensions: ProductDimension
      createdBy: User @provides(fields: "totalProductsCreated")
      notes: String @tag(name: "internal")
      research: [ProductResearch!]!
    }

    type DeprecatedProduct @key(fields: "sku package") {
      sku: String!
      package: String!
      reason: String
      createdBy: User
    }

    type ProductVariation {
      id: ID!
    }

    type ProductResearch @key(fields: "study { caseNumber }") {
      study: CaseStudy!
      outcome: String
    }

    type CaseStudy {
      caseNumber: ID!
      description: String
    }

    type ProductDimension @shareable {
      size: String
      weight: Float
      unit: String @inaccessible
    }

    extend type Query {
      product(id: ID!): Product
      deprecatedProduct(sku: String!, package: String!): DeprecatedProduct @deprecated(reason: "Use product query instead")
    }

    extend type User @key(fields: "email") {
      averageProductsCreatedPerYear: Int @requires(fields: "totalProductsCreated yearsOfEmployment")
      email: ID! @external
      name: String @override(from: "users")
      totalProductsCreated: Int @external
      yearsOfEmployment: Int! @external
    }

    type Inventory @interfaceObject @key(fields: "id") {
      id: ID!
      deprecatedProducts: [DeprecatedProduct!]!
    }
    """
}
