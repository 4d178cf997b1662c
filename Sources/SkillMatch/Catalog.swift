/// A consistent catalogue of skills, jobs and credentials (and the skill groups of a taxonomy's hierarchy), each
/// list sorted by id.
///
/// Every reference resolves: requirements and grants name known skills, prerequisites name known credentials
/// and form no cycle. Hierarchy links (``Skill/broader``, ``SkillGroup/broader``) are taxonomy metadata and are
/// not required to resolve. Positions in these sorted lists are the indices the numeric core works with, so ranking
/// ties broken by index are ties broken by id.
public struct Catalog: Sendable {
    /// Skills, sorted by id.
    public let skills: [Skill]
    /// Jobs, sorted by id.
    public let jobs: [Job]
    /// Credentials, sorted by id.
    public let credentials: [Credential]
    /// Skill groups (a taxonomy's hierarchy above its skills), sorted by id.
    public let skillGroups: [SkillGroup]
    private let skillPositions: [String: Int]
    private let jobPositions: [String: Int]
    private let credentialPositions: [String: Int]
    private let skillGroupPositions: [String: Int]

    /// An empty catalogue.
    public init() { self.init(sorting: [], [], [], []) }

    private init(sorting skills: [Skill], _ jobs: [Job], _ credentials: [Credential], _ skillGroups: [SkillGroup]) {
        self.skills = skills.sorted { $0.id < $1.id }
        self.jobs = jobs.sorted { $0.id < $1.id }
        self.credentials = credentials.sorted { $0.id < $1.id }
        self.skillGroups = skillGroups.sorted { $0.id < $1.id }
        self.skillGroupPositions = Dictionary(uniqueKeysWithValues: self.skillGroups.enumerated().map { ($1.id, $0) })
        self.skillPositions = Dictionary(uniqueKeysWithValues: self.skills.enumerated().map { ($1.id, $0) })
        self.jobPositions = Dictionary(uniqueKeysWithValues: self.jobs.enumerated().map { ($1.id, $0) })
        self.credentialPositions = Dictionary(uniqueKeysWithValues: self.credentials.enumerated().map { ($1.id, $0) })
    }

    /// A catalogue of records that were checked when they were stored: sorted and indexed, not checked again.
    ///
    /// For storage layers whose every write went through ``merging(_:)`` (SkillMatchStore's imports do), so that
    /// loading a large catalogue does not re-validate it on every command. Ids must be unique within each list.
    public init(
        stored skills: [Skill], jobs: [Job], credentials: [Credential], skillGroups: [SkillGroup]
    ) {
        self.init(sorting: skills, jobs, credentials, skillGroups)
    }

    /// Builds a catalogue from records, checking every rule.
    ///
    /// - Throws: ``CatalogValidationError`` listing every problem, first one first.
    public init(
        skills: [Skill], jobs: [Job], credentials: [Credential], skillGroups: [SkillGroup] = []
    ) throws(CatalogValidationError) {
        self = try Catalog().merging(CatalogDocument(skills: skills, jobs: jobs, credentials: credentials, skillGroups: skillGroups))
    }

    /// This catalogue with a document's records added; a record whose id exists replaces the old one.
    ///
    /// The document is checked on its own (duplicate ids, levels, importances) and the result as a whole
    /// (references, prerequisite cycles). Nothing changes when a check fails.
    /// - Throws: ``CatalogValidationError`` listing every problem, in document order.
    /// - Complexity: O((catalogue + document) · log).
    public func merging(_ document: CatalogDocument) throws(CatalogValidationError) -> Catalog {
        var skills = Dictionary(uniqueKeysWithValues: self.skills.map { ($0.id, $0) })
        var jobs = Dictionary(uniqueKeysWithValues: self.jobs.map { ($0.id, $0) })
        var credentials = Dictionary(uniqueKeysWithValues: self.credentials.map { ($0.id, $0) })
        var groups = Dictionary(uniqueKeysWithValues: self.skillGroups.map { ($0.id, $0) })
        for skill in document.skills { skills[skill.id] = skill }
        for job in document.jobs { jobs[job.id] = job }
        for credential in document.credentials { credentials[credential.id] = credential }
        for group in document.skillGroups { groups[group.id] = group }
        let merged = Catalog(sorting: Array(skills.values), Array(jobs.values), Array(credentials.values), Array(groups.values))

        var validator = CatalogValidator(catalog: merged)
        validator.check(document)
        validator.checkPrerequisiteCycles(among: document.credentials.map(\.id))
        if !validator.problems.isEmpty { throw CatalogValidationError(problems: validator.problems) }
        return merged
    }

    /// The skill with this id.
    public func skill(_ id: String) -> Skill? { skillPositions[id].map { skills[$0] } }
    /// The job with this id.
    public func job(_ id: String) -> Job? { jobPositions[id].map { jobs[$0] } }
    /// The credential with this id.
    public func credential(_ id: String) -> Credential? { credentialPositions[id].map { credentials[$0] } }
    /// The skill group with this id.
    public func skillGroup(_ id: String) -> SkillGroup? { skillGroupPositions[id].map { skillGroups[$0] } }
    /// The position of a skill in ``skills``.
    public func skillIndex(_ id: String) -> Int? { skillPositions[id] }
    /// The position of a job in ``jobs``.
    public func jobIndex(_ id: String) -> Int? { jobPositions[id] }
    /// The position of a credential in ``credentials``.
    public func credentialIndex(_ id: String) -> Int? { credentialPositions[id] }

    /// The number of requirements over all jobs.
    public var requirementCount: Int { jobs.reduce(0) { $0 + $1.requirements.count } }

    /// Checks that a candidate refers only to known skills and credentials, with levels in (0, 1].
    /// - Throws: ``CatalogValidationError`` naming the candidate and the field.
    public func validate(_ candidate: Candidate) throws(CatalogValidationError) {
        var validator = CatalogValidator(catalog: self)
        validator.check(candidate, position: 0)
        if !validator.problems.isEmpty { throw CatalogValidationError(problems: validator.problems) }
    }
}
