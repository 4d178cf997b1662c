import ArgumentParser
import SkillMatchStore
import SkillMatch
import SkillMatchImport

/// `skillmatch match --candidate FILE|ID [--top K]`.
struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Rank jobs for a candidate, or candidates for a job, by fit score.",
        discussion: """
            With --candidate, ranks the catalogue's jobs; with --job, ranks the stored candidates (or those in \
            --candidates FILE). Ordered by score rounded to 6 decimals, descending, then id ascending.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: FormatOptions
    @Option(help: ArgumentHelp("A candidate JSON file, or the id of a stored candidate.", valueName: "file|id"))
    var candidate: String?
    @Option(help: ArgumentHelp("Rank candidates for this job instead.", valueName: "id")) var job: String?
    @Option(help: ArgumentHelp("With --job: the pool, a JSON or JSON Lines file (default: the stored candidates).", valueName: "file"))
    var candidates: String?
    @Option(help: "How many to list.") var top: Int = 10
    @Option(name: .customLong("min-score"), help: "Leave out jobs scoring below this (0 to 1).") var minScore: Double = 0
    @OptionGroup var inference: InferenceOptions

    func validate() throws {
        guard (candidate == nil) != (job == nil) else { throw ValidationError("give either --candidate or --job") }
        guard candidates == nil || job != nil else { throw ValidationError("--candidates goes with --job") }
        guard top >= 1 else { throw ValidationError("--top must be at least 1") }
        guard (0...1).contains(minScore) else { throw ValidationError("--min-score must be between 0 and 1") }
    }

    func run() throws {
        let store = try database.open()
        let catalog = try store.loadCatalog()
        guard let candidate else { return try rankCandidates(store: store, catalog: catalog, job: job!) }
        let person = try resolveCandidate(candidate, store: store, catalog: catalog)
        let engine = MatchEngine(catalog: catalog, inference: try inference.inference(store: store, catalog: catalog))
        let matches = try engine.match(person, top: top, minimumScore: minScore)
        if output.format == .json {
            return try Output.json(MatchJSON(candidate: person.id, matches: matches.map {
                .init(job: $0.job, title: $0.title, score: rounded($0.score))
            }))
        }
        var table = Table([
            .init(header: "Rank", numeric: true), .init(header: "Score", numeric: true),
            .init(header: "Job"), .init(header: "Title"),
        ])
        for (rank, match) in matches.enumerated() {
            table.append([String(rank + 1), Format.score(match.score), match.job, match.title])
        }
        if output.format == .table {
            let who = person.name.map { "\($0) (\(person.id))" } ?? person.id
            Output.text("Best-fitting jobs for \(who), out of \(catalog.jobs.count)\n")
        }
        Output.table(table, format: output.format)
    }
}

extension MatchCommand {
    /// `match --job ID`: the best candidates for one job.
    func rankCandidates(store: CatalogStore, catalog: Catalog, job: String) throws {
        let pool = try loadPool(candidates, store: store, catalog: catalog)
        let engine = MatchEngine(catalog: catalog, inference: try inference.inference(store: store, catalog: catalog))
        let ranked = try engine.rankCandidates(pool, for: job, top: top, minimumScore: minScore)
        if output.format == .json {
            return try Output.json(JobMatchJSON(job: job, candidates: pool.count, matches: ranked.map {
                .init(candidate: $0.candidate, name: $0.name, score: rounded($0.score))
            }))
        }
        var table = Table([
            .init(header: "Rank", numeric: true), .init(header: "Score", numeric: true), .init(header: "Candidate"), .init(header: "Name"),
        ])
        for (rank, match) in ranked.enumerated() {
            table.append([String(rank + 1), Format.score(match.score), match.candidate, match.name ?? "-"])
        }
        if output.format == .table {
            Output.text("Best-fitting candidates for \(catalog.job(job)?.title ?? job) (\(job)), out of \(pool.count)\n")
        }
        Output.table(table, format: output.format)
    }
}

/// The JSON shape of `match --job`: `{"job", "candidates", "matches": [{"candidate", "name", "score"}]}`.
struct JobMatchJSON: Encodable {
    struct Match: Encodable {
        var candidate: String
        var name: String?
        var score: Double
    }

    var job: String
    var candidates: Int
    var matches: [Match]
}

/// The JSON shape of `match`: `{"candidate", "matches": [{"job", "title", "score"}]}`.
struct MatchJSON: Encodable {
    struct Match: Encodable {
        var job: String
        var title: String
        var score: Double
    }

    var candidate: String
    var matches: [Match]
}
