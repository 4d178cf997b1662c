import Foundation
import SkillMatch

/// How O*NET Technology Skills enter the catalogue.
///
/// O*NET lists the technologies an occupation uses (8,775 distinct examples in 29.3, from a handful to 400+ per
/// occupation) but rates neither their importance nor their level. So that long lists cannot swamp the rated skills
/// and knowledge, an occupation's technologies **together** carry a fixed share `weight` of its total importance:
/// with `T` the sum of its Skills and Knowledge importances and `n` its technologies, technology `t` gets importance
///
///     importance(t) = weight / (1 − weight) · T · m(t) / Σ m,   m(t) = 2 when O*NET flags t In Demand for it, else 1
///
/// so the technologies' share of the fit score is exactly `weight` and an In Demand technology counts twice as
/// much as another. The required level is `level` (default 0.5, "working knowledge"), since O*NET gives none.
/// A weight of 0 imports the technologies as skills only, with no requirements.
public struct OnetTechnologyOptions: Sendable, Hashable, Codable {
    /// The share of each occupation's total importance carried by its technologies together, in [0, 1) (default 0.2).
    public let weight: Double
    /// The level a technology requirement asks for, in (0, 1] (default 0.5).
    public let level: Double

    /// An option value that cannot be used; the message says which and why.
    public struct Invalid: Error, Sendable, Hashable, CustomStringConvertible {
        /// What is wrong, for a user.
        public var description: String
    }

    /// Options, checked.
    /// - Throws: ``Invalid`` when the weight is not in [0, 1) or the level not in (0, 1].
    public init(weight: Double = 0.2, level: Double = 0.5) throws(Invalid) {
        guard weight >= 0, weight < 1 else {
            throw Invalid(description: "the technology weight must be a share from 0 up to but not including 1 (got \(weight))")
        }
        guard CatalogLimits.isLevel(level) else {
            throw Invalid(description: "the technology level must be in [0.000001, 1] (got \(level))")
        }
        self.weight = weight
        self.level = level
    }

    /// Weight 0.2, level 0.5.
    public static let standard = try! OnetTechnologyOptions()
}

/// Reads O*NET `Technology Skills.txt`: technologies as skills, their commodity classes as skill groups, and per
/// occupation the technologies it uses with O*NET's In Demand flag.
///
/// Ids are stable across releases because they derive from the names O*NET publishes:
/// - a technology is `onet-tech:` + the slug of its Example name: lower case, `+` → `-plus`, `#` → `-sharp`,
///   `&` → `-and-`, `@` → `-at-`, every other run of characters outside a–z and 0–9 → `-`, trimmed of `-`
///   (`C++` → `onet-tech:c-plus-plus`, `Microsoft Excel` → `onet-tech:microsoft-excel`). Should two names ever
///   share a slug, each of them gets `-` + the 8 hex digits of the FNV-1a hash of its exact name appended;
/// - a commodity class is `onet-commodity:` + its UNSPSC Commodity Code (`onet-commodity:43232202`), a
///   ``SkillGroup`` labelled with the Commodity Title; each technology's `broader` lists its classes.
struct OnetTechnologyFile {
    /// The technologies, by id.
    var skills: [String: Skill] = [:]
    /// The commodity classes, by id.
    var groups: [String: SkillGroup] = [:]
    /// Per occupation, the technologies it uses (skill id, In Demand), in file order, each once.
    var uses: [String: [(skill: String, inDemand: Bool)]] = [:]

    /// Reads the file, or returns nothing when it is absent.
    static func read(_ path: String) throws(InputError) -> OnetTechnologyFile {
        var result = OnetTechnologyFile()
        guard FileManager.default.fileExists(atPath: path) else { return result }
        let file = try TabularFile.read(path: path)
        let code = try file.column("O*NET-SOC Code")
        let example = try file.column("Example")
        let commodity = try file.column("Commodity Code")
        let commodityTitle = try file.column("Commodity Title")
        let hot = file.optionalColumn("Hot Technology")
        let demand = file.optionalColumn("In Demand")

        var rows: [(occupation: String, name: String, commodity: String?, hot: Bool, inDemand: Bool)] = []
        for row in file.rows {
            let fields = row.fields
            guard let occupation = TabularFile.value(fields[code]), let name = TabularFile.value(fields[example]) else {
                throw InputError(file: path, line: row.line, message: "column \"O*NET-SOC Code\" or \"Example\" is empty")
            }
            let flag = { (column: Int?, label: String) throws(InputError) -> Bool in
                guard let column, let text = TabularFile.value(fields[column]) else { return false }
                switch text.uppercased() {
                case "Y": return true
                case "N": return false
                default: throw InputError(file: path, line: row.line, message: "column \"\(label)\": \"\(text)\" is not Y or N")
                }
            }
            let classCode = TabularFile.value(fields[commodity]).map(String.init)
            if let classCode, let title = TabularFile.value(fields[commodityTitle]) {
                let id = "onet-commodity:" + classCode
                if result.groups[id] == nil {
                    result.groups[id] = SkillGroup(id: id, label: String(title), code: classCode, source: "onet")
                }
            }
            rows.append((String(occupation), String(name), classCode, try flag(hot, "Hot Technology"), try flag(demand, "In Demand")))
        }

        let ids = Self.ids(for: Set(rows.map(\.name)))
        var classes: [String: Set<String>] = [:]
        var hotNames: Set<String> = []
        for row in rows {
            if let commodity = row.commodity { classes[row.name, default: []].insert("onet-commodity:" + commodity) }
            if row.hot { hotNames.insert(row.name) }
        }
        for (name, id) in ids {
            result.skills[id] = Skill(
                id: id, label: name, type: .technology, broader: (classes[name] ?? []).sorted(),
                hotTechnology: hotNames.contains(name), source: "onet")
        }
        var seen: [String: Int] = [:]  // "occupation\u{0}skill" → position in uses
        for row in rows {
            let id = ids[row.name]!
            let key = row.occupation + "\u{0}" + id
            if let position = seen[key] {
                if row.inDemand { result.uses[row.occupation]![position].inDemand = true }
                continue
            }
            seen[key] = result.uses[row.occupation, default: []].count
            result.uses[row.occupation, default: []].append((id, row.inDemand))
        }
        return result
    }

    /// The stable id of each technology name (see the type's documentation).
    static func ids(for names: Set<String>) -> [String: String] {
        var bySlug: [String: [String]] = [:]
        for name in names { bySlug[slug(name), default: []].append(name) }
        var ids: [String: String] = [:]
        for (slug, group) in bySlug {
            for name in group {
                ids[name] = "onet-tech:" + (group.count == 1 ? slug : slug + "-" + fnv1a(name))
            }
        }
        return ids
    }

    /// The slug of a technology name.
    static func slug(_ name: String) -> String {
        let spelled = name.lowercased()
            .replacingOccurrences(of: "+", with: "-plus").replacingOccurrences(of: "#", with: "-sharp")
            .replacingOccurrences(of: "&", with: "-and-").replacingOccurrences(of: "@", with: "-at-")
        var slug = ""
        var pendingDash = false
        for scalar in spelled.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingDash && !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        return slug.isEmpty ? "x" : slug
    }

    /// The FNV-1a 32-bit hash of a name's UTF-8 bytes, as 8 lower-case hex digits.
    static func fnv1a(_ name: String) -> String {
        var hash: UInt32 = 0x811C_9DC5
        for byte in name.utf8 { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }

    /// The technology requirements of one occupation whose rated requirements total `rated` importance.
    func requirements(of occupation: String, rated: Double, options: OnetTechnologyOptions) -> [Requirement] {
        guard options.weight > 0, rated > 0, let list = uses[occupation], !list.isEmpty else { return [] }
        let multiplierSum = list.reduce(0.0) { $0 + ($1.inDemand ? 2 : 1) }
        let share = options.weight / (1 - options.weight) * rated / multiplierSum
        return list.map { Requirement(skill: $0.skill, importance: share * ($0.inDemand ? 2 : 1), level: options.level, inDemand: $0.inDemand) }
    }
}
