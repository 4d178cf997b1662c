import Foundation
import SkillMatch

/// `show job`: the job and, per requirement, the credentials that grant the skill at the required level.
public struct ShowJob: Encodable, Sendable {
    public struct Line: Encodable, Sendable {
        public var skill: String
        public var label: String
        public var importance: Double
        public var level: Double
        public var originalLevel: Double?
        public var inDemand: Bool
        public var coveredBy: [String]
    }

    public var id: String
    public var title: String
    public var description: String?
    public var inDemand: Bool
    public var jobZone: Int?
    public var alternateTitles: [String]
    public var preparation: JobPreparation?
    public var source: String?
    public var tasks: [String]
    public var derivedRequirements: DerivedRequirements?
    public var requirements: [Line]
    /// The titles of the jobs derived requirements come from (table output only).
    public private(set) var derivedTitles: [String: String] = [:]

    private enum CodingKeys: String, CodingKey {
        case id, title, description, inDemand, jobZone, alternateTitles, preparation, source, tasks, derivedRequirements, requirements
    }

    public init(job: Job, catalog: Catalog) {
        id = job.id
        title = job.title
        description = job.description
        inDemand = job.inDemand
        jobZone = job.jobZone
        alternateTitles = job.alternateTitles
        preparation = job.preparation
        source = job.source
        tasks = job.tasks
        derivedRequirements = job.derivedRequirements
        for source in job.derivedRequirements?.from ?? [] { derivedTitles[source.job] = catalog.job(source.job)?.title }
        requirements = job.requirements.map { requirement in
            Line(
                skill: requirement.skill, label: catalog.skill(requirement.skill)?.label ?? requirement.skill,
                importance: requirement.importance, level: requirement.level, originalLevel: requirement.originalLevel,
                inDemand: requirement.inDemand,
                coveredBy: catalog.credentials(granting: requirement.skill).filter { $0.grant.level >= requirement.level }.map(\.credential.id))
        }
    }
}

/// `show credential`: the credential's facts, the skills it grants, and the jobs it relates to.
public struct ShowCredential: Encodable, Sendable {
    public struct GrantLine: Encodable, Sendable {
        public var skill: String
        public var label: String
        public var level: Double
    }

    public struct JobLine: Encodable, Sendable {
        public var job: String
        public var title: String
        public var share: Double
    }

    public var credential: Credential
    public var grants: [GrantLine]
    public var relatedJobs: [JobLine]

    public init(credential: Credential, catalog: Catalog) {
        self.credential = credential
        grants = credential.grants.map { GrantLine(skill: $0.skill, label: catalog.skill($0.skill)?.label ?? $0.skill, level: $0.level) }
        relatedJobs = catalog.relatedJobs(for: credential).map { JobLine(job: $0.job, title: $0.title, share: rounded($0.share)) }
    }
}

/// `show skill`: the skill, its broader concepts, the jobs requiring it and the credentials granting it.
public struct ShowSkill: Encodable, Sendable {
    public struct BroaderLine: Encodable, Sendable {
        public var id: String
        public var label: String
        /// `skill` or `skill group`; `unknown` when the catalogue holds neither.
        public var kind: String
    }

    public struct JobLine: Encodable, Sendable {
        public var job: String
        public var title: String
        public var importance: Double
        public var level: Double
    }

    public struct CredentialLine: Encodable, Sendable {
        public var credential: String
        public var name: String
        public var level: Double
    }

    public var skill: Skill
    public var broader: [BroaderLine]
    public var requiredBy: [JobLine]
    public var grantedBy: [CredentialLine]
    public private(set) var relatedLabels: [String: String] = [:]

    private enum CodingKeys: String, CodingKey { case skill, broader, requiredBy, grantedBy }

    public init(skill: Skill, catalog: Catalog) {
        self.skill = skill
        for relation in skill.related { relatedLabels[relation.skill] = catalog.skill(relation.skill)?.label }
        broader = skill.broader.map { id in
            if let parent = catalog.skill(id) { return BroaderLine(id: id, label: parent.label, kind: "skill") }
            if let group = catalog.skillGroup(id) { return BroaderLine(id: id, label: group.label, kind: "skill group") }
            return BroaderLine(id: id, label: id, kind: "unknown")
        }
        requiredBy = catalog.jobs(requiring: skill.id).map {
            JobLine(job: $0.job.id, title: $0.job.title, importance: $0.requirement.importance, level: $0.requirement.level)
        }
        grantedBy = catalog.credentials(granting: skill.id).map {
            CredentialLine(credential: $0.credential.id, name: $0.credential.name, level: $0.grant.level)
        }
    }
}

/// `show candidate`: the stored record and the effective level in each skill.
public struct ShowCandidate: Encodable, Sendable {
    public struct Line: Encodable, Sendable {
        public var skill: String
        public var label: String
        public var level: Double
        public var source: String
    }

    public var candidate: Candidate
    public var effectiveSkills: [Line]

    public init(candidate: Candidate, catalog: Catalog) {
        self.candidate = candidate
        effectiveSkills = catalog.effectiveLevels(of: candidate)
            .map { Line(skill: $0.key, label: catalog.skill($0.key)?.label ?? $0.key, level: $0.value.level, source: $0.value.source.description) }
            .sorted { $0.level != $1.level ? $0.level > $1.level : $0.skill < $1.skill }
    }
}
