// swift-tools-version:6.2
// GraphQL engine benchmarks (issue 3): our GraphQLCore against GraphQLSwift 4.3 in one process,
// and against graphql-js 16 through graphql-js-bench.js. Run Benchmarks/graphql-bench.sh.
// A separate package so that the root package never depends on the peer engine.
// The folder is not called `GraphQL`: SwiftPM names a package after its folder, and that identity,
// `graphql`, would clash with GraphQLSwift/GraphQL's.
import PackageDescription

let package = Package(
    name: "graphql-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "maestro-composer", path: "../.."),
        .package(url: "https://github.com/GraphQLSwift/GraphQL.git", exact: "4.3.0"),
    ],
    targets: [
        .executableTarget(
            name: "graphql-bench",
            dependencies: [
                .product(name: "GraphQLCore", package: "maestro-composer"),
                .product(name: "GraphQL", package: "GraphQL"),
            ],
            swiftSettings: [.swiftLanguageMode(.v6), .enableUpcomingFeature("ExistentialAny")]
        )
    ]
)
