// The cover search's preprocessing and first incumbents: dominated candidates dropped, greedy covers.

extension CoverSearch {
    /// The candidates worth searching: those that cover something or are required, minus dominated ones.
    func undominated() -> [Int] {
        var isRequired = [Bool](repeating: false, count: covers.count)
        for list in requires { for candidate in list { isRequired[candidate] = true } }
        let simple = covers.indices.filter { requires[$0].isEmpty && !isRequired[$0] }
        var dominated = [Bool](repeating: false, count: covers.count)
        // Swapping in a dominating candidate must keep the budgets and not worsen the objective (the count is the
        // same); a metric in neither may get worse.
        let compared = [1, 2].filter { objective.contains($0) || maxima[$0] != nil }
        // Larger coverage first, so a dominating candidate is met before the ones it dominates.
        let ordered = simple.sorted { covers[$0].count > covers[$1].count }
        for weaker in ordered where !dominated[weaker] {
            for stronger in ordered where stronger != weaker && !dominated[stronger] {
                if covers[stronger].count < covers[weaker].count { break }
                guard covers[weaker].isSubset(of: covers[stronger]),
                    compared.allSatisfy({ weights[$0][stronger] <= weights[$0][weaker] })
                else { continue }
                if objective.contains(where: { weights[$0][stronger] < weights[$0][weaker] }) || stronger < weaker {
                    dominated[weaker] = true
                    break
                }
            }
        }
        return covers.indices.filter { !dominated[$0] && (isRequired[$0] || !covers[$0].isEmpty) }
    }

    /// A greedy cover within the budgets: cheapest share of the first metric per newly covered element, then
    /// redundant candidates removed. `nil` when greedy finds none.
    func greedy(_ universe: Bits, _ alive: [Int], prices: [Double]? = nil) -> CoverSelection? {
        let primary = objective[0]
        var picked = [Bool](repeating: false, count: covers.count)
        var order: [Int] = []
        var uncovered = universe
        var spent: [Int64] = [0, 0, 0]
        while !uncovered.isEmpty {
            var choice: (candidate: Int, share: Double, gain: Int)?
            for candidate in alive where !picked[candidate] {
                let gain = covers[candidate].intersection(uncovered).count
                guard gain > 0 else { continue }
                let adding = [candidate] + requires[candidate].filter { !picked[$0] }
                let cost = adding.reduce(Int64(0)) { $0 + weights[1][$1] }
                let hours = adding.reduce(Int64(0)) { $0 + weights[2][$1] }
                if let maximum = maxima[1], spent[1] + cost > maximum { continue }
                if let maximum = maxima[2], spent[2] + hours > maximum { continue }
                var value = Double(gain)
                if let prices {
                    value = 1e-9 * Double(gain)
                    covers[candidate].intersection(uncovered).forEachElement { value += prices[$0] }
                }
                let share = Double(adding.reduce(Int64(0)) { $0 + weights[primary][$1] }) / value
                if let current = choice, !(share < current.share || (share == current.share && gain > current.gain)) { continue }
                choice = (candidate, share, gain)
            }
            guard let choice else { return nil }
            for candidate in [choice.candidate] + requires[choice.candidate] where !picked[candidate] {
                picked[candidate] = true
                order.append(candidate)
                uncovered = uncovered.subtracting(covers[candidate])
                spent[1] += weights[1][candidate]
                spent[2] += weights[2][candidate]
            }
        }
        // Drop candidates the others make redundant, most expensive first.
        for candidate in order.sorted(by: { weights[primary][$0] > weights[primary][$1] }) {
            guard !order.contains(where: { picked[$0] && $0 != candidate && requires[$0].contains(candidate) }) else { continue }
            var rest = Bits.empty(capacity: elementCount)
            for other in order where picked[other] && other != candidate { rest = rest.union(covers[other]) }
            if universe.isSubset(of: rest) { picked[candidate] = false }
        }
        let final = order.filter { picked[$0] }.sorted()
        return CoverSelection(
            chosen: final, cost: final.reduce(0) { $0 + weights[1][$1] }, hours: final.reduce(0) { $0 + weights[2][$1] })
    }
}
