// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Kith",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kith", targets: ["kith"]),
        .library(name: "PropertyGraph", targets: ["PropertyGraph"]),
        .library(name: "Interchange", targets: ["Interchange"]),
        .library(name: "Gremlin", targets: ["Gremlin"]),
        .library(name: "Traversal", targets: ["Traversal"]),
        .library(name: "FeatureSuite", targets: ["FeatureSuite"]),
        .executable(name: "kith-conformance", targets: ["kith-conformance"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLMDB",
            pkgConfig: "lmdb",
            providers: [.apt(["liblmdb-dev"]), .brew(["lmdb"])]
        ),
        .target(name: "LMDB", dependencies: ["CLMDB"]),
        .target(name: "PropertyGraph", dependencies: ["LMDB"]),
        .target(name: "Gremlin"),
        .target(
            name: "Traversal",
            dependencies: [
                "PropertyGraph", "Gremlin",
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "BigInt", package: "BigInt"),
            ]
        ),
        .target(
            name: "IdentityResolution",
            dependencies: [
                "PropertyGraph", "Interchange",
                .product(name: "Yams", package: "Yams"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .target(name: "Interchange", dependencies: ["PropertyGraph", "Traversal"]),
        .executableTarget(
            name: "kith",
            dependencies: [
                "PropertyGraph", "Interchange", "IdentityResolution", "Traversal", "Gremlin",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "KithBench",
            dependencies: ["PropertyGraph", "Interchange", "IdentityResolution", "KithTestSupport", "Traversal", "Gremlin"],
            path: "Benchmarks/KithBench"
        ),
        .target(name: "KithTestSupport", dependencies: ["PropertyGraph"]),
        .target(
            name: "FeatureSuite",
            dependencies: ["Traversal", "Interchange", "Gremlin", "PropertyGraph", .product(name: "BigInt", package: "BigInt")]
        ),
        .executableTarget(name: "kith-conformance", dependencies: ["FeatureSuite"]),
        .testTarget(name: "LMDBTests", dependencies: ["LMDB", "KithTestSupport"]),
        .testTarget(name: "PropertyGraphTests", dependencies: ["PropertyGraph", "KithTestSupport"]),
        .testTarget(name: "InterchangeTests", dependencies: ["Interchange", "KithTestSupport"]),
        .testTarget(
            name: "KithTests",
            dependencies: ["PropertyGraph", "Interchange", "IdentityResolution", "KithTestSupport"]
        ),
        .testTarget(name: "GremlinTests", dependencies: ["Gremlin", "KithTestSupport"]),
        .testTarget(name: "TraversalTests", dependencies: ["Traversal", "Interchange", "KithTestSupport"]),
        .testTarget(name: "ConformanceTests", dependencies: ["FeatureSuite", "Traversal", "KithTestSupport"]),
        .testTarget(
            name: "IdentityResolutionTests",
            dependencies: ["IdentityResolution", "KithTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["NormalizerGolden.jsonl"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
