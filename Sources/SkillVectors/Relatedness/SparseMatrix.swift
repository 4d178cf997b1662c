/// A sparse matrix of `Double`s in compressed sparse row form: rows in order, columns ascending within a row.
///
/// Products with dense column-major blocks run in a fixed order on one thread, so they give the same bits on
/// every run.
public struct SparseMatrix: Sendable, Equatable {
    /// The number of rows.
    public let rows: Int
    /// The number of columns.
    public let columns: Int
    /// Row `i` holds entries `rowStarts[i] ..< rowStarts[i + 1]`.
    public let rowStarts: [Int]
    /// The column of each entry.
    public let columnIndices: [Int32]
    /// The value of each entry.
    public let values: [Double]

    /// Builds a matrix from entries in any order; entries at the same position are added, zeros dropped.
    /// - Complexity: O(entries · log entries).
    public init(rows: Int, columns: Int, entries: [(row: Int, column: Int, value: Double)]) {
        precondition(rows >= 0 && columns >= 0 && columns <= Int(Int32.max), "invalid sparse matrix shape")
        let sorted = entries.sorted { $0.row != $1.row ? $0.row < $1.row : $0.column < $1.column }
        var starts = [Int](repeating: 0, count: rows + 1)
        var indices: [Int32] = []
        var values: [Double] = []
        indices.reserveCapacity(sorted.count)
        values.reserveCapacity(sorted.count)
        var last: (row: Int, column: Int)? = nil
        for entry in sorted {
            precondition(entry.row >= 0 && entry.row < rows && entry.column >= 0 && entry.column < columns,
                         "entry (\(entry.row), \(entry.column)) outside \(rows) × \(columns)")
            if let last, last.row == entry.row, last.column == entry.column {
                values[values.count - 1] += entry.value
            } else {
                indices.append(Int32(entry.column))
                values.append(entry.value)
                starts[entry.row + 1] += 1
                last = (entry.row, entry.column)
            }
        }
        for row in 0..<rows { starts[row + 1] += starts[row] }
        self.init(rows: rows, columns: columns, rowStarts: starts, columnIndices: indices, values: values)
        if values.contains(0) { self = mapValues { $0 } }
    }

    /// A matrix from its compressed arrays (trusted: columns ascending within each row).
    init(rows: Int, columns: Int, rowStarts: [Int], columnIndices: [Int32], values: [Double]) {
        self.rows = rows
        self.columns = columns
        self.rowStarts = rowStarts
        self.columnIndices = columnIndices
        self.values = values
    }

    /// The number of stored entries.
    public var entryCount: Int { values.count }

    /// The matrix with every stored value `v` replaced by `transform(v)`, zeros dropped.
    public func mapValues(_ transform: (Double) -> Double) -> SparseMatrix {
        mapEntries { _, _, value in transform(value) }
    }

    /// The matrix with every stored value replaced by `transform(row, column, value)`, zeros dropped.
    /// - Complexity: O(entries).
    public func mapEntries(_ transform: (Int, Int, Double) -> Double) -> SparseMatrix {
        var starts = [0]
        var indices: [Int32] = []
        var newValues: [Double] = []
        indices.reserveCapacity(entryCount)
        newValues.reserveCapacity(entryCount)
        for row in 0..<rows {
            for entry in rowStarts[row] ..< rowStarts[row + 1] {
                let value = transform(row, Int(columnIndices[entry]), values[entry])
                if value != 0 {
                    indices.append(columnIndices[entry])
                    newValues.append(value)
                }
            }
            starts.append(indices.count)
        }
        return SparseMatrix(rows: rows, columns: columns, rowStarts: starts, columnIndices: indices, values: newValues)
    }

    /// The sum of each row.
    public var rowSums: [Double] {
        (0..<rows).map { row in (rowStarts[row] ..< rowStarts[row + 1]).reduce(0) { $0 + values[$1] } }
    }

    /// The sum of each column.
    public var columnSums: [Double] {
        var sums = [Double](repeating: 0, count: columns)
        for entry in 0..<entryCount { sums[Int(columnIndices[entry])] += values[entry] }
        return sums
    }

    /// The same matrix stored densely (for tests and small matrices).
    public func dense() -> ColumnMatrix {
        var result = ColumnMatrix(rows: rows, columns: columns)
        for row in 0..<rows {
            for entry in rowStarts[row] ..< rowStarts[row + 1] { result[row, Int(columnIndices[entry])] = values[entry] }
        }
        return result
    }

    /// `self · x` for a dense `x` (columns × l): rows × l.
    /// - Complexity: O(entries × l).
    public func times(_ x: ColumnMatrix) -> ColumnMatrix {
        precondition(x.rows == columns, "inner sizes differ: \(columns) and \(x.rows)")
        var result = ColumnMatrix(rows: rows, columns: x.columns)
        let (n, m) = (columns, rows)
        result.storage.withUnsafeMutableBufferPointer { out in
            x.storage.withUnsafeBufferPointer { input in
                for j in 0..<x.columns {
                    let xColumn = input.baseAddress! + j * n
                    let yColumn = out.baseAddress! + j * m
                    for row in 0..<m {
                        var sum = 0.0
                        for entry in rowStarts[row] ..< rowStarts[row + 1] {
                            sum += values[entry] * xColumn[Int(columnIndices[entry])]
                        }
                        yColumn[row] = sum
                    }
                }
            }
        }
        return result
    }

    /// `selfᵀ · y` for a dense `y` (rows × l): columns × l.
    /// - Complexity: O(entries × l).
    public func transposeTimes(_ y: ColumnMatrix) -> ColumnMatrix {
        precondition(y.rows == rows, "row counts differ: \(rows) and \(y.rows)")
        var result = ColumnMatrix(rows: columns, columns: y.columns)
        let (n, m) = (columns, rows)
        result.storage.withUnsafeMutableBufferPointer { out in
            y.storage.withUnsafeBufferPointer { input in
                for j in 0..<y.columns {
                    let yColumn = input.baseAddress! + j * m
                    let xColumn = out.baseAddress! + j * n
                    for row in 0..<m {
                        let factor = yColumn[row]
                        if factor == 0 { continue }
                        for entry in rowStarts[row] ..< rowStarts[row + 1] {
                            xColumn[Int(columnIndices[entry])] += values[entry] * factor
                        }
                    }
                }
            }
        }
        return result
    }
}
