import Benchmark
import BenchmarkWorkloads
import SkillVectors

/// The exact gap solver on random instances of the sizes the gap-closure issue names.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], maxDuration: .seconds(20), maxIterations: 50)
    for (skills, credentials) in GapInstances.sizes {
        let problems = (1...10).map { GapInstances.make(skills: skills, credentials: credentials, seed: UInt64($0)) }
        Benchmark("Gap \(skills) skills x \(credentials) credentials (10 instances, total)") { benchmark in
            for problem in problems {
                blackHole(SetCoverSolver.solve(problem))
            }
        }
    }
}
