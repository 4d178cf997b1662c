import Benchmark
import BenchmarkWorkloads
import SkillVectors

/// The exact gap solver on random instances of the sizes the gap-closure issue names.
///
/// Five families (Sources/BenchmarkWorkloads/GapInstances.swift): "hard", where each credential covers 1-6 gap
/// skills; "density 0.1" and "density 0.2", where each credential covers each gap skill with that probability; and
/// "clustered", where skills fall into domains of six and each credential teaches mostly within one; and "hard" again
/// with every cost and hours unknown (0), where selections of the fewest credentials tie and the ids decide.
/// Each benchmark solves 5 fixed instances to proven optimality; 60 x 2,000 is given a 60 s limit per instance.
/// Both solvers use all cores for 300 or more credentials (their default). The `gap --target` solver runs
/// on the clustered and hard families with a target of 0.8 of the gap.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident], timeUnits: .milliseconds, maxDuration: .seconds(30), maxIterations: 20)
    for (skills, credentials) in GapInstances.sizes {
        let hard = (1...5).map { GapInstances.make(skills: skills, credentials: credentials, seed: UInt64($0)) }
        let dense = (1...5).map { GapInstances.make(skills: skills, credentials: credentials, density: 0.1, seed: UInt64($0)) }
        let wide = (1...5).map { GapInstances.make(skills: skills, credentials: credentials, density: 0.2, seed: UInt64($0)) }
        let clustered = (1...5).map { GapInstances.makeClustered(skills: skills, credentials: credentials, seed: UInt64($0)) }
        let limit: Duration? = skills >= 60 ? .seconds(60) : nil
        let iterations = skills >= 60 ? 1 : 20
        let unknown = hard.map(GapInstances.unknownWeights)
        for (family, problems) in [
            ("hard", hard), ("density 0.1", dense), ("density 0.2", wide), ("clustered", clustered), ("hard, costs and hours unknown", unknown),
        ] {
            Benchmark(
                "Gap \(skills)x\(credentials) \(family) (5 instances)",
                configuration: .init(maxDuration: .seconds(skills >= 60 ? 600 : 30), maxIterations: iterations)
            ) { benchmark in
                for problem in problems {
                    blackHole(SetCoverSolver.solve(problem, timeLimit: limit))
                }
            }
        }
        for (family, problems) in [("clustered", clustered), ("hard", hard)] {
            let targets = problems.map { GapInstances.target($0, share: 0.8) }
            Benchmark(
                "Gap target 0.8 \(skills)x\(credentials) \(family) (5 instances)",
                configuration: .init(maxDuration: .seconds(skills >= 60 ? 600 : 30), maxIterations: iterations)
            ) { benchmark in
                for problem in targets {
                    blackHole(TargetCoverSolver.solve(problem, timeLimit: limit))
                }
            }
        }
    }
}
