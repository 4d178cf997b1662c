import Foundation

// The cover search on several threads: its driver, and what its workers share.

extension CoverSearch: SharedSearchWorker {
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
        shared.run(workers)
        found = shared.isFound
        if let selection = shared.selection { best = selection }
        bestKey = best.map { best in objective.map { best.value(CoverMetric.allCases[$0]) } } ?? []
        if workers.contains(where: { $0.tiedAt == bestKey }) || shared.tiedAt == bestKey { tiedAt = bestKey }
    }

    /// A worker of a parallel search: searches tasks until none is left.
    func work() {
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
        let worker = CoverSearch(problem, deadline: deadline, tuning: tuning, monitor: monitor)
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
