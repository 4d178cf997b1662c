import SkillVectors

/// Random gap-closure instances: `skills` gap skills, `credentials` credentials relevant to them.
///
/// Each credential covers between 1 and `maxCover` gap skills chosen uniformly (a credential grants a handful of
/// skills, of which a few are in any one gap), costs $50–$1,500 and takes 5–200 hours; every skill is covered
/// by at least one credential. The same seed gives the same instance on every machine.
public enum GapInstances {
    /// One instance.
    public static func make(skills: Int, credentials: Int, maxCover: Int = 6, seed: UInt64) -> CoverProblem {
        var random = SplitMix64(seed: seed)
        let candidates = (0..<credentials).map { _ -> CoverCandidate in
            let size = Int.random(in: 1...min(maxCover, skills), using: &random)
            let covers = Array((0..<skills).shuffled(using: &random).prefix(size)).sorted()
            return CoverCandidate(
                covers: covers, cost: Int64(Int.random(in: 50...1_500, using: &random)) * 100,
                hours: Int64(Int.random(in: 5...200, using: &random)) * 100)
        }
        return coverable(skills: skills, candidates: candidates, using: &random)
    }

    /// One instance of the density family: each credential covers each gap skill with probability `density`
    /// (at least one), so wider gaps meet wider credentials; costs and hours as in ``make(skills:credentials:maxCover:seed:)``.
    public static func make(skills: Int, credentials: Int, density: Double, seed: UInt64) -> CoverProblem {
        var random = SplitMix64(seed: seed &* 0x9E37_79B9 &+ 17)
        let candidates = (0..<credentials).map { _ -> CoverCandidate in
            var covers = (0..<skills).filter { _ in Double.random(in: 0..<1, using: &random) < density }
            if covers.isEmpty { covers = [Int.random(in: 0..<skills, using: &random)] }
            return CoverCandidate(
                covers: covers, cost: Int64(Int.random(in: 50...1_500, using: &random)) * 100,
                hours: Int64(Int.random(in: 5...200, using: &random)) * 100)
        }
        return coverable(skills: skills, candidates: candidates, using: &random)
    }

    /// One instance of the clustered family, closer to real catalogues: the gap skills fall into domains of six
    /// related skills (cloud, data, security, …); each credential teaches 2–8 skills, each from its own domain
    /// with probability 0.8 and from anywhere otherwise, takes 5–200 hours and costs $50 plus $2–$10 per hour
    /// (at most $1,500), so longer courses cost more.
    public static func makeClustered(skills: Int, credentials: Int, seed: UInt64) -> CoverProblem {
        var random = SplitMix64(seed: seed &* 0xC2B2_AE35 &+ 29)
        let domainSize = 6
        let domains = (skills + domainSize - 1) / domainSize
        let candidates = (0..<credentials).map { _ -> CoverCandidate in
            let home = Int.random(in: 0..<domains, using: &random)
            let homeSkills = home * domainSize ..< min(skills, (home + 1) * domainSize)
            let draws = Int.random(in: 2...8, using: &random)
            var covers = Set<Int>()
            for _ in 0..<draws {
                covers.insert(Double.random(in: 0..<1, using: &random) < 0.8
                    ? Int.random(in: homeSkills, using: &random) : Int.random(in: 0..<skills, using: &random))
            }
            let hours = Int64(Int.random(in: 5...200, using: &random))
            let cost = min(1_500, 50 + hours * Int64(Int.random(in: 2...10, using: &random)))
            return CoverCandidate(covers: covers.sorted(), cost: cost * 100, hours: hours * 100)
        }
        return coverable(skills: skills, candidates: candidates, using: &random)
    }

    /// The problem, with each skill no credential covers given to a random credential, so every skill is coverable.
    private static func coverable(skills: Int, candidates: [CoverCandidate], using random: inout SplitMix64) -> CoverProblem {
        var candidates = candidates
        let covered = Set(candidates.flatMap(\.covers))
        for skill in 0..<skills where !covered.contains(skill) {
            let index = Int.random(in: 0..<candidates.count, using: &random)
            candidates[index].covers = (candidates[index].covers + [skill]).sorted()
        }
        return CoverProblem(elementCount: skills, candidates: candidates)
    }

    /// The same instance with every cost and hours unknown (0, as the gap planner counts them): every selection of
    /// the fewest credentials ties, and only the smallest sorted list of ids decides.
    public static func unknownWeights(_ problem: CoverProblem) -> CoverProblem {
        var problem = problem
        problem.candidates = problem.candidates.map { candidate in
            var candidate = candidate
            candidate.cost = 0
            candidate.hours = 0
            return candidate
        }
        return problem
    }

    /// The `gap --target` variant of an instance: every gap skill weighs the same, is held at 0 and required at 1,
    /// and the selection must reach `share` of the whole gap (the fewest credentials, then the same objective).
    public static func target(_ problem: CoverProblem, share: Double) -> TargetProblem {
        let skills = problem.elementCount
        let elements = (0..<skills).map { _ in TargetElement(weight: 1 / Double(skills), current: 0, required: 1) }
        let candidates = problem.candidates.map { candidate in
            TargetCandidate(grants: candidate.covers.map { (element: $0, level: 1.0) }, cost: candidate.cost, hours: candidate.hours)
        }
        return TargetProblem(elements: elements, candidates: candidates, needed: share, objective: problem.objective)
    }

    /// The sizes the issue asks for: gap skills × relevant credentials.
    public static let sizes: [(skills: Int, credentials: Int)] = [(15, 200), (30, 500), (60, 2_000)]
}
