/// Every job's requirements in one flat structure, for the exact fit of one (candidate, job) pair and for
/// inverted lookups: job `j` holds entries `rowStarts[j] ..< rowStarts[j + 1]`, each a skill, a coefficient
/// `a = w / (r · Σw)` and a required level `r`, so that `fit = Σ a · min(h_s, r)`.
public struct JobRequirements: Sendable {
    /// Where each job's entries start; `jobCount + 1` values.
    public let rowStarts: [Int]
    /// The required skill of each entry.
    public let skills: [Int32]
    /// `w / (r · Σw)` for each entry.
    public let coefficients: [Double]
    /// The required level of each entry, in (0, 1].
    public let levels: [Double]
    /// The number of skills (skill indices are below it).
    public let skillCount: Int

    /// The number of jobs.
    public var jobCount: Int { rowStarts.count - 1 }

    /// Flattens jobs given as lists of `(skill, weight, level)`.
    /// - Precondition: weights are positive, levels in (0, 1], skills below `skillCount`.
    public init(skillCount: Int, jobs: [[(skill: Int, weight: Double, level: Double)]]) {
        var starts = [0]
        var skills: [Int32] = []
        var coefficients: [Double] = []
        var levels: [Double] = []
        for requirements in jobs {
            let total = requirements.reduce(0.0) { $0 + $1.weight }
            for (skill, weight, level) in requirements where total > 0 {
                precondition(skill >= 0 && skill < skillCount, "skill index \(skill) out of range")
                precondition(level > 0 && level <= 1, "required level \(level) outside (0, 1]")
                skills.append(Int32(skill))
                coefficients.append(weight / level / total)
                levels.append(level)
            }
            starts.append(skills.count)
        }
        self.rowStarts = starts
        self.skills = skills
        self.coefficients = coefficients
        self.levels = levels
        self.skillCount = skillCount
    }

    /// The exact fit of one job for a candidate whose levels are spread out by skill in `held`
    /// (`held[s]` is `h_s`, 0 when the skill is not held), summed in requirement order.
    /// - Complexity: O(requirements of the job).
    @inlinable
    public func score(job: Int, held: UnsafePointer<Double>) -> Double {
        var sum = 0.0
        for entry in rowStarts[job] ..< rowStarts[job + 1] {
            sum += coefficients[entry] * min(held[Int(skills[entry])], levels[entry])
        }
        return sum
    }

    /// The number of requirement entries per job, on average.
    public var meanRequirements: Double { jobCount == 0 ? 0 : Double(skills.count) / Double(jobCount) }
}
