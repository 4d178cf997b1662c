/// An exact solver for ``CoverProblem``: the best set of candidates covering every element.
///
/// Depth-first branch and bound. At each node it branches on the uncovered element with the fewest candidates
/// covering it, trying each such candidate (with its missing prerequisites) and excluding it from the later
/// siblings, so every selection is reached exactly once. A node is pruned when a lower bound on each metric,
/// added to what is already chosen, proves it cannot beat the best selection found or fit the budgets:
///
/// - charging bound: any cover pays at least `Σ_e min_c w_c / |c ∩ U|` for the uncovered elements `U`
///   (each element charged its share of the cheapest candidate per element covered), for each metric `w`;
/// - top-k bound (count): at least the smallest `k` whose `k` largest coverages of `U` add up to `|U|`;
/// - Lagrangian bound (``LagrangianBound``) on the first metric, and, where the first metric can at best tie the
///   incumbent, on the second metric with the first held within the incumbent's: close to the LP bound. Its
///   reduced costs also drop, for the subtree, candidates that cannot be part of a better selection;
/// - gain filter (count limited to `k` more): a candidate whose coverage of `U` plus the `k − 1` largest coverages
///   falls short of `|U|` cannot be in any cover of the subtree.
///
/// When the count comes first (the gap planner's objective), the search runs in two phases. Phase one decides the
/// fewest candidates, one count at a time from the root bound up, stopping at the first cover found. Phase two
/// then looks only at covers of that count, so the second metric's bound (with the count kept in the Lagrangian
/// subproblem as a pick limit) applies at every node, from the root.
///
/// Each child is first tested by a few subgradient steps on its own relaxation, started from the parent's
/// multipliers, over the candidates with the smallest reduced costs; most children are pruned there, before any
/// set-up. Such a test only prunes after the bound is checked over every candidate (see
/// ``LagrangianBound/childBound(_:_:from:removed:skip:stopAbove:iterations:)``).
///
/// Ties on every metric are left to the end: the search prunes nodes that can at best tie the best selection,
/// except on the way to that selection itself, and notes that it did. Only when such a tie was met at the final
/// best key does a tie-break pick the smallest sorted list of indices: candidates are decided in index order, one
/// being in when some selection with the best key contains it, those already in and none already out (a witness
/// search, stopping at the first such selection). Searching every tie instead was slow wherever weights repeat:
/// with costs and hours unknown (0), ties are everywhere.
///
/// Before searching, a candidate is dropped when another with no prerequisites covers a superset for no more of
/// each objective and budget metric (and, if equal on the objective, has a smaller index); a greedy cover, and at
/// the root a greedy cover pricing elements at their Lagrangian multipliers, give the first incumbents.
///
/// Large problems (300 candidates or more after that) are searched on several threads: the root's children become
/// tasks that idle workers take in the sequential order, each worker searching its task's subtree depth first,
/// and all sharing the best selection found (see ``SharedSearch``). Each child is searched once, with its earlier
/// siblings excluded, so the answer is the one a single thread finds; only the node count and, under a time limit,
/// how far the search got vary from run to run.
public enum SetCoverSolver {
    /// Solves a cover problem.
    ///
    /// - Parameters:
    ///   - timeLimit: stop after this long and return the best selection found, with `optimal` false.
    ///   - threads: the most threads a large search uses (by default all cores, at most 8). The answer does not
    ///     depend on it when the search finishes; with a time limit, more threads may find a better selection in time.
    ///   - progress: called with how far the search has got, after half a second and then every quarter second
    ///     while it runs (from the searching threads, one call at a time).
    /// - Complexity: exponential in the worst case; see Benchmarks/ for measured times.
    public static func solve(
        _ problem: CoverProblem, timeLimit: Duration? = nil, threads: Int? = nil,
        progress: (@Sendable (SearchProgress) -> Void)? = nil
    ) -> CoverOutcome {
        var tuning = CoverTuning()
        if let threads { tuning.workers = max(1, threads) }
        return solve(problem, timeLimit: timeLimit, tuning: tuning, progress: progress)
    }

    /// Solves a cover problem with internal settings that tests vary to reach every code path on small instances.
    static func solve(
        _ problem: CoverProblem, timeLimit: Duration?, tuning: CoverTuning, progress: (@Sendable (SearchProgress) -> Void)? = nil,
        progressDelay: Duration = .milliseconds(500)
    ) -> CoverOutcome {
        precondition(Set(problem.objective).count == problem.objective.count && problem.objective.contains(.count),
            "the objective lists each metric at most once, the count among them")
        for (index, candidate) in problem.candidates.enumerated() {
            precondition(candidate.covers.allSatisfy { (0..<problem.elementCount).contains($0) }, "candidate \(index) covers an unknown element")
            precondition(candidate.requires.allSatisfy { $0 != index && problem.candidates.indices.contains($0) },
                "candidate \(index) requires an unknown candidate or itself")
            for required in candidate.requires {
                precondition(Set(problem.candidates[required].requires).isSubset(of: Set(candidate.requires)),
                    "prerequisites must be transitively closed")
            }
            precondition(candidate.cost >= 0 && candidate.hours >= 0, "costs and hours must not be negative")
        }
        let deadline = timeLimit.map { ContinuousClock.now + $0 }
        let monitor = progress.map { SearchMonitor(objective: problem.objective, delay: progressDelay, interval: progressDelay / 2, report: $0) }
        return problem.elementCount <= 64
            ? CoverSearch<UInt64>(problem, deadline: deadline, tuning: tuning, monitor: monitor).run()
            : CoverSearch<WideBits>(problem, deadline: deadline, tuning: tuning, monitor: monitor).run()
    }
}

/// Internal settings of the cover search.
struct CoverTuning {
    /// The fewest candidates a Lagrangian ascent steps over when it does not step over all of them.
    var activeMinimum = 64
    /// Threads the main search runs on.
    var workers = min(Parallel.threadCount, 8)
    /// The fewest candidates (after preprocessing) for which the main search runs on several threads.
    var parallelMinimum = 300
    /// In a parallel search, nodes above this depth hand their children to any worker (see ``SharedSearch``).
    var splitDepth = 1
    /// The tie-break's witness searches run on one thread up to this many nodes, then start again on all.
    var witnessNodes = 256
}

/// The Lagrangian relaxation a node last bounded, with its multipliers: children are tested against it first.
struct BoundProbe {
    var relaxation: LagrangianBound.Relaxation
    var result: LagrangianBound.Result
    /// 0: the first metric's bound; 1: the second metric's, with the first held within its allowance.
    var stage: Int
}

/// The branch-and-bound search state for one problem.
final class CoverSearch<Bits: CoverBits> {
    let elementCount: Int
    let covers: [Bits]
    /// `weights[m][c]`: candidate `c`'s own value of metric `m` (count, cost, hours in `CoverMetric.allCases` order).
    let weights: [[Int64]]
    let requires: [[Int]]
    /// Per metric: whether any candidate has a positive weight (with none, its bound is 0 and not worth computing).
    private let weighted: [Bool]
    let objective: [Int]
    let maxima: [Int64?]
    let deadline: ContinuousClock.Instant?
    let problem: CoverProblem
    let tuning: CoverTuning
    /// Reports progress, when asked for.
    let monitor: SearchMonitor?
    /// In a parallel search: the best selection of all workers and the nodes waiting to be searched.
    var shared: SharedSearch<CoverTask<Bits>>?
    var sharedVersion = 0
    var depth = 0
    /// In a parallel search: what the task being searched excluded.
    var taskExcluded: [Int] = []

    var chosen: [Bool]
    var excluded: [Bool]
    var chosenList: [Int] = []
    var totals: [Int64] = [0, 0, 0]
    var best: CoverSelection?
    var bestKey: [Int64] = []
    var nodes = 0
    var timedOut = false
    var rootLowerBound: Int64?
    var lagrangian: LagrangianBound
    var primaryLagrangian: LagrangianBound
    /// Phase one (count first): search only for a cover of at most this many candidates, and stop at the first.
    var decisionLimit: Int64?
    var found = false
    /// Before phase one: only bound the root.
    private var rootOnly = false
    /// Phase two (count first): the proven fewest candidates of any cover.
    var countFloor: Int64 = 0
    /// Before the tie-break: nodes that can at best tie the best selection on every metric are pruned too.
    var pruneTies = false
    /// The best key (at the time) of the last node pruned for a tie or selection found tying the best: the
    /// tie-break only runs when this is the final best key.
    var tiedAt: [Int64]?
    /// During the tie-break: a witness search on one thread stops (as if timed out, with `overBudget`) at this
    /// many nodes.
    var nodeBudget: Int?
    var overBudget = false
    /// During the tie-break: the best key; a witness search stops at the first selection with it.
    var witnessKey: [Int64]?

    init(_ problem: CoverProblem, deadline: ContinuousClock.Instant?, tuning: CoverTuning, monitor: SearchMonitor? = nil) {
        elementCount = problem.elementCount
        covers = problem.candidates.map { candidate in
            var bits = Bits.empty(capacity: problem.elementCount)
            for element in candidate.covers { bits.insert(element) }
            return bits
        }
        weights = [
            problem.candidates.map { _ in 1 }, problem.candidates.map(\.cost), problem.candidates.map(\.hours),
        ]
        requires = problem.candidates.map { $0.requires.sorted() }
        weighted = weights.map { $0.contains { $0 > 0 } }
        objective = problem.objective.map { metric in CoverMetric.allCases.firstIndex(of: metric)! }
        maxima = CoverMetric.allCases.map(problem.limit)
        self.deadline = deadline
        self.problem = problem
        self.tuning = tuning
        self.monitor = monitor
        chosen = Array(repeating: false, count: problem.candidates.count)
        excluded = chosen
        lagrangian = LagrangianBound(elementCount: problem.elementCount, activeMinimum: tuning.activeMinimum)
        primaryLagrangian = LagrangianBound(elementCount: problem.elementCount, activeMinimum: tuning.activeMinimum)
    }

    func run() -> CoverOutcome {
        var universe = Bits.empty(capacity: elementCount)
        for element in 0..<elementCount { universe.insert(element) }
        let alive = undominated()
        if let greedy = greedy(universe, alive) { record(greedy) }
        var lowerBound: Int64 = 0
        if objective[0] == 0 {
            // Phase one: the fewest candidates, decided one count at a time from the root bound up. Phase two
            // then searches only covers of that count, so the second metric's bound applies at every node.
            // The root bound first, over every candidate that could be in a cover of no more than the greedy
            // count (the fewest count is among them); the decisions start there.
            rootOnly = true
            search(universe, alive)
            rootOnly = false
            var limit = rootLowerBound ?? 0
            while !timedOut, limit < bestKey.first ?? Int64(covers.count + 1), limit <= maxima[0] ?? .max {
                monitor?.prove(atLeast: limit)
                decisionLimit = limit
                found = false
                mainSearch(universe, alive)
                decisionLimit = nil
                if found || timedOut { break }
                limit = max(limit + 1, rootLowerBound ?? 0)
            }
            found = false
            lowerBound = limit
            countFloor = limit
            monitor?.prove(atLeast: limit)
            if timedOut || best == nil {
                return CoverOutcome(best: best, optimal: !timedOut, lowerBound: lowerBound, nodes: nodes)
            }
        }
        // The best key first, pruning ties; then, among selections with that key, the smallest list of indices.
        pruneTies = true
        mainSearch(universe, alive)
        pruneTies = false
        if !timedOut, tiedAt == bestKey { breakTies(universe, alive) }
        let finished = !timedOut
        let primary = objective[0]
        lowerBound = max(lowerBound, rootLowerBound ?? 0)
        if finished, let best { lowerBound = best.value(CoverMetric.allCases[primary]) }
        return CoverOutcome(best: best, optimal: finished, lowerBound: lowerBound, nodes: nodes)
    }

    // MARK: Search

    func search(_ uncovered: Bits, _ available: [Int]) {
        nodes += 1
        if nodes & 255 == 0 {
            if let deadline, ContinuousClock.now >= deadline { timedOut = true }
            monitor?.tick(nodes: 256, best: best)
        }
        if let nodeBudget, nodes >= nodeBudget {
            timedOut = true
            overBudget = true
        }
        if timedOut || found { return }
        if let shared {
            if decisionLimit != nil || witnessKey != nil, shared.isFound { found = true; return }
            pullSharedBest()
        }
        if uncovered.isEmpty {
            record(CoverSelection(chosen: chosenList.sorted(), cost: totals[1], hours: totals[2]))
            return
        }

        // Coverage of the uncovered elements by each usable candidate.
        var next: [(candidate: Int, gain: Int)] = []
        next.reserveCapacity(available.count)
        for candidate in available where !chosen[candidate] && !excluded[candidate] {
            if requires[candidate].contains(where: { excluded[$0] && !chosen[$0] }) { continue }
            let gain = covers[candidate].intersection(uncovered).count
            if gain > 0 { next.append((candidate, gain)) }
        }
        var gainHistogram = [Int](repeating: 0, count: elementCount + 1)
        for item in next { gainHistogram[item.gain] += 1 }

        // With at most k more candidates allowed, one is only usable if its gain and the k − 1 largest gains
        // together reach |U|; one that is not stays unusable in the whole subtree (smaller U, smaller k).
        // In phase one's decision searches that k is the count being decided, so bounds over what is left hold
        // for covers of that count only.
        var decisionFiltered = false
        if let countLeft = objective[0] == 0 ? firstLeft(adding: [0, 0, 0]) : maxima[0].map({ $0 - totals[0] }) {
            if countLeft <= 0 { return }
            var top = 0
            var taken = 0
            for gain in stride(from: elementCount, through: 1, by: -1) where taken < countLeft - 1 && gainHistogram[gain] > 0 {
                let take = min(gainHistogram[gain], Int(countLeft) - 1 - taken)
                top += take * gain
                taken += take
            }
            let least = uncovered.count - top
            if least > 1 {
                let before = next.count
                next.removeAll { $0.gain < least }
                decisionFiltered = decisionLimit != nil && next.count < before
                for gain in 1..<min(least, elementCount + 1) { gainHistogram[gain] = 0 }
            }
        }

        // Per element: how many candidates cover it, and the cheapest share per metric.
        var coverCount = [Int](repeating: 0, count: elementCount)
        var cheapest = [Double](repeating: .infinity, count: elementCount * 3)
        coverCount.withUnsafeMutableBufferPointer { coverCount in
            cheapest.withUnsafeMutableBufferPointer { cheapest in
                for (candidate, gain) in next {
                    let shares = (Double(weights[0][candidate]) / Double(gain), Double(weights[1][candidate]) / Double(gain),
                                  Double(weights[2][candidate]) / Double(gain))
                    covers[candidate].intersection(uncovered).forEachElement { element in
                        coverCount[element] += 1
                        cheapest[element] = min(cheapest[element], shares.0)
                        cheapest[elementCount + element] = min(cheapest[elementCount + element], shares.1)
                        cheapest[2 * elementCount + element] = min(cheapest[2 * elementCount + element], shares.2)
                    }
                }
            }
        }
        var branchElement = -1
        var infeasible = false
        uncovered.forEachElement { element in
            if coverCount[element] == 0 { infeasible = true }
            if branchElement < 0 || coverCount[element] < coverCount[branchElement] { branchElement = element }
        }
        if infeasible { return }

        // Lower bounds on what the rest must add, per metric.
        var lower = [Int64](repeating: 0, count: 3)
        for metric in 0..<3 {
            var sum = 0.0
            uncovered.forEachElement { sum += cheapest[metric * elementCount + $0] }
            lower[metric] = Int64((sum * (1 - 1e-12) - 1e-9).rounded(.up))
        }
        var needed = uncovered.count
        var topK: Int64 = 0
        for gain in stride(from: elementCount, through: 1, by: -1) where needed > 0 && gainHistogram[gain] > 0 {
            let take = min(gainHistogram[gain], (needed + gain - 1) / gain)
            topK += Int64(take)
            needed -= take * gain
        }
        lower[0] = max(lower[0], topK)
        if decisionLimit == nil { lower[0] = max(lower[0], countFloor - totals[0]) }
        // The first search's root (a worker of a parallel search that never searched it has no root bound either).
        let isRoot = rootLowerBound == nil && chosenList.isEmpty
        if !isRoot, cannotImprove(lower) { return }

        // Lagrangian bounds: on the first metric, then (when it can at best tie) on the second with the first held
        // within the incumbent's. Each also drops candidates whose reduced cost proves them useless here.
        let context = NodeContext(uncovered: uncovered, next: next, elementCount: elementCount, covers: covers)
        let contextCandidates = next.map(\.candidate)
        assert(zip(contextCandidates, contextCandidates.dropFirst()).allSatisfy { $0 < $1 }, "usable candidates in ascending order")
        var keep = [Bool](repeating: true, count: next.count)
        var probe: BoundProbe?
        let first = objective[0]
        let firstAllowance = firstLeft(adding: [0, 0, 0])
        if isRoot || lower[first] < (firstAllowance ?? .max) || decisionLimit != nil || witnessKey != nil {
            let relaxation = LagrangianBound.Relaxation(weight: next.map { Double(weights[first][$0.candidate]) })
            let result = primaryLagrangian.bound(
                context, relaxation, start: context.elements.map { cheapest[first * elementCount + $0] },
                stopAbove: isRoot ? .infinity : firstAllowance.map { Double($0) + 1e-6 } ?? .infinity,
                iterations: isRoot ? 300 : 30)
            lower[first] = max(lower[first], Self.integralBound(result.bound))
            if let firstAllowance {
                for index in next.indices where Self.integralBound(result.bound + max(0, result.reduced[index])) > firstAllowance { keep[index] = false }
            }
            probe = BoundProbe(relaxation: relaxation, result: result, stage: 0)
        }
        if isRoot {
            // A bound for every cover (phase one's next count starts there) unless the decision's filter applied.
            if !decisionFiltered {
                rootLowerBound = lower[first]
                monitor?.prove(atLeast: lower[first])
            }
            // Lagrangian heuristic: a greedy cover that values elements at their multipliers often matches the bound.
            if let priced = greedy(uncovered, next.map(\.candidate), prices: primaryLagrangian.prices) { record(priced) }
        }
        if rootOnly { return }
        if cannotImprove(lower) { return }
        if decisionLimit == nil, objective.count >= 2, weighted[objective[1]], let firstAllowance, !bestKey.isEmpty,
            totals[first] + lower[first] == bestKey[0]
        {
            let second = objective[1]
            let allowance = bestKey[1] - totals[second]
            let relaxation = LagrangianBound.Relaxation(
                weight: next.map { Double(weights[second][$0.candidate]) },
                side: first == 0 ? nil : (next.map { Double(weights[first][$0.candidate]) }, Double(firstAllowance)),
                pick: first == 0 ? Int(firstAllowance) : nil)
            let result = lagrangian.bound(
                context, relaxation, start: context.elements.map { cheapest[second * elementCount + $0] },
                stopAbove: Double(allowance) + 1e-6)
            if Self.integralBound(result.bound) > allowance { return }
            for index in next.indices where Self.integralBound(result.bound + max(0, result.reduced[index])) > allowance { keep[index] = false }
            probe = BoundProbe(relaxation: relaxation, result: result, stage: 1)
        }
        if keep.contains(false) {
            next = zip(next, keep).filter(\.1).map(\.0)
            var stillCovered = Bits.empty(capacity: elementCount)
            for item in next { stillCovered = stillCovered.union(covers[item.candidate]) }
            if !uncovered.isSubset(of: stillCovered) { return }
            branchElement = leastCovered(uncovered, next)
        }

        // Branch on the element with the fewest covering candidates, cheapest share first.
        let primary = objective[0]
        var branches: [CoverBranch] = []
        for item in next where covers[item.candidate].contains(branchElement) {
            // Cheapest share of the first metric per element first (ordering by the bound's reduced costs instead
            // was measured slower: it finds good incumbents later).
            let share = Double(addedWeight(item.candidate, primary)) / Double(item.gain)
            branches.append(CoverBranch(candidate: item.candidate, share: share, gain: Double(item.gain)))
        }
        branches.sort { $0.precedes($1) }
        let childAvailable = next.map(\.candidate)
        var tried: [Int] = []
        // In a parallel search, a node near the root hands its children to the workers instead.
        let splitting = shared != nil && depth < tuning.splitDepth
        var spawned: [CoverTask<Bits>] = []
        defer { shared?.push(spawned.reversed()) }
        // What the child tests leave out, kept up to date as siblings are excluded.
        var unusable = probe == nil ? [] : unusablePositions(contextCandidates, keep: keep)
        for branch in branches {
            defer {
                excluded[branch.candidate] = true
                tried.append(branch.candidate)
                if probe != nil, let index = Self.position(of: branch.candidate, in: contextCandidates) { unusable[index] = true }
            }
            let adding = [branch.candidate] + requires[branch.candidate].filter { !chosen[$0] }
            if adding.contains(where: { excluded[$0] }) { continue }
            var added = [Int64](repeating: 0, count: 3)
            for candidate in adding { for metric in 0..<3 { added[metric] += weights[metric][candidate] } }
            if (0..<3).contains(where: { metric in maxima[metric].map { totals[metric] + added[metric] > $0 } ?? false }) { continue }
            var remaining = uncovered
            for candidate in adding { remaining = remaining.subtracting(covers[candidate]) }
            if let probe, !remaining.isEmpty,
                childExceeds(
                    probe, context, contextCandidates, keep: keep, adding: adding, added: added, remaining: remaining,
                    unusable: unusable)
            {
                continue
            }
            if splitting {
                spawned.append(CoverTask(
                    parentChosen: chosenList, adding: adding, added: added, excluded: taskExcluded + tried,
                    uncovered: remaining, available: childAvailable, depth: depth + 1,
                    test: probe.map {
                        ChildTest(probe: $0, context: context, candidates: contextCandidates, keep: keep, parentFirst: bestKey.first)
                    }))
                continue
            }
            for candidate in adding {
                chosen[candidate] = true
                chosenList.append(candidate)
            }
            for metric in 0..<3 { totals[metric] += added[metric] }
            depth += 1
            search(remaining, childAvailable)
            depth -= 1
            for metric in 0..<3 { totals[metric] -= added[metric] }
            for candidate in adding { chosen[candidate] = false }
            chosenList.removeLast(adding.count)
            if timedOut || found { break }
        }
        for candidate in tried { excluded[candidate] = false }
    }

    /// How much of the first metric a selection may still add after `adding`, to beat or tie the best selection and
    /// keep within its budget (and, in phase one, the count decided); `nil` when nothing limits it.
    private func firstLeft(adding added: [Int64]) -> Int64? {
        let first = objective[0]
        let spent = totals[first] + added[first]
        var left: Int64? = bestKey.isEmpty ? nil : bestKey[0] - spent
        if let maximum = maxima[first] { left = min(left ?? .max, maximum - spent) }
        if let decisionLimit { left = min(left ?? .max, decisionLimit - spent) }
        return left
    }

    /// Whether the child that adds `adding` is pruned by a few subgradient steps on its relaxation, started from
    /// the node's multipliers (the child's bound before any set-up; valid for the child by the same argument).
    ///
    /// - Parameter unusable: per position in `candidates`, whether the node's search cannot use it (dropped by
    ///   `keep`, excluded or chosen), when the caller keeps it up to date; computed here when `nil`.
    func childExceeds(
        _ probe: BoundProbe, _ context: NodeContext, _ candidates: [Int], keep: [Bool], adding: [Int], added: [Int64],
        remaining: Bits, unusable: [Bool]? = nil
    ) -> Bool {
        guard let left = firstLeft(adding: added), left >= 0 else { return false }
        var relaxation = probe.relaxation
        let allowance: Int64
        if probe.stage == 0 {
            allowance = left
        } else {
            guard bestKey.count >= 2 else { return false }
            let second = objective[1]
            allowance = bestKey[1] - totals[second] - added[second]
            if relaxation.pick != nil { relaxation.pick = Int(left) } else { relaxation.side?.budget = Double(left) }
        }
        let removed = context.elements.map { !remaining.contains($0) }
        var skip = unusable ?? unusablePositions(candidates, keep: keep)
        for candidate in adding {
            if let index = Self.position(of: candidate, in: candidates) { skip[index] = true }
        }
        let bound = LagrangianBound.childBound(
            context, relaxation, from: probe.result, removed: removed, skip: skip,
            stopAbove: Double(allowance) + 1e-6, iterations: 15)
        return Self.integralBound(bound) > allowance
    }

    /// Per position in `candidates`: whether the node's search cannot use it (dropped by `keep`, excluded or chosen).
    func unusablePositions(_ candidates: [Int], keep: [Bool]) -> [Bool] {
        candidates.indices.map { index in !keep[index] || excluded[candidates[index]] || chosen[candidates[index]] }
    }

    /// Where `candidate` is in `candidates`, which is in ascending order (every list of usable candidates is kept so).
    static func position(of candidate: Int, in candidates: [Int]) -> Int? {
        var low = 0
        var high = candidates.count
        while low < high {
            let middle = (low + high) / 2
            if candidates[middle] < candidate { low = middle + 1 } else { high = middle }
        }
        return low < candidates.count && candidates[low] == candidate ? low : nil
    }

    /// An integral lower bound from a real one, with a margin for rounding error.
    private static func integralBound(_ value: Double) -> Int64 {
        guard value.isFinite else { return value > 0 ? .max / 4 : 0 }
        let rounded = (value - 1e-9 * max(1, abs(value))).rounded(.up)
        return rounded >= 0x1p61 ? .max / 4 : rounded <= -0x1p61 ? .min / 4 : Int64(rounded)
    }

    /// The uncovered element covered by the fewest of `next` (ties: the smallest element).
    private func leastCovered(_ uncovered: Bits, _ next: [(candidate: Int, gain: Int)]) -> Int {
        var counts = [Int](repeating: 0, count: elementCount)
        for item in next { covers[item.candidate].intersection(uncovered).forEachElement { counts[$0] += 1 } }
        var best = -1
        uncovered.forEachElement { element in
            if best < 0 || counts[element] < counts[best] { best = element }
        }
        return best
    }

    /// What adding `candidate` with its missing prerequisites adds to metric `metric`.
    private func addedWeight(_ candidate: Int, _ metric: Int) -> Int64 {
        var total = weights[metric][candidate]
        for required in requires[candidate] where !chosen[required] { total += weights[metric][required] }
        return total
    }

    /// Whether what is chosen plus the lower bounds breaks a budget or cannot beat the best selection.
    private func cannotImprove(_ lower: [Int64]) -> Bool {
        for metric in 0..<3 {
            if let maximum = maxima[metric], totals[metric] + lower[metric] > maximum { return true }
        }
        if let decisionLimit, totals[0] + lower[0] > decisionLimit { return true }
        guard !bestKey.isEmpty else { return false }
        for (position, metric) in objective.enumerated() {
            let bound = totals[metric] + lower[metric]
            if bound != bestKey[position] { return bound > bestKey[position] }
        }
        // Equal on every metric: only the indices can decide, which the tie-break does. A node on the way to the
        // best selection (met again in phase two) is searched on, so that meeting it is not taken for a tie.
        guard pruneTies, let best, !chosenList.allSatisfy({ Self.position(of: $0, in: best.chosen) != nil }) else { return false }
        tiedAt = bestKey
        return true
    }

    func record(_ selection: CoverSelection) {
        for metric in 0..<3 {
            if let maximum = maxima[metric], selection.value(CoverMetric.allCases[metric]) > maximum { return }
        }
        let key = objective.map { selection.value(CoverMetric.allCases[$0]) }
        if let witnessKey {
            if key == witnessKey {
                best = selection
                found = true
                shared?.offer(selection)
                shared?.markFound()
            }
            return
        }
        let objectiveMetrics = objective.map { CoverMetric.allCases[$0] }
        if let best, key == bestKey, selection.chosen != best.chosen { tiedAt = key }
        if let decisionLimit, Int64(selection.count) <= decisionLimit {
            found = true
            shared?.markFound()
        }
        if let best, !selection.isBetter(than: best, objective: objectiveMetrics) { return }
        best = selection
        bestKey = key
        shared?.offer(selection)
    }
}
