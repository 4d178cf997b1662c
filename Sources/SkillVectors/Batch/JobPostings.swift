/// The jobs that require each skill (an inverted index), for catalogues where each job rates few of many skills
/// (ESCO-like). A candidate's scores are accumulated only over the jobs that share a skill with them, in `Double`:
/// `Σ a · min(h_s, r)` over the postings of each held skill, exact, one multiply–add per shared requirement.
struct JobPostings: Sendable {
    /// Skill `s` has postings `starts[s] ..< starts[s + 1]`, ordered by job.
    let starts: [Int]
    let jobs: [Int32]
    let coefficients: [Double]
    let levels: [Double]
    let jobCount: Int

    init(_ requirements: JobRequirements) {
        var counts = [Int](repeating: 0, count: requirements.skillCount + 1)
        for skill in requirements.skills { counts[Int(skill) + 1] += 1 }
        for s in 0 ..< requirements.skillCount { counts[s + 1] += counts[s] }
        var next = counts
        let total = requirements.skills.count
        var jobs = [Int32](repeating: 0, count: total)
        var coefficients = [Double](repeating: 0, count: total)
        var levels = [Double](repeating: 0, count: total)
        for job in 0 ..< requirements.jobCount {
            for entry in requirements.rowStarts[job] ..< requirements.rowStarts[job + 1] {
                let skill = Int(requirements.skills[entry])
                let slot = next[skill]
                next[skill] += 1
                jobs[slot] = Int32(job)
                coefficients[slot] = requirements.coefficients[entry]
                levels[slot] = requirements.levels[entry]
            }
        }
        self.starts = counts
        self.jobs = jobs
        self.coefficients = coefficients
        self.levels = levels
        self.jobCount = requirements.jobCount
    }

    /// Adds one candidate's credits into `scores` (indexed by job, zero for untouched jobs on entry) and lists
    /// each job it touches once in `touched`.
    @inline(__always)
    func accumulate(
        skills: ArraySlice<Int32>, levels held: ArraySlice<Double>,
        scores: UnsafeMutablePointer<Double>, touched: inout [Int32]
    ) {
        for (skill, h) in zip(skills, held) {
            for posting in starts[Int(skill)] ..< starts[Int(skill) + 1] {
                let job = Int(jobs[posting])
                if scores[job] == 0 { touched.append(Int32(job)) }
                scores[job] += coefficients[posting] * min(h, levels[posting])
            }
        }
    }
}
