import GraphQLCore
import Subgraph

/// The SDL, queries and helpers the federation layer's tests share.
enum FederationFixtures {
    /// A small subgraph: entities by one and two keys, a non-resolvable key, an interface object,
    /// and a plain type.
    static let shopSDL = """
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@interfaceObject"])

        type Query {
          shop: String
        }

        type Book @key(fields: "isbn") {
          isbn: ID!
          title: String
        }

        type Pen @key(fields: "id") @key(fields: "brand model") {
          id: ID!
          brand: String
          model: String
        }

        type Review @key(fields: "id", resolvable: false) {
          id: ID!
        }

        type Shelf @interfaceObject @key(fields: "id") {
          id: ID!
          size: Int
        }

        type Note {
          text: String
        }
        """

    /// `_entities` over `$representations`, selecting `__typename` and a few fields of each entity.
    static let entitiesQuery = """
        query ($representations: [_Any!]!) {
          _entities(representations: $representations) {
            __typename
            ... on Book { isbn title }
            ... on Pen { id brand }
          }
        }
        """

    /// Executes a request and returns the response as a value.
    static func run(_ schema: GraphQLSchema, _ query: String, _ variables: GraphQLObject = GraphQLObject()) async -> GraphQLValue {
        await graphql(schema: schema, request: query, variableValues: variables).asValue
    }

    /// The variables `{representations: [...]}`.
    static func representations(_ values: [GraphQLValue]) -> GraphQLObject {
        GraphQLObject([("representations", .list(values))])
    }

    /// The list index an error's path ends with (errors of concurrent items arrive in any order).
    static func index(_ error: GraphQLError) -> Int {
        if case .index(let index)? = error.path.last { return index }
        return -1
    }
}
