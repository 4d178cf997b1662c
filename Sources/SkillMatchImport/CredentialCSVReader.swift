import SkillMatch

/// Reads credentials from CSV (RFC 4180, read strictly by ``CSVFile``) with a header row naming the columns, in
/// any order (case ignored): `id` and `name` (required), and `issuer`, `type`, `cost`, `hours`, `skills`, `url`,
/// `prerequisites` (optional; unknown columns are ignored).
///
/// - `type`: `certification`, `certificate`, `license` (or `licence`), `badge`, `microcredential`, or empty.
/// - `cost` (US dollars, an optional leading `$`) and `hours`: numbers from 0 up, or empty for unknown.
/// - `skills`: a `;`-separated list of `skill` or `skill:level`, where `skill` is a catalogue skill's id or label
///   and `level` a number in (0, 1] (default: the import's level). The level is what follows the last `:` when
///   that is a number, so URIs (`http://…`) need no escaping.
/// - `prerequisites`: a `;`-separated list of credential ids (or URLs, or names) in the import or the catalogue.
enum CredentialCSVReader {
    static func read(bytes: [UInt8], file: String) throws(InputError) -> [CredentialDraft] {
        let csv = try CSVFile(bytes: bytes, path: file)
        let id = try csv.column("id"), name = try csv.column("name")
        let issuer = csv.optionalColumn("issuer"), type = csv.optionalColumn("type"), cost = csv.optionalColumn("cost")
        let hours = csv.optionalColumn("hours"), skills = csv.optionalColumn("skills"), url = csv.optionalColumn("url")
        let prerequisites = csv.optionalColumn("prerequisites")
        var drafts: [CredentialDraft] = []
        for row in 0 ..< csv.count {
            func required(_ column: Int) throws(InputError) -> String {
                guard let value = csv.value(row, column) else { throw csv.error(row, column, "column \"\(csv.header[column])\" is empty") }
                return value
            }
            func amount(_ column: Int?, dollars: Bool) throws(InputError) -> Double? {
                guard let column, var text = csv.value(row, column) else { return nil }
                if dollars, text.hasPrefix("$") { text = String(text.dropFirst()).trimmed }
                guard let value = DecimalText.number(text), value >= 0, value.isFinite else {
                    throw csv.error(row, column, "column \"\(csv.header[column])\": \"\(text)\" is not a number from 0 up")
                }
                return value
            }
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
            var draft = CredentialDraft(place: place, format: .csv, credential: Credential(
                id: try required(id), name: try required(name), issuer: issuer.flatMap { csv.value(row, $0) }, type: kind,
                cost: try amount(cost, dollars: true), hours: try amount(hours, dollars: false), grants: [],
                url: url.flatMap { csv.value(row, $0) }))
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
            drafts.append(draft)
        }
        return drafts
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
