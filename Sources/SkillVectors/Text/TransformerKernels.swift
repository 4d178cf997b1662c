import CBLAS
import Foundation

/// The element-wise and small dense steps of a BERT layer, on row-major `Float` buffers.
enum TransformerKernels {
    /// `C = A · Bᵀ + bias` for `A` (m × k), `B` (n × k, a linear layer's weight as stored), `C` (m × n).
    static func linear(
        _ a: UnsafePointer<Float>, m: Int, k: Int, weight: UnsafePointer<Float>, bias: UnsafePointer<Float>, n: Int,
        into c: UnsafeMutablePointer<Float>
    ) {
        Float.gemmABt(m: m, n: n, k: k, a: a, lda: k, b: weight, ldb: k, c: c, ldc: n)
        for row in 0 ..< m {
            let out = c + row * n
            for column in 0 ..< n { out[column] += bias[column] }
        }
    }

    /// `C = A · B` for `A` (m × k, leading dimension `lda`), `B` (k × n, `ldb`) and `C` (m × n, `ldc`).
    static func gemmAB(
        m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        guard m > 0, n > 0, k > 0 else { return }
        cblas_sgemm(
            CblasRowMajor, CblasNoTrans, CblasNoTrans,
            blasInt(m, "m"), blasInt(n, "n"), blasInt(k, "k"),
            1, a, blasInt(lda, "lda"), b, blasInt(ldb, "ldb"), 0, c, blasInt(ldc, "ldc"))
    }

    /// Layer normalisation of each row of `x` (rows × width) in place: `(x − mean) / √(var + eps) · gamma + beta`,
    /// with the mean and the (biased) variance accumulated in `Double`.
    static func layerNorm(
        _ x: UnsafeMutablePointer<Float>, rows: Int, width: Int, gamma: UnsafePointer<Float>, beta: UnsafePointer<Float>,
        eps: Float
    ) {
        for row in 0 ..< rows {
            let v = x + row * width
            var sum = 0.0
            for j in 0 ..< width { sum += Double(v[j]) }
            let mean = sum / Double(width)
            var squares = 0.0
            for j in 0 ..< width {
                let d = Double(v[j]) - mean
                squares += d * d
            }
            let inverse = 1 / (squares / Double(width) + Double(eps)).squareRoot()
            let m = Float(mean), s = Float(inverse)
            for j in 0 ..< width { v[j] = (v[j] - m) * s * gamma[j] + beta[j] }
        }
    }

    /// GELU, exact: `x · Φ(x) = x / 2 · (1 + erf(x / √2))`.
    static func gelu(_ x: UnsafeMutablePointer<Float>, count: Int) {
        let scale: Float = 0.707_106_781_186_547_5
        for k in 0 ..< count {
            let v = x[k]
            x[k] = 0.5 * v * (1 + erff(v * scale))
        }
    }

    /// Soft-max of the first `valid` entries of each of `rows` rows of `scores` (leading dimension `width`) after
    /// multiplying by `scale`; entries from `valid` on (padding) become 0.
    static func maskedSoftmax(_ scores: UnsafeMutablePointer<Float>, rows: Int, width: Int, valid: Int, scale: Float) {
        for row in 0 ..< rows {
            let s = scores + row * width
            var largest = -Float.infinity
            for j in 0 ..< valid { largest = max(largest, s[j] * scale) }
            var total: Float = 0
            for j in 0 ..< valid {
                let e = expf(s[j] * scale - largest)
                s[j] = e
                total += e
            }
            let inverse = 1 / total
            for j in 0 ..< valid { s[j] *= inverse }
            for j in valid ..< width { s[j] = 0 }
        }
    }
}
