// The cover search's tie-break: among selections with the best key, the smallest sorted list of indices.

extension CoverSearch {
    /// Among the selections with the best key, finds the one with the smallest sorted list of indices.
    ///
    /// Candidates are decided in index order: one is in the answer when some selection with the best key contains
    /// it, the ones already in and none already out. The best selection known answers that for its own members;
    /// for any other candidate smaller than its last member, a witness search (stopping at the first such selection)
    /// does, and a witness found becomes the best known. Most candidates fail at the witness search's first node;
    /// each witness search runs on one thread up to `tuning.witnessNodes` nodes, then again on all cores. Stops as
    /// soon as every member of the best known is in; with a time limit, may stop early with `timedOut`.
    func breakTies(_ universe: Bits, _ alive: [Int]) {
        guard var answer = best else { return }
        let key = bestKey
        witnessKey = key
        var forced: [Int] = []
        var out: [Int] = []
        var uncovered = universe
        /// Puts the search in the state of `forced` chosen and `out` excluded (a parallel search clears it).
        func settle() {
            for candidate in forced { chosen[candidate] = true }
            for candidate in out { excluded[candidate] = true }
            chosenList = forced
            totals = (0..<3).map { metric in forced.reduce(0) { $0 + weights[metric][$1] } }
            uncovered = forced.reduce(universe) { $0.subtracting(covers[$1]) }
        }
        defer {
            witnessKey = nil
            for candidate in forced { chosen[candidate] = false }
            for candidate in out { excluded[candidate] = false }
            chosenList = []
            totals = [0, 0, 0]
            found = false
            best = answer
            bestKey = key
        }
        for candidate in alive where forced.count < answer.chosen.count {
            if chosen[candidate] { continue }
            let adding = [candidate] + requires[candidate].filter { !chosen[$0] }
            if Self.position(of: candidate, in: answer.chosen) != nil {
                forced += adding
                settle()
                continue
            }
            if adding.contains(where: { excluded[$0] }) {
                out.append(candidate)
                settle()
                continue
            }
            forced += adding
            settle()
            found = false
            best = nil
            // Most witness searches end within a few nodes: on one thread first, on all only when that runs long
            // (without a budget when the search could not go parallel anyway, so nothing is searched twice).
            let parallel = tuning.workers > 1 && alive.count >= tuning.parallelMinimum
            nodeBudget = parallel ? nodes + tuning.witnessNodes : nil
            search(uncovered, alive)
            nodeBudget = nil
            if overBudget {
                timedOut = false
                overBudget = false
                if let deadline, ContinuousClock.now >= deadline { timedOut = true; return }
                mainSearch(uncovered, alive, forced: forced, excluded: out)
                bestKey = key
            }
            if timedOut { return }
            if found, let witness = best {
                answer = witness
            } else {
                for item in adding { chosen[item] = false }
                forced.removeLast(adding.count)
                out.append(candidate)
            }
            settle()
        }
    }
}
