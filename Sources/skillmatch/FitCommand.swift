import ArgumentParser
import SkillMatch
import SkillMatchService

/// `skillmatch fit --candidate FILE|ID --job ID`.
struct FitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Score one candidate against one job and explain the score skill by skill.",
        discussion: """
            fit = Σ w·min(h, r)/r / Σ w over the job's requirements (skill, importance w, required level r), where h \
            is the candidate's level: the largest of the stated level and the levels granted by credentials held. \
            With a registered relatedness model, a requirement whose skill is related (similarity ≥ 0.6) to a held \
            skill t earns at least 0.5 · similarity · min(h_t, r)/r ("inferred from t"); --no-infer turns that off.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: FormatOptions
    @Option(help: ArgumentHelp("A candidate JSON file, or the id of a stored candidate.", valueName: "file|id"))
    var candidate: String
    @Option(help: ArgumentHelp("The job's id.", valueName: "id")) var job: String
    @OptionGroup var inference: InferenceOptions
    @OptionGroup var semanticOptions: SemanticDocumentOptions

    func run() throws {
        let session = try openSession(database)
        let read = try resolvePerson(
            candidate, session: session, inferFromTitles: !inference.noInfer,
            semantic: try semanticOptions.resources(store: session.store, catalog: session.catalog))
        let result = try session.fit(read, job: job, infer: !inference.noInfer)
        let person = read.candidate
        switch output.format {
        case .json: try Output.json(FitJSON(result))
        case .csv: Output.table(Self.table(result), format: .csv)
        case .table:
            let who = person.name.map { "\($0) (\(person.id))" } ?? person.id
            Output.text("\(who) for \(result.title) (\(result.job))")
            Output.text("Fit score: \(Format.score(result.score))  (\(String(format: "%.1f", result.score * 100))% of the weighted requirements met)\n")
            Output.table(Self.table(result), format: .table)
            let gains = result.skills.filter { $0.gain > 0 }.sorted { $0.gain != $1.gain ? $0.gain > $1.gain : $0.skill < $1.skill }
            if gains.isEmpty {
                Output.text("\nEvery requirement is fully met.")
            } else {
                let top = gains.prefix(3).map { "\($0.label) (+\(String(format: "%.3f", $0.gain)))" }.joined(separator: ", ")
                Output.text("\nTo improve this score most: \(top).")
            }
        }
    }

    static func table(_ result: FitResult) -> Table {
        var table = Table([
            .init(header: "Skill"), .init(header: "Id"), .init(header: "Importance", numeric: true),
            .init(header: "Required", numeric: true), .init(header: "Have", numeric: true),
            .init(header: "Credit", numeric: true), .init(header: "Gain", numeric: true), .init(header: "Source"),
        ])
        for line in result.skills {
            table.append([
                line.label.truncated(40), line.skill, Format.number(line.importance), Format.level(line.required),
                Format.level(line.have), String(format: "%.3f", line.credit), String(format: "%.3f", line.gain),
                line.inferred.map { "inferred from \($0.label) (similarity \(String(format: "%.2f", $0.similarity)))" }
                    ?? line.source.evidence.map { "from the " + $0 } ?? line.source.description,
            ])
        }
        return table
    }
}

