import SkillVectors

/// The catalogue's grants by position, built once per planner or ranking, so that planning and scoring for many
/// people and jobs look up no strings.
struct GrantIndex: Sendable {
    /// Per credential position: its grants as (skill position, level), in skill order.
    let grants: [[(skill: Int, level: Double)]]
    /// Per skill position: the credentials granting it, as (credential position, level), in credential order.
    let granters: [[(credential: Int, level: Double)]]

    init(_ catalog: Catalog) {
        let grants = catalog.credentials.map { credential in
            credential.grants.compactMap { grant in catalog.skillIndex(grant.skill).map { (skill: $0, level: grant.level) } }
                .sorted { $0.skill < $1.skill }
        }
        var granters = [[(credential: Int, level: Double)]](repeating: [], count: catalog.skills.count)
        for (position, list) in grants.enumerated() {
            for grant in list { granters[grant.skill].append((credential: position, level: grant.level)) }
        }
        self.grants = grants
        self.granters = granters
    }

    /// For each usable credential, in ``UsableCredentials/items`` order, the held vector `base` (in skill order)
    /// with the grants of the credential and of its missing prerequisites on top, the largest level winning as in
    /// ``Catalog/effectiveLevels(of:)``. For scoring every credential at once (`next`, `gaps`).
    func heldVectors(base: [(skill: Int, level: Double)], earning usable: UsableCredentials) -> [[(skill: Int, level: Double)]] {
        usable.items.map { item in
            var vector = base
            for credential in [item.credential] + item.missing where !grants[credential].isEmpty {
                vector = Self.merged(vector, grants[credential])
            }
            return vector
        }
    }

    /// Two held vectors in skill order merged into one, the larger level winning where both have a skill.
    private static func merged(
        _ lhs: [(skill: Int, level: Double)], _ rhs: [(skill: Int, level: Double)]
    ) -> [(skill: Int, level: Double)] {
        var result: [(skill: Int, level: Double)] = []
        result.reserveCapacity(lhs.count + rhs.count)
        var (left, right) = (0, 0)
        while left < lhs.count, right < rhs.count {
            if lhs[left].skill < rhs[right].skill {
                result.append(lhs[left]); left += 1
            } else if rhs[right].skill < lhs[left].skill {
                result.append(rhs[right]); right += 1
            } else {
                result.append((skill: lhs[left].skill, level: max(lhs[left].level, rhs[right].level)))
                left += 1; right += 1
            }
        }
        result += lhs[left...]
        result += rhs[right...]
        return result
    }
}

/// The credentials one candidate could earn under a filter (``Catalog/usableCredentials(held:filter:)``), by
/// catalogue position.
struct UsableCredentials: Sendable {
    /// Each usable credential with its missing prerequisites (ascending), in id order.
    let items: [(credential: Int, missing: [Int])]
    /// The missing prerequisites of each usable credential.
    let missing: [Int: [Int]]

    init(_ usable: [(credential: Credential, missing: [String])], in catalog: Catalog) {
        items = usable.map { item in
            (catalog.credentialIndex(item.credential.id)!, item.missing.map { catalog.credentialIndex($0)! }.sorted())
        }
        missing = Dictionary(uniqueKeysWithValues: items.map { ($0.credential, $0.missing) })
    }
}

/// Spending limits in the solvers' exact units (cents, hundredths of an hour).
struct Budgets: Sendable {
    var cost: Int64?
    var hours: Int64?

    static let none = Budgets()

    init(cost: Int64? = nil, hours: Int64? = nil) {
        self.cost = cost
        self.hours = hours
    }

    init(_ filter: CredentialFilter) {
        self.init(cost: filter.maxCost.map { ExactUnits.cents($0) }, hours: filter.maxHours.map { ExactUnits.hundredths($0) })
    }
}

/// One candidate's gap for one job as the solvers see it.
///
/// The solvers' candidates are the usable credentials that help (cover a gap skill, or with a target raise one)
/// plus their missing prerequisites, in catalogue order, which is id order: the solvers break ties by it.
struct GapInstance {
    /// The gap: requirements whose held level is below the required one, most important first, then by skill id.
    let gap: [GapSkill]
    /// Gap skills that no usable credential grants at the required level.
    let uncoverable: [GapSkill]
    private let catalog: Catalog
    private let gapSkills: [Int]
    private let usable: UsableCredentials
    private let index: GrantIndex

    /// The gap of `levels` for `job`.
    init(levels: [String: EffectiveLevel], job: Job, usable: UsableCredentials, index: GrantIndex, catalog: Catalog) {
        // A skill missing from the catalogue (position -1) is granted by no credential.
        let lines = job.requirements.compactMap { requirement -> (GapSkill, Int)? in
            let have = levels[requirement.skill]?.level ?? 0
            guard have < requirement.level else { return nil }
            let skill = catalog.skillIndex(requirement.skill)
            return (GapSkill(skill: requirement.skill, label: skill.map { catalog.skills[$0].label } ?? requirement.skill,
                             importance: requirement.importance, required: requirement.level, have: have), skill ?? -1)
        }
        .sorted { $0.0.importance != $1.0.importance ? $0.0.importance > $1.0.importance : $0.0.skill < $1.0.skill }
        self.gap = lines.map(\.0)
        self.gapSkills = lines.map(\.1)
        self.catalog = catalog
        self.usable = usable
        self.index = index
        self.uncoverable = zip(gap, gapSkills).filter { line, skill in
            skill < 0 || !index.granters[skill].contains { usable.missing[$0.credential] != nil && $0.level >= line.required }
        }.map(\.0)
    }

    /// Per gap element, the usable credentials granting it when `qualifies(level, element)`, gathered per credential
    /// (elements ascending).
    private func grants(where qualifies: (Double, Int) -> Bool) -> [Int: [(element: Int, level: Double)]] {
        var grants: [Int: [(element: Int, level: Double)]] = [:]
        for (element, skill) in gapSkills.enumerated() where skill >= 0 {
            for granter in index.granters[skill] where usable.missing[granter.credential] != nil && qualifies(granter.level, element) {
                grants[granter.credential, default: []].append((element: element, level: granter.level))
            }
        }
        return grants
    }

    /// The solvers' candidates: the helping credentials and their missing prerequisites, ascending, each with the
    /// candidate positions it requires.
    private func candidates(helping: some Sequence<Int>) -> (positions: [Int], requires: [[Int]]) {
        var chosen = Set<Int>()
        for credential in helping {
            chosen.insert(credential)
            chosen.formUnion(usable.missing[credential] ?? [])
        }
        let positions = chosen.sorted()
        let slot = Dictionary(uniqueKeysWithValues: positions.enumerated().map { ($1, $0) })
        return (positions, positions.map { (usable.missing[$0] ?? []).compactMap { slot[$0] } })
    }

    /// A solver for the fewest credentials covering every coverable gap skill, by budgets and objective. The
    /// selections it returns index ``Solver/credentials``.
    func coverSolver() -> Solver {
        let covering = grants { level, element in level >= gap[element].required }
        // Elements renumbered over the coverable skills only.
        var number = [Int](repeating: -1, count: gap.count)
        for list in covering.values { for grant in list { number[grant.element] = 0 } }
        var count = 0
        for element in number.indices where number[element] == 0 { number[element] = count; count += 1 }
        let (positions, requires) = candidates(helping: covering.keys)
        let candidates = positions.enumerated().map { slot, position in
            let credential = catalog.credentials[position]
            return CoverCandidate(
                covers: (covering[position] ?? []).map { number[$0.element] }, cost: ExactUnits.cents(credential.cost),
                hours: ExactUnits.hundredths(credential.hours), requires: requires[slot])
        }
        return Solver(credentials: positions) { budgets, objective, options in
            SetCoverSolver.solve(
                CoverProblem(elementCount: count, candidates: candidates, maxCost: budgets.cost, maxHours: budgets.hours,
                             objective: objective),
                timeLimit: options.timeLimit, threads: options.threads, progress: options.progress)
        }
    }

    /// A solver for the fewest credentials lifting the fit from `before` to `target` (nil: to `reachable`, the most
    /// every usable credential together gives), any grant above the held level counting as in the fit score; `nil`
    /// when even every usable credential falls short (`reachable` says how far they get).
    func targetSolver(_ target: Double?, before: Double, job: Job) -> (solver: Solver?, reachable: Double) {
        let total = job.totalImportance
        let elements = gap.map { TargetElement(weight: $0.importance / ($0.required * total), current: $0.have, required: $0.required) }
        let raising = grants { level, element in level > gap[element].have }
        let (positions, requires) = candidates(helping: raising.keys)
        let candidates = positions.enumerated().map { slot, position in
            let credential = catalog.credentials[position]
            return TargetCandidate(
                grants: raising[position] ?? [], cost: ExactUnits.cents(credential.cost),
                hours: ExactUnits.hundredths(credential.hours), requires: requires[slot])
        }
        func problem(_ needed: Double, _ budgets: Budgets, _ objective: [CoverMetric]) -> TargetProblem {
            TargetProblem(
                elements: elements, candidates: candidates, needed: needed, maxCost: budgets.cost,
                maxHours: budgets.hours, objective: objective)
        }
        let reachable = before + problem(0, .none, [.count]).gain(of: candidates.indices)
        let goal = target ?? reachable
        guard reachable >= goal - TargetProblem.tolerance else { return (nil, reachable) }
        return (Solver(credentials: positions) { budgets, objective, options in
            TargetCoverSolver.solve(
                problem(goal - before, budgets, objective), timeLimit: options.timeLimit, threads: options.threads, progress: options.progress)
        }, reachable)
    }

    /// Solves one gap under given budgets and objective.
    struct Solver {
        /// The catalogue positions of the solver's candidates: a selection's `chosen` indexes this.
        let credentials: [Int]
        let solve: (_ budgets: Budgets, _ objective: [CoverMetric], _ options: Options) -> CoverOutcome
    }

    /// How a solver runs: its time limit, threads (all cores when `nil`) and progress reports.
    struct Options {
        var timeLimit: Duration?
        var threads: Int?
        var progress: (@Sendable (SearchProgress) -> Void)?
    }
}
