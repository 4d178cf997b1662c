// The target search on several threads: its driver, and its tasks.

extension TargetSearch: SharedSearchWorker {
    /// The main search: on several threads for large problems, the workers sharing their best selection and the
    /// nodes near the root (see ``SharedSearch``). The optimum is unique under the full tie order, so it is the same
    /// whatever the threads do; only the node count varies.
    func mainSearch(_ alive: [Int]) {
        guard tuning.workers > 1, alive.count >= tuning.parallelMinimum else {
            search(alive)
            return
        }
        let shared = SharedSearch(
            best, objective: problem.objective,
            root: TargetTask(chosen: [], excluded: [], available: alive, known: nil, depth: 0))
        let workers = [self] + (1..<tuning.workers).map { _ in copy() }
        shared.run(workers)
        depth = 0
        best = shared.selection
        bestKey = best.map { best in problem.objective.map(best.value) }
        if workers.contains(where: { $0.tiedAt != nil && $0.tiedAt == bestKey }) || (shared.tiedAt != nil && shared.tiedAt == bestKey) {
            tiedAt = bestKey
        }
    }

    /// A worker of a parallel search: searches tasks until none is left.
    func work() {
        guard let shared else { return }
        while let task = shared.take() {
            defer { shared.finished() }
            if timedOut { continue }
            pullSharedBest()
            // The task's node: its choices made again in the same order (so the same gains), its exclusions set.
            let undo = include(task.chosen)
            for candidate in task.excluded { excluded[candidate] = true }
            depth = task.depth
            search(task.available, known: task.known)
            for candidate in task.excluded { excluded[candidate] = false }
            revert(undo)
        }
    }

    /// Takes the workers' best selection if it is better and changed since last seen.
    func pullSharedBest() {
        guard let shared, let (selection, version) = shared.best(after: sharedVersion) else { return }
        sharedVersion = version
        guard let selection else { return }
        if let best, !selection.isBetter(than: best, objective: problem.objective) { return }
        best = selection
        bestKey = problem.objective.map(selection.value)
    }

    /// A worker in the same state as this search: the same best selection.
    private func copy() -> TargetSearch {
        let worker = TargetSearch(problem, deadline: deadline, tuning: tuning, monitor: monitor)
        worker.best = best
        worker.bestKey = bestKey
        worker.pruneTies = pruneTies
        return worker
    }
}

/// A node of a parallel target search, waiting to be searched.
struct TargetTask: Sendable {
    /// The candidates chosen on the way to it, in the order they were chosen.
    var chosen: [Int]
    /// The candidates excluded on the way to it.
    var excluded: [Int]
    /// The candidates still worth searching.
    var available: [Int]
    /// The usable candidates with their gains, when its parent computed them with the same choices.
    var known: [(candidate: Int, gain: Double)]?
    var depth: Int
}
