import SkillMatch

/// Reads SkillMatch's credential CSV (RFC 4180, read strictly by ``CSVFile``): a header row naming the columns, in
/// any order (case ignored; unknown columns are ignored). A file is one of two kinds, told by its header:
///
/// **Credentials** (columns `id` and `name` required), one credential a row:
/// - `issuer`, `url`, `sector`, `notes`, `verified` (`yes`, `partly`, `no`): text.
/// - `type`: `certification`, `certificate`, `license` (or `licence`), `badge`, `microcredential`, `apprenticeship`.
/// - `cost` (US dollars, an optional leading `$`), `hours`, `renewal_years`: numbers from 0 up, or empty for unknown.
/// - `cost_approximate`, `hours_approximate`, `exam`, `education_required`, `experience_required`, `in_demand`,
///   `industry_endorsed`: `yes`/`no` (also `true`/`false`, `y`/`n`, `1`/`0`), or empty for unknown (`no` for the
///   first two and `in_demand`).
/// - `renewal`, `accreditation`, `sources`: `;`-separated lists.
/// - `skills`: a `;`-separated list of `skill` or `skill:level`, where `skill` is a catalogue skill's id or label
///   and `level` a number in (0, 1] (default: the import's level). The level is what follows the last `:` when
///   that is a number, so URIs (`http://…`) need no escaping.
/// - `prerequisites`: a `;`-separated list of credential ids (or URLs, or names) in the import or the catalogue.
/// - `occupations`, `esco_occupations`: `;`-separated occupation references (O*NET-SOC or SOC codes, O*NET OnLine
///   URLs, ESCO occupation URIs), matched by ``OccupationResolver``.
///
/// **Alignments** (columns `credential`, `framework`, `target` required; `label`, `level`, `method`, `note`
/// optional), one granted skill a row: `target` is the skill's id in `framework` (`onet`: an Element ID or
/// `onet-tech:` id; `esco`: a skill URI), `label` its label there, `level` in (0, 1] (default: the import's level).
/// `credential` names a credential of the import.
enum CredentialCSVReader {
    /// One row of an alignments file.
    struct Alignment: Sendable {
        var place: RecordPlace
        var credential: String
        var reference: SkillReference
    }

    /// What a file holds.
    enum Content: Sendable {
        case credentials([CredentialDraft])
        case alignments([Alignment])
    }

    static func read(bytes: [UInt8], file: String) throws(InputError) -> Content {
        let csv = try CSVFile(bytes: bytes, path: file)
        if csv.optionalColumn("id") == nil, csv.optionalColumn("credential") != nil, csv.optionalColumn("target") != nil {
            return .alignments(try alignments(csv, file: file))
        }
        return .credentials(try credentials(csv, file: file))
    }

    private static func credentials(_ csv: CSVFile, file: String) throws(InputError) -> [CredentialDraft] {
        let id = try csv.column("id"), name = try csv.column("name")
        let optional = { (name: String) in csv.optionalColumn(name) }
        let (type, skills, prerequisites) = (optional("type"), optional("skills"), optional("prerequisites"))
        let occupationColumns = ["occupations", "esco_occupations"].compactMap(optional)
        var drafts: [CredentialDraft] = []
        for row in 0 ..< csv.count {
            let cells = Cells(csv: csv, row: row)
            let place = RecordPlace(file: file, record: row + 1, line: csv.line(ofRecord: row))
            var kind: CredentialType?
            if let type, let text = csv.value(row, type) {
                let word = text.lowercased()
                guard let value = CredentialType(rawValue: word == "licence" ? "license" : word) else {
                    throw csv.error(row, type, "column \"\(csv.header[type])\": \"\(text)\" is not one of "
                        + CredentialType.allCases.map(\.rawValue).joined(separator: ", "))
                }
                kind = value
            }
            guard let idText = csv.value(row, id) else { throw csv.error(row, id, "column \"\(csv.header[id])\" is empty") }
            guard let nameText = csv.value(row, name) else { throw csv.error(row, name, "column \"\(csv.header[name])\" is empty") }
            var credential = Credential(
                id: idText, name: nameText, issuer: cells.text("issuer"), type: kind,
                cost: try cells.amount("cost", dollars: true), hours: try cells.amount("hours"), grants: [], url: cells.text("url"),
                inDemand: try cells.flag("in_demand") ?? false, accreditations: cells.list("accreditation"),
                industryEndorsed: try cells.flag("industry_endorsed"), examRequired: try cells.flag("exam"),
                educationRequired: try cells.flag("education_required"), experienceRequired: try cells.flag("experience_required"),
                renewalYears: try cells.amount("renewal_years"), renewalMethods: cells.list("renewal"),
                costApproximate: try cells.flag("cost_approximate") ?? false, hoursApproximate: try cells.flag("hours_approximate") ?? false,
                sector: cells.text("sector"), references: cells.list("sources"), verified: cells.text("verified"), notes: cells.text("notes"))
            if credential.accreditations.isEmpty { credential.accreditations = cells.list("accreditations") }
            credential.alternateNames = cells.list("also_known_as")
            var draft = CredentialDraft(place: place, format: .csv, credential: credential)
            if let skills {
                for (index, item) in items(csv.string(row, skills)).enumerated() {
                    let (skill, level) = split(item)
                    if let level, !CatalogLimits.isLevel(level) {
                        throw csv.error(row, skills, "column \"\(csv.header[skills])\", item \(index + 1) \"\(item)\": level \(level) is outside (0, 1]")
                    }
                    // A URL is also tried as one (scheme and trailing slash ignored), then as an id, then as a label.
                    let url = SkillResolver.urlKey(skill) == nil ? nil : skill
                    draft.skills.append(SkillReference(field: "skills[\(index)]", url: url, code: skill, name: skill, level: level))
                }
            }
            if let prerequisites {
                for (index, item) in items(csv.string(row, prerequisites)).enumerated() {
                    draft.prerequisites.append(PrerequisiteReference(field: "prerequisites[\(index)]", reference: item, name: item))
                }
            }
            for column in occupationColumns {
                for (index, item) in items(csv.string(row, column)).enumerated() {
                    draft.occupations.append(OccupationReference(field: "\(csv.header[column])[\(index)]", reference: item))
                }
            }
            drafts.append(draft)
        }
        return drafts
    }

    private static func alignments(_ csv: CSVFile, file: String) throws(InputError) -> [Alignment] {
        let credential = try csv.column("credential"), framework = try csv.column("framework"), target = try csv.column("target")
        let label = csv.optionalColumn("label"), level = csv.optionalColumn("level")
        var rows: [Alignment] = []
        for row in 0 ..< csv.count {
            func required(_ column: Int) throws(InputError) -> String {
                guard let value = csv.value(row, column) else { throw csv.error(row, column, "column \"\(csv.header[column])\" is empty") }
                return value
            }
            let place = RecordPlace(file: file, record: row + 1, line: csv.line(ofRecord: row))
            let owner = try required(credential), scheme = try required(framework).lowercased(), node = try required(target)
            var granted: Double?
            if let level, let text = csv.value(row, level) {
                guard let value = DecimalText.number(text), CatalogLimits.isLevel(value) else {
                    throw csv.error(row, level, "column \"\(csv.header[level])\": \"\(text)\" is not a level in (0, 1]")
                }
                granted = value
            }
            var reference = SkillReference(
                field: "\(scheme) \(node)", url: SkillResolver.urlKey(node) == nil ? nil : node, code: node,
                name: label.flatMap { csv.value(row, $0) }, level: granted)
            reference.framework = scheme
            reference.place = place
            rows.append(Alignment(place: place, credential: owner, reference: reference))
        }
        return rows
    }

    /// The cells of one row, by column name.
    private struct Cells {
        let csv: CSVFile
        let row: Int

        func text(_ name: String) -> String? { csv.optionalColumn(name).flatMap { csv.value(row, $0) } }

        func list(_ name: String) -> [String] { csv.optionalColumn(name).map { items(csv.string(row, $0)) } ?? [] }

        func amount(_ name: String, dollars: Bool = false) throws(InputError) -> Double? {
            guard let column = csv.optionalColumn(name), var text = csv.value(row, column) else { return nil }
            if dollars, text.hasPrefix("$") { text = String(text.dropFirst()).trimmed }
            guard let value = DecimalText.number(text), value >= 0, value.isFinite else {
                throw csv.error(row, column, "column \"\(csv.header[column])\": \"\(text)\" is not a number from 0 up")
            }
            return value
        }

        func flag(_ name: String) throws(InputError) -> Bool? {
            guard let column = csv.optionalColumn(name), let text = csv.value(row, column) else { return nil }
            switch text.lowercased() {
            case "yes", "y", "true", "1": return true
            case "no", "n", "false", "0": return false
            default: throw csv.error(row, column, "column \"\(csv.header[column])\": \"\(text)\" is not yes or no")
            }
        }
    }

    /// The non-empty, trimmed items of a `;`-separated list.
    static func items(_ text: String) -> [String] {
        text.split(separator: ";").map { String($0).trimmed }.filter { !$0.isEmpty }
    }

    /// `skill:level` as its parts: the level is the text after the last `:` when that is a number.
    static func split(_ item: String) -> (skill: String, level: Double?) {
        guard let colon = item.lastIndex(of: ":"), let level = DecimalText.number(item[item.index(after: colon)...].trimmingSpaces) else {
            return (item, nil)
        }
        return (String(item[..<colon]).trimmed, level)
    }
}
