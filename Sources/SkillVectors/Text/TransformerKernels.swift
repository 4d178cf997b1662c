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

    /// GELU: `x · Φ(x) = x / 2 · (1 + erf(x / √2))`, with erf from ``erf(_:)``: within 2e-6 · max(1, |x|) of the
    /// exact value (checked against `erf` on a dense grid in the tests). The loop has no branches or calls, so the
    /// compiler vectorises it.
    static func gelu(_ x: UnsafeMutablePointer<Float>, count: Int) {
        let scale: Float = 0.707_106_781_186_547_5
        for k in 0 ..< count {
            let v = x[k]
            x[k] = 0.5 * v * (1 + erf(v * scale))
        }
    }

    /// erf: `x · P(x²) / Q(x²)` with x clamped to [-4, 4] (a rational fit to erf, degrees 13 and 10, made for
    /// SkillMatch by iterated weighted least squares). Largest error 3.9e-7, measured in `Float` on [-6, 6].
    @inline(__always)
    static func erf(_ x: Float) -> Float {
        let c = Swift.min(Swift.max(x, -4), 4)
        let z = c * c
        var p: Float = -1.369_502_335_189_278_9e-08
        p = p * z + 4.787_317_654_161_381_6e-06
        p = p * z + 0.000_382_898_632_541_090_37
        p = p * z + 0.003_837_558_269_310_126_7
        p = p * z + 0.054_329_578_833_041_17
        p = p * z + 0.184_642_180_860_377_34
        p = p * z + 1.128_379_182_858_627_1
        var q: Float = 6.407_477_198_171_332e-05
        q = q * z + 0.001_309_462_838_586_224
        q = q * z + 0.015_450_254_738_440_968
        q = q * z + 0.113_803_465_484_038_66
        q = q * z + 0.496_968_426_703_208_7
        q = q * z + 1
        return c * p / q
    }

    /// Texts up to this many tokens have their attention computed by ``attention(q:k:v:stride:length:valid:width:scale:scores:out:outStride:)``.
    static let directAttentionLength = 48

    /// One head's attention for one text, in plain loops: `out = softmax(scale · Q Kᵀ, keys from valid on masked) · V`,
    /// `Q`, `K`, `V` rows `length` × `width` at row stride `stride`, `out` at row stride `outStride`; `scores` holds
    /// `length × length` floats of scratch.
    static func attention(
        q: UnsafePointer<Float>, k: UnsafePointer<Float>, v: UnsafePointer<Float>, stride: Int, length: Int, valid: Int,
        width: Int, scale: Float, scores: UnsafeMutablePointer<Float>, out: UnsafeMutablePointer<Float>, outStride: Int
    ) {
        // Kᵀ of the valid keys (width × valid), so that the inner loop runs over contiguous keys and vectorises.
        withUnsafeTemporaryAllocation(of: Float.self, capacity: max(1, width * valid)) { buffer in
            guard let kt = buffer.baseAddress else { return }
            for j in 0 ..< valid {
                let kj = k + j * stride
                for m in 0 ..< width { kt[m * valid + j] = kj[m] }
            }
            for i in 0 ..< length {
                let qi = q + i * stride
                let row = scores + i * length
                row.update(repeating: 0, count: valid)
                for m in 0 ..< width {
                    let a = qi[m]
                    let column = kt + m * valid
                    for j in 0 ..< valid { row[j] += a * column[j] }
                }
            }
        }
        maskedSoftmax(scores, rows: length, width: length, valid: valid, scale: scale)
        for i in 0 ..< length {
            let o = out + i * outStride
            o.update(repeating: 0, count: width)
            let row = scores + i * length
            for j in 0 ..< valid {
                let p = row[j]
                let vj = v + j * stride
                for m in 0 ..< width { o[m] += p * vj[m] }
            }
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
