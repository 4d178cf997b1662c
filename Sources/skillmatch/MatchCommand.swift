import ArgumentParser
import SkillMatch

/// `skillmatch match --candidate FILE|ID [--top K]`.
struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Rank the catalogue's jobs for a candidate by fit score.",
        discussion: "Ordered by score rounded to 6 decimals, descending, then job id ascending.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: FormatOptions
    @Option(help: ArgumentHelp("A candidate JSON file, or the id of a stored candidate.", valueName: "file|id"))
    var candidate: String
    @Option(help: "How many jobs to list.") var top: Int = 10
    @Option(name: .customLong("min-score"), help: "Leave out jobs scoring below this (0 to 1).") var minScore: Double = 0

    func validate() throws {
        guard top >= 1 else { throw ValidationError("--top must be at least 1") }
        guard (0...1).contains(minScore) else { throw ValidationError("--min-score must be between 0 and 1") }
    }

    func run() throws {
        let store = try database.open()
        let catalog = try store.loadCatalog()
        let person = try resolveCandidate(candidate, store: store, catalog: catalog)
        let matches = try MatchEngine(catalog: catalog).match(person, top: top, minimumScore: minScore)
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
