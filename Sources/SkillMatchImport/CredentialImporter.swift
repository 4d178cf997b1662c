import Foundation
import SkillMatch

/// Reads credentials as issuers publish them (Open Badges, CTDL, CSV) and matches their skills and prerequisites
/// to a catalogue: `skillmatch import credentials`.
///
/// 1. ``read(path:format:)`` reads a file, or every `.json`, `.jsonld` and `.csv` file of a folder in name order,
///    detecting each file's format unless one is given: `.csv` files are CSV; JSON whose nodes have a `ceterms:`
///    `@type` (or whose `@context` is CTDL's, `credreg.net`) is CTDL; JSON with Open Badges types (`BadgeClass`,
///    `Achievement`, `OpenBadgeCredential`, …), a `credentialSubject` or an Open Badges `@context` is Open Badges.
///    Malformed input stops the import with an ``InputError`` naming the file, the record (line) and the field.
/// 2. ``resolve(_:against:level:)`` matches skill references with ``SkillResolver`` (URL, then code, then label)
///    and prerequisites against the import and the catalogue. What matches nothing is reported, not fatal.
public enum CredentialImporter {
    /// The extensions a folder's files must have to be read.
    static let extensions = ["json", "jsonld", "csv"]
    /// The extensions of a folder's files that are passed over without a note (documentation).
    static let documentation = ["md", "txt"]

    /// Reads a file or a folder.
    /// - Parameter format: the format of every file; `nil` detects it file by file.
    /// - Throws: ``InputError`` naming the file, line, record and field of the first fault, or two records that
    ///   share an id.
    public static func read(path: String, format: CredentialFormat? = nil) throws(InputError) -> CredentialSources {
        var sources = CredentialSources()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(file: path, message: "no such file or folder")
        }
        var files = [path]
        if isDirectory.boolValue {
            let folder = path.hasSuffix("/") ? String(path.dropLast()) : path
            let names: [String]
            do { names = try FileManager.default.contentsOfDirectory(atPath: folder) } catch {
                throw InputError(file: path, message: "cannot be read (check its permissions)")
            }
            files = []
            for name in names.sorted() where !name.hasPrefix(".") {
                let file = folder + "/" + name
                var inner: ObjCBool = false
                guard FileManager.default.fileExists(atPath: file, isDirectory: &inner), !inner.boolValue else { continue }
                let pathExtension = (name as NSString).pathExtension.lowercased()
                if extensions.contains(pathExtension) {
                    files.append(file)
                } else if documentation.contains(pathExtension) {
                    continue  // a README beside the data
                } else {
                    sources.skipped.append(ImportNote(place: nil, file: file, reason: "not a .json, .jsonld or .csv file"))
                }
            }
            if files.isEmpty { throw InputError(file: path, message: "holds no .json, .jsonld or .csv file") }
        }
        for file in files { try sources.add(file: file, format: format) }
        try sources.attachAlignments()
        return sources
    }

    /// Matches the sources' skills and prerequisites to a catalogue.
    /// - Parameter level: the level of a grant whose source states none (Open Badges and CTDL never do), in (0, 1].
    /// - Parameter derive: whether a credential whose skills match nothing but whose occupations do gets grants
    ///   derived from the occupations' profiles (``DerivedGrantRule``).
    public static func resolve(
        _ sources: CredentialSources, against catalog: Catalog, level: Double = 1, derive: DerivedGrantRule? = .standard
    ) -> CredentialImport {
        let skills = SkillResolver(catalog: catalog)
        let known = CredentialResolver(catalog: catalog)
        let occupations = OccupationResolver(catalog: catalog)
        let skillFrameworks = Set(catalog.skills.compactMap(\.source))
        var report = CredentialImportReport()
        report.level = level
        report.derivedRule = derive
        report.files = sources.files
        report.skipped = sources.skipped
        // Ids, aliases and URLs of the credentials in the import, and their names.
        var importIDs: [String: String] = [:]
        var importNames: [String: [String]] = [:]
        for draft in sources.drafts {
            for key in [draft.credential.id] + draft.aliases + [draft.credential.url].compactMap({ $0 }) {
                importIDs[key] = importIDs[key] ?? draft.credential.id
                if let url = SkillResolver.urlKey(key) { importIDs[url] = importIDs[url] ?? draft.credential.id }
            }
            importNames[SkillResolver.normalised(draft.credential.name), default: []].append(draft.credential.id)
        }
        func lookUp(_ reference: PrerequisiteReference) -> Result<String, CredentialNotFound> {
            if let text = reference.reference?.trimmed, !text.isEmpty {
                // A registry URI ends in the CTID (`…/resources/ce-…`), the id CTDL credentials are imported under.
                let tail = text.split(separator: "/").last.map(String.init) ?? text
                let last = tail.hasPrefix("ce-") ? tail : text
                for key in [text, SkillResolver.urlKey(text), last].compactMap({ $0 }) {
                    if let id = importIDs[key] { return .success(id) }
                }
                if case .success(let id) = known.resolve(id: text, url: text) { return .success(id) }
                if last != text, case .success(let id) = known.resolve(id: last) { return .success(id) }
            }
            if let name = reference.name, let ids = importNames[SkillResolver.normalised(name)], ids.count == 1 { return .success(ids[0]) }
            if let name = reference.name { return known.resolve(name: name) }
            return .failure(CredentialNotFound(reason: "no credential of the import or the catalogue has this id or URL"))
        }

        var credentials: [Credential] = []
        var places: [RecordPlace] = []
        for draft in sources.drafts {
            var credential = draft.credential
            credential.source = draft.format.rawValue
            // An issuer given as the URL of a profile or organisation that another file of the import describes.
            if let issuer = credential.issuer, let name = sources.organisationNames[issuer] { credential.issuer = name }
            var grantLevels: [String: Double] = [:]
            var order: [String] = []
            for reference in draft.skills {
                report.skillReferences += 1
                if let framework = reference.framework, !skillFrameworks.contains(framework) {
                    report.skillsNotHeld[framework, default: 0] += 1
                    continue
                }
                // An alignment names its skill by id in its framework; its label is for people and the report.
                let resolution = reference.framework == nil
                    ? skills.resolve(url: reference.url, code: reference.code, name: reference.name)
                    : skills.resolve(url: reference.url, code: reference.code)
                switch resolution {
                case .matched(let skill, let rule):
                    report.matchedBy[rule.rawValue, default: 0] += 1
                    let granted = reference.level ?? level
                    if let previous = grantLevels[skill] { grantLevels[skill] = max(previous, granted) } else {
                        grantLevels[skill] = granted
                        order.append(skill)
                    }
                case .unmatched(let reason):
                    var note = ImportNote(place: reference.place ?? draft.place, credential: credential.id, field: reference.field, reason: reason)
                    // A CSV item is one text tried as an id and as a label: show it once.
                    if reference.framework != nil {
                        (note.code, note.name) = (reference.code, reference.name)
                    } else if draft.format == .csv {
                        note.name = reference.name
                    } else {
                        (note.url, note.code, note.name) = (reference.url, reference.code, reference.name)
                    }
                    report.unmapped.append(note)
                }
            }
            credential.grants = order.map { Grant(skill: $0, level: grantLevels[$0]!) }
            for reference in draft.occupations {
                report.occupationReferences += 1
                if let framework = OccupationResolver.framework(of: reference.reference), !occupations.frameworks.contains(framework) {
                    report.occupationsNotHeld[framework, default: 0] += 1
                    continue
                }
                let jobs = occupations.resolve(reference.reference)
                if jobs.isEmpty {
                    var note = ImportNote(place: draft.place, credential: credential.id, field: reference.field,
                        reason: "no catalogue job has this id, URL or SOC code")
                    (note.reference, note.name) = (reference.reference, reference.name)
                    report.unresolvedOccupations.append(note)
                }
                for job in jobs where !credential.occupations.contains(job) { credential.occupations.append(job) }
            }
            if credential.grants.isEmpty, let derive, !credential.occupations.isEmpty {
                credential.grants = derive.grants(serving: credential.occupations, in: catalog)
                report.derivedGrants += credential.grants.count
                if !credential.grants.isEmpty { report.derivedCredentials += 1 }
            }
            for reference in draft.prerequisites {
                var note = ImportNote(place: draft.place, credential: credential.id, field: reference.field, reason: "")
                note.reference = reference.reference
                if reference.reference == nil { note.name = reference.name }
                switch lookUp(reference) {
                case .success(let id) where id == credential.id:
                    note.reason = "refers to the credential itself"
                    report.unresolvedPrerequisites.append(note)
                case .success(let id):
                    if !credential.prerequisites.contains(id) { credential.prerequisites.append(id) }
                case .failure(let failure):
                    note.reason = failure.reason
                    report.unresolvedPrerequisites.append(note)
                }
            }
            report.notes += draft.notes
            report.grants += credential.grants.count
            report.credentials.append(.init(
                id: credential.id, name: credential.name, format: draft.format, file: draft.place.file, record: draft.place.record, line: draft.place.line,
                grants: credential.grants.count, prerequisites: credential.prerequisites.count,
                occupations: credential.occupations.count, derivedGrants: credential.grants.filter { $0.derivedFrom != nil }.count))
            credentials.append(credential)
            places.append(draft.place)
        }
        return CredentialImport(document: CatalogDocument(credentials: credentials), report: report, places: places)
    }
}

/// The credentials read from a file or a folder, not yet matched to a catalogue.
public struct CredentialSources: Sendable {
    var drafts: [CredentialDraft] = []
    var files: [CredentialImportReport.FileRead] = []
    var skipped: [ImportNote] = []
    /// The names of the nodes (issuer profiles, organisations) the files describe, by id.
    var organisationNames: [String: String] = [:]
    /// Rows of alignments files, attached to their credentials once every file is read.
    var alignments: [CredentialCSVReader.Alignment] = []
    private var places: [String: RecordPlace] = [:]

    init() {}

    /// The number of credentials read.
    public var count: Int { drafts.count }

    /// Reads one file, detecting its format unless one is given.
    mutating func add(file: String, format: CredentialFormat?) throws(InputError) {
        let bytes = try JSONInput.read(file)
        var read: [CredentialDraft]
        var format = format
        if format == .csv || (format == nil && (file as NSString).pathExtension.lowercased() == "csv") {
            format = .csv
            switch try CredentialCSVReader.read(bytes: bytes, file: file) {
            case .credentials(let drafts): read = drafts
            case .alignments(let rows):
                alignments += rows
                files.append(.init(file: file, format: .csv, credentials: 0, alignments: rows.count))
                return
            }
        } else {
            let (root, lines) = try JSONTree.parse(bytes, file: file)
            let kind: CredentialFormat
            if let format { kind = format } else { kind = try Self.detect(root, file: file) }
            format = kind
            let result = try kind == .ctdl
                ? CTDLReader.read(root, elementLines: lines, file: file) : OpenBadgesReader.read(root, elementLines: lines, file: file)
            read = result.drafts
            skipped += result.skipped
            // Names of the profiles and organisations the file describes, for issuers named by URL in other files.
            for (id, node) in JSONRecords.index(root) where organisationNames[id] == nil {
                if let name = (node["name"] ?? node["ceterms:name"])?.text { organisationNames[id] = name }
            }
        }
        for draft in read {
            if let first = places.updateValue(draft.place, forKey: draft.credential.id) {
                let there = first.file == file ? "" : " of \(first.file)"
                let at = first.line.map { "line \($0)\(there)" } ?? "record \(first.record)\(there)"
                throw InputError(file: file, line: draft.place.line,
                    message: "credential \"\(draft.credential.id)\": the id is also used on \(at) (ids must be unique within an import)")
            }
        }
        drafts += read
        files.append(.init(file: file, format: format ?? .openbadges, credentials: read.count))
    }

    /// Adds each alignments row to its credential's skills.
    /// - Throws: ``InputError`` at the first row whose credential is not in the import.
    mutating func attachAlignments() throws(InputError) {
        guard !alignments.isEmpty else { return }
        let positions = Dictionary(drafts.enumerated().map { ($1.credential.id, $0) }, uniquingKeysWith: { first, _ in first })
        for row in alignments {
            guard let position = positions[row.credential] else {
                throw InputError(file: row.place.file, line: row.place.line,
                    message: "column \"credential\": no credential of the import has the id \"\(row.credential)\"")
            }
            drafts[position].skills.append(row.reference)
        }
        alignments = []
    }

    /// The format of a JSON document, from its types and context.
    static func detect(_ root: JSONTree, file: String) throws(InputError) -> CredentialFormat {
        let records = JSONRecords.split(root, elementLines: [:], file: file).map(\.node)
        let contexts = ([root] + records).compactMap { $0["@context"] }.flatMap(\.list).compactMap(\.string).map { $0.lowercased() }
        let types = records.flatMap(\.types)
        if types.contains(where: { $0.hasPrefix("ceterms:") }) || contexts.contains(where: { $0.contains("credreg.net") }) {
            return .ctdl
        }
        let badgeTypes: Set<String> = ["BadgeClass", "Achievement", "OpenBadgeCredential", "AchievementCredential", "Assertion"]
        if types.contains(where: { badgeTypes.contains($0) }) || records.contains(where: { $0["credentialSubject"] != nil })
            || contexts.contains(where: { $0.contains("openbadges") || $0.contains("purl.imsglobal.org/spec/ob") })
        {
            return .openbadges
        }
        throw InputError(file: file, message: "cannot tell the format: expected Open Badges (type BadgeClass, Achievement or "
            + "OpenBadgeCredential) or CTDL (@type ceterms:…); name it with --input-format")
    }
}

/// Credentials matched to a catalogue: the records to import, and the report.
public struct CredentialImport: Sendable {
    /// The credentials, in the order read.
    public var document: CatalogDocument
    /// What was read, matched and left out.
    public var report: CredentialImportReport
    /// Where each credential of ``document`` was read.
    var places: [RecordPlace]

    /// `catalog` with these credentials merged in, every rule checked.
    /// - Throws: ``InputError`` naming the file and line of the first faulty credential.
    public func merged(into catalog: Catalog) throws(InputError) -> Catalog {
        do {
            return try catalog.merging(document)
        } catch {
            let place = error.problems.first.flatMap { $0.kind == .credential && $0.position < places.count ? places[$0.position] : nil }
            throw InputError(file: place?.file ?? (places.first?.file ?? ""), line: place?.line, message: error.description)
        }
    }
}
