/// The eigen-decomposition of a small symmetric matrix by the cyclic Jacobi method.
///
/// Each rotation zeroes one off-diagonal entry (Golub and Van Loan, *Matrix Computations*, §8.5); sweeps over all
/// pairs repeat until the off-diagonal part is negligible against the whole. Accurate to a few units of rounding
/// relative to the matrix norm, and deterministic: the same input gives the same bits.
public struct SymmetricEigen: Sendable {
    /// The eigenvalues, largest first (ties by original position).
    public let values: [Double]
    /// The eigenvectors as columns, in the order of ``values``; orthonormal.
    public let vectors: ColumnMatrix
    /// The number of sweeps taken.
    public let sweeps: Int

    /// Decomposes the symmetric matrix `a` (only its symmetric part is used).
    /// - Parameter maximumSweeps: a bound on the sweeps; convergence is quadratic, usually 6–12 sweeps.
    /// - Complexity: O(n³) per sweep.
    public init(_ a: ColumnMatrix, maximumSweeps: Int = 100) {
        precondition(a.rows == a.columns, "the matrix must be square")
        let n = a.rows
        var m = [Double](repeating: 0, count: n * n)  // row-major working copy, symmetrised
        for i in 0..<n { for j in 0..<n { m[i * n + j] = 0.5 * (a[i, j] + a[j, i]) } }
        var v = [Double](repeating: 0, count: n * n)  // row-major; column j is eigenvector j
        for i in 0..<n { v[i * n + i] = 1 }
        var total = 0.0
        for x in m { total += x * x }
        var sweep = 0
        while sweep < maximumSweeps {
            var off = 0.0
            for i in 0..<n { for j in 0..<n where i != j { off += m[i * n + j] * m[i * n + j] } }
            if off <= 1e-30 * total || off == 0 { break }
            sweep += 1
            for p in 0 ..< max(0, n - 1) {
                for q in (p + 1)..<n {
                    let apq = m[p * n + q]
                    if apq == 0 { continue }
                    let app = m[p * n + p], aqq = m[q * n + q]
                    // Skip entries already below rounding relative to both diagonal entries.
                    if sweep > 4, abs(apq) * 1e18 < abs(app), abs(apq) * 1e18 < abs(aqq) {
                        m[p * n + q] = 0
                        m[q * n + p] = 0
                        continue
                    }
                    let theta = (aqq - app) / (2 * apq)
                    let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot()
                    let s = t * c
                    for k in 0..<n {  // columns p and q: M ← M·J
                        let mkp = m[k * n + p], mkq = m[k * n + q]
                        m[k * n + p] = c * mkp - s * mkq
                        m[k * n + q] = s * mkp + c * mkq
                    }
                    for k in 0..<n {  // rows p and q: M ← Jᵀ·M
                        let mpk = m[p * n + k], mqk = m[q * n + k]
                        m[p * n + k] = c * mpk - s * mqk
                        m[q * n + k] = s * mpk + c * mqk
                    }
                    m[p * n + q] = 0
                    m[q * n + p] = 0
                    for k in 0..<n {  // V ← V·J
                        let vkp = v[k * n + p], vkq = v[k * n + q]
                        v[k * n + p] = c * vkp - s * vkq
                        v[k * n + q] = s * vkp + c * vkq
                    }
                }
            }
        }
        let order = (0..<n).sorted { m[$0 * n + $0] != m[$1 * n + $1] ? m[$0 * n + $0] > m[$1 * n + $1] : $0 < $1 }
        values = order.map { m[$0 * n + $0] }
        var vectors = ColumnMatrix(rows: n, columns: n)
        for (column, source) in order.enumerated() {
            for row in 0..<n { vectors[row, column] = v[row * n + source] }
        }
        self.vectors = vectors
        sweeps = sweep
    }
}
