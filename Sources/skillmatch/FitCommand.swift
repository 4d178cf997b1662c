import ArgumentParser
import SkillMatch

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
        let store = try database.open()
        let catalog = try store.loadCatalog()
        let person = try resolveCandidate(
            candidate, store: store, catalog: catalog, inferFromTitles: !inference.noInfer,
            semantic: try semanticOptions.resources(store: store, catalog: catalog))
        let engine = MatchEngine(catalog: catalog, storage: .sparse, inference: try inference.inference(store: store, catalog: catalog))
        let result = try engine.fit(person, job: job)
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

/// The JSON shape of `fit`: `{"candidate", "job", "title", "score", "skills": [...]}`.
struct FitJSON: Encodable {
    struct Line: Encodable {
        var skill: String
        var label: String
        var importance: Double
        var required: Double
        var have: Double
        var credit: Double
        var gain: Double
        var source: String
        /// With `source` `document`: how the level was inferred from the candidate's document.
        var evidence: String?
        /// With inference: the related held skill the credit comes from, its similarity and the inferred credit.
        var inferredFrom: String?
        var similarity: Double?
        var inferredCredit: Double?
    }

    var candidate: String
    var job: String
    var title: String
    var score: Double
    var skills: [Line]

    init(_ result: FitResult) {
        candidate = result.candidate
        job = result.job
        title = result.title
        score = rounded(result.score)
        skills = result.skills.map {
            Line(skill: $0.skill, label: $0.label, importance: $0.importance, required: $0.required,
                 have: rounded($0.have), credit: rounded($0.credit), gain: rounded($0.gain), source: $0.source.description,
                 evidence: $0.source.evidence, inferredFrom: $0.inferred?.from, similarity: $0.inferred.map { rounded($0.similarity) },
                 inferredCredit: $0.inferred.map { rounded($0.credit) })
        }
    }
}
