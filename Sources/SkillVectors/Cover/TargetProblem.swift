/// One element of a target problem: a gap skill with its share of the score.
public struct TargetElement: Sendable, Hashable {
    /// Score gained per unit of level, up to ``required``: `w_s / (r_s · Σw)` for the fit score.
    public var weight: Double
    /// The level held now.
    public var current: Double
    /// The level beyond which more earns nothing.
    public var required: Double

    /// Creates an element.
    public init(weight: Double, current: Double, required: Double) {
        self.weight = weight
        self.current = current
        self.required = required
    }
}

/// One candidate of a target problem: the levels it grants, its cost and its prerequisites.
public struct TargetCandidate: Sendable, Hashable {
    /// `(element, level)` pairs.
    public var grants: [(element: Int, level: Double)]
    /// Its cost, in integer units.
    public var cost: Int64
    /// Its hours, in integer units.
    public var hours: Int64
    /// Candidates that must be chosen with it, transitively closed.
    public var requires: [Int]

    /// Creates a candidate.
    public init(grants: [(element: Int, level: Double)], cost: Int64 = 0, hours: Int64 = 0, requires: [Int] = []) {
        self.grants = grants
        self.cost = cost
        self.hours = hours
        self.requires = requires
    }

    public static func == (lhs: TargetCandidate, rhs: TargetCandidate) -> Bool {
        lhs.grants.elementsEqual(rhs.grants) { $0.element == $1.element && $0.level == $1.level }
            && lhs.cost == rhs.cost && lhs.hours == rhs.hours && lhs.requires == rhs.requires
    }

    public func hash(into hasher: inout Hasher) {
        for grant in grants { hasher.combine(grant.element); hasher.combine(grant.level) }
        hasher.combine(cost)
        hasher.combine(hours)
        hasher.combine(requires)
    }
}

/// Choose candidates whose levels raise the score by at least ``needed``, best by a lexicographic objective.
///
/// The score gained by a selection `S` is `Σ_e weight_e · (min(L_e, required_e) − min(current_e, required_e))`
/// with `L_e` the largest of `current_e` and the levels `S` grants: a monotone submodular function of `S`.
public struct TargetProblem: Sendable {
    /// The elements (gap skills).
    public var elements: [TargetElement]
    /// The candidates, in tie-break order.
    public var candidates: [TargetCandidate]
    /// The score gain required.
    public var needed: Double
    /// The largest total cost allowed.
    public var maxCost: Int64?
    /// The largest total hours allowed.
    public var maxHours: Int64?
    /// Metrics minimised, most important first; then sorted indices. Must include ``CoverMetric/count`` (see
    /// ``CoverProblem/objective``).
    public var objective: [CoverMetric]

    /// Creates a problem.
    public init(
        elements: [TargetElement], candidates: [TargetCandidate], needed: Double, maxCost: Int64? = nil,
        maxHours: Int64? = nil, objective: [CoverMetric] = [.count, .cost, .hours]
    ) {
        self.elements = elements
        self.candidates = candidates
        self.needed = needed
        self.maxCost = maxCost
        self.maxHours = maxHours
        self.objective = objective
    }

    /// The tolerance under which a gain counts as reaching ``needed``.
    public static var tolerance: Double { 1e-9 }

    /// The score a selection gains.
    public func gain(of selection: some Sequence<Int>) -> Double {
        var levels = elements.map(\.current)
        for candidate in selection {
            for grant in candidates[candidate].grants { levels[grant.element] = max(levels[grant.element], grant.level) }
        }
        return zip(elements, levels).reduce(0) { sum, pair in
            let (element, level) = pair
            return sum + element.weight * (min(level, element.required) - min(element.current, element.required))
        }
    }
}
