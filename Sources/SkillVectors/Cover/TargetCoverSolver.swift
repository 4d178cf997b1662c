import HeapModule

/// An exact solver for ``TargetProblem``: the best set of candidates that raises the score by a given amount.
///
/// Depth-first branch and bound, including or excluding one candidate per node (the one with the best share of
/// the first metric per unit of marginal gain). Because the gain is submodular, the gain of any further set `T`
/// is at most the sum of its candidates' marginal gains now, which gives the bounds:
///
/// - count: the fewest candidates whose largest marginal gains add up to what is still needed;
/// - cost and hours: the fractional knapsack over marginal gains (cheapest gain per unit first);
/// - gain filter (count first, `k` more allowed to beat or tie the best): a candidate whose marginal gain plus the
///   `k − 1` largest falls short of what is still needed is dropped for the subtree.
///
/// Before searching, a candidate is dropped when another raises each of its elements at least as far for no more of
/// each objective and budget metric (and is better on one, or of smaller index).
///
/// Large problems (300 candidates or more after that) are searched on several threads as ``SetCoverSolver``'s are:
/// the nodes near the root hand their two children to any idle worker, in the sequential order, and all share the
/// best selection found (see ``SharedSearch``), so the answer is the one a single thread finds. The tie-break runs
/// on one thread.
public enum TargetCoverSolver {
    /// Solves a target problem.
    /// - Parameters:
    ///   - timeLimit: stop after this long and return the best selection found, with `optimal` false.
    ///   - threads: the most threads a large search uses (by default all cores, at most 8). The answer does not
    ///     depend on it when the search finishes.
    ///   - progress: called with how far the search has got, after half a second and then every quarter second
    ///     while it runs (from the searching threads, one call at a time).
    public static func solve(
        _ problem: TargetProblem, timeLimit: Duration? = nil, threads: Int? = nil,
        progress: (@Sendable (SearchProgress) -> Void)? = nil
    ) -> CoverOutcome {
        var tuning = TargetTuning()
        if let threads { tuning.workers = max(1, threads) }
        return solve(problem, timeLimit: timeLimit, tuning: tuning, progress: progress)
    }

    /// Solves a target problem with internal settings that tests vary to reach every code path on small instances.
    static func solve(
        _ problem: TargetProblem, timeLimit: Duration?, tuning: TargetTuning, progress: (@Sendable (SearchProgress) -> Void)? = nil,
        progressDelay: Duration = .milliseconds(500)
    ) -> CoverOutcome {
        precondition(Set(problem.objective).count == problem.objective.count && problem.objective.contains(.count),
            "the objective lists each metric at most once, the count among them")
        for (index, candidate) in problem.candidates.enumerated() {
            precondition(candidate.grants.allSatisfy { problem.elements.indices.contains($0.element) }, "candidate \(index) grants an unknown element")
            precondition(candidate.requires.allSatisfy { $0 != index && problem.candidates.indices.contains($0) },
                "candidate \(index) requires an unknown candidate or itself")
            for required in candidate.requires {
                precondition(Set(problem.candidates[required].requires).isSubset(of: Set(candidate.requires)),
                    "prerequisites must be transitively closed")
            }
        }
        return TargetSearch(
            problem, deadline: timeLimit.map { ContinuousClock.now + $0 }, tuning: tuning,
            monitor: progress.map { SearchMonitor(objective: problem.objective, delay: progressDelay, interval: progressDelay / 2, report: $0) }
        ).run()
    }
}

/// Internal settings of the target search.
struct TargetTuning {
    /// Threads the main search runs on.
    var workers = min(Parallel.threadCount, 8)
    /// The fewest candidates (after preprocessing) for which the main search runs on several threads.
    var parallelMinimum = 300
    /// In a parallel search, nodes with fewer candidates chosen hand their children to any worker.
    var splitChosen = 1
}

/// A candidate's weight per unit of gain, for the knapsack bound's heap (ties by position).
private struct Rate: Comparable {
    var rate: Double
    var index: Int

    static func < (lhs: Rate, rhs: Rate) -> Bool { (lhs.rate, lhs.index) < (rhs.rate, rhs.index) }
}

final class TargetSearch {
    let problem: TargetProblem
    let weights: [[Int64]]
    let objective: [Int]
    let maxima: [Int64?]
    let deadline: ContinuousClock.Instant?
    let tuning: TargetTuning
    /// Reports progress, when asked for.
    let monitor: SearchMonitor?
    /// The grants of candidate `c` are `grantElement[k], grantLevel[k]` for `k` in `grantStart[c] ..< grantStart[c + 1]`.
    private let grantStart: [Int]
    private let grantElement: [Int]
    private let grantLevel: [Double]
    /// Per element: its weight and its required level.
    private let elementWeight: [Double]
    private let elementRequired: [Double]
    /// Whether a candidate has prerequisites.
    let hasRequires: [Bool]

    private var levels: [Double]
    private var gained = 0.0
    private var chosen: [Bool]
    var excluded: [Bool]
    var chosenList: [Int] = []
    private var totals: [Int64] = [0, 0, 0]
    var best: CoverSelection?
    /// The objective's values of `best`; during the tie-break, the best key.
    var bestKey: [Int64]?
    var nodes = 0
    /// Before the tie-break: nodes that can at best tie the best key are pruned too (see ``SetCoverSolver``).
    var pruneTies = true
    /// The best key (then) of the last tie met: the tie-break runs only when this is the final best key.
    var tiedAt: [Int64]?
    /// During the tie-break: a witness search stops at the first selection with the best key.
    private var witness = false
    private var found = false
    var timedOut = false
    var rootLowerBound: Int64?
    /// In a parallel search: the best selection of all workers and the nodes waiting to be searched.
    var shared: SharedSearch<TargetTask>?
    var sharedVersion = 0
    var depth = 0

    init(_ problem: TargetProblem, deadline: ContinuousClock.Instant?, tuning: TargetTuning, monitor: SearchMonitor? = nil) {
        self.problem = problem
        self.tuning = tuning
        self.monitor = monitor
        weights = [problem.candidates.map { _ in 1 }, problem.candidates.map(\.cost), problem.candidates.map(\.hours)]
        objective = problem.objective.map { CoverMetric.allCases.firstIndex(of: $0)! }
        maxima = [nil, problem.maxCost, problem.maxHours]
        self.deadline = deadline
        levels = problem.elements.map(\.current)
        grantStart = problem.candidates.reduce(into: [0]) { $0.append($0.last! + $1.grants.count) }
        grantElement = problem.candidates.flatMap { $0.grants.map(\.element) }
        grantLevel = problem.candidates.flatMap { $0.grants.map(\.level) }
        elementWeight = problem.elements.map(\.weight)
        elementRequired = problem.elements.map(\.required)
        hasRequires = problem.candidates.map { !$0.requires.isEmpty }
        chosen = Array(repeating: false, count: problem.candidates.count)
        excluded = chosen
    }

    func run() -> CoverOutcome {
        let alive = undominated()
        mainSearch(alive)
        pruneTies = false
        if !timedOut, tiedAt != nil, tiedAt == bestKey { breakTies(alive) }
        let finished = !timedOut
        var lowerBound = rootLowerBound ?? 0
        if finished, let best { lowerBound = best.value(problem.objective[0]) }
        return CoverOutcome(best: best, optimal: finished, lowerBound: lowerBound, nodes: nodes)
    }

    /// The candidates of `available` that are usable and would add score now, with what each would add.
    private func usable(_ available: [Int]) -> [(candidate: Int, gain: Double)] {
        var next: [(candidate: Int, gain: Double)] = []
        next.reserveCapacity(available.count)
        let (isChosen, isExcluded) = (chosen, excluded)  // Read once: the loop only reads.
        levels.withUnsafeBufferPointer { levels in
            grantElement.withUnsafeBufferPointer { grantElement in
                grantLevel.withUnsafeBufferPointer { grantLevel in
                    elementRequired.withUnsafeBufferPointer { required in
                        elementWeight.withUnsafeBufferPointer { weight in
                            for candidate in available where !isChosen[candidate] && !isExcluded[candidate] {
                                if hasRequires[candidate],
                                    problem.candidates[candidate].requires.contains(where: { isExcluded[$0] && !isChosen[$0] })
                                {
                                    continue
                                }
                                var gain = 0.0
                                for index in grantStart[candidate] ..< grantStart[candidate + 1] {
                                    let element = grantElement[index]
                                    let now = min(levels[element], required[element])
                                    let then = min(grantLevel[index], required[element])
                                    if then > now { gain += weight[element] * (then - now) }
                                }
                                if gain > 1e-15 { next.append((candidate, gain)) }
                            }
                        }
                    }
                }
            }
        }
        return next
    }

    /// - Parameter known: the usable candidates with their gains when nothing was chosen since they were computed
    ///   (a candidate was only excluded): the gains are the same, so only the excluded ones need dropping.
    func search(_ available: [Int], known: [(candidate: Int, gain: Double)]? = nil) {
        nodes += 1
        if nodes & 255 == 0 {
            if let deadline, ContinuousClock.now >= deadline { timedOut = true }
            pullSharedBest()
            monitor?.tick(nodes: 256, best: best)
        }
        if timedOut || found { return }
        let remaining = problem.needed - gained
        if remaining <= TargetProblem.tolerance {
            record(CoverSelection(chosen: chosenList.sorted(), cost: totals[1], hours: totals[2]))
            return
        }
        var next = known.map { known in
            known.filter { item in
                !excluded[item.candidate]
                    && !(hasRequires[item.candidate]
                        && problem.candidates[item.candidate].requires.contains { excluded[$0] && !chosen[$0] })
            }
        } ?? usable(available)
        let target = remaining - TargetProblem.tolerance
        guard next.reduce(0, { $0 + $1.gain }) >= target else { return }
        // Lower bounds on what the rest must add, each computed only when a comparison needs it (most nodes are
        // decided by the first metric's).
        var lower: [Int64?] = [nil, nil, nil]
        // With the count first and at most k more candidates allowed (to beat or tie the best), a candidate is only
        // usable if its gain and the k − 1 largest gains reach what is still needed, as gains only shrink; one that
        // is not stays unusable in the whole subtree. The same largest gains give the count bound.
        if objective[0] == 0, let bestKey {
            let left = bestKey[0] - totals[0]
            if left <= 0 { return }
            let largest = Self.largest(next, Int(min(left, Int64(next.count))))
            var sum = 0.0
            var top = 0.0
            var fewest: Int64?
            for (index, gain) in largest.enumerated() {
                sum += gain
                if index + 1 == left - 1 { top = sum }
                if fewest == nil, sum >= target { fewest = Int64(index + 1) }
            }
            if largest.count < left - 1 { top = sum }
            // More than `left` needed: `left + 1` is a bound, and enough to prune.
            lower[0] = fewest ?? left + 1
            next.removeAll { $0.gain + top < target }
        }
        func bound(_ metric: Int) -> Int64 {
            if let known = lower[metric] { return known }
            let value = metric == 0 ? Self.countBound(next, target) : knapsackBound(next, target, metric)
            lower[metric] = value
            return value
        }
        if rootLowerBound == nil, depth == 0 {
            rootLowerBound = bound(objective[0])
            monitor?.prove(atLeast: bound(objective[0]))
        }
        if cannotImprove(bound) { return }

        let primary = objective[0]
        var pick: CoverBranch?
        for item in next {
            let branch = CoverBranch(candidate: item.candidate, share: Double(addedWeight(item.candidate, primary)) / item.gain, gain: item.gain)
            if pick.map({ branch.precedes($0) }) ?? true { pick = branch }
        }
        guard let pick else { return }
        let childAvailable = next.map(\.candidate)

        // Include the candidate (with its missing prerequisites)...
        let adding = [pick.candidate] + problem.candidates[pick.candidate].requires.filter { !chosen[$0] }
        var added: [Int64] = [0, 0, 0]
        for candidate in adding { for metric in 0..<3 { added[metric] += weights[metric][candidate] } }
        let withinBudget = !(1..<3).contains { metric in maxima[metric].map { totals[metric] + added[metric] > $0 } ?? false }
        let includable = withinBudget && !adding.contains(where: { excluded[$0] })
        if let shared, chosenList.count < tuning.splitChosen {
            // Near the root of a parallel search (its long exclusion spine included): both children go to whichever
            // workers are idle, the inclusion first.
            let out = excluded.indices.filter { excluded[$0] }
            var tasks = [TargetTask(chosen: chosenList, excluded: out + [pick.candidate], available: childAvailable, known: next, depth: depth + 1)]
            if includable {
                tasks.append(TargetTask(chosen: chosenList + adding, excluded: out, available: childAvailable, known: nil, depth: depth + 1))
            }
            shared.push(tasks)
            return
        }
        depth += 1
        defer { depth -= 1 }
        if includable {
            let undo = include(adding)
            search(childAvailable)
            revert(undo)
        }
        // ...then exclude it.
        if timedOut || found { return }
        excluded[pick.candidate] = true
        search(childAvailable, known: next)
        excluded[pick.candidate] = false
    }

    /// What ``include(_:)`` changed, for ``revert(_:)``.
    struct Inclusion {
        var adding: [Int]
        var levels: [(element: Int, level: Double)]
        var gained: Double
    }

    /// Chooses `adding` (a candidate with its missing prerequisites): levels, gain and totals follow.
    func include(_ adding: [Int]) -> Inclusion {
        var undo = Inclusion(adding: adding, levels: [], gained: gained)
        for candidate in adding {
            chosen[candidate] = true
            chosenList.append(candidate)
            for metric in 0..<3 { totals[metric] += weights[metric][candidate] }
            for (element, level) in problem.candidates[candidate].grants where level > levels[element] {
                let required = problem.elements[element].required
                gained += problem.elements[element].weight * max(0, min(level, required) - min(levels[element], required))
                undo.levels.append((element, levels[element]))
                levels[element] = level
            }
        }
        return undo
    }

    func revert(_ undo: Inclusion) {
        for candidate in undo.adding {
            chosen[candidate] = false
            for metric in 0..<3 { totals[metric] -= weights[metric][candidate] }
        }
        chosenList.removeLast(undo.adding.count)
        for (element, level) in undo.levels.reversed() { levels[element] = level }
        gained = undo.gained
    }

    /// Among the selections with the best key, the smallest sorted list of indices, decided candidate by candidate
    /// in index order with witness searches (as ``CoverSearch``'s tie-break).
    private func breakTies(_ alive: [Int]) {
        guard var answer = best, let key = bestKey else { return }
        witness = true
        var inclusions: [Inclusion] = []
        var out: [Int] = []
        defer {
            witness = false
            found = false
            for undo in inclusions.reversed() { revert(undo) }
            for candidate in out { excluded[candidate] = false }
            best = answer
            bestKey = key
        }
        for candidate in alive where chosenList.count < answer.chosen.count {
            if chosen[candidate] { continue }
            let adding = [candidate] + problem.candidates[candidate].requires.filter { !chosen[$0] }
            if answer.chosen.contains(candidate) {
                inclusions.append(include(adding))
                continue
            }
            if adding.contains(where: { excluded[$0] }) {
                excluded[candidate] = true
                out.append(candidate)
                continue
            }
            let undo = include(adding)
            found = false
            best = nil
            search(alive)
            if timedOut { inclusions.append(undo); return }
            if found, let selection = best {
                answer = selection
                inclusions.append(undo)
            } else {
                revert(undo)
                excluded[candidate] = true
                out.append(candidate)
            }
        }
    }

    /// What adding `candidate` with its missing prerequisites adds to metric `metric`.
    private func addedWeight(_ candidate: Int, _ metric: Int) -> Int64 {
        var total = weights[metric][candidate]
        guard hasRequires[candidate] else { return total }
        for required in problem.candidates[candidate].requires where !chosen[required] { total += weights[metric][required] }
        return total
    }

    /// The `count` largest gains of `next`, largest first: one pass keeping a short sorted list.
    private static func largest(_ next: [(candidate: Int, gain: Double)], _ count: Int) -> [Double] {
        guard count > 0 else { return [] }
        var kept: [Double] = []
        kept.reserveCapacity(count + 1)
        for item in next where kept.count < count || item.gain > kept[count - 1] {
            var position = kept.count
            while position > 0, kept[position - 1] < item.gain { position -= 1 }
            kept.insert(item.gain, at: position)
            if kept.count > count { kept.removeLast() }
        }
        return kept
    }

    /// The fewest candidates whose gains add up to `target`: a lower bound on the count, as gains only shrink.
    private static func countBound(_ next: [(candidate: Int, gain: Double)], _ target: Double) -> Int64 {
        var gains = Heap(next.map(\.gain))  // Built in linear time; only the few largest are taken.
        var sum = 0.0
        var count: Int64 = 0
        while sum < target, let gain = gains.popMax() {
            sum += gain
            count += 1
        }
        return count
    }

    /// The fractional knapsack: the least of `metric` buying `target` of gain, cheapest gain per unit first.
    private func knapsackBound(_ next: [(candidate: Int, gain: Double)], _ target: Double, _ metric: Int) -> Int64 {
        var rates = Heap(next.indices.map { Rate(rate: Double(weights[metric][next[$0].candidate]) / next[$0].gain, index: $0) })
        var bound = 0.0
        var still = target
        while still > 0, let cheapest = rates.popMin() {
            let item = next[cheapest.index]
            bound += min(1, still / item.gain) * Double(weights[metric][item.candidate])
            still -= item.gain
        }
        return Int64((bound * (1 - 1e-12) - 1e-9).rounded(.up))
    }

    /// Whether what is chosen plus the lower bounds (`lower(metric)`) breaks a budget or cannot beat the best.
    private func cannotImprove(_ lower: (Int) -> Int64) -> Bool {
        for metric in 1..<3 {
            if let maximum = maxima[metric], totals[metric] + lower(metric) > maximum { return true }
        }
        guard let bestKey else { return false }
        for (position, metric) in objective.enumerated() {
            let bound = totals[metric] + lower(metric)
            if bound != bestKey[position] { return bound > bestKey[position] }
        }
        // Equal on every metric: only the indices can decide, which the tie-break does (a node whose choices are
        // all in the best selection is searched on, so that meeting it again is not taken for a tie).
        guard pruneTies, let best, !chosenList.allSatisfy(best.chosen.contains) else { return false }
        tiedAt = bestKey
        return true
    }

    private func record(_ selection: CoverSelection) {
        // The search keeps to the budgets; the tie-break's forced candidates are checked here.
        for metric in 1..<3 {
            if let maximum = maxima[metric], selection.value(CoverMetric.allCases[metric]) > maximum { return }
        }
        let key = objective.map { selection.value(CoverMetric.allCases[$0]) }
        if witness {
            if key == bestKey {
                best = selection
                found = true
            }
            return
        }
        shared?.offer(selection)
        if let best, key == bestKey, selection.chosen != best.chosen { tiedAt = key }
        if let best, !selection.isBetter(than: best, objective: problem.objective) { return }
        best = selection
        bestKey = key
    }
}
