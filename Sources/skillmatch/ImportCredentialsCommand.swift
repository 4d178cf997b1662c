import ArgumentParser
import SkillMatch
import SkillMatchImport
import SkillMatchStore

/// The input formats `import credentials --input-format` takes.
enum CredentialInputFormat: String, ExpressibleByArgument, CaseIterable {
    case auto, openbadges, ctdl, csv

    var format: CredentialFormat? { CredentialFormat(rawValue: rawValue) }
}

/// When `import credentials` derives grants from a credential's occupations.
enum DeriveMode: String, ExpressibleByArgument, CaseIterable {
    case missing, never
}

/// `skillmatch import credentials FILE|DIR`.
struct ImportCredentials: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "credentials",
        abstract: "Import credentials as issuers publish them: Open Badges 2.0/3.0, CTDL JSON-LD, or CSV (such as datasets/credentials).",
        discussion: """
            A folder imports every .json, .jsonld and .csv file in it, in name order, as one transaction. Each \
            file's format is detected from its content (CSV by its extension) unless --input-format names it. \
            Alignments and competencies are matched to catalogue skills by URL (the skill id), then code, then \
            label; an alignments CSV row (framework onet or esco) by its id only, and rows of a taxonomy the catalogue \
            does not hold are counted, not reported. Occupations (CSV occupations, CTDL occupationType, Open Badges \
            alignments to SOC codes) are matched to catalogue jobs by id, URL or SOC code. A credential whose skills \
            match nothing but whose occupations do gets derived grants (--derive missing, the default): the 5 most \
            important requirements of each of its first 3 occupations at 75% of the required level, shown as derived. \
            What matches nothing, prerequisites that do not resolve and records left out are reported, not fatal. A \
            malformed file stops the import with the file, record and field; nothing is imported.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: FormatOptions
    @Option(name: .customLong("input-format"), help: "The files' format: auto, openbadges, ctdl or csv.")
    var inputFormat: CredentialInputFormat = .auto
    @Option(help: ArgumentHelp("The level of a grant whose source states none, in (0, 1].", valueName: "level"))
    var level: Double = 1
    @Option(help: ArgumentHelp("Derive grants from occupations for credentials whose skills match nothing: missing or never.", valueName: "mode"))
    var derive: DeriveMode = .missing
    @Argument(help: "A credential file, or a folder of them.") var path: String

    func validate() throws {
        guard CatalogLimits.isLevel(level) else { throw ValidationError("--level: \(level) is outside [0.000001, 1]") }
    }

    func run() throws {
        let sources = try CredentialImporter.read(path: path, format: inputFormat.format)
        let store = try database.openForWriting()
        let imported = CredentialImporter.resolve(
            sources, against: try store.loadCatalog(), level: level, derive: derive == .never ? nil : .standard)
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
        let usable = report.skillReferences - report.skillsNotHeld.values.reduce(0, +)
        Output.text("  Skills: \(matched) of \(usable) references matched (\(by["url"] ?? 0) by URL, "
            + "\(by["code"] ?? 0) by code, \(by["label"] ?? 0) by label): \(report.grants) grants, at level "
            + "\(Format.number(report.level)) unless the source states one.")
        let notHeld = report.skillsNotHeld.sorted { $0.key < $1.key }.map { "\($0.value) \(Self.frameworkName($0.key))" }
        if !notHeld.isEmpty {
            Output.text("  Not used: \(notHeld.joined(separator: " and ")) alignments (the catalogue holds no skill of that taxonomy).")
        }
        if report.occupationReferences > 0 {
            let skipped = report.occupationsNotHeld.values.reduce(0, +)
            let used = report.occupationReferences - skipped
            Output.text("  Occupations: \(used - report.unresolvedOccupations.count) of \(used) references matched catalogue jobs"
                + (skipped == 0 ? "." : " (\(skipped) to a taxonomy the catalogue holds no job of not used)."))
        }
        if report.derivedGrants > 0 {
            Output.text("  Derived: \(report.derivedGrants) grants for \(report.derivedCredentials) credential\(report.derivedCredentials == 1 ? "" : "s") "
                + "whose skills matched nothing, from the occupations they serve.")
        }
        let folder = path.hasSuffix("/") ? path : path + "/"
        if count > 0 {
            var table = Table([.init(header: "Id"), .init(header: "Name"), .init(header: "Grants", numeric: true),
                               .init(header: "Jobs", numeric: true), .init(header: "Prerequisites", numeric: true), .init(header: "File")])
            for credential in report.credentials {
                // Files of a folder by name; a single file as given.
                let file = credential.file.hasPrefix(folder) ? String(credential.file.dropFirst(folder.count)) : credential.file
                let place = credential.line.map { "\(file):\($0)" } ?? "\(file) #\(credential.record)"
                let grants = credential.derivedGrants > 0 ? "\(credential.grants) derived" : String(credential.grants)
                table.append([credential.id, credential.name.truncated(40), grants, String(credential.occupations),
                              String(credential.prerequisites), place])
            }
            Output.text("")
            Output.text(table.text)
        }
        for (title, notes) in [("Not mapped to a catalogue skill", report.unmapped), ("Prerequisites not resolved", report.unresolvedPrerequisites),
                               ("Occupations not matched", report.unresolvedOccupations), ("Left out", report.skipped),
                               ("Not kept", report.notes)] where !notes.isEmpty {
            Output.text("\n\(title) (\(notes.count)):")
            for note in notes {
                let written = note.written
                Output.text("  \(note.location)\(written.isEmpty ? "" : ": " + written): \(note.reason)")
            }
        }
    }
}

extension ImportCredentials {
    /// A taxonomy's name for people.
    static func frameworkName(_ framework: String) -> String {
        switch framework {
        case "onet": "O*NET"
        case "esco": "ESCO"
        default: framework
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
