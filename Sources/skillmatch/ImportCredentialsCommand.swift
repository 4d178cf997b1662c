import ArgumentParser
import SkillMatch
import SkillMatchImport
import SkillMatchStore

/// The input formats `import credentials --input-format` takes.
enum CredentialInputFormat: String, ExpressibleByArgument, CaseIterable {
    case auto, openbadges, ctdl, csv

    var format: CredentialFormat? { CredentialFormat(rawValue: rawValue) }
}

/// `skillmatch import credentials FILE|DIR`.
struct ImportCredentials: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "credentials",
        abstract: "Import credentials as issuers publish them: Open Badges 2.0/3.0, CTDL JSON-LD, or CSV.",
        discussion: """
            A folder imports every .json, .jsonld and .csv file in it, in name order, as one transaction. Each \
            file's format is detected from its content (CSV by its extension) unless --input-format names it. \
            Alignments and competencies are matched to catalogue skills by URL (the skill id), then code, then \
            label; what matches nothing, prerequisites that do not resolve and records left out are reported, \
            not fatal. A malformed file stops the import with the file, record and field; nothing is imported.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: FormatOptions
    @Option(name: .customLong("input-format"), help: "The files' format: auto, openbadges, ctdl or csv.")
    var inputFormat: CredentialInputFormat = .auto
    @Option(help: ArgumentHelp("The level of a grant whose source states none, in (0, 1].", valueName: "level"))
    var level: Double = 1
    @Argument(help: "A credential file, or a folder of them.") var path: String

    func validate() throws {
        guard CatalogLimits.isLevel(level) else { throw ValidationError("--level: \(level) is outside [0.000001, 1]") }
    }

    func run() throws {
        let sources = try CredentialImporter.read(path: path, format: inputFormat.format)
        let store = try database.openForWriting()
        let imported = CredentialImporter.resolve(sources, against: try store.loadCatalog(), level: level)
        let summary = try store.importCatalog(imported.document) { try imported.merged(into: $0) }
        let report = imported.report
        if output.format == .json {
            return try Output.json(CredentialReportJSON(path: path, database: store.path, report: report, summary: summary))
        }
        let count = report.credentials.count
        Output.text("Imported \(count) credential\(count == 1 ? "" : "s") from \(path) into \(store.path) "
            + "(\(summary.added.credentials) new, \(summary.updated.credentials) updated).")
        let formats = CredentialFormat.allCases.compactMap { format in
            let count = report.files.filter { $0.format == format }.count
            return count == 0 ? nil : "\(count) \(format.rawValue)"
        }
        Output.text("  Files: \(report.files.count) read (\(formats.joined(separator: ", ")))"
            + (report.skipped.isEmpty ? "." : "; \(report.skipped.count) record\(report.skipped.count == 1 ? "" : "s") or files left out (below)."))
        let by = report.matchedBy
        let matched = by.values.reduce(0, +)
        Output.text("  Skills: \(matched) of \(report.skillReferences) references matched (\(by["url"] ?? 0) by URL, "
            + "\(by["code"] ?? 0) by code, \(by["label"] ?? 0) by label): \(report.grants) grants, at level "
            + "\(Format.number(report.level)) unless the source states one.")
        let folder = path.hasSuffix("/") ? path : path + "/"
        if count > 0 {
            var table = Table([.init(header: "Id"), .init(header: "Name"), .init(header: "Grants", numeric: true),
                               .init(header: "Prerequisites", numeric: true), .init(header: "File")])
            for credential in report.credentials {
                // Files of a folder by name; a single file as given.
                let file = credential.file.hasPrefix(folder) ? String(credential.file.dropFirst(folder.count)) : credential.file
                let place = credential.line.map { "\(file):\($0)" } ?? "\(file) #\(credential.record)"
                table.append([credential.id, credential.name.truncated(40), String(credential.grants), String(credential.prerequisites), place])
            }
            Output.text("")
            Output.text(table.text)
        }
        for (title, notes) in [("Not mapped to a catalogue skill", report.unmapped), ("Prerequisites not resolved", report.unresolvedPrerequisites),
                               ("Left out", report.skipped), ("Not kept", report.notes)] where !notes.isEmpty {
            Output.text("\n\(title) (\(notes.count)):")
            for note in notes {
                let written = note.written
                Output.text("  \(note.location)\(written.isEmpty ? "" : ": " + written): \(note.reason)")
            }
        }
    }
}

/// What `import credentials` prints as JSON.
struct CredentialReportJSON: Encodable {
    var path: String
    var database: String
    var report: CredentialImportReport
    var summary: ImportSummary
}
