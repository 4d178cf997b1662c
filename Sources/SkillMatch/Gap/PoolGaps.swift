import SkillVectors

/// What one credential would do for a pool of candidates.
public struct PoolCredentialImpact: Sendable, Hashable {
    /// The credential's id.
    public var credential: String
    /// Its name.
    public var name: String
    /// Its typical cost in US dollars, when known.
    public var cost: Double?
    /// Its typical hours, when known.
    public var hours: Double?
    /// People it alone (with its missing prerequisites) lifts to qualified for at least one of the jobs.
    public var lifted: Int
    /// For each job, the people it alone lifts to qualified for that job.
    public var liftedByJob: [String: Int]
    /// People whose smallest plan to reach qualified for some job includes it.
    public var inPlans: Int
}

/// The workforce board's view: which credentials would move the most people in a pool to qualified.
public struct PoolGapReport: Sendable, Hashable {
    /// The jobs considered.
    public var jobs: [String]
    /// The number of people in the pool.
    public var people: Int
    /// The score from which a person counts as qualified.
    public var qualified: Double
    /// Per job: people qualified already.
    public var alreadyQualified: [String: Int]
    /// Per job: people no set of usable credentials can lift to qualified.
    public var unreachable: [String: Int]
    /// Credentials that lift someone or appear in someone's plan: most people lifted, then most plans, then id.
    public var credentials: [PoolCredentialImpact]
}

extension Catalog {
    /// This catalogue with only some jobs (all skills, credentials and skill groups kept).
    public func restricted(toJobs ids: [String]) throws -> Catalog {
        let jobs = try ids.map { id throws(MatchError) -> Job in
            guard let job = job(id) else { throw MatchError.unknownJob(id) }
            return job
        }
        return try Catalog(skills: skills, jobs: jobs, credentials: credentials, skillGroups: skillGroups)
    }
}

/// Finds the credentials that would move the most people in a pool to qualified for some jobs.
public struct PoolGapAnalysis: Sendable {
    /// The engine over the chosen jobs only.
    public let engine: MatchEngine
    private let jobIDs: [String]

    /// An analysis for these jobs of a catalogue.
    public init(catalog: Catalog, jobs: [String]) throws {
        jobIDs = Array(Set(jobs)).sorted()
        engine = MatchEngine(catalog: try catalog.restricted(toJobs: jobIDs))
    }

    /// Counts, for each usable credential, the people it alone lifts to `qualified` (scored in blocks through the
    /// vectorized core), and, when `plans` is true, the people whose smallest plan to reach `qualified` includes it.
    /// - Parameter progress: called after each person with the number done.
    public func analyse(
        _ people: [Candidate], qualified: Double = 0.8, filter: CredentialFilter = CredentialFilter(), plans: Bool = true,
        progress: (Int) -> Void = { _ in }
    ) throws -> PoolGapReport {
        try filter.validate(against: engine.catalog)
        let catalog = engine.catalog
        let isQualified = { (score: Double) in roundedScore(score) >= qualified }
        var lifted: [String: Set<Int>] = [:]
        var liftedByJob: [String: [String: Int]] = [:]
        var inPlans: [String: Set<Int>] = [:]
        var alreadyQualified = Dictionary(uniqueKeysWithValues: jobIDs.map { ($0, 0) })
        var unreachable = alreadyQualified
        let planner = GapPlanner(engine: engine)
        for (person, candidate) in people.enumerated() {
            let before = try engine.scores(candidate)
            let open = catalog.jobs.indices.filter { !isQualified(before[$0]) }
            for job in catalog.jobs.indices where isQualified(before[job]) { alreadyQualified[catalog.jobs[job].id, default: 0] += 1 }
            if !open.isEmpty {
                let usable = catalog.usableCredentials(held: Set(candidate.credentials), filter: filter)
                let after = engine.scores(profiles: catalog.profiles(candidate, earning: usable))
                for (row, item) in usable.enumerated() {
                    for job in open where isQualified(after[row, job]) {
                        lifted[item.credential.id, default: []].insert(person)
                        liftedByJob[item.credential.id, default: [:]][catalog.jobs[job].id, default: 0] += 1
                    }
                }
                if plans {
                    for job in open {
                        do {
                            let plan = try planner.plan(candidate, job: catalog.jobs[job].id, filter: filter, target: qualified)
                            for step in plan.credentials { inPlans[step.id, default: []].insert(person) }
                        } catch GapError.targetUnreachable, GapError.budgetTooSmall {
                            unreachable[catalog.jobs[job].id, default: 0] += 1
                        }
                    }
                }
            }
            progress(person + 1)
        }
        let impacts = Set(lifted.keys).union(inPlans.keys).sorted().map { id in
            let credential = catalog.credential(id)!
            return PoolCredentialImpact(
                credential: id, name: credential.name, cost: credential.cost, hours: credential.hours,
                lifted: lifted[id]?.count ?? 0, liftedByJob: liftedByJob[id] ?? [:], inPlans: inPlans[id]?.count ?? 0)
        }
        .sorted { lhs, rhs in
            if lhs.lifted != rhs.lifted { return lhs.lifted > rhs.lifted }
            if lhs.inPlans != rhs.inPlans { return lhs.inPlans > rhs.inPlans }
            return lhs.credential < rhs.credential
        }
        return PoolGapReport(
            jobs: jobIDs, people: people.count, qualified: qualified, alreadyQualified: alreadyQualified,
            unreachable: unreachable, credentials: impacts)
    }
}
