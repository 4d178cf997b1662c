import ArgumentParser
import Foundation
import SkillMatch
import SkillMatchService
import SkillMatchImport
import SkillMatchStore

/// `skillmatch import`: loads data into the catalogue.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load a catalogue into the database.",
        subcommands: [ImportCatalog.self, ImportOnet.self, ImportEsco.self, ImportCredentials.self, ImportDemo.self])
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
        let store = try database.openForWriting()
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
        let (path, isDefault) = database.location()
        let store: CatalogStore
        if !isDefault && !FileManager.default.fileExists(atPath: path) {
            // A new file is created whole or not at all.
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            var isDirectory: ObjCBool = false
            if !folder.isEmpty, !(FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) && isDirectory.boolValue) {
                throw CLIError("\(path): the folder \(folder) does not exist")
            }
            if !(try DemoSeed.createSeeded(at: path, replacing: false, note: log)) { try DemoSeed.seed(try CatalogStore(path: path), note: log) }
            store = try CatalogStore(path: path)
        } else {
            store = try database.openForWriting()
            try DemoSeed.seed(store, note: log)
        }
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
        abstract: "Import occupations, their Skills, Knowledge and Technology Skills from an O*NET database folder.",
        discussion: """
            Reads Occupation Data, Skills and Knowledge (and element descriptions from Content Model Reference) as             released (tab-separated text, n/a for missing values) or converted from the Excel release; columns are             found by header name. Importance (IM, 1-5) becomes importance; Level (LV, 0-7) divided by 7 becomes the             level. Ratings flagged Not Relevant or Recommend Suppress, with level 0 or a missing value are left out             and counted. Technology Skills become skills (onet-tech:<slug>, with Hot Technology flags and commodity             classes as skill groups) and requirements that together carry --technology-weight of each occupation's             importance, In Demand ones counting double. Job Zones, alternate and reported titles, and the most common             answers of Education, Training, and Experience become job facts. One transaction: all of it lands or none.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: FormatOptions
    @Option(help: ArgumentHelp(
        "Share of each occupation's importance its technologies carry together, in [0, 1); 0 imports them as skills only.",
        valueName: "share"))
    var technologyWeight: Double = 0.2
    @Option(help: ArgumentHelp("Level a technology requirement asks for, in (0, 1].", valueName: "level"))
    var technologyLevel: Double = 0.5
    @Argument(help: "The O*NET folder (holding Occupation Data.txt, Skills.txt, Knowledge.txt).") var directory: String

    func validate() throws {
        do { _ = try OnetTechnologyOptions(weight: technologyWeight, level: technologyLevel) } catch {
            throw ValidationError("--technology-weight, --technology-level: \(error.description)")
        }
    }

    func run() throws {
        let technology = try OnetTechnologyOptions(weight: technologyWeight, level: technologyLevel)
        var progress = ProgressLine()
        defer { progress.finish() }
        let (document, report) = try OnetImporter.read(directory: directory, technology: technology) { progress.show($0, force: true) }
        let store = try database.openForWriting()
        let summary = try TaxonomyImport.write(document, from: directory, into: store, progress: &progress)
        if output.format == .json {
            return try Output.json(OnetReportJSON(directory: directory, database: store.path, report: report, summary: summary))
        }
        Output.text("Imported O*NET from \(directory) into \(store.path).")
        let rated = report.jobs - report.derivedJobs
        Output.text("  \(report.jobs) of \(report.occupationsRead) occupations: \(rated) rated by O*NET, \(report.derivedJobs) described but "
            + "not rated, with requirements derived from the nearest rated occupations (`show job` names them)"
            + (report.underivable > 0 ? ", \(report.underivable) described but like no rated occupation (left out)" : "")
            + "; the other \(report.occupationsRead - report.jobs - report.underivable) are not data-level occupations.")
        Output.text("  \(report.skills) skills, \(report.knowledge) knowledge elements, \(report.requirements) requirements, "
            + "\(report.jobZones) job zones, \(report.alternateTitles) alternate and reported titles, \(report.tasks) task statements.")
        Output.text("  \(report.technologies) technologies (\(report.hotTechnologies) Hot Technology) in \(report.commodityClasses) "
            + "commodity classes, \(report.technologyRequirements) technology requirements (\(report.inDemandTechnologyRequirements) In Demand), "
            + "\(report.technologyUsesWithoutJob) technology uses of occupations not imported; "
            + "\(report.preparations) jobs with education, training and experience facts.")
        Output.text("  Left out: \(report.notRelevant) ratings marked Not Relevant, \(report.suppressed) marked Recommend Suppress, "
            + "\(report.zeroLevel) with level 0, \(report.incomplete) incomplete, \(report.unknownOccupations) for unknown occupations.")
    }
}

/// `skillmatch import esco DIR`.
struct ImportEsco: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "esco",
        abstract: "Import skills, skill groups, occupations and essential/optional relations from the ESCO CSV download.",
        discussion: """
            Reads skills_en.csv, occupations_en.csv and occupationSkillRelations_en.csv (ESCO v1.2) or \
            occupationSkillRelations.csv (v1.1), and when present skillGroups_en.csv and \
            broaderRelationsSkillPillar(_en).csv. Concept URIs are the ids. Each relation becomes a requirement at \
            level 1 whose importance is the essential or optional weight (a weight of 0 leaves that kind out). \
            Relations and broader links pointing to URIs not in the files are counted, not fatal; only released \
            concepts are imported. One transaction: all of it lands or none.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: FormatOptions
    @Option(help: ArgumentHelp("Importance of an essential skill (0 leaves essential relations out).", valueName: "w"))
    var essentialWeight: Double = 1
    @Option(help: ArgumentHelp("Importance of an optional skill (0 leaves optional relations out).", valueName: "w"))
    var optionalWeight: Double = 0.5
    @Argument(help: "The ESCO folder (holding skills_en.csv, occupations_en.csv and the relations file).") var directory: String

    func validate() throws {
        do {
            _ = try EscoWeights(essential: essentialWeight, optional: optionalWeight)
        } catch {
            let flags = error.weight.map { "--\($0)-weight" } ?? "--essential-weight, --optional-weight"
            throw ValidationError("\(flags): \(error.description)")
        }
    }

    func run() throws {
        let weights = try EscoWeights(essential: essentialWeight, optional: optionalWeight)
        var progress = ProgressLine()
        defer { progress.finish() }
        let (document, report) = try EscoImporter.read(directory: directory, weights: weights) { progress.show($0, force: true) }
        let store = try database.openForWriting()
        let summary = try TaxonomyImport.write(document, from: directory, into: store, progress: &progress)
        if output.format == .json {
            return try Output.json(EscoReportJSON(directory: directory, database: store.path, report: report, summary: summary))
        }
        let r = report
        Output.text("Imported ESCO from \(directory) into \(store.path).")
        Output.text("  \(r.skills) skills (\(r.skillsCompetences) skill/competence, \(r.knowledge) knowledge, \(r.untyped) untyped) "
            + "with \(r.altLabels) alternative and \(r.hiddenLabels) hidden labels; \(r.skillGroups) skill groups; "
            + "\(r.broaderLinks) broader links.")
        Output.text("  \(r.jobs) of \(r.occupationsRead) occupations as jobs, with \(r.alternateTitles) alternative titles and "
            + "\(r.requirements) requirements: \(r.essential) essential (importance \(Format.number(r.weights.essential))), "
            + "\(r.optional) optional (importance \(Format.number(r.weights.optional))).")
        if !r.collections.isEmpty || r.skillRelations > 0 || r.hiddenTitles > 0 {
            let collections = r.collections.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            Output.text("  \(r.hiddenTitles) hidden titles; collections: \(collections.isEmpty ? "none" : collections); "
                + "\(r.skillRelations) skill–skill relations.")
        }
        var dangling = "\(r.danglingRelations) relations to URIs not in the files"
        if let example = r.danglingExamples.first {
            dangling += " (\(r.danglingURIs) URI\(r.danglingURIs == 1 ? "" : "s"), e.g. \(example))"
        }
        Output.text("  Left out: \(dangling), \(r.danglingBroaderLinks) broader links to URIs not in the files, "
            + "\(r.duplicateRelations) repeated relations, \(r.zeroWeight) relations of weight 0, "
            + "\(r.occupationsWithoutRequirements) occupations with no requirement, \(r.notReleased) concepts not released "
            + "(and \(r.linksToNotReleased) links to them), \(r.danglingSkillRelations) skill–skill relations and "
            + "\(r.danglingCollectionEntries) collection entries naming skills not in the files.")
    }
}

/// What `import esco` prints as JSON.
struct EscoReportJSON: Encodable {
    var directory: String
    var database: String
    var report: EscoImportReport
    var summary: ImportSummary
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

/// The write half of `import onet` and `import esco`: one transaction, with progress on a terminal.
enum TaxonomyImport {
    /// Checks `document` against the catalogue and writes it; a validation problem is reported against `directory`.
    static func write(
        _ document: CatalogDocument, from directory: String, into store: CatalogStore, progress: inout ProgressLine
    ) throws -> ImportSummary {
        progress.show("checking and writing the catalogue", force: true)
        var line = progress
        defer { progress = line; progress.finish() }
        return try store.importCatalog(document, progress: { line.show("writing records: \($0) of \($1)") }) { catalog in
            do { return try catalog.merging(document) } catch let error as CatalogValidationError {
                throw InputError(file: directory, message: error.description)
            }
        }
    }
}
