import Foundation

// The cover search on several threads: its driver, and what its workers share.

extension CoverSearch {
    /// A search (each of phase one's, or the main one): on several threads for large problems, the workers sharing
    /// their best selection, whether phase one found a cover, and the nodes near the root (see ``SharedSearch``).
    /// The optimum is unique under the full tie order, so it is the same whatever the threads do; only the node
    /// count varies.
    ///
    /// - Parameters:
    ///   - universe: what is left to cover, with `forced` chosen and `excluded` excluded (the tie-break's witness
    ///     searches start there; the search must already be in that state).
    func mainSearch(_ universe: Bits, _ alive: [Int], forced: [Int] = [], excluded out: [Int] = []) {
        guard tuning.workers > 1, alive.count >= tuning.parallelMinimum, !timedOut else {
            search(universe, alive)
            return
        }
        // The root task carries that state to whichever worker takes it; each worker clears it after a task.
        for candidate in forced { chosen[candidate] = false }
        for candidate in out { excluded[candidate] = false }
        chosenList = []
        totals = [0, 0, 0]
        sharedVersion = 0
        depth = 0
        taskExcluded = []
        let shared = SharedSearch(
            best, objective: objective.map { CoverMetric.allCases[$0] },
            root: CoverTask(
                parentChosen: forced, adding: [], added: [0, 0, 0], excluded: out, uncovered: universe, available: alive,
                depth: 0, test: nil))
        let workers = [self] + (1..<tuning.workers).map { _ in copy() }
        for worker in workers { worker.shared = shared }
        Parallel.forEach(workers.count) { workers[$0].work() }
        for worker in workers.dropFirst() {
            nodes += worker.nodes
            timedOut = timedOut || worker.timedOut
        }
        found = shared.isFound
        rootLowerBound = rootLowerBound ?? workers.lazy.compactMap(\.rootLowerBound).first
        self.shared = nil
        if let selection = shared.selection { best = selection }
        bestKey = best.map { best in objective.map { best.value(CoverMetric.allCases[$0]) } } ?? []
        if workers.contains(where: { $0.tiedAt == bestKey }) || shared.tiedAt == bestKey { tiedAt = bestKey }
    }

    /// A worker of a parallel search: searches tasks until none is left.
    private func work() {
        guard let shared else { return }
        while let task = shared.take() {
            defer { shared.finished() }
            if timedOut || shared.isFound { continue }
            // The best selection known now, at least as good as the parent's when it pushed the task (it offered
            // its own first): the child test below is only valid with such a key.
            pullSharedBest()
            // The parent's state, to test the child against the parent's bound with the best selection known now.
            for candidate in task.parentChosen {
                chosen[candidate] = true
                for metric in 0..<3 { totals[metric] += weights[metric][candidate] }
            }
            for candidate in task.excluded { excluded[candidate] = true }
            defer {
                for candidate in task.parentChosen + task.adding { chosen[candidate] = false }
                for candidate in task.excluded { excluded[candidate] = false }
                chosenList = []
                totals = [0, 0, 0]
            }
            if let test = task.test, !task.uncovered.isEmpty, test.validFor(bestKey),
                childExceeds(test.probe, test.context, test.candidates, keep: test.keep, adding: task.adding,
                             added: task.added, remaining: task.uncovered)
            {
                continue
            }
            for candidate in task.adding { chosen[candidate] = true }
            chosenList = task.parentChosen + task.adding
            for metric in 0..<3 { totals[metric] += task.added[metric] }
            taskExcluded = task.excluded
            depth = task.depth
            search(task.uncovered, task.available)
        }
    }

    /// Takes the workers' best selection if it changed since last seen.
    func pullSharedBest() {
        guard let shared, let (selection, version) = shared.best(after: sharedVersion) else { return }
        sharedVersion = version
        if let selection { record(selection) }
    }

    /// A worker in the same state as this search: the same best selection, phase and bound multipliers.
    private func copy() -> CoverSearch {
        let worker = CoverSearch(problem, deadline: deadline, tuning: tuning)
        worker.best = best
        worker.bestKey = bestKey
        worker.rootLowerBound = rootLowerBound
        worker.countFloor = countFloor
        worker.decisionLimit = decisionLimit
        worker.pruneTies = pruneTies
        worker.witnessKey = witnessKey
        worker.lagrangian = lagrangian
        worker.primaryLagrangian = primaryLagrangian
        return worker
    }
}

/// What the workers of a parallel cover search share: the best selection any of them has found, and a stack of
/// nodes waiting to be searched.
///
/// The nodes near the root are not searched in place: each of their children becomes a ``CoverTask`` (what is
/// chosen, what is excluded, what is left to cover), pushed so the first child is taken first, as a sequential
/// search would. Any idle worker takes the next one; below the split depth a worker searches as usual. Each child is
/// searched once, with its earlier siblings excluded, so no selection is missed or searched twice and the answer is
/// the one a single thread finds; only the pruning differs, as each worker prunes with everyone's best selection.
final class SharedSearch<Bits: CoverBits>: @unchecked Sendable {
    // Invariant: every stored property is read and written only while `condition` is locked.
    private let condition = NSCondition()
    private let objective: [CoverMetric]
    private var best: CoverSelection?
    /// The key of the best selection when another one offered tied it on every metric (see `CoverSearch.tiedAt`).
    private var tied: [Int64]?
    private var version = 0
    private var found = false
    private var tasks: [CoverTask<Bits>] = []
    /// Workers searching a task now (they may push more).
    private var busy = 0

    init(_ best: CoverSelection?, objective: [CoverMetric], root: CoverTask<Bits>) {
        self.best = best
        self.objective = objective
        tasks = [root]
    }

    /// Keeps `selection` if it is better than the shared best.
    func offer(_ selection: CoverSelection) {
        condition.lock()
        defer { condition.unlock() }
        if let best {
            let key = objective.map(selection.value)
            if key == objective.map(best.value), selection.chosen != best.chosen { tied = key }
            if !selection.isBetter(than: best, objective: objective) { return }
        }
        best = selection
        version += 1
    }

    /// The key of the last tie between selections offered.
    var tiedAt: [Int64]? {
        condition.lock()
        defer { condition.unlock() }
        return tied
    }

    /// The shared best, when it changed since `seen` (a version number), with its version.
    func best(after seen: Int) -> (selection: CoverSelection?, version: Int)? {
        condition.lock()
        defer { condition.unlock() }
        return version == seen ? nil : (best, version)
    }

    /// Phase one: whether a worker found a cover within the count decided (all then stop).
    var isFound: Bool {
        condition.lock()
        defer { condition.unlock() }
        return found
    }

    func markFound() {
        condition.lock()
        found = true
        condition.unlock()
    }

    /// The best selection offered by any worker.
    var selection: CoverSelection? {
        condition.lock()
        defer { condition.unlock() }
        return best
    }

    /// Adds tasks; the last one is taken first.
    func push(_ more: [CoverTask<Bits>]) {
        guard !more.isEmpty else { return }
        condition.lock()
        tasks.append(contentsOf: more)
        condition.broadcast()
        condition.unlock()
    }

    /// The next task, waiting while the stack is empty and another worker may still push; `nil` when all is done.
    /// Every task taken must be followed by ``finished()``.
    func take() -> CoverTask<Bits>? {
        condition.lock()
        defer { condition.unlock() }
        while tasks.isEmpty && busy > 0 { condition.wait() }
        guard let task = tasks.popLast() else { return nil }
        busy += 1
        return task
    }

    /// Marks a taken task as searched.
    func finished() {
        condition.lock()
        busy -= 1
        if busy == 0 { condition.broadcast() }
        condition.unlock()
    }
}

/// A node of a parallel cover search, waiting to be searched: a child of `parentChosen`, adding `adding`.
struct CoverTask<Bits: CoverBits>: Sendable {
    /// The candidates chosen on the way to its parent (with their prerequisites).
    var parentChosen: [Int]
    /// The candidates the child adds (one with its missing prerequisites), and what they add to each metric.
    var adding: [Int]
    var added: [Int64]
    /// The candidates its ancestors' earlier siblings excluded.
    var excluded: [Int]
    /// What the child leaves to cover.
    var uncovered: Bits
    /// The candidates still worth searching.
    var available: [Int]
    var depth: Int
    /// The parent's bound, to test the child again when a worker takes it (the best selection may be better by then).
    var test: ChildTest?
}

/// A parent's Lagrangian bound, shared by the tasks of its children.
struct ChildTest: Sendable {
    var probe: BoundProbe
    var context: NodeContext
    var candidates: [Int]
    var keep: [Bool]
    /// The first metric of the parent's best selection.
    var parentFirst: Int64?

    /// Whether the test holds with the taker's best selection: a bound on the second metric (stage 1) assumes the
    /// first can at best tie, true only if the taker's best is no worse on the first than the parent's was.
    func validFor(_ bestKey: [Int64]) -> Bool {
        guard probe.stage == 1 else { return true }
        guard let parentFirst, let first = bestKey.first else { return false }
        return first <= parentFirst
    }
}
