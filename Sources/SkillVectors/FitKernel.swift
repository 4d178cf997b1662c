/// Scores held-level vectors against every job at once: one exact fit score per (candidate, job).
///
/// Jobs are encoded once by a ``ThresholdEncoding`` into a matrix with one row per job; a candidate is
/// encoded into one row of features, and its scores against all jobs are one matrix–vector product
/// (BLAS `gemv`), or, for a block of candidates, one matrix–matrix product (BLAS `gemm`). When the expanded job
/// matrix would be sparse (large taxonomies, or levels that are not on a small grid), a sparse kernel scores each job
/// straight from its requirements instead, `Σ a · min(h_s, r)` with `a = w / (r · Σw)`: exact, one operation per
/// requirement, and the dense matrix is never built.
public struct FitKernel<Scalar: BLASScalar>: Sendable {
    /// How the job matrix is stored.
    public enum Storage: Sendable, Equatable {
        /// Dense rows multiplied through BLAS.
        case dense
        /// Compressed sparse rows multiplied by a sparse kernel.
        case sparse
        /// Sparse when fewer than ``FitKernel/sparseDensityThreshold`` of the entries are non-zero, else dense.
        case automatic
    }

    /// Below this fraction of non-zero entries, `.automatic` storage chooses the sparse kernel.
    public static var sparseDensityThreshold: Double { 0.05 }

    /// The level encoding shared by jobs and candidates.
    public let encoding: ThresholdEncoding
    /// The number of jobs (rows).
    public let jobCount: Int
    /// The storage chosen for the job matrix: `.dense` or `.sparse`.
    public let storage: Storage
    private let dense: DenseMatrix<Scalar>?
    private let sparse: RequirementRows?

    /// Encodes every job's requirements.
    ///
    /// - Parameters:
    ///   - encoding: built from all the required levels in `jobs`.
    ///   - jobs: for each job, its requirements `(skill, weight, level)`.
    ///   - storage: dense, sparse, or chosen by density.
    /// - Complexity: O(jobs × features).
    public init(
        encoding: ThresholdEncoding,
        jobs: [[(skill: Int, weight: Double, level: Double)]],
        storage: Storage = .automatic
    ) {
        // Entries the expanded matrix would hold: a requirement at the j-th level of its skill fills j features.
        var stored = 0
        for requirements in jobs {
            for (skill, _, level) in requirements {
                stored += (encoding.feature(skill: skill, level: level) ?? encoding.featureStarts[skill]) - encoding.featureStarts[skill] + 1
            }
        }
        let cells = jobs.count * encoding.featureCount
        let density = cells == 0 ? 0 : Double(stored) / Double(cells)
        let chosen: Storage
        switch storage {
        case .automatic: chosen = density < Self.sparseDensityThreshold ? .sparse : .dense
        case .dense, .sparse: chosen = storage
        }
        self.encoding = encoding
        self.jobCount = jobs.count
        self.storage = chosen
        if chosen == .dense {
            var matrix = DenseMatrix<Scalar>(rows: jobs.count, columns: encoding.featureCount)
            for (row, requirements) in jobs.enumerated() {
                matrix.withRow(row) { encoding.encodeRequired(requirements, into: $0) }
            }
            self.dense = matrix
            self.sparse = nil
        } else {
            self.dense = nil
            self.sparse = RequirementRows(jobs)
        }
    }

    /// The fit score of one candidate against every job, in job order.
    ///
    /// - Parameter held: the candidate's effective levels `(skill, h)`, each skill at most once.
    /// - Complexity: O(jobs × features) dense (one BLAS `gemv`), O(stored entries) sparse.
    public func scores(held: some Sequence<(skill: Int, level: Double)>) -> [Double] {
        let features = encoding.featureCount
        if let sparse { return sparse.scores(levels: sparse.levels(held, skillCount: encoding.skillCount)) }
        var x = [Scalar](repeating: 0, count: features)
        x.withUnsafeMutableBufferPointer { encoding.encodeHeld(held, into: $0) }
        var y = [Scalar](repeating: 0, count: jobCount)
        guard features > 0, jobCount > 0, let dense else { return y.map(Double.init) }
        x.withUnsafeBufferPointer { x in
            y.withUnsafeMutableBufferPointer { y in
                dense.withUnsafeStorage { a in
                    Scalar.gemv(m: jobCount, n: features, a: a!, lda: features, x: x.baseAddress!, y: y.baseAddress!)
                }
            }
        }
        return y.map(Double.init)
    }

    /// The fit scores of a block of candidates against every job: row `i` holds candidate `i`'s scores.
    ///
    /// - Parameter block: each candidate's effective levels.
    /// - Complexity: O(candidates × jobs × features) dense (one BLAS `gemm`), O(candidates × stored entries) sparse.
    public func scores(block: [[(skill: Int, level: Double)]]) -> DenseMatrix<Scalar> {
        let features = encoding.featureCount
        var result = DenseMatrix<Scalar>(rows: block.count, columns: jobCount)
        guard !block.isEmpty, jobCount > 0, features > 0 else { return result }
        if let sparse {
            for (row, held) in block.enumerated() {
                let scores = sparse.scores(levels: sparse.levels(held, skillCount: encoding.skillCount))
                result.withRow(row) { y in for job in 0..<jobCount { y[job] = Scalar(scores[job]) } }
            }
            return result
        }
        var candidates = DenseMatrix<Scalar>(rows: block.count, columns: features)
        for (row, held) in block.enumerated() {
            candidates.withRow(row) { encoding.encodeHeld(held, into: $0) }
        }
        if let dense {
            candidates.withUnsafeStorage { a in
                dense.withUnsafeStorage { b in
                    result.withUnsafeMutableStorage { c in
                        Scalar.gemmABt(
                            m: block.count, n: jobCount, k: features,
                            a: a!, lda: features, b: b!, ldb: features, c: c!, ldc: jobCount)
                    }
                }
            }
        }
        return result
    }
}

/// Jobs as rows of requirements for the sparse kernel: job `j` holds entries `rowStarts[j] ..< rowStarts[j + 1]`,
/// each a skill, a coefficient `w / (r · Σw)` and a required level `r`.
struct RequirementRows: Sendable {
    let rowStarts: [Int]
    let skills: [Int32]
    let coefficients: [Double]
    let levels: [Double]

    init(_ jobs: [[(skill: Int, weight: Double, level: Double)]]) {
        var starts = [0]
        var skills: [Int32] = []
        var coefficients: [Double] = []
        var levels: [Double] = []
        for requirements in jobs {
            let total = requirements.reduce(0.0) { $0 + $1.weight }
            for (skill, weight, level) in requirements where total > 0 {
                skills.append(Int32(skill))
                coefficients.append(weight / level / total)
                levels.append(level)
            }
            starts.append(skills.count)
        }
        rowStarts = starts
        self.skills = skills
        self.coefficients = coefficients
        self.levels = levels
    }

    /// Held levels as a dense array by skill.
    func levels(_ held: some Sequence<(skill: Int, level: Double)>, skillCount: Int) -> [Double] {
        var levels = [Double](repeating: 0, count: skillCount)
        for (skill, level) in held { levels[skill] = level }
        return levels
    }

    /// `Σ a · min(h_s, r)` for every job.
    /// - Complexity: O(requirements).
    func scores(levels held: [Double]) -> [Double] {
        var scores = [Double](repeating: 0, count: rowStarts.count - 1)
        held.withUnsafeBufferPointer { held in
            for job in 0 ..< rowStarts.count - 1 {
                var sum = 0.0
                for entry in rowStarts[job] ..< rowStarts[job + 1] {
                    sum += coefficients[entry] * min(held[Int(skills[entry])], levels[entry])
                }
                scores[job] = sum
            }
        }
        return scores
    }
}
