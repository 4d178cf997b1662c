// swift-tools-version: 6.1
import PackageDescription

// `SKILLMATCH_FUZZ=1 swift build --scratch-path .build-fuzz --product skillmatch-fuzz` (as `make fuzz` does) builds the
// fuzz targets with libFuzzer and AddressSanitizer, instrumenting the library code they read with; other builds are
// unaffected.
let fuzzing = Context.environment["SKILLMATCH_FUZZ"] == "1"
let fuzzFlags: [SwiftSetting] = fuzzing ? [.unsafeFlags(["-sanitize=fuzzer,address"])] : []

// Dependencies point one way:
// CBLAS <- SkillVectors <- SkillMatch <- SkillMatchStore / SkillMatchImport <- SkillMatchService <- SkillMatchWeb (pages)
//   <- SkillMatchServer (HTTP) <- skillmatch (CLI).
let package = Package(
    name: "SkillMatch",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "SkillMatch", targets: ["SkillMatch", "SkillMatchStore", "SkillMatchImport"]),
        .library(name: "SkillVectors", targets: ["SkillVectors"]),
        .executable(name: "skillmatch", targets: ["skillmatch"]),
        .executable(name: "skillmatch-fuzz", targets: ["SkillMatchFuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
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
            ],
            swiftSettings: fuzzFlags
        ),
        // Domain model and engine: catalogue, candidates, fit, match, credential search.
        .target(name: "SkillMatch", dependencies: ["SkillVectors"], swiftSettings: fuzzFlags),
        // Readers for SkillMatch's own catalogue and candidate JSON / JSONL.
        .target(name: "SkillMatchImport", dependencies: ["SkillMatch", "SkillVectors"], swiftSettings: fuzzFlags),
        // The SQLite catalogue (GRDB).
        .target(
            name: "SkillMatchStore",
            dependencies: [
                "SkillMatch",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // What both front ends (the CLI and the server) call: opening the catalogue, reading a candidate, the
        // operations (fit, match, gap, next, search, show) and their JSON shapes, written by one encoder.
        .target(
            name: "SkillMatchService",
            dependencies: ["SkillMatch", "SkillMatchStore", "SkillMatchImport", "SkillMatchDemo"]
        ),
        // The advisor's web pages and the printable report (Mustache templates embedded at build time), rendered from
        // SkillMatchService's results; served by SkillMatchServer and written by `skillmatch report`.
        .target(
            name: "SkillMatchWeb",
            dependencies: ["SkillMatch", "SkillMatchImport", "SkillMatchService", .product(name: "Mustache", package: "swift-mustache")],
            exclude: ["Templates"],
            plugins: ["EmbedDemoDataPlugin"]
        ),
        // `skillmatch serve`: the advisor's web app and the JSON API (Hummingbird 2) over SkillMatchService.
        .target(
            name: "SkillMatchServer",
            dependencies: [
                "SkillMatchService", "SkillMatchWeb",
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["openapi.yaml"],
            plugins: ["EmbedDemoDataPlugin"]
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
                "SkillMatch", "SkillMatchStore", "SkillMatchImport", "SkillMatchDemo", "SkillMatchService", "SkillMatchServer", "SkillMatchWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Fuzz targets for every reader: libFuzzer with `make fuzz`, a corpus replay otherwise (Fuzz/README.md).
        .executableTarget(
            name: "SkillMatchFuzz",
            dependencies: ["SkillMatch", "SkillMatchImport", "SkillMatchDemo", "SkillVectors"],
            swiftSettings: fuzzing ? fuzzFlags + [.define("FUZZING"), .unsafeFlags(["-parse-as-library"])] : [],
            linkerSettings: fuzzing ? [.unsafeFlags(["-sanitize=fuzzer,address"])] : []
        ),
        .testTarget(name: "SkillVectorsTests", dependencies: ["SkillVectors"]),
        .testTarget(name: "SkillMatchTests", dependencies: ["SkillMatch", "SkillMatchDemo"]),
        .testTarget(name: "SkillMatchImportTests", dependencies: ["SkillMatchImport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "SkillMatchStoreTests",
            dependencies: ["SkillMatchStore", "SkillMatchImport", "SkillMatchDemo", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "SkillMatchCLITests", dependencies: ["skillmatch", "SkillMatchFuzz"]),
        .testTarget(
            name: "SkillMatchServerTests",
            dependencies: [
                "SkillMatchServer", "SkillMatchService", "SkillMatchWeb", "skillmatch",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
