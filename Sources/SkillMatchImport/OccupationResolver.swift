import SkillMatch

/// An occupation a credential says it serves, as an issuer wrote it: a CSV `occupations` item, a CTDL
/// `ceterms:occupationType` alignment, an Open Badges alignment to an occupation framework.
struct OccupationReference: Sendable, Hashable {
    /// The field it was read from, as a message names it (`occupations[0]`, `ceterms:occupationType[1]`).
    var field: String
    /// A code or URL: an O*NET-SOC code (`29-2052.00`), a 6-digit SOC code (`29-2052`), an O*NET OnLine page, an ESCO
    /// occupation URI.
    var reference: String
    /// The occupation's name, when written.
    var name: String?
}

/// Matches occupation references to a catalogue's jobs.
///
/// A reference names jobs by, in order: a job's id (an O*NET-SOC code, an ESCO URI), the same URL with another scheme
/// or a trailing `/`, or the SOC code it contains (an O*NET OnLine URL ends in one): an O*NET-SOC code `XX-XXXX.YY`
/// names that job; a 6-digit SOC code `XX-XXXX` names the jobs whose O*NET-SOC codes start with it (`29-2052.00`,
/// `29-2052.01`, ...), in id order.
public struct OccupationResolver: Sendable {
    private let ids: Set<String>
    private var urls: [String: String] = [:]
    private var bySOC: [String: [String]] = [:]
    /// The frameworks the catalogue's jobs come from (`onet`, `esco`).
    public let frameworks: Set<String>

    /// Indexes a catalogue's jobs.
    public init(catalog: Catalog) {
        ids = Set(catalog.jobs.map(\.id))
        var frameworks = Set<String>()
        for job in catalog.jobs {
            if let key = SkillResolver.urlKey(job.id) { urls[key] = job.id }
            if let code = Self.socCode(in: job.id), code.detailed == job.id { bySOC[code.soc, default: []].append(job.id) }
            if let source = job.source { frameworks.insert(source) }
        }
        self.frameworks = frameworks
    }

    /// The catalogue jobs a reference names, in id order (empty when none).
    public func resolve(_ reference: String) -> [String] {
        let text = reference.trimmed
        if ids.contains(text) { return [text] }
        if let key = SkillResolver.urlKey(text), let id = urls[key] { return [id] }
        guard let code = Self.socCode(in: text) else { return [] }
        if let detailed = code.detailed { return ids.contains(detailed) ? [detailed] : [] }
        return (bySOC[code.soc] ?? []).sorted()
    }

    /// The framework a reference belongs to: `esco` for an ESCO occupation URI, `onet` for a (O*NET-)SOC code or an
    /// O*NET OnLine URL, `nil` otherwise.
    public static func framework(of reference: String) -> String? {
        let lower = reference.lowercased()
        if lower.contains("data.europa.eu/esco/") { return "esco" }
        return socCode(in: reference) == nil ? nil : "onet"
    }

    /// The SOC code in a text: `XX-XXXX` and, when it follows, the O*NET-SOC detail `.YY`. The code must be the whole
    /// text or end it after a `/`, `=` or space (an O*NET OnLine URL).
    static func socCode(in text: String) -> (soc: String, detailed: String?)? {
        let bytes = Array(text.trimmed.utf8)
        func digits(_ range: Range<Int>) -> Bool { range.allSatisfy { bytes[$0] >= 0x30 && bytes[$0] <= 0x39 } }
        for length in [10, 7] where bytes.count >= length {
            let start = bytes.count - length
            if start > 0, ![UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: " ")].contains(bytes[start - 1]) { continue }
            guard digits(start ..< start + 2), bytes[start + 2] == UInt8(ascii: "-"), digits(start + 3 ..< start + 7) else { continue }
            let soc = String(decoding: bytes[start ..< start + 7], as: UTF8.self)
            if length == 7 { return (soc, nil) }
            guard bytes[start + 7] == UInt8(ascii: "."), digits(start + 8 ..< start + 10) else { continue }
            return (soc, String(decoding: bytes[start ..< start + 10], as: UTF8.self))
        }
        return nil
    }

    /// Whether an Open Badges alignment points at an occupation rather than a skill: its framework names an occupation
    /// classification (SOC, O*NET-SOC, ESCO occupations, ISCO), its URL is an O*NET OnLine occupation page or an ESCO
    /// occupation, or its code is a SOC code.
    static func isOccupation(url: String?, code: String?, framework: String?) -> Bool {
        if let framework = framework?.lowercased() {
            let words = Set(framework.split(whereSeparator: { !$0.isLetter && !$0.isNumber }))
            if words.contains("soc") || words.contains("isco") || framework.contains("occupation") { return true }
        }
        if let url = url?.lowercased(), url.contains("onetonline.org/link/") || url.contains("data.europa.eu/esco/occupation/") {
            return true
        }
        if let code, socCode(in: code) != nil, code.trimmed.utf8.count <= 10 { return true }
        return false
    }
}
