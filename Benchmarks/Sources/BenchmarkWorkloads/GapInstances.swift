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

    /// The sizes the issue asks for: gap skills × relevant credentials.
    public static let sizes: [(skills: Int, credentials: Int)] = [(15, 200), (30, 500), (60, 2_000)]
}
