/// A lower bound for covering, by Lagrangian relaxation and subgradient ascent.
///
/// For uncovered elements `U`, candidates `c` with weight `w_c` and side weight `v_c`, and a side budget `K`:
///
///     minimise Σ w_c x_c   subject to   Σ_{c ∋ e} x_c ≥ 1 for e in U,   Σ v_c x_c ≤ K,   x_c in {0, 1}
///
/// relaxing both constraints with multipliers `u_e ≥ 0` and `λ ≥ 0` gives, for any such multipliers,
///
///     L(u, λ) = Σ_e u_e − λ·K + Σ_c min(0, w_c + λ·v_c − Σ_{e ∈ c ∩ U} u_e)  ≤  the optimum,
///
/// and subgradient steps on `(u, λ)` raise `L` towards the linear-programming bound. Multipliers are kept
/// between calls (warm start); any values give a valid bound.
struct LagrangianBound {
    /// Multipliers by element id, kept across calls.
    private var multipliers: [Double]
    private var lambda = 0.0

    init(elementCount: Int) { multipliers = Array(repeating: 0, count: elementCount) }

    /// The current multiplier of each element: a price per element for primal heuristics.
    var prices: [Double] { multipliers }

    /// The best bound found, stopping early once it exceeds `stopAbove`, and each candidate's reduced cost
    /// `w_c + λ·v_c − Σ_{e ∈ c ∩ U} u_e` at the multipliers that gave it: a selection containing `c` is bounded
    /// below by `bound + max(0, reduced_c)`.
    ///
    /// - Parameters:
    ///   - elements: the uncovered elements.
    ///   - members: for each candidate, the positions in `elements` it covers.
    ///   - weight: each candidate's weight `w_c`.
    ///   - side: each candidate's side weight `v_c` and the budget `K`, or `nil` for no side constraint.
    ///   - pick: at most this many candidates (a side constraint of weight 1 each, kept in the subproblem instead of
    ///     relaxed: the subproblem takes the `pick` most negative reduced costs); `side` must then be `nil`.
    ///   - start: a dual-feasible starting point per element (for example the charging bound's shares).
    mutating func bound(
        _ context: NodeContext, weight: [Double], side: (weights: [Double], budget: Double)?, pick: Int? = nil,
        start: [Double], stopAbove: Double, iterations: Int = 60
    ) -> (bound: Double, reduced: [Double]) {
        let elements = context.elements
        var u = elements.indices.map { position in max(multipliers[elements[position]], 0) }
        if u.allSatisfy({ $0 == 0 }) { u = start }
        var lambda = side == nil ? 0 : self.lambda
        var best = -Double.infinity
        var bestU = u
        var bestLambda = lambda
        var step = 2.0
        var stale = 0
        var subgradient = [Double](repeating: 0, count: elements.count)
        var picked = Picked(limit: pick ?? 0)
        var bestPicked = picked
        for _ in 0..<iterations {
            var value = u.reduce(0, +) - lambda * (side?.budget ?? 0)
            for index in subgradient.indices { subgradient[index] = 1 }
            var sideGradient = -(side?.budget ?? 0)
            if pick != nil {
                picked.reset()
                context.positions.withUnsafeBufferPointer { positions in
                    for candidate in 0..<context.count {
                        var reduced = weight[candidate]
                        for index in context.starts[candidate] ..< context.starts[candidate + 1] { reduced -= u[Int(positions[index])] }
                        if reduced < 0 { picked.offer(candidate, reduced) }
                    }
                    for (candidate, reduced) in zip(picked.candidates, picked.values) {
                        value += reduced
                        for index in context.starts[candidate] ..< context.starts[candidate + 1] { subgradient[Int(positions[index])] -= 1 }
                    }
                }
            } else {
            context.positions.withUnsafeBufferPointer { positions in
                for candidate in 0..<context.count {
                    let covered = context.starts[candidate] ..< context.starts[candidate + 1]
                    var reduced = weight[candidate] + lambda * (side?.weights[candidate] ?? 0)
                    for index in covered { reduced -= u[Int(positions[index])] }
                    if reduced < 0 {
                        value += reduced
                        for index in covered { subgradient[Int(positions[index])] -= 1 }
                        sideGradient += side?.weights[candidate] ?? 0
                    }
                }
            }
            }
            if value > best + 1e-12 {
                best = value
                bestU = u
                bestLambda = lambda
                bestPicked = picked
                stale = 0
            } else {
                stale += 1
                if stale >= 4 { step /= 2; stale = 0 }
            }
            if best > stopAbove || step < 1e-3 { break }
            var norm = 0.0
            for (index, g) in subgradient.enumerated() where g > 0 || u[index] > 0 { norm += g * g }
            if side != nil, sideGradient > 0 || lambda > 0 { norm += sideGradient * sideGradient }
            if norm == 0 { break }  // The relaxed solution is feasible: the bound is optimal for these multipliers.
            let gap = stopAbove.isFinite ? max(stopAbove - value, 1e-9 * max(1, abs(value))) : max(abs(value) * 0.1, 1)
            let t = step * gap / norm
            for index in u.indices { u[index] = max(0, u[index] + t * subgradient[index]) }
            if side != nil { lambda = max(0, lambda + t * sideGradient) }
        }
        for (position, element) in elements.enumerated() { multipliers[element] = bestU[position] }
        if side != nil { self.lambda = bestLambda }
        var reduced = (0..<context.count).map { candidate in
            context.positions[context.starts[candidate] ..< context.starts[candidate + 1]]
                .reduce(weight[candidate] + bestLambda * (side?.weights[candidate] ?? 0)) { $0 - bestU[Int($1)] }
        }
        if let pick {
            // Forcing a candidate the subproblem left out swaps it for the least negative one it took, if it took
            // `pick`; forcing one it took changes nothing.
            let displaced = bestPicked.candidates.count == pick ? bestPicked.values.max() ?? 0 : 0
            for index in reduced.indices { reduced[index] -= displaced }
            for candidate in bestPicked.candidates { reduced[candidate] = 0 }
        }
        return (best, reduced)
    }
}

/// A node's uncovered elements and, for each usable candidate, the positions among them that it covers, stored
/// flat: candidate `i` covers `positions[starts[i] ..< starts[i + 1]]`.
struct NodeContext {
    let elements: [Int]
    let starts: [Int]
    let positions: [Int32]

    init<Bits: CoverBits>(uncovered: Bits, next: [(candidate: Int, gain: Int)], elementCount: Int, covers: [Bits]) {
        var elements: [Int] = []
        uncovered.forEachElement { elements.append($0) }
        var position = [Int32](repeating: -1, count: elementCount)
        for (index, element) in elements.enumerated() { position[element] = Int32(index) }
        var starts = [0]
        starts.reserveCapacity(next.count + 1)
        var positions: [Int32] = []
        positions.reserveCapacity(next.reduce(0) { $0 + $1.gain })
        for item in next {
            covers[item.candidate].intersection(uncovered).forEachElement { positions.append(position[$0]) }
            starts.append(positions.count)
        }
        self.elements = elements
        self.starts = starts
        self.positions = positions
    }

    /// The number of candidates.
    var count: Int { starts.count - 1 }
}

/// The at most `limit` most negative reduced costs seen, ties to the smaller candidate (offered in ascending order).
struct Picked {
    let limit: Int
    private(set) var candidates: [Int] = []
    private(set) var values: [Double] = []

    init(limit: Int) {
        self.limit = limit
        candidates.reserveCapacity(limit + 1)
        values.reserveCapacity(limit + 1)
    }

    mutating func reset() {
        candidates.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
    }

    /// Keeps `value` if it is among the `limit` smallest so far (values kept in ascending order).
    mutating func offer(_ candidate: Int, _ value: Double) {
        guard limit > 0 else { return }
        if values.count == limit {
            guard value < values[limit - 1] else { return }
            values.removeLast()
            candidates.removeLast()
        }
        var position = values.count
        while position > 0, values[position - 1] > value { position -= 1 }
        values.insert(value, at: position)
        candidates.insert(candidate, at: position)
    }
}
