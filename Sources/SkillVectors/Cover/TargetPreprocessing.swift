// The target search's preprocessing: dominated candidates dropped.

extension TargetSearch {
    /// The candidates worth searching, in index order: a candidate is dropped when another, with no prerequisites and
    /// required by none (as it is), raises every element it raises at least as far, for no more of each objective
    /// and budget metric, and is better on an objective metric or has a smaller index. Swapping it in keeps a
    /// selection's gain and budgets and gives a better key or, on a tie, a smaller list of indices.
    func undominated() -> [Int] {
        var isRequired = [Bool](repeating: false, count: problem.candidates.count)
        for candidate in problem.candidates { for required in candidate.requires { isRequired[required] = true } }
        // Each candidate's useful level per element it raises (0 elsewhere), as a dense row.
        let elementCount = problem.elements.count
        var useful = [Double](repeating: 0, count: problem.candidates.count * elementCount)
        var gains = [Double](repeating: 0, count: problem.candidates.count)
        for (candidate, item) in problem.candidates.enumerated() {
            for grant in item.grants {
                let element = problem.elements[grant.element]
                let level = min(grant.level, element.required)
                guard level > min(element.current, element.required) else { continue }
                let row = candidate * elementCount + grant.element
                useful[row] = max(useful[row], level)
            }
            for element in 0..<elementCount {
                let level = useful[candidate * elementCount + element]
                if level > 0 {
                    let held = problem.elements[element]
                    gains[candidate] += held.weight * (level - min(held.current, held.required))
                }
            }
        }
        let compared = [1, 2].filter { objective.contains($0) || maxima[$0] != nil }
        let simple = problem.candidates.indices.filter { !hasRequires[$0] && !isRequired[$0] }
        // Per element, the simple candidates raising it: a candidate's dominator raises all its elements, so it is
        // among those raising its least raised element.
        var raising = [[Int]](repeating: [], count: elementCount)
        for candidate in simple {
            for element in 0..<elementCount where useful[candidate * elementCount + element] > 0 { raising[element].append(candidate) }
        }
        var dominated = [Bool](repeating: false, count: problem.candidates.count)
        for weaker in simple {
            let raised = (0..<elementCount).filter { useful[weaker * elementCount + $0] > 0 }
            guard let rarest = raised.min(by: { raising[$0].count < raising[$1].count }) else {
                dominated[weaker] = true  // raises nothing, so never usable
                continue
            }
            for stronger in raising[rarest] where stronger != weaker && gains[stronger] >= gains[weaker] {
                guard compared.allSatisfy({ weights[$0][stronger] <= weights[$0][weaker] }),
                    raised.allSatisfy({ useful[weaker * elementCount + $0] <= useful[stronger * elementCount + $0] }),
                    objective.contains(where: { weights[$0][stronger] < weights[$0][weaker] }) || stronger < weaker
                else { continue }
                dominated[weaker] = true
                break
            }
        }
        return problem.candidates.indices.filter { !dominated[$0] }
    }
}
