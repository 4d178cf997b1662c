/// A level of a skill that a candidate states they have.
public struct HeldSkill: Sendable, Hashable {
    /// The skill's id.
    public var skill: String
    /// The stated level, in (0, 1].
    public var level: Double
    /// `nil` when the person states the level; otherwise how it was inferred from their document, for reports
    /// (`title "Data Scientist" (line 2, 2 years) → Data Scientists (15-2051.00)`).
    public var evidence: String?

    /// Creates a held skill; the level defaults to 1.
    public init(skill: String, level: Double = 1, evidence: String? = nil) {
        self.skill = skill
        self.level = level
        self.evidence = evidence
    }
}

/// A job seeker: the skills they state and the credentials they hold.
public struct Candidate: Sendable, Hashable, Identifiable {
    /// A stable identifier.
    public var id: String
    /// A display name, when given.
    public var name: String?
    /// Stated skills, each skill once.
    public var skills: [HeldSkill]
    /// Ids of credentials held.
    public var credentials: [String]

    /// Creates a candidate.
    public init(id: String, name: String? = nil, skills: [HeldSkill], credentials: [String] = []) {
        self.id = id
        self.name = name
        self.skills = skills
        self.credentials = credentials
    }
}
