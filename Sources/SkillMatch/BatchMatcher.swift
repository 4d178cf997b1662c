import SkillVectors

/// Batch scoring over a catalogue: candidates in, each one's best jobs (or each job's best candidates) out, with
/// exactly the scores and order of ``MatchEngine/match(_:top:minimumScore:)`` and
/// ``MatchEngine/rankCandidates(_:for:top:minimumScore:)``.
///
/// Candidates arrive as index-level rows (what a fast reader produces without building ``Candidate`` values):
/// stated `(skill index, level)` pairs and held credential indices. ``appendEffective(stated:credentials:to:)``
/// turns them into effective levels, `h_s = max(stated, granted)`, the same rule as
/// ``Catalog/effectiveLevels(of:)``; the ``BatchScorer`` does the rest.
public struct BatchMatcher: Sendable {
    /// The catalogue scored against; job indices are positions in ``Catalog/jobs`` (ordered by id).
    public let catalog: Catalog
    /// The numeric engine.
    public let scorer: BatchScorer
    /// Credential `c` grants entries `grantStarts[c] ..< grantStarts[c + 1]`.
    private let grantStarts: [Int]
    private let grantSkills: [Int32]
    private let grantLevels: [Double]

    /// Encodes the catalogue's jobs and credentials.
    /// - Parameter kernel: the scoring kernel; by default chosen by the catalogue's shape.
    public init(catalog: Catalog, kernel: BatchScorer.Kernel = .automatic) {
        self.catalog = catalog
        let jobs = catalog.jobs.map { job in
            job.requirements.compactMap { requirement -> (skill: Int, weight: Double, level: Double)? in
                catalog.skillIndex(requirement.skill).map { (skill: $0, weight: requirement.importance, level: requirement.level) }
            }
        }
        self.scorer = BatchScorer(skillCount: catalog.skills.count, jobs: jobs, kernel: kernel)
        var starts = [0]
        var skills: [Int32] = []
        var levels: [Double] = []
        for credential in catalog.credentials {
            for grant in credential.grants {
                guard let skill = catalog.skillIndex(grant.skill) else { continue }
                skills.append(Int32(skill))
                levels.append(grant.level)
            }
            starts.append(skills.count)
        }
        grantStarts = starts
        grantSkills = skills
        grantLevels = levels
    }

    /// Scratch space for ``appendEffective(stated:credentials:to:)``: one per thread.
    public struct Scratch: Sendable {
        var levels: [Double]
        var touched: [Int32] = []
        /// Scratch for a catalogue of `skillCount` skills.
        public init(skillCount: Int) { levels = [Double](repeating: 0, count: skillCount) }
    }

    /// Appends one candidate's effective levels to `held` as a row: each stated level, raised by the levels that
    /// held credentials grant.
    /// - Parameters:
    ///   - stated: `(skill index, level)` pairs, levels in (0, 1].
    ///   - credentials: indices of held credentials in ``Catalog/credentials``.
    public func appendEffective(
        stated: some Sequence<(skill: Int32, level: Double)>, credentials: some Sequence<Int32>,
        to held: inout HeldLevels, scratch: inout Scratch
    ) {
        func raise(_ skill: Int32, _ level: Double, _ scratch: inout Scratch) {
            if scratch.levels[Int(skill)] == 0 { scratch.touched.append(skill) }
            if level > scratch.levels[Int(skill)] { scratch.levels[Int(skill)] = level }
        }
        for (skill, level) in stated where level > 0 { raise(skill, level, &scratch) }
        for credential in credentials {
            for entry in grantStarts[Int(credential)] ..< grantStarts[Int(credential) + 1] where grantLevels[entry] > 0 {
                raise(grantSkills[entry], grantLevels[entry], &scratch)
            }
        }
        for skill in scratch.touched {
            held.append(skill: skill, level: scratch.levels[Int(skill)])
            scratch.levels[Int(skill)] = 0
        }
        scratch.touched.removeAll(keepingCapacity: true)
        held.endRow()
    }

    /// Appends a validated ``Candidate``'s effective levels to `held` as a row (unknown ids are ignored).
    public func appendEffective(_ candidate: Candidate, to held: inout HeldLevels, scratch: inout Scratch) {
        appendEffective(
            stated: candidate.skills.compactMap { held in catalog.skillIndex(held.skill).map { (skill: Int32($0), level: held.level) } },
            credentials: candidate.credentials.compactMap { catalog.credentialIndex($0).map(Int32.init) },
            to: &held, scratch: &scratch)
    }
}
