import SkillVectors

/// Finds the smallest set of credentials that closes a candidate's gap for a job.
///
/// - The gap is every requirement with credit below 1. A credential the candidate does not hold covers a gap skill
///   when it grants that skill at the required level or above. Gap skills no usable credential covers are
///   reported as uncoverable.
/// - The plan has the fewest credentials covering every coverable gap skill; among equal counts the least total
///   cost, then the least total hours, then the smallest sorted list of ids. A chosen credential's prerequisites
///   that the candidate does not hold join the plan and count. Unknown costs and hours count as 0.
/// - With a target score, the plan is instead the best set (same order) whose credentials lift the fit to at least
///   the target; then any grant above the held level counts, as in the fit score.
public struct GapPlanner: Sendable {
    /// The catalogue.
    public let engine: MatchEngine
    private var catalog: Catalog { engine.catalog }

    /// A planner over a catalogue.
    public init(engine: MatchEngine) { self.engine = engine.withoutInference }

    /// The plan for one candidate and job.
    ///
    /// - Parameters:
    ///   - target: a fit score in [0, 1] to reach instead of closing every gap skill.
    ///   - timeLimit: return the best plan found by then, with `optimal` false and a proven lower bound.
    ///   - threads: the most threads the search for a plan closing a large gap uses (all cores by default). The
    ///     plan does not depend on it when the search finishes; a `target` search runs on one thread.
    /// - Throws: ``MatchError`` for unknown ids, ``CatalogValidationError`` for an invalid candidate, ``GapError``
    ///   when the target or budgets cannot be met.
    public func plan(
        _ candidate: Candidate, job jobID: String, filter: CredentialFilter = CredentialFilter(),
        target: Double? = nil, timeLimit: Duration? = nil, threads: Int? = nil
    ) throws -> GapPlan {
        try filter.validate(against: catalog)
        let fit = try engine.fit(candidate, job: jobID)
        let job = catalog.job(jobID)!
        let gap = fit.skills.filter { $0.have < $0.required }.map {
            GapSkill(skill: $0.skill, label: $0.label, importance: $0.importance, required: $0.required, have: $0.have)
        }
        let held = Set(candidate.credentials)
        let usable = catalog.usableCredentials(held: held, filter: filter)
        let coverable = Set(usable.flatMap { item in
            gap.filter { grantLevel(item.credential, $0.skill) >= $0.required }.map(\.skill)
        })
        let uncoverable = gap.filter { !coverable.contains($0.skill) }

        let choice: (chosen: [String], outcome: CoverOutcome)
        if let target {
            choice = try solveTarget(target, before: fit.score, job: job, gap: gap, usable: usable, filter: filter, timeLimit: timeLimit)
        } else {
            choice = try solveCover(
                gap.filter { coverable.contains($0.skill) }, usable: usable, filter: filter, timeLimit: timeLimit,
                threads: threads)
        }

        let after = try engine.fit(
            Candidate(id: candidate.id, name: candidate.name, skills: candidate.skills, credentials: candidate.credentials + choice.chosen),
            job: jobID)
        let order = catalog.earnOrder(choice.chosen)
        let planned = order.map { id -> PlannedCredential in
            let credential = catalog.credential(id)!
            return PlannedCredential(
                id: id, name: credential.name,
                covers: gap.filter { grantLevel(credential, $0.skill) >= $0.required }.map(\.skill),
                raises: gap.filter { let level = grantLevel(credential, $0.skill); return level > $0.have && level < $0.required }.map(\.skill),
                cost: credential.cost, hours: credential.hours,
                prerequisiteFor: order.filter { catalog.credential($0)!.prerequisites.contains(id) })
        }
        let credentials = planned.map { catalog.credential($0.id)! }
        return GapPlan(
            candidate: candidate.id, job: job.id, title: job.title, target: target,
            scoreBefore: fit.score, scoreAfter: after.score, optimal: choice.outcome.optimal,
            lowerBound: Int(choice.outcome.lowerBound), credentials: planned, gap: gap, uncoverable: uncoverable,
            totalCost: ExactUnits.dollars(credentials.reduce(0) { $0 + ExactUnits.cents($1.cost) }),
            totalHours: ExactUnits.hours(credentials.reduce(0) { $0 + ExactUnits.hundredths($1.hours) }),
            unknownCosts: credentials.filter { $0.cost == nil }.count,
            unknownHours: credentials.filter { $0.hours == nil }.count,
            nodes: choice.outcome.nodes)
    }

    /// The level a credential grants in a skill (0 when none).
    private func grantLevel(_ credential: Credential, _ skill: String) -> Double {
        credential.grants.first { $0.skill == skill }?.level ?? 0
    }

    /// Candidates for a solver: the credentials that help plus their missing prerequisites, in id order.
    private func candidates(
        helping: (Credential) -> Bool, usable: [(credential: Credential, missing: [String])]
    ) -> (ids: [String], requires: [[Int]]) {
        let missing = Dictionary(uniqueKeysWithValues: usable.map { ($0.credential.id, $0.missing) })
        var ids = Set<String>()
        for item in usable where helping(item.credential) {
            ids.insert(item.credential.id)
            ids.formUnion(item.missing)
        }
        let ordered = ids.sorted()
        let position = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($1, $0) })
        return (ordered, ordered.map { id in (missing[id] ?? []).compactMap { position[$0] } })
    }

    private func solveCover(
        _ elements: [GapSkill], usable: [(credential: Credential, missing: [String])], filter: CredentialFilter,
        timeLimit: Duration?, threads: Int?
    ) throws -> (chosen: [String], outcome: CoverOutcome) {
        let index = Dictionary(uniqueKeysWithValues: elements.enumerated().map { ($1.skill, $0) })
        func covers(_ credential: Credential) -> [Int] {
            credential.grants.compactMap { grant in
                index[grant.skill].flatMap { grant.level >= elements[$0].required ? $0 : nil }
            }.sorted()
        }
        let (ids, requires) = candidates(helping: { !covers($0).isEmpty }, usable: usable)
        func problem(maxCost: Int64?, maxHours: Int64?, objective: [CoverMetric]) -> CoverProblem {
            CoverProblem(
                elementCount: elements.count,
                candidates: ids.enumerated().map { position, id in
                    let credential = catalog.credential(id)!
                    return CoverCandidate(
                        covers: covers(credential), cost: ExactUnits.cents(credential.cost),
                        hours: ExactUnits.hundredths(credential.hours), requires: requires[position])
                },
                maxCost: maxCost, maxHours: maxHours, objective: objective)
        }
        let budgets = (cost: filter.maxCost.map { ExactUnits.cents($0) }, hours: filter.maxHours.map { ExactUnits.hundredths($0) })
        let outcome = SetCoverSolver.solve(
            problem(maxCost: budgets.cost, maxHours: budgets.hours, objective: [.count, .cost, .hours]), timeLimit: timeLimit,
            threads: threads)
        if let best = outcome.best { return (best.chosen.map { ids[$0] }, outcome) }
        if !outcome.optimal { throw GapError.noPlanInTime }
        throw budgetError(goal: "closes the coverable gap", filter: filter) { objective in
            SetCoverSolver.solve(problem(maxCost: nil, maxHours: nil, objective: objective), timeLimit: timeLimit, threads: threads).best
        }
    }

    private func solveTarget(
        _ target: Double, before: Double, job: Job, gap: [GapSkill], usable: [(credential: Credential, missing: [String])],
        filter: CredentialFilter, timeLimit: Duration?
    ) throws -> (chosen: [String], outcome: CoverOutcome) {
        let total = job.totalImportance
        let elements = gap.map { TargetElement(weight: $0.importance / ($0.required * total), current: $0.have, required: $0.required) }
        let index = Dictionary(uniqueKeysWithValues: gap.enumerated().map { ($1.skill, $0) })
        func grants(_ credential: Credential) -> [(element: Int, level: Double)] {
            credential.grants.compactMap { grant in
                index[grant.skill].flatMap { grant.level > gap[$0].have ? (element: $0, level: grant.level) : nil }
            }.sorted { $0.element < $1.element }
        }
        let (ids, requires) = candidates(helping: { !grants($0).isEmpty }, usable: usable)
        func problem(maxCost: Int64?, maxHours: Int64?, objective: [CoverMetric]) -> TargetProblem {
            TargetProblem(
                elements: elements,
                candidates: ids.enumerated().map { position, id in
                    let credential = catalog.credential(id)!
                    return TargetCandidate(
                        grants: grants(credential), cost: ExactUnits.cents(credential.cost),
                        hours: ExactUnits.hundredths(credential.hours), requires: requires[position])
                },
                needed: target - before, maxCost: maxCost, maxHours: maxHours, objective: objective)
        }
        let unconstrained = problem(maxCost: nil, maxHours: nil, objective: [.count, .cost, .hours])
        let reachable = before + unconstrained.gain(of: ids.indices)
        if reachable < target - TargetProblem.tolerance { throw GapError.targetUnreachable(target: target, reachable: reachable) }
        let budgets = (cost: filter.maxCost.map { ExactUnits.cents($0) }, hours: filter.maxHours.map { ExactUnits.hundredths($0) })
        let outcome = TargetCoverSolver.solve(problem(maxCost: budgets.cost, maxHours: budgets.hours, objective: [.count, .cost, .hours]), timeLimit: timeLimit)
        if let best = outcome.best { return (best.chosen.map { ids[$0] }, outcome) }
        if !outcome.optimal { throw GapError.noPlanInTime }
        throw budgetError(goal: "reaches a fit of \(GapError.score(target))", filter: filter) { objective in
            TargetCoverSolver.solve(problem(maxCost: nil, maxHours: nil, objective: objective), timeLimit: timeLimit).best
        }
    }

    /// The error for budgets that leave no plan, naming the least cost and least hours that would suffice.
    private func budgetError(goal: String, filter: CredentialFilter, solve: ([CoverMetric]) -> CoverSelection?) -> GapError {
        var limits: [String] = []
        if let maxCost = filter.maxCost { limits.append("$\(Self.amount(maxCost))") }
        if let maxHours = filter.maxHours { limits.append("\(Self.amount(maxHours)) hours") }
        var parts = ["no set of credentials \(goal) within \(limits.joined(separator: " and "))"]
        if filter.maxCost != nil, let cheapest = solve([.cost, .count, .hours]) {
            parts.append("the cheapest that does costs $\(Self.amount(ExactUnits.dollars(cheapest.cost))) (\(cheapest.count) credential\(cheapest.count == 1 ? "" : "s"), \(Self.amount(ExactUnits.hours(cheapest.hours))) hours)")
        }
        if filter.maxHours != nil, let quickest = solve([.hours, .count, .cost]) {
            parts.append("the quickest takes \(Self.amount(ExactUnits.hours(quickest.hours))) hours (\(quickest.count) credential\(quickest.count == 1 ? "" : "s"), $\(Self.amount(ExactUnits.dollars(quickest.cost))))")
        }
        return .budgetTooSmall(suggestion: parts.joined(separator: "; "))
    }

    /// `1,600` or `1,600.50`: whole units grouped by thousands, as the tables print them.
    static func amount(_ value: Double) -> String {
        let cents = Int64((abs(value) * 100).rounded())
        var whole = String(cents / 100)
        var groups: [Substring] = []
        while whole.count > 3 {
            groups.insert(whole.suffix(3), at: 0)
            whole = String(whole.dropLast(3))
        }
        groups.insert(Substring(whole), at: 0)
        let fraction = cents % 100 == 0 ? "" : String(format: ".%02d", Int(cents % 100))
        return (value < 0 ? "-" : "") + groups.joined(separator: ",") + fraction
    }
}
