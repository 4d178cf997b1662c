import Foundation
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

    /// Creates an impact (as a partial report read back holds it).
    public init(credential: String, name: String, cost: Double?, hours: Double?, lifted: Int, liftedByJob: [String: Int], inPlans: Int) {
        self.credential = credential
        self.name = name
        self.cost = cost
        self.hours = hours
        self.lifted = lifted
        self.liftedByJob = liftedByJob
        self.inPlans = inPlans
    }
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

    /// Creates a report (as a partial report read back holds it); `credentials` must be in ``ranks(_:before:)`` order.
    public init(
        jobs: [String], people: Int, qualified: Double, alreadyQualified: [String: Int], unreachable: [String: Int],
        credentials: [PoolCredentialImpact]
    ) {
        self.jobs = jobs
        self.people = people
        self.qualified = qualified
        self.alreadyQualified = alreadyQualified
        self.unreachable = unreachable
        self.credentials = credentials
    }

    /// The order of ``credentials``: most people lifted, then most plans, then id.
    public static func ranks(_ lhs: PoolCredentialImpact, before rhs: PoolCredentialImpact) -> Bool {
        if lhs.lifted != rhs.lifted { return lhs.lifted > rhs.lifted }
        if lhs.inPlans != rhs.inPlans { return lhs.inPlans > rhs.inPlans }
        return lhs.credential < rhs.credential
    }

    /// This report and another from the same analysis (jobs, threshold, filter) over other people, as one: the report
    /// of both pools together. Every count is per person, so pools can be analysed in parts, as a large file is read.
    /// - Precondition: both reports are for the same jobs and threshold (the filter cannot be checked).
    public func merged(with other: PoolGapReport) -> PoolGapReport {
        precondition(jobs == other.jobs && qualified == other.qualified, "reports of different analyses")
        var impacts = Dictionary(uniqueKeysWithValues: credentials.map { ($0.credential, $0) })
        for impact in other.credentials {
            guard var merged = impacts[impact.credential] else {
                impacts[impact.credential] = impact
                continue
            }
            merged.lifted += impact.lifted
            merged.inPlans += impact.inPlans
            merged.liftedByJob.merge(impact.liftedByJob, uniquingKeysWith: +)
            impacts[impact.credential] = merged
        }
        return PoolGapReport(
            jobs: jobs, people: people + other.people, qualified: qualified,
            alreadyQualified: alreadyQualified.merging(other.alreadyQualified, uniquingKeysWith: +),
            unreachable: unreachable.merging(other.unreachable, uniquingKeysWith: +),
            credentials: impacts.values.sorted(by: Self.ranks))
    }
}

extension Catalog {
    /// This catalogue with only some jobs (all skills, credentials and skill groups kept, unchanged).
    ///
    /// Not checked again: this catalogue was, and leaving jobs out breaks no rule that scoring relies on. The
    /// credentials keep the occupations they serve (and grants derived from them) although those jobs may be left
    /// out, so that a filter to a field (``CredentialFilter/servingAny``) reads the same here as on the whole.
    public func restricted(toJobs ids: [String]) throws -> Catalog {
        var seen = Set<String>()
        let jobs = try ids.filter { seen.insert($0).inserted }.map { id throws(MatchError) -> Job in
            guard let job = job(id) else { throw MatchError.unknownJob(id) }
            return job
        }
        return Catalog(stored: skills, jobs: jobs, credentials: credentials, skillGroups: skillGroups)
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
    ///
    /// People are analysed on `threads` threads (all cores by default), each person on one; the report does not
    /// depend on the number. When people fail (an invalid candidate), the first one's error is thrown.
    /// - Parameter progress: called after each person with the number done (one call at a time, from any thread).
    /// - Parameter timeLimit: seconds after which no further person is started; then ``GapError/poolTimeLimit(seconds:analysed:people:)``
    ///   is thrown (a partial count would mislead). Nil: no limit.
    public func analyse(
        _ people: [Candidate], qualified: Double = 0.8, filter: CredentialFilter = CredentialFilter(), plans: Bool = true,
        threads: Int = Parallel.threadCount, timeLimit: Double? = nil, progress: (Int) -> Void = { _ in }
    ) throws -> PoolGapReport {
        let deadline = timeLimit.map { ContinuousClock.now + .milliseconds(Int(min($0, 1e9) * 1000)) }
        try filter.validate(against: engine.catalog)
        let catalog = engine.catalog
        let isQualified = { (score: Double) in roundedScore(score) >= qualified }
        let planner = GapPlanner(engine: engine)

        // One person's part of the report.
        func personGaps(_ candidate: Candidate) throws -> PersonGaps {
            var person = PersonGaps()
            let before = try engine.scores(candidate)
            let open = catalog.jobs.indices.filter { !isQualified(before[$0]) }
            person.qualified = catalog.jobs.indices.filter { isQualified(before[$0]) }.map { catalog.jobs[$0].id }
            guard !open.isEmpty else { return person }
            let levels = catalog.effectiveLevels(of: candidate)
            let usable = UsableCredentials(catalog.usableCredentials(held: Set(candidate.credentials), filter: filter), in: catalog)
            let after = engine.scores(heldVectors: planner.index.heldVectors(base: catalog.heldVector(levels), earning: usable))
            for (row, item) in usable.items.enumerated() {
                let jobs = open.filter { isQualified(after[row, $0]) }.map { catalog.jobs[$0].id }
                if !jobs.isEmpty { person.lifted.append((catalog.credentials[item.credential].id, jobs)) }
            }
            if plans {
                for job in open {
                    if let chosen = planner.targetPlan(
                        levels: levels, before: before[job], job: catalog.jobs[job], usable: usable, filter: filter,
                        target: qualified) {
                        person.inPlans.formUnion(chosen.map { catalog.credentials[$0].id })
                    } else {
                        person.unreachable.append(catalog.jobs[job].id)
                    }
                }
            }
            return person
        }

        // Each person is independent: contiguous blocks on all cores, each person's outcome in its own slot.
        let workers = max(1, min(threads, people.count))
        var outcomes = [Result<PersonGaps, any Error>?](repeating: nil, count: people.count)
        let done = DoneCounter()
        // One thread per BLAS call, as in batch scoring: each person's product is small (their usable credentials
        // against the chosen jobs), and on one worker BLAS's own threads only spin.
        BLASThreads.set(1)
        defer { BLASThreads.set(Int32(Parallel.threadCount)) }
        outcomes.withUnsafeMutableBufferPointer { outcomes in
            // Eight blocks per worker, dealt out in turn, so a slow stretch of the pool does not hold one worker.
            let blocks = Parallel.ranges(people.count, parts: workers * 8)
            Parallel.forEach(workers) { worker in
                for block in stride(from: worker, to: blocks.count, by: workers) {
                    for index in blocks[block] {
                        if let deadline, ContinuousClock.now >= deadline {
                            outcomes[index] = .failure(GapError.poolTimeLimit(seconds: timeLimit ?? 0, analysed: done.count, people: people.count))
                            continue
                        }
                        outcomes[index] = Result { try personGaps(people[index]) }
                        done.add { progress($0) }
                    }
                }
            }
        }

        var lifted: [String: Set<Int>] = [:]
        var liftedByJob: [String: [String: Int]] = [:]
        var inPlans: [String: Set<Int>] = [:]
        var alreadyQualified = Dictionary(uniqueKeysWithValues: jobIDs.map { ($0, 0) })
        var unreachable = alreadyQualified
        for (index, outcome) in outcomes.enumerated() {
            let person = try outcome!.get()
            for job in person.qualified { alreadyQualified[job, default: 0] += 1 }
            for (credential, jobs) in person.lifted {
                lifted[credential, default: []].insert(index)
                for job in jobs { liftedByJob[credential, default: [:]][job, default: 0] += 1 }
            }
            for credential in person.inPlans { inPlans[credential, default: []].insert(index) }
            for job in person.unreachable { unreachable[job, default: 0] += 1 }
        }
        let impacts = Set(lifted.keys).union(inPlans.keys).map { id in
            let credential = catalog.credential(id)!
            return PoolCredentialImpact(
                credential: id, name: credential.name, cost: credential.cost, hours: credential.hours,
                lifted: lifted[id]?.count ?? 0, liftedByJob: liftedByJob[id] ?? [:], inPlans: inPlans[id]?.count ?? 0)
        }
        .sorted(by: PoolGapReport.ranks)
        return PoolGapReport(
            jobs: jobIDs, people: people.count, qualified: qualified, alreadyQualified: alreadyQualified,
            unreachable: unreachable, credentials: impacts)
    }
}

/// One person's part of a ``PoolGapReport``.
private struct PersonGaps {
    /// Jobs the person is qualified for already.
    var qualified: [String] = []
    /// Each credential that alone lifts the person to qualified, with the jobs it does so for.
    var lifted: [(credential: String, jobs: [String])] = []
    /// Credentials in the person's smallest plans.
    var inPlans: Set<String> = []
    /// Jobs no set of usable credentials lifts the person to.
    var unreachable: [String] = []
}

/// Counts people done across worker threads and reports each count, one report at a time.
private final class DoneCounter: @unchecked Sendable {
    // Invariant: `done` is only read or written while holding `lock`.
    private let lock = NSLock()
    private var done = 0

    /// How many are done.
    var count: Int { lock.withLock { done } }

    /// Adds one and calls `report` with the new count while holding the lock.
    func add(_ report: (Int) -> Void) {
        lock.withLock {
            done += 1
            report(done)
        }
    }
}
