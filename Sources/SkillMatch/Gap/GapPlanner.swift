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
/// - Without a target, when no usable credential covers a gap skill but some raise one, the plan is the best set
///   (same order) reaching the highest fit the usable credentials reach, marked ``GapPlan/raisesOnly``.
public struct GapPlanner: Sendable {
    /// The catalogue.
    public let engine: MatchEngine
    private var catalog: Catalog { engine.catalog }
    /// The catalogue's grants by position.
    let index: GrantIndex

    /// A planner over a catalogue.
    public init(engine: MatchEngine) {
        self.engine = engine.withoutInference
        self.index = GrantIndex(engine.catalog)
    }

    /// The plan for one candidate and job.
    ///
    /// - Parameters:
    ///   - target: a fit score in [0, 1] to reach instead of closing every gap skill.
    ///   - timeLimit: return the best plan found by then, with `optimal` false and a proven lower bound.
    ///   - threads: the most threads the search for a plan over many credentials uses (by default all cores, at
    ///     most 8). The plan does not depend on it when the search finishes.
    ///   - progress: called with how far the search has got when it runs for more than half a second, then every
    ///     quarter second (from the searching threads, one call at a time).
    /// - Throws: ``MatchError`` for unknown ids, ``CatalogValidationError`` for an invalid candidate, ``GapError``
    ///   when the target or budgets cannot be met.
    public func plan(
        _ candidate: Candidate, job jobID: String, filter: CredentialFilter = CredentialFilter(),
        target: Double? = nil, timeLimit: Duration? = nil, threads: Int? = nil,
        progress: (@Sendable (PlanSearchProgress) -> Void)? = nil
    ) throws -> GapPlan {
        try filter.validate(against: catalog)
        guard let jobIndex = catalog.jobIndex(jobID) else { throw MatchError.unknownJob(jobID) }
        let job = catalog.jobs[jobIndex]
        let scoreBefore = try engine.scores(candidate)[jobIndex]
        let usable = UsableCredentials(catalog.usableCredentials(held: Set(candidate.credentials), filter: filter), in: catalog)
        let instance = GapInstance(
            levels: catalog.effectiveLevels(of: candidate), job: job, usable: usable, index: index, catalog: catalog)

        var solver: GapInstance.Solver
        let goal: String
        if let target {
            let (found, reachable) = instance.targetSolver(target, before: scoreBefore, job: job)
            guard let found else { throw GapError.targetUnreachable(target: target, reachable: reachable) }
            (solver, goal) = (found, "reaches a fit of \(GapError.score(target))")
        } else {
            (solver, goal) = (instance.coverSolver(), "closes the coverable gap")
        }
        var options = GapInstance.Options(timeLimit: timeLimit, threads: threads)
        if let progress { options.progress = { @Sendable in progress(PlanSearchProgress($0)) } }
        var outcome = solver.solve(Budgets(filter), [.count, .cost, .hours], options)
        // No usable credential grants any gap skill at the required level, yet some raise one: then the plan is the
        // fewest credentials that raise the fit as far as the usable credentials go (a target plan to the most
        // reachable fit), marked `raisesOnly`. A customer service representative whose gap no credential closes is
        // better served by "CGSP and RISE Up raise your fit from 0.659 to 0.683" than by an empty plan.
        var raisesOnly = false
        if target == nil, outcome.optimal, outcome.best?.chosen.isEmpty == true, !instance.gap.isEmpty {
            let (raiser, reachable) = instance.targetSolver(nil, before: scoreBefore, job: job)
            if roundedScore(reachable) > roundedScore(scoreBefore), let raiser {
                let raised = raiser.solve(Budgets(filter), [.count, .cost, .hours], options)
                if let found = raised.best, !found.chosen.isEmpty { (solver, outcome, raisesOnly) = (raiser, raised, true) }
            }
        }
        guard let best = outcome.best else {
            if !outcome.optimal { throw GapError.noPlanInTime }
            throw budgetError(goal: goal, filter: filter) {
                solver.solve(.none, $0, .init(timeLimit: timeLimit, threads: threads)).best
            }
        }
        let chosen = best.chosen.map { catalog.credentials[solver.credentials[$0]].id }

        let after = try engine.scores(
            Candidate(id: candidate.id, name: candidate.name, skills: candidate.skills, credentials: candidate.credentials + chosen))
        let gap = instance.gap
        let order = catalog.earnOrder(chosen)
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
        let heldServing = Set(candidate.credentials).filter { catalog.credential($0)?.occupations.contains(job.id) ?? false }.sorted()
        return GapPlan(
            candidate: candidate.id, job: job.id, title: job.title, target: target,
            scoreBefore: scoreBefore, scoreAfter: after[jobIndex], optimal: outcome.optimal,
            lowerBound: Int(outcome.lowerBound), credentials: planned, gap: gap, uncoverable: instance.uncoverable,
            totalCost: ExactUnits.dollars(credentials.reduce(0) { $0 + ExactUnits.cents($1.cost) }),
            totalHours: ExactUnits.hours(credentials.reduce(0) { $0 + ExactUnits.hundredths($1.hours) }),
            unknownCosts: credentials.filter { $0.cost == nil }.count,
            unknownHours: credentials.filter { $0.hours == nil }.count,
            nodes: outcome.nodes, raisesOnly: raisesOnly, heldServing: heldServing)
    }

    /// The plan from the first of `scopes` (narrowest first, e.g. ``Catalog/planScopes(for:)``) that gives one: a plan with
    /// credentials, or one needing none. When a scope has no usable credential that helps, cannot reach the target or
    /// breaks the budgets, the next scope is tried; the last scope's plan or error is the answer. The plan records its
    /// scope.
    /// - Throws: as ``plan(_:job:filter:target:timeLimit:threads:progress:)``; ``GapError/noPlanInTime`` at once.
    public func plan(
        _ candidate: Candidate, job jobID: String, filter: CredentialFilter = CredentialFilter(), scopes: [CredentialScope],
        target: Double? = nil, timeLimit: Duration? = nil, threads: Int? = nil,
        progress: (@Sendable (PlanSearchProgress) -> Void)? = nil
    ) throws -> GapPlan {
        for (position, scope) in scopes.enumerated() {
            let last = position == scopes.count - 1
            do {
                var found = try plan(
                    candidate, job: jobID, filter: filter.scoped(scope, towards: [jobID], in: catalog), target: target,
                    timeLimit: timeLimit, threads: threads, progress: progress)
                found.scope = scope
                let needsNone = found.gap.isEmpty || (target.map { roundedScore(found.scoreBefore) >= roundedScore($0) } ?? false)
                if last || !found.credentials.isEmpty || needsNone { return found }
            } catch let error as GapError where !last && error != .noPlanInTime {
                continue
            }
        }
        return try plan(candidate, job: jobID, filter: filter, target: target, timeLimit: timeLimit, threads: threads, progress: progress)
    }

    /// The credentials (catalogue positions) of the best plan lifting a candidate to `target` for `job`, for the pool
    /// analysis: no report, the candidate's levels, score and usable credentials computed once for all jobs.
    /// `nil` when no plan reaches the target (within the filter's budgets).
    func targetPlan(
        levels: [String: EffectiveLevel], before: Double, job: Job, usable: UsableCredentials, filter: CredentialFilter,
        target: Double
    ) -> [Int]? {
        let instance = GapInstance(levels: levels, job: job, usable: usable, index: index, catalog: catalog)
        guard let solver = instance.targetSolver(target, before: before, job: job).solver else { return nil }
        // One thread: the pool analysis runs people in parallel.
        return solver.solve(Budgets(filter), [.count, .cost, .hours], .init(threads: 1)).best?.chosen.map { solver.credentials[$0] }
    }

    /// The level a credential grants in a skill (0 when none).
    private func grantLevel(_ credential: Credential, _ skill: String) -> Double {
        credential.grants.first { $0.skill == skill }?.level ?? 0
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
    public static func amount(_ value: Double) -> String {
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
