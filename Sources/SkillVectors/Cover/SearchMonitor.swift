import Foundation

/// How far an exact search (``SetCoverSolver``, ``TargetCoverSolver``) has got, for a progress display.
public struct SearchProgress: Sendable, Hashable {
    /// Nodes searched so far, over all threads.
    public var nodes: Int
    /// Time since the search started.
    public var elapsed: Duration
    /// The best selection found so far.
    public var best: CoverSelection?
    /// A proven lower bound on the objective's first metric.
    public var lowerBound: Int64
}

/// Gathers the progress of a search's workers and reports it, first after `delay`, then at most every `interval`,
/// one report at a time.
final class SearchMonitor: @unchecked Sendable {
    // Invariant: the stored variables are read and written only while holding `lock`.
    private let lock = NSLock()
    private let objective: [CoverMetric]
    private let report: @Sendable (SearchProgress) -> Void
    private let start = ContinuousClock.now
    private let interval: Duration
    private var next: ContinuousClock.Instant
    private var nodes = 0
    private var best: CoverSelection?
    private var lowerBound: Int64 = 0

    init(
        objective: [CoverMetric], delay: Duration = .milliseconds(500), interval: Duration = .milliseconds(250),
        report: @escaping @Sendable (SearchProgress) -> Void
    ) {
        self.objective = objective
        self.interval = interval
        self.report = report
        next = start + delay
    }

    /// Adds the nodes one worker searched since its last tick, with the best selection it knows.
    func tick(nodes added: Int, best selection: CoverSelection?) {
        lock.withLock {
            nodes += added
            if let selection, best.map({ selection.isBetter(than: $0, objective: objective) }) ?? true { best = selection }
            let now = ContinuousClock.now
            guard now >= next else { return }
            next = now + interval
            report(SearchProgress(nodes: nodes, elapsed: now - start, best: best, lowerBound: lowerBound))
        }
    }

    /// Notes a proven lower bound on the first metric (the largest noted is reported).
    func prove(atLeast bound: Int64) {
        lock.withLock { lowerBound = max(lowerBound, bound) }
    }
}
