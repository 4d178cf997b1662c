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
    /// The fewest candidates the ascent steps over when it does not step over all (see ``activeSet(_:minimum:)``).
    let activeMinimum: Int

    init(elementCount: Int, activeMinimum: Int = 64) {
        multipliers = Array(repeating: 0, count: elementCount)
        self.activeMinimum = activeMinimum
    }

    /// The current multiplier of each element: a price per element for primal heuristics.
    var prices: [Double] { multipliers }

    /// What is minimised over a node's candidates: their weights `w_c`, and at most one of a side constraint
    /// (each candidate's side weight `v_c` and the budget `K`, relaxed with `λ`) or a pick limit (at most `pick`
    /// candidates, a side constraint of weight 1 each kept in the subproblem instead: the subproblem takes the
    /// `pick` most negative reduced costs).
    struct Relaxation {
        var weight: [Double]
        var side: (weights: [Double], budget: Double)? = nil
        var pick: Int? = nil
    }

    /// A bound with the multipliers that gave it.
    struct Result {
        /// The best bound found.
        var bound: Double
        /// Each candidate's reduced cost at `u`: a selection containing it is bounded below by `bound + max(0, reduced)`.
        var reduced: [Double]
        /// The multiplier of each uncovered element, by position.
        var u: [Double]
        var lambda: Double
        /// The candidates with the smallest reduced costs at `u`, for stepping on children (`nil`: all).
        var active: [Int32]?
        /// Every candidate not in `active` has a reduced cost above this at `u`.
        var inactiveFloor: Double
    }

    /// The best bound found, stopping early once it exceeds `stopAbove`, with each candidate's reduced cost
    /// `w_c + λ·v_c − Σ_{e ∈ c ∩ U} u_e` at the multipliers that gave it.
    ///
    /// - Parameter start: a dual-feasible starting point per element (for example the charging bound's shares),
    ///   used when no multipliers are kept from earlier calls.
    mutating func bound(
        _ context: NodeContext, _ relaxation: Relaxation, start: [Double], stopAbove: Double, iterations: Int = 60
    ) -> Result {
        let elements = context.elements
        var u = elements.indices.map { position in max(multipliers[elements[position]], 0) }
        if u.allSatisfy({ $0 == 0 }) { u = start }
        let lambda = relaxation.side == nil ? 0 : self.lambda
        let active = Self.activeSet(Self.reducedCosts(context, relaxation, u: u, lambda: lambda), minimum: activeMinimum)
        let ascent = Self.ascend(
            context, relaxation, u: u, lambda: lambda, removed: nil, skip: nil, active: active?.candidates,
            stopAbove: stopAbove, iterations: iterations)
        for (position, element) in elements.enumerated() { multipliers[element] = ascent.u[position] }
        if relaxation.side != nil { self.lambda = ascent.lambda }
        // The bound over every candidate, from their reduced costs at the best multipliers.
        var reduced = Self.reducedCosts(context, relaxation, u: ascent.u, lambda: ascent.lambda)
        var picked = Picked(limit: relaxation.pick ?? 0)
        var bound = ascent.u.reduce(0, +) - ascent.lambda * (relaxation.side?.budget ?? 0)
        for (candidate, value) in reduced.enumerated() where value < 0 {
            if relaxation.pick != nil { picked.offer(candidate, value) } else { bound += value }
        }
        bound += picked.values.reduce(0, +)
        if ascent.best == -.infinity { bound = -.infinity }  // no step was taken
        let nextActive = Self.activeSet(reduced, minimum: activeMinimum)
        if let pick = relaxation.pick {
            // Forcing a candidate the subproblem left out swaps it for the least negative one it took, if it took
            // `pick`; forcing one it took changes nothing.
            let displaced = picked.candidates.count == pick ? picked.values.last ?? 0 : 0
            for index in reduced.indices { reduced[index] -= displaced }
            for candidate in picked.candidates { reduced[candidate] = 0 }
        }
        return Result(
            bound: bound, reduced: reduced, u: ascent.u, lambda: ascent.lambda, active: nextActive?.candidates,
            inactiveFloor: nextActive?.floor ?? 0)
    }

    /// The bound a child of the node reaches within `iterations` steps (fewer once above `stopAbove`) from the node's
    /// multipliers: the node's problem with the elements at positions `removed` already covered and the candidates
    /// `skip` unusable, under the child's `relaxation` (its pick limit or budget reduced by what the child adds).
    /// A cheap test before setting the child up: most children are pruned in their first few steps.
    ///
    /// Returns `-∞` when the steps over the active candidates do not exceed `stopAbove`: only a proof is wanted.
    static func childBound(
        _ context: NodeContext, _ relaxation: Relaxation, from result: Result, removed: [Bool], skip: [Bool],
        stopAbove: Double, iterations: Int
    ) -> Double {
        let ascent = ascend(
            context, relaxation, u: result.u, lambda: result.lambda, removed: removed, skip: skip,
            active: result.active, stopAbove: stopAbove, iterations: iterations)
        guard result.active != nil else { return ascent.best }
        guard ascent.best > stopAbove else { return -.infinity }
        // The candidates left out had reduced costs above `inactiveFloor` at the node's multipliers (covering
        // elements cannot lower them); none can have turned negative if no candidate's elements gained more than
        // that: the bound over the active ones is then the bound over all. Under a pick limit, a left-out candidate
        // only matters if its reduced cost falls below the largest of the `pick` taken, when that many were.
        if relaxation.side == nil || ascent.lambda >= result.lambda {
            var gains = zip(ascent.u, result.u).map { max(0, $0 - $1) }
            gains.sort(by: >)
            var threshold = 0.0
            if let pick = relaxation.pick, ascent.picked.candidates.count == pick { threshold = min(0, ascent.picked.values.last ?? 0) }
            if gains.prefix(context.maxGain).reduce(0, +) <= result.inactiveFloor - threshold { return ascent.best }
        }
        var subgradient = [Double](repeating: 0, count: result.u.count)
        var picked = Picked(limit: relaxation.pick ?? 0)
        return evaluate(
            context, relaxation, u: ascent.u, lambda: ascent.lambda, over: nil, skip: skip, base: subgradient,
            subgradient: &subgradient, picked: &picked).value
    }

    /// Every candidate's reduced cost `w_c + λ·v_c − Σ_{e ∈ c} u_e`.
    private static func reducedCosts(_ context: NodeContext, _ relaxation: Relaxation, u: [Double], lambda: Double) -> [Double] {
        (0..<context.count).map { candidate in
            context.positions[context.starts[candidate] ..< context.starts[candidate + 1]]
                .reduce(relaxation.weight[candidate] + lambda * (relaxation.side?.weights[candidate] ?? 0)) { $0 - u[Int($1)] }
        }
    }

    /// The candidates the ascent steps over: those with the smallest reduced costs, when there are many. Steps on
    /// them alone find multipliers much faster; the bound is then evaluated over every candidate (see ``ascend``),
    /// so it stays valid whatever the others do.
    private static func activeSet(_ reduced: [Double], minimum: Int) -> (candidates: [Int32], floor: Double)? {
        let size = max(minimum, reduced.count / 8)
        guard reduced.count > 2 * size else { return nil }
        var values = reduced
        let threshold = kthSmallest(&values, size - 1)
        var active: [Int32] = []
        active.reserveCapacity(size + 8)
        for (candidate, value) in reduced.enumerated() where value <= threshold { active.append(Int32(candidate)) }
        return (active, threshold)
    }

    /// The `k`-th smallest value (from 0), by quickselect; reorders `values`.
    private static func kthSmallest(_ values: inout [Double], _ k: Int) -> Double {
        var low = 0
        var high = values.count - 1
        while low < high {
            let pivot = values[(low + high) / 2]
            var i = low
            var j = high
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j { high = j } else if k >= i { low = i } else { return values[k] }
        }
        return values[k]
    }

    /// Subgradient ascent from `(u, λ)`. Removed positions keep a zero multiplier and no constraint; skipped
    /// candidates take no part. Steps go over the `active` candidates only (all when `nil`): the value returned is
    /// then over those alone, and the caller must check it over all before relying on it.
    private static func ascend(
        _ context: NodeContext, _ relaxation: Relaxation, u initialU: [Double], lambda initialLambda: Double,
        removed: [Bool]?, skip: [Bool]?, active: [Int32]?, stopAbove: Double, iterations: Int
    ) -> (best: Double, u: [Double], lambda: Double, picked: Picked) {
        let side = relaxation.side
        var u = initialU
        var base = [Double](repeating: 1, count: u.count)  // the subgradient before subtracting coverage
        if let removed {
            for position in u.indices where removed[position] {
                u[position] = 0
                base[position] = 0
            }
        }
        var lambda = initialLambda
        var best = -Double.infinity
        var bestU = u
        var bestLambda = lambda
        var step = 2.0
        var stale = 0
        var subgradient = base
        var picked = Picked(limit: relaxation.pick ?? 0)
        var bestPicked = picked
        for _ in 0..<iterations {
            let (value, sideGradient) = evaluate(
                context, relaxation, u: u, lambda: lambda, over: active, skip: skip, base: base,
                subgradient: &subgradient, picked: &picked)
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
        return (best, bestU, bestLambda, bestPicked)
    }

    /// The Lagrangian value at `(u, λ)` over the `active` candidates (all when `nil`), with its subgradient and,
    /// under a pick limit, the candidates the subproblem takes.
    private static func evaluate(
        _ context: NodeContext, _ relaxation: Relaxation, u: [Double], lambda: Double, over active: [Int32]?,
        skip: [Bool]?, base: [Double], subgradient: inout [Double], picked: inout Picked
    ) -> (value: Double, sideGradient: Double) {
        let budget = relaxation.side?.budget ?? 0
        let sideWeights = relaxation.side?.weights ?? []
        let picking = relaxation.pick != nil
        var value = u.reduce(0, +) - lambda * budget
        var sideGradient = -budget
        if picking { picked.reset() }
        subgradient.withUnsafeMutableBufferPointer { subgradient in
            for index in subgradient.indices { subgradient[index] = base[index] }
            context.positions.withUnsafeBufferPointer { positions in
                context.starts.withUnsafeBufferPointer { starts in
                    relaxation.weight.withUnsafeBufferPointer { weight in
                        u.withUnsafeBufferPointer { u in
                            func visit(_ candidate: Int) {
                                var reduced = weight[candidate]
                                if !sideWeights.isEmpty { reduced += lambda * sideWeights[candidate] }
                                for index in starts[candidate] ..< starts[candidate + 1] { reduced -= u[Int(positions[index])] }
                                guard reduced < 0, skip?[candidate] != true else { return }
                                if picking {
                                    picked.offer(candidate, reduced)
                                } else {
                                    value += reduced
                                    for index in starts[candidate] ..< starts[candidate + 1] { subgradient[Int(positions[index])] -= 1 }
                                    if !sideWeights.isEmpty { sideGradient += sideWeights[candidate] }
                                }
                            }
                            if let active {
                                for candidate in active { visit(Int(candidate)) }
                            } else {
                                for candidate in 0..<context.count { visit(candidate) }
                            }
                            if picking {
                                for (candidate, reduced) in zip(picked.candidates, picked.values) {
                                    value += reduced
                                    for index in starts[candidate] ..< starts[candidate + 1] { subgradient[Int(positions[index])] -= 1 }
                                }
                            }
                        }
                    }
                }
            }
        }
        return (value, sideGradient)
    }
}

/// A node's uncovered elements and, for each usable candidate, the positions among them that it covers, stored
/// flat: candidate `i` covers `positions[starts[i] ..< starts[i + 1]]`.
struct NodeContext {
    let elements: [Int]
    let starts: [Int]
    let positions: [Int32]
    /// The most elements any one candidate covers.
    let maxGain: Int

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
        maxGain = next.reduce(0) { max($0, $1.gain) }
    }

    /// The number of candidates.
    var count: Int { starts.count - 1 }
}

/// The at most `limit` most negative reduced costs seen, ties to the smaller candidate (offered in ascending order).
struct Picked {
    let limit: Int
    private var count = 0
    private var candidateStore: [Int]
    private var valueStore: [Double]

    init(limit: Int) {
        self.limit = max(0, limit)
        candidateStore = Array(repeating: 0, count: self.limit)
        valueStore = Array(repeating: 0, count: self.limit)
    }

    /// The candidates kept, by ascending value.
    var candidates: ArraySlice<Int> { candidateStore[..<count] }
    /// Their values, ascending.
    var values: ArraySlice<Double> { valueStore[..<count] }

    mutating func reset() { count = 0 }

    /// Keeps `value` if it is among the `limit` smallest so far (values kept in ascending order, a later value
    /// after equal ones). Shifts in place in fixed storage: this runs for every negative reduced cost of every
    /// subgradient step.
    mutating func offer(_ candidate: Int, _ value: Double) {
        guard limit > 0 else { return }
        var position = count
        if count == limit {
            guard value < valueStore[limit - 1] else { return }
            position = limit - 1
        } else {
            count += 1
        }
        valueStore.withUnsafeMutableBufferPointer { values in
            candidateStore.withUnsafeMutableBufferPointer { candidates in
                while position > 0, values[position - 1] > value {
                    values[position] = values[position - 1]
                    candidates[position] = candidates[position - 1]
                    position -= 1
                }
                values[position] = value
                candidates[position] = candidate
            }
        }
    }
}
