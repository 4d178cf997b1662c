import ArgumentParser
import SkillMatch

/// `skillmatch next --candidate FILE|ID [--top K]`: which credential to earn next.
struct NextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "next",
        abstract: "Rank single credentials by the jobs they lift to qualified and the fit they add.",
        discussion: """
            Each usable credential (with any prerequisites the candidate lacks) is scored against every job at once. \
            Ranked by the number of jobs it lifts from below --qualified to at least --qualified, then by the total fit \
            gain over the candidate's --best best jobs now, then by id.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var inference: DocumentInferenceOptions
    @OptionGroup var semanticOptions: SemanticDocumentOptions
    @OptionGroup var output: FormatOptions
    @Option(help: ArgumentHelp("A candidate JSON file, or the id of a stored candidate.", valueName: "file|id"))
    var candidate: String
    @Option(parsing: .unconditional, help: "How many credentials to list.") var top: Int = 10
    @Option(parsing: .unconditional, help: "The fit score from which a job counts as qualified.") var qualified: Double = 0.8
    @Option(parsing: .unconditional, help: "Sum fit gains over this many of the candidate's best jobs.") var best: Int = 10
    @OptionGroup var filters: CredentialFilterOptions

    func validate() throws {
        guard (1...OptionLimits.maximumTop).contains(top) else { throw ValidationError("--top must be a whole number from 1 to \(OptionLimits.maximumTop), not \(top)") }
        guard (1...OptionLimits.maximumTop).contains(best) else { throw ValidationError("--best must be a whole number from 1 to \(OptionLimits.maximumTop), not \(best)") }
        guard (0...1).contains(qualified) else { throw ValidationError("--qualified must be between 0 and 1") }
    }

    func run() throws {
        let store = try database.open()
        let catalog = try store.loadCatalog()
        let person = try resolveCandidate(
            candidate, store: store, catalog: catalog, inferFromTitles: !inference.noInfer,
            semantic: try semanticOptions.resources(store: store, catalog: catalog))
        let advice = try MatchEngine(catalog: catalog).nextCredentials(for: person, qualified: qualified, bestJobs: best, filter: filters.filter)
        let shown = Array(advice.prospects.prefix(top))
        if output.format == .json { return try Output.json(NextJSON(advice, shown: shown)) }
        var table = Table([
            .init(header: "Rank", numeric: true), .init(header: "Credential"), .init(header: "Name"),
            .init(header: "Unlocks", numeric: true), .init(header: "Gain", numeric: true), .init(header: "Cost", numeric: true),
            .init(header: "Hours", numeric: true), .init(header: "Jobs it lifts to qualified"),
        ])
        for (rank, prospect) in shown.enumerated() {
            var name = prospect.name.truncated(output.format == .csv ? 500 : 44)
            if !prospect.requires.isEmpty { name += " (after " + prospect.requires.joined(separator: ", ") + ")" }
            table.append([
                String(rank + 1), prospect.credential, name, String(prospect.unlocks.count), String(format: "%.3f", prospect.gain),
                Format.dollars(prospect.cost), Format.number(prospect.hours),
                prospect.unlocks.isEmpty ? "-" : prospect.unlocks.map { "\($0.title) \(String(format: "%.2f", $0.score))" }.joined(separator: "; "),
            ])
        }
        guard output.format == .table else { return Output.table(table, format: output.format) }
        let who = person.name.map { "\($0) (\(person.id))" } ?? person.id
        Output.text("Which credential next for \(who)? Qualified means a fit of at least \(Format.score(qualified)).")
        Output.text("Qualified now for \(advice.alreadyQualified.count) job\(advice.alreadyQualified.count == 1 ? "" : "s")"
            + (advice.alreadyQualified.isEmpty ? "" : ": " + advice.alreadyQualified.prefix(5).map(\.title).joined(separator: ", ")) + ".")
        Output.text("Gain is summed over the \(advice.bestJobs.count) best jobs now."
            + (try store.hasModels() ? " Skills a model would infer never count here." : "") + "\n")
        if shown.isEmpty { Output.text("No usable credential raises any fit.") } else { Output.table(table, format: .table) }
    }
}

/// The JSON shape of `next`.
struct NextJSON: Encodable {
    struct Prospect: Encodable {
        var credential: String
        var name: String
        var cost: Double?
        var hours: Double?
        var requires: [String]
        var unlocks: [MatchJSON.Match]
        var gain: Double
    }

    var candidate: String
    var qualified: Double
    var bestJobs: [MatchJSON.Match]
    var alreadyQualified: [MatchJSON.Match]
    var credentials: [Prospect]

    init(_ advice: NextCredentialAdvice, shown: [CredentialProspect]) {
        let match = { (score: JobScore) in MatchJSON.Match(job: score.job, title: score.title, score: rounded(score.score)) }
        candidate = advice.candidate
        qualified = advice.qualified
        bestJobs = advice.bestJobs.map(match)
        alreadyQualified = advice.alreadyQualified.map(match)
        credentials = shown.map {
            Prospect(credential: $0.credential, name: $0.name, cost: $0.cost, hours: $0.hours, requires: $0.requires,
                     unlocks: $0.unlocks.map(match), gain: rounded($0.gain))
        }
    }
}
