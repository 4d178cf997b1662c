import Testing
@testable import SkillVectors

@Suite("Batch scorer")
struct BatchScorerTests {
    typealias Requirements = [(skill: Int, weight: Double, level: Double)]

    /// A random catalogue; `grid` levels are multiples of 1/4, else any level in (0, 1]. Weights come from a
    /// small set so that equal scores (ties) are common.
    func catalogue(_ random: inout SplitMix64, skills: Int, jobs: Int, density: Double, grid: Bool) -> [Requirements] {
        (0 ..< jobs).map { _ in
            var requirements: Requirements = (0 ..< skills).compactMap { skill in
                guard Double.random(in: 0 ..< 1, using: &random) < density else { return nil }
                let level = grid ? Double(Int.random(in: 1 ... 4, using: &random)) / 4 : Double.random(in: 0.05 ... 1, using: &random)
                return (skill: skill, weight: Double(Int.random(in: 1 ... 3, using: &random)), level: level)
            }
            if requirements.isEmpty { requirements = [(skill: Int.random(in: 0 ..< skills, using: &random), weight: 1, level: 1)] }
            return requirements
        }
    }

    /// Random candidates: some empty, some on the grid, some off it, some duplicates of each other.
    func candidates(_ random: inout SplitMix64, skills: Int, count: Int, density: Double) -> HeldLevels {
        var held = HeldLevels()
        var previous: [(skill: Int, level: Double)] = []
        for i in 0 ..< count {
            if i % 7 == 3 { held.appendRow(previous); continue }
            let row: [(skill: Int, level: Double)] = i % 11 == 5 ? [] : (0 ..< skills).compactMap { skill in
                guard Double.random(in: 0 ..< 1, using: &random) < density else { return nil }
                let level = Bool.random(using: &random)
                    ? Double(Int.random(in: 1 ... 4, using: &random)) / 4 : Double.random(in: 0.01 ... 1, using: &random)
                return (skill: skill, level: level)
            }
            held.appendRow(row)
            previous = row
        }
        return held
    }

    /// The formula in plain loops, in requirement order.
    func reference(_ job: Requirements, _ levels: [Double]) -> Double {
        let total = job.reduce(0) { $0 + $1.weight }
        return job.reduce(0) { $0 + $1.weight / $1.level / total * min(levels[$1.skill], $1.level) }
    }

    func levels(_ held: HeldLevels, _ c: Int, skills: Int) -> [Double] {
        var levels = [Double](repeating: 0, count: skills)
        for entry in held.row(c) { levels[Int(held.skills[entry])] = held.levels[entry] }
        return levels
    }

    static let shapes: [(density: Double, grid: Bool)] = [(0.03, true), (0.3, true), (0.9, true), (0.5, false), (0.04, false)]

    @Test("top jobs equal a full sort of exact scores, for every kernel, k and minimum score", arguments: shapes.indices)
    func topJobs(shape: Int) {
        let (density, grid) = Self.shapes[shape]
        var random = SplitMix64(seed: UInt64(101 + shape))
        let skills = 45
        let jobs = catalogue(&random, skills: skills, jobs: 77, density: density, grid: grid)
        let held = candidates(&random, skills: skills, count: 150, density: 0.4)
        for kernel in BatchScorer.Kernel.allCases {
            let scorer = BatchScorer(skillCount: skills, jobs: jobs, kernel: kernel)
            #expect(kernel == .automatic || scorer.kernel == kernel)
            for (k, minimum) in [(1, 0.0), (5, 0.0), (10, 0.35), (200, 0.0), (77, 0.6)] {
                let results = scorer.topJobs(held, k: k, minimumScore: minimum, threads: 2)
                for c in 0 ..< held.count {
                    let levels = levels(held, c, skills: skills)
                    let exact = jobs.map { reference($0, levels) }
                    let expected = TopK.select(exact, k: k) { $0.score >= minimum }
                    let got = results[c]
                    #expect(got.map(\.index) == expected.map(\.index), "kernel \(scorer.kernel), k \(k), candidate \(c)")
                    for (a, b) in zip(got, expected) { #expect(abs(a.score - b.score) < 1e-12) }
                }
            }
        }
    }

    @Test("best candidates per job equal a full sort, across blocks of awkward sizes", arguments: [BatchScorer.Kernel.table, .sparse, .gemm])
    func rankCandidates(kernel: BatchScorer.Kernel) {
        var random = SplitMix64(seed: 7)
        let skills = 30
        let jobs = catalogue(&random, skills: skills, jobs: 41, density: kernel == .sparse ? 0.05 : 0.5, grid: true)
        let held = candidates(&random, skills: skills, count: 600, density: 0.3)
        let ties = (0 ..< held.count).map { "c\(($0 * 37) % 250)" }  // repeated ids tie by ordinal
        let scorer = BatchScorer(skillCount: skills, jobs: jobs, kernel: kernel)
        for (k, minimum) in [(3, 0.0), (25, 0.2), (700, 0.0)] {
            var rankings = CandidateRankings<String>(jobCount: jobs.count, k: k, minimumScore: minimum)
            var start = 0
            for size in [1, 513, 7, 1000] where start < held.count {
                let end = min(start + size, held.count)
                var block = HeldLevels()
                for c in start ..< end { block.appendRow(held.row(c).map { (skill: Int(held.skills[$0]), level: held.levels[$0]) }) }
                scorer.rank(block, ties: Array(ties[start ..< end]), firstOrdinal: start, into: &rankings, threads: 2)
                start = end
            }
            for job in jobs.indices {
                let all = (0 ..< held.count).map { c in (c, reference(jobs[job], levels(held, c, skills: skills))) }
                    .filter { $0.1 >= minimum }
                    .sorted { a, b in
                        let (ka, kb) = (RankedIndex(index: 0, score: a.1).rankKey, RankedIndex(index: 0, score: b.1).rankKey)
                        return ka != kb ? ka > kb : ties[a.0] != ties[b.0] ? ties[a.0] < ties[b.0] : a.0 < b.0
                    }
                let got = rankings.ranked(job: job)
                #expect(got.map(\.ordinal) == all.prefix(k).map(\.0), "job \(job), k \(k)")
            }
        }
    }

    @Test("empty blocks, no jobs and k = 0 give empty results")
    func emptyShapes() {
        let scorer = BatchScorer(skillCount: 3, jobs: [], kernel: .automatic)
        var held = HeldLevels()
        held.appendRow([(skill: 0, level: 1)])
        #expect(scorer.topJobs(held, k: 5) == [[]])
        let other = BatchScorer(skillCount: 3, jobs: [[(skill: 1, weight: 1, level: 0.5)]], kernel: .table)
        #expect(other.topJobs(HeldLevels(), k: 5).isEmpty)
        #expect(other.topJobs(held, k: 0) == [[]])
        #expect(other.topJobs(held, k: 3) == [[RankedIndex(index: 0, score: 0)]])
    }
}
