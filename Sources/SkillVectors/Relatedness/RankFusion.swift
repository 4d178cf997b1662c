/// Reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009): several rankings of the same items combined by
/// their ranks alone, so views whose scores live on different scales (cosines, counts, zone differences) need no
/// calibration, and one view's outliers cannot dominate.
///
///     fused(j) = Σ_v  1 / (k + rank_v(j))
///
/// over the views `v` that rank `j`, with `k = 60` (the constant of the paper, not tuned here) and `rank_v(j)` the
/// item's mid-rank in view `v` (1 for the best; items with equal scores share the mean of the ranks they span).
public enum RankFusion {
    /// The constant `k`.
    public static let constant = 60.0

    /// Mid-ranks, 1-based, of `scores` (higher is better) for the positions listed in `items`: `ranks[j]` for each
    /// `j` in `items` is set; other entries of `ranks` are left alone.
    /// - Complexity: O(n log n) for n = `items.count`.
    public static func midRanks(_ scores: [Double], items: [Int], into ranks: inout [Double]) {
        let order = items.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count && scores[order[end]] == scores[order[start]] { end += 1 }
            // Positions start..<end hold ranks start+1 ... end; their mean is (start + 1 + end) / 2.
            let rank = Double(start + 1 + end) / 2
            for position in start..<end { ranks[order[position]] = rank }
            start = end
        }
    }

    /// The contribution of one view's rank to the fused score.
    @inlinable
    public static func contribution(rank: Double) -> Double { 1 / (constant + rank) }
}
