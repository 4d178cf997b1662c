import Foundation
import SkillMatch

/// The JSON shape of `jobs search`.
public struct JobsJSON: Encodable, Sendable {
    public struct Hit: Encodable, Sendable {
        public var id: String
        public var title: String
        public var jobZone: Int?
        public var relevance: Double
        public var matchedIn: [String]

        public init(id: String, title: String, jobZone: Int?, relevance: Double, matchedIn: [String]) {
            (self.id, self.title, self.jobZone, self.relevance, self.matchedIn) = (id, title, jobZone, relevance, matchedIn)
        }
    }

    public var query: String
    public var count: Int
    /// `semantic` for `--semantic`; absent for keyword search.
    public var method: String?
    public var jobs: [Hit]

    public init(query: String, count: Int, method: String?, jobs: [Hit]) {
        (self.query, self.count, self.method, self.jobs) = (query, count, method, jobs)
    }
}

/// The JSON shape of `credentials search`.
public struct SearchJSON: Encodable, Sendable {
    public struct Hit: Encodable, Sendable {
        public var credential: Credential
        public var relevance: Double
        public var matchedIn: [String]
        public var jobCoverage: Double?
    }

    public struct Count: Encodable, Sendable {
        public var value: String
        public var count: Int
    }

    public var query: String
    public var count: Int
    public var credentials: [Hit]
    public var facets: [String: [Count]]
}

extension JobsJSON {
    /// Keyword search results, at most `limit` of them listed (`count` is how many matched).
    public init(query: String, hits: [JobHit], limit: Int) {
        self.init(query: query, count: hits.count, method: nil, jobs: Array(hits.prefix(limit)).map {
            Hit(id: $0.job.id, title: $0.job.title, jobZone: $0.job.jobZone, relevance: $0.relevance, matchedIn: $0.matchedIn)
        })
    }
}

extension SearchJSON {
    /// The certification finder's results, at most `limit` listed (`count` is how many matched), with every facet's
    /// values and counts.
    public init(query: CredentialQuery, result: CredentialSearchResult, limit: Int?) {
        let hits = limit.map { Array(result.hits.prefix($0)) } ?? result.hits
        self.query = query.text
        count = result.hits.count
        credentials = hits.map {
            Hit(credential: $0.credential, relevance: $0.relevance, matchedIn: $0.matchedIn, jobCoverage: $0.jobCoverage.map(rounded))
        }
        facets = result.facets.mapValues { $0.map { Count(value: $0.value, count: $0.count) } }
    }
}
