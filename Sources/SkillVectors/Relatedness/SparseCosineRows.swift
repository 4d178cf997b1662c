/// Sparse rows for all-pairs cosine similarity: one row's similarity to every other row through an inverted index,
/// optionally after centring every row on the mean row, without ever making the centred rows dense.
///
/// Centred cosine: with `x_i = p_i − m` (m the mean of the present rows),
/// `x_i·x_j = p_i·p_j − p_i·m − p_j·m + m·m` and `‖x_i‖² = p_i·p_i − 2·p_i·m + m·m`, so one sparse product per pair
/// and a few per-row constants give it exactly. Rows with no entries are absent: they have no similarity to anything.
public struct SparseCosineRows: Sendable {
    /// The number of rows.
    public let count: Int
    /// Whether each row has data (at least one entry).
    public let present: [Bool]
    private let rowStarts: [Int]
    private let columns: [Int32]
    private let values: [Double]
    private let postingStarts: [Int]
    private let postingRows: [Int32]
    private let postingValues: [Double]
    private let centred: Bool
    /// Per row: `p_i·m` (0 when not centred).
    private let meanProducts: [Double]
    /// `m·m` (0 when not centred).
    private let meanSquare: Double
    /// Per row: the norm the similarity divides by.
    private let norms: [Double]

    /// Builds the index.
    /// - Parameters:
    ///   - rows: per row, `(column, value)` entries; columns are non-negative, repeated columns are summed.
    ///   - columnCount: one more than the largest column.
    ///   - centred: whether to centre every present row on the mean of the present rows first.
    /// - Complexity: O(entries · log(entries per row) + columns).
    public init(rows: [[(column: Int, value: Double)]], columnCount: Int, centred: Bool) {
        count = rows.count
        self.centred = centred
        var starts = [0]
        var cols: [Int32] = []
        var vals: [Double] = []
        var present: [Bool] = []
        for row in rows {
            var merged: [(column: Int, value: Double)] = []
            for entry in row.sorted(by: { $0.column < $1.column }) {
                if let last = merged.last, last.column == entry.column {
                    merged[merged.count - 1].value += entry.value
                } else {
                    merged.append(entry)
                }
            }
            merged.removeAll { $0.value == 0 }
            present.append(!merged.isEmpty)
            for entry in merged {
                cols.append(Int32(entry.column))
                vals.append(entry.value)
            }
            starts.append(cols.count)
        }
        self.present = present
        rowStarts = starts
        columns = cols
        values = vals
        // The inverted index (column-major copy), rows ascending within each column.
        var columnCounts = [Int](repeating: 0, count: columnCount + 1)
        for column in cols { columnCounts[Int(column) + 1] += 1 }
        for c in 0..<columnCount { columnCounts[c + 1] += columnCounts[c] }
        var next = columnCounts
        var postingRows = [Int32](repeating: 0, count: cols.count)
        var postingValues = [Double](repeating: 0, count: cols.count)
        for row in 0..<rows.count {
            for e in starts[row]..<starts[row + 1] {
                let c = Int(cols[e])
                postingRows[next[c]] = Int32(row)
                postingValues[next[c]] = vals[e]
                next[c] += 1
            }
        }
        postingStarts = columnCounts
        self.postingRows = postingRows
        self.postingValues = postingValues
        // Centring constants.
        var mean = [Double](repeating: 0, count: columnCount)
        let presentCount = present.filter { $0 }.count
        if centred, presentCount > 0 {
            for e in 0..<vals.count { mean[Int(cols[e])] += vals[e] }
            for c in 0..<columnCount { mean[c] /= Double(presentCount) }
        }
        let meanSquare = centred ? mean.reduce(0) { $0 + $1 * $1 } : 0
        var meanProducts = [Double](repeating: 0, count: rows.count)
        var norms = [Double](repeating: 0, count: rows.count)
        for row in 0..<rows.count where present[row] {
            var square = 0.0
            var product = 0.0
            for e in starts[row]..<starts[row + 1] {
                square += vals[e] * vals[e]
                product += vals[e] * mean[Int(cols[e])]
            }
            meanProducts[row] = product
            norms[row] = max(0, square - 2 * product + meanSquare).squareRoot()
        }
        self.meanSquare = meanSquare
        self.meanProducts = meanProducts
        self.norms = norms
    }

    /// The cosine similarity (centred when built so) of row `i` to every row, written into `out` (resized to
    /// ``count``); entries for absent rows, and all entries when row `i` is absent, are 0.
    /// - Complexity: O(Σ over row i's columns of the column's length + count).
    public func similarities(of i: Int, into out: inout [Double]) {
        if out.count != count { out = [Double](repeating: 0, count: count) } else {
            for j in 0..<count { out[j] = 0 }
        }
        guard present[i], norms[i] > 0 else { return }
        for e in rowStarts[i]..<rowStarts[i + 1] {
            let c = Int(columns[e])
            let v = values[e]
            for p in postingStarts[c]..<postingStarts[c + 1] { out[Int(postingRows[p])] += v * postingValues[p] }
        }
        for j in 0..<count {
            guard present[j], norms[j] > 0 else {
                out[j] = 0
                continue
            }
            let dot = centred ? out[j] - meanProducts[i] - meanProducts[j] + meanSquare : out[j]
            out[j] = dot / (norms[i] * norms[j])
        }
    }
}
