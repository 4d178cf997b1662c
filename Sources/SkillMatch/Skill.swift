/// The kind of a competency, as taxonomies classify them.
public enum SkillType: String, Sendable, Hashable, Codable, CaseIterable {
    /// A practical skill ("troubleshooting", "venipuncture").
    case skill
    /// A body of knowledge ("supply chain management").
    case knowledge
    /// An enduring ability ("manual dexterity").
    case ability
    /// A tool or technology ("Microsoft Excel", "AWS").
    case technology
}

/// A competency in the catalogue: the unit that jobs require, credentials grant and candidates hold.
public struct Skill: Sendable, Hashable, Identifiable {
    /// A stable identifier (a slug, an O*NET Element ID, an ESCO URI, ...).
    public var id: String
    /// The preferred label.
    public var label: String
    /// Other names people use for it.
    public var altLabels: [String]
    /// Its kind, when known.
    public var type: SkillType?
    /// A one-line description, when known.
    public var description: String?
    /// Names to recognise the skill by but never show: misspellings, old or offensive terms (ESCO hidden labels).
    public var hiddenLabels: [String]
    /// The ids of the broader concepts it belongs under in its taxonomy: skills of the catalogue or
    /// ``SkillGroup``s (ESCO's hierarchy). Taxonomy metadata: not checked against the catalogue.
    public var broader: [String]
    /// How widely the skill applies, when the taxonomy says: ESCO's `transversal`, `cross-sector`,
    /// `sector-specific` or `occupation-specific`.
    public var reuseLevel: String?

    /// Creates a skill.
    /// Whether O*NET flags the technology a Hot Technology (frequently asked for in job postings across occupations).
    public var hotTechnology: Bool
    /// The taxonomy or importer the skill came from (`onet`, `esco`, ...); `nil` for catalogue JSON.
    public var source: String?

    public init(
        id: String, label: String, altLabels: [String] = [], type: SkillType? = nil, description: String? = nil,
        hiddenLabels: [String] = [], broader: [String] = [], reuseLevel: String? = nil, hotTechnology: Bool = false,
        source: String? = nil
    ) {
        self.hotTechnology = hotTechnology
        self.source = source
        self.id = id
        self.label = label
        self.altLabels = altLabels
        self.type = type
        self.description = description
        self.hiddenLabels = hiddenLabels
        self.broader = broader
        self.reuseLevel = reuseLevel
    }
}
