import SkillMatch

/// How a credential published with occupation alignments only (CTDL `occupationType`, Open Badges alignments to SOC
/// codes, a CSV `occupations` column) gets grants: from the profiles of the occupations it serves, bounded so that an
/// occupation alignment never stands for more than a credential could show.
///
/// For each of the credential's first ``occupations`` resolved occupations (the publisher's order, most relevant
/// first), the job's ``perOccupation`` most important requirements (importance descending, ties by skill id) are
/// granted at ``share`` × the required level. A skill reached through several occupations keeps its highest level and
/// the first occupation that gave it. Every such grant records the job in ``Grant/derivedFrom`` and is shown as
/// derived wherever grants are explained. With the defaults a credential gets at most 15 derived grants, none at more
/// than 75 % of what its occupations ask: it counts as most of an entry-level start on the occupation's core, not as
/// the whole occupation.
public struct DerivedGrantRule: Sendable, Hashable, Codable {
    /// How many of the credential's occupations are used (default 3).
    public var occupations: Int
    /// How many requirements of each occupation are granted (default 5).
    public var perOccupation: Int
    /// The granted level as a share of the required level, in (0, 1] (default 0.75).
    public var share: Double

    /// A rule; the defaults are ``standard``.
    public init(occupations: Int = 3, perOccupation: Int = 5, share: Double = 0.75) {
        self.occupations = max(1, occupations)
        self.perOccupation = max(1, perOccupation)
        self.share = min(max(share, 0.000001), 1)
    }

    /// Three occupations, five requirements each, at 75 % of the required level.
    public static let standard = DerivedGrantRule()

    /// The grants derived for a credential that serves these jobs (ids of `catalog`; unknown ids are passed over).
    public func grants(serving jobs: [String], in catalog: Catalog) -> [Grant] {
        var grants: [Grant] = []
        var positions: [String: Int] = [:]
        for id in jobs.prefix(occupations) {
            guard let job = catalog.job(id) else { continue }
            let top = job.requirements
                .sorted { $0.importance != $1.importance ? $0.importance > $1.importance : $0.skill < $1.skill }
                .prefix(perOccupation)
            for requirement in top {
                let level = max(0.000001, min(1, (share * requirement.level * 10_000).rounded() / 10_000))
                if let position = positions[requirement.skill] {
                    if level > grants[position].level { grants[position].level = level }
                } else {
                    positions[requirement.skill] = grants.count
                    grants.append(Grant(skill: requirement.skill, level: level, derivedFrom: job.id))
                }
            }
        }
        return grants
    }
}
