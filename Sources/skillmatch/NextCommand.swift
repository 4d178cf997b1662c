import ArgumentParser
import SkillMatch
import SkillMatchService

/// `skillmatch next --candidate FILE|ID [--top K]`: which credential to earn next.
struct NextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "next",
        abstract: "Rank single credentials by the jobs they lift to qualified and the fit they add.",
        discussion: """
            Each usable credential (with any prerequisites the candidate lacks) is scored against every job at once. \
            Ranked by the number of jobs it lifts from below --qualified to at least --qualified, then by the total fit \
            gain over the candidate's --best best jobs now, then by id. The best jobs are those of highest fit, or for \
            a resume the first jobs `match` ranks for it (text relevance, titles held, fit). When the catalogue's \
            credentials list the occupations they serve, only credentials serving a job of the best jobs' fields are \
            ranked, first by how many best jobs they serve, and only the best jobs count as unlocked (--scope, \
            --any-field change that); for a resume, a \
            credential requiring work experience is ranked only when the resume shows a job held that it serves \
            (--any-experience drops that).
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
        let session = try openSession(database)
        let (store, person) = (session.store, try resolvePerson(
            candidate, session: session, inferFromTitles: !inference.noInfer,
            semantic: try semanticOptions.resources(store: session.store, catalog: session.catalog)))
        let advice = try session.next(person, options: NextOptions(top: top, qualified: qualified, best: best), choice: filters.choice)
        // A resume's best jobs are those `match` ranks first for it (CatalogSession.next).
        let rankedByMatch = person.evidence?.linksToAnyJob == true
        let shown = Array(advice.prospects.prefix(top))
        if output.format == .json { return try Output.json(NextJSON(advice, shown: shown)) }
        // Scoped (a real catalogue), how many of the best jobs each serves: the ranking's first key.
        let scoped = advice.scope != .any
        var table = Table([
            .init(header: "Rank", numeric: true), .init(header: "Credential"), .init(header: "Name")]
            + (scoped ? [.init(header: "Serves", numeric: true)] : []) + [
            .init(header: "Unlocks", numeric: true), .init(header: "Gain", numeric: true), .init(header: "Cost", numeric: true),
            .init(header: "Hours", numeric: true), .init(header: "Jobs it lifts to qualified"),
        ])
        for (rank, prospect) in shown.enumerated() {
            var name = prospect.name.truncated(output.format == .csv ? 500 : 44)
            if !prospect.requires.isEmpty { name += " (after " + prospect.requires.joined(separator: ", ") + ")" }
            table.append([String(rank + 1), prospect.credential, name] + (scoped ? [String(prospect.serves.count)] : []) + [
                String(prospect.unlocks.count), String(format: "%.3f", prospect.gain),
                Format.dollars(prospect.cost), Format.number(prospect.hours),
                prospect.unlocks.isEmpty ? "-" : prospect.unlocks.map { "\($0.title) \(String(format: "%.2f", $0.score))" }.joined(separator: "; "),
            ])
        }
        guard output.format == .table else { return Output.table(table, format: output.format) }
        let who = person.candidate.name.map { "\($0) (\(person.candidate.id))" } ?? person.candidate.id
        Output.text("Which credential next for \(who)? Qualified means a fit of at least \(Format.score(qualified)).")
        let among = advice.scope == .any ? "" : " of the \(advice.jobsConsidered) best jobs"
        Output.text("Qualified now for \(advice.alreadyQualified.count) job\(advice.alreadyQualified.count == 1 ? "" : "s")\(among)"
            + (advice.alreadyQualified.isEmpty ? "" : ": " + advice.alreadyQualified.prefix(5).map(\.title).joined(separator: ", ")) + ".")
        let ranked = rankedByMatch ? "best jobs now as `match` ranks them" : "best jobs now"
        Output.text("Gain is summed over the \(advice.bestJobs.count) \(ranked): " + advice.bestJobs.prefix(5).map(\.title).joined(separator: ", ")
            + (advice.bestJobs.count > 5 ? ", …" : "") + "."
            + (advice.scope == .any ? "" : " Only credentials serving a job of their \(advice.scope == .field ? "fields" : "occupations") are ranked (--scope any drops that).")
            + (try store.hasModels() ? " Skills a model would infer never count here." : "") + "\n")
        if shown.isEmpty { Output.text("No usable credential raises any fit.") } else { Output.table(table, format: .table) }
        if !advice.unpriced.isEmpty {
            let what = filters.maxCost != nil && filters.maxHours != nil ? "cost or hours" : filters.maxCost != nil ? "cost" : "hours"
            Output.text("\nLeft out by the budget only because they publish no \(what) (price them before ruling them out): "
                + advice.unpriced.prefix(10).map { "\($0.name) (\($0.credential))" }.joined(separator: "; ")
                + (advice.unpriced.count > 10 ? "; and \(advice.unpriced.count - 10) more." : "."))
        }
    }
}

