import Foundation
import SkillMatch

/// The JSON shape of `gap`: `{"candidate", "job", "scoreBefore", "scoreAfter", "optimal", "lowerBound",
/// "credentials": [{"id", "name", "covers", "cost", "hours"}], "uncoverable": [skill ids], "totalCost", "totalHours"}`.
public struct GapJSON: Encodable, Sendable {
    public struct Step: Encodable, Sendable {
        public var id: String
        public var name: String
        public var covers: [String]
        public var raises: [String]
        public var cost: Double?
        public var hours: Double?
        public var prerequisiteFor: [String]

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(name, forKey: .name)
            try c.encode(covers, forKey: .covers)
            try c.encode(raises, forKey: .raises)
            try c.encode(cost, forKey: .cost)  // null when unknown
            try c.encode(hours, forKey: .hours)
            try c.encode(prerequisiteFor, forKey: .prerequisiteFor)
        }

        private enum CodingKeys: String, CodingKey { case id, name, covers, raises, cost, hours, prerequisiteFor }
    }

    public struct Gap: Encodable, Sendable {
        public var skill: String
        public var label: String
        public var importance: Double
        public var required: Double
        public var have: Double
    }

    public var candidate: String
    public var job: String
    public var title: String
    public var target: Double?
    public var scoreBefore: Double
    public var scoreAfter: Double
    public var optimal: Bool
    public var lowerBound: Int
    public var credentials: [Step]
    public var uncoverable: [String]
    public var uncoverableDetails: [Gap]
    public var gap: [Gap]
    public var totalCost: Double
    public var totalHours: Double
    public var unknownCosts: Int
    public var unknownHours: Int
    /// `occupation`, `field` or `any`: which credentials the plan drew from (absent in a plan given no scopes).
    public var scope: String?
    /// `true` when no usable credential closes a gap skill and the plan instead raises the fit as far as the usable
    /// credentials go (absent otherwise).
    public var raisesOnly: Bool?
    /// The credentials the candidate holds that serve the job, in id order (absent when none).
    public var heldServing: [String]?

    public init(_ plan: GapPlan) {
        candidate = plan.candidate
        job = plan.job
        title = plan.title
        target = plan.target
        scoreBefore = rounded(plan.scoreBefore)
        scoreAfter = rounded(plan.scoreAfter)
        optimal = plan.optimal
        lowerBound = plan.lowerBound
        credentials = plan.credentials.map {
            Step(id: $0.id, name: $0.name, covers: $0.covers, raises: $0.raises, cost: $0.cost, hours: $0.hours, prerequisiteFor: $0.prerequisiteFor)
        }
        let gaps = { (list: [GapSkill]) in
            list.map { Gap(skill: $0.skill, label: $0.label, importance: $0.importance, required: $0.required, have: rounded($0.have)) }
        }
        raisesOnly = plan.raisesOnly ? true : nil
        heldServing = plan.heldServing.isEmpty ? nil : plan.heldServing
        uncoverable = plan.uncoverable.map(\.skill)
        uncoverableDetails = gaps(plan.uncoverable)
        gap = gaps(plan.gap)
        totalCost = plan.totalCost
        totalHours = plan.totalHours
        unknownCosts = plan.unknownCosts
        unknownHours = plan.unknownHours
        scope = plan.scope?.rawValue
    }
}
