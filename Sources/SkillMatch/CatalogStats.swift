/// How much a catalogue holds.
public struct CatalogStats: Sendable, Hashable, Codable {
    /// Number of skills.
    public var skills: Int
    /// Number of jobs.
    public var jobs: Int
    /// Number of credentials.
    public var credentials: Int
    /// Number of job requirements, over all jobs.
    public var requirements: Int
    /// Number of stored candidates.
    public var candidates: Int
    /// What each taxonomy or importer contributed, by source name (`catalogue` for records from catalogue JSON),
    /// in source-name order.
    public var sources: [SourceCounts]

    /// Creates statistics.
    public init(skills: Int, jobs: Int, credentials: Int, requirements: Int, candidates: Int, sources: [SourceCounts] = []) {
        self.sources = sources
        self.skills = skills
        self.jobs = jobs
        self.credentials = credentials
        self.requirements = requirements
        self.candidates = candidates
    }
}

/// What one taxonomy or importer contributed to a catalogue.
public struct SourceCounts: Sendable, Hashable, Codable {
    /// The source: `onet`, `esco`, `openbadges`, `ctdl`, `csv`, ..., or `catalogue` for catalogue JSON.
    public var source: String
    /// Skills, by type (`skill`, `knowledge`, `ability`, `technology`, or `untyped`).
    public var skills: [String: Int]
    /// Skill groups (hierarchy nodes and technology classes).
    public var skillGroups: Int
    /// Jobs.
    public var jobs: Int
    /// Requirements of those jobs.
    public var requirements: Int
    /// Credentials.
    public var credentials: Int
    /// Skills those credentials grant, counted once per credential and skill.
    public var grants: Int

    /// Creates counts.
    public init(
        source: String, skills: [String: Int] = [:], skillGroups: Int = 0, jobs: Int = 0, requirements: Int = 0,
        credentials: Int = 0, grants: Int = 0
    ) {
        self.source = source
        self.skills = skills
        self.skillGroups = skillGroups
        self.jobs = jobs
        self.requirements = requirements
        self.credentials = credentials
        self.grants = grants
    }

    /// All skills, whatever their type.
    public var skillTotal: Int { skills.values.reduce(0, +) }
}
