// swift-tools-version: 6.3
import PackageDescription

// Benchmarks for SkillMatch, kept out of the main package graph so `swift test` stays fast.
//   swift package benchmark                     ordo-one/benchmark suites (Benchmarks/<suite>/)
//   swift run -c release gap-compare ...        the gap solver on generated instances (see compare-gap.sh)
let package = Package(
    name: "SkillMatchBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "SkillMatch", path: "../"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Seeded workload generators shared by the suites and the comparison tools.
        .target(
            name: "BenchmarkWorkloads",
            dependencies: [.product(name: "SkillVectors", package: "SkillMatch")]
        ),
        .executableTarget(
            name: "gap-compare",
            dependencies: ["BenchmarkWorkloads", .product(name: "SkillVectors", package: "SkillMatch")]
        ),
        .executableTarget(
            name: "GapSolver",
            dependencies: [
                "BenchmarkWorkloads",
                .product(name: "SkillVectors", package: "SkillMatch"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/GapSolver",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "BatchScoring",
            dependencies: [
                "BenchmarkWorkloads",
                .product(name: "SkillVectors", package: "SkillMatch"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/BatchScoring",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "Extraction",
            dependencies: [
                .product(name: "SkillMatch", package: "SkillMatch"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/Extraction",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "Encoder",
            dependencies: [
                .product(name: "SkillMatch", package: "SkillMatch"),
                .product(name: "SkillVectors", package: "SkillMatch"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/Encoder",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "Documents",
            dependencies: [
                .product(name: "SkillMatch", package: "SkillMatch"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/Documents",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
