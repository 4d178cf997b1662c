import Testing
@testable import SkillVectors

/// The cover solvers must equal exhaustive search on small random instances.
@Suite("Exact cover solvers against brute force")
struct CoverSolverTests {
    /// A random prerequisite relation: each candidate may require earlier-generated ones; transitively closed.
    static func prerequisites(_ count: Int, _ random: inout SplitMix64) -> [[Int]] {
        let order = (0..<count).shuffled(using: &random)
        var direct = [[Int]](repeating: [], count: count)
        for (position, candidate) in order.enumerated() where position > 0 && Int.random(in: 0..<4, using: &random) == 0 {
            direct[candidate].append(order[Int.random(in: 0..<position, using: &random)])
        }
        func closure(_ candidate: Int) -> Set<Int> {
            direct[candidate].reduce(into: Set<Int>()) { $0.insert($1); $0.formUnion(closure($1)) }
        }
        return (0..<count).map { Array(closure($0)).sorted() }
    }

    static func objective(_ random: inout SplitMix64) -> [CoverMetric] {
        Int.random(in: 0..<3, using: &random) == 0 ? [.count, .cost, .hours] : CoverMetric.allCases.shuffled(using: &random)
    }

    /// Every selection closed under prerequisites, best first by the objective.
    static func bruteForce(
        count: Int, requires: [[Int]], cost: [Int64], hours: [Int64], maxCost: Int64?, maxHours: Int64?,
        objective: [CoverMetric], feasible: ([Int]) -> Bool
    ) -> CoverSelection? {
        var best: CoverSelection?
        for mask in 0 ..< (1 << count) {
            let chosen = (0..<count).filter { mask & (1 << $0) != 0 }
            guard chosen.allSatisfy({ requires[$0].allSatisfy { mask & (1 << $0) != 0 } }) else { continue }
            let selection = CoverSelection(chosen: chosen, cost: chosen.reduce(0) { $0 + cost[$1] }, hours: chosen.reduce(0) { $0 + hours[$1] })
            if let maxCost, selection.cost > maxCost { continue }
            if let maxHours, selection.hours > maxHours { continue }
            guard feasible(chosen) else { continue }
            if best.map({ selection.isBetter(than: $0, objective: objective) }) ?? true { best = selection }
        }
        return best
    }

    @Test("set cover: count, cost, hours, tie order, prerequisites, budgets", arguments: [3, 8, 70])
    func setCover(elements maxElements: Int) {
        var random = SplitMix64(seed: UInt64(maxElements))
        for _ in 0..<1_500 {
            let count = Int.random(in: 0...10, using: &random)
            let elements = maxElements > 64 ? Int.random(in: 65...maxElements, using: &random) : Int.random(in: 0...maxElements, using: &random)
            let requires = Self.prerequisites(count, &random)
            let candidates = (0..<count).map { index in
                CoverCandidate(
                    covers: (0..<elements).filter { _ in Int.random(in: 0..<3, using: &random) == 0 },
                    cost: Int64(Int.random(in: 0...3, using: &random) * 50), hours: Int64(Int.random(in: 0...2, using: &random) * 10),
                    requires: requires[index])
            }
            let maxCost: Int64? = Bool.random(using: &random) ? Int64(Int.random(in: 0...400, using: &random)) : nil
            let maxHours: Int64? = Int.random(in: 0..<4, using: &random) == 0 ? Int64(Int.random(in: 0...40, using: &random)) : nil
            let objective = Self.objective(&random)
            let problem = CoverProblem(elementCount: elements, candidates: candidates, maxCost: maxCost, maxHours: maxHours, objective: objective)
            let expected = Self.bruteForce(
                count: count, requires: requires, cost: candidates.map(\.cost), hours: candidates.map(\.hours),
                maxCost: maxCost, maxHours: maxHours, objective: objective
            ) { chosen in Set(chosen.flatMap { candidates[$0].covers }).count == elements }
            // Sometimes on two threads from the root, so the parallel search is checked against brute force too.
            let tuning = CoverTuning(activeMinimum: Bool.random(using: &random) ? 64 : 1, workers: Bool.random(using: &random) ? 1 : 2, parallelMinimum: 0)
            let outcome = SetCoverSolver.solve(problem, timeLimit: nil, tuning: tuning)
            #expect(outcome.optimal)
            #expect(outcome.best == expected, "problem \(problem)")
            if let best = outcome.best { #expect(outcome.lowerBound == best.value(objective[0])) }
        }
    }

    /// The best value of each objective metric over covers, by dynamic programming over subsets of elements:
    /// for hundreds of candidates, where enumerating selections is out of reach. Without prerequisites or budgets;
    /// metrics add up, so the lexicographic optimum of `mask ∪ c` comes from that of `mask` (and `mask ∪ c ≥ mask`).
    static func bestKey(elements: Int, candidates: [CoverCandidate], objective: [CoverMetric]) -> [Int64]? {
        let masks = candidates.map { $0.covers.reduce(0) { $0 | (1 << $1) } }
        let keys = candidates.map { candidate in
            objective.map { metric -> Int64 in
                switch metric {
                case .count: 1
                case .cost: candidate.cost
                case .hours: candidate.hours
                }
            }
        }
        var best = [[Int64]?](repeating: nil, count: 1 << elements)
        best[0] = objective.map { _ in 0 }
        for mask in 0 ..< (1 << elements) {
            guard let key = best[mask] else { continue }
            for (candidate, covers) in masks.enumerated() where mask | covers != mask {
                let next = zip(key, keys[candidate]).map { $0 + $1 }
                if best[mask | covers].map({ next.lexicographicallyPrecedes($0) }) ?? true { best[mask | covers] = next }
            }
        }
        return best[(1 << elements) - 1]
    }

    @Test("set cover with hundreds of candidates: the optimum of a search over element subsets")
    func manyCandidates() {
        var random = SplitMix64(seed: 2_026)
        for _ in 0..<80 {
            let elements = Int.random(in: 6...10, using: &random)
            let candidates = (0..<Int.random(in: 140...260, using: &random)).map { _ in
                let covers = (0..<elements).shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random)).sorted()
                // Cost grows with coverage, so few candidates are dominated and the bounds work on many.
                return CoverCandidate(
                    covers: covers, cost: Int64(covers.count * 100 + Int.random(in: 0...60, using: &random) * 5),
                    hours: Int64(Int.random(in: 1...8, using: &random) * 5))
            }
            let objective = Self.objective(&random)
            // Stepping over as few as two candidates at a time too: the bound must stay valid whatever the others do.
            let tuning = CoverTuning(activeMinimum: Bool.random(using: &random) ? 64 : 2, workers: Int.random(in: 1...3, using: &random), parallelMinimum: 0)
            let outcome = SetCoverSolver.solve(
                CoverProblem(elementCount: elements, candidates: candidates, objective: objective), timeLimit: nil, tuning: tuning)
            let expected = Self.bestKey(elements: elements, candidates: candidates, objective: objective)
            #expect(outcome.optimal)
            let best = try! #require(outcome.best)
            #expect(Set(best.chosen.flatMap { candidates[$0].covers }).count == elements)
            #expect(objective.map { best.value($0) } == expected, "objective \(objective)")
        }
    }

    /// The benchmark's density family (Benchmarks/Sources/BenchmarkWorkloads/GapInstances.swift), rebuilt here:
    /// each candidate covers each element with probability `density` (at least one); elements nobody covers go to
    /// a random candidate.
    static func densityInstance(elements: Int, candidates: Int, density: Double, seed: UInt64) -> [CoverCandidate] {
        var random = SplitMix64(seed: seed &* 0x9E37_79B9 &+ 17)
        var list = (0..<candidates).map { _ -> CoverCandidate in
            var covers = (0..<elements).filter { _ in Double.random(in: 0..<1, using: &random) < density }
            if covers.isEmpty { covers = [Int.random(in: 0..<elements, using: &random)] }
            return CoverCandidate(
                covers: covers, cost: Int64(Int.random(in: 50...1_500, using: &random)) * 100,
                hours: Int64(Int.random(in: 5...200, using: &random)) * 100)
        }
        let covered = Set(list.flatMap(\.covers))
        for element in 0..<elements where !covered.contains(element) {
            let index = Int.random(in: 0..<list.count, using: &random)
            list[index].covers = (list[index].covers + [element]).sorted()
        }
        return list
    }

    /// The fewest candidates, then least cost, then least hours of any cover, by dynamic programming over subsets
    /// of elements (as ``bestKey(elements:candidates:objective:)``, without its allocations, for 15 elements).
    static func countCostHours(elements: Int, candidates: [CoverCandidate]) -> (Int64, Int64, Int64) {
        let masks = candidates.map { $0.covers.reduce(0) { $0 | (1 << $1) } }
        let none = (Int64.max, Int64.max, Int64.max)
        var best = [(Int64, Int64, Int64)](repeating: none, count: 1 << elements)
        best[0] = (0, 0, 0)
        for mask in 0 ..< (1 << elements) where best[mask] != none {
            let key = best[mask]
            for (candidate, covers) in masks.enumerated() where mask | covers != mask {
                let next = (key.0 + 1, key.1 + candidates[candidate].cost, key.2 + candidates[candidate].hours)
                if next < best[mask | covers] { best[mask | covers] = next }
            }
        }
        return best[(1 << elements) - 1]
    }

    /// In the count-first search's decision searches the gain filter leaves only wide candidates, so a bound found
    /// there holds for small covers only; taken for a bound on all covers, it once made the search skip the
    /// cheapest 3-cover of seed 7 (density 0.2) and call a dearer one optimal.
    @Test("set cover on the benchmark's density family (15 × 200): the optimum of a search over element subsets",
          arguments: [(0.2, 7), (0.2, 3), (0.3, 2), (0.1, 4)] as [(Double, UInt64)])
    func densityFamily(density: Double, seed: UInt64) {
        do {
            let candidates = Self.densityInstance(elements: 15, candidates: 200, density: density, seed: seed)
            let tuning = CoverTuning(workers: seed % 2 == 0 ? 1 : 2, parallelMinimum: 0)
            let outcome = SetCoverSolver.solve(CoverProblem(elementCount: 15, candidates: candidates), timeLimit: nil, tuning: tuning)
            let expected = Self.countCostHours(elements: 15, candidates: candidates)
            #expect(outcome.optimal)
            let best = try! #require(outcome.best)
            #expect(Set(best.chosen.flatMap { candidates[$0].covers }).count == 15)
            #expect((Int64(best.count), best.cost, best.hours) == expected, "density \(density), seed \(seed)")
            #expect(outcome.lowerBound == expected.0)
        }
    }

    /// Selections that tie on every metric are common when costs and hours are unknown (they count as 0): the
    /// tie-break must still give the smallest sorted list of indices, also when the objective leaves out a metric
    /// (a candidate better only on that metric must not push out one with a smaller index).
    @Test("ties: the smallest sorted list of indices, with zero weights and objectives of one or two metrics")
    func tieOrder() {
        var random = SplitMix64(seed: 47)
        let objectives: [[CoverMetric]] = [[.count], [.count, .cost], [.cost, .count], [.hours, .count], [.count, .hours], [.count, .cost, .hours]]
        for round in 0..<700 {
            let count = Int.random(in: 0...13, using: &random)
            let elements = Int.random(in: 0...12, using: &random)
            let requires = Self.prerequisites(count, &random)
            let candidates = (0..<count).map { index in
                CoverCandidate(
                    covers: (0..<elements).filter { _ in Int.random(in: 0..<3, using: &random) == 0 },
                    cost: Int64(Int.random(in: 0...1, using: &random) * 100), hours: Int64(Int.random(in: 0..<4, using: &random) / 3 * 10),
                    requires: Int.random(in: 0..<3, using: &random) == 0 ? requires[index] : [])  // Still closed.
            }
            let maxCost: Int64? = Int.random(in: 0..<4, using: &random) == 0 ? Int64(Int.random(in: 0...3, using: &random) * 100) : nil
            let objective = objectives[round % objectives.count]
            let problem = CoverProblem(elementCount: elements, candidates: candidates, maxCost: maxCost, objective: objective)
            let expected = Self.bruteForce(
                count: count, requires: candidates.map(\.requires), cost: candidates.map(\.cost), hours: candidates.map(\.hours),
                maxCost: maxCost, maxHours: nil, objective: objective
            ) { chosen in Set(chosen.flatMap { candidates[$0].covers }).count == elements }
            // On two threads, witness searches sometimes go parallel at once.
            let tuning = CoverTuning(
                activeMinimum: Bool.random(using: &random) ? 64 : 1, workers: Bool.random(using: &random) ? 1 : 2, parallelMinimum: 0,
                witnessNodes: Bool.random(using: &random) ? 0 : 256)
            let outcome = SetCoverSolver.solve(problem, timeLimit: nil, tuning: tuning)
            #expect(outcome.optimal)
            #expect(outcome.best == expected, "problem \(problem)")
        }
    }

    @Test("a search on several threads finds the same best selection as one thread, ids included, with many ties")
    func parallelSearch() {
        var random = SplitMix64(seed: 31)
        for _ in 0..<120 {
            let elements = Int.random(in: 8...22, using: &random)
            let count = Int.random(in: 20...60, using: &random)
            let requires = Self.prerequisites(count, &random)
            // Few cost and hours values, so selections often tie and only the ids decide.
            let candidates = (0..<count).map { index in
                CoverCandidate(
                    covers: (0..<elements).shuffled(using: &random).prefix(Int.random(in: 1...4, using: &random)).sorted(),
                    cost: Int64(Int.random(in: 1...3, using: &random) * 100), hours: Int64(Int.random(in: 1...2, using: &random) * 10),
                    requires: Int.random(in: 0..<3, using: &random) == 0 ? requires[index] : [])  // Still closed.
            }
            let maxCost: Int64? = Bool.random(using: &random) ? Int64(Int.random(in: 300...1_500, using: &random)) : nil
            let problem = CoverProblem(elementCount: elements, candidates: candidates, maxCost: maxCost, objective: Self.objective(&random))
            let one = SetCoverSolver.solve(problem, timeLimit: nil, tuning: CoverTuning(workers: 1))
            let several = SetCoverSolver.solve(problem, timeLimit: nil, tuning: CoverTuning(
                workers: Int.random(in: 2...4, using: &random), parallelMinimum: 0, splitDepth: Int.random(in: 1...3, using: &random),
                witnessNodes: Bool.random(using: &random) ? 0 : 256))
            #expect(one.optimal && several.optimal)
            #expect(one.best == several.best, "problem \(problem)")
            #expect(one.lowerBound == several.lowerBound)
        }
    }

    /// Found by a review: a worker took a child with a greedy best worse on the first metric (hours) than the
    /// parent's and applied the parent's second-metric test with it, pruning the cheaper plan with equal hours.
    @Test("a worker tests a child only with a best selection at least as good as its parent's")
    func parallelChildTest() {
        let rows: [([Int], Int64, Int64, [Int])] = [
            ([2, 3], 300, 10, []), ([4], 100, 20, [7, 26]), ([5], 300, 10, []), ([0, 1, 5, 6], 100, 10, []),
            ([7], 100, 10, []), ([1, 5], 200, 20, []), ([5, 7], 200, 20, []), ([0, 1, 4, 6], 300, 10, []),
            ([2, 3, 6], 300, 10, []), ([3, 4, 5, 7], 200, 20, []), ([2, 3, 7], 100, 20, []), ([7], 100, 20, []),
            ([7], 100, 20, []), ([1, 2, 5], 200, 10, []), ([2, 5], 100, 10, []), ([2, 3, 6], 300, 20, []),
            ([7], 200, 20, []), ([2, 5], 100, 20, []), ([2, 3, 4, 6], 100, 20, []), ([1, 4, 6], 200, 20, []),
            ([6], 300, 10, []), ([3, 5, 7], 100, 10, []), ([3], 100, 20, []), ([7], 100, 10, []),
            ([5], 300, 20, []), ([1], 300, 20, []), ([6], 200, 20, []), ([2, 6], 200, 10, [23]),
            ([0, 1, 7], 300, 10, []), ([4, 5, 6, 7], 300, 20, []), ([0, 2], 300, 20, []), ([1, 2, 3, 6], 100, 10, []),
        ]
        let problem = CoverProblem(
            elementCount: 8, candidates: rows.map { CoverCandidate(covers: $0.0, cost: $0.1, hours: $0.2, requires: $0.3) },
            maxCost: 822, objective: [.hours, .cost, .count])
        let one = SetCoverSolver.solve(problem, timeLimit: nil, tuning: CoverTuning(workers: 1))
        #expect(one.best?.chosen == [7, 14, 21])
        for run in 0..<200 {
            let several = SetCoverSolver.solve(problem, timeLimit: nil, tuning: CoverTuning(workers: 2 + run % 2, parallelMinimum: 0))
            #expect(several.best == one.best, "run \(run)")
        }
    }

    @Test("target: the smallest selection reaching a score gain, with partial levels")
    func target() {
        var random = SplitMix64(seed: 99)
        for _ in 0..<3_000 {
            let count = Int.random(in: 0...9, using: &random)
            let elements = (0..<Int.random(in: 1...6, using: &random)).map { _ in
                TargetElement(
                    weight: Double(Int.random(in: 1...5, using: &random)) / 10,
                    current: Double(Int.random(in: 0...2, using: &random)) / 4, required: Double(Int.random(in: 1...4, using: &random)) / 4)
            }
            let requires = Self.prerequisites(count, &random)
            var candidates = (0..<count).map { index in
                TargetCandidate(
                    grants: elements.indices.filter { _ in Bool.random(using: &random) }.map { (element: $0, level: Double(Int.random(in: 1...4, using: &random)) / 4) },
                    cost: Int64(Int.random(in: 0...3, using: &random) * 100), hours: Int64(Int.random(in: 0...2, using: &random) * 5),
                    requires: requires[index])
            }
            let possible = TargetProblem(elements: elements, candidates: candidates, needed: 0).gain(of: 0..<count)
            let needed = Bool.random(using: &random) ? possible * Double(Int.random(in: 0...4, using: &random)) / 4 : Double.random(in: 0...1, using: &random)
            let maxCost: Int64? = Int.random(in: 0..<3, using: &random) == 0 ? Int64(Int.random(in: 0...500, using: &random)) : nil
            // Sometimes costs and hours unknown (0) and objectives leaving a metric out, so the ids decide ties often.
            if Int.random(in: 0..<4, using: &random) == 0 {
                for index in candidates.indices { candidates[index].cost = 0; candidates[index].hours = 0 }
            }
            let objective = Int.random(in: 0..<4, using: &random) == 0
                ? [[.count], [.count, .cost], [.hours, .count]][Int.random(in: 0..<3, using: &random)] : Self.objective(&random)
            let problem = TargetProblem(elements: elements, candidates: candidates, needed: needed, maxCost: maxCost, objective: objective)
            let expected = Self.bruteForce(
                count: count, requires: requires, cost: candidates.map(\.cost), hours: candidates.map(\.hours),
                maxCost: maxCost, maxHours: nil, objective: objective
            ) { problem.gain(of: $0) >= needed - TargetProblem.tolerance }
            // On one thread or, with every node near the root handed out, on several.
            let tuning = TargetTuning(
                workers: Int.random(in: 1...3, using: &random), parallelMinimum: 0, splitChosen: Int.random(in: 1...3, using: &random))
            let outcome = TargetCoverSolver.solve(problem, timeLimit: nil, tuning: tuning)
            #expect(outcome.optimal)
            #expect(outcome.best == expected, "needed \(needed) of \(possible) objective \(objective) max \(String(describing: maxCost)) \(candidates) \(elements)")
        }
    }

    @Test("target on several threads: the answer and the root bound of one thread")
    func parallelTarget() {
        var random = SplitMix64(seed: 32)
        for _ in 0..<150 {
            let elements = (0..<Int.random(in: 6...16, using: &random)).map { _ in
                TargetElement(
                    weight: Double(Int.random(in: 1...5, using: &random)) / 10,
                    current: Double(Int.random(in: 0...1, using: &random)) / 4, required: Double(Int.random(in: 2...4, using: &random)) / 4)
            }
            let count = Int.random(in: 20...60, using: &random)
            let requires = Self.prerequisites(count, &random)
            // Few cost and hours values (sometimes none), so selections often tie and only the ids decide.
            let unknown = Int.random(in: 0..<3, using: &random) == 0
            let candidates = (0..<count).map { index in
                TargetCandidate(
                    grants: elements.indices.shuffled(using: &random).prefix(Int.random(in: 1...4, using: &random)).sorted()
                        .map { (element: $0, level: Double(Int.random(in: 1...4, using: &random)) / 4) },
                    cost: unknown ? 0 : Int64(Int.random(in: 1...3, using: &random) * 100),
                    hours: unknown ? 0 : Int64(Int.random(in: 1...2, using: &random) * 10),
                    requires: Int.random(in: 0..<3, using: &random) == 0 ? requires[index] : [])
            }
            let possible = TargetProblem(elements: elements, candidates: candidates, needed: 0).gain(of: 0..<count)
            let maxCost: Int64? = Bool.random(using: &random) ? Int64(Int.random(in: 300...1_500, using: &random)) : nil
            let problem = TargetProblem(
                elements: elements, candidates: candidates, needed: possible * Double.random(in: 0.5...1, using: &random),
                maxCost: maxCost, objective: Self.objective(&random))
            let one = TargetCoverSolver.solve(problem, timeLimit: nil, tuning: TargetTuning(workers: 1))
            let several = TargetCoverSolver.solve(problem, timeLimit: nil, tuning: TargetTuning(
                workers: Int.random(in: 2...4, using: &random), parallelMinimum: 0, splitChosen: Int.random(in: 1...3, using: &random)))
            #expect(one.optimal && several.optimal)
            #expect(one.best == several.best, "problem \(problem)")
            #expect(one.lowerBound == several.lowerBound)
        }
    }

    @Test("a time limit returns the best found so far with a proven lower bound")
    func timeLimit() {
        var random = SplitMix64(seed: 5)
        let elements = 60
        let candidates = (0..<2_000).map { _ in
            CoverCandidate(covers: (0..<elements).filter { _ in Int.random(in: 0..<12, using: &random) == 0 },
                           cost: Int64(Int.random(in: 50...500, using: &random)), hours: Int64(Int.random(in: 5...80, using: &random)))
        }
        let outcome = SetCoverSolver.solve(CoverProblem(elementCount: elements, candidates: candidates), timeLimit: .zero)
        #expect(!outcome.optimal)
        let best = try! #require(outcome.best)  // the greedy incumbent at least
        #expect(outcome.lowerBound >= 1 && outcome.lowerBound <= Int64(best.count))
        #expect(Set(best.chosen.flatMap { candidates[$0].covers }).count == elements)
    }
}
