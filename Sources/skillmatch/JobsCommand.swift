import ArgumentParser
import Foundation
import SkillMatch
import SkillMatchService
import SkillMatchStore

/// `skillmatch jobs`.
struct JobsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs", abstract: "Find jobs by the titles people use.", subcommands: [JobsSearch.self])
}

/// `skillmatch jobs search TEXT`.
struct JobsSearch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search jobs by keyword over title, alternate and reported titles, id and description.",
        discussion: """
            Every keyword must match a word or the start of a word (case and accents ignored). Ordered by relevance, \
            then id. With --semantic the words are read as one phrase and embedded with the sentence encoder; jobs \
            are ranked by the cosine similarity of the phrase to their nearest title (title, alternate or reported), \
            then id, so "data science assurance associate" finds Data Scientists without sharing a keyword: \
            relevance is that similarity, matchedIn names the title; JSON adds "method": "semantic". Needs `make \
            models` and, for catalogues over 5,000 labels, `skillmatch embed`.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: FormatOptions
    @Argument(help: "Keywords.") var text: [String] = []
    @Option(help: "Show at most this many jobs.") var limit: Int = 20
    @Flag(help: "Rank by meaning (sentence-encoder similarity to the job titles) instead of keywords.") var semantic = false
    @OptionGroup var encoderOptions: EncoderOptions

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let store = try database.open()
        let catalog = try store.loadCatalog()
        let query = text.joined(separator: " ")
        if semantic { return try runSemantic(store: store, catalog: catalog, query: query) }
        let hits = JobSearch(catalog: catalog).search(query)
        let shown = hits.prefix(limit)
        if output.format == .json {
            return try Output.json(JobsJSON(query: query, hits: hits, limit: limit))
        }
        var table = Table([.init(header: "Id"), .init(header: "Title"), .init(header: "Job zone", numeric: true), .init(header: "Matched in")])
        for hit in shown {
            table.append([hit.job.id, hit.job.title, hit.job.jobZone.map(String.init) ?? "-", hit.matchedIn.joined(separator: ", ")])
        }
        if output.format == .table {
            Output.text("\(hits.count) job\(hits.count == 1 ? "" : "s") found" + (shown.count < hits.count ? " (showing \(shown.count))" : "") + "\n")
        }
        if !shown.isEmpty || output.format == .csv { Output.table(table, format: output.format) }
    }
}

extension JobsSearch {
    /// `--semantic`: the jobs whose titles are nearest in meaning.
    private func runSemantic(store: SkillMatchStore.CatalogStore, catalog: Catalog, query: String) throws {
        guard !query.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ValidationError("--semantic needs words to search for")
        }
        let (encoder, index) = try SemanticSupport.load(store: store, catalog: catalog, encoderOptions: encoderOptions)
        let hits = index.nearest(encoder.embed([query]), kind: .job, k: limit)[0]
        let jobs = Dictionary(catalog.jobs.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        if output.format == .json {
            return try Output.json(JobsJSON(query: query, count: hits.count, method: "semantic", jobs: hits.map { hit in
                .init(id: hit.id, title: jobs[hit.id]?.title ?? hit.label, jobZone: jobs[hit.id]?.jobZone,
                      relevance: rounded(hit.similarity), matchedIn: ["\(hit.labelKind): \(hit.label)"])
            }))
        }
        var table = Table([.init(header: "Id"), .init(header: "Title"), .init(header: "Job zone", numeric: true),
                           .init(header: "Similarity", numeric: true), .init(header: "Nearest title")])
        for hit in hits {
            table.append([hit.id, jobs[hit.id]?.title ?? "", jobs[hit.id]?.jobZone.map(String.init) ?? "-",
                          String(format: "%.3f", hit.similarity), hit.label])
        }
        Output.table(table, format: output.format)
    }
}

