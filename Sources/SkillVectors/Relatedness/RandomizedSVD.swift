/// A truncated singular value decomposition `A ≈ U · diag(σ) · Vᵀ`.
public struct TruncatedSVD: Sendable {
    /// The left singular vectors, rows × rank, orthonormal columns.
    public let u: ColumnMatrix
    /// The singular values, largest first.
    public let singularValues: [Double]
    /// The right singular vectors, columns × rank (zero for a zero singular value).
    public let v: ColumnMatrix
    /// The rank kept.
    public var rank: Int { singularValues.count }
}

/// The randomised SVD of Halko, Martinsson and Tropp (2011), Algorithms 4.4 and 5.1, with a seeded Gaussian test
/// matrix, so the same matrix and seed give the same bits.
///
/// 1. `Y = A·Ω` for a Gaussian `Ω` (columns × (k + p)), orthonormalised to `Q`;
/// 2. `q` power iterations `Q ← orth(A · orth(Aᵀ·Q))`, which sharpen the decay of the spectrum;
/// 3. `B = Qᵀ·A` (held as `Bᵀ = Aᵀ·Q`), and the small symmetric `B·Bᵀ = W·Λ·Wᵀ` by Jacobi (``SymmetricEigen``);
/// 4. `U = Q·W`, `σ = √λ`, `V = Bᵀ·W·Σ⁻¹`, keeping the first `k`.
///
/// Dense products go through BLAS `dgemm`/`dgemv`; a sparse `A` is multiplied in a fixed order on one thread.
/// Set BLAS to one thread (``BLASThreads/set(_:)``) for results that are bit-identical from run to run.
public enum RandomizedSVD {
    /// The rank-`k` approximation of `a`.
    /// - Parameters:
    ///   - rank: `k`; clamped to `min(rows, columns)`.
    ///   - oversampling: `p`, extra test vectors (10 is usual).
    ///   - powerIterations: `q` (2–4 for slowly decaying spectra such as co-occurrence data).
    ///   - seed: the seed of the test matrix.
    /// - Complexity: O((q + 1) · (cost of A·X + cost of Aᵀ·Y) + (rows + columns) · (k + p)²).
    public static func decompose(
        _ a: some LinearOperator, rank: Int, oversampling: Int = 10, powerIterations: Int = 3, seed: UInt64
    ) -> TruncatedSVD {
        precondition(rank >= 0 && oversampling >= 0 && powerIterations >= 0, "negative SVD parameter")
        let k = min(rank, a.rows, a.columns)
        let l = min(k + oversampling, a.rows, a.columns)
        guard k > 0 else {
            return TruncatedSVD(u: ColumnMatrix(rows: a.rows, columns: 0), singularValues: [], v: ColumnMatrix(rows: a.columns, columns: 0))
        }
        let omega = Gaussian.matrix(rows: a.columns, columns: l, seed: seed)
        var q = a.times(omega)
        Orthonormalization.orthonormalize(&q, seed: seed &+ 1)
        for iteration in 0..<powerIterations {
            var z = a.transposeTimes(q)
            Orthonormalization.orthonormalize(&z, seed: seed &+ UInt64(2 * iteration + 2))
            q = a.times(z)
            Orthonormalization.orthonormalize(&q, seed: seed &+ UInt64(2 * iteration + 3))
        }
        let bt = a.transposeTimes(q)  // columns × l
        let gram = bt.transposeTimes(bt)  // B·Bᵀ, l × l
        let eigen = SymmetricEigen(gram)
        let w = eigen.vectors.prefix(columns: k)
        var u = q.times(w)
        var v = bt.times(w)
        var sigma = [Double](repeating: 0, count: k)
        for j in 0..<k {
            sigma[j] = max(0, eigen.values[j]).squareRoot()
            let scale = sigma[j] > 0 ? 1 / sigma[j] : 0
            for i in 0..<v.rows { v[i, j] *= scale }
        }
        // A fixed sign per pair of singular vectors: the entry of U's column largest in magnitude is positive.
        for j in 0..<k {
            var best = 0
            for i in 0..<u.rows where abs(u[i, j]) > abs(u[best, j]) { best = i }
            if u[best, j] < 0 {
                for i in 0..<u.rows { u[i, j] = -u[i, j] }
                for i in 0..<v.rows { v[i, j] = -v[i, j] }
            }
        }
        return TruncatedSVD(u: u, singularValues: sigma, v: v)
    }
}
