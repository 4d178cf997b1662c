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

    /// Creates statistics.
    public init(skills: Int, jobs: Int, credentials: Int, requirements: Int, candidates: Int) {
        self.skills = skills
        self.jobs = jobs
        self.credentials = credentials
        self.requirements = requirements
        self.candidates = candidates
    }
}
