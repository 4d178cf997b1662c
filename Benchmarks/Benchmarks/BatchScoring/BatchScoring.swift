import Benchmark
import BenchmarkWorkloads
import SkillVectors

/// The batch-scoring kernels on the workloads (Sources/BenchmarkWorkloads/BatchWorkloads.swift), 4,096
/// candidates per iteration, top 10 per candidate, all cores. Each kernel's scores and order are exact (see
/// BatchScorer); what differs is the speed. End-to-end batch (reading JSONL, writing results, peers side by side) is
/// measured by compare-batch.py.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .peakMemoryResident], timeUnits: .milliseconds, maxDuration: .seconds(10), maxIterations: 50)
    let dense = BatchWorkloads.dense(candidates: 4096)
    let sparse = BatchWorkloads.sparse(candidates: 4096)
    for (name, workload, kernels) in [("dense", dense, [BatchScorer.Kernel.table, .gemm]), ("sparse", sparse, [.sparse, .gemm])] {
        for kernel in kernels {
            let scorer = BatchScorer(skillCount: workload.skillCount, jobs: workload.jobs, kernel: kernel)
            Benchmark("Batch \(name) \(kernel.rawValue) top 10 (4096 candidates)") { benchmark in
                blackHole(scorer.topJobs(workload.candidates, k: 10))
            }
        }
        let scorer = BatchScorer(skillCount: workload.skillCount, jobs: workload.jobs)
        Benchmark("Batch \(name) best 10 candidates per job (4096 candidates)") { benchmark in
            var rankings = CandidateRankings<Int>(jobCount: workload.jobs.count, k: 10)
            scorer.rank(workload.candidates, ties: Array(0 ..< workload.candidates.count), firstOrdinal: 0, into: &rankings)
            blackHole(rankings)
        }
    }
    // Top-k alone: 1,000 exact scores per row, k = 10.
    var random = SplitMix64(seed: 9)
    let rows = (0 ..< 4096).map { _ in (0 ..< 1000).map { _ in Double(Int.random(in: 0 ... 4000, using: &random)) / 4000 } }
    Benchmark("TopK 10 of 1000 (4096 rows)") { benchmark in
        for row in rows { blackHole(TopK.select(row, k: 10)) }
    }
}
