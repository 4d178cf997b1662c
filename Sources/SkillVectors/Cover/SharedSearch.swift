import Foundation

/// What the workers of a parallel search (``CoverSearch``, ``TargetSearch``) share: the best selection any of them
/// has found, and a stack of nodes waiting to be searched.
///
/// The nodes near the root are not searched in place: each of their children becomes a task (``CoverTask``,
/// ``TargetTask``: what is chosen, what is excluded, what is left), pushed so the first child is taken first, as a
/// sequential search would. Any idle worker takes the next one; below the split depth a worker searches as usual.
/// Each child is searched once, with its earlier siblings excluded, so no selection is missed or searched twice and
/// the answer is the one a single thread finds; only the pruning differs, as each worker prunes with everyone's best
/// selection.
final class SharedSearch<Node: Sendable>: @unchecked Sendable {
    // Invariant: every stored property is read and written only while `condition` is locked.
    private let condition = NSCondition()
    private let objective: [CoverMetric]
    private var best: CoverSelection?
    /// The key of the best selection when another one offered tied it on every metric (see `CoverSearch.tiedAt`).
    private var tied: [Int64]?
    private var version = 0
    private var found = false
    private var tasks: [Node] = []
    /// Workers searching a task now (they may push more).
    private var busy = 0

    init(_ best: CoverSelection?, objective: [CoverMetric], root: Node) {
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
    func push(_ more: [Node]) {
        guard !more.isEmpty else { return }
        condition.lock()
        tasks.append(contentsOf: more)
        condition.broadcast()
        condition.unlock()
    }

    /// The next task, waiting while the stack is empty and another worker may still push; `nil` when all is done.
    /// Every task taken must be followed by ``finished()``.
    func take() -> Node? {
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

/// A search that can be one of the workers sharing a ``SharedSearch`` (``CoverSearch``, ``TargetSearch``).
protocol SharedSearchWorker: AnyObject {
    associatedtype Node: Sendable
    var shared: SharedSearch<Node>? { get set }
    var nodes: Int { get set }
    var timedOut: Bool { get set }
    var rootLowerBound: Int64? { get set }
    /// Searches tasks of ``shared`` until none is left.
    func work()
}

extension SharedSearch {
    /// Runs `workers`, the first being the search that started them, each on its own thread until every task is
    /// searched; then adds the others' nodes, time-out and root bound to the first's and detaches them all.
    func run<Worker: SharedSearchWorker>(_ workers: [Worker]) where Worker.Node == Node {
        for worker in workers { worker.shared = self }
        Parallel.forEach(workers.count) { workers[$0].work() }
        let first = workers[0]
        for worker in workers.dropFirst() {
            first.nodes += worker.nodes
            first.timedOut = first.timedOut || worker.timedOut
        }
        first.rootLowerBound = first.rootLowerBound ?? workers.lazy.compactMap(\.rootLowerBound).first
        for worker in workers { worker.shared = nil }
    }
}
