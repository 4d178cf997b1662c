import CBLAS

/// A floating-point type the system BLAS computes with: `Float` (s-routines) or `Double` (d-routines).
///
/// Sizes are checked against `Int32` before they reach BLAS, and empty shapes never reach it.
public protocol BLASScalar: BinaryFloatingPoint, Sendable where Self.RawSignificand: FixedWidthInteger {
    /// `C = A · Bᵀ` for row-major `A` (m × k), `B` (n × k) and `C` (m × n), with `C` overwritten.
    static func gemmABt(
        m: Int, n: Int, k: Int,
        a: UnsafePointer<Self>, lda: Int,
        b: UnsafePointer<Self>, ldb: Int,
        c: UnsafeMutablePointer<Self>, ldc: Int
    )
    /// `y = A · x` for row-major `A` (m × n), with `y` overwritten.
    static func gemv(
        m: Int, n: Int,
        a: UnsafePointer<Self>, lda: Int,
        x: UnsafePointer<Self>,
        y: UnsafeMutablePointer<Self>
    )
    /// `count` zeros, filled by code specialised for the concrete type (generic code would copy entry by entry).
    static func zeros(count: Int) -> [Self]
}

/// Converts a size to the 32-bit integer CBLAS takes, stopping with a clear message on overflow.
@inline(__always)
func blasInt(_ value: Int, _ name: StaticString) -> Int32 {
    precondition(value >= 0 && value <= Int(Int32.max), "BLAS size \(name) = \(value) does not fit in Int32")
    return Int32(value)
}

extension Float: BLASScalar {
    public static func zeros(count: Int) -> [Float] { [Float](repeating: 0, count: count) }

    public static func gemmABt(
        m: Int, n: Int, k: Int,
        a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int,
        c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        guard m > 0, n > 0 else { return }
        guard k > 0 else {
            for row in 0..<m { (c + row * ldc).update(repeating: 0, count: n) }
            return
        }
        cblas_sgemm(
            CblasRowMajor, CblasNoTrans, CblasTrans,
            blasInt(m, "m"), blasInt(n, "n"), blasInt(k, "k"),
            1, a, blasInt(lda, "lda"), b, blasInt(ldb, "ldb"), 0, c, blasInt(ldc, "ldc"))
    }

    public static func gemv(
        m: Int, n: Int,
        a: UnsafePointer<Float>, lda: Int,
        x: UnsafePointer<Float>,
        y: UnsafeMutablePointer<Float>
    ) {
        guard m > 0 else { return }
        guard n > 0 else { y.update(repeating: 0, count: m); return }
        cblas_sgemv(CblasRowMajor, CblasNoTrans, blasInt(m, "m"), blasInt(n, "n"), 1, a, blasInt(lda, "lda"), x, 1, 0, y, 1)
    }
}

extension Double: BLASScalar {
    public static func zeros(count: Int) -> [Double] { [Double](repeating: 0, count: count) }

    public static func gemmABt(
        m: Int, n: Int, k: Int,
        a: UnsafePointer<Double>, lda: Int,
        b: UnsafePointer<Double>, ldb: Int,
        c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        guard m > 0, n > 0 else { return }
        guard k > 0 else {
            for row in 0..<m { (c + row * ldc).update(repeating: 0, count: n) }
            return
        }
        cblas_dgemm(
            CblasRowMajor, CblasNoTrans, CblasTrans,
            blasInt(m, "m"), blasInt(n, "n"), blasInt(k, "k"),
            1, a, blasInt(lda, "lda"), b, blasInt(ldb, "ldb"), 0, c, blasInt(ldc, "ldc"))
    }

    public static func gemv(
        m: Int, n: Int,
        a: UnsafePointer<Double>, lda: Int,
        x: UnsafePointer<Double>,
        y: UnsafeMutablePointer<Double>
    ) {
        guard m > 0 else { return }
        guard n > 0 else { y.update(repeating: 0, count: m); return }
        cblas_dgemv(CblasRowMajor, CblasNoTrans, blasInt(m, "m"), blasInt(n, "n"), 1, a, blasInt(lda, "lda"), x, 1, 0, y, 1)
    }
}
