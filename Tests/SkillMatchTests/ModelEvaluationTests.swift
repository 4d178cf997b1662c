import Testing
@testable import SkillMatch
import SkillVectors

@Suite("Relatedness model evaluation")
struct ModelEvaluationTests {
    @Test("hold-out hides the asked share of eligible links, never a job's last one, and reports recalls in [0, 1]")
    func holdout() throws {
        let catalog = try relatednessCatalog()
        var clockValue = 0.0
        let report = try ModelEvaluation.holdout(
            catalog, parameters: smallParameters(), fraction: 0.25, seed: 3, essentialImportance: 4, k: [1, 3, 9],
            clock: { clockValue += 1; return clockValue })
        let eligible = catalog.jobs.reduce(0) { $0 + $1.requirements.filter { $0.importance >= 4 }.count }
        #expect(report.eligible == eligible)
        #expect(report.heldOut == Int((Double(eligible) * 0.25).rounded()))
        #expect(report.jobs >= 1 && report.jobs <= report.heldOut)
        for recalls in [report.recallMaxSimilarity, report.recallCentroid, report.recallPopularity] {
            #expect(recalls.count == 3 && recalls.allSatisfy { (0...1).contains($0) })
            #expect(zip(recalls, recalls.dropFirst()).allSatisfy { $0 <= $1 })
        }
        // k = 9 covers every skill a job does not still require, so every hidden link comes back.
        #expect(report.recallCentroid[2] == 1 && report.recallPopularity[2] == 1)
        #expect(report.trainingSeconds == 1)
    }

    @Test("group coherence counts neighbours in the same group against chance")
    func groups() throws {
        let catalog = try relatednessCatalog()
        // Jobs j1...j7; groups by job zone: j1, j2 → 4; j3, j7 → 3; j4, j5, j6 → 2.
        let lists = catalog.jobs.indices.map { index in
            [RankedIndex(index: (index + 1) % catalog.jobs.count, score: 0.5)]
        }
        let report = ModelEvaluation.groupCoherence(lists, catalog: catalog, grouping: "zone") { $0.jobZone.map(String.init) }
        // Next-job neighbours in the same zone: j1→j2 (4, 4), j4→j5, j5→j6: 3 of 7.
        #expect(report.jobs == 7 && report.neighbours == 1)
        #expect(abs(report.share - 3.0 / 7) < 1e-12)
        // Chance: (1 + 1 + 1 + 2 + 2 + 2 + 1) / 6 / 7.
        #expect(abs(report.chance - 10.0 / 42) < 1e-12)
    }
}
