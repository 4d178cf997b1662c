import Foundation
import SkillMatch

/// The JSON shape of `gaps`.
public struct GapsJSON: Encodable, Sendable {
    /// One credential's counts (also the shape of `gaps --partial`'s credentials).
    public struct Impact: Codable, Sendable {
        public var credential: String
        public var name: String
        public var cost: Double?
        public var hours: Double?
        public var lifted: Int
        public var liftedByJob: [String: Int]
        public var inPlans: Int

        public init(credential: String, name: String, cost: Double?, hours: Double?, lifted: Int, liftedByJob: [String: Int], inPlans: Int) {
            (self.credential, self.name, self.cost, self.hours) = (credential, name, cost, hours)
            (self.lifted, self.liftedByJob, self.inPlans) = (lifted, liftedByJob, inPlans)
        }
    }

    public var jobs: [String]
    public var people: Int
    public var qualified: Double
    public var alreadyQualified: [String: Int]
    public var unreachable: [String: Int]
    public var credentials: [Impact]

    public init(_ report: PoolGapReport, shown: [PoolCredentialImpact]) {
        jobs = report.jobs
        people = report.people
        qualified = report.qualified
        alreadyQualified = report.alreadyQualified
        unreachable = report.unreachable
        credentials = shown.map {
            Impact(credential: $0.credential, name: $0.name, cost: $0.cost, hours: $0.hours, lifted: $0.lifted,
                   liftedByJob: $0.liftedByJob, inPlans: $0.inPlans)
        }
    }
}
