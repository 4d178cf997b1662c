// swift-tools-version: 6.1
import PackageDescription

// Dependencies point one way:
// CBLAS <- SkillVectors <- SkillMatch <- SkillMatchStore / SkillMatchImport <- skillmatch (CLI).
let package = Package(
    name: "SkillMatch",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "SkillMatch", targets: ["SkillMatch", "SkillMatchStore", "SkillMatchImport"]),
        .library(name: "SkillVectors", targets: ["SkillVectors"]),
        .executable(name: "skillmatch", targets: ["skillmatch"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // The system BLAS (OpenBLAS at run time on Debian with libopenblas0-pthread).
        .systemLibrary(
            name: "CBLAS",
            pkgConfig: "blas",
            providers: [.apt(["libblas-dev", "libopenblas0-pthread"])]
        ),
        // Numeric core: matrices, level encoding, scoring kernels, top-k. No I/O.
        .target(
            name: "SkillVectors",
            dependencies: [
                "CBLAS",
                .product(name: "HeapModule", package: "swift-collections"),
            ]
        ),
        // Domain model and engine: catalogue, candidates, fit, match, credential search.
        .target(name: "SkillMatch", dependencies: ["SkillVectors"]),
        // Readers for SkillMatch's own catalogue and candidate JSON / JSONL.
        .target(name: "SkillMatchImport", dependencies: ["SkillMatch", "SkillVectors"]),
        // The SQLite catalogue (GRDB).
        .target(
            name: "SkillMatchStore",
            dependencies: [
                "SkillMatch",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // The shipped demo catalogue (datasets/demo), embedded in the binary at build time.
        .target(
            name: "SkillMatchDemo",
            plugins: ["EmbedDemoDataPlugin"]
        ),
        .executableTarget(name: "EmbedDemoData"),
        .plugin(
            name: "EmbedDemoDataPlugin",
            capability: .buildTool(),
            dependencies: ["EmbedDemoData"]
        ),
        // The command-line tool: thin commands over the library.
        .executableTarget(
            name: "skillmatch",
            dependencies: [
                "SkillMatch", "SkillMatchStore", "SkillMatchImport", "SkillMatchDemo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "SkillVectorsTests", dependencies: ["SkillVectors"]),
        .testTarget(name: "SkillMatchTests", dependencies: ["SkillMatch"]),
        .testTarget(name: "SkillMatchImportTests", dependencies: ["SkillMatchImport"], exclude: ["Fixtures"]),
        .testTarget(name: "SkillMatchStoreTests", dependencies: ["SkillMatchStore", "SkillMatchImport", "SkillMatchDemo"]),
        .testTarget(name: "SkillMatchCLITests", dependencies: ["skillmatch"]),
    ],
    swiftLanguageModes: [.v6]
)
