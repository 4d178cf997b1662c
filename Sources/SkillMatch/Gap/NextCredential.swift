import SkillVectors

/// One credential as a next step: what earning it (with any missing prerequisites) would do.
public struct CredentialProspect: Sendable, Hashable {
    /// The credential's id.
    public var credential: String
    /// Its name.
    public var name: String
    /// Its typical cost in US dollars, when known.
    public var cost: Double?
    /// Its typical hours, when known.
    public var hours: Double?
    /// Prerequisites the candidate would have to earn first (included in the effect).
    public var requires: [String]
    /// Jobs it lifts from below to at least the qualified score, with their new scores: best first.
    public var unlocks: [JobScore]
    /// The total fit gain over the candidate's best jobs.
    public var gain: Double
    /// The candidate's best jobs it serves (lists among its occupations), best first.
    public var serves: [String] = []
}

/// The answer to "which credential next?" for one candidate.
public struct NextCredentialAdvice: Sendable, Hashable {
    /// The candidate's id.
    public var candidate: String
    /// The score from which a candidate counts as qualified for a job.
    public var qualified: Double
    /// The candidate's best jobs now, over which gains are summed.
    public var bestJobs: [JobScore]
    /// Jobs the candidate already qualifies for (among the jobs considered).
    public var alreadyQualified: [JobScore]
    /// The credentials and jobs considered: ``CredentialScope/any`` every job and credential; ``CredentialScope/field``
    /// the best jobs and the credentials serving a job of their fields; ``CredentialScope/occupation`` the best jobs and
    /// the credentials serving them.
    public var scope: CredentialScope = .any
    /// How many jobs unlocks were counted over.
    public var jobsConsidered: Int = 0
    /// Credentials that change something, ranked: (scoped: most best jobs served, then) most jobs unlocked, then
    /// largest gain, then id.
    public var prospects: [CredentialProspect]
    /// Credentials serving a best job that a budget (`maxCost`, `maxHours`) left out only because they publish no
    /// cost (or hours) to hold to it: most best jobs served first, then by the best job served first, then id. An
    /// advisor should price them before ruling them out. Empty without a budget.
    public var unpriced: [CredentialProspect] = []
}

extension MatchEngine {
    /// Ranks every usable credential by how many jobs it lifts to qualified and by the fit it adds over the
    /// candidate's best jobs.
    ///
    /// All credentials are scored at once: one level profile per credential (the candidate's levels with the
    /// credential and its missing prerequisites held) and one BLAS product against every job.
    /// - Parameters:
    ///   - qualified: the score from which a job counts as within reach (compared at 6 decimals).
    ///   - bestJobs: how many of the candidate's best jobs now the gain is summed over.
    ///   - ranking: the candidate's jobs best first as another ranking orders them (for a resume, `match`'s rank score
    ///     of ``match(_:evidence:documents:top:minimumScore:validated:explain:)``): the best jobs are its first
    ///     `bestJobs` known ids. By default, the jobs of highest fit.
    ///   - scope: with ``CredentialScope/field``, only credentials serving a job of the best jobs' fields are ranked;
    ///     with ``CredentialScope/occupation``, only those serving a best job. With either, only the best jobs count as
    ///     unlocked (and as already qualified), and credentials are ranked first by how many best jobs they serve.
    /// Inferred credit is never used here: the scores are the plain fit score.
    public func nextCredentials(
        for candidate: Candidate, qualified: Double = 0.8, bestJobs: Int = 10, filter: CredentialFilter = CredentialFilter(),
        ranking: [String]? = nil, scope: CredentialScope = .any
    ) throws -> NextCredentialAdvice {
        if inference != nil {
            return try withoutInference.nextCredentials(
                for: candidate, qualified: qualified, bestJobs: bestJobs, filter: filter, ranking: ranking, scope: scope)
        }
        try filter.validate(against: catalog)
        let before = try scores(candidate)
        let isQualified = { (score: Double) in roundedScore(score) >= qualified }
        let best: [RankedIndex]
        if let ranking {
            var seen = Set<Int>()
            best = ranking.compactMap { catalog.jobIndex($0) }.filter { seen.insert($0).inserted }.prefix(bestJobs)
                .map { RankedIndex(index: $0, score: before[$0]) }
        } else {
            best = TopK.select(before, k: bestJobs)
        }
        let bestIDs = best.map { catalog.jobs[$0.index].id }
        let scoped = filter.scoped(scope, towards: bestIDs, in: catalog)
        // Scoped, unlocking counts among the best jobs only: a credential that lifts a far-off job of a neighbouring
        // occupation over the line by a hair is no reason to earn it.
        let considered: [Int] = scope == .any ? Array(catalog.jobs.indices) : best.map(\.index).sorted()
        let usable = catalog.usableCredentials(held: Set(candidate.credentials), filter: scoped)
        let after = scores(heldVectors: GrantIndex(catalog).heldVectors(
            base: catalog.heldVector(catalog.effectiveLevels(of: candidate)), earning: UsableCredentials(usable, in: catalog)))
        var prospects: [CredentialProspect] = []
        for (row, item) in usable.enumerated() {
            // A budget holds for the credential with the prerequisites it needs (the usable ones have known figures).
            let needed = [item.credential] + item.missing.compactMap { catalog.credential($0) }
            if let maxCost = filter.maxCost, ExactUnits.cents(needed.reduce(0) { $0 + ($1.cost ?? 0) }) > ExactUnits.cents(maxCost) { continue }
            if let maxHours = filter.maxHours, ExactUnits.hundredths(needed.reduce(0) { $0 + ($1.hours ?? 0) }) > ExactUnits.hundredths(maxHours) { continue }
            var unlocks: [RankedIndex] = []
            for job in considered where !isQualified(before[job]) && isQualified(after[row, job]) {
                unlocks.append(RankedIndex(index: job, score: after[row, job]))
            }
            let gain = best.reduce(0.0) { $0 + after[row, $1.index] - before[$1.index] }
            guard !unlocks.isEmpty || roundedScore(gain) > 0 else { continue }
            let occupations = Set(item.credential.occupations)
            prospects.append(CredentialProspect(
                credential: item.credential.id, name: item.credential.name, cost: item.credential.cost,
                hours: item.credential.hours, requires: item.missing,
                unlocks: TopK.sorted(unlocks).map { jobScore($0) }, gain: gain, serves: bestIDs.filter(occupations.contains)))
        }
        // Scoped, what the best jobs' own people earn comes first: employers in an occupation ask for its credentials
        // whether or not they add to the skills a profile already shows.
        let servesFirst = scope != .any
        prospects.sort { lhs, rhs in
            if servesFirst, lhs.serves.count != rhs.serves.count { return lhs.serves.count > rhs.serves.count }
            if lhs.unlocks.count != rhs.unlocks.count { return lhs.unlocks.count > rhs.unlocks.count }
            let (l, r) = (roundedScore(lhs.gain), roundedScore(rhs.gain))
            return l != r ? l > r : lhs.credential < rhs.credential
        }
        let qualifiedNow = TopK.sorted(considered.filter { isQualified(before[$0]) }.map { RankedIndex(index: $0, score: before[$0]) })
        return NextCredentialAdvice(
            candidate: candidate.id, qualified: qualified, bestJobs: best.map { jobScore($0) },
            alreadyQualified: qualifiedNow.map { jobScore($0) }, scope: scope, jobsConsidered: considered.count,
            prospects: prospects, unpriced: unpriced(for: candidate, bestIDs: bestIDs, filter: filter))
    }

    /// The credentials serving one of `bestIDs` that `filter`'s budgets leave out only for want of a published cost or
    /// hours (``NextCredentialAdvice/unpriced``), with the best jobs each serves.
    private func unpriced(for candidate: Candidate, bestIDs: [String], filter: CredentialFilter) -> [CredentialProspect] {
        guard filter.maxCost != nil || filter.maxHours != nil else { return [] }
        var unbudgeted = filter
        (unbudgeted.maxCost, unbudgeted.maxHours) = (nil, nil)
        let serving = unbudgeted.scoped(.occupation, towards: bestIDs, in: catalog)
        let budgeted = Set(catalog.usableCredentials(held: Set(candidate.credentials), filter: filter.scoped(.occupation, towards: bestIDs, in: catalog)).map(\.credential.id))
        return catalog.usableCredentials(held: Set(candidate.credentials), filter: serving).compactMap { item in
            let needed = [item.credential] + item.missing.compactMap { catalog.credential($0) }
            let noCost = filter.maxCost != nil && needed.contains { $0.cost == nil }
            let noHours = filter.maxHours != nil && needed.contains { $0.hours == nil }
            // What is published must fit the budget: only the missing figures keep the credential out.
            let knownCost = ExactUnits.cents(needed.reduce(0) { $0 + ($1.cost ?? 0) })
            let knownHours = ExactUnits.hundredths(needed.reduce(0) { $0 + ($1.hours ?? 0) })
            guard !budgeted.contains(item.credential.id), noCost || noHours,
                  filter.maxCost.map({ knownCost <= ExactUnits.cents($0) }) ?? true,
                  filter.maxHours.map({ knownHours <= ExactUnits.hundredths($0) }) ?? true else { return nil }
            let occupations = Set(item.credential.occupations)
            return CredentialProspect(
                credential: item.credential.id, name: item.credential.name, cost: item.credential.cost, hours: item.credential.hours,
                requires: item.missing, unlocks: [], gain: 0, serves: bestIDs.filter(occupations.contains))
        }
        .sorted { lhs, rhs in
            if lhs.serves.count != rhs.serves.count { return lhs.serves.count > rhs.serves.count }
            let rank = { (prospect: CredentialProspect) in prospect.serves.first.flatMap { bestIDs.firstIndex(of: $0) } ?? bestIDs.count }
            let (l, r) = (rank(lhs), rank(rhs))
            return l != r ? l < r : lhs.credential < rhs.credential
        }
    }

    func jobScore(_ ranked: RankedIndex) -> JobScore {
        let job = catalog.jobs[ranked.index]
        return JobScore(job: job.id, title: job.title, score: ranked.score)
    }
}
