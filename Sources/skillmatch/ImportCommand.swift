import ArgumentParser
import SkillMatch
import SkillMatchImport
import SkillMatchStore

/// `skillmatch import`: loads data into the catalogue.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load a catalogue into the database.",
        subcommands: [ImportCatalog.self, ImportOnet.self, ImportDemo.self])
}

/// `skillmatch import catalog FILE.json`.
struct ImportCatalog: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "Import a catalogue in SkillMatch's JSON format (skills, jobs, credentials).",
        discussion: """
            Records whose id is already in the catalogue are replaced, never duplicated. The whole file is \
            one transaction: every record lands, or, on any error, none does.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: FormatOptions
    @Argument(help: "The catalogue JSON file.") var file: String

    func run() throws {
        let parsed = try CatalogReader.read(path: file)
        let store = try database.open()
        let summary = try store.importCatalog(parsed.document) { try parsed.merged(into: $0) }
        try ImportReport(file: file, database: store.path, summary: summary).print(output.format)
    }
}

/// `skillmatch import demo`.
struct ImportDemo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Import the demo catalogue and candidates shipped with SkillMatch (datasets/demo).")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let store = try database.open()
        try DemoSeed.seed(store)
        let stats = try store.stats()
        if output.format == .json { try Output.json(stats) } else {
            Output.text("Imported the demo catalogue into \(store.path): \(stats.skills) skills, \(stats.jobs) jobs, "
                + "\(stats.credentials) credentials, \(stats.candidates) candidates.")
        }
    }
}

/// `skillmatch import onet DIR`.
struct ImportOnet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "onet",
        abstract: "Import occupations and their Skills and Knowledge ratings from an O*NET database folder.",
        discussion: """
            Reads Occupation Data, Skills and Knowledge (and element descriptions from Content Model Reference) as             released (tab-separated text, n/a for missing values) or converted from the Excel release; columns are             found by header name. Importance (IM, 1-5) becomes importance; Level (LV, 0-7) divided by 7 becomes the             level. Ratings flagged Not Relevant or Recommend Suppress, with level 0 or a missing value are left out             and counted. One transaction: all of it lands or none.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: FormatOptions
    @Argument(help: "The O*NET folder (holding Occupation Data.txt, Skills.txt, Knowledge.txt).") var directory: String

    func run() throws {
        let (document, report) = try OnetImporter.read(directory: directory)
        let store = try database.open()
        let summary = try store.importCatalog(document) { catalog in
            do { return try catalog.merging(document) } catch let error as CatalogValidationError {
                throw InputError(file: directory, message: error.description)
            }
        }
        if output.format == .json {
            return try Output.json(OnetReportJSON(directory: directory, database: store.path, report: report, summary: summary))
        }
        Output.text("Imported O*NET from \(directory) into \(store.path).")
        Output.text("  \(report.jobs) of \(report.occupationsRead) occupations (the others have no usable rating), "
            + "\(report.skills) skills, \(report.knowledge) knowledge elements, \(report.requirements) requirements, "
            + "\(report.jobZones) job zones, \(report.alternateTitles) alternate and reported titles.")
        Output.text("  Left out: \(report.notRelevant) ratings marked Not Relevant, \(report.suppressed) marked Recommend Suppress, "
            + "\(report.zeroLevel) with level 0, \(report.incomplete) incomplete, \(report.unknownOccupations) for unknown occupations.")
    }
}

/// What `import onet` prints as JSON.
struct OnetReportJSON: Encodable {
    var directory: String
    var database: String
    var report: OnetImportReport
    var summary: ImportSummary
}

/// What `import catalog` prints.
struct ImportReport: Encodable {
    var file: String
    var database: String
    var summary: ImportSummary

    private enum CodingKeys: String, CodingKey { case file, database, added, updated }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(database, forKey: .database)
        try c.encode(summary.added, forKey: .added)
        try c.encode(summary.updated, forKey: .updated)
    }

    func print(_ format: OutputFormat) throws {
        if format == .json { return try Output.json(self) }
        func counts(_ c: CatalogCounts) -> String { "\(c.skills) skills, \(c.jobs) jobs, \(c.credentials) credentials" }
        Output.text("Imported \(file) into \(database).\n  added:   \(counts(summary.added))\n  updated: \(counts(summary.updated))")
    }
}
