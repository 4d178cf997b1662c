import Foundation
import SkillMatch

/// Reads a JSON Resume (jsonresume.org schema) as a candidate.
///
/// - id: a top-level `id` when the document has one (not part of the schema; tools may add it), else
///   `basics.email`, else the file name without its extension. name: `basics.name`.
/// - `skills[]`: the `name` and every `keywords[]` entry are matched to catalogue skills by label (else by id,
///   ``SkillResolver/resolve(label:)``), each at the skill's `level` (``level(_:)``); a skill named twice keeps the
///   higher level.
/// - `certificates[]`: matched to catalogue credentials by `url`, else by `name` (narrowed by `issuer`)
///   (``CredentialResolver``); those found become held credentials.
/// - Prose: `basics.label`, each `work[]` and `volunteer[]` `position` (with its `startDate` – `endDate`, else
///   Present, on its line, so titles held are matched to jobs: ``TitleIndex``), `basics.summary` and the `summary`, `description` and `highlights[]` of `work[]`, `volunteer[]` and
///   `projects[]` become ``LocatedCandidate/text``, whose skills are extracted like a text resume's
///   (``TextResumeReader``: skills the resume states keep their stated level; others are held at the text level).
/// - What does not resolve is listed in ``LocatedCandidate/unresolved``; it is not an error. Other sections
///   (`education`, `languages`, …) are not read.
enum JSONResumeReader {
    /// Whether a parsed document is a JSON Resume: an object with `basics`, or a `$schema` naming a resume, or no
    /// `id` but résumé sections (`work`, `education`, `certificates`, or `skills` entries with a `name`).
    static func matches(_ root: JSONTree) -> Bool {
        guard let members = root.object else { return false }
        if members["basics"]?.object != nil { return true }
        if let schema = members["$schema"]?.string, schema.lowercased().contains("resume") { return true }
        guard members["id"] == nil else { return false }
        if members["work"] != nil || members["education"] != nil || members["certificates"] != nil { return true }
        return members["skills"]?.list.contains { $0["name"] != nil && $0["skill"] == nil } ?? false
    }

    static func read(_ root: JSONTree, file: String, catalog: Catalog) throws(InputError) -> LocatedCandidate {
        var context = RecordContext(place: RecordPlace(file: file, record: 1, line: nil), kind: "resume")
        let top = FieldPath()
        let basics = root["basics"]
        if let basics, basics.object == nil { throw context.error(top.key("basics"), "expected an object, found \(basics.kind)") }
        var name: String?
        if let basics { name = try context.text(basics, "name", at: top.key("basics")) }
        var id = try context.string(root, "id", at: top)
        if id == nil, let basics { id = try context.string(basics, "email", at: top.key("basics")) }
        let candidateID = id ?? PersonDocumentReader.fileStem(file)
        context.id = candidateID

        let skills = SkillResolver(catalog: catalog)
        var held = HeldSkills()
        var unresolved: [UnresolvedItem] = []
        for (entry, path) in try context.objects(root, "skills", at: top) {
            var level = 1.0
            if let value = entry["level"] {
                let text: String
                switch value {
                case .string(let string): text = string
                case .number(let number): text = String(number)
                default: throw context.error(path.key("level"), "expected text or a number, found \(value.kind)")
                }
                if let mapped = Self.level(text) { level = mapped } else if !text.trimmed.isEmpty {
                    unresolved.append(UnresolvedItem(field: path.key("level").description, value: text,
                        reason: "not a level SkillMatch knows (see the README); read as 1"))
                }
            }
            var names: [(String, FieldPath)] = []
            if let skill = try context.text(entry, "name", at: path) { names.append((skill, path.key("name"))) }
            if let keywords = entry["keywords"] {
                guard case .array(let items) = keywords else { throw context.error(path.key("keywords"), "expected a list of strings, found \(keywords.kind)") }
                for (index, item) in items.enumerated() {
                    guard let keyword = item.string else { throw context.error(path.key("keywords").index(index), "expected a string, found \(item.kind)") }
                    if !keyword.trimmed.isEmpty { names.append((keyword.trimmed, path.key("keywords").index(index))) }
                }
            }
            for (text, field) in names {
                switch skills.resolve(label: text) {
                case .matched(let skill, _): held.add(skill, level)
                case .unmatched(let reason): unresolved.append(UnresolvedItem(field: field.description, value: text, reason: reason))
                }
            }
        }

        let credentials = CredentialResolver(catalog: catalog)
        var heldCredentials: [String] = []
        for (certificate, path) in try context.objects(root, "certificates", at: top) {
            let title = try context.text(certificate, "name", at: path)
            let url = try context.string(certificate, "url", at: path)
            let issuer = try context.text(certificate, "issuer", at: path)
            guard title != nil || url != nil else { continue }
            switch credentials.resolve(url: url, name: title, issuer: issuer) {
            case .success(let id): if !heldCredentials.contains(id) { heldCredentials.append(id) }
            case .failure(let failure):
                unresolved.append(UnresolvedItem(field: path.description, value: title ?? url ?? "", reason: failure.reason))
            }
        }
        // Prose about the work done: its skills are extracted like a text resume's (stated skills keep their level).
        // Titles held come first, one per line with their dates, so documents are matched to jobs by them.
        var prose: [String] = []
        if let basics, let label = try context.text(basics, "label", at: top.key("basics")) { prose.append(label) }
        if let basics, let summary = try context.text(basics, "summary", at: top.key("basics")) { prose.append(summary) }
        for section in ["work", "volunteer", "projects"] {
            for (entry, path) in try context.objects(root, section, at: top) {
                if section != "projects", let position = try context.text(entry, "position", at: path) {
                    let start = try context.string(entry, "startDate", at: path)
                    let end = try context.string(entry, "endDate", at: path)
                    let dates = start.map { " (\($0) – \(end ?? "Present"))" } ?? ""
                    prose.append(position + dates)
                }
                for key in ["summary", "description"] {
                    if let text = try context.text(entry, key, at: path) { prose.append(text) }
                }
                if case .array(let items)? = entry["highlights"] {
                    prose += items.compactMap(\.string)
                }
            }
        }
        var located = LocatedCandidate(
            candidate: Candidate(id: candidateID, name: name, skills: held.skills, credentials: heldCredentials),
            file: file, line: nil, unresolved: unresolved)
        let text = prose.map(\.trimmed).filter { !$0.isEmpty }.joined(separator: "\n")
        if !text.isEmpty { located.text = text }
        return located
    }

    /// A JSON Resume skill level as a number in (0, 1]: words (case ignored) `beginner`, `novice`, `basic`,
    /// `elementary`, `entry-level` → 0.25; `intermediate`, `competent`, `moderate`, `working` → 0.5; `advanced`,
    /// `proficient`, `experienced`, `fluent` → 0.75; `expert`, `master`, `native` → 1; a number in (0, 1] as it is; a
    /// percentage (`80%`) over 100; a fraction `n/m` (`4/5`) as its value. `nil` for anything else.
    static func level(_ text: String) -> Double? {
        let word = text.trimmed.lowercased()
        switch word {
        case "beginner", "novice", "basic", "elementary", "entry-level", "entry level": return 0.25
        case "intermediate", "competent", "moderate", "working": return 0.5
        case "advanced", "proficient", "experienced", "fluent": return 0.75
        case "expert", "master", "native": return 1
        default: break
        }
        func unit(_ value: Double?) -> Double? { value.flatMap { CatalogLimits.isLevel($0) ? $0 : nil } }
        if word.hasSuffix("%") { return unit(Double(word.dropLast().trimmingSpaces).map { $0 / 100 }) }
        let parts = word.split(separator: "/")
        if parts.count == 2, let top = Double(parts[0].trimmingSpaces), let bottom = Double(parts[1].trimmingSpaces), bottom > 0 {
            return unit(top / bottom)
        }
        return unit(Double(word))
    }
}

/// Held skills, each once at its highest level, in first-seen order.
struct HeldSkills {
    private(set) var skills: [HeldSkill] = []
    private var positions: [String: Int] = [:]

    mutating func add(_ skill: String, _ level: Double) {
        if let position = positions[skill] {
            skills[position].level = max(skills[position].level, level)
        } else {
            positions[skill] = skills.count
            skills.append(HeldSkill(skill: skill, level: level))
        }
    }
}
