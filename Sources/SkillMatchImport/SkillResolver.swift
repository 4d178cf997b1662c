import SkillMatch

/// Which rule matched a reference to a catalogue skill.
public enum SkillMatchRule: String, Sendable, Hashable, Codable, CaseIterable {
    /// The reference's URL is the skill's id (an ESCO concept URI, say).
    case url
    /// The reference's code is the skill's id (an O*NET Element ID such as `2.A.1.a`).
    case code
    /// The reference's name is one of the skill's labels.
    case label
}

/// The outcome of looking a reference up.
public enum SkillResolution: Sendable, Hashable {
    /// The catalogue skill, and the rule that found it.
    case matched(skill: String, rule: SkillMatchRule)
    /// No skill, with the reason for a report.
    case unmatched(reason: String)
}

/// Matches the skills that credentials, badges and resumes name to catalogue skills.
///
/// A reference is tried by URL, then by code, then by name; the first rule that finds exactly one skill wins:
/// - **URL**: the skill whose id is the URL; failing that, ignoring the scheme (`http`/`https`) and a trailing `/`.
/// - **Code**: the skill whose id is the code; failing that, ignoring case (when that finds one skill).
/// - **Name**: a skill's preferred, alternative or hidden label, ignoring case and runs of white space. A
///   preferred label wins over an alternative one, which wins over a hidden one; a name that is still shared by
///   several skills is ambiguous and matches none (the report names them).
public struct SkillResolver: Sendable {
    private let ids: Set<String>
    private var urlKeys: [String: [String]] = [:]
    private var lowercasedIDs: [String: [String]] = [:]
    /// Per normalised label, the skills with it at the best tier (0 preferred, 1 alternative, 2 hidden).
    private var labels: [String: (tier: Int, skills: [String])] = [:]

    /// Indexes a catalogue's skills.
    /// - Complexity: O(skills + labels).
    public init(catalog: Catalog) {
        ids = Set(catalog.skills.map(\.id))
        for skill in catalog.skills {
            if let key = Self.urlKey(skill.id) { urlKeys[key, default: []].append(skill.id) }
            lowercasedIDs[skill.id.lowercased(), default: []].append(skill.id)
            for (tier, names) in [[skill.label], skill.altLabels, skill.hiddenLabels].enumerated() {
                for name in names { add(Self.normalised(name), skill.id, tier: tier) }
            }
        }
    }

    private mutating func add(_ key: String, _ skill: String, tier: Int) {
        guard !key.isEmpty else { return }
        if let entry = labels[key] {
            if tier < entry.tier {
                labels[key] = (tier, [skill])
            } else if tier == entry.tier, !entry.skills.contains(skill) {
                labels[key] = (tier, entry.skills + [skill])
            }
        } else {
            labels[key] = (tier, [skill])
        }
    }

    /// Resolves a reference by URL, then code, then name.
    public func resolve(url: String? = nil, code: String? = nil, name: String? = nil) -> SkillResolution {
        var ambiguity: String?
        if let url = url?.trimmed, !url.isEmpty {
            if ids.contains(url) { return .matched(skill: url, rule: .url) }
            if let key = Self.urlKey(url), let found = urlKeys[key], found.count == 1 { return .matched(skill: found[0], rule: .url) }
        }
        if let code = code?.trimmed, !code.isEmpty {
            if ids.contains(code) { return .matched(skill: code, rule: .code) }
            if let found = lowercasedIDs[code.lowercased()], found.count == 1 { return .matched(skill: found[0], rule: .code) }
        }
        if let name, let entry = labels[Self.normalised(name)] {
            if entry.skills.count == 1 { return .matched(skill: entry.skills[0], rule: .label) }
            let listed = entry.skills.sorted().prefix(3).map { "\"\($0)\"" }.joined(separator: ", ")
            ambiguity = "the name \"\(name.trimmed)\" is a label of \(entry.skills.count) skills (\(listed)\(entry.skills.count > 3 ? ", …" : ""))"
        }
        if let ambiguity { return .unmatched(reason: ambiguity) }
        let byID = url?.trimmed.isEmpty == false || code?.trimmed.isEmpty == false
        let byLabel = name?.trimmed.isEmpty == false
        switch (byID, byLabel) {
        case (true, true): return .unmatched(reason: "no catalogue skill has this id or label")
        case (true, false): return .unmatched(reason: "no catalogue skill has this id")
        case (false, true): return .unmatched(reason: "no catalogue skill has this label")
        case (false, false): return .unmatched(reason: "names no skill (no URL, code or name)")
        }
    }

    /// Resolves a skill named in free text (a resume): by label, else by id.
    public func resolve(label: String) -> SkillResolution {
        switch resolve(name: label) {
        case .matched(let skill, let rule): return .matched(skill: skill, rule: rule)
        case .unmatched(let reason):
            if case .matched(let skill, let rule) = resolve(code: label) { return .matched(skill: skill, rule: rule) }
            return .unmatched(reason: reason)
        }
    }

    /// A label as compared: lower case, white space runs as one space, trimmed.
    /// - Complexity: O(length); ASCII text (nearly every label) is folded byte by byte.
    static func normalised(_ text: String) -> String {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            return text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var space = false
        for byte in text.utf8 {
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                space = !bytes.isEmpty
                continue
            }
            if space { bytes.append(0x20); space = false }
            bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A URL as compared when the exact text does not match: without `http://`/`https://` and a trailing `/`;
    /// `nil` for text that is not an http(s) URL.
    static func urlKey(_ text: String) -> String? {
        let lower = text.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") { rest = text.dropFirst(8) } else if lower.hasPrefix("http://") { rest = text.dropFirst(7) } else { return nil }
        return String(rest.hasSuffix("/") ? rest.dropLast() : rest)
    }
}
