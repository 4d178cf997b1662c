import Foundation
import SkillMatch

/// Requirements for O*NET occupations that O*NET describes but does not rate (44 of 923 in 29.3, among them Software
/// Developers and Data Scientists), averaged from the rated occupations nearest to each by what O*NET does publish.
///
/// **Similarity** of an unrated occupation `u` to a rated one `j`:
///
///     sim(u, j) = 0.5 · cos_DWA(u, j) + 0.3 · cos_tech(u, j) + 0.1 · [same SOC minor group] + 0.1 · [same SOC broad group]
///                 − 0.05 · |zone(u) − zone(j)|
///
/// where `cos_DWA` is the cosine of the two occupations' sets of detailed work activities (`Tasks to DWAs`) and
/// `cos_tech` that of their technologies (`Technology Skills`), each item weighted by its inverse document frequency
/// `log(N / df)` over the N occupations that have any; the SOC minor group is the code's first 5 characters
/// (`15-12`), the broad group its first 6 (`15-125`); the zone term applies when both have a job zone.
///
/// **Average.** The `k` = 5 most similar rated occupations with `sim > 0` (ties by id) are the sources, weighted by
/// `sim`. An element (skill or knowledge) becomes a requirement when the sources that rate it hold at least half of
/// the total weight; its importance is the weighted mean of their IM values, its level the weighted mean of their LV
/// values divided by 7 (the mean LV is kept as `originalLevel`). The job records the sources and their similarities
/// as ``DerivedRequirements`` (method `nearest-rated`); its own technologies are then added as for rated occupations.
struct OnetDerivedRequirements {
    /// How many rated occupations are averaged.
    static let neighbours = 5
    /// The share of the sources' weight that must rate an element for it to become a requirement.
    static let support = 0.5

    /// Per occupation, its detailed work activities (DWA ids).
    let activities: [String: Set<String>]
    /// Per occupation, its technologies (skill ids).
    let technologies: [String: Set<String>]
    /// Per occupation, its job zone.
    let zones: [String: Int]
    private let activityIDF: [String: Double]
    private let technologyIDF: [String: Double]

    init(activities: [String: Set<String>], technologies: [String: Set<String>], zones: [String: Int]) {
        self.activities = activities
        self.technologies = technologies
        self.zones = zones
        activityIDF = Self.idf(activities)
        technologyIDF = Self.idf(technologies)
    }

    /// The derived requirements of `occupation` from the rated ones (`rated`: occupation → its rated requirements).
    func derive(for occupation: String, rated: [String: [Requirement]]) -> (requirements: [Requirement], origin: DerivedRequirements)? {
        var scored: [(job: String, similarity: Double)] = []
        for job in rated.keys where job != occupation {
            var similarity = 0.5 * Self.cosine(activities[occupation], activities[job], idf: activityIDF)
                + 0.3 * Self.cosine(technologies[occupation], technologies[job], idf: technologyIDF)
            if occupation.prefix(5) == job.prefix(5) { similarity += 0.1 }
            if occupation.prefix(6) == job.prefix(6) { similarity += 0.1 }
            if let a = zones[occupation], let b = zones[job] { similarity -= 0.05 * Double(abs(a - b)) }
            if similarity > 0 { scored.append((job, similarity)) }
        }
        scored.sort { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.job < $1.job }
        let sources = Array(scored.prefix(Self.neighbours))
        guard !sources.isEmpty else { return nil }
        let total = sources.reduce(0) { $0 + $1.similarity }
        var sums: [String: (weight: Double, importance: Double, level: Double)] = [:]
        for source in sources {
            for requirement in rated[source.job] ?? [] {
                let level = requirement.originalLevel ?? requirement.level * 7
                var sum = sums[requirement.skill] ?? (0, 0, 0)
                sum.weight += source.similarity
                sum.importance += source.similarity * requirement.importance
                sum.level += source.similarity * level
                sums[requirement.skill] = sum
            }
        }
        let requirements = sums.sorted { $0.key < $1.key }.compactMap { skill, sum -> Requirement? in
            guard sum.weight >= Self.support * total else { return nil }
            let level = sum.level / sum.weight
            return Requirement(skill: skill, importance: sum.importance / sum.weight, level: min(max(level / 7, 1e-6), 1), originalLevel: level)
        }
        guard !requirements.isEmpty else { return nil }
        let origin = DerivedRequirements(method: "nearest-rated", from: sources.map {
            DerivedRequirements.Source(job: $0.job, similarity: ($0.similarity * 1e6).rounded() / 1e6)
        })
        return (requirements, origin)
    }

    /// Inverse document frequency of each item over the occupations that list any.
    static func idf(_ sets: [String: Set<String>]) -> [String: Double] {
        var counts: [String: Int] = [:]
        for set in sets.values { for item in set { counts[item, default: 0] += 1 } }  // integer counts: order-free
        let n = Double(sets.values.filter { !$0.isEmpty }.count)
        return counts.mapValues { log(n / Double($0)) }
    }

    /// The cosine of two item sets weighted by idf (0 when either is empty).
    /// Sums run over the items in sorted order, so that the result is the same in every process (a `Set`'s order is
    /// not).
    static func cosine(_ a: Set<String>?, _ b: Set<String>?, idf: [String: Double]) -> Double {
        guard let a, let b, !a.isEmpty, !b.isEmpty else { return 0 }
        func norm(_ set: Set<String>) -> Double { set.sorted().reduce(0) { $0 + pow(idf[$1] ?? 0, 2) }.squareRoot() }
        let (small, large) = a.count <= b.count ? (a, b) : (b, a)
        let dot = small.sorted().reduce(0) { large.contains($1) ? $0 + pow(idf[$1] ?? 0, 2) : $0 }
        let denominator = norm(a) * norm(b)
        return denominator > 0 ? dot / denominator : 0
    }
}
