/// The kind of record a problem is in.
public enum RecordKind: String, Sendable, Hashable, Codable {
    case skill, job, credential, candidate
    case skillGroup = "skill group"
}

/// One thing wrong with one record of a catalogue or candidate file.
public struct CatalogProblem: Sendable, Hashable, CustomStringConvertible {
    /// The kind of record.
    public var kind: RecordKind
    /// The record's id (may be empty when the id itself is the problem).
    public var id: String
    /// The record's position (0-based) in its list in the file.
    public var position: Int
    /// The field at fault, such as `requirements[2].level`.
    public var field: String?
    /// What is wrong, as a sentence fragment for a user.
    public var message: String

    /// Creates a problem.
    public init(kind: RecordKind, id: String, position: Int, field: String?, message: String) {
        self.kind = kind
        self.id = id
        self.position = position
        self.field = field
        self.message = message
    }

    /// The record, as a user reads it: `job "15-1232.00"` or `job #3` when the id is empty.
    public var record: String { id.isEmpty ? "\(kind.rawValue) #\(position + 1)" : "\(kind.rawValue) \"\(Self.printable(id))\"" }

    /// The text with control characters written as JSON escapes (`\u0000`), so that a message shows what is there.
    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `job "15-1232.00", requirements[2].level: level 1.5 is outside (0, 1]`.
    public var description: String { field.map { "\(record), \($0): \(message)" } ?? "\(record): \(message)" }
}

/// A catalogue or candidate that breaks the catalogue's rules; nothing was changed.
public struct CatalogValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Every problem found, in file order; never empty.
    public var problems: [CatalogProblem]

    /// The first problem, and how many more there are.
    public var description: String {
        guard let first = problems.first else { return "the catalogue is invalid" }
        let more = problems.count - 1
        return more == 0 ? first.description : "\(first.description) (and \(more) more problem\(more == 1 ? "" : "s"))"
    }
}

/// Checks records against the rules of the catalogue format, collecting problems.
struct CatalogValidator {
    /// The record being checked.
    private struct Record {
        var kind: RecordKind
        var id: String
        var position: Int
    }

    let catalog: Catalog
    private(set) var problems: [CatalogProblem] = []

    init(catalog: Catalog) { self.catalog = catalog }

    mutating func check(_ document: CatalogDocument) {
        var seen = Set<String>()
        for (position, skill) in document.skills.enumerated() {
            let record = Record(kind: .skill, id: skill.id, position: position)
            checkConcept(record, label: skill.label, broader: skill.broader, seen: &seen)
            for (index, relation) in skill.related.enumerated() where !SkillRelation.kinds.contains(relation.relation) {
                report(record, "related[\(index)].relation",
                    "\"\(relation.relation)\" is not a relation; use one of: \(SkillRelation.kinds.joined(separator: ", "))")
            }
            checkTexts(record, [
                ("altLabels", skill.altLabels), ("hiddenLabels", skill.hiddenLabels), ("collections", skill.collections),
                ("related", skill.related.flatMap { [$0.skill, $0.relation] }),
            ], single: [("description", skill.description), ("reuseLevel", skill.reuseLevel), ("source", skill.source)])
        }
        seen = []
        for (position, group) in document.skillGroups.enumerated() {
            let record = Record(kind: .skillGroup, id: group.id, position: position)
            checkConcept(record, label: group.label, broader: group.broader, seen: &seen)
            checkTexts(record, [], single: [("code", group.code), ("description", group.description), ("source", group.source)])
        }
        seen = []
        for (position, job) in document.jobs.enumerated() {
            let record = Record(kind: .job, id: job.id, position: position)
            checkID(record, seen: &seen)
            if job.title.trimmed.isEmpty { report(record, "title", "the title is empty") }
            checkTexts(record, [
                ("alternateTitles", job.alternateTitles), ("hiddenTitles", job.hiddenTitles), ("tasks", job.tasks),
                ("activities", job.activities),
            ], single: [
                ("title", job.title), ("description", job.description), ("iscoGroup", job.iscoGroup), ("source", job.source),
            ])
            if job.requirements.isEmpty { report(record, "requirements", "the job has no requirements") }
            if let zone = job.jobZone, !(1...5).contains(zone) { report(record, "jobZone", "job zone \(zone) is outside 1–5") }
            var skills = Set<String>()
            for (index, requirement) in job.requirements.enumerated() {
                // Field names are written only for a problem: validation runs on every request's candidate.
                let field = { "requirements[\(index)]" }
                checkSkill(record, requirement.skill, field: field(), seen: &skills)
                if !(requirement.importance > 0) {
                    report(record, "\(field()).importance",
                        "importance \(requirement.importance.shortText) must be a number greater than 0")
                } else if !CatalogLimits.isImportance(requirement.importance) {
                    report(record, "\(field()).importance", "importance \(requirement.importance.shortText) is larger than 1,000,000")
                }
                checkLevel(record, requirement.level, field: "\(field()).level")
            }
        }
        seen = []
        for (position, credential) in document.credentials.enumerated() {
            let record = Record(kind: .credential, id: credential.id, position: position)
            checkID(record, seen: &seen)
            if credential.name.trimmed.isEmpty { report(record, "name", "the name is empty") }
            checkTexts(record, [("accreditations", credential.accreditations), ("renewalMethods", credential.renewalMethods),
                                ("references", credential.references)], single: [
                ("name", credential.name), ("issuer", credential.issuer), ("url", credential.url), ("source", credential.source),
                ("sector", credential.sector), ("verified", credential.verified), ("notes", credential.notes),
            ])
            var skills = Set<String>()
            for (index, grant) in credential.grants.enumerated() {
                checkSkill(record, grant.skill, field: "grants[\(index)]", seen: &skills)
                checkLevel(record, grant.level, field: "grants[\(index)].level")
                if let job = grant.derivedFrom, catalog.job(job) == nil {
                    report(record, "grants[\(index)].derivedFrom", "unknown job id \"\(job)\"")
                }
            }
            var occupations = Set<String>()
            for (index, job) in credential.occupations.enumerated() {
                if catalog.job(job) == nil {
                    report(record, "occupations[\(index)]", "unknown job id \"\(job)\"")
                } else if !occupations.insert(job).inserted {
                    report(record, "occupations[\(index)]", "job \"\(job)\" is listed twice")
                }
            }
            let amounts = [("cost", credential.cost), ("hours", credential.hours), ("renewalYears", credential.renewalYears)]
            for case let (name, value?) in amounts where !(value >= 0 && value <= 1e9) {
                report(record, name, value.isNaN ? "\(name) is not a number"
                    : value < 0 ? "\(name) \(value.shortText) must not be negative" : "\(name) \(value.shortText) is larger than 1,000,000,000")
            }
            var prerequisites = Set<String>()
            for (index, prerequisite) in credential.prerequisites.enumerated() {
                let field = "prerequisites[\(index)]"
                if prerequisite == credential.id {
                    report(record, field, "a credential cannot be its own prerequisite")
                } else if catalog.credential(prerequisite) == nil {
                    report(record, field, "unknown credential id \"\(prerequisite)\"")
                } else if !prerequisites.insert(prerequisite).inserted {
                    report(record, field, "prerequisite \"\(prerequisite)\" is listed twice")
                }
            }
        }
    }

    mutating func check(_ candidate: Candidate, position: Int) {
        let record = Record(kind: .candidate, id: candidate.id, position: position)
        var seen = Set<String>()
        checkID(record, seen: &seen)
        checkTexts(record, [], single: [("name", candidate.name)])
        var skills = Set<String>()
        for (index, held) in candidate.skills.enumerated() {
            checkSkill(record, held.skill, field: "skills[\(index)]", seen: &skills)
            checkLevel(record, held.level, field: "skills[\(index)].level")
        }
        var credentials = Set<String>()
        for (index, id) in candidate.credentials.enumerated() {
            if catalog.credentialIndex(id) == nil {
                report(record, "credentials[\(index)]", "unknown credential id \"\(id)\"")
            } else if !credentials.insert(id).inserted {
                report(record, "credentials[\(index)]", "credential \"\(id)\" is listed twice")
            }
        }
    }

    /// Reports one prerequisite cycle through each credential of `ids` (those a document adds or changes).
    mutating func checkPrerequisiteCycles(among ids: [String]) {
        var reported = Set<String>()
        for (position, id) in ids.enumerated() where !reported.contains(id) {
            guard let cycle = prerequisiteCycle(from: id) else { continue }
            reported.formUnion(cycle)
            let path = cycle.map { "\"\($0)\"" }.joined(separator: " → ")
            report(Record(kind: .credential, id: id, position: position), "prerequisites",
                "prerequisites form a cycle: \(path)")
        }
    }

    /// A path of prerequisites from `start` back to `start`, if there is one (depth-first, in id order).
    private func prerequisiteCycle(from start: String) -> [String]? {
        var finished = Set<String>()
        var path: [String] = []
        func visit(_ id: String) -> Bool {
            if id == start && !path.isEmpty { return true }
            guard !finished.contains(id), !path.contains(id), let credential = catalog.credential(id) else { return false }
            path.append(id)
            for next in credential.prerequisites.sorted() where visit(next) { return true }
            path.removeLast()
            finished.insert(id)
            return false
        }
        return visit(start) ? path + [start] : nil
    }

    private mutating func report(_ record: Record, _ field: String?, _ message: String) {
        problems.append(CatalogProblem(kind: record.kind, id: record.id, position: record.position, field: field, message: message))
    }

    private mutating func checkID(_ record: Record, seen: inout Set<String>) {
        if let control = record.id.unicodeScalars.first(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            report(record, "id", "the id contains the control character \(Self.name(control)); ids are printable text")
        } else if record.id.trimmed.isEmpty {
            report(record, "id", "the id is empty")
        } else if record.id.trimmed != record.id {
            report(record, "id", "the id has leading or trailing spaces")
        } else if !seen.insert(record.id).inserted {
            report(record, "id", "duplicate \(record.kind.rawValue) id \"\(record.id)\" (ids must be unique within a file)")
        }
    }

    /// Text fields hold no control characters other than tab, line feed and carriage return: SQLite would cut a
    /// string at U+0000, so what is stored would not be what was checked.
    private mutating func checkTexts(_ record: Record, _ lists: [(String, [String])], single: [(String, String?)]) {
        for case let (field, text?) in single { checkText(record, field, text) }
        for (field, list) in lists {
            for (index, text) in list.enumerated() { checkText(record, "\(field)[\(index)]", text) }
        }
    }

    private mutating func checkText(_ record: Record, _ field: String, _ text: String) {
        // Fast path: no byte below 0x20 other than tab, LF, CR, and no DEL.
        guard text.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0x7F }),
            let control = text.unicodeScalars.first(where: { ($0.value < 0x20 && ![0x09, 0x0A, 0x0D].contains($0.value)) || $0.value == 0x7F })
        else { return }
        report(record, field, "the text contains the control character \(Self.name(control)), which cannot be stored")
    }

    /// `U+0000 (NUL)`.
    static func name(_ scalar: Unicode.Scalar) -> String {
        let names: [UInt32: String] = [0: "NUL", 0x1B: "ESC", 0x7F: "DEL", 0x09: "tab", 0x0A: "line feed", 0x0D: "carriage return"]
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return names[scalar.value].map { "\(code) (\($0))" } ?? code
    }

    private mutating func checkSkill(_ record: Record, _ skill: String, field: @autoclosure () -> String, seen: inout Set<String>) {
        if catalog.skillIndex(skill) == nil {
            report(record, "\(field()).skill", "unknown skill id \"\(skill)\"")
        } else if !seen.insert(skill).inserted {
            report(record, "\(field()).skill", "skill \"\(skill)\" is listed twice")
        }
    }

    /// The checks skills and skill groups share: the id, the label and the hierarchy links.
    private mutating func checkConcept(_ record: Record, label: String, broader: [String], seen: inout Set<String>) {
        checkID(record, seen: &seen)
        if label.trimmed.isEmpty { report(record, "label", "the label is empty") }
        checkBroader(record, broader)
    }

    /// Hierarchy links name a concept once each, never the record itself; they need not resolve.
    private mutating func checkBroader(_ record: Record, _ broader: [String]) {
        var seen = Set<String>()
        for (index, id) in broader.enumerated() {
            if id.trimmed.isEmpty {
                report(record, "broader[\(index)]", "the id is empty")
            } else if id == record.id {
                report(record, "broader[\(index)]", "a concept cannot be broader than itself")
            } else if !seen.insert(id).inserted {
                report(record, "broader[\(index)]", "\"\(id)\" is listed twice")
            }
        }
    }

    private mutating func checkLevel(_ record: Record, _ level: Double, field: @autoclosure () -> String) {
        if !(level > 0 && level <= 1) {
            report(record, field(), "level \(level.shortText) is outside (0, 1]")
        } else if !CatalogLimits.isLevel(level) {
            report(record, field(), "level \(level.shortText) is below the smallest level, 0.000001 (leave the skill out instead)")
        }
    }
}

extension String {
    /// The string without leading and trailing white space.
    var trimmed: Substring {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else {
            return ""
        }
        return self[first...last]
    }
}

extension Double {
    /// The number as a user wrote it: `3` rather than `3.0`.
    var shortText: String {
        self == rounded() && abs(self) < 1e15 ? String(Int64(self)) : String(self)
    }
}
