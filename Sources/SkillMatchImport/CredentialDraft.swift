import SkillMatch

/// The formats in which issuers publish credentials that `import credentials` reads.
public enum CredentialFormat: String, Sendable, Hashable, Codable, CaseIterable {
    /// Open Badges 2.0 `BadgeClass` or 3.0 `Achievement` JSON (bare, or inside an `OpenBadgeCredential`).
    case openbadges
    /// Credential Engine CTDL JSON-LD (`ceterms:Certification`, `ceterms:Badge`, …).
    case ctdl
    /// SkillMatch's credential CSV (documented columns).
    case csv
}

/// Where a record was read: the file, its 1-based position among the file's records, and its line when known.
public struct RecordPlace: Sendable, Hashable, Codable {
    /// The file as the user named it (or as found in the folder).
    public var file: String
    /// The record's 1-based position in the file (the data row, for CSV).
    public var record: Int
    /// The 1-based line on which the record starts, when known.
    public var line: Int?

    /// Creates a place.
    public init(file: String, record: Int, line: Int?) {
        self.file = file
        self.record = record
        self.line = line
    }
}

/// A skill reference as an issuer wrote it: an Open Badges alignment, a CTDL competency, a CSV skill.
struct SkillReference: Sendable, Hashable {
    /// The field it was read from, as a message names it (`alignment[1]`).
    var field: String
    /// A URL that may be a skill's id (`targetUrl`, `ceterms:targetNode`).
    var url: String?
    /// A code that may be a skill's id (`targetCode`, `ceterms:codedNotation`).
    var code: String?
    /// A name that may be a skill's label (`targetName`, `ceterms:targetNodeName`).
    var name: String?
    /// The level it states (CSV only); `nil` takes the import's default level.
    var level: Double?
    /// The taxonomy it names a skill of (`onet`, `esco`), for an alignments row: it then matches by URL or id only,
    /// and a reference to a taxonomy the catalogue does not hold is counted, not reported.
    var framework: String? = nil
    /// Where it was read, when not on its credential's record (an alignments row).
    var place: RecordPlace? = nil
}

/// A prerequisite reference as an issuer wrote it: a credential id or URI, and perhaps its name.
struct PrerequisiteReference: Sendable, Hashable {
    var field: String
    var reference: String?
    var name: String?
}

/// One credential as read from a file, before its skills and prerequisites are matched to the catalogue.
struct CredentialDraft: Sendable {
    var place: RecordPlace
    var format: CredentialFormat
    /// The credential's facts; grants and prerequisites are filled in when resolved.
    var credential: Credential
    var skills: [SkillReference] = []
    var prerequisites: [PrerequisiteReference] = []
    /// The occupations it says it serves.
    var occupations: [OccupationReference] = []
    /// Other ids the file uses for it (a CTDL `@id` URI beside its CTID), so prerequisites can refer to it.
    var aliases: [String] = []
    /// Facts the reader could not keep, for the report (a cost in another currency, say).
    var notes: [ImportNote] = []
}

/// One line of an import report: a skill that matched nothing, a prerequisite that did not resolve, a record
/// left out or a fact not kept, with the place and field it came from.
public struct ImportNote: Sendable, Hashable, Codable {
    /// The file.
    public var file: String
    /// The record's 1-based position in the file, when it is about one record.
    public var record: Int?
    /// The line on which the record starts, when known.
    public var line: Int?
    /// The credential's id, when known.
    public var credential: String?
    /// The id of a record left out (not a credential, or retired), when it has one.
    public var id: String?
    /// The field, as in error messages (`alignment[1]`, `skills`).
    public var field: String?
    /// The URL of an unmatched skill reference, as written.
    public var url: String?
    /// The code of an unmatched skill reference, as written.
    public var code: String?
    /// The name of an unmatched skill reference (or of an unresolved prerequisite), as written.
    public var name: String?
    /// The id or URI of an unresolved prerequisite, as written.
    public var reference: String?
    /// Why.
    public var reason: String

    init(place: RecordPlace?, file: String? = nil, credential: String? = nil, field: String? = nil, reason: String) {
        self.file = place?.file ?? file ?? ""
        self.record = place?.record
        self.line = place?.line
        self.credential = credential
        self.field = field
        self.reason = reason
    }

    /// `badges.json, line 4 (record 2), credential "x", alignment[1]`: where it is, for a human.
    public var location: String {
        var text = file
        if let line { text += ", line \(line)" }
        if let record { text += line == nil ? ", record \(record)" : " (record \(record))" }
        if let credential { text += ", credential \"\(credential)\"" }
        if let id { text += ", \"\(id)\"" }
        if let field { text += ", \(field)" }
        return text
    }

    /// What was written, for a human: `targetUrl "…", targetName "…"`.
    public var written: String {
        [("url", url), ("code", code), ("name", name), ("reference", reference)]
            .compactMap { key, value in value.map { "\(key) \"\($0)\"" } }.joined(separator: ", ")
    }
}
