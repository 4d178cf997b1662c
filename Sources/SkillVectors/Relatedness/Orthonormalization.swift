import CBLAS
import Foundation

/// Orthonormal bases for the columns of tall matrices, by classical Gram–Schmidt applied twice (CGS2) with BLAS
/// `dgemv`: as accurate as modified Gram–Schmidt ("twice is enough", Giraud et al. 2005) and built from
/// matrix–vector products.
public enum Orthonormalization {
    /// Replaces the columns of `y` by an orthonormal basis of the space they span, column by column.
    ///
    /// A column that is (numerically) a combination of the earlier ones, norm below `1e-10` of its original norm,
    /// is replaced by a seeded random vector made orthogonal to them, so the result always has orthonormal
    /// columns while `columns ≤ rows`; columns beyond `rows` become zero.
    /// - Complexity: O(rows × columns²).
    public static func orthonormalize(_ y: inout ColumnMatrix, seed: UInt64 = 0x5EED) {
        let (m, l) = (y.rows, y.columns)
        guard m > 0, l > 0 else { return }
        var random = SplitMix64(seed: seed)
        var projection = [Double](repeating: 0, count: l)
        y.storage.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            for j in 0..<l {
                let column = base + j * m
                if j >= m {
                    column.update(repeating: 0, count: m)
                    continue
                }
                var original = norm(column, m)
                var attempts = 0
                while true {
                    if j > 0 {
                        for _ in 0..<2 {  // r = Qᵀv; v ← v − Q·r, twice
                            projection.withUnsafeMutableBufferPointer { r in
                                cblas_dgemv(CblasColMajor, CblasTrans, blasInt(m, "m"), blasInt(j, "j"), 1, base,
                                            blasInt(m, "lda"), column, 1, 0, r.baseAddress, 1)
                                cblas_dgemv(CblasColMajor, CblasNoTrans, blasInt(m, "m"), blasInt(j, "j"), -1, base,
                                            blasInt(m, "lda"), r.baseAddress, 1, 1, column, 1)
                            }
                        }
                    }
                    let length = norm(column, m)
                    if length > 1e-10 * original, length > 0, length.isFinite {
                        let scale = 1 / length
                        for i in 0..<m { column[i] *= scale }
                        break
                    }
                    attempts += 1
                    precondition(attempts < 20, "cannot complete an orthonormal basis")
                    for i in 0..<m { column[i] = Gaussian.next(&random) }
                    original = norm(column, m)
                }
            }
        }
    }

    private static func norm(_ x: UnsafeMutablePointer<Double>, _ count: Int) -> Double {
        var sum = 0.0
        for i in 0..<count { sum += x[i] * x[i] }
        return sum.squareRoot()
    }
}

/// Standard normal samples from a seeded generator (Box–Muller), the same on every machine.
public enum Gaussian {
    /// One standard normal sample.
    public static func next(_ random: inout SplitMix64) -> Double {
        let u1 = Double(random.next() >> 11) * 0x1p-53  // [0, 1)
        let u2 = Double(random.next() >> 11) * 0x1p-53
        return (-2 * log(1 - u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// A rows × columns matrix of independent standard normal samples, filled column by column.
    public static func matrix(rows: Int, columns: Int, seed: UInt64) -> ColumnMatrix {
        var random = SplitMix64(seed: seed)
        var result = ColumnMatrix(rows: rows, columns: columns)
        for index in result.storage.indices { result.storage[index] = next(&random) }
        return result
    }
}
