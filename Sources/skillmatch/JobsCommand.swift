import ArgumentParser
import SkillMatch

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
        discussion: "Every keyword must match a word or the start of a word (case and accents ignored). Ordered by relevance, then id.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: FormatOptions
    @Argument(help: "Keywords.") var text: [String] = []
    @Option(help: "Show at most this many jobs.") var limit: Int = 20

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let catalog = try database.open().loadCatalog()
        let query = text.joined(separator: " ")
        let hits = JobSearch(catalog: catalog).search(query)
        let shown = hits.prefix(limit)
        if output.format == .json {
            return try Output.json(JobsJSON(query: query, count: hits.count, jobs: shown.map {
                .init(id: $0.job.id, title: $0.job.title, jobZone: $0.job.jobZone, relevance: $0.relevance, matchedIn: $0.matchedIn)
            }))
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

/// The JSON shape of `jobs search`.
struct JobsJSON: Encodable {
    struct Hit: Encodable {
        var id: String
        var title: String
        var jobZone: Int?
        var relevance: Double
        var matchedIn: [String]
    }

    var query: String
    var count: Int
    var jobs: [Hit]
}
