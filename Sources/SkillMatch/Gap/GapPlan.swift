import SkillVectors

/// A gap skill: a requirement the candidate does not fully meet.
public struct GapSkill: Sendable, Hashable {
    /// The skill's id.
    public var skill: String
    /// The skill's label.
    public var label: String
    /// The requirement's importance.
    public var importance: Double
    /// The level required.
    public var required: Double
    /// The level held now.
    public var have: Double
}

/// One credential of a plan.
public struct PlannedCredential: Sendable, Hashable {
    /// The credential's id.
    public var id: String
    /// Its name.
    public var name: String
    /// Gap skills it grants at the required level or above.
    public var covers: [String]
    /// Gap skills it raises without reaching the required level (they count towards `--target` scores).
    public var raises: [String]
    /// Its typical cost in US dollars, when known.
    public var cost: Double?
    /// Its typical hours, when known.
    public var hours: Double?
    /// Chosen credentials that need it as a prerequisite.
    public var prerequisiteFor: [String]
}

/// The smallest set of credentials that closes a candidate's gap for a job (or lifts the fit to a target).
public struct GapPlan: Sendable, Hashable {
    /// The candidate's id.
    public var candidate: String
    /// The job's id.
    public var job: String
    /// The job's title.
    public var title: String
    /// The target score, when the plan aims at one instead of closing every gap skill.
    public var target: Double?
    /// The fit before.
    public var scoreBefore: Double
    /// The fit with the plan's credentials held.
    public var scoreAfter: Double
    /// Whether the plan is proven best: fewest credentials, then least cost, hours and smallest sorted ids.
    public var optimal: Bool
    /// A proven lower bound on the number of credentials any plan needs.
    public var lowerBound: Int
    /// The credentials, in an order they can be earned (prerequisites first).
    public var credentials: [PlannedCredential]
    /// The gap: every requirement with credit below 1, most important first.
    public var gap: [GapSkill]
    /// Gap skills no usable credential grants at the required level.
    public var uncoverable: [GapSkill]
    /// Total known cost in US dollars.
    public var totalCost: Double
    /// Total known hours.
    public var totalHours: Double
    /// How many chosen credentials have no known cost (counted as 0 in ``totalCost``).
    public var unknownCosts: Int
    /// How many chosen credentials have no known hours (counted as 0 in ``totalHours``).
    public var unknownHours: Int
    /// Search nodes the solver explored.
    public var nodes: Int
    /// The credentials the plan drew from, when the planner was given scopes
    /// (``GapPlanner/plan(_:job:filter:scopes:target:timeLimit:threads:progress:)``).
    public var scope: CredentialScope? = nil
    /// Whether the plan only raises the fit: no usable credential grants a gap skill at the required level, so instead
    /// of closing the gap the plan reaches the highest fit the usable credentials reach, with the fewest of them.
    public var raisesOnly = false
    /// The credentials the candidate already holds that serve the job (list it among their occupations), in id order:
    /// why a plan can be empty or short ("you hold A+ and Network+, which serve this occupation").
    public var heldServing: [String] = []
}

/// A gap request that cannot be met, with what would make it possible.
public enum GapError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No usable credentials can lift the fit to the target.
    case targetUnreachable(target: Double, reachable: Double)
    /// The budgets leave no plan; `suggestion` says what budget would suffice.
    case budgetTooSmall(suggestion: String)
    /// The time limit ran out before any plan was found.
    case noPlanInTime
    /// A pool analysis (``PoolGapAnalysis``) reached its time limit with `analysed` of `people` done.
    case poolTimeLimit(seconds: Double, analysed: Int, people: Int)

    public var description: String {
        switch self {
        case .targetUnreachable(let target, let reachable):
            "a fit of \(Self.score(target)) cannot be reached with the usable credentials: the most any set reaches is \(Self.score(reachable))"
        case .budgetTooSmall(let suggestion): suggestion
        case .noPlanInTime: "no plan was found within the time limit; allow more time with --time-limit"
        case .poolTimeLimit(let seconds, let analysed, let people):
            "the analysis stopped at its time limit (\(String(format: "%g", seconds)) s) with \(analysed) of \(people) people analysed; give fewer people or jobs, or leave the plans out (noPlans)"
        }
    }

    static func score(_ value: Double) -> String { String(format: "%.6f", roundedScore(value)) }
}

/// How far the search for a plan has got (``GapPlanner/plan(_:job:filter:target:timeLimit:threads:progress:)``).
public struct PlanSearchProgress: Sendable, Hashable {
    /// The best plan found so far, in short.
    public struct Best: Sendable, Hashable {
        /// Its number of credentials.
        public var credentials: Int
        /// Its total cost in US dollars and total hours, unknown costs and hours counting as 0.
        public var cost: Double
        public var hours: Double
    }

    /// Search nodes so far, over all threads.
    public var nodes: Int
    /// Seconds since the search started.
    public var seconds: Double
    /// The best plan found so far; `nil` before any is found.
    public var best: Best?
    /// A proven lower bound on the number of credentials.
    public var atLeast: Int

    init(_ progress: SearchProgress) {
        nodes = progress.nodes
        let elapsed = progress.elapsed.components
        seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        best = progress.best.map { Best(credentials: $0.count, cost: ExactUnits.dollars($0.cost), hours: ExactUnits.hours($0.hours)) }
        atLeast = Int(progress.lowerBound)
    }
}
