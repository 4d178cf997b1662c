/// A row-major sparse matrix in compressed sparse row (CSR) form.
public struct SparseMatrix<Scalar: BLASScalar>: Sendable, Equatable {
    /// The number of rows.
    public let rows: Int
    /// The number of columns.
    public let columns: Int
    /// `rowStarts[r] ..< rowStarts[r + 1]` indexes row `r`'s entries; `rows + 1` values.
    public let rowStarts: [Int]
    /// The column of each stored entry, ascending within a row.
    public let columnIndices: [Int32]
    /// The value of each stored entry.
    public let values: [Scalar]

    /// Compresses a dense matrix, keeping its non-zero entries.
    /// - Complexity: O(rows × columns).
    public init(_ dense: DenseMatrix<Scalar>) {
        precondition(dense.columns <= Int(Int32.max), "too many columns for a sparse matrix")
        var starts = [0]
        starts.reserveCapacity(dense.rows + 1)
        var indices: [Int32] = []
        var values: [Scalar] = []
        for row in 0..<dense.rows {
            for column in 0..<dense.columns {
                let value = dense[row, column]
                if value != 0 {
                    indices.append(Int32(column))
                    values.append(value)
                }
            }
            starts.append(values.count)
        }
        self.rows = dense.rows
        self.columns = dense.columns
        self.rowStarts = starts
        self.columnIndices = indices
        self.values = values
    }

    /// The number of stored (non-zero) entries.
    public var storedCount: Int { values.count }

    /// `y = A · x` for a dense `x` of length `columns`; `y` has length `rows`.
    /// - Complexity: O(stored entries).
    public func multiply(_ x: UnsafeBufferPointer<Scalar>, into y: UnsafeMutableBufferPointer<Scalar>) {
        precondition(x.count == columns && y.count == rows, "sparse multiply: shapes do not agree")
        values.withUnsafeBufferPointer { values in
            columnIndices.withUnsafeBufferPointer { indices in
                for row in 0..<rows {
                    var sum: Scalar = 0
                    for entry in rowStarts[row] ..< rowStarts[row + 1] {
                        sum += values[entry] * x[Int(indices[entry])]
                    }
                    y[row] = sum
                }
            }
        }
    }
}
