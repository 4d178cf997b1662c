/// Where a candidate's level in a skill comes from.
public enum LevelSource: Sendable, Hashable, CustomStringConvertible {
    /// The candidate does not have the skill.
    case none
    /// The candidate stated the level.
    case stated
    /// A credential the candidate holds grants the level.
    case credential(String)
    /// Inferred from the candidate's document (a title held); the evidence says how.
    case document(String)

    /// `none`, `stated` or `credential:ID`: the form used in JSON output.
    public var description: String {
        switch self {
        case .none: "none"
        case .stated: "stated"
        case .credential(let id): "credential:\(id)"
        case .document: "document"
        }
    }

    /// For a level inferred from a document, how it was inferred.
    public var evidence: String? {
        if case .document(let evidence) = self { return evidence }
        return nil
    }
}

/// A candidate's effective level in one skill, with its source.
public struct EffectiveLevel: Sendable, Hashable {
    /// The level, in [0, 1].
    public var level: Double
    /// Where it comes from.
    public var source: LevelSource
}

extension Catalog {
    /// The candidate's effective level in every skill they have: `h_s`.
    ///
    /// `h_s` is the largest of the stated level and the levels granted by credentials the candidate holds.
    /// When several sources give the same largest level, the stated level wins, then the credential with the
    /// smallest id. Unknown skills and credentials are ignored (validate the candidate first).
    /// - Returns: skill id → effective level; skills the candidate does not have are absent (`h_s = 0`).
    /// - Complexity: O(stated skills + grants of held credentials).
    public func effectiveLevels(of candidate: Candidate) -> [String: EffectiveLevel] {
        var levels: [String: EffectiveLevel] = [:]
        for held in candidate.skills where skill(held.skill) != nil {
            levels[held.skill] = EffectiveLevel(level: held.level, source: held.evidence.map(LevelSource.document) ?? .stated)
        }
        for id in candidate.credentials.sorted() {
            guard let credential = credential(id) else { continue }
            for grant in credential.grants {
                if let current = levels[grant.skill], current.level >= grant.level { continue }
                levels[grant.skill] = EffectiveLevel(level: grant.level, source: .credential(id))
            }
        }
        return levels
    }

    /// The effective levels as `(skill index, level)` pairs for the numeric core, in skill order.
    func heldVector(_ levels: [String: EffectiveLevel]) -> [(skill: Int, level: Double)] {
        levels.compactMap { id, held in skillIndex(id).map { (skill: $0, level: held.level) } }
            .sorted { $0.skill < $1.skill }
    }
}
