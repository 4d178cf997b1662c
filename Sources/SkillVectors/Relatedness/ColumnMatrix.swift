import CBLAS

/// A column-major dense matrix of `Double`s: the layout the randomised SVD works in, where each column (a basis
/// vector) is contiguous.
public struct ColumnMatrix: Sendable, Equatable {
    /// The number of rows.
    public let rows: Int
    /// The number of columns.
    public let columns: Int
    /// The entries, column after column (`rows × columns` of them).
    public var storage: [Double]

    /// A matrix of zeros.
    /// - Complexity: O(rows × columns).
    public init(rows: Int, columns: Int) {
        precondition(rows >= 0 && columns >= 0, "matrix shape must not be negative")
        self.rows = rows
        self.columns = columns
        storage = [Double](repeating: 0, count: rows * columns)
    }

    /// The entry at `row`, `column`.
    public subscript(row: Int, column: Int) -> Double {
        get { storage[column * rows + row] }
        set { storage[column * rows + row] = newValue }
    }

    /// One column as an array.
    public func column(_ index: Int) -> [Double] { Array(storage[index * rows ..< (index + 1) * rows]) }

    /// The first `count` columns.
    public func prefix(columns count: Int) -> ColumnMatrix {
        precondition(count >= 0 && count <= columns, "column count \(count) out of range")
        var result = ColumnMatrix(rows: rows, columns: count)
        result.storage = Array(storage[0 ..< rows * count])
        return result
    }

    /// `selfᵀ · other` (columns × other.columns), by BLAS `dgemm`.
    /// - Complexity: O(rows × columns × other.columns).
    public func transposeTimes(_ other: ColumnMatrix) -> ColumnMatrix {
        precondition(rows == other.rows, "row counts differ: \(rows) and \(other.rows)")
        var result = ColumnMatrix(rows: columns, columns: other.columns)
        ColumnMatrix.gemm(transposeA: true, self, other, into: &result)
        return result
    }

    /// `self · other` (rows × other.columns), by BLAS `dgemm`.
    /// - Complexity: O(rows × columns × other.columns).
    public func times(_ other: ColumnMatrix) -> ColumnMatrix {
        precondition(columns == other.rows, "inner sizes differ: \(columns) and \(other.rows)")
        var result = ColumnMatrix(rows: rows, columns: other.columns)
        ColumnMatrix.gemm(transposeA: false, self, other, into: &result)
        return result
    }

    /// `C = op(A) · B` with `op` the identity or the transpose; empty shapes never reach BLAS.
    static func gemm(transposeA: Bool, _ a: ColumnMatrix, _ b: ColumnMatrix, into c: inout ColumnMatrix) {
        let (m, n) = (c.rows, c.columns)
        let k = transposeA ? a.rows : a.columns
        guard m > 0, n > 0 else { return }
        guard k > 0 else {
            c.storage.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
            return
        }
        a.storage.withUnsafeBufferPointer { pa in
            b.storage.withUnsafeBufferPointer { pb in
                c.storage.withUnsafeMutableBufferPointer { pc in
                    cblas_dgemm(
                        CblasColMajor, transposeA ? CblasTrans : CblasNoTrans, CblasNoTrans,
                        blasInt(m, "m"), blasInt(n, "n"), blasInt(k, "k"), 1,
                        pa.baseAddress, blasInt(max(1, a.rows), "lda"), pb.baseAddress, blasInt(max(1, b.rows), "ldb"),
                        0, pc.baseAddress, blasInt(max(1, m), "ldc"))
                }
            }
        }
    }
}
