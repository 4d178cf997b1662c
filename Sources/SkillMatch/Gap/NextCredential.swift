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
}

/// The answer to "which credential next?" for one candidate.
public struct NextCredentialAdvice: Sendable, Hashable {
    /// The candidate's id.
    public var candidate: String
    /// The score from which a candidate counts as qualified for a job.
    public var qualified: Double
    /// The candidate's best jobs now, over which gains are summed.
    public var bestJobs: [JobScore]
    /// Jobs the candidate already qualifies for.
    public var alreadyQualified: [JobScore]
    /// Credentials that change something, ranked: most jobs unlocked, then largest gain, then id.
    public var prospects: [CredentialProspect]
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
    /// Inferred credit is never used here: the scores are the plain fit score.
    public func nextCredentials(
        for candidate: Candidate, qualified: Double = 0.8, bestJobs: Int = 10, filter: CredentialFilter = CredentialFilter()
    ) throws -> NextCredentialAdvice {
        if inference != nil {
            return try withoutInference.nextCredentials(for: candidate, qualified: qualified, bestJobs: bestJobs, filter: filter)
        }
        try filter.validate(against: catalog)
        let before = try scores(candidate)
        let isQualified = { (score: Double) in roundedScore(score) >= qualified }
        let best = TopK.select(before, k: bestJobs)
        let usable = catalog.usableCredentials(held: Set(candidate.credentials), filter: filter)
        let after = scores(heldVectors: GrantIndex(catalog).heldVectors(
            base: catalog.heldVector(catalog.effectiveLevels(of: candidate)), earning: UsableCredentials(usable, in: catalog)))
        var prospects: [CredentialProspect] = []
        for (row, item) in usable.enumerated() {
            var unlocks: [RankedIndex] = []
            for job in catalog.jobs.indices where !isQualified(before[job]) && isQualified(after[row, job]) {
                unlocks.append(RankedIndex(index: job, score: after[row, job]))
            }
            let gain = best.reduce(0.0) { $0 + after[row, $1.index] - before[$1.index] }
            guard !unlocks.isEmpty || roundedScore(gain) > 0 else { continue }
            prospects.append(CredentialProspect(
                credential: item.credential.id, name: item.credential.name, cost: item.credential.cost,
                hours: item.credential.hours, requires: item.missing,
                unlocks: TopK.sorted(unlocks).map { jobScore($0) }, gain: gain))
        }
        prospects.sort { lhs, rhs in
            if lhs.unlocks.count != rhs.unlocks.count { return lhs.unlocks.count > rhs.unlocks.count }
            let (l, r) = (roundedScore(lhs.gain), roundedScore(rhs.gain))
            return l != r ? l > r : lhs.credential < rhs.credential
        }
        let qualifiedNow = TopK.sorted(before.enumerated().filter { isQualified($0.element) }.map { RankedIndex(index: $0.offset, score: $0.element) })
        return NextCredentialAdvice(
            candidate: candidate.id, qualified: qualified, bestJobs: best.map { jobScore($0) },
            alreadyQualified: qualifiedNow.map { jobScore($0) }, prospects: prospects)
    }

    func jobScore(_ ranked: RankedIndex) -> JobScore {
        let job = catalog.jobs[ranked.index]
        return JobScore(job: job.id, title: job.title, score: ranked.score)
    }
}
