import Foundation

/// Positive pointwise mutual information: the weighting that turns co-occurrence counts into association
/// strengths (Levy, Goldberg and Dagan, 2015).
public enum PPMI {
    /// Reweights a nonnegative item × context count matrix `X`:
    ///
    ///     PPMI(i, c) = max(0, log( X[i, c] · Σ_c' n(c')^α / (R(i) · n(c)^α) ))
    ///
    /// where `R(i)` is row `i`'s sum and `n(c)` column `c`'s sum. `α < 1` smooths the context distribution
    /// (0.75 is the usual choice), which keeps rare contexts from dominating. Rows or columns that sum to zero
    /// stay zero; negative associations become 0 and are dropped.
    /// - Complexity: O(entries + rows + columns).
    public static func weighted(_ counts: SparseMatrix, contextSmoothing alpha: Double = 0.75) -> SparseMatrix {
        let rowSums = counts.rowSums
        let smoothed = counts.columnSums.map { $0 > 0 ? pow($0, alpha) : 0 }
        let total = smoothed.reduce(0, +)
        guard total > 0 else { return counts.mapValues { _ in 0 } }
        return counts.mapEntries { row, column, value in
            guard value > 0, rowSums[row] > 0, smoothed[column] > 0 else { return 0 }
            return max(0, log(value * total / (rowSums[row] * smoothed[column])))
        }
    }
}
