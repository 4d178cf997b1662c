import ArgumentParser
import SkillMatch
import SkillMatchService
import SkillMatchImport

/// `skillmatch candidate`.
struct CandidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "candidate",
        abstract: "Store and list candidates.",
        subcommands: [CandidateAdd.self, CandidateList.self])
}

/// `skillmatch candidate add FILE`.
struct CandidateAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Store candidates from a JSON file (one object or a list), JSON Lines (.jsonl, one per line) or a text resume (.txt, .md).",
        discussion: """
            A candidate whose id is stored already is replaced. The file is one transaction: all or none. A JSON \
            Resume, or Open Badges 3.0 credentials the person holds, are read too: their skills and credentials are \
            matched to the catalogue, and what matches nothing is reported (on standard error, or under "report" \
            with --format json). A text resume is one candidate whose id is the file name without its extension; \
            its skills are those `skillmatch extract` finds, held at --text-level. JSON records may carry "text" \
            too: explicit "skills" keep their level, skills found only in the text are added at --text-level.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: FormatOptions
    @Argument(help: "The candidates file.") var file: String
    @Option(name: .customLong("text-level"), help: "The level of skills found in resume text, in (0, 1].")
    var textLevel: Double = TextResumeReader.defaultLevel
    @Flag(name: .customLong("no-infer"), help: "Store no skill levels inferred from the titles a resume shows the person held.")
    var noInfer = false

    func validate() throws {
        guard CatalogLimits.isLevel(textLevel) else { throw ValidationError("--text-level must be in [0.000001, 1]") }
    }

    func run() throws {
        let store = try database.openForWriting()
        // The catalogue is loaded here only for a JSON Resume or Open Badges credentials (it is large for ESCO).
        var located = try CandidateReader.read(path: file, loadingCatalog: { try store.loadCatalog() })
        if located.contains(where: { $0.text != nil }) {
            let catalog = try store.loadCatalog()
            located = TextResumeReader.resolve(
                located, catalog: catalog, level: textLevel, inferFromTitles: !noInfer, asOfYear: try DocumentYear.current(),
                extractor: storedExtractor(store, catalog),
            documentIndexes: storedDocumentIndexes(store, catalog))
        }
        let (added, updated) = try store.addCandidates(located.map(\.candidate)) {
            try CandidateReader.check(located, against: $0)
        }
        if output.format == .json {
            try Output.json(CandidateAddJSON(file: file, database: store.path, added: added, updated: updated, located: located))
        } else {
            logUnresolved(located)
            Output.text("Stored \(located.count) candidate\(located.count == 1 ? "" : "s") from \(file) in \(store.path) (\(added) new, \(updated) updated).")
        }
    }
}

/// `skillmatch candidate list`.
struct CandidateList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the stored candidates.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let candidates = try database.open().candidates()
        if output.format == .json { return try Output.json(candidates) }
        var table = Table([
            .init(header: "Id"), .init(header: "Name"), .init(header: "Skills", numeric: true), .init(header: "Credentials", numeric: true),
        ])
        for candidate in candidates {
            table.append([candidate.id, candidate.name ?? "-", String(candidate.skills.count), String(candidate.credentials.count)])
        }
        Output.table(table, format: output.format)
    }
}

/// A small JSON value for ad-hoc objects.
enum JSONValue: Encodable {
    case string(String)
    case int(Int)

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        }
    }
}

/// What `candidate add` prints as JSON: `{"file", "database", "added", "updated", "report": {"unresolved":
/// [{"candidate", "file", "field", "value", "reason"}]}}`.
struct CandidateAddJSON: Encodable {
    struct Unresolved: Encodable {
        var candidate: String
        var file: String
        var field: String
        var value: String
        var reason: String
    }

    struct Report: Encodable {
        var unresolved: [Unresolved]
    }

    var file: String
    var database: String
    var added: Int
    var updated: Int
    var report: Report

    init(file: String, database: String, added: Int, updated: Int, located: [LocatedCandidate]) {
        (self.file, self.database, self.added, self.updated) = (file, database, added, updated)
        report = Report(unresolved: located.flatMap { person in
            person.unresolved.map {
                Unresolved(candidate: person.candidate.id, file: person.file, field: $0.field, value: $0.value, reason: $0.reason)
            }
        })
    }
}

/// Prints, on standard error, what JSON Resumes and Open Badges credentials named that matched nothing.
func logUnresolved(_ located: [LocatedCandidate]) {
    for person in located {
        for item in person.unresolved {
            log("\(person.file): candidate \"\(person.candidate.id)\", \(item.field) \"\(item.value)\": \(item.reason)")
        }
    }
}
