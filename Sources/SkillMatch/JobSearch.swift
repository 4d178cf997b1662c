/// A job found by a title search.
public struct JobHit: Sendable, Hashable {
    /// The job.
    public var job: Job
    /// How well it matches the keywords: higher is better.
    public var relevance: Double
    /// Where the keywords matched: some of `title`, `alternateTitles`, `hiddenTitles`, `id`, `description`.
    public var matchedIn: [String]
}

/// Finds jobs by the titles people use: keywords over the title (weight 8), alternate and reported titles (4), hidden
/// titles (4: found by, never shown), the id (4) and the description (1), every keyword required, ordered by relevance then id.
public struct JobSearch: Sendable {
    /// The catalogue searched.
    public let catalog: Catalog
    private let index: KeywordIndex

    /// Indexes every job of the catalogue.
    public init(catalog: Catalog) {
        self.catalog = catalog
        index = KeywordIndex(catalog.jobs.map { job in
            [
                ("title", 8, KeywordIndex.words(job.title)),
                ("alternateTitles", 4, KeywordIndex.words(job.alternateTitles.joined(separator: " "))),
                ("hiddenTitles", 4, KeywordIndex.words(job.hiddenTitles.joined(separator: " "))),
                ("id", 4, KeywordIndex.words(job.id)),
                ("description", 1, KeywordIndex.words(job.description ?? "")),
            ]
        })
    }

    /// Jobs matching every keyword, best first.
    public func search(_ text: String) -> [JobHit] {
        index.matches(text)
            .map { JobHit(job: catalog.jobs[$0.index], relevance: $0.relevance, matchedIn: $0.matchedIn) }
            .sorted { $0.relevance != $1.relevance ? $0.relevance > $1.relevance : $0.job.id < $1.job.id }
    }
}
