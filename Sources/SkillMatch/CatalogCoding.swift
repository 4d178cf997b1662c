// Codable conformances for SkillMatch's catalogue JSON format (a contract; see README "Formats").
// Optional fields take their documented defaults when absent; unknown keys are ignored so that
// files written by newer tools still read. Encoding omits absent optionals and empty lists.

extension Skill: Codable {
    private enum CodingKeys: String, CodingKey { case id, label, altLabels, type, description, hiddenLabels, broader, reuseLevel, hotTechnology, source, collections, related }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id),
            label: try c.decode(String.self, forKey: .label),
            altLabels: try c.decodeIfPresent([String].self, forKey: .altLabels) ?? [],
            type: try c.decodeIfPresent(SkillType.self, forKey: .type),
            description: try c.decodeIfPresent(String.self, forKey: .description),
            hiddenLabels: try c.decodeIfPresent([String].self, forKey: .hiddenLabels) ?? [],
            broader: try c.decodeIfPresent([String].self, forKey: .broader) ?? [],
            reuseLevel: try c.decodeIfPresent(String.self, forKey: .reuseLevel),
            hotTechnology: try c.decodeIfPresent(Bool.self, forKey: .hotTechnology) ?? false,
            source: try c.decodeIfPresent(String.self, forKey: .source),
            collections: try c.decodeIfPresent([String].self, forKey: .collections) ?? [],
            related: try c.decodeIfPresent([SkillRelation].self, forKey: .related) ?? [])
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(label, forKey: .label)
        if !altLabels.isEmpty { try c.encode(altLabels, forKey: .altLabels) }
        try c.encodeIfPresent(type, forKey: .type)
        try c.encodeIfPresent(description, forKey: .description)
        if !hiddenLabels.isEmpty { try c.encode(hiddenLabels, forKey: .hiddenLabels) }
        if !broader.isEmpty { try c.encode(broader, forKey: .broader) }
        try c.encodeIfPresent(reuseLevel, forKey: .reuseLevel)
        if hotTechnology { try c.encode(hotTechnology, forKey: .hotTechnology) }
        try c.encodeIfPresent(source, forKey: .source)
        if !collections.isEmpty { try c.encode(collections, forKey: .collections) }
        if !related.isEmpty { try c.encode(related, forKey: .related) }
    }
}

extension SkillGroup: Codable {
    private enum CodingKeys: String, CodingKey { case id, label, code, description, broader, source }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id),
            label: try c.decode(String.self, forKey: .label),
            code: try c.decodeIfPresent(String.self, forKey: .code),
            description: try c.decodeIfPresent(String.self, forKey: .description),
            broader: try c.decodeIfPresent([String].self, forKey: .broader) ?? [],
            source: try c.decodeIfPresent(String.self, forKey: .source))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(label, forKey: .label)
        try c.encodeIfPresent(code, forKey: .code)
        try c.encodeIfPresent(description, forKey: .description)
        if !broader.isEmpty { try c.encode(broader, forKey: .broader) }
        try c.encodeIfPresent(source, forKey: .source)
    }
}

extension Requirement: Codable {
    private enum CodingKeys: String, CodingKey { case skill, importance, level, originalLevel, inDemand }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            skill: try c.decode(String.self, forKey: .skill),
            importance: try c.decode(Double.self, forKey: .importance),
            level: try c.decodeIfPresent(Double.self, forKey: .level) ?? 1,
            originalLevel: try c.decodeIfPresent(Double.self, forKey: .originalLevel),
            inDemand: try c.decodeIfPresent(Bool.self, forKey: .inDemand) ?? false)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(skill, forKey: .skill)
        try c.encode(importance, forKey: .importance)
        try c.encode(level, forKey: .level)
        try c.encodeIfPresent(originalLevel, forKey: .originalLevel)
        if inDemand { try c.encode(inDemand, forKey: .inDemand) }
    }
}

extension Job: Codable {
    private enum CodingKeys: String, CodingKey { case id, title, description, inDemand, requirements, alternateTitles, jobZone, iscoGroup, preparation, source, hiddenTitles
        case tasks, derivedRequirements, activities, interests
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id),
            title: try c.decode(String.self, forKey: .title),
            description: try c.decodeIfPresent(String.self, forKey: .description),
            inDemand: try c.decodeIfPresent(Bool.self, forKey: .inDemand) ?? false,
            requirements: try c.decode([Requirement].self, forKey: .requirements),
            alternateTitles: try c.decodeIfPresent([String].self, forKey: .alternateTitles) ?? [],
            jobZone: try Self.jobZone(c),
            iscoGroup: try c.decodeIfPresent(String.self, forKey: .iscoGroup),
            preparation: try c.decodeIfPresent(JobPreparation.self, forKey: .preparation),
            source: try c.decodeIfPresent(String.self, forKey: .source),
            hiddenTitles: try c.decodeIfPresent([String].self, forKey: .hiddenTitles) ?? [],
            tasks: try c.decodeIfPresent([String].self, forKey: .tasks) ?? [],
            derivedRequirements: try c.decodeIfPresent(DerivedRequirements.self, forKey: .derivedRequirements),
            activities: try c.decodeIfPresent([String].self, forKey: .activities) ?? [],
            interests: try c.decodeIfPresent(InterestProfile.self, forKey: .interests))
    }

    /// The job zone, read as a number so that `2.5` is named as the problem (Foundation's decoder gives no place).
    private static func jobZone(_ c: KeyedDecodingContainer<CodingKeys>) throws -> Int? {
        guard let value = try c.decodeIfPresent(Double.self, forKey: .jobZone) else { return nil }
        guard value == value.rounded(), abs(value) < 1e9 else {
            throw DecodingError.dataCorruptedError(forKey: .jobZone, in: c, debugDescription: "job zone \(value) is not a whole number from 1 to 5")
        }
        return Int(value)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encodeIfPresent(description, forKey: .description)
        try c.encode(inDemand, forKey: .inDemand)
        try c.encode(requirements, forKey: .requirements)
        if !alternateTitles.isEmpty { try c.encode(alternateTitles, forKey: .alternateTitles) }
        try c.encodeIfPresent(jobZone, forKey: .jobZone)
        try c.encodeIfPresent(iscoGroup, forKey: .iscoGroup)
        try c.encodeIfPresent(preparation, forKey: .preparation)
        try c.encodeIfPresent(source, forKey: .source)
        if !hiddenTitles.isEmpty { try c.encode(hiddenTitles, forKey: .hiddenTitles) }
        if !tasks.isEmpty { try c.encode(tasks, forKey: .tasks) }
        try c.encodeIfPresent(derivedRequirements, forKey: .derivedRequirements)
        if !activities.isEmpty { try c.encode(activities, forKey: .activities) }
        try c.encodeIfPresent(interests, forKey: .interests)
    }
}

extension Grant: Codable {
    private enum CodingKeys: String, CodingKey { case skill, level, derivedFrom }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            skill: try c.decode(String.self, forKey: .skill),
            level: try c.decodeIfPresent(Double.self, forKey: .level) ?? 1,
            derivedFrom: try c.decodeIfPresent(String.self, forKey: .derivedFrom))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(skill, forKey: .skill)
        try c.encode(level, forKey: .level)
        try c.encodeIfPresent(derivedFrom, forKey: .derivedFrom)
    }
}

extension Credential: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, name, issuer, type, cost, hours, grants, prerequisites, url, inDemand, accreditations
        case industryEndorsed, examRequired, educationRequired, experienceRequired, renewalYears, renewalMethods, source
        case occupations, costApproximate, hoursApproximate, sector, references, verified, notes, alternateNames
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id),
            name: try c.decode(String.self, forKey: .name),
            issuer: try c.decodeIfPresent(String.self, forKey: .issuer),
            type: try c.decodeIfPresent(CredentialType.self, forKey: .type),
            cost: try c.decodeIfPresent(Double.self, forKey: .cost),
            hours: try c.decodeIfPresent(Double.self, forKey: .hours),
            grants: try c.decode([Grant].self, forKey: .grants),
            prerequisites: try c.decodeIfPresent([String].self, forKey: .prerequisites) ?? [],
            url: try c.decodeIfPresent(String.self, forKey: .url),
            inDemand: try c.decodeIfPresent(Bool.self, forKey: .inDemand) ?? false,
            accreditations: try c.decodeIfPresent([String].self, forKey: .accreditations) ?? [],
            industryEndorsed: try c.decodeIfPresent(Bool.self, forKey: .industryEndorsed),
            examRequired: try c.decodeIfPresent(Bool.self, forKey: .examRequired),
            educationRequired: try c.decodeIfPresent(Bool.self, forKey: .educationRequired),
            experienceRequired: try c.decodeIfPresent(Bool.self, forKey: .experienceRequired),
            renewalYears: try c.decodeIfPresent(Double.self, forKey: .renewalYears),
            renewalMethods: try c.decodeIfPresent([String].self, forKey: .renewalMethods) ?? [],
            source: try c.decodeIfPresent(String.self, forKey: .source),
            occupations: try c.decodeIfPresent([String].self, forKey: .occupations) ?? [],
            costApproximate: try c.decodeIfPresent(Bool.self, forKey: .costApproximate) ?? false,
            hoursApproximate: try c.decodeIfPresent(Bool.self, forKey: .hoursApproximate) ?? false,
            sector: try c.decodeIfPresent(String.self, forKey: .sector),
            references: try c.decodeIfPresent([String].self, forKey: .references) ?? [],
            verified: try c.decodeIfPresent(String.self, forKey: .verified),
            notes: try c.decodeIfPresent(String.self, forKey: .notes),
            alternateNames: try c.decodeIfPresent([String].self, forKey: .alternateNames) ?? [])
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(issuer, forKey: .issuer)
        try c.encodeIfPresent(type, forKey: .type)
        try c.encodeIfPresent(cost, forKey: .cost)
        try c.encodeIfPresent(hours, forKey: .hours)
        try c.encode(grants, forKey: .grants)
        if !prerequisites.isEmpty { try c.encode(prerequisites, forKey: .prerequisites) }
        try c.encodeIfPresent(url, forKey: .url)
        try c.encode(inDemand, forKey: .inDemand)
        if !accreditations.isEmpty { try c.encode(accreditations, forKey: .accreditations) }
        try c.encodeIfPresent(industryEndorsed, forKey: .industryEndorsed)
        try c.encodeIfPresent(examRequired, forKey: .examRequired)
        try c.encodeIfPresent(educationRequired, forKey: .educationRequired)
        try c.encodeIfPresent(experienceRequired, forKey: .experienceRequired)
        try c.encodeIfPresent(renewalYears, forKey: .renewalYears)
        if !renewalMethods.isEmpty { try c.encode(renewalMethods, forKey: .renewalMethods) }
        try c.encodeIfPresent(source, forKey: .source)
        if !occupations.isEmpty { try c.encode(occupations, forKey: .occupations) }
        if costApproximate { try c.encode(true, forKey: .costApproximate) }
        if hoursApproximate { try c.encode(true, forKey: .hoursApproximate) }
        try c.encodeIfPresent(sector, forKey: .sector)
        if !references.isEmpty { try c.encode(references, forKey: .references) }
        try c.encodeIfPresent(verified, forKey: .verified)
        try c.encodeIfPresent(notes, forKey: .notes)
        if !alternateNames.isEmpty { try c.encode(alternateNames, forKey: .alternateNames) }
    }
}

extension HeldSkill: Codable {
    private enum CodingKeys: String, CodingKey { case skill, level, evidence }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            skill: try c.decode(String.self, forKey: .skill),
            level: try c.decodeIfPresent(Double.self, forKey: .level) ?? 1,
            evidence: try c.decodeIfPresent(String.self, forKey: .evidence))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(skill, forKey: .skill)
        try c.encode(level, forKey: .level)
        try c.encodeIfPresent(evidence, forKey: .evidence)
    }
}

extension Candidate: Codable {
    private enum CodingKeys: String, CodingKey { case id, name, skills, credentials }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id),
            name: try c.decodeIfPresent(String.self, forKey: .name),
            skills: try c.decodeIfPresent([HeldSkill].self, forKey: .skills) ?? [],
            credentials: try c.decodeIfPresent([String].self, forKey: .credentials) ?? [])
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encodeIfPresent(name, forKey: .name)
        try c.encode(skills, forKey: .skills)
        try c.encode(credentials, forKey: .credentials)
    }
}

/// A catalogue file as written: lists of skills, jobs, credentials and skill groups, possibly partial, possibly
/// with mistakes.
///
/// Validate it with ``Catalog/merging(_:)`` before use.
public struct CatalogDocument: Sendable, Hashable, Codable {
    /// The skills in the file, in file order.
    public var skills: [Skill]
    /// The jobs in the file, in file order.
    public var jobs: [Job]
    /// The credentials in the file, in file order.
    public var credentials: [Credential]
    /// The skill groups in the file, in file order.
    public var skillGroups: [SkillGroup]

    /// Creates a document.
    public init(skills: [Skill] = [], jobs: [Job] = [], credentials: [Credential] = [], skillGroups: [SkillGroup] = []) {
        self.skills = skills
        self.jobs = jobs
        self.credentials = credentials
        self.skillGroups = skillGroups
    }

    private enum CodingKeys: String, CodingKey { case skills, jobs, credentials, skillGroups }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            skills: try c.decodeIfPresent([Skill].self, forKey: .skills) ?? [],
            jobs: try c.decodeIfPresent([Job].self, forKey: .jobs) ?? [],
            credentials: try c.decodeIfPresent([Credential].self, forKey: .credentials) ?? [],
            skillGroups: try c.decodeIfPresent([SkillGroup].self, forKey: .skillGroups) ?? [])
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(skills, forKey: .skills)
        try c.encode(jobs, forKey: .jobs)
        try c.encode(credentials, forKey: .credentials)
        if !skillGroups.isEmpty { try c.encode(skillGroups, forKey: .skillGroups) }
    }
}
