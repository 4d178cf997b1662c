/// A quantity a credential set is judged by.
public enum CoverMetric: Sendable, Hashable, CaseIterable {
    /// The number of credentials.
    case count
    /// The total cost (in integer units, such as cents).
    case cost
    /// The total hours (in integer units, such as hundredths of an hour).
    case hours
}

/// One set a cover may choose: a credential, with what it covers and what it costs.
public struct CoverCandidate: Sendable, Hashable {
    /// The elements (gap skills) it covers, each in `0 ..< elementCount`.
    public var covers: [Int]
    /// Its cost, in integer units; not negative.
    public var cost: Int64
    /// Its hours, in integer units; not negative.
    public var hours: Int64
    /// Other candidates that must be chosen with it (its prerequisites, transitively closed).
    public var requires: [Int]

    /// Creates a candidate.
    public init(covers: [Int], cost: Int64 = 0, hours: Int64 = 0, requires: [Int] = []) {
        self.covers = covers
        self.cost = cost
        self.hours = hours
        self.requires = requires
    }
}

/// Choose candidates covering every element, best by a lexicographic objective, within budgets.
///
/// Candidates are indexed in tie-break order: among sets equal on every metric, the one whose sorted list of
/// indices is lexicographically smallest wins (with candidates in id order, the smallest sorted list of ids).
public struct CoverProblem: Sendable {
    /// The number of elements to cover.
    public var elementCount: Int
    /// The candidates, in tie-break order.
    public var candidates: [CoverCandidate]
    /// The largest number of candidates allowed.
    public var maxCount: Int?
    /// The largest total cost allowed.
    public var maxCost: Int64?
    /// The largest total hours allowed.
    public var maxHours: Int64?
    /// The metrics minimised, most important first; then the sorted indices. Must include ``CoverMetric/count``
    /// (without it, adding a free candidate would make a tying selection, and the smallest list of indices would
    /// gather free candidates that cover nothing new).
    public var objective: [CoverMetric]

    /// Creates a problem; by default the fewest sets, then the least cost, then the least hours.
    public init(
        elementCount: Int, candidates: [CoverCandidate], maxCount: Int? = nil, maxCost: Int64? = nil,
        maxHours: Int64? = nil, objective: [CoverMetric] = [.count, .cost, .hours]
    ) {
        self.elementCount = elementCount
        self.candidates = candidates
        self.maxCount = maxCount
        self.maxCost = maxCost
        self.maxHours = maxHours
        self.objective = objective
    }

    /// The budget on one metric.
    func limit(_ metric: CoverMetric) -> Int64? {
        switch metric {
        case .count: maxCount.map(Int64.init)
        case .cost: maxCost
        case .hours: maxHours
        }
    }
}

/// A chosen set of candidates with its totals.
public struct CoverSelection: Sendable, Hashable {
    /// Chosen candidate indices, ascending.
    public var chosen: [Int]
    /// Number chosen.
    public var count: Int { chosen.count }
    /// Total cost.
    public var cost: Int64
    /// Total hours.
    public var hours: Int64

    /// The value of one metric.
    public func value(_ metric: CoverMetric) -> Int64 {
        switch metric {
        case .count: Int64(count)
        case .cost: cost
        case .hours: hours
        }
    }

    /// Whether `self` is better than `other` under an objective: metric by metric, then by sorted indices.
    public func isBetter(than other: CoverSelection, objective: [CoverMetric]) -> Bool {
        for metric in objective where value(metric) != other.value(metric) {
            return value(metric) < other.value(metric)
        }
        return chosen.lexicographicallyPrecedes(other.chosen)
    }
}

/// What a cover solver found.
public struct CoverOutcome: Sendable, Hashable {
    /// The best selection found; `nil` when none was found (see ``optimal``).
    public var best: CoverSelection?
    /// Whether the search finished: then ``best`` is optimal, or no selection exists when it is `nil`.
    public var optimal: Bool
    /// A proven lower bound on the objective's first metric over all feasible selections.
    public var lowerBound: Int64
    /// Search nodes explored.
    public var nodes: Int
}

/// A candidate to branch on, ordered by its share of the first metric per unit gained, then larger gain first,
/// then smaller index.
struct CoverBranch {
    var candidate: Int
    var share: Double
    var gain: Double

    func precedes(_ other: CoverBranch) -> Bool {
        if share != other.share { return share < other.share }
        if gain != other.gain { return gain > other.gain }
        return candidate < other.candidate
    }
}
