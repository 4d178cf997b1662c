/// How one requirement of a job is met: one line of a fit explanation.
public struct SkillCredit: Sendable, Hashable {
    /// The required skill's id.
    public var skill: String
    /// The skill's label.
    public var label: String
    /// The requirement's importance `w_s`.
    public var importance: Double
    /// The required level `r_s`.
    public var required: Double
    /// The candidate's effective level `h_s` (0 when absent).
    public var have: Double
    /// `min(h_s, r_s) / r_s`, in [0, 1].
    public var credit: Double
    /// Where `have` comes from.
    public var source: LevelSource
    /// The score the job would gain if this requirement were fully met: `w_s · (1 − credit) / Σ w`.
    public var gain: Double
    /// When a related skill the candidate holds gives more credit than `have` does: where that credit comes from
    /// (``SkillInference``); `credit` is then the inferred credit.
    public var inferred: InferredCredit? = nil
}

/// Credit for a requirement inferred from a related skill the candidate holds.
public struct InferredCredit: Sendable, Hashable {
    /// The held skill's id.
    public var from: String
    /// Its label.
    public var label: String
    /// Its cosine similarity to the required skill.
    public var similarity: Double
    /// The candidate's level in it.
    public var level: Double
    /// The inferred credit, `cap · similarity · min(level, r) / r`.
    public var credit: Double
}

/// A candidate's fit for one job, explained requirement by requirement.
public struct FitResult: Sendable, Hashable {
    /// The candidate's id.
    public var candidate: String
    /// The job's id.
    public var job: String
    /// The job's title.
    public var title: String
    /// `Σ w_s · min(h_s, r_s) / r_s / Σ w_s`, in [0, 1].
    public var score: Double
    /// One line per requirement: most important first, then by skill id.
    public var skills: [SkillCredit]
}

/// A job and a candidate's score for it, as ranked by ``MatchEngine/match(_:top:)``.
public struct JobScore: Sendable, Hashable {
    /// The job's id.
    public var job: String
    /// The job's title.
    public var title: String
    /// The fit score, in [0, 1].
    public var score: Double
}

/// Rounds a score to 6 decimals: the precision SkillMatch ranks and prints with.
public func roundedScore(_ score: Double) -> Double {
    (score * 1_000_000).rounded(.toNearestOrAwayFromZero) / 1_000_000
}
