// Resolvers: binds schema.graphql fields to Engine calls (issue 5).
