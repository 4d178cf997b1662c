import Foundation
import Testing
@testable import SkillVectors

/// Progress reports of the exact searches: only what is found and proven, in order.
@Suite("Search progress")
struct SearchProgressTests {
    /// The reports received, from any thread.
    final class Reports: @unchecked Sendable {
        // Invariant: `seen` is only read or written while holding `lock`.
        private let lock = NSLock()
        private var seen: [SearchProgress] = []

        func add(_ progress: SearchProgress) { lock.withLock { seen.append(progress) } }
        var all: [SearchProgress] { lock.withLock { seen } }
    }

    /// Checks reports against the finished search: nodes rising and within the total, bounds at most the optimum,
    /// best plans valid and never better than the optimum. Returns how many there were.
    @discardableResult
    static func check(
        _ reports: [SearchProgress], _ outcome: CoverOutcome, objective: [CoverMetric], valid: (CoverSelection) -> Bool
    ) -> Int {
        #expect(zip(reports, reports.dropFirst()).allSatisfy { $0.nodes < $1.nodes })
        #expect((reports.last?.nodes ?? 0) <= outcome.nodes)
        guard let optimum = outcome.best else { Issue.record("no plan"); return reports.count }
        #expect(outcome.optimal)
        for report in reports {
            #expect(report.lowerBound <= optimum.value(objective[0]))
            if let best = report.best {
                #expect(valid(best))
                #expect(!best.isBetter(than: optimum, objective: objective))
            }
        }
        return reports.count
    }

    @Test("cover: reports what is found and proven, on one thread or several")
    func cover() {
        var random = SplitMix64(seed: 41)
        var reported = 0
        for round in 0..<4 {
            let elements = 40
            let candidates = (0..<600).map { _ in
                CoverCandidate(
                    covers: (0..<elements).shuffled(using: &random).prefix(Int.random(in: 1...6, using: &random)).sorted(),
                    cost: Int64(Int.random(in: 50...1_500, using: &random)), hours: Int64(Int.random(in: 5...200, using: &random)))
            }
            let problem = CoverProblem(elementCount: elements, candidates: candidates)
            let reports = Reports()
            let outcome = SetCoverSolver.solve(
                problem, timeLimit: nil, tuning: CoverTuning(workers: 1 + round % 2, parallelMinimum: 0), progress: reports.add,
                progressDelay: .zero)
            reported += Self.check(reports.all, outcome, objective: problem.objective) { selection in
                Set(selection.chosen.flatMap { candidates[$0].covers }).count == elements
            }
        }
        #expect(reported >= 8)  // Every 256 nodes of a worker: short searches report nothing.
    }

    @Test("target: reports what is found and proven, on one thread or several")
    func target() {
        var random = SplitMix64(seed: 42)
        var reported = 0
        for round in 0..<4 {
            let elements = (0..<30).map { _ in TargetElement(weight: 1.0 / 30, current: 0, required: 1) }
            let candidates = (0..<500).map { _ in
                TargetCandidate(
                    grants: (0..<30).shuffled(using: &random).prefix(Int.random(in: 1...6, using: &random)).sorted().map { (element: $0, level: 1.0) },
                    cost: Int64(Int.random(in: 50...1_500, using: &random)), hours: Int64(Int.random(in: 5...200, using: &random)))
            }
            let problem = TargetProblem(elements: elements, candidates: candidates, needed: 0.9)
            let reports = Reports()
            let outcome = TargetCoverSolver.solve(
                problem, timeLimit: nil, tuning: TargetTuning(workers: 1 + round % 2, parallelMinimum: 0), progress: reports.add,
                progressDelay: .zero)
            reported += Self.check(reports.all, outcome, objective: problem.objective) { selection in
                problem.gain(of: selection.chosen) >= 0.9 - TargetProblem.tolerance
            }
        }
        #expect(reported >= 8)
    }
}
