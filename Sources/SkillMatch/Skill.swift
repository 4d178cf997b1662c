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
    /// The thematic collections the taxonomy puts the skill in (ESCO: `digital`, `digcomp`, `green`, `language`,
    /// `research`, `transversal`), sorted.
    public var collections: [String]
    /// Skills the taxonomy relates to this one (ESCO skill–skill relations: an essential or optional companion skill).
    /// Taxonomy metadata: the related skills are in the catalogue, but nothing else is checked.
    public var related: [SkillRelation]
    /// Whether O*NET flags the technology a Hot Technology (frequently asked for in job postings across occupations).
    public var hotTechnology: Bool
    /// The taxonomy or importer the skill came from (`onet`, `esco`, ...); `nil` for catalogue JSON.
    public var source: String?

    public init(
        id: String, label: String, altLabels: [String] = [], type: SkillType? = nil, description: String? = nil,
        hiddenLabels: [String] = [], broader: [String] = [], reuseLevel: String? = nil, hotTechnology: Bool = false,
        source: String? = nil, collections: [String] = [], related: [SkillRelation] = []
    ) {
        self.collections = collections
        self.related = related
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

/// A taxonomy's link from one skill to another (ESCO `skillSkillRelations`).
public struct SkillRelation: Sendable, Hashable, Codable {
    /// The related skill's id.
    public var skill: String
    /// How it relates, as the taxonomy says: ESCO `essential` or `optional`.
    public var relation: String
    /// The relations ESCO publishes between skills, the only ones accepted.
    public static let kinds = ["essential", "optional"]

    /// Creates a relation.
    public init(skill: String, relation: String) {
        self.skill = skill
        self.relation = relation
    }
}
