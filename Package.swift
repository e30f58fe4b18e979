// swift-tools-version:6.2
// Maestro Composer: a multi-tenant workflow orchestration backend.
// Module layout and dependency direction follow DESIGN.md §2:
//   mc → Subgraph → {Resolvers, GraphQLCore}; Resolvers → {Engine, GraphQLCore}; Engine → {Postgres, Redis}.
// GraphQLCore imports nothing of ours; Engine never imports GraphQL or HTTP.
import PackageDescription

let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "maestro-composer",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "mc", targets: ["mc"]),
        .library(name: "GraphQLCore", targets: ["GraphQLCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.7.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "5.0.1"),
    ],
    targets: [
        // C interop: system libraries from Debian (libpq-dev, libhiredis-dev).
        .systemLibrary(name: "CLibPQ", path: "Sources/CLibPQ"),
        .systemLibrary(name: "CHiredis", path: "Sources/CHiredis"),

        // Build tool that turns text files (SQL migrations, shell scripts, SDL) into Swift string
        // constants, so `mc` carries them and runs from any directory.
        .executableTarget(name: "EmbedFiles", path: "Sources/EmbedFiles", swiftSettings: strict),
        .plugin(name: "EmbedFilesPlugin", capability: .buildTool(), dependencies: ["EmbedFiles"]),

        .target(name: "GraphQLCore", swiftSettings: strict),
        // The bounded pool behind both database clients (waiters, timeouts, broken-connection replacement).
        .target(name: "ConnectionPool", swiftSettings: strict),
        .target(
            name: "Postgres",
            dependencies: ["CLibPQ", "ConnectionPool", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),
        .target(
            name: "Redis",
            dependencies: ["CHiredis", "ConnectionPool", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),
        .target(
            name: "Engine",
            dependencies: [
                "Postgres", "Redis",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            exclude: ["Store/Migrations", "embed.list"],
            swiftSettings: strict,
            plugins: ["EmbedFilesPlugin"]
        ),
        .target(
            name: "Resolvers", dependencies: ["Engine", "GraphQLCore"],
            exclude: ["embed.list"], swiftSettings: strict, plugins: ["EmbedFilesPlugin"]),
        .target(
            name: "Subgraph",
            dependencies: [
                "Resolvers", "GraphQLCore", "Engine", "Postgres", "Redis",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "JWTKit", package: "jwt-kit"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "mc",
            dependencies: [
                "Subgraph", "Engine", "Postgres", "Redis", "GraphQLCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            exclude: ["embed.list"],
            swiftSettings: strict,
            plugins: ["EmbedFilesPlugin"]
        ),

        // The Apollo Federation compatibility example subgraph (federation/compat/README.md): proves
        // Subgraph's federation layer works for any schema.
        .target(
            name: "CompatSubgraph",
            dependencies: ["Subgraph", "GraphQLCore", .product(name: "Hummingbird", package: "hummingbird")],
            path: "federation/compat/Sources/CompatSubgraph", exclude: ["embed.list"], swiftSettings: strict,
            plugins: ["EmbedFilesPlugin"]),
        .executableTarget(
            name: "compat-subgraph",
            dependencies: [
                "CompatSubgraph",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            path: "federation/compat/Sources/compat-subgraph", swiftSettings: strict),

        .testTarget(
            name: "GraphQLCoreTests", dependencies: ["GraphQLCore"],
            // The differential corpus and the graphql-js reference script are read from disk by the tests.
            exclude: ["Corpus", "graphql-reference.js", "graphql-execute-reference.js", "graphql-validate-reference.js", "graphql-schema-reference.js"], swiftSettings: strict),
        // Helpers the test targets share: free ports, child processes, throwaway servers.
        .target(
            name: "TestSupport",
            dependencies: [
                "Postgres",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Tests/TestSupport", swiftSettings: strict),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "RedisTests", dependencies: ["Redis", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "Postgres", "TestSupport", .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")], swiftSettings: strict),
        .testTarget(
            name: "ResolversTests",
            dependencies: ["Resolvers", "Subgraph", "Engine", "Postgres", "GraphQLCore", "TestSupport", .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")], swiftSettings: strict),
        .testTarget(
            name: "SubgraphTests",
            dependencies: [
                "Subgraph", "Resolvers", "Engine", "Postgres", "Redis", "TestSupport", "GraphQLCore",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "CompatSubgraphTests",
            dependencies: ["CompatSubgraph", "Subgraph", "GraphQLCore", .product(name: "HummingbirdTesting", package: "hummingbird")],
            swiftSettings: strict),
        .testTarget(name: "IntegrationTests", dependencies: ["TestSupport", "Engine", "Postgres", "Redis"], swiftSettings: strict),
    ]
)
