import SkillVectors

/// A job ranked for a candidate read from a document: its rank score and the numbers it combines.
public struct DocumentJobScore: Sendable, Hashable {
    /// The job's id.
    public var job: String
    /// The job's title.
    public var title: String
    /// The rank score (``DocumentEvidence``), in [0, 1]: what the list is ordered by.
    public var rank: Double
    /// The documented fit score of the candidate's profile for the job, in [0, 1].
    public var fit: Double
    /// The text relevance, scaled so that the most relevant job has 1.
    public var relevance: Double
    /// The title evidence, in [0, 1].
    public var titleEvidence: Double
    /// The titles the document names that are this job's, as the catalogue writes them.
    public var titles: [String]
    /// The document's terms that contribute most to the relevance, largest first.
    public var terms: [String]
}

extension MatchEngine {
    /// The `k` best jobs for a candidate read from a document, by the rank score of ``DocumentEvidence``:
    /// rank rounded to 6 decimals descending, then job id. `minimumScore` applies to the fit.
    /// - Throws: ``CatalogValidationError`` when the candidate refers to unknown skills or credentials.
    /// - Complexity: one scoring pass and one relevance pass, then O(jobs · log k).
    /// With `explain` false, ``DocumentJobScore/terms`` is left empty (`batch` does not write it).
    /// Pass `validated` when the candidate was checked against this catalogue already (``Catalog/validate(_:)``).
    /// The fits come from `documents`' sparse kernel (one operation per requirement) plus this engine's inferred
    /// credit when it has inference, so `match` and `batch` compute them the same way.
    public func match(
        _ candidate: Candidate, evidence: DocumentEvidence, documents: DocumentMatcher, top k: Int, minimumScore: Double = 0,
        validated: Bool = false, explain: Bool = true
    ) throws(CatalogValidationError) -> [DocumentJobScore] {
        precondition(documents.catalog.jobs.count == catalog.jobs.count && evidence.relevance.count == catalog.jobs.count,
                     "document matcher and evidence built on another catalogue")
        if !validated { try catalog.validate(candidate) }
        let held = catalog.heldVector(catalog.effectiveLevels(of: candidate))
        var fits = documents.fits(held)
        if let sources = inferenceSources(held) {
            for job in fits.indices { fits[job] += inferredBonus(job: job, held: held, sources: sources) }
        }
        let index = documents.textIndex
        let ranks = fits.indices.map { evidence.rank(job: $0, fit: fits[$0]) }
        return TopK.select(ranks, k: k) { fits[$0.index] >= minimumScore }
            .map { ranked in
                let job = catalog.jobs[ranked.index]
                let titles = evidence.heldTitles.filter { $0.jobs.contains(ranked.index) }.map(\.title)
                return DocumentJobScore(
                    job: job.id, title: job.title, rank: ranked.score, fit: fits[ranked.index],
                    relevance: evidence.scaledRelevance(ranked.index), titleEvidence: evidence.title[ranked.index],
                    titles: Array(Set(titles)).sorted(),
                    terms: explain ? index.contributions(vector: evidence.vector, job: ranked.index, top: 5).map(\.term) : [])
            }
    }
}
