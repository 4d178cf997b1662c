import Foundation
import SkillVectors

/// Seeded batch-scoring workloads of the shapes the batch issue names, as index-level jobs and candidates.
///
/// - dense (O*NET-like): 120 skills, jobs rating 60–110 of them, levels and held levels on a 1/4 grid, candidates
///   with 30–90 skills;
/// - sparse (ESCO-like): 13,896 skills, jobs with 20–40 requirements (weights 1 or 0.5, level 1), candidates with
///   10–40 skills. Skills are drawn with popularity ∝ 1/(rank+1)^0.6, as `compare-batch.py` does.
public enum BatchWorkloads {
    public struct Workload: Sendable {
        public var skillCount: Int
        public var jobs: [[(skill: Int, weight: Double, level: Double)]]
        public var candidates: HeldLevels
    }

    public static func dense(jobs: Int = 1000, candidates: Int, seed: UInt64 = 1) -> Workload {
        make(skills: 120, jobs: jobs, perJob: 60 ... 110, candidates: candidates, perCandidate: 30 ... 90, grid: true, seed: seed)
    }

    public static func sparse(jobs: Int = 3000, candidates: Int, seed: UInt64 = 1) -> Workload {
        make(skills: 13896, jobs: jobs, perJob: 20 ... 40, candidates: candidates, perCandidate: 10 ... 40, grid: false, seed: seed)
    }

    static func make(
        skills: Int, jobs: Int, perJob: ClosedRange<Int>, candidates: Int, perCandidate: ClosedRange<Int>, grid: Bool, seed: UInt64
    ) -> Workload {
        var random = SplitMix64(seed: seed)
        var cumulative: [Double] = []
        var total = 0.0
        for rank in 0 ..< skills {
            total += 1 / pow(Double(rank + 1), 0.6)
            cumulative.append(total)
        }
        func draw(_ count: Int) -> [Int] {
            var chosen = Set<Int>()
            while chosen.count < count {
                let u = Double.random(in: 0 ..< total, using: &random)
                var low = 0, high = skills - 1
                while low < high { let mid = (low + high) / 2; if cumulative[mid] < u { low = mid + 1 } else { high = mid } }
                chosen.insert(low)
            }
            return chosen.sorted()
        }
        let levels = [0.25, 0.5, 0.75, 1.0]
        let jobList = (0 ..< jobs).map { _ in
            draw(Int.random(in: perJob, using: &random)).map { skill in
                grid ? (skill: skill, weight: Double(Int.random(in: 2 ... 10, using: &random)) / 2, level: levels.randomElement(using: &random)!)
                    : (skill: skill, weight: Bool.random(using: &random) ? 1.0 : 0.5, level: 1.0)
            }
        }
        var held = HeldLevels()
        for _ in 0 ..< candidates {
            held.appendRow(draw(Int.random(in: perCandidate, using: &random)).map { (skill: $0, level: levels.randomElement(using: &random)!) })
        }
        return Workload(skillCount: skills, jobs: jobList, candidates: held)
    }
}
