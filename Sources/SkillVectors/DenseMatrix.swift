/// A row-major dense matrix of BLAS scalars.
public struct DenseMatrix<Scalar: BLASScalar>: Sendable, Equatable {
    /// The number of rows.
    public let rows: Int
    /// The number of columns.
    public let columns: Int
    /// The entries, row after row (`rows × columns` of them).
    public private(set) var storage: [Scalar]

    /// A matrix of zeros.
    /// - Complexity: O(rows × columns).
    public init(rows: Int, columns: Int) {
        precondition(rows >= 0 && columns >= 0, "matrix shape must not be negative")
        self.rows = rows
        self.columns = columns
        self.storage = Scalar.zeros(count: rows * columns)
    }

    /// The entry at `row`, `column`.
    public subscript(row: Int, column: Int) -> Scalar {
        get { storage[row * columns + column] }
        set { storage[row * columns + column] = newValue }
    }

    /// Calls `body` with the storage of one row.
    public mutating func withRow<R>(_ row: Int, _ body: (inout UnsafeMutableBufferPointer<Scalar>) throws -> R) rethrows -> R {
        precondition(row >= 0 && row < rows, "row \(row) out of range 0..<\(rows)")
        return try storage.withUnsafeMutableBufferPointer { all in
            var slice = UnsafeMutableBufferPointer(rebasing: all[row * columns ..< (row + 1) * columns])
            return try body(&slice)
        }
    }

    /// Calls `body` with a pointer to all entries, row after row; `nil` when the matrix is empty.
    public mutating func withUnsafeMutableStorage<R>(_ body: (UnsafeMutablePointer<Scalar>?) throws -> R) rethrows -> R {
        try storage.withUnsafeMutableBufferPointer { try body($0.baseAddress) }
    }

    /// Calls `body` with a pointer to all entries, row after row; `nil` when the matrix is empty.
    public func withUnsafeStorage<R>(_ body: (UnsafePointer<Scalar>?) throws -> R) rethrows -> R {
        try storage.withUnsafeBufferPointer { try body($0.baseAddress) }
    }
}
