/// Scores held-level vectors against every job at once: one exact fit score per (candidate, job).
///
/// Jobs are encoded once by a ``ThresholdEncoding`` into a matrix with one row per job; a candidate is
/// encoded into one row of features, and its scores against all jobs are one matrix–vector product
/// (BLAS `gemv`), or, for a block of candidates, one matrix–matrix product (BLAS `gemm`). When the job
/// matrix is sparse (as with large taxonomies), a compressed sparse row kernel replaces BLAS.
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
    private let sparse: SparseMatrix<Scalar>?

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
        var matrix = DenseMatrix<Scalar>(rows: jobs.count, columns: encoding.featureCount)
        for (row, requirements) in jobs.enumerated() {
            matrix.withRow(row) { encoding.encodeRequired(requirements, into: $0) }
        }
        let chosen: Storage
        switch storage {
        case .automatic: chosen = matrix.density < Self.sparseDensityThreshold ? .sparse : .dense
        case .dense, .sparse: chosen = storage
        }
        self.encoding = encoding
        self.jobCount = jobs.count
        self.storage = chosen
        self.dense = chosen == .dense ? matrix : nil
        self.sparse = chosen == .sparse ? SparseMatrix(matrix) : nil
    }

    /// The fit score of one candidate against every job, in job order.
    ///
    /// - Parameter held: the candidate's effective levels `(skill, h)`, each skill at most once.
    /// - Complexity: O(jobs × features) dense (one BLAS `gemv`), O(stored entries) sparse.
    public func scores(held: some Sequence<(skill: Int, level: Double)>) -> [Double] {
        let features = encoding.featureCount
        var x = [Scalar](repeating: 0, count: features)
        x.withUnsafeMutableBufferPointer { encoding.encodeHeld(held, into: $0) }
        var y = [Scalar](repeating: 0, count: jobCount)
        guard features > 0, jobCount > 0 else { return y.map(Double.init) }
        x.withUnsafeBufferPointer { x in
            y.withUnsafeMutableBufferPointer { y in
                if let sparse {
                    sparse.multiply(x, into: y)
                } else if let dense {
                    dense.withUnsafeStorage { a in
                        Scalar.gemv(m: jobCount, n: features, a: a!, lda: features, x: x.baseAddress!, y: y.baseAddress!)
                    }
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
        var candidates = DenseMatrix<Scalar>(rows: block.count, columns: features)
        for (row, held) in block.enumerated() {
            candidates.withRow(row) { encoding.encodeHeld(held, into: $0) }
        }
        if let sparse {
            for row in 0..<block.count {
                candidates.withRow(row) { x in
                    result.withRow(row) { y in sparse.multiply(UnsafeBufferPointer(x), into: y) }
                }
            }
        } else if let dense {
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
