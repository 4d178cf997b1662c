import SkillVectors

/// Job titles a document shows the person held that name no catalogue title word for word, matched by meaning.
///
/// Candidates are ``TitleIndex/untitledJobLines(lines:asOfYear:held:)``: heading-shaped lines with a date range
/// or duration and no title found word for word ("Data Science Assurance Associate | Deloitte | 2021 – 2023"). Each
/// is embedded; the jobs are ranked by their nearest title (``SemanticIndex``). A title is accepted when the best
/// similarity is at least ``threshold``, and credits every job whose nearest title is within ``margin`` of the best,
/// at most 3 (titles are shared by occupations, as word-for-word titles are). The threshold was chosen on held-out
/// O*NET alternate titles (Benchmarks/README.md, "Titles by meaning").
public struct SemanticTitles: Sendable {
    /// The encoder.
    public let encoder: SentenceEncoder
    /// The index of the catalogue's titles.
    public let index: SemanticIndex
    /// The least similarity accepted.
    public let threshold: Double
    /// Jobs within this much of the best are credited too.
    public let margin: Double
    private let jobIndex: [String: Int]

    /// The default threshold.
    public static let defaultThreshold = 0.81
    /// The default margin.
    public static let defaultMargin = 0.02

    /// Creates the matcher for a catalogue.
    public init(catalog: Catalog, encoder: SentenceEncoder, index: SemanticIndex, threshold: Double = defaultThreshold,
                margin: Double = defaultMargin) {
        self.encoder = encoder
        self.index = index
        self.threshold = threshold
        self.margin = margin
        var jobIndex: [String: Int] = [:]
        for (position, job) in catalog.jobs.enumerated() where jobIndex[job.id] == nil { jobIndex[job.id] = position }
        self.jobIndex = jobIndex
    }

    /// The titles matched by meaning on the lines that ``TitleIndex`` found none on.
    public func held(lines: [String], asOfYear: Int?, titleIndex: TitleIndex, lexical: [HeldTitle]) -> [HeldTitle] {
        let candidates = titleIndex.untitledJobLines(lines: lines, asOfYear: asOfYear, held: lexical)
        guard !candidates.isEmpty else { return [] }
        let hits = index.nearest(encoder.embed(candidates.map(\.text), threads: 1), kind: .job, k: 3, minimum: threshold - margin)
        var result: [HeldTitle] = []
        for (candidate, ranked) in zip(candidates, hits) {
            guard let best = ranked.first, best.similarity >= threshold else { continue }
            let credited = ranked.filter { $0.similarity >= best.similarity - margin }.compactMap { jobIndex[$0.id] }.sorted()
            guard !credited.isEmpty else { continue }
            result.append(HeldTitle(title: candidate.text, line: candidate.line, years: candidate.years, jobs: credited,
                                    nearestTitle: best.label, similarity: best.similarity))
        }
        return result
    }
}
