/// What an ESCO import read, kept and left out.
public struct EscoImportReport: Sendable, Hashable, Codable {
    /// The files read, by name, in the order read.
    public var files: [String] = []
    /// Rows in the skills file.
    public var skillsRead = 0
    /// Skills imported (every released skill, whether or not an occupation requires it).
    public var skills = 0
    /// Imported skills of type knowledge.
    public var knowledge = 0
    /// Imported skills of type skill/competence.
    public var skillsCompetences = 0
    /// Imported skills with no type.
    public var untyped = 0
    /// Alternative labels kept on imported skills (the preferred label and repeats left out).
    public var altLabels = 0
    /// Hidden labels kept on imported skills.
    public var hiddenLabels = 0
    /// Skill groups imported (from the skill groups file, when present).
    public var skillGroups = 0
    /// Broader links kept (skill to skill, skill to group, group to group).
    public var broaderLinks = 0
    /// Broader links left out because one end is not in the files.
    public var danglingBroaderLinks = 0
    /// Rows in the occupations file.
    public var occupationsRead = 0
    /// Occupations imported as jobs (those left with at least one requirement).
    public var jobs = 0
    /// Released occupations not imported because no relation gives them a requirement.
    public var occupationsWithoutRequirements = 0
    /// Alternative titles kept on imported jobs.
    public var alternateTitles = 0
    /// Rows in the occupation–skill relations file.
    public var relationsRead = 0
    /// Requirements imported.
    public var requirements = 0
    /// Of which essential.
    public var essential = 0
    /// Of which optional.
    public var optional = 0
    /// Relations left out because their kind has weight 0.
    public var zeroWeight = 0
    /// Relations repeating an occupation–skill pair already read (the higher weight is kept).
    public var duplicateRelations = 0
    /// Relations left out because their occupation or skill URI is not in the files.
    public var danglingRelations = 0
    /// The distinct URIs those relations point to.
    public var danglingURIs = 0
    /// Up to five of them, sorted, to look into.
    public var danglingExamples: [String] = []
    /// Skills, skill groups and occupations left out because their status is not `released`.
    public var notReleased = 0
    /// Relations and broader links left out because one end was left out for its status.
    public var linksToNotReleased = 0
    /// Hidden titles kept on imported jobs (occupations' hidden labels: found by search, never shown).
    public var hiddenTitles = 0
    /// Skills placed in each thematic collection (`digital`, `digcomp`, `green`, `language`, `research`,
    /// `transversal`), from the collection files present.
    public var collections: [String: Int] = [:]
    /// Collection rows left out because the skill is not in the files.
    public var danglingCollectionEntries = 0
    /// Skill–skill relations kept (from `skillSkillRelations`).
    public var skillRelations = 0
    /// Skill–skill relations left out because one end is not in the files.
    public var danglingSkillRelations = 0
    /// The weights used.
    public var weights = EscoWeights.standard

    /// An empty report.
    public init() {}
}
