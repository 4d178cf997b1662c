/// Nearest neighbours by inner product among the rows of a `Float` matrix, exactly ranked.
///
/// The exact score of rows `i` and `j` is their inner product accumulated in `Double` in index order, plus an
/// optional pairwise adjustment. ``neighbours(of:k:adjustment:)`` computes it for one row against all;
/// ``allNeighbours(k:blockSize:adjustment:)`` does every row with blocked BLAS `sgemm` (a block of rows against all
/// rows) feeding a top-k selection, and recomputes in `Double` every candidate within the proven `Float` error bound
/// of the k-th best, so both give the same lists and scores bit for bit. Ranked by score rounded to 6 decimals,
/// descending, then row index; a row is never its own neighbour.
public struct SimilaritySearch: Sendable {
    /// The rows searched, one item per row.
    public let vectors: DenseMatrix<Float>
    private let largestNorm: Double

    /// An index over the rows of `vectors`.
    public init(vectors: DenseMatrix<Float>) {
        self.vectors = vectors
        var largest = 0.0
        for row in 0..<vectors.rows {
            var sum = 0.0
            for column in 0..<vectors.columns { sum += Double(vectors[row, column]) * Double(vectors[row, column]) }
            largest = max(largest, sum.squareRoot())
        }
        largestNorm = largest
    }

    /// The exact inner product of rows `i` and `j`, accumulated in `Double` in index order.
    public func innerProduct(_ i: Int, _ j: Int) -> Double {
        vectors.withUnsafeStorage { base in
            guard let base else { return 0 }
            let d = vectors.columns
            return Self.dot(base + i * d, base + j * d, d)
        }
    }

    /// The exact inner product of an outside vector with row `j`.
    public func innerProduct(_ query: [Float], _ j: Int) -> Double {
        precondition(query.count == vectors.columns, "query length \(query.count), expected \(vectors.columns)")
        return vectors.withUnsafeStorage { base in
            guard let base else { return 0 }
            return query.withUnsafeBufferPointer { Self.dot($0.baseAddress!, base + j * vectors.columns, vectors.columns) }
        }
    }

    static func dot(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, _ count: Int) -> Double {
        var sum = 0.0
        for index in 0..<count { sum += Double(x[index]) * Double(y[index]) }
        return sum
    }

    /// The `k` rows nearest to row `i` (never `i` itself), exactly scored.
    /// - Parameter adjustment: added to the inner product of each pair `(i, j)`.
    /// - Complexity: O(rows × columns + rows · log k).
    public func neighbours(of i: Int, k: Int, adjustment: (Int, Int) -> Double = { _, _ in 0 }) -> [RankedIndex] {
        var scored: [RankedIndex] = []
        scored.reserveCapacity(vectors.rows)
        for j in 0..<vectors.rows where j != i { scored.append(RankedIndex(index: j, score: innerProduct(i, j) + adjustment(i, j))) }
        return TopK.best(scored, k: k)
    }

    /// The `k` nearest rows of every row, in row order; equal to ``neighbours(of:k:adjustment:)`` for each row.
    /// - Complexity: O(rows² × columns) in `sgemm`, plus O(rows × contenders × columns) exact recomputation.
    public func allNeighbours(
        k: Int, blockSize: Int = 256, adjustment: (Int, Int) -> Double = { _, _ in 0 }
    ) -> [[RankedIndex]] {
        let (n, d) = (vectors.rows, vectors.columns)
        guard k > 0, n > 1 else { return Array(repeating: [], count: n) }
        let unit = 0x1p-24
        let gamma = Double(d) * unit / (1 - Double(d) * unit) * largestNorm * largestNorm
        let margin = 2 * gamma + 1e-6
        var result: [[RankedIndex]] = []
        result.reserveCapacity(n)
        var block = [Float](repeating: 0, count: min(blockSize, n) * n)
        var approximate: [RankedIndex] = []
        var contenders: [RankedIndex] = []
        for start in stride(from: 0, to: n, by: blockSize) {
            let rows = min(blockSize, n - start)
            vectors.withUnsafeStorage { base in
                block.withUnsafeMutableBufferPointer { out in
                    Float.gemmABt(m: rows, n: n, k: d, a: base! + start * d, lda: d, b: base!, ldb: d,
                                  c: out.baseAddress!, ldc: n)
                }
            }
            for offset in 0..<rows {
                let i = start + offset
                approximate.removeAll(keepingCapacity: true)
                for j in 0..<n where j != i {
                    approximate.append(RankedIndex(index: j, score: Double(block[offset * n + j]) + adjustment(i, j)))
                }
                let kth = TopK.best(approximate, k: k).last!.score
                contenders.removeAll(keepingCapacity: true)
                for candidate in approximate where candidate.score >= kth - margin {
                    contenders.append(RankedIndex(index: candidate.index, score: innerProduct(i, candidate.index) + adjustment(i, candidate.index)))
                }
                result.append(TopK.best(contenders, k: k))
            }
        }
        return result
    }
}
