import ArgumentParser
import SkillMatch
import SkillMatchImport
import SkillMatchStore

/// `skillmatch import`: loads data into the catalogue.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load a catalogue into the database.",
        subcommands: [ImportCatalog.self, ImportDemo.self])
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
