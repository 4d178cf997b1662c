import SkillVectors

/// A candidate and their score for one job, as ranked by ``MatchEngine/rankCandidates(_:for:top:minimumScore:)``.
public struct CandidateScore: Sendable, Hashable {
    /// The candidate's id.
    public var candidate: String
    /// The candidate's name, when known.
    public var name: String?
    /// The fit score, in [0, 1].
    public var score: Double
}

extension MatchEngine {
    /// The `k` best-fitting candidates for a job: score rounded to 6 decimals descending, then candidate id ascending.
    ///
    /// The pool is scored in blocks through the same kernel as ``match(_:top:minimumScore:)``, so each score equals
    /// that candidate's `fit` for the job (with the same inference, when the engine has it).
    /// - Throws: ``MatchError/unknownJob(_:)``, or ``CatalogValidationError`` for an invalid candidate.
    public func rankCandidates(
        _ candidates: [Candidate], for jobID: String, top k: Int, minimumScore: Double = 0
    ) throws -> [CandidateScore] {
        guard let job = catalog.jobIndex(jobID) else { throw MatchError.unknownJob(jobID) }
        for candidate in candidates { try catalog.validate(candidate) }
        let ordered = candidates.sorted { $0.id < $1.id }
        var pool: [Double] = []
        pool.reserveCapacity(ordered.count)
        let blockSize = 256
        for start in stride(from: 0, to: ordered.count, by: blockSize) {
            let block = ordered[start ..< min(start + blockSize, ordered.count)]
            let levels = block.map(catalog.effectiveLevels)
            let matrix = scores(profiles: levels)
            for row in 0..<block.count {
                var score = matrix[row, job]
                let held = catalog.heldVector(levels[row])
                if let sources = inferenceSources(held) { score += inferredBonus(job: job, held: held, sources: sources) }
                pool.append(score)
            }
        }
        return TopK.select(pool, k: k) { $0.score >= minimumScore }.map {
            CandidateScore(candidate: ordered[$0.index].id, name: ordered[$0.index].name, score: $0.score)
        }
    }
}
