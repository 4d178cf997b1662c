import Foundation
import SkillMatch

/// The JSON shape of `next`.
public struct NextJSON: Encodable, Sendable {
    public struct Prospect: Encodable, Sendable {
        public var credential: String
        public var name: String
        public var cost: Double?
        public var hours: Double?
        public var requires: [String]
        public var unlocks: [MatchJSON.Match]
        public var gain: Double
        /// The best jobs it serves (lists among its occupations).
        public var serves: [String]
    }

    public var candidate: String
    public var qualified: Double
    public var bestJobs: [MatchJSON.Match]
    public var alreadyQualified: [MatchJSON.Match]
    public var credentials: [Prospect]
    /// `occupation` or `field` when only credentials serving the best jobs (or their fields) were ranked.
    public var scope: String?
    /// With a budget: credentials serving a best job that were left out only because they publish no cost (or hours).
    public var unpriced: [Unpriced]?

    public struct Unpriced: Encodable, Sendable {
        public var credential: String
        public var name: String
        public var cost: Double?
        public var hours: Double?
        /// The best jobs it serves.
        public var serves: [String]
    }

    public init(_ advice: NextCredentialAdvice, shown: [CredentialProspect]) {
        let match = { (score: JobScore) in MatchJSON.Match(job: score.job, title: score.title, score: rounded(score.score)) }
        candidate = advice.candidate
        qualified = advice.qualified
        bestJobs = advice.bestJobs.map(match)
        alreadyQualified = advice.alreadyQualified.map(match)
        scope = advice.scope == .any ? nil : advice.scope.rawValue
        credentials = shown.map {
            Prospect(credential: $0.credential, name: $0.name, cost: $0.cost, hours: $0.hours, requires: $0.requires,
                     unlocks: $0.unlocks.map(match), gain: rounded($0.gain), serves: $0.serves)
        }
        unpriced = advice.unpriced.isEmpty ? nil : advice.unpriced.map {
            Unpriced(credential: $0.credential, name: $0.name, cost: $0.cost, hours: $0.hours, serves: $0.serves)
        }
    }
}
