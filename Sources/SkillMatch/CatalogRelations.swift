/// A job that a credential helps with, and how much.
public struct RelatedJob: Sendable, Hashable {
    /// The job's id.
    public var job: String
    /// The job's title.
    public var title: String
    /// The share of the job's total importance whose skills the credential grants, in (0, 1].
    public var share: Double
}

extension Catalog {
    /// Jobs requiring a skill the credential grants, by share of the job's importance covered, then job id.
    ///
    /// The share counts a requirement when the credential grants its skill at any level.
    /// - Complexity: O(jobs × requirements).
    public func relatedJobs(for credential: Credential) -> [RelatedJob] {
        let granted = Set(credential.grants.map(\.skill))
        return jobs.compactMap { job -> RelatedJob? in
            let covered = job.requirements.filter { granted.contains($0.skill) }.reduce(0) { $0 + $1.importance }
            guard covered > 0 else { return nil }
            return RelatedJob(job: job.id, title: job.title, share: covered / job.totalImportance)
        }
        .sorted { $0.share != $1.share ? $0.share > $1.share : $0.job < $1.job }
    }

    /// Jobs that require the skill, with the requirement, by importance descending then job id.
    public func jobs(requiring skill: String) -> [(job: Job, requirement: Requirement)] {
        jobs.compactMap { job in job.requirements.first { $0.skill == skill }.map { (job, $0) } }
            .sorted { $0.requirement.importance != $1.requirement.importance
                ? $0.requirement.importance > $1.requirement.importance : $0.job.id < $1.job.id }
    }

    /// Credentials that grant the skill, with the grant, by level descending then credential id.
    public func credentials(granting skill: String) -> [(credential: Credential, grant: Grant)] {
        credentials.compactMap { credential in credential.grants.first { $0.skill == skill }.map { (credential, $0) } }
            .sorted { $0.grant.level != $1.grant.level ? $0.grant.level > $1.grant.level : $0.credential.id < $1.credential.id }
    }
}
